"""Label variants live in the templates, and no format's variant contradicts another format's labels."""

from __future__ import annotations

from core.imports.labels import canonical, foreign_labels, label_key
from core.template.registry import available_template_ids, load_template


def _templates():
    return [load_template(i) for i in available_template_ids()]


def test_a_variant_means_one_label_in_every_format():
    meaning: dict[str, str] = {}
    for template in _templates():
        for table in template.tables:
            for item in table.items:
                for variant in item.aliases:
                    key = label_key(variant)
                    assert meaning.setdefault(key, label_key(item.text)) == label_key(item.text), (template.id, variant)


def test_no_variant_is_another_label_of_the_same_table():
    for template in _templates():
        for table in template.tables:
            officials = {label_key(i.text): i.text for i in table.items if i.text}
            for item in table.items:
                for variant in item.aliases:
                    other = officials.get(label_key(variant))
                    assert other is None or label_key(other) == label_key(item.text), (template.id, variant, other)


def test_variants_read_as_their_official_label():
    assert canonical("社会组织") == canonical("社会公益组织")
    assert canonical("（七）合计") == canonical("（七）总计")
    assert canonical("规范性文件") == canonical("行政规范性文件")


def test_other_formats_labels_are_known_per_format():
    assert "本年新制作数量" in {label for label, _ in foreign_labels("2021").values()}
    assert "本年制发件数" in {label for label, _ in foreign_labels("2019").values()}
    assert canonical("规范性文件") not in foreign_labels("2021")  # a variant, not a foreign label
