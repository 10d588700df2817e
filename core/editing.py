"""Edits of a report as objects that can be applied and reverted: what undo is built on.

Each edit reports what it changed (``Change``) so that a face (the GUI's views) refreshes exactly
that. An edit remembers what it overwrote when applied — recomputed totals included — so reverting
puts every cell back exactly, a typed or imported total too.
"""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Mapping

from core.carry_over import previous_snapshot
from core.document import FreeTable, Report
from core.outline import Outline
from core.records import record
from core.values import CellValue, same_value


@record(frozen=True)
class Change:
    """What an edit changed: cell keys, text keys (or OPENING), field names (or SIGNING_DATE), the keys
    of drawn tables whose content changed, and whether the explanations, the report's structure
    (outline, which drawn tables there are, title, print options, whether an aggregate's sums are
    locked) or its last year's report."""

    cells: tuple[str, ...] = ()
    texts: tuple[str, ...] = ()
    fields: tuple[str, ...] = ()
    explanations: bool = False
    structure: bool = False
    previous: bool = False
    free_tables: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.cells or self.texts or self.fields or self.explanations or self.structure or self.previous
                    or self.free_tables)


class Edit:
    label = "修改"

    def apply(self, report: Report) -> Change:
        raise NotImplementedError

    def revert(self, report: Report) -> Change:
        raise NotImplementedError

    def merge(self, later: Edit) -> bool:
        """Absorb a later, already applied edit of the same thing (typing); False if it is not one."""
        return False


class SetCells(Edit):
    """Set several cells at once (one typed value, a paste, an import) and recompute their totals.

    The cells given are stored as given, totals among them too (an imported total stays as the file
    had it); only the totals that read a changed cell and are not given are recomputed.
    """

    def __init__(self, values: Mapping[str, CellValue], label: str = "填写单元格") -> None:
        self.values = dict(values)
        self.label = label
        self._before: dict[str, CellValue] = {}

    def changes_anything(self, report: Report) -> bool:
        return any(not same_value(report.value(k), v) for k, v in self.values.items())

    def apply(self, report: Report) -> Change:
        template = report.template
        changed = [k for k, v in self.values.items() if not same_value(report.value(k), v)]
        touched = changed + [c.cell for c in template.computations_after(changed) if c.cell not in self.values]
        self._before = {key: report.value(key) for key in touched}
        for key in changed:
            report.store(key, self.values[key])
        recomputed = report.recompute(changed, keep=self.values.keys())
        return Change(cells=tuple(dict.fromkeys(changed + recomputed)))

    def revert(self, report: Report) -> Change:
        restored = [key for key, value in self._before.items() if report.store(key, value)]
        return Change(cells=tuple(restored))


class _SetOne(Edit):
    """One text or field, typed: consecutive edits of the same one merge into one undo step."""

    def __init__(self, key: str, value: object, label: str) -> None:
        self.key = key
        self.value = value
        self.label = label
        self._before: object = None

    def merge(self, later: Edit) -> bool:
        if type(later) is not type(self) or later.key != self.key:  # type: ignore[attr-defined]
            return False
        self.value = later.value  # type: ignore[attr-defined]
        return True

    def apply(self, report: Report) -> Change:
        self._before = self._get(report)
        self._set(report, self.value)
        return self._change()

    def revert(self, report: Report) -> Change:
        self._set(report, self._before)
        return self._change()

    def _get(self, report: Report) -> object:
        raise NotImplementedError

    def _set(self, report: Report, value: object) -> None:
        raise NotImplementedError

    def _change(self) -> Change:
        raise NotImplementedError


class SetText(_SetOne):
    """A chapter's, a section's or the opening paragraph's text."""

    def __init__(self, key: str, text: str, label: str = "编辑文字") -> None:
        super().__init__(key, text, label)

    def _get(self, report: Report) -> object:
        return report.text(self.key)

    def _set(self, report: Report, value: object) -> None:
        report.set_text(self.key, str(value))

    def _change(self) -> Change:
        return Change(texts=(self.key,))


class SetField(_SetOne):
    """A unit information field, or the signing date."""

    def __init__(self, name: str, value: str | dt.date | None, label: str = "编辑单位信息") -> None:
        super().__init__(name, value, label)

    def _get(self, report: Report) -> object:
        return report.field_value(self.key)

    def _set(self, report: Report, value: object) -> None:
        report.set_field(self.key, value)  # type: ignore[arg-type]

    def _change(self) -> Change:
        return Change(fields=(self.key,))


class SetExplanation(Edit):
    """Confirm a warning with an explanation (说明), or withdraw it (None)."""

    def __init__(self, finding_id: str, text: str | None) -> None:
        self.finding_id = finding_id
        self.text = (text or "").strip() or None
        self.label = "说明警告" if self.text else "撤回说明"
        self._before: str | None = None

    def apply(self, report: Report) -> Change:
        self._before = report.explanations.get(self.finding_id)
        self._put(report, self.text)
        return Change(explanations=True)

    def revert(self, report: Report) -> Change:
        self._put(report, self._before)
        return Change(explanations=True)

    def _put(self, report: Report, text: str | None) -> None:
        if text:
            report.explanations[self.finding_id] = text
        else:
            report.explanations.pop(self.finding_id, None)


@record(frozen=True)
class Structure:
    """The parts of a report that shape its print rather than its content."""

    outline: Outline | None
    free_tables: dict[str, FreeTable]
    own_title: tuple[str, ...]
    print_signature: bool | None
    run_in_headings: bool

    @classmethod
    def of(cls, report: Report) -> Structure:
        return cls(report.outline, copy.deepcopy(report.free_tables), report.own_title, report.print_signature,
                   report.run_in_headings)

    def put(self, report: Report) -> None:
        report.outline = self.outline
        report.free_tables = copy.deepcopy(self.free_tables)
        report.own_title = self.own_title
        report.print_signature = self.print_signature
        report.run_in_headings = self.run_in_headings


class SetStructure(Edit):
    """The outline (chapters, sections, included tables), the drawn tables, the own title and the
    print options, as one step. Texts of removed chapters and sections stay in the report (unsaved)
    so that undo brings them back whole."""

    def __init__(self, structure: Structure, label: str = "修改章节结构") -> None:
        self.structure = structure
        self.label = label
        self._before: Structure | None = None

    def apply(self, report: Report) -> Change:
        self._before = Structure.of(report)
        self.structure.put(report)
        return Change(structure=True)

    def revert(self, report: Report) -> Change:
        if self._before is not None:
            self._before.put(report)
        return Change(structure=True)


class SetFreeTable(Edit):
    """One drawn table's title and rows (a cell typed, a row or column added or removed). Only that
    table changes, so a face redraws it alone; which drawn tables a report has is its structure."""

    def __init__(self, key: str, table: FreeTable, label: str = "编辑自制表格") -> None:
        self.key = key
        self.table = copy.deepcopy(table)
        self.label = label
        self._before: FreeTable | None = None

    def apply(self, report: Report) -> Change:
        self._before = copy.deepcopy(report.free_tables.get(self.key))
        report.free_tables[self.key] = copy.deepcopy(self.table)
        return Change(free_tables=(self.key,))

    def revert(self, report: Report) -> Change:
        if self._before is None:
            report.free_tables.pop(self.key, None)
        else:
            report.free_tables[self.key] = copy.deepcopy(self._before)
        return Change(free_tables=(self.key,))


class SetSumsLocked(Edit):
    """Lock or unlock an aggregated report's sums (解除汇总锁定): locked, its tables are the units'
    sums and read-only; the breakdown stays either way. A report without one is left as it is."""

    def __init__(self, locked: bool) -> None:
        self.locked = locked
        self.label = "恢复汇总锁定" if locked else "解除汇总锁定"
        self._before: bool | None = None

    def apply(self, report: Report) -> Change:
        return self._put(report, self.locked, remember=True)

    def revert(self, report: Report) -> Change:
        return self._put(report, self._before, remember=False)

    def _put(self, report: Report, locked: bool | None, remember: bool) -> Change:
        if report.members is None or locked is None:
            return Change()
        if remember:
            self._before = report.members.locked
        report.members.locked = locked
        return Change(structure=True)


class SetPrevious(Edit):
    """Link last year's report (a snapshot of it is kept in this one), replace it, or remove it (None)."""

    def __init__(self, last: Report | None, path: str = "") -> None:
        self.snapshot = previous_snapshot(last) if last is not None else None
        self.path = path if last is not None else ""
        self.label = "移除上年报告" if last is None else "关联上年报告"
        self._before: tuple[Report | None, str] = (None, "")

    def apply(self, report: Report) -> Change:
        self._before = (report.previous, report.previous_path)
        report.previous, report.previous_path = self.snapshot, self.path
        return Change(previous=True)

    def revert(self, report: Report) -> Change:
        report.previous, report.previous_path = self._before
        return Change(previous=True)
