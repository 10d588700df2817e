"""The whole aggregation: collect the files, audit the units, flag copied texts, add up the tables,
and make the office's report. ``summarise`` works on what was collected, so changing who is
included does not read the files again."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from core.aggregate.audit import ERRORS, READY, AuditRow, audit
from core.aggregate.collect import Progress, Submission, collect
from core.aggregate.copies import copied_texts, threshold_of
from core.aggregate.names import shown_name
from core.aggregate.office_report import office_report
from core.aggregate.roster import Roster
from core.aggregate.summing import SumResult, sum_members
from core.checks import CheckResult, run_checks
from core.document import Report
from core.member_breakdown import Member
from core.template import Template, template_for_year
from core.units import UnitInfo


@dataclass
class Aggregation:
    year: int
    template: Template
    rows: list[AuditRow]
    report: Report | None  # None while no unit can be summed
    sums: SumResult | None
    notes: list[str] = field(default_factory=list)  # blanks and "/" in the sums, per cell
    check: CheckResult | None = None  # the office's report checked

    @property
    def included(self) -> list[AuditRow]:
        return [r for r in self.rows if r.included]

    @property
    def has_errors(self) -> bool:
        return any(r.status == ERRORS for r in self.rows)


def aggregate(paths: Sequence[str | Path], year: int, unit: UnitInfo, roster: Roster | None = None,
              excluded: Collection[str] = (), include: Collection[str] = (), groups: Collection[str] = (),
              workers: int = 1, progress: Progress | None = None) -> Aggregation:
    submissions = collect(paths, year, workers=workers, progress=progress)
    return summarise(submissions, year, unit, roster, excluded, include, groups)


def summarise(submissions: Sequence[Submission], year: int, unit: UnitInfo, roster: Roster | None = None,
              excluded: Collection[str] = (), include: Collection[str] = (), groups: Collection[str] = ()) -> Aggregation:
    template = template_for_year(year)
    rows = audit(submissions, template, year, roster, excluded, include, groups)
    _flag_copies([r for r in rows if r.status in (READY, ERRORS) and r.submission is not None
                  and r.submission.has_texts], template)  # not a unit's second copy, not a file left out
    members = [(Member(r.unit, r.group), r.submission.report) for r in rows if r.included and r.submission]
    result = Aggregation(year, template, rows, None, None)
    if not members:
        return result
    sums = sum_members(template, members)
    phrases = template.front_matter.aggregate
    scope = "" if phrases is None else phrases.scope_selected if groups else phrases.scope_all
    result.sums = sums
    result.report = office_report(template, year, unit, sums, scope)
    result.notes = _notes(template, sums)
    reads_members = any("members" in i.namespaces for rule in template.rules for i in rule.instances)
    result.check = run_checks(result.report, members=[r for _, r in members] if reads_members else ())
    return result


def _flag_copies(rows: list[AuditRow], template: Template) -> None:
    texts = [r.submission.texts for r in rows]  # type: ignore[union-attr]
    for copy in copied_texts(texts, threshold_of(template)):
        other, report = rows[copy.other], rows[copy.unit].submission.report  # type: ignore[union-attr]
        heading = report.chapter(copy.chapter).heading  # type: ignore[union-attr]
        rows[copy.unit].similar.append(f"{heading}：约 {copy.percent}% 的内容与“{shown_name(other.unit)}”"
                                       f"（{other.files[0]}）相同（{copy.chars} 字）")


def _notes(template: Template, sums: SumResult) -> list[str]:
    notes = []
    for key, units in sums.blanks.items():
        notes.append(f"“{template.cells[key].name}”：{_units(units)}未填（空白，不能当作 0），汇总数留空；"
                     "请这些单位补报，或不汇总这些单位")
    for key, units in sums.slashes.items():
        notes.append(f"“{template.cells[key].name}”：{_units(units)}填写“/”（不适用），汇总数是其余单位之和")
    if sums.partial_totals:
        names = "、".join(f"“{template.cells[k].name}”" for k in sums.partial_totals[:5])
        more = f"等 {len(sums.partial_totals)} 个合计" if len(sums.partial_totals) > 5 else ""
        notes.append(f"{names}{more}要加上留空的单元格，现在只是已填部分之和，不是完整的汇总数；"
                     "留空的单元格补齐后才完整")
    return notes


def _units(names: list[str]) -> str:
    shown = "、".join(f"“{n}”" for n in names[:5])
    return shown + (f"等 {len(names)} 个单位" if len(names) > 5 else "")
