"""Which format a published report is in: the template whose headings and table labels it carries most.

Each chapter heading found counts two, each distinct row label or column header of a table one. When
formats score alike (the 2019 and 2021 chapters are worded the same; a report without tables), the
format of the title's year decides.
"""

from __future__ import annotations

from core.imports.labels import label_key
from core.imports.published.blocks import Block
from core.imports.published.table_cells import label_score
from core.template import Template, UnknownTemplateError, load_template, template_for_year
from core.template.registry import available_template_ids


def format_scores(blocks: list[Block]) -> dict[str, int]:
    paragraphs = {label_key(b.text) for b in blocks if b.kind == "paragraph"}
    rows = [b for b in blocks if b.kind == "row"]
    scores = {}
    for template_id in available_template_ids():
        template = load_template(template_id)
        headings = sum(1 for c in template.chapters if label_key(c.heading) in paragraphs)
        labels = sum(label_score(template_id, t.key, rows) for t in template.tables)
        scores[template_id] = 2 * headings + labels
    return scores


def recognise(blocks: list[Block], year: int | None) -> Template | None:
    """The format to read the report in; None when neither its labels nor its year say."""
    scores = format_scores(blocks)
    by_year = None
    if year is not None:
        try:
            by_year = template_for_year(year)
        except UnknownTemplateError:
            by_year = None
    best = max(scores.values(), default=0)
    if by_year is not None and scores.get(by_year.id, 0) == best:
        return by_year
    if best == 0:
        return by_year
    # a tie without a year to break it: the newest format, as the workbook import decides
    leaders = [load_template(t) for t, s in scores.items() if s == best]
    return max(leaders, key=lambda t: t.first_year)
