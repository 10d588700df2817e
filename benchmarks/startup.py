"""Start-up time of the desktop app against plain-PySide6 baselines (not a test).

Each run is a fresh ``python -c`` process, offscreen, that prints the wall-clock time at which its
window is first exposed; the elapsed time is measured from just before the process is started, so
interpreter start-up and imports count. Runs of the kinds alternate; the median is reported.

Baselines: a bare QMainWindow, and a replica of the app's first screen with a report open built
with PySide6 alone (benchmarks/startup_replica.py: the same menus, tabs, unit form, check dock and
font). Target: the app with the sample report open within 1.15 × the replica.

The app reads its built template from the user's cache folder (core/template/cache.py), as at every
start but the first after an install or upgrade; the cache is a folder of this run, filled by the
warm-up. "first start" is the app with the cache switched off (it builds the template from its JSON).
Besides the ratio of the medians it prints the median of each round's app/replica ratio, steadier
when other load changes the machine's speed during the run. 15 rounds by default: with 7, the ratio
of the medians moved by ±4 % between identical series on a shared 2-core machine.

    python benchmarks/startup.py [--runs 15]
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


def _replica() -> str:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from startup_replica import REPLICA

    return _EXPOSED + REPLICA


TARGET = 1.15


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    from resources import SAMPLE_REPORT

    scratch = tempfile.mkdtemp(prefix="nianbao-bench-")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=scratch, XDG_DATA_HOME=scratch,
               NIANBAO_CACHE_DIR=os.path.join(scratch, "cache"), PYTHONPATH=str(ROOT))
    # Users run precompiled bytecode (the frozen bundle ships .pyc), so let the warm-up write it even
    # where the environment says not to (PYTHONDONTWRITEBYTECODE), instead of timing the compiler.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    replica_code = _replica()
    uncached = dict(env, NIANBAO_CACHE_DIR="")
    kinds = {"bare QMainWindow": (BARE, [], env), "PySide6 replica": (replica_code, [], env),
             "nianbao + sample": (APP, [str(SAMPLE_REPORT)], env),
             "first start": (APP, [str(SAMPLE_REPORT)], uncached)}
    # One warm-up of each, so all read their files from the OS cache (and the app's cache is filled).
    for code, code_args, code_env in kinds.values():
        run_once(code, code_args, code_env)
    times: dict[str, list[float]] = {name: [] for name in kinds}
    for _ in range(args.runs):
        for name, (code, code_args, code_env) in kinds.items():
            times[name].append(run_once(code, code_args, code_env))
    medians = {name: statistics.median(t) for name, t in times.items()}
    for name, runs in times.items():
        print(f"{name:17}: median {medians[name] * 1000:7.1f} ms  runs {', '.join(f'{t * 1000:.0f}' for t in runs)}")
    ratio = medians["nianbao + sample"] / medians["PySide6 replica"]
    bare_ratio = medians["nianbao + sample"] / medians["bare QMainWindow"]
    first_ratio = medians["first start"] / medians["PySide6 replica"]
    # Each round runs the kinds back to back: the median of a round's app/replica is steadier than the
    # ratio of the medians when the machine's speed changes during the run (other sessions' load).
    paired = statistics.median(a / r for a, r in zip(times["nianbao + sample"], times["PySide6 replica"], strict=True))
    print(f"ratio to replica : {ratio:.2f} × (target ≤ {TARGET:.2f}) {'OK' if ratio <= TARGET else 'OVER TARGET'}")
    print(f"  paired by round: {paired:.2f} ×")
    print(f"ratio to bare    : {bare_ratio:.2f} ×")
    print(f"first start      : {first_ratio:.2f} × the replica (no template cache yet)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
