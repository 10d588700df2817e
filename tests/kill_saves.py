"""Kill a process in the middle of saving, many times, and look at what it leaves behind.

Shared by tests/test_saves.py (a bounded number of kills) and benchmarks/kill_saves.py (1,000+).
Children come from a fork server that has already imported the core, so each one starts in a few
milliseconds and spends its life saving the same report file over and over, alternating a short
and a long version, until it is killed with SIGKILL at a random moment.
"""

from __future__ import annotations

import multiprocessing
import os
import random
import signal
import time
from dataclasses import dataclass, field
from pathlib import Path

from core.atomic_write import abandoned_temp_candidates
from core.report_file import ReportFileError, load_report, save_report
from core.user_files import backup_path
from resources import SAMPLE_REPORT

_SHORT = load_report(SAMPLE_REPORT)  # loaded once, in the fork server; every child inherits them
_LONG = load_report(SAMPLE_REPORT)
_LONG.opening = "很长的开头段落。" * 4000  # about 100 KB: the kill often falls inside a write


def save_forever(target: str) -> None:
    """The child: save two versions of the sample in turn, as fast as it can, until killed."""
    while True:
        save_report(_LONG, target)
        save_report(_SHORT, target)


@dataclass
class KillFigures:
    trials: int = 0
    saves_cut: int = 0  # kills that left a temp file behind (the save was cut mid-way)
    target_ok: int = 0
    backup_ok: int = 0  # .bak present and loadable (absent only before the second save)
    backup_absent: int = 0  # a kill before any child finished a save (cannot happen: it waits)
    temps_after_open: int = 0  # trials where a temp file was still there after the next open
    problems: list[str] = field(default_factory=list)

    @property
    def survived(self) -> int:
        return self.trials - len(self.problems)

    def summary(self) -> str:
        return (f"{self.trials} kills during saves: {self.saves_cut} cut a save mid-way; target loadable "
                f"{self.target_ok}/{self.trials}, .bak loadable {self.backup_ok}/{self.trials - self.backup_absent}; "
                f"temp files left after the next open: {self.temps_after_open}; survived {self.survived}/{self.trials}")


def kill_during_saves(folder: Path, trials: int, seed: int = 1, max_delay: float = 0.03) -> KillFigures:
    """Run ``trials`` children saving ``folder/年报.nianbao`` and kill each at a random moment."""
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["tests.kill_saves"])
    target = folder / "年报.nianbao"
    save_report(load_report(SAMPLE_REPORT), target)
    rng = random.Random(seed)
    figures = KillFigures()
    for trial in range(trials):
        before = os.stat(target).st_ino
        child = context.Process(target=save_forever, args=(str(target),), daemon=True)
        child.start()
        _wait_for_a_save(target, before)  # however loaded the machine, kill among the saves, not before
        time.sleep(rng.random() * max_delay)
        try:
            os.kill(child.pid, signal.SIGKILL)
        except ProcessLookupError:  # it died by itself: a failure the inspection below will show
            figures.problems.append(f"trial {trial}: the saving child exited with {child.exitcode}")
        child.join()
        figures.trials += 1
        figures.saves_cut += bool(abandoned_temp_candidates(target))
        _inspect(trial, target, figures)
    return figures


def _wait_for_a_save(target: Path, before: int, timeout: float = 10) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if os.stat(target).st_ino != before:  # a save renamed its temp file over the target
                return
        except FileNotFoundError:
            pass
        time.sleep(0.0005)


def _inspect(trial: int, target: Path, figures: KillFigures) -> None:
    try:
        load_report(target)  # the next open, which also cleans up
        figures.target_ok += 1
    except ReportFileError as error:
        figures.problems.append(f"trial {trial}: target: {error}")
    if abandoned_temp_candidates(target):
        figures.temps_after_open += 1
        figures.problems.append(f"trial {trial}: temp files left after open")
    backup = backup_path(target)
    if not backup.exists():
        figures.backup_absent += 1
        return
    try:
        load_report(backup)
        figures.backup_ok += 1
    except ReportFileError as error:
        figures.problems.append(f"trial {trial}: backup: {error}")
