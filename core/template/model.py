"""The loaded, linted form of a report template: what every other part reads."""

from __future__ import annotations

import re
from _thread import allocate_lock
from collections.abc import Callable, Iterable, Iterator, Mapping
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import Any, Literal

from core.records import field, record

CellType = Literal["count", "money", "signed_count"]
Severity = Literal["error", "warning", "info"]
ItemRole = Literal["header", "heading", "label", "row_label", "cell"]

# Namespaces a rule expression may read besides the report itself, and why a rule that reads one is
# not assessable when the check context lacks it.
NAMESPACES: Mapping[str, str] = MappingProxyType({"prev": "没有上年报告", "members": "没有下级单位的报告"})
# Why such a rule is not assessable when the other report is there but its format has no such figure.
NAMESPACE_GAPS: Mapping[str, str] = MappingProxyType({"prev": "上年报告的格式没有对应的数据",
                                                      "members": "有下级单位报告的格式没有对应的数据"})


@record(frozen=True)
class Phrase:
    """A standard sentence (常用语句) offered while writing; placeholders are filled from the report."""

    title: str  # menu entry
    text: str  # str.format text: {year}, {unit}, {website}, {basis}, {contact}


@record(frozen=True)
class Section:
    """A customary sub-section of a text chapter (一's sub-headings)."""

    key: str  # e.g. "<chapter>.<section>"
    title: str
    help: str
    phrases: tuple[Phrase, ...] = ()
    tables: tuple[str, ...] = ()  # optional tables printed after the section's text


@record(frozen=True)
class Chapter:
    key: str
    number: str  # "一" … "六"
    title: str
    help: str
    table: str | None = None  # table key for table chapters
    sections: tuple[Section, ...] = ()
    phrases: tuple[Phrase, ...] = ()
    tables: tuple[str, ...] = ()  # optional tables printed after the chapter's own text

    @property
    def heading(self) -> str:
        return f"{self.number}、{self.title}"


@record(frozen=True)
class OutlineRules:
    """What a report may change in the format's outline (its own chapters, sections, tables)."""

    chapters: Literal["fixed", "free"] = "fixed"  # free: add, rename, move and remove chapters
    sections: Literal["fixed", "free"] = "fixed"  # free: the unit words and arranges the sub-headings
    optional_tables: tuple[str, ...] = ()  # tables a chapter or section may include
    free_tables: bool = False  # the unit may draw tables of its own (forms pasted into the body)
    chapter_help: str = ""  # help for a chapter the unit added


@record(frozen=True)
class Signature:
    """Whether the unit name and date are printed after the text (some reports print none)."""

    printed: bool = True
    optional: bool = True


@record(frozen=True)
class AggregatePhrases:
    """How an office's report that adds up its units' reports words what it aggregates.

    str.format texts: ``opening`` with {unit} {year} {scope} {count} {groups}; ``group`` one group's
    part ({group} {count}); ``figure`` a prose figure broken down by group ({what} {total} {measure}
    {groups}) with ``figure_group`` per group ({group} {value} {measure}).
    """

    opening: str
    opening_ungrouped: str
    group: str
    figure: str
    figure_group: str
    joiner: str
    ungrouped: str  # the name of units the roster gives no group
    scope_all: str  # every group summed (本行政区域)
    scope_selected: str  # some groups only (本级)


@record(frozen=True)
class FrontMatter:
    """What comes before the first chapter: the title, the opening paragraph, and the signature."""

    title_lines: tuple[str, ...]  # str.format lines with {unit} and {year}: the printed title
    opening_title: str
    opening_help: str
    opening_phrases: tuple[Phrase, ...] = ()
    signature: Signature = Signature()
    title_free: bool = False  # the unit words its own title (before 2019 there was no fixed one)
    aggregate: AggregatePhrases | None = None  # the wording of an aggregated (office's) report

    def title(self, unit: str, year: int) -> str:
        return "".join(self.title_parts(unit, year))

    def title_parts(self, unit: str, year: int) -> list[str]:
        """The printed title lines, a line left out when it comes out empty (no unit name yet)."""
        lines = [line.format(unit=unit.strip(), year=year) for line in self.title_lines]
        return [line for line in lines if line.strip()]


@record(frozen=True)
class Column:
    key: str
    label: str
    help: str
    type: CellType
    aliases: tuple[str, ...] = ()  # other wordings of the label seen in circulated tables
    unit: str = ""  # what the app asks for when the printed header names no unit ("万元")


@record(frozen=True)
class Row:
    key: str
    label: str
    name: str  # the row as named in messages (label plus its group labels)
    help: str
    columns: tuple[str, ...]  # column keys this row has cells in
    aliases: tuple[str, ...] = ()


@record(frozen=True)
class Cell:
    key: str  # "<table>.<row>.<column>"
    table: str
    row: Row
    column: Column
    computed: bool

    @property
    def type(self) -> CellType:
        return self.column.type

    @property
    def name(self) -> str:
        """Chinese name for messages: the row's name, then the column's label."""
        return f"{self.row.name}·{self.column.label}"

    @property
    def help(self) -> str:
        return f"{self.row.label}：{self.row.help}\n{self.column.label}：{self.column.help}"


@record(frozen=True)
class GridItem:
    """One drawn cell of a table's printed grid (possibly merged)."""

    row: int  # grid row, 0-based, header rows first
    col: int
    rowspan: int
    colspan: int
    role: ItemRole
    text: str = ""  # label text; empty for data cells
    cell: str | None = None  # data cell key for role "cell"
    vertical: bool = False  # text runs top to bottom
    help: str = ""
    aliases: tuple[str, ...] = ()  # other wordings of ``text`` (from the item, its row or its column)


@record(frozen=True)
class Table:
    key: str
    chapter: str
    title: str  # the chapter heading the table belongs to
    grid_columns: int
    header_rows: int  # how many grid rows are column headers (repeat on a new page)
    grid_rows: int
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]
    items: tuple[GridItem, ...]
    cells: tuple[str, ...]  # cell keys in reading order
    name: str = ""  # short Chinese name: an Excel sheet's name ("表二", or the template's own, "统计表")
    label: str = ""  # for messages and sheet titles: "表二（…）", or the template's own name

    def column(self, key: str) -> Column:
        return _find(self.columns, key, f"表格 {self.key} 的列")

    def row(self, key: str) -> Row:
        return _find(self.rows, key, f"表格 {self.key} 的行")

    def item_for_cell(self, cell_key: str) -> GridItem:
        for item in self.items:
            if item.cell == cell_key:
                return item
        raise KeyError(f"表格 {self.key} 中没有单元格 {cell_key}")


@record(frozen=True)
class Computation:
    cell: str
    expression: object  # core.expressions.Expression
    source: str


@record(frozen=True)
class RuleInstance:
    rule_id: str
    subject: str  # the iterated key, or "" for a single equation
    message: str  # with {row}/{col} already filled in
    left: object  # core.expressions.Expression
    right: object
    cells: tuple[str, ...]  # every cell the two sides read (namespaced ones as "prev.<key>")
    anchor: str  # the cell the finding points at first
    namespaces: tuple[str, ...] = ()  # other reports the instance reads ("prev", "members")
    relation: str = "="  # left = right, or "<=" (a part never exceeds its whole), or ">="


@record(frozen=True)
class Rule:
    """One check of the format: an equation over cells, or an instance of a coded kind bound to keys.

    ``params`` and ``messages`` are what the kind needs, validated when the template loads (see
    core/template/rule_kinds.py); ``instances`` are an equation's compiled iterations.
    """

    id: str
    severity: Severity
    kind: str
    title: str
    help: str
    message: str
    instances: tuple[RuleInstance, ...] = ()
    params: Mapping[str, Any] = field(default_factory=dict)
    messages: Mapping[str, str] = field(default_factory=dict)


@record(frozen=True)
class Regex:
    """A regular expression of the template, compiled when a check first uses it, not when the
    template loads (its two dozen take about 4 ms to compile on a slow PC, before the first window)."""

    text: str

    @property
    def compiled(self) -> re.Pattern[str]:
        return _compiled(self.text)

    @property
    def groups(self) -> int:
        return self.compiled.groups

    def search(self, text: str) -> re.Match[str] | None:
        return self.compiled.search(text)

    def match(self, text: str) -> re.Match[str] | None:
        return self.compiled.match(text)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        return self.compiled.finditer(text)

    def findall(self, text: str) -> list[Any]:
        return self.compiled.findall(text)


_compiled = cache(re.compile)  # the templates' expressions are few: each compiled once per run


@record(frozen=True)
class ProseFigure:
    """A figure the chapter texts state in words that must equal table cells."""

    key: str
    what: str  # how messages name it, with its table: "表三的新收申请件数"
    pattern: Regex  # group 1 is the number
    cells: tuple[str, ...]  # the number must equal their sum
    unit: str = "件"  # what the number counts, for messages: "正文写 9 件，表三为 8 件"


@record(frozen=True)
class FormatLink:
    """How this format's cells correspond to another format's (or to its own next year's).

    ``same``: the same figure in a report of the same year (their cells summed when several);
    ``next_year``: this year's figure is the other format's figure of the next year's report
    (结转下年度 → 上年结转); ``unlinked``: keys deliberately without a counterpart, and why.
    """

    format: str
    same: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    next_year: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    unlinked: Mapping[str, str] = field(default_factory=dict)


@record
class Template:
    id: str
    name: str
    basis: str
    first_year: int
    last_year: int | None
    front_matter: FrontMatter
    chapters: tuple[Chapter, ...]
    tables: tuple[Table, ...]
    cells: dict[str, Cell]  # every data cell, in reading order
    computations: tuple[Computation, ...]  # in dependency order: a total after what it reads
    rules: tuple[Rule, ...]
    outline: OutlineRules = OutlineRules()
    prose_figures: tuple[ProseFigure, ...] = ()
    links: dict[str, FormatLink] = field(default_factory=dict)  # by the other format's id
    path: Path | None = None
    # cell key → the computations that (transitively) read it, in dependency order
    dependents: dict[str, tuple[Computation, ...]] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self._chapters = {c.key: c for c in self.chapters}
        self._tables = {t.key: t for t in self.tables}
        self._rules = {r.id: r for r in self.rules}

    def __getattr__(self, name: str) -> Any:
        """A template read from the cache (core/template/cache.py) gets its tables, computations and
        rules (what the first window does not show) when one of them is first asked for."""
        if name in DEFERRED_PARTS:
            with _DEFERRED_LOCK:
                complete = self.__dict__.get(_DEFERRED)
                if complete is not None:
                    self.__dict__.update(complete())  # should it fail, the next access tries again
                    del self.__dict__[_DEFERRED]
            if name in self.__dict__:
                return self.__dict__[name]
        raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")

    def __getstate__(self) -> dict[str, Any]:
        if _DEFERRED in self.__dict__:  # complete before being pickled or copied
            getattr(self, DEFERRED_PARTS[0])
        return self.__dict__

    def find_chapter(self, key: str) -> Chapter | None:
        return self._chapters.get(key)

    def chapter(self, key: str) -> Chapter:
        chapter = self._chapters.get(key)
        if chapter is None:
            raise KeyError(f"报告格式“{self.name}”没有章节 {key}")
        return chapter

    def table(self, key: str) -> Table:
        table = self._tables.get(key)
        if table is None:
            raise KeyError(f"报告格式“{self.name}”没有表格 {key}")
        return table

    def rule(self, rule_id: str) -> Rule:
        rule = self._rules.get(rule_id)
        if rule is None:
            raise KeyError(f"报告格式“{self.name}”没有规则 {rule_id}")
        return rule

    def set_rules(self, rules: Iterable[Rule]) -> None:
        self.rules = tuple(rules)
        self._rules = {r.id: r for r in self.rules}

    def chapter_of_cell(self, cell_key: str) -> Chapter:
        return self.chapter(self.table(self.cells[cell_key].table).chapter)

    @property
    def text_keys(self) -> tuple[str, ...]:
        """The text slots of a report that keeps the format's own outline."""
        return text_keys_of(self.chapters)

    def covers_year(self, year: int) -> bool:
        return year >= self.first_year and (self.last_year is None or year <= self.last_year)

    def title(self, unit: str, year: int) -> str:
        return self.front_matter.title(unit, year)

    def computations_after(self, keys: Iterable[str]) -> list[Computation]:
        """The computations that read any of ``keys`` (directly or through other totals), in order."""
        found: dict[str, Computation] = {}
        for key in keys:
            for computation in self.dependents.get(key, ()):
                found[computation.cell] = computation
        order = {c.cell: i for i, c in enumerate(self.computations)}
        return sorted(found.values(), key=lambda c: order[c.cell])


# What a template read from the cache reads only when first asked for (Template.__getattr__); none
# has a class attribute (a default), so that asking for it reaches __getattr__.
DEFERRED_PARTS = ("tables", "computations", "rules", "dependents", "_tables", "_rules")
_DEFERRED = "_complete_deferred"  # the instance attribute holding how to read them
_DEFERRED_LOCK = allocate_lock()


def defer_parts(template: Template, complete: Callable[[], dict[str, Any]]) -> None:
    """Leave the deferred parts of ``template`` to ``complete()`` (their values by name)."""
    for name in DEFERRED_PARTS:
        template.__dict__.pop(name, None)
    template.__dict__[_DEFERRED] = complete


def text_keys_of(chapters: Iterable[Chapter]) -> tuple[str, ...]:
    """Every text slot: each text chapter, then its sections."""
    keys: list[str] = []
    for chapter in chapters:
        if chapter.table is None:
            keys.append(chapter.key)
            keys.extend(s.key for s in chapter.sections)
    return tuple(keys)


def _find(items: tuple, key: str, what: str):
    for item in items:
        if item.key == key:
            return item
    raise KeyError(f"{what}中没有 {key}")
