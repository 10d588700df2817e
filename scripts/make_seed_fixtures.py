"""Write the pre-2019 seeds as fixtures: seeds 000, 002, 003 and 004 entered in full in the pre-2019 format.

Each seed is described by what a clerk would enter: its unit, title and signature, and its outline — the
chapter and section headings in the seed's words and order, and where its tables stand. The text under each
heading is taken from the published text in ../shared/seeds: lines joined across the PDF's line and page
breaks, page numbers dropped, and the spaces the extraction put between Chinese and Latin characters or
digits removed (form cells keep theirs: there they are blanks to write in). Table values are read from the
seed's own table lines, matched to the template's rows in order; every line skipped must be one of the
table's headings, and every total the app computes must equal the total the seed prints.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from core.document import FreeTable, Report, UnitInfo  # noqa: E402
from core.outline import FREE_TABLE_PREFIX, OutlineChapter, OutlineSection, check_outline, chinese_number  # noqa: E402
from core.report_file import save_report  # noqa: E402
from core.values import format_value, parse_cell_input  # noqa: E402

SEEDS_DIR = ROOT.parent / "shared" / "seeds"
FIXTURES = ROOT / "tests" / "fixtures"
PAGE_NUMBER = re.compile(r"^[-—–]\s*\d+\s*[-—–]$")
SENTENCE_END = re.compile(r"[。：；！？][”’）)]*$")
_EXTRACTION_SPACE = re.compile(r"(?<=[^\x00-\x7f])\s+|\s+(?=[^\x00-\x7f])")
_HALF_BRACKETS = str.maketrans("()", "（）")
WIDE = "“”‘’"  # quotes are ambiguous-width in Unicode but full-width in a Chinese document


@dataclass(frozen=True)
class Part:
    """A heading of the seed's outline as it prints it: a chapter ("一、基本情况") or a section."""

    heading: str
    key: str = ""  # a chapter's key (the format's own key where the chapter is one of its chapters)
    tables: tuple[str, ...] = ()  # tables printed after the text ("free" for the seed's forms)
    tables_from: str = ""  # the seed line where the tables begin

    @property
    def is_chapter(self) -> bool:
        return bool(self.key)


@dataclass(frozen=True)
class Seed:
    file: str
    year: int
    unit: UnitInfo
    title: tuple[str, ...]  # the title as the unit words it, line by line
    title_lines: int  # how many lines of the seed the title takes
    parts: tuple[Part, ...]
    signature: tuple[str, ...] = ()  # the seed's last lines: unit name and date, when printed
    signing_date: dt.date | None = None
    wrap_width: int = 0  # a wrapped seed's full line width (half-widths); 0: one line per paragraph
    free_table_title: str = ""  # the title line of each form pasted into the body
    fixture: str = ""


def tidy(line: str) -> str:
    return _EXTRACTION_SPACE.sub("", line.strip())


def label_of(text: str) -> str:
    """A table label as the official table prints it: full-width brackets, no spaces."""
    return re.sub(r"\s+", "", text).translate(_HALF_BRACKETS)


def width(line: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" or c in WIDE else 1 for c in line)


def seed_lines(seed: Seed) -> list[tuple[str, int]]:
    """(line, its printed width) for every non-blank line of the seed, page numbers dropped."""
    text = (SEEDS_DIR / seed.file).read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line.strip() and not PAGE_NUMBER.match(line.strip())]
    return [(line, width(tidy(line))) for line in lines]


def paragraphs(lines: list[tuple[str, int]], wrap_width: int) -> list[str]:
    """Join the lines the PDF broke: in a wrapped seed a paragraph ends on a sentence end at least two
    characters short of the full width; otherwise each line is a paragraph unless a page break split it."""
    result: list[str] = []
    open_paragraph = False
    for line, line_width in lines:
        text = tidy(line)
        if open_paragraph:
            result[-1] += text
        else:
            result.append(text)
        ends = SENTENCE_END.search(text) is not None
        open_paragraph = not ends or bool(wrap_width and line_width > wrap_width - 4)
    return result


def build_seed(seed: Seed) -> Report:
    lines = seed_lines(seed)
    title = "".join(tidy(line) for line, _ in lines[:seed.title_lines])
    if title != "".join(seed.title):
        raise ValueError(f"{seed.file}: the title reads {title!r}")
    lines = lines[seed.title_lines:]
    if seed.signature:
        ending = [tidy(line) for line, _ in lines[-len(seed.signature):]]
        if ending != list(seed.signature):
            raise ValueError(f"{seed.file}: the signature reads {ending}")
        lines = lines[:-len(seed.signature)]
    report = Report.new(seed.year, seed.unit.name, "pre2019")
    report.unit = seed.unit
    report.own_title = seed.title
    report.signing_date = seed.signing_date
    report.print_signature = bool(seed.signature)
    bodies = _bodies(seed, lines)
    report.opening = "\n".join(paragraphs(bodies.pop(0)[1], seed.wrap_width))
    report.outline = _outline(seed)
    check_outline(report.template, report.outline)
    for (part, body), text_key in zip(bodies, _text_keys(seed), strict=True):
        text_lines, table_lines = _split_tables(seed, part, body)
        report.set_text(text_key, "\n".join(paragraphs(text_lines, seed.wrap_width)))
        for table in part.tables:
            if table == "free":
                _free_tables(report, seed.free_table_title, table_lines)
            else:
                fill_table(report, table, table_lines)
    return report


def _bodies(seed: Seed, lines: list[tuple[str, int]]) -> list[tuple[Part | None, list[tuple[str, int]]]]:
    """The opening's lines, then each part with the lines under its heading (a run-in heading's line
    minus the heading)."""
    bodies: list[tuple[Part | None, list[tuple[str, int]]]] = [(None, [])]
    for line, line_width in lines:
        text = tidy(line)
        position = len(bodies) - 1
        part = seed.parts[position] if position < len(seed.parts) else None
        if part is not None and text.startswith(part.heading):
            rest = text[len(part.heading):]
            bodies.append((part, [(rest, line_width)] if rest else []))
        else:
            bodies[-1][1].append((line, line_width))
    if len(bodies) != len(seed.parts) + 1:
        missing = seed.parts[len(bodies) - 1].heading
        raise ValueError(f"{seed.file}: heading {missing!r} not found in order")
    return bodies


def _outline(seed: Seed) -> tuple[OutlineChapter, ...]:
    chapters: list[OutlineChapter] = []
    for part in seed.parts:
        tables = tuple(_table_ids(seed, part))
        if part.is_chapter:
            number, _, title = part.heading.partition("、")
            if number != chinese_number(len(chapters) + 1):
                raise ValueError(f"{seed.file}: chapter {part.heading!r} is not number {len(chapters) + 1}")
            chapters.append(OutlineChapter(part.key, title, (), tables))
        else:
            chapter = chapters[-1]
            section = OutlineSection(f"{chapter.key}.s{len(chapter.sections) + 1}", part.heading, tables)
            chapters[-1] = OutlineChapter(chapter.key, chapter.title, (*chapter.sections, section), chapter.tables)
    return tuple(chapters)


def _text_keys(seed: Seed) -> list[str]:
    keys: list[str] = []
    chapter, count = "", 0
    for part in seed.parts:
        if part.is_chapter:
            chapter, count = part.key, 0
            keys.append(chapter)
        else:
            count += 1
            keys.append(f"{chapter}.s{count}")
    return keys


def _table_ids(seed: Seed, part: Part) -> list[str]:
    ids = []
    for table in part.tables:
        if table != "free":
            ids.append(table)
            continue
        text = (SEEDS_DIR / seed.file).read_text(encoding="utf-8")
        count = sum(1 for line in text.splitlines() if tidy(line) == seed.free_table_title)
        ids += [f"{FREE_TABLE_PREFIX}{n}" for n in range(1, count + 1)]
    return ids


def _split_tables(seed: Seed, part: Part, body: list[tuple[str, int]]):
    if not part.tables:
        return body, []
    start = next((i for i, (line, _) in enumerate(body) if tidy(line).startswith(part.tables_from)), None)
    if start is None:
        raise ValueError(f"{seed.file}: the tables of {part.heading!r} do not start with {part.tables_from!r}")
    return body[:start], [line for line, _ in body[start:]]


def _free_tables(report: Report, title: str, lines: list[str]) -> None:
    """Each form: its title line, then one row per line, cells split where the PDF put a tab."""
    tables: list[FreeTable] = []
    for line in lines:
        if tidy(line) == title:
            tables.append(FreeTable(title))
        else:
            tables[-1].rows.append([cell.strip() for cell in line.split("\t")])
    for number, table in enumerate(tables, start=1):
        report.free_tables[f"{FREE_TABLE_PREFIX}{number}"] = table


def _table_line(line: str) -> tuple[str, str, str]:
    """(label, unit, value) of a seed's table line: tab-separated, or "label unit value" with spaces."""
    cells = [c for c in line.split("\t") if c.strip()] if "\t" in line else line.strip().rsplit(maxsplit=2)
    if len(cells) == 3 and re.fullmatch(r"\d+(?:\.\d+)?", cells[2].strip()):
        return label_of(cells[0]), cells[1].strip(), cells[2].strip()
    return label_of(cells[0]) if cells else "", "", ""


def fill_table(report: Report, table_key: str, lines: list[str]) -> None:
    """Enter a table from the seed's lines, row by row in the template's order."""
    template = report.template
    table = template.table(table_key)
    headings = {label_of(i.text) for i in table.items if i.role in ("header", "heading")}
    units = {i.row: i.text for i in table.items if i.role == "label"}
    row_of_grid = {i.row: i.text for i in table.items if i.role == "row_label"}
    parsed = [_table_line(line) for line in lines]
    printed: dict[str, str] = {}
    cursor = 0
    for grid_row, label in sorted(row_of_grid.items()):
        row = next(r for r in table.rows if r.label == label and f"{table_key}.{r.key}.{r.columns[0]}" not in printed)
        key = f"{table_key}.{row.key}.{row.columns[0]}"
        while cursor < len(parsed) and label_of(label) != parsed[cursor][0] and not (
                parsed[cursor][2] and label_of(label).startswith(parsed[cursor][0])):
            if parsed[cursor][0] not in headings:
                raise ValueError(f"{table_key}: the seed's line {lines[cursor]!r} is not the row {label!r}")
            cursor += 1
        if cursor == len(parsed):
            raise ValueError(f"{table_key}: row {label!r} not found in the seed")
        found, unit, value = parsed[cursor]
        cursor += 1
        if found != label_of(label):  # a label the PDF split across a page break
            if found + parsed[cursor][0] != label_of(label):
                raise ValueError(f"{table_key}: row {label!r} reads {found!r}")
            cursor += 1
        if unit != units[grid_row]:
            raise ValueError(f"{table_key}: row {label!r} has unit {unit!r}, the template {units[grid_row]!r}")
        printed[key] = value
    for key, value in printed.items():
        if not template.cells[key].computed:
            report.set_value(key, parse_cell_input(value, template.cells[key].type))
    for key, value in printed.items():
        if format_value(report.value(key)) != value:
            raise ValueError(f"{key}: the seed prints {value}, the app computes {format_value(report.value(key))}")


def _unit(name: str, kind: str, level: str, region: str, **contacts: str) -> UnitInfo:
    return UnitInfo(name=name, kind=kind, level=level, region=region, **contacts)


SEEDS = {
    "000": Seed(
        file="000_3de0323ae760b06b.txt", year=2018, fixture="seed000_litong_youth_league_2018.nianbao",
        unit=_unit("共青团吴忠市利通区委员会", "department", "county", "宁夏回族自治区吴忠市利通区",
                   phone="0953-2666615", fax="0953-2666615", website="ltq.wuzhong.gov.cn"),
        title=("共青团利通区委员会", "2018年政府信息公开工作年度报告"), title_lines=2, wrap_width=58,
        signature=("共青团吴忠市利通区委员会", "2019年3月7日"), signing_date=dt.date(2019, 3, 7),
        parts=(
            Part("一、基本情况", "overview"),
            Part("（一）组织机构建设及日常工作开展情况"), Part("（二）政务公开制度化、规范化建设情况"),
            Part("（三）信息公开载体建设情况"), Part("（四）宣传和培训等工作情况"), Part("（五）其他有关方面情况"),
            Part("二、主动公开政务情况", "proactive"),
            Part("（一）本机关主动公开政务的数量。"), Part("（二）主动公开政务的主要类别情况。"), Part("（三）信息公开的形式。"),
            Part("三、依申请公开政务办理情况", "applications"),
            Part("四、政务公开创新亮点工作", "highlights"),
            Part("五、政务公开工作存在的主要问题及改进情况", "problems"),
            Part("（一）加强对政务公开的深入学习。"), Part("（二）加强政务公开载体建设。"), Part("（三）深化政务公开内容。"),
            Part("（四）进一步规范政务公开行为。"),
        )),
    "002": Seed(
        file="002_228735099014d1ff.txt", year=2017, fixture="seed002_litong_offices_2017.nianbao",
        unit=_unit("吴忠市利通区机关事务管理局", "department", "county", "宁夏回族自治区吴忠市利通区",
                   address="吴忠市利通区朝阳东街111号", postcode="751100", phone="0953-2905595", email="ltqjgj@163.com"),
        title=("吴忠市利通区机关事务管理局2017年政府工作信息年度报告",), title_lines=1,
        signature=("吴忠市利通区机关事务管理局", "2017年12月31日"), signing_date=dt.date(2017, 12, 31),
        free_table_title="主动公开政府信息审批单",
        parts=(
            Part("一、概述", "overview"),
            Part("（一）统一思想，不断提高政务公开工作认知度"), Part("（二）加强组织领导，健全工作机构"),
            Part("（三）完善制度程序，落实工作责任"), Part("（四）创新公开方式，增强工作实效"), Part("（五）遵守保密规定，严格规范管理"),
            Part("二、政府信息主动公开情况", "proactive"),
            Part("（一）本级部门及办公室制发的公文总数"),
            Part("（二）政策解读和舆情回应情况", tables=("free",), tables_from="主动公开政府信息审批单"),
            Part("三、依申请公开政府信息和不予公开政府信息的情况", "applications"),
            Part("四、政府信息公开的收费及减免情况", "fees"),
            Part("五、行政复议和行政诉讼情况", "appeals"),
            Part("六、存在的问题及改进措施", "problems"),
            Part("1.存在的问题"), Part("2.改进措施"),
        )),
    "003": Seed(
        file="003_f7e992f8f73b9ee1.txt", year=2018, fixture="seed003_gongnong_2018.nianbao",
        unit=_unit("工农区人民政府", "government", "county", "黑龙江省鹤岗市工农区"),
        title=("工农区人民政府关于2018年度政府信息公开工作的报告",), title_lines=2, wrap_width=52,
        parts=(
            Part("一、基本情况", "overview"),
            Part("二、主动公开政府信息情况", "proactive"),
            Part("（一）主动公开信息数量。"),
            Part("主动公开信息情况", tables=("channels",), tables_from="通过不同渠道和方式公开政府信息的情况"),
            Part("（二）信息公开主要形式。"), Part("（三）公开的主要内容。"),
            Part("三、依申请公开政府信息和不予公开政府信息情况", "applications"),
            Part("四、政府信息公开的收费及减免情况", "fees"),
            Part("五、申请行政复议、提起行政诉讼和申诉的情况", "appeals"),
            Part("六、政府信息公开工作存在的主要问题及改进措施", "problems"),
            Part("七、其他需要报告的事项", "other_matters"),
        )),
    "004": Seed(
        file="004_7192ca63686b88e7.txt", year=2018, fixture="seed004_baitugang_2018.nianbao",
        unit=_unit("灵武市白土岗乡人民政府", "government", "township", "宁夏回族自治区银川市灵武市"),
        title=("灵武市白土岗乡2018年政府信息公开工作年度报告",), title_lines=1,
        parts=(
            Part("一、总体公开工作情况概述", "overview"),
            Part("（一）严格公开流程。"), Part("（二）完善公开制度。"), Part("（三）组织学习培训。"),
            Part("二、主动公开政府信息情况", "proactive"),
            Part("三、重点领域政府信息公开工作情况。", "key_areas"),
            Part("四、推进“互联网+政务服务”工作情况", "internet_services"),
            Part("五、各级人大代表建议、政协提案办理结果公开情况", "proposals"),
            Part("六、开展政策解读情况", "interpretation"),
            Part("七、回应社会关切情况", "public_concerns"),
            Part("八、政府信息依申请公开工作情况", "applications"),
            Part("九、完善公开制度机制建设情况", "institutions"),
            Part("十、2018年推进公开工作存在的问题与不足", "problems"),
            Part("十一、开展2019年工作的初步计划安排", "plans"),
            Part("十二、其他需要报告的事项", "other_matters"),
            Part("灵武市白土岗乡2018年度政府信息公开情况统计表", tables=("stats",), tables_from="统计指标"),
        )),
}


def build(name: str) -> Report:
    return build_seed(SEEDS[name])


if __name__ == "__main__":
    for seed in SEEDS.values():
        save_report(build_seed(seed), FIXTURES / seed.fixture)
    for stale in FIXTURES.glob("*.bak"):
        stale.unlink()
    print("wrote the pre-2019 seed fixtures")
