"""Every seed's published text imports into a report that prints that text, with the tables of its fixture;
our own Word exports import back to the same cells and texts."""

from __future__ import annotations

from decimal import Decimal

import pytest

from core.document import Report
from core.export.docx_writer import write_docx
from core.imports.published.reader import read_blocks, read_published
from core.imports.published.text_source import text_blocks
from core.printed_text import printed_text
from core.report_file import load_report
from resources import SAMPLE_REPORT
from tests.conftest import FIXTURES, SEED001
from tests.portal_pages import portal_page
from tests.seed_text import FILES, seed_text
from tests.test_seeds import KNOWN_DIFFERENCES, compare, fixture


def imported(name: str, repaired: bool = True):
    return read_blocks(text_blocks(seed_text(name, repaired=repaired).encode("utf-8"), name), name)


@pytest.mark.parametrize("name", sorted(FILES))
def test_each_seed_imports_into_a_report_that_prints_its_text_with_the_fixtures_tables(name: str):
    result = imported(name)
    report, expected = result.report, fixture(name)
    assert report.template_id == expected.template_id and report.year == expected.year
    assert report.cells == expected.cells
    assert compare(name, report) == KNOWN_DIFFERENCES.get(name, [])
    assert result.defects == []
    assert result.read == {k for t in expected.tables for k in t.cells}


def test_seed_001_every_number_in_its_cell_and_the_five_blank_cells_blank():
    report = imported("001").report
    assert report.value("t2.normative_documents.repealed") == 173
    assert str(report.value("t2.fees.amount")) == "3056.81805"
    assert report.value("t3.unprocessed_petition.natural") == 1 and report.value("t3.total_results.total") == 3
    review = [k for k in report.template.cells if k.startswith("t4.review.")]
    assert len(review) == 5 and all(report.value(k) is None for k in review)
    assert all(report.value(k) == 0 for k in report.template.cells if k.startswith(("t4.direct_suit.", "t4.suit_after")))
    assert report.unit.name == "吴忠市利通区" and (report.unit.kind, report.unit.level) == ("government", "county")
    assert report.run_in_headings and [s.title for s in report.chapter("overview").sections][3] == "（四）平台建设。"


def test_seed_001_as_extracted_names_the_four_rows_that_lost_a_number_and_reads_the_rest():
    """Beside the vertical label the extraction lost five zeros: those rows are named, never shifted."""
    result = imported("001", repaired=False)
    defects = result.defects
    assert [p.where for p in defects] == ["第 51 行", "第 52 行", "第 53 行", "第 54 行"]
    assert "「（一）予以公开」：读到 6 个数，应有 7 个" in defects[0].message
    assert "「1.属于国家秘密」：读到 5 个数，应有 7 个" in defects[2].message
    lost = {k for p in defects for k in p.cell_keys}
    assert lost == {f"t3.{row}.{col}" for row in ("disclosed", "partly_disclosed", "withheld_state_secret",
                                                   "withheld_prohibited")
                    for col in ("natural", "commercial", "research", "public_interest", "legal_services", "other", "total")}
    assert all(k not in result.report.cells for k in lost)
    expected = fixture("001")
    assert {k: v for k, v in result.report.cells.items()} == {k: v for k, v in expected.cells.items() if k not in lost}
    # the row whose label the page break cut in two is joined and read
    assert "t3.other_unpaid_fee.natural" in result.read


@pytest.mark.parametrize("source", [SAMPLE_REPORT, SEED001], ids=["sample", "seed001"])
def test_our_word_export_imports_back_to_identical_cells_and_texts(source, tmp_path):
    report = load_report(source)
    path = tmp_path / "report.docx"
    write_docx(report, path)
    result = read_published(path)
    back = result.report
    assert result.defects == [] and [p.message for p in result.notices] == [
        "单位信息的地址、邮编、电话、传真、电子邮箱" + ("、网站" if source == SEED001 else "") + "取自开头段落，请在单位信息中核对"]
    assert back.cells == report.cells and back.texts == report.texts and back.opening == report.opening
    contact = ("address", "postcode", "phone", "fax", "email") + (("website",) if source == SEED001 else ())
    assert all(getattr(back.unit, f) == getattr(report.unit, f) for f in contact)
    assert (back.template_id, back.year, back.unit.name, back.signing_date) == \
        (report.template_id, report.year, report.unit.name, report.signing_date)
    assert [(c.key, c.title, [s.title for s in c.sections]) for c in back.chapters] == \
        [(c.key, c.title, [s.title for s in c.sections]) for c in report.chapters]


def test_each_part_read_says_where_it_came_from():
    result = imported("001")
    origins: dict = {}
    for origin in result.origins:  # the first origin of each target: a section's heading before its text
        origins.setdefault(origin.targets, origin)
    assert origins[("title",)].text == "吴忠市利通区 2021 年政府信息公开工作年度报告"
    assert origins[("t2.licensing.decisions",)].text == "行政许可\t10723"
    assert origins[("opening",)].where == "第 7 行"
    assert origins[("overview.platforms",)].text == "（四）平台建设。"
    lines = [int(o.where.split()[1]) for o in result.origins]
    assert lines == sorted(lines), "in the file's order"
    cells = {k for o in result.origins for k in o.targets if k in result.report.template.cells}
    assert cells == result.read


def _printed(report) -> list[tuple[str, str]]:
    """The printed blocks, the title's lines joined: the Word export breaks a long title into lines of its own."""
    blocks = [(b.kind, b.text) for b in printed_text(report)]
    title = "".join(text for kind, text in blocks if kind == "title")
    return [("title", title)] + [b for b in blocks if b[0] != "title"]


@pytest.mark.parametrize("name", ["000", "002", "003", "004"])
@pytest.mark.parametrize("kind", ["docx", "html"])
def test_pre2019_fixtures_exported_or_published_as_web_pages_import_back(name, kind, tmp_path):
    """Own titles, chapters, sub-headings (also "1." ones), the 统计表 and channel table in their sections,
    drawn forms and the signature come back as they print."""
    report = fixture(name)
    path = tmp_path / f"report.{kind}"
    if kind == "docx":
        write_docx(report, path)
    else:
        path.write_bytes(portal_page(report))
    result = read_published(path)
    assert result.defects == [] and result.report.cells == report.cells
    assert _printed(result.report) == _printed(report)


def test_a_2019_format_report_round_trips_through_word(tmp_path):
    report = Report.new(2020, "某某县某某镇人民政府")
    template = report.template
    for n, key in enumerate(k for k in template.cells if not template.cells[k].computed):
        cell_type = template.cells[key].type
        report.set_value(key, Decimal(f"{n}.5") if cell_type == "money" else (-n if cell_type == "signed_count" else n))
    for key in report.text_keys:
        report.set_text(key, f"{key} 的正文，共 {len(key)} 项。")
    report.opening = "根据《条例》编制本报告。"
    path = tmp_path / "r.docx"
    write_docx(report, path)
    result = read_published(path)
    back = result.report
    assert back.template_id == "2019" and back.year == 2020 and result.defects == []
    assert back.cells == report.cells and back.texts == report.texts


def _copied(report, layout: str) -> str:
    """A report's printed text as a PDF copy may come out: table cells separated by spaces, or one per line."""
    lines = []
    for block in printed_text(report):
        if block.kind != "row":
            lines.append(block.text)
        elif layout == "spaces":
            lines.append(" ".join(c for c in block.cells if c))
        else:
            lines += [c for c in block.cells if c]
    return "\n".join(lines) + "\n第 3 页 共 3 页\n— 3 —"


@pytest.mark.parametrize("layout", ["spaces", "lines"])
def test_copied_text_with_cells_separated_by_spaces_or_one_per_line(layout):
    """Every number of the sample comes back; seed 001's 表四 without its five blank cells cannot be placed
    and is named, the rest of its tables is read."""
    sample = load_report(SAMPLE_REPORT)
    result = read_blocks(text_blocks(_copied(sample, layout).encode(), "r.txt"), "r.txt")
    assert result.report.cells == sample.cells and result.defects == []
    seed = load_report(SEED001)
    result = read_blocks(text_blocks(_copied(seed, layout).encode(), "r.txt"), "r.txt")
    assert [p.message for p in result.defects] == [
        "表四（政府信息公开行政复议、行政诉讼情况）的数字行：读到 10 个数，应有 15 个，无法确定每个数属于哪一列，这一行未导入"]
    assert result.report.cells == {k: v for k, v in seed.cells.items() if not k.startswith("t4.")}


def test_the_format_is_told_by_the_tables_not_only_by_the_year(tmp_path):
    """A 2019-format report whose title says 2022: read in the 2019 format, with a problem on the year."""
    report = Report.new(2020, "某某县某某镇人民政府")
    report.set_value("t2.licensing.decisions", 7)
    path = tmp_path / "r.docx"
    write_docx(report, path)
    text = "\n".join(b.text for b in printed_text(report)).replace("2020年政府信息公开工作年度报告", "2022年政府信息公开工作年度报告")
    result = read_blocks(text_blocks(text.encode(), "r.txt"), "r.txt")
    assert result.report.template_id == "2019" and result.report.year == 2022
    assert any("不适用于 2022 年度" in p.message for p in result.defects)
    assert read_published(path).report.template_id == "2019"


def test_this_years_report_starts_from_last_years_published_report():
    from core.carry_over import report_from_last_year

    last = imported("001").report
    report, _ = report_from_last_year(last, 2022)
    assert report.unit.name == "吴忠市利通区" and report.unit.phone == "0953-2666586"
    carried = {k: report.value(k) for k in report.template.cells if k.startswith("t3.carried_over.")}
    assert carried and all(v == last.value(k.replace("carried_over", "carried_forward")) for k, v in carried.items())
    assert report.previous is not None and report.previous.cells == last.cells


@pytest.mark.parametrize("name", ["000", "002", "003", "004"])
def test_each_seed_as_extracted_imports_its_tables_whole(name: str):
    """Without the repairs: 004's row labels cut by page breaks ("…经济" / "安全和社会稳定", its 单位 between)
    are joined, its header repeated on new pages skipped; every number lands in its fixture's cell."""
    result = imported(name, repaired=False)
    assert result.defects == [] and result.report.cells == fixture(name).cells


@pytest.mark.parametrize("name", sorted(FILES))
def test_each_seeds_chapters_and_front_matter_are_its_fixtures(name: str):
    """Chapter and section titles, each chapter's text (spaces aside: the extraction spaced digits), the
    opening, the own title, the signature and date, as the fixtures were entered by hand."""
    report, expected = imported(name).report, fixture(name)

    def outline(r):
        return [(c.title, [s.title for s in c.sections], c.tables, [s.tables for s in c.sections]) for c in r.chapters]

    def spaceless(text: str) -> str:
        return "".join(text.split())

    assert outline(report) == outline(expected)
    assert [spaceless(report.chapter_text(c.key)) for c in report.chapters] == \
        [spaceless(expected.chapter_text(c.key)) for c in expected.chapters]
    assert spaceless(report.opening) == spaceless(expected.opening)
    # 004's title names the township (灵武市白土岗乡); its fixture the township's government, which the text never prints
    unit = "灵武市白土岗乡" if name == "004" else expected.unit.name
    assert (report.own_title, report.unit.name, report.signing_date, report.signature_printed) == \
        (expected.own_title, unit, expected.signing_date, expected.signature_printed)
    assert {k: (t.title, t.rows) for k, t in report.free_tables.items()} == \
        {k: (t.title, t.rows) for k, t in expected.free_tables.items()}


def test_rows_labelled_alike_are_named_when_one_of_them_is_missing(tmp_path):
    """Seed 004's 统计表 prints （二）被依法纠错数 under 行政复议 and again under 行政诉讼. With the first one
    lost, the second could stand for either: neither is taken, both are named (and the rest is read)."""
    lines = seed_text("004").splitlines()
    [first] = [n for n, line in enumerate(lines) if "被依法纠错数" in line][:1]
    del lines[first]
    path = tmp_path / "004.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    result = read_published(path)
    alike = {k for k, c in result.report.template.cells.items() if c.row.label == "（二）被依法纠错数"}
    assert len(alike) == 2 and not alike & result.read
    problem = next(p for p in result.problems if "都叫「（二）被依法纠错数」" in p.message)
    assert set(problem.cell_keys) == alike and "只找到 1 行" in problem.message
    assert result.report.value("stats.received.number") == fixture("004").value("stats.received.number")


def test_a_later_block_of_a_table_printed_with_its_columns_swapped_is_not_read(tmp_path):
    """Table 二 of the 2019 format prints one header per 第二十条 item; each is checked against the
    official column order before its numbers, not only the first."""
    report = load_report(FIXTURES / "sample_2020.nianbao")
    lines = [block.text for block in printed_text(report)]
    path = tmp_path / "2020.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    whole = read_published(path)
    t2 = {k for k in report.template.cells if k.startswith(report.template.tables[0].key + ".")}
    assert t2 <= whole.read and all(whole.report.value(k) == report.value(k) for k in t2)
    header = next(n for n, line in enumerate(lines) if "上一年项目数量\t本年增/减" in line)
    lines[header] = lines[header].replace("上一年项目数量\t本年增/减", "本年增/减\t上一年项目数量")
    label, previous, change, *rest = lines[header + 1].split("\t")
    lines[header + 1] = "\t".join([label, change, previous, *rest])  # the numbers as the swapped header says
    path.write_text("\n".join(lines), encoding="utf-8")
    swapped = read_published(path)
    assert not t2 & swapped.read
    assert any("列顺序不同" in p.message and set(p.cell_keys) >= t2 for p in swapped.problems)
