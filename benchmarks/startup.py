"""Start-up time of the desktop app against a bare PySide6 QMainWindow (not a test).

Each run is a fresh ``python -c`` process, offscreen, that prints the wall-clock time at which its
window is first exposed; the elapsed time is measured from just before the process is started, so
interpreter start-up and imports count. Runs of the two kinds alternate; the median is reported.
Target: the app with the sample report open within 1.3 × the bare window.

    python benchmarks/startup.py [--runs 7]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

_EXPOSED = """
import time
from PySide6.QtCore import QEvent, QObject, QTimer
class _Exposed(QObject):
    def __init__(self, window):
        super().__init__()
        self.window = window
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Expose and obj is self.window.windowHandle() and obj.isExposed():
            print(f"EXPOSED {time.time():.6f}", flush=True)
            QTimer.singleShot(0, app.quit)
        return False
"""

BARE = _EXPOSED + """
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
window = QMainWindow()
window.resize(800, 600)
watch = _Exposed(window)
app.installEventFilter(watch)
window.show()
app.exec()
"""

APP = _EXPOSED + """
import sys
from gui.app import create_application, open_windows
app = create_application([])
window = open_windows([sys.argv[1]])[0]
watch = _Exposed(window)
app.installEventFilter(watch)
window.show()
app.exec()
"""


def run_once(code: str, args: list[str], env: dict[str, str]) -> float:
    start = time.time()
    out = subprocess.run([sys.executable, "-c", code, *args], cwd=ROOT, env=env, capture_output=True, text=True,
                         timeout=120)
    for line in out.stdout.splitlines():
        if line.startswith("EXPOSED "):
            return float(line.split()[1]) - start
    raise RuntimeError(f"window never exposed:\n{out.stdout}\n{out.stderr}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    from resources import SAMPLE_REPORT

    scratch = tempfile.mkdtemp(prefix="nianbao-bench-")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=scratch, XDG_DATA_HOME=scratch,
               PYTHONPATH=str(ROOT))
    # Users run precompiled bytecode (the frozen bundle ships .pyc), so let the warm-up write it even
    # where the environment says not to (PYTHONDONTWRITEBYTECODE), instead of timing the compiler.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    # One warm-up of each, so both read their files from the OS cache.
    run_once(BARE, [], env)
    run_once(APP, [str(SAMPLE_REPORT)], env)
    bare, app = [], []
    for _ in range(args.runs):
        bare.append(run_once(BARE, [], env))
        app.append(run_once(APP, [str(SAMPLE_REPORT)], env))
    bare_median, app_median = statistics.median(bare), statistics.median(app)
    ratio = app_median / bare_median
    print(f"bare QMainWindow : median {bare_median * 1000:7.1f} ms  runs {', '.join(f'{t * 1000:.0f}' for t in bare)}")
    print(f"nianbao + sample : median {app_median * 1000:7.1f} ms  runs {', '.join(f'{t * 1000:.0f}' for t in app)}")
    print(f"ratio            : {ratio:.2f} × (target ≤ 1.30) {'OK' if ratio <= 1.3 else 'OVER TARGET'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
