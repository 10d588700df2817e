"""The Word export's own layout arithmetic: line counts, table geometry, the page flow and the cut
of a table into page parts. Plain data in, plain numbers out; the rendering tests check the same
against LibreOffice."""

from __future__ import annotations

import docx
import pytest
from docx.oxml.ns import qn

from core.export.docx_flow import TEXT_HEIGHT, Box, PageFlow, _fill
from core.export.docx_measure import char_em, line_count, text_width
from core.export.docx_styles import FONT_SETS, STYLE_HEADING1, set_page, set_styles
from core.export.docx_table_layout import CELL_MARGIN, PITCH, layout_table, printed_height, row_heights
from core.export.docx_table_parts import FIRST_MARGIN, GAP, MAX_BLANK, MIN_ROWS, NEXT_MARGIN, make_part, plan_parts
from core.export.docx_text import add_body, add_heading
from core.report_file import load_report
from core.template import load_template
from resources import SAMPLE_REPORT
from tests.rendering import with_counts

TEMPLATE = load_template("2021")
LINE_WIDTH = 156 / 25.4 * 72  # points
BODY = (16, -0.25)  # 3号 condensed by 0.25 pt
PAGE = round(TEXT_HEIGHT * 20)


# --- line counts ---------------------------------------------------------------------------------

def test_28_characters_a_line_and_26_after_the_indent() -> None:
    assert line_count("字" * 28, LINE_WIDTH, *BODY) == 1
    assert line_count("字" * 29, LINE_WIDTH, *BODY) == 2
    assert line_count("字" * 26, LINE_WIDTH, *BODY, first_indent=32) == 1
    assert line_count("字" * 27, LINE_WIDTH, *BODY, first_indent=32) == 2
    assert line_count("", LINE_WIDTH, *BODY) == 1 and line_count("一\n二", LINE_WIDTH, *BODY) == 2


def test_a_closing_mark_never_starts_a_line_and_takes_a_character_along() -> None:
    assert line_count("字" * 28 + "，字", LINE_WIDTH, *BODY) == 2  # 27 + "字，字" — as LibreOffice sets it
    assert line_count("字" * 27 + "，", LINE_WIDTH, *BODY) == 1
    assert line_count("字" * 27 + "（字", LINE_WIDTH, *BODY) == 2  # an opening mark never ends a line


def test_latin_words_and_digits_are_measured_by_their_own_widths() -> None:
    assert (char_em("2"), char_em("m"), char_em("i"), char_em("字"), char_em("“")) == (0.5, 0.778, 0.278, 1.0, 1.0)
    assert text_width("2025年", 16) == pytest.approx(4 * 8 + 16 + 4)  # ¼ em set off where digits meet Chinese
    email = "lxzzwgk@example.gov.cn"
    assert line_count("字" * 20 + email, LINE_WIDTH, *BODY) == 2  # the address is not broken
    assert line_count("a" * 100, LINE_WIDTH, *BODY) == 2  # a word longer than a line breaks where it must


# --- table geometry ------------------------------------------------------------------------------

def test_font_size_steps_down_only_as_far_as_the_numbers_need() -> None:
    sizes = {d: {t.key: layout_table(with_counts(load_report(SAMPLE_REPORT), d), t).size for t in TEMPLATE.tables}
             for d in (1, 4, 5, 6)}
    assert sizes[1] == sizes[4] == {"t2": 12.0, "t3": 10.5, "t4": 10.5}
    assert sizes[5] == {"t2": 12.0, "t3": 10.5, "t4": 9.0}
    assert sizes[6] == {"t2": 12.0, "t3": 10.5, "t4": 7.5}


@pytest.mark.parametrize("digits", [1, 6])
def test_the_vertical_label_column_is_a_line_pitch_wide(digits: int) -> None:
    """Word and WPS set a vertical line as wide as the line pitch, not as the font size."""
    report = with_counts(load_report(SAMPLE_REPORT), digits)
    table = TEMPLATE.table("t3")
    layout = layout_table(report, table)
    (vertical,) = [i for i in table.items if i.vertical]
    assert layout.pitch == round(layout.size * PITCH * 20)
    assert layout.widths[vertical.col] - 2 * CELL_MARGIN >= layout.pitch > layout.size * 20 * 1.25


def test_rows_are_as_tall_as_their_tallest_cell_and_merged_labels_fit() -> None:
    table = TEMPLATE.table("t3")
    layout = layout_table(load_report(SAMPLE_REPORT), table)
    pitch = layout.pitch
    assert min(layout.heights) == pitch
    row = {i.text: i.row for i in table.items if i.role == "row_label"}
    assert layout.heights[row["1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"]] >= 2 * pitch
    (vertical,) = [i for i in table.items if i.vertical]
    two_rows = [vertical.__class__(**{**vertical.__dict__, "rowspan": 2})]
    heights = row_heights(two_rows, vertical.row + 2, {(vertical.row, 0): layout.needs[(vertical.row, 0)]}, pitch)
    assert sum(heights[vertical.row:]) >= text_width(vertical.text, layout.size) * 20  # grown to hold 9 characters
    assert printed_height([100, 200]) == 300 + 3 * 10


# --- page parts ----------------------------------------------------------------------------------

def parts_for(digits: int, key: str, room: int, kept: int = 579, page: int = PAGE):
    report = with_counts(load_report(SAMPLE_REPORT), digits)
    table = TEMPLATE.table(key)
    layout = layout_table(report, table)
    return table, layout, plan_parts(table, layout, room, kept, page)


def test_a_table_that_fits_stays_whole_where_it_is() -> None:
    table, layout, parts = parts_for(1, "t3", room=PAGE - 579)
    assert len(parts) == 1 and parts[0].rows == range(table.header_rows, table.grid_rows)
    assert parts[0].items == tuple(table.items)


def test_a_table_moves_whole_when_that_leaves_little_blank() -> None:
    table, layout, parts = parts_for(1, "t3", room=round(MAX_BLANK * PAGE) - 579 - 20)
    assert len(parts) == 1


@pytest.mark.parametrize("digits", [1, 6])
def test_a_table_starts_in_the_room_left_and_continues_with_its_header_and_labels(digits: int) -> None:
    room = PAGE // 2
    table, layout, parts = parts_for(digits, "t3", room=room)
    assert len(parts) == 2
    assert parts[0].height <= room - FIRST_MARGIN and parts[1].height <= PAGE - GAP - NEXT_MARGIN
    assert [r for p in parts for r in p.rows] == list(range(table.header_rows, table.grid_rows))
    (vertical,) = [i for i in table.items if i.vertical]
    header = [i for i in table.items if i.row < table.header_rows]
    for part in parts:
        assert list(part.items[:len(header)]) == header  # header rows repeated as they are
        block = [r for r in part.rows if vertical.row <= r < vertical.row + vertical.rowspan]
        (drawn,) = [i for i in part.items if i.vertical]
        assert (drawn.text, drawn.rowspan, part.texts[(drawn.row, drawn.col)]) == (vertical.text, len(block), vertical.text)
        assert len(part.heights) == table.header_rows + len(part.rows)


def test_a_table_taller_than_a_page_is_cut_into_parts_that_each_fit() -> None:
    page = 5000  # twips: a quarter of A4's 版心
    table, layout, parts = parts_for(6, "t3", room=page - 579, page=page)
    assert len(parts) >= 4
    assert all(p.height <= page - GAP - NEXT_MARGIN for p in parts[1:])
    assert [r for p in parts for r in p.rows] == list(range(table.header_rows, table.grid_rows))


def test_a_block_heading_or_column_header_never_ends_a_part() -> None:
    table = TEMPLATE.table("t2")
    for page in range(2000, 6000, 250):  # from a block and a half a page
        _, layout, parts = parts_for(3, "t2", room=page - 579, page=page)
        ends = [p.rows.stop - 1 for p in parts[:-1]]
        roles = {i.row: i.role for i in table.items if i.col == 0}
        assert all(roles[end] == "row_label" for end in ends), (page, ends)


def test_not_enough_room_for_three_rows_starts_the_table_on_the_next_page() -> None:
    table, layout, parts = parts_for(6, "t3", room=2600)
    whole = make_part(table, layout, range(table.header_rows, table.grid_rows))
    three = make_part(table, layout, range(table.header_rows, table.header_rows + 3))
    assert three.height > 2600 - FIRST_MARGIN  # the first three rows do not fit under the heading …
    assert parts[0].height > 2600 - FIRST_MARGIN  # … so the first part is sized for a page of its own
    assert all(p.height <= PAGE - 579 - NEXT_MARGIN for p in parts) and whole.height > parts[0].height


# --- page flow -----------------------------------------------------------------------------------

def test_pages_fill_line_by_line_and_headings_keep_with_their_text() -> None:
    pitch = 28.95
    lines = [Box(pitch, False)] * 21
    assert _fill(lines, TEXT_HEIGHT) == pytest.approx(21 * pitch)
    assert _fill(lines + [Box(pitch, False)], TEXT_HEIGHT) == pytest.approx(22 * pitch)  # 22 lines fill the page
    assert _fill(lines + [Box(pitch, False)] * 2, TEXT_HEIGHT) == pytest.approx(pitch)
    heading = [Box(pitch, True)]
    assert _fill(lines + heading + [Box(pitch, False)] * 2, TEXT_HEIGHT) == pytest.approx(3 * pitch)  # moved along
    assert _fill([Box(pitch, True)] * 30, TEXT_HEIGHT) == pytest.approx(8 * pitch)  # a chain longer than a page breaks


def test_the_flow_reads_the_document_built_so_far() -> None:
    document = docx.Document()
    set_page(document)
    set_styles(document, FONT_SETS["official"])
    flow = PageFlow(document)
    add_body(document, "\n".join(["字" * 26] * 21), FONT_SETS["official"])  # 21 one-line paragraphs
    assert flow.used() == pytest.approx(21 * 28.95)
    add_heading(document, "一、总体情况", 1, FONT_SETS["official"])  # the last line of the page
    assert flow.kept() == pytest.approx(28.95) and flow.room() == pytest.approx(TEXT_HEIGHT - 22 * 28.95)
    add_body(document, "字" * 60, FONT_SETS["official"])  # 3 lines: the heading goes along to the next page
    assert flow.used() == pytest.approx(4 * 28.95)
    add_body(document, "字" * 26, FONT_SETS["official"])
    assert flow.used() == pytest.approx(5 * 28.95)  # only what is new is measured
    styles = [p.find(qn("w:pPr")) for p in document.element.body.iter(qn("w:p"))]
    assert sum(1 for s in styles if s is not None and s.find(qn("w:pStyle")) is not None
               and s.find(qn("w:pStyle")).get(qn("w:val")) == STYLE_HEADING1) == 1



@pytest.mark.parametrize("digits", [1, 6])
def test_a_last_part_is_never_a_header_over_a_row_or_two(digits: int) -> None:
    for room in range(3000, PAGE, 400):
        table, layout, parts = parts_for(digits, "t3", room=room)
        if len(parts) > 1:
            assert len(parts[-1].rows) >= MIN_ROWS, (room, [p.rows for p in parts])
