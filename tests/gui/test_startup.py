"""gui.startup: the garbage collector pauses while the app starts and runs again once the first window
is on screen; ``datetime`` is the C module without its pure-Python twin being compiled."""

from __future__ import annotations

import datetime
import gc
import json
import os
import pickle
import subprocess
import sys

import pytest

from gui import startup

_START = """
import gc, json, sys
import gui
from gui import startup
seen = {"paused_on_import": not gc.isenabled() and startup.collector_paused()}
from PySide6.QtCore import QTimer
from gui.app import create_application, open_windows
app = create_application([])
window = open_windows([sys.argv[1]] if len(sys.argv) > 1 else [])[0]
seen["paused_while_building"] = not gc.isenabled()
window.show()
def done():
    seen["on_after_first_frame"] = gc.isenabled() and not startup.collector_paused()
    print(json.dumps(seen), flush=True)
    app.quit()
def wait(tries=[0]):
    tries[0] += 1
    if gc.isenabled() or tries[0] > 200:
        done()
    else:
        QTimer.singleShot(10, wait)
QTimer.singleShot(0, wait)
app.exec()
"""


@pytest.mark.parametrize("with_report", [True, False], ids=["sample report", "start page"])
def test_the_collector_pauses_until_the_first_window_is_on_screen(tmp_path, with_report):
    from resources import SAMPLE_REPORT

    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path), XDG_DATA_HOME=str(tmp_path))
    args = [str(SAMPLE_REPORT)] if with_report else []
    out = subprocess.run([sys.executable, "-c", _START, *args], capture_output=True, text=True, timeout=120, env=env)
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout.splitlines()[-1]) == {
        "paused_on_import": True, "paused_while_building": True, "on_after_first_frame": True}


def test_finished_resumes_only_what_it_paused():
    was = gc.isenabled()
    try:
        gc.disable()
        startup.finished()  # not paused by startup: left off
        assert not gc.isenabled()
        gc.enable()
        startup.pause_collector()
        assert not gc.isenabled() and startup.collector_paused()
        startup.finished()
        assert gc.isenabled() and not startup.collector_paused()
    finally:
        (gc.enable if was else gc.disable)()


_DATETIME = """
import json, pickle, sys
import gui
import datetime, _datetime
stamp = datetime.datetime(2026, 1, 31, 9, 30, tzinfo=datetime.timezone.utc)
print(json.dumps({
    "c_classes": all(getattr(datetime, n) is getattr(_datetime, n) for n in datetime.__all__),
    "all": list(datetime.__all__),
    "pure_python_compiled": "_ymd2ord" in vars(sys.modules["datetime"]),
    "round_trip": pickle.loads(pickle.dumps(stamp)) == stamp,
    "pickle": pickle.dumps(datetime.date(2026, 1, 31), 2).hex(),
    "iso": datetime.date.fromisoformat("2026-01-31").isoformat(),
}))
"""


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="Python 3.12 imports the C datetime itself")
def test_datetime_is_the_c_module_and_behaves_as_the_standard_one():
    out = subprocess.run([sys.executable, "-c", _DATETIME], capture_output=True, text=True, timeout=60,
                         env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
    assert out.returncode == 0, out.stderr
    seen = json.loads(out.stdout.splitlines()[-1])
    assert seen["c_classes"] and not seen["pure_python_compiled"] and seen["round_trip"]
    assert seen["all"] == list(datetime.__all__)
    # a date pickled there reads back here, with the ordinary datetime module, and the other way
    assert pickle.loads(bytes.fromhex(seen["pickle"])) == datetime.date(2026, 1, 31)
    assert seen["pickle"] == pickle.dumps(datetime.date(2026, 1, 31), 2).hex()
    assert seen["iso"] == "2026-01-31"
    assert not startup.use_c_datetime()  # imported already: left as it is
