"""Collect the units' files: expand folders, read every workbook and report file, check each.

Each file becomes a ``Submission`` whatever happens to it: its report and located problems, or
the Chinese reason it could not be read. Reading runs in worker processes when asked (the work
per file is independent); ``progress`` is called after each file and may raise ``Cancelled``.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path

from core.document import Report
from core.imports import WORKBOOK_SUFFIXES
from core.report_file import EXTENSION

BATCH = 10  # files per task handed to a worker: few round trips, and the two finish together

Progress = Callable[[int, int, str], None]  # (files done, files in all, file name); may raise Cancelled


class Cancelled(Exception):
    """The user cancelled the collection; nothing was aggregated."""


@dataclass(frozen=True)
class UnitFinding:
    """One check finding of a unit's report, as the audit lists it."""

    severity: str  # "error" | "warning"
    message: str
    chapter: str = ""
    targets: tuple[str, ...] = ()


@dataclass
class Submission:
    """One file as collected: what was read from it and what is wrong with it."""

    path: Path
    report: Report | None = None
    error: str = ""  # why nothing could be read (a Chinese message), or why the file was not read
    source: str = ""  # "nianbao" (a report file), "own" (our export), "labels" (a foreign workbook)
    import_problems: list[str] = field(default_factory=list)  # located defects: cells not read
    notices: list[str] = field(default_factory=list)  # what the reader did (moved rows, year supplied …)
    findings: list[UnitFinding] = field(default_factory=list)  # errors and unexplained warnings
    missing_chapters: list[str] = field(default_factory=list)  # text chapters left empty
    has_texts: bool = True  # False for a workbook that carries the tables only
    texts: dict[str, list[str]] = field(default_factory=dict)  # sentence forms by chapter (core.aggregate.copies)
    modified: float = 0.0  # the file's modification time (which of two copies is newer)

    @property
    def readable(self) -> bool:
        return self.report is not None

    @property
    def errors(self) -> list[UnitFinding]:
        return [f for f in self.findings if f.severity == "error"]

    @property
    def warnings(self) -> list[UnitFinding]:
        return [f for f in self.findings if f.severity == "warning"]


def expand(paths: Iterable[str | Path]) -> tuple[list[Path], list[Submission]]:
    """The files to read (folders searched, sub-folders too) and the files that were not read, each
    with its reason: a folder's other files, Excel's lock files, paths that do not exist."""
    files: list[Path] = []
    skipped: list[Submission] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for found in sorted(p for p in path.rglob("*") if p.is_file()):
                _sort(found, files, skipped, in_folder=True)
        elif path.exists():
            _sort(path, files, skipped, in_folder=False)
        else:
            skipped.append(Submission(path, error=f"“{path}”不存在"))
    unique = list(dict.fromkeys(p.resolve() for p in files))
    return unique, skipped


def _sort(path: Path, files: list[Path], skipped: list[Submission], in_folder: bool) -> None:
    suffix = path.suffix.lower()
    if path.name.startswith("~$"):
        skipped.append(Submission(path, error="Excel 或 WPS 打开文件时留下的临时文件，不是单位的报表，未读取"))
    elif suffix in WORKBOOK_SUFFIXES or suffix == EXTENSION:
        files.append(path)
    elif path.name.startswith(".") and in_folder:
        return  # hidden files (.DS_Store, backups being written): never a unit's report
    else:
        skipped.append(Submission(path, error=f"不是 Excel 工作簿（.xlsx）或年报文件（{EXTENSION}），未读取"))


def collect(paths: Sequence[str | Path], year: int, workers: int = 1, progress: Progress | None = None) -> list[Submission]:
    """Every file under ``paths`` read and checked for a report of ``year``; in file order."""
    files, skipped = expand(paths)
    total = len(files)
    results: dict[Path, Submission] = {}
    if workers > 1 and total > BATCH:
        _collect_parallel(files, year, workers, progress, results)
    else:
        for done, path in enumerate(files, start=1):
            results[path] = read_submission(path, year)
            if progress:
                progress(done, total, path.name)
    return [results[p] for p in files] + skipped


def _collect_parallel(files: list[Path], year: int, workers: int, progress: Progress | None,
                      results: dict[Path, Submission]) -> None:
    batches = [files[i:i + BATCH] for i in range(0, len(files), BATCH)]
    warm_up(year)
    with ProcessPoolExecutor(max_workers=workers, mp_context=_context()) as pool:
        pending: set[Future] = {pool.submit(read_batch, batch, year) for batch in batches}
        try:
            while pending:
                finished, pending = wait(pending, return_when=FIRST_COMPLETED)
                for future in finished:
                    for submission in future.result():
                        results[submission.path] = submission
                if progress:
                    progress(len(results), len(files), "")
        except BaseException:
            for future in pending:
                future.cancel()
            raise


def _context():
    import multiprocessing

    # fork is fast and needs no re-import, but is unsafe once threads run (a GUI); spawn elsewhere.
    method = "fork" if os.name == "posix" and _single_threaded() else "spawn"
    return multiprocessing.get_context(method)


def _single_threaded() -> bool:
    import threading

    return threading.active_count() == 1


def warm_up(year: int) -> None:
    """Import the readers and load the templates once here, so forked workers start with them."""
    from core.checks import run_checks  # noqa: F401
    from core.imports.labels import canonical
    from core.imports.xlsx_reader import read_xlsx  # noqa: F401
    from core.template import template_for_year

    template_for_year(year)
    canonical("")


def read_batch(paths: list[Path], year: int) -> list[Submission]:
    return [read_submission(path, year) for path in paths]


def read_submission(path: Path, year: int) -> Submission:
    """Read and check one file; never raises for what is in the file."""
    from core.aggregate.unit_checks import check_submission

    submission = Submission(path)
    try:
        submission.modified = path.stat().st_mtime
    except OSError:
        pass
    if path.suffix.lower() == EXTENSION:
        _read_report_file(submission)
    else:
        _read_workbook(submission, year)
    if submission.report is not None:
        check_submission(submission)
    return submission


def _read_report_file(submission: Submission) -> None:
    from core.report_file import ReportFileError, load_report

    try:
        submission.report = load_report(submission.path)
    except ReportFileError as error:
        submission.error = str(error)
        return
    submission.source = "nianbao"


def _read_workbook(submission: Submission, year: int) -> None:
    from core.imports.xlsx_reader import XlsxImportError, read_xlsx

    try:
        imported = read_xlsx(submission.path)
    except XlsxImportError as error:
        submission.error = str(error)
        return
    except Exception as error:  # a reader defect must cost one file, never the whole collection
        submission.error = f"“{submission.path.name}”无法读取（{type(error).__name__}）"
        return
    if imported.needs("year"):
        imported.supply(year=year)
        submission.notices.append(f"工作簿中没有写明报告年度，按汇总年度 {year} 年计")
    if imported.needs("unit"):
        imported.supply(unit=submission.path.stem)
        submission.notices.append(f"工作簿中没有写明单位名称，按文件名“{submission.path.stem}”计")
    submission.report = imported.report
    submission.source = "own" if imported.source == "nianbao" else "labels"
    submission.has_texts = imported.source == "nianbao"
    for problem in imported.problems:
        where = f"[{problem.where}] " if problem.where else ""
        if problem.notice:
            submission.notices.append(f"{where}{problem.message}")
        elif problem.topic not in ("kind",):  # the unit's kind and level do not change its figures
            submission.import_problems.append(f"{where}{problem.message}")
