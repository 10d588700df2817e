"""The frozen bundle's PySide6 runtime hook: Qt's paths at start, the qt.conf check only once QtCore is
imported (so CLI commands never load Qt). Run in a fresh interpreter with a stand-in for PyInstaller's
helper module."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

HOOK = Path(__file__).resolve().parents[1] / "installers" / "pyinstaller" / "rth_pyside6_lazy.py"

SCRIPT = """
import json, os, runpy, sys, types
calls = []
qt = types.SimpleNamespace(ensure_single_qt_bindings_package=lambda name: calls.append(["single", name]),
                           create_embedded_qt_conf=lambda name, path: calls.append(["qt.conf", name, path]))
helpers = types.ModuleType("_pyi_rth_utils")
helpers.qt = qt
sys.modules["_pyi_rth_utils"] = helpers
sys._MEIPASS = sys.argv[2]
runpy.run_path(sys.argv[1])
before = list(calls)
loaded_before = "PySide6.QtCore" in sys.modules
import PySide6.QtCore
print(json.dumps({"before": before, "loaded_before": loaded_before, "after": calls,
                  "plugins": os.environ["QT_PLUGIN_PATH"],
                  "finder_left": any(type(f).__name__ == "AfterQtCore" for f in sys.meta_path)}))
"""


def test_paths_at_start_and_qt_conf_after_qtcore(tmp_path):
    out = subprocess.run([sys.executable, "-c", SCRIPT, str(HOOK), str(tmp_path)], capture_output=True, text=True,
                         timeout=60, env={"PATH": "", "QT_QPA_PLATFORM": "offscreen"})
    assert out.returncode == 0, out.stderr
    result = json.loads(out.stdout.strip().splitlines()[-1])
    qt_dir = str(tmp_path / "PySide6" / "Qt")
    assert result["before"] == [["single", "PySide6"]] and not result["loaded_before"]
    assert result["after"] == [["single", "PySide6"], ["qt.conf", "PySide6", qt_dir]]
    assert result["plugins"] == str(Path(qt_dir) / "plugins") and not result["finder_left"]
