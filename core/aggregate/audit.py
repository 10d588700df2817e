"""The office's audit: one row per unit (and per file that could not be used), with its status.

可汇总: read completely, no errors. 有错误: errors in its report or cells that could not be read
(not summed unless the user includes it). 未报送: on the roster, no usable file. 已排除: a file that
is not used — unreadable, another year or format, or a second copy of a unit (the newer is used).
"""

from __future__ import annotations

import difflib
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field

from core.aggregate.collect import Submission
from core.aggregate.names import shown_name, unit_key
from core.aggregate.roster import Roster, RosterEntry
from core.template.model import Template

READY, ERRORS, MISSING, EXCLUDED = "可汇总", "有错误", "未报送", "已排除"
STATUSES = (READY, ERRORS, MISSING, EXCLUDED)
SOURCE_NAMES = {"nianbao": "年报文件", "own": "本软件导出的工作簿", "labels": "其他工作簿（按表格标签读取）"}


@dataclass
class AuditRow:
    unit: str
    group: str = ""
    files: list[str] = field(default_factory=list)
    format: str = ""  # the report format's name
    status: str = READY
    reasons: list[str] = field(default_factory=list)  # why it is excluded, missing or not summed
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # unexplained warnings
    missing_chapters: list[str] = field(default_factory=list)
    import_problems: list[str] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    similar: list[str] = field(default_factory=list)  # texts much like another unit's
    included: bool = False  # summed into the office's report
    submission: Submission | None = None
    roster: RosterEntry | None = None

    @property
    def key(self) -> str:
        return unit_key(self.unit)

    @property
    def source(self) -> str:
        return SOURCE_NAMES.get(self.submission.source, "") if self.submission else ""

    def problem_lines(self) -> list[str]:
        """Everything the office should look at, one line each, in Chinese."""
        return ([f"【原因】{r}" for r in self.reasons] + [f"【错误】{e}" for e in self.errors]
                + [f"【未读取】{p}" for p in self.import_problems] + [f"【警告】{w}" for w in self.warnings]
                + [f"【雷同】{s}" for s in self.similar]
                + ([f"【缺少章节】{'、'.join(self.missing_chapters)}"] if self.missing_chapters else [])
                + [f"【提示】{n}" for n in self.notices])


def audit(submissions: Sequence[Submission], template: Template, year: int, roster: Roster | None = None,
          excluded: Collection[str] = (), include: Collection[str] = (), groups: Collection[str] = ()) -> list[AuditRow]:
    """Rows in this order: the roster's units (in roster order), units not on it, files not used.

    ``excluded`` / ``include`` are unit names the user leaves out / sums despite errors; ``groups``
    limits the sum to those roster groups (本级), empty for all.
    """
    rows: list[AuditRow] = []
    unused: list[AuditRow] = []
    by_unit: dict[str, list[AuditRow]] = {}
    for submission in submissions:
        row = _row(submission, template, year)
        (by_unit.setdefault(row.key, []) if row.status != EXCLUDED else unused).append(row)
    for candidates in by_unit.values():
        kept = max(candidates, key=lambda r: (r.submission.modified, str(r.submission.path)))  # type: ignore[union-attr]
        for other in candidates:
            if other is not kept:
                other.status = EXCLUDED
                other.reasons.append(f"“{shown_name(other.unit)}”报送了不止一份，以修改时间较新的“{kept.files[0]}”为准，本文件未汇总")
                unused.append(other)
        rows.append(kept)
    if roster is not None:
        rows = _match_roster(rows, unused, roster)
    excluded_keys = {unit_key(n) for n in excluded}
    include_keys = {unit_key(n) for n in include}
    scope = set(groups)
    for row in rows:
        if row.status == MISSING:
            continue
        if scope and row.group not in scope:
            row.reasons.append(f"分组“{row.group or '未分组'}”不在本次汇总的范围（{'、'.join(sorted(scope))}）内，未汇总")
        elif row.key in excluded_keys:
            row.reasons.append("已选择不汇总此单位")
        elif row.status == ERRORS and row.key not in include_keys:
            row.reasons.append("有错误，未汇总；改正后重新汇总，或选择仍然汇总此单位")
        else:
            row.included = True
            if row.status == ERRORS:
                row.reasons.append("有错误，但已选择仍然汇总此单位")
    if scope:
        rows = [r for r in rows if r.status != MISSING or r.group in scope]
    return rows + unused


def unmatched_names(rows: list[AuditRow], names: Collection[str]) -> list[str]:
    """The names (given to leave a unit out or to sum it anyway) that match no unit of the audit."""
    keys = {r.key for r in rows}
    return [n for n in names if unit_key(n) not in keys]


def _row(submission: Submission, template: Template, year: int) -> AuditRow:
    row = AuditRow(unit=submission.path.stem, files=[submission.path.name], submission=submission,
                   notices=list(submission.notices))
    report = submission.report
    if report is None:
        row.status, row.unit = EXCLUDED, f"（{submission.path.name}）"
        row.reasons.append(submission.error)
        return row
    row.unit = " ".join(report.unit.name.split()) or submission.path.stem
    row.format = report.template.name
    if report.year != year:
        row.status = EXCLUDED
        row.reasons.append(f"报告年度是 {report.year} 年，不是本次汇总的 {year} 年，未汇总")
    elif report.template_id != template.id:
        row.status = EXCLUDED
        row.reasons.append(f"使用的是{report.template.name}，{year} 年度的报告应使用{template.name}，未汇总")
    if row.status == EXCLUDED:
        return row
    row.errors = [f.message for f in submission.errors]
    row.warnings = [f.message for f in submission.warnings]
    row.import_problems = list(submission.import_problems)
    row.missing_chapters = list(submission.missing_chapters)
    if not submission.has_texts:
        row.notices.append("工作簿只有统计表，不含报告正文，只检查了表格")
    row.status = ERRORS if row.errors or row.import_problems else READY
    return row


def _match_roster(rows: list[AuditRow], unused: list[AuditRow], roster: Roster) -> list[AuditRow]:
    matched: dict[str, AuditRow] = {}
    strangers: list[AuditRow] = []
    for row in rows:
        entry = roster.find(row.unit)
        if entry is None:
            strangers.append(row)
            continue
        row.roster, row.group = entry, entry.group
        if entry.name != row.unit:
            row.notices.append(f"报告中的单位名称“{row.unit}”按名单中的“{entry.name}”计")
        row.unit = entry.name
        matched[entry.key] = row
    keys = [e.key for e in roster.entries]
    for row in strangers:
        near = difflib.get_close_matches(row.key, keys, n=1, cutoff=0.6)
        hint = f"；名单中相近的是“{roster.entries[keys.index(near[0])].name}”，请核对单位名称" if near else "；请核对单位名称或补充名单"
        row.status = ERRORS
        row.errors.insert(0, f"“{shown_name(row.unit)}”不在名单{roster.source}中{hint}")
    ordered = []
    for entry in roster.entries:
        if entry.key in matched:
            ordered.append(matched[entry.key])
            continue
        missing = AuditRow(unit=entry.name, group=entry.group, status=MISSING, roster=entry)
        tried = [u for u in unused if u.key == entry.key]
        missing.reasons.append("未报送" if not tried else
                               "报送的文件未能汇总：" + "；".join(f"“{u.files[0]}”{u.reasons[-1]}" for u in tried))
        ordered.append(missing)
    return ordered + strangers
