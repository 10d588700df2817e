"""What a check reports: findings with their arithmetic, and the summary of one run."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from core.checks.labels import FRONT_MATTER, FRONT_MATTER_TITLE  # noqa: F401  # the evaluators import them from here
from core.template.model import Severity

SEVERITY_LABELS = {"error": "错误", "warning": "警告", "info": "提示"}
SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}


def format_number(value: Decimal | None) -> str:
    if value is None:
        return "（空）"
    text = format(value.normalize(), "f") if value == value.to_integral_value() else format(value, "f")
    return text


@dataclass(frozen=True)
class Finding:
    """One problem found in a report.

    ``targets`` are where it is: cell keys ("<table>.<row>.<column>"), text keys ("<chapter>" or
    "<chapter>.<section>"), or front-matter fields ("unit.name", "signing_date", "opening").
    """

    rule_id: str
    severity: Severity
    message: str
    chapter: str  # chapter key, or FRONT_MATTER
    targets: tuple[str, ...] = ()
    subject: str = ""  # tells instances of one rule apart (a column, a row, a cell)
    left: Decimal | None = None
    right: Decimal | None = None

    @property
    def id(self) -> str:
        """Stable across runs: how a confirmed warning's explanation is found again."""
        return f"{self.rule_id}:{self.subject}" if self.subject else self.rule_id

    @property
    def difference(self) -> Decimal | None:
        if self.left is None or self.right is None:
            return None
        return self.left - self.right

    @property
    def severity_label(self) -> str:
        return SEVERITY_LABELS[self.severity]

    @property
    def can_be_confirmed(self) -> bool:
        return self.severity == "warning"


BLANK_CELLS = "空白单元格"


@dataclass(frozen=True)
class NotAssessable:
    """A rule instance that could not be evaluated, and why: a cell it reads is blank or "/"
    (``BLANK_CELLS``), or the report it compares with is missing ("没有上年报告")."""

    rule_id: str
    subject: str
    message: str
    blank_cells: tuple[str, ...] = ()
    reason: str = BLANK_CELLS


@dataclass(frozen=True)
class Passed:
    """A rule instance that was evaluated and holds."""

    rule_id: str
    subject: str = ""


Outcome = Finding | NotAssessable | Passed


@dataclass
class CheckResult:
    findings: list[Finding] = field(default_factory=list)
    not_assessable: list[NotAssessable] = field(default_factory=list)
    explanations: dict[str, str] = field(default_factory=dict)
    passed: list[Passed] = field(default_factory=list)

    def add(self, outcome: Outcome) -> None:
        if isinstance(outcome, Finding):
            self.findings.append(outcome)
        elif isinstance(outcome, NotAssessable):
            self.not_assessable.append(outcome)
        else:
            self.passed.append(outcome)

    def count(self, severity: str) -> int:
        return sum(1 for f in self.findings if f.severity == severity)

    @property
    def errors(self) -> int:
        return self.count("error")

    @property
    def warnings(self) -> int:
        return self.count("warning")

    @property
    def infos(self) -> int:
        return self.count("info")

    def is_confirmed(self, finding: Finding) -> bool:
        return finding.can_be_confirmed and bool(self.explanations.get(finding.id, "").strip())

    def explanation(self, finding: Finding) -> str:
        return self.explanations.get(finding.id, "") if finding.can_be_confirmed else ""

    @property
    def open_warnings(self) -> int:
        return sum(1 for f in self.findings if f.severity == "warning" and not self.is_confirmed(f))

    def summary(self) -> str:
        confirmed = self.warnings - self.open_warnings
        text = f"错误 {self.errors} 项，警告 {self.warnings} 项"
        if confirmed:
            text += f"（已说明 {confirmed} 项）"
        text += f"，提示 {self.infos} 项"
        reasons: dict[str, int] = {}
        for item in self.not_assessable:
            reasons[item.reason] = reasons.get(item.reason, 0) + 1
        for reason, count in reasons.items():
            text += f"；{count} 项检查因{reason}暂无法核对"
        return text
