"""A published report (Word, web page, copied text) into a Report: format, front matter, outline,
texts and every table's cells, with a located problem for whatever could not be read."""

from __future__ import annotations

from pathlib import Path

from core.document import UNIT_FIELD_LABELS, FreeTable, Report, UnitInfo
from core.imports import ImportProblem, ImportResult, Origin, Progress
from core.imports.labels import label_key
from core.imports.published import PublishedImportError
from core.imports.published.blocks import Block
from core.imports.published.contact import contact_fields
from core.imports.published.headings import compact, heading_text, parse_date, parse_title, title_like, title_lines
from core.imports.published.recognise import recognise
from core.imports.published.structure import LEAD, ChapterDraft, Layout, Slot, lay_out
from core.imports.published.table_cells import TableRead, label_score
from core.imports.xlsx_meta import unit_kind_problems
from core.outline import FREE_TABLE_PREFIX, OutlineChapter, OutlineError, OutlineSection, check_outline, chinese_number
from core.template import Template
from core.user_files import read_user_file


def read_published(path: str | Path, progress: Progress | None = None) -> ImportResult:
    """Read ``path`` (.docx, .html/.htm, .txt); PublishedImportError (Chinese) when it cannot be read."""
    from core.imports.published.docx_source import docx_blocks
    from core.imports.published.html_source import html_blocks
    from core.imports.published.text_source import text_blocks

    path = Path(path)
    sources = {".docx": docx_blocks, ".html": html_blocks, ".htm": html_blocks, ".txt": text_blocks}
    source = sources.get(path.suffix.lower())
    if source is None:
        raise PublishedImportError(f"“{path.name}”不是 Word 文档、网页或文字文件（.docx、.html、.txt），无法导入")
    data = read_user_file(path, "年度报告", PublishedImportError)
    _step(progress, 10, "读取文件")
    blocks = source(data, path.name)
    _step(progress, 40, "识别格式和章节")
    return read_blocks(blocks, path.name, progress)


def read_blocks(blocks: list[Block], name: str, progress: Progress | None = None) -> ImportResult:
    title, _, _ = title_lines([b for b in blocks if b.kind == "paragraph"])
    unit, year = parse_title(title)
    template = recognise(blocks, year)
    if template is None:
        raise PublishedImportError(f"“{name}”中既没有年度报告的标题（如“××2025年政府信息公开工作年度报告”），"
                                   "也没有任何一种年报格式的章节标题或表格标签，看不出是哪一年、哪种格式的年度报告，未导入")
    layout = lay_out(blocks, template)
    _step(progress, 60, "读取表格")
    result = _Assembly(template, layout, name, year, unit).result()
    order = {block.where: n for n, block in enumerate(blocks)}
    result.origins.sort(key=lambda origin: order.get(origin.where, len(order)))
    return result


class _Assembly:
    def __init__(self, template: Template, layout: Layout, name: str, year: int | None, unit: str) -> None:
        self.template = template
        self.layout = layout
        self.name = name
        self.problems: list[ImportProblem] = []
        self.origins: list[Origin] = []
        self.read: set[str] = set()
        self.report = Report(template.id, year or 0, UnitInfo(name=unit))
        self.free_count = 0
        self.tables: dict[str, tuple[TableRead, str]] = {}  # table key → its reading and where it was
        if year is None:
            self.problems.append(ImportProblem("", "", "标题中没有找到报告年度（如“××2025年政府信息公开工作年度报告”），"
                                                       f"年度暂空，请导入后填写；按章节和表格判断为{template.name}", topic="year"))
        elif not template.covers_year(year):
            self.problems.append(ImportProblem("", "", f"报告的章节和表格是{template.name}，不适用于 {year} 年度的报告；"
                                                       "请核对标题中的年度"))

    def result(self) -> ImportResult:
        self._front()
        self._signature()
        outline = self._outline()
        try:
            check_outline(self.template, outline)
            self.report.outline = outline
        except OutlineError as error:
            self.problems.append(ImportProblem("", "", f"读出的章节结构不符合{self.template.name}：{error}，按格式的默认章节导入"))
        self._finish_tables()
        if not self.report.unit.name:
            self.problems.append(ImportProblem("", "", "标题中没有找到单位名称，单位名称暂空，请导入后填写", topic="unit"))
        else:
            self.problems.extend(unit_kind_problems(self.report.unit))
        return ImportResult(self.report, self.problems, "published", self.read, self.origins)

    # --- the front: title and opening ----------------------------------------------------------

    def _front(self) -> None:
        paragraphs = [b for b in self.layout.front if b.kind == "paragraph"]
        title, start, taken = title_lines(paragraphs)
        front = self.template.front_matter
        if title:
            self.origins.append(Origin(paragraphs[start].where, " ".join(b.text for b in paragraphs[start:taken]), ("title",)))
        if front.title_free and title:
            self.report.own_title = tuple(compact(line) for line in title)
        elif title and compact("".join(title)) != compact(self.report.title):
            self.problems.append(ImportProblem(paragraphs[0].where, "", f"标题“{compact(''.join(title))}”与{self.template.name}"
                                               f"的标题“{self.report.title}”不同，按格式的标题导入", notice=True))
        slot = Slot("", "")
        for block in self.layout.front:
            if block.kind == "row":
                self.problems.append(ImportProblem(block.where, "", f"第一章之前的表格行“{block.text[:30]}”未导入"))
            elif block in paragraphs[:start]:
                self.problems.append(ImportProblem(block.where, "", f"标题之前的“{block.text[:30]}”不是报告的内容，未导入",
                                                   notice=True))
            elif block not in paragraphs[:taken]:
                slot.add_paragraph(block)
        self.report.opening = "\n".join(slot.paragraphs)
        self._origins(slot, "opening")
        contact = contact_fields(self.report.opening)
        for name, value in contact.items():
            setattr(self.report.unit, name, value)
        if contact:
            fields = "、".join(UNIT_FIELD_LABELS[n] for n in contact)
            self.problems.append(ImportProblem("", "", f"单位信息的{fields}取自开头段落，请在单位信息中核对", notice=True))
        if not self.layout.chapters:
            self.problems.append(ImportProblem("", "", f"没有找到{self.template.name}的章节标题（如“{self.template.chapters[0].heading}”），"
                                                       "全文作为开头段落导入"))

    # --- the outline, texts and tables ------------------------------------------------------

    def _outline(self) -> tuple[OutlineChapter, ...]:
        drafts = self.layout.chapters
        # Run-in headings when every written section ran into its text; otherwise each heading prints alone.
        written = [s for d in drafts for s in d.sections if s.paragraphs]
        self.report.run_in_headings = bool(written) and all(s.run_in for s in written)
        if self.template.outline.chapters != "free":
            by_key = {d.base.key: d for d in drafts if d.base is not None}
            chapters = []
            for chapter in self.template.chapters:
                draft = by_key.get(chapter.key)
                if draft is None:
                    if not chapter.table:
                        self.problems.append(ImportProblem("", "", f"没有找到章节“{chapter.heading}”，这一章的文字暂空"))
                    draft = ChapterDraft(chapter.title, "", base=chapter)
                chapters.append(self._chapter(chapter.key, chapter.title, draft))
            return tuple(chapters)
        used: set[str] = set()
        chapters = []
        for number, draft in enumerate(drafts, start=1):
            key = draft.base.key if draft.base is not None and draft.base.key not in used else f"c{number}"
            used.add(key)
            chapters.append(self._chapter(key, draft.title, draft))
        return tuple(chapters)

    def _chapter(self, key: str, title: str, draft: ChapterDraft) -> OutlineChapter:
        if draft.where:
            self.origins.append(Origin(draft.where, draft.heading, (key,)))
        if draft.base is not None and draft.base.table and self.template.outline.chapters != "free":
            rows = [row for run in draft.runs for row in run]
            self._read_table(draft.base.table, rows, draft.where)
            return OutlineChapter(key, title)
        tables, extra = self._runs(draft, key)
        sections = list(extra)
        customary = list(draft.base.sections if draft.base else ())
        for number, section in enumerate(draft.sections, start=1):
            section_key = _customary_key(customary, section.title, number) or f"{key}.s{number}"
            section_tables, section_extra = self._runs(section, section_key)
            self.origins.append(Origin(section.where, section.title, (section_key,)))
            self._texts(section_key, section)
            sections.append(OutlineSection(section_key, section.title, tuple(section_tables)))
            sections += section_extra
        self._texts(key, draft)
        return OutlineChapter(key, title, tuple(sections), tuple(tables))

    def _origins(self, slot: Slot, key: str) -> None:
        self.origins += [Origin(where, text, (key,)) for where, text in zip(slot.sources, slot.paragraphs, strict=True)]

    def _texts(self, key: str, slot: Slot) -> None:
        self._origins(slot, key)
        text = "\n".join(slot.paragraphs)
        if text:
            self.report.texts[key] = text

    def _runs(self, slot: Slot, key: str) -> tuple[list[str], list[OutlineSection]]:
        """The tables a chapter's or section's runs of rows are: official tables where their labels say
        so (a title line above one becomes a section holding it), tables the unit drew otherwise."""
        tables, sections = [], []
        optional = [t for t in self.template.outline.optional_tables if t not in self.tables]
        for run, (title, where) in zip(slot.runs, slot.run_titles, strict=True):
            scores = {t: label_score(self.template.id, t, run) for t in optional}
            best = max(scores, key=lambda t: (scores[t], -len(self.template.table(t).rows)), default=None)
            if best is not None and scores[best] >= 2:
                if run[0].table == LEAD:  # not a form's first line: the table's title, the line above is text
                    if title:
                        slot.paragraphs.append(title)
                        slot.sources.append(where)
                    title, where, run = heading_text(run[0].text), run[0].where, run[1:]
                optional.remove(best)
                self._read_table(best, run, run[0].where, f"表格“{title}”" if title else f"“{slot.title}”中的表格")
                if title:
                    section_key = f"{key}.t{len(sections) + 1}"
                    self.origins.append(Origin(where, title, (section_key,)))
                    sections.append(OutlineSection(section_key, title, (best,)))
                else:
                    tables.append(best)
            elif self.template.outline.free_tables:
                self.free_count += 1
                free_key = f"{FREE_TABLE_PREFIX}{self.free_count}"
                self.report.free_tables[free_key] = FreeTable(title, [_without_padding(b.fields) for b in run])
                self.origins += [Origin(b.where, b.text, (free_key,)) for b in ([Block("paragraph", title, where)] if title else []) + run]
                tables.append(free_key)
            else:
                self.problems.append(ImportProblem(run[0].where, "", f"“{slot.title}”中的表格不是{self.template.name}"
                                                   "的表格，也不能作为自制表格保存，未导入"))
                if title:
                    slot.paragraphs.append(title)
                    slot.sources.append(where)
        return tables, sections

    def _read_table(self, table_key: str, rows: list[Block], where: str, title: str = "") -> None:
        reading = TableRead(self.report, self.template.table(table_key), self.problems, self.read, self.origins, title)
        reading.run(rows)
        self.tables[table_key] = (reading, where)

    def _finish_tables(self) -> None:
        for table in self.report.tables:
            if table.key in self.tables:
                reading, where = self.tables[table.key]
                reading.finish(where)
            else:
                TableRead(self.report, table, self.problems, self.read).finish("")

    # --- the signature and date -------------------------------------------------------------------

    def _signature(self) -> None:
        """A date on the last line (and the unit's name on the line above it) is the signature; so is
        the title's unit name alone on the last line (signed, undated)."""
        if not self.layout.chapters:
            return
        last = self.layout.chapters[-1].target
        date = parse_date(last.paragraphs[-1]) if last.paragraphs else None
        signed = date is not None
        if date is not None:
            self.report.signing_date = date
            self.origins.append(Origin(last.sources.pop(), last.paragraphs.pop(), ("signing_date",)))
            if last.paragraphs and title_like(last.paragraphs[-1]) and len(last.paragraphs[-1]) <= 30:
                self.report.unit.name = last.paragraphs.pop()
                self.origins.insert(-1, Origin(last.sources.pop(), self.report.unit.name, ("unit.name",)))
        elif last.paragraphs and self.report.unit.name and compact(last.paragraphs[-1]) == compact(self.report.unit.name):
            self.origins.append(Origin(last.sources.pop(), last.paragraphs.pop(), ("unit.name",)))
            signed = True
        if self.template.front_matter.signature.optional:
            self.report.print_signature = signed


def _without_padding(fields: tuple[str, ...]) -> list[str]:
    """A drawn table's row without the blank cells a word processor pads short rows with (they print nothing)."""
    cells = list(fields)
    while cells and not cells[-1]:
        cells.pop()
    return cells


def _customary_key(customary: list, title: str, number: int) -> str | None:
    """The format's key for a sub-heading: the customary section of that title, else the one of that
    number ("（四）平台建设" is the fourth customary section, whatever its wording)."""
    key = label_key(title.rstrip("。：:"))
    found = next((s for s in customary if label_key(s.title.rstrip("。：:")) == key), None)
    if found is None:
        found = next((s for s in customary if s.title.startswith(f"（{chinese_number(number)}）")), None)
    if found is None:
        return None
    customary.remove(found)
    return found.key


def _step(progress: Progress | None, percent: int, what: str) -> None:
    if progress:
        progress(percent, what)
