"""How long reading a published report takes: seed 001's text, our Word export of it and a portal page
of it (target: under 1 s each, so the confirmation view follows the file dialog at once).

Prints the median over several runs next to the baseline of reading our Excel export of the same
report, measured in the same process and run. Not a test: `python benchmarks/published_import.py`.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from timing import median_ms  # noqa: E402

from core.checks import run_checks  # noqa: E402
from core.export.docx_writer import write_docx  # noqa: E402
from core.export.xlsx_writer import write_xlsx  # noqa: E402
from core.imports.published.reader import read_published  # noqa: E402
from core.imports.xlsx_reader import read_xlsx  # noqa: E402
from core.report_file import load_report  # noqa: E402
from tests.conftest import SEED001  # noqa: E402
from tests.portal_pages import portal_page  # noqa: E402
from tests.seed_text import seed_text  # noqa: E402

RUNS = 15
TARGET_MS = 1000.0


def main() -> int:
    report = load_report(SEED001)
    folder = Path(tempfile.mkdtemp(prefix="nianbao-bench-"))
    files = {"xlsx": folder / "r.xlsx", "txt": folder / "r.txt", "docx": folder / "r.docx", "html": folder / "r.html"}
    write_xlsx(report, files["xlsx"], run_checks(report))
    files["txt"].write_text(seed_text("001"), encoding="utf-8")
    write_docx(report, files["docx"])
    files["html"].write_bytes(portal_page(report, "gbk"))
    read_published(files["txt"])  # warms the template and label caches, as the app has after its first import
    baseline = median_ms(lambda: read_xlsx(files["xlsx"]), RUNS)
    print(f"read our Excel export of seed 001 (baseline): {baseline:8.2f} ms")
    worst = 0.0
    for kind in ("txt", "docx", "html"):
        ms = median_ms(lambda k=kind: read_published(files[k]), RUNS)
        worst = max(worst, ms)
        print(f"read seed 001 as .{kind:<4}                      {ms:8.2f} ms  ({ms / baseline:.2f}× the workbook)")
    print(f"target: each under {TARGET_MS:.0f} ms — {'met' if worst < TARGET_MS else 'MISSED'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
