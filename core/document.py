"""The report being written: unit information, texts, table cells by key, and explanations."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable, Iterator
from decimal import Decimal
from typing import TYPE_CHECKING

from core.cell_types import kind_of
from core.expressions import evaluate_partial
from core.outline import Outline, chapters_of
from core.records import field, record
from core.template import Template, load_template, template_for_year
from core.template.model import Chapter, Phrase, Section, Table, text_keys_of
from core.units import UNIT_FIELD_LABELS, UNIT_KINDS, UNIT_LEVELS, UnitInfo
from core.values import CellValue, numeric, parse_cell_input, same_value

if TYPE_CHECKING:
    from core.member_breakdown import MemberBreakdown  # loaded with the first report that has one

__all__ = ["OPENING", "SIGNING_DATE", "UNIT_FIELD_LABELS", "UNIT_KINDS", "UNIT_LEVELS", "FreeTable", "Report", "UnitInfo"]

OPENING = "opening"  # the text slot before the first chapter
SIGNING_DATE = "signing_date"  # the field beside the unit information


@record
class FreeTable:
    """A table the unit drew itself (a form pasted into the body): a title and rows of text."""

    title: str = ""
    rows: list[list[str]] = field(default_factory=list)


@record
class Report:
    """One unit's annual report. Cells hold blank (absent), an int, a Decimal or SLASH."""

    template_id: str
    year: int
    unit: UnitInfo = field(default_factory=UnitInfo)
    signing_date: dt.date | None = None
    opening: str = ""  # the paragraph before the first chapter
    texts: dict[str, str] = field(default_factory=dict)  # chapter or section key → text
    cells: dict[str, CellValue] = field(default_factory=dict)
    explanations: dict[str, str] = field(default_factory=dict)  # finding id → 说明 of a confirmed warning
    outline: Outline | None = None  # the report's own chapters and sections; None: the template's
    free_tables: dict[str, FreeTable] = field(default_factory=dict)  # tables the unit drew, by id
    own_title: tuple[str, ...] = ()  # the title's lines as the unit words them, where the format lets it
    print_signature: bool | None = None  # None: as the format usually does
    run_in_headings: bool = False  # a section's heading opens its first paragraph in print
    # Last year's report as it was when this one started from it (so cross-year checks work when its
    # file has moved), and where that file was.
    previous: Report | None = None
    previous_path: str = ""
    # An office's report that adds up its units: each cell's value per unit, and whether the sums
    # are still locked (read-only) or detached for editing.
    members: MemberBreakdown | None = None

    @property
    def sums_locked(self) -> bool:
        return self.members is not None and self.members.locked

    @classmethod
    def new(cls, year: int, unit_name: str = "", template_id: str | None = None) -> Report:
        template = load_template(template_id) if template_id else template_for_year(year)
        return cls(template_id=template.id, year=year, unit=UnitInfo(name=unit_name))

    @property
    def template(self) -> Template:
        # Read hundreds of times per check or import: kept once looked up (a new id looks it up again).
        cached = self.__dict__.get("_template")
        if cached is None or cached.id != self.template_id:
            cached = self.__dict__["_template"] = load_template(self.template_id)
        return cached

    def __getstate__(self) -> dict:
        """Copies and pickles (worker processes) carry the report, not the caches of its template."""
        return {k: v for k, v in self.__dict__.items() if not k.startswith("_")}

    @property
    def title(self) -> str:
        return "".join(self.title_lines)

    @property
    def title_lines(self) -> list[str]:
        """The printed title, line by line: the unit's own words where the format allows them."""
        front = self.template.front_matter
        if self.own_title and front.title_free:
            return [line for line in self.own_title if line.strip()]
        return front.title_parts(self.unit.name, self.year)

    @property
    def signature_printed(self) -> bool:
        signature = self.template.front_matter.signature
        if self.print_signature is None or not signature.optional:
            return signature.printed
        return self.print_signature

    # --- the outline -------------------------------------------------------------------------

    @property
    def chapters(self) -> tuple[Chapter, ...]:
        """The chapters as this report prints them (the template's, shaped by the report's outline)."""
        cached = self.__dict__.get("_chapters")
        if cached is None or cached[0] is not self.outline or cached[1] != self.template_id:
            cached = (self.outline, self.template_id, chapters_of(self.template, self.outline))
            self.__dict__["_chapters"] = cached
        return cached[2]

    @property
    def tables(self) -> tuple[Table, ...]:
        """The format's tables this report prints: its table chapters' and those its outline includes."""
        chapters = self.chapters
        cached = self.__dict__.get("_tables")
        if cached is not None and cached[0] is chapters:
            return cached[1]
        used: list[str] = []
        for chapter in chapters:
            used += [chapter.table] if chapter.table else []
            used += [*chapter.tables, *(t for s in chapter.sections for t in s.tables)]
        tables = tuple(t for t in self.template.tables if t.key in used)
        self.__dict__["_tables"] = (chapters, tables)
        return tables

    def chapter_of_cell(self, key: str) -> Chapter:
        """The chapter that prints the cell's table: its table chapter, or the one that includes it."""
        table = self.template.cells[key].table
        for chapter in self.chapters:
            if chapter.table == table or table in chapter.tables or any(table in s.tables for s in chapter.sections):
                return chapter
        return self.template.chapter_of_cell(key)

    def includes_cell(self, key: str) -> bool:
        return key in self.printed_cells

    @property
    def printed_cells(self) -> frozenset[str]:
        """The cells of the tables this report prints (the checks ask for every rule instance)."""
        tables = self.tables
        cached = self.__dict__.get("_printed_cells")
        if cached is None or cached[0] is not tables:
            cached = self.__dict__["_printed_cells"] = (tables, frozenset(k for t in tables for k in t.cells))
        return cached[1]

    def find_chapter(self, key: str) -> Chapter | None:
        chapters = self.chapters
        cached = self.__dict__.get("_chapter_index")
        if cached is None or cached[0] is not chapters:  # asked for dozens of times per check run
            index: dict[str, Chapter] = {}
            for chapter in chapters:
                index.setdefault(chapter.key, chapter)
            cached = self.__dict__["_chapter_index"] = (chapters, index)
        return cached[1].get(key)

    def chapter(self, key: str) -> Chapter:
        chapter = self.find_chapter(key)
        if chapter is None:
            raise KeyError(f"报告中没有章节 {key}")
        return chapter

    def chapter_of_text(self, text_key: str) -> Chapter | None:
        return self.find_chapter(text_key.partition(".")[0])

    def section(self, text_key: str) -> Section | None:
        chapter = self.chapter_of_text(text_key)
        return next((s for s in chapter.sections if s.key == text_key), None) if chapter else None

    def text_heading(self, text_key: str) -> str:
        """The chapter heading of a text slot, followed by its section title for a section."""
        chapter = self.chapter_of_text(text_key)
        if chapter is None:
            return ""
        section = self.section(text_key)
        return chapter.heading + (section.title if section else "")

    @property
    def text_keys(self) -> tuple[str, ...]:
        """Every text slot of the report: each text chapter, then its sections."""
        return text_keys_of(self.chapters)

    def phrases_for(self, text_key: str) -> tuple[Phrase, ...]:
        """The standard sentences offered in a text slot: its section's, then its chapter's."""
        chapter = self.chapter_of_text(text_key)
        if chapter is None:
            return self.template.front_matter.opening_phrases
        section = self.section(text_key)
        return (section.phrases if section else ()) + chapter.phrases

    # --- cells -------------------------------------------------------------------------------

    def value(self, key: str) -> CellValue:
        return self.cells.get(key)

    def store(self, key: str, value: CellValue) -> bool:
        """Put a value in a cell as it is, computing nothing; True when that changed the cell."""
        if key not in self.template.cells:
            raise KeyError(key)
        if same_value(self.cells.get(key), value):
            return False
        if value is None:
            self.cells.pop(key, None)
        else:
            self.cells[key] = value
        return True

    def set_value(self, key: str, value: CellValue) -> list[str]:
        """Store a value and recompute the totals that depend on it; returns every key changed."""
        if not self.store(key, value):
            return []
        return [key, *self.recompute([key])]

    def set_text_value(self, key: str, text: str) -> list[str]:
        """Parse what the user typed for a cell (CellInputError on bad input) and store it."""
        return self.set_value(key, parse_cell_input(text, self.template.cells[key].type))

    def recompute(self, changed: Iterable[str] | None = None, keep: Collection[str] = ()) -> list[str]:
        """Bring totals up to date; returns the keys whose value changed.

        Only the totals that read a ``changed`` cell (directly or through other totals) are
        recomputed — all of them when ``changed`` is None — so a total typed or imported elsewhere
        stays as it is for the checks to verify. Cells in ``keep`` are never overwritten (the totals
        an import read from its file).
        """
        template = self.template
        todo = template.computations if changed is None else template.computations_after(changed)
        numbers = self.numbers()
        result: list[str] = []
        for computation in todo:
            if computation.cell in keep:
                continue
            number = evaluate_partial(computation.expression, numbers)
            value = None if number is None else kind_of(template.cells[computation.cell].type).total(number)
            numbers[computation.cell] = number
            if self.store(computation.cell, value):
                result.append(computation.cell)
        return result

    def numbers(self) -> dict[str, Decimal | None]:
        return {k: numeric(v) for k, v in self.cells.items()}

    # --- texts -------------------------------------------------------------------------------

    def text(self, key: str) -> str:
        return self.opening if key == OPENING else self.texts.get(key, "")

    def set_text(self, key: str, text: str) -> None:
        if key == OPENING:
            self.opening = text
            return
        if key not in self.text_keys:
            raise KeyError(key)
        if text:
            self.texts[key] = text
        else:
            self.texts.pop(key, None)

    def chapter_text(self, chapter_key: str) -> str:
        """A chapter's whole text: its own text, then each sub-section's title and text."""
        chapter = self.chapter(chapter_key)
        parts = [self.text(chapter.key)]
        for section in chapter.sections:
            body = self.text(section.key)
            if body.strip():
                parts.append(section.title + body)
        return "\n".join(p for p in parts if p.strip())

    def iter_texts(self) -> Iterator[tuple[str, str]]:
        for key in self.text_keys:
            yield key, self.text(key)

    # --- unit information and the signing date ------------------------------------------------

    def field_value(self, name: str) -> str | dt.date | None:
        """A UnitInfo field by name, or the signing date (SIGNING_DATE)."""
        return self.signing_date if name == SIGNING_DATE else getattr(self.unit, name)

    def set_field(self, name: str, value: str | dt.date | None) -> None:
        if name == SIGNING_DATE:
            if value is not None and not isinstance(value, dt.date):
                raise TypeError("signing date must be a date or None")
            self.signing_date = value
        elif name in UnitInfo.field_names():
            setattr(self.unit, name, "" if value is None else str(value))
        else:
            raise KeyError(name)

