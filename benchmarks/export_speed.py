"""How long the Word export of the full sample report takes (target: under 300 ms).

Prints the median of ~20 exports to a .docx file (python-docx already imported), the one-off cost
of importing python-docx (measured in fresh interpreters: `python -c "import docx"` minus
`python -c "pass"`), and their sum — what the user waits for on the first export after start-up,
since the app imports python-docx only when it is first needed. Not a test: run it by hand,
`python benchmarks/export_speed.py`.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from timing import median_ms  # noqa: E402

from core.report_file import load_report  # noqa: E402
from resources import SAMPLE_REPORT  # noqa: E402

RUNS = 20
IMPORT_RUNS = 7
TARGET_MS = 300.0


def interpreter_ms(code: str) -> float:
    return median_ms(lambda: subprocess.run([sys.executable, "-c", code], check=True), IMPORT_RUNS)


def main() -> int:
    report = load_report(SAMPLE_REPORT)
    import_ms = max(0.0, interpreter_ms("import docx") - interpreter_ms("pass"))
    from core.export.docx_writer import write_docx

    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "sample.docx"
        write_docx(report, target)  # warm-up: template cache, python-docx's own lazy loads
        export_ms = median_ms(lambda: write_docx(report, target), RUNS)
        size_kb = target.stat().st_size / 1024
    first_ms = import_ms + export_ms
    print(f"export the sample to .docx (median of {RUNS}): {export_ms:.1f} ms  ({size_kb:.0f} KB)")
    print(f"import python-docx (fresh interpreter):    {import_ms:.1f} ms")
    print(f"first export after start-up (sum):         {first_ms:.1f} ms")
    print(f"target: export under {TARGET_MS:.0f} ms — {'met' if export_ms < TARGET_MS else 'MISSED'}; "
          f"including the import — {'met' if first_ms < TARGET_MS else 'MISSED'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
