"""Read last year's report from its .nianbao file, a workbook the importer reads, or the report as it
was published (Word, web page, copied text: a unit's first year with the app).

Both faces (the CLI's ``new --from`` and ``check --previous``, the GUI's 从上年报告新建 and 上年报告
menu) read last year's report here, so a workbook's unreadable cells are named the same way in both.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from core.document import Report
from core.imports import WORKBOOK_SUFFIXES
from core.report_file import EXTENSION, ReportFileError, load_report
from core.text_clean import clean_report


class LastYearError(Exception):
    """Last year's file cannot be used at all (Chinese message naming the file)."""


@dataclass
class LastYear:
    report: Report
    path: Path
    problems: list[str] = field(default_factory=list)  # located, Chinese; non-empty when cells were not read
    notices: list[str] = field(default_factory=list)  # what was done while reading (nothing lost)
    year_unknown: bool = False  # a workbook without a year: the caller supplies it (``supply_year``)

    @property
    def complete(self) -> bool:
        return not self.problems

    def supply_year(self, year: int) -> None:
        self.report.year = year
        self.year_unknown = False


def read_last_year(path: str | Path) -> LastYear:
    """Last year's report at ``path``; LastYearError when the file cannot be read or is of another kind."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == EXTENSION:
        try:
            return LastYear(load_report(path), path)
        except ReportFileError as error:
            raise LastYearError(str(error)) from error
    if suffix in WORKBOOK_SUFFIXES:
        from core.imports.xlsx_reader import XlsxImportError, read_xlsx

        return _read_imported(path, read_xlsx, XlsxImportError, "工作簿")
    from core.imports.published import SUFFIXES, PublishedImportError

    if suffix in SUFFIXES:
        from core.imports.published.reader import read_published

        return _read_imported(path, read_published, PublishedImportError, "报告")
    raise LastYearError(f"上年报告“{path.name}”不是年报文件（{EXTENSION}）、Excel 工作簿（.xlsx）"
                        "或已发布的年报（.docx、.html、.txt）")


def _read_imported(path: Path, read, error_type: type[Exception], what: str) -> LastYear:
    try:
        imported = read(path)
    except error_type as error:
        raise LastYearError(str(error)) from error
    cleaned = clean_report(imported.report)
    year_unknown = imported.needs("year") or not imported.report.year
    problems = [_located(p) for p in imported.defects if p.topic not in ("year", "unit")]
    notices = cleaned.notes + [_located(p) for p in imported.notices]
    if imported.needs("unit"):
        notices.append(f"{what}中没有写明单位名称，新报告的单位名称为空，请在“单位信息”中填写")
    return LastYear(cleaned.report, path, problems, notices, year_unknown)


def _located(problem) -> str:
    where = "!".join(p for p in (problem.sheet, problem.cell) if p)
    return f"[{where}] {problem.message}" if where else problem.message


def other_unit_note(report: Report, last: Report) -> str | None:
    """A word of caution when last year's report is of another unit (a wrong file picked)."""
    ours, theirs = report.unit.name.strip(), last.unit.name.strip()
    if ours and theirs and ours != theirs:
        return f"上年报告的单位是“{theirs}”，与本报告的“{ours}”不同，请确认选对了文件"
    return None
