"""How long the copied-text measure takes for two full reports (target: under 50 ms).

`chapter_repeats(report, previous)` is what check C11 and the editor's highlight run after each
edit. Measured for the longest reports at hand (every fixture against every other and itself),
next to a baseline in the same run: a plain difflib comparison of the same chapter texts
(SequenceMatcher.ratio, no sentence matching), the obvious way to do it. Not a test: run it by
hand, `python benchmarks/copied_text_speed.py`.
"""

from __future__ import annotations

import difflib
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from timing import median_ms  # noqa: E402

from core.checks.copied_text import chapter_repeats, last_years_text  # noqa: E402
from core.report_file import load_report  # noqa: E402
from resources import SAMPLE_REPORT  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
RUNS = 30
TARGET_MS = 50.0


def _reports() -> list:
    paths = [SAMPLE_REPORT, *sorted((ROOT / "tests" / "fixtures").glob("*.nianbao"))]
    return [load_report(p) for p in paths]


def _chars(report) -> int:
    return sum(len(text) for _, text in report.iter_texts())


def _difflib(report, previous) -> list[float]:
    ratios = []
    for chapter in report.chapters:
        if chapter.table is None:
            ours = "\n".join(report.text(k) for k in (chapter.key, *(s.key for s in chapter.sections)))
            ratios.append(difflib.SequenceMatcher(None, ours, last_years_text(previous, chapter.key)).ratio())
    return ratios


def main() -> int:
    reports = sorted(_reports(), key=_chars, reverse=True)
    longest, second = reports[0], reports[1]
    doubled = load_report(SAMPLE_REPORT)  # a long report copied from the longest one, with its own text added
    for key, text in longest.iter_texts():
        if key in doubled.text_keys:
            doubled.set_text(key, text + "\n" + doubled.text(key))
    pairs = [("two longest reports", longest, second), ("longest against itself (all repeated)", longest, longest),
             ("a long copy against the longest", doubled, longest)]
    worst = 0.0
    for name, report, previous in pairs:
        ours_ms = median_ms(lambda r=report, p=previous: chapter_repeats(r, p), RUNS)
        base_ms = median_ms(lambda r=report, p=previous: _difflib(r, p), RUNS)
        worst = max(worst, ours_ms)
        print(f"{name} ({_chars(report)} + {_chars(previous)} characters):")
        print(f"  chapter_repeats (sentences, numbers blanked): {ours_ms:8.2f} ms")
        print(f"  difflib per chapter (baseline):               {base_ms:8.2f} ms  ({ours_ms / base_ms:.2f}× baseline)")
    every = median_ms(lambda: [chapter_repeats(r, p) for r in reports for p in reports], 3)
    print(f"every fixture against every fixture ({len(reports) ** 2} pairs): {every:.1f} ms, "
          f"{every / len(reports) ** 2:.2f} ms a pair")
    verdict = "met" if worst < TARGET_MS else "MISSED"
    print(f"target: two full reports under {TARGET_MS:.0f} ms — worst {worst:.2f} ms, {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
