"""Chinese input through a real input method: fcitx5 with pinyin under Xvfb, driven by xdotool.

PyPI's PySide6 has no fcitx plugin, so the app talks to fcitx5 through its ibus frontend; Qt's ibus
plugin needs IBUS_USE_PORTAL when no ibus-daemon is installed (see rth_input_method.py). The test
starts everything it needs (Xvfb, a session bus, openbox, fcitx5 with a known config in a scratch
HOME) and runs the app in a separate process; the apt packages come from scripts/test.sh.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TOOLS = ("Xvfb", "dbus-run-session", "dbus-send", "openbox", "fcitx5", "xdotool")

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="fcitx5 and Xvfb are Linux only")


@pytest.fixture
def display(tmp_path):
    missing = [tool for tool in TOOLS if shutil.which(tool) is None]
    assert not missing, f"missing {missing}: run scripts/test.sh (it installs xvfb, fcitx5, xdotool, …)"
    read, write = os.pipe()
    xvfb = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-screen", "0", "1366x768x24", "-nolisten", "tcp"],
                            pass_fds=(write,), stdout=subprocess.DEVNULL, stderr=(tmp_path / "xvfb.log").open("w"))
    os.close(write)
    with os.fdopen(read) as pipe:
        number = pipe.readline().strip()
    assert number, (tmp_path / "xvfb.log").read_text()
    yield f":{number}"
    xvfb.terminate()
    xvfb.wait(timeout=10)


def test_pinyin_typed_through_fcitx5_arrives_in_the_text_and_the_grid(display, tmp_path):
    home = tmp_path / "home"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("QT_", "XDG_", "IBUS_", "DBUS_"))}
    env.update(DISPLAY=display, HOME=str(home), XDG_CONFIG_HOME=str(home / ".config"),
               XDG_DATA_HOME=str(home / ".local" / "share"), XDG_CACHE_HOME=str(home / ".cache"),
               XDG_RUNTIME_DIR=str(tmp_path / "run"), QT_QPA_PLATFORM="xcb",
               # What a fcitx desktop (统信UOS, 麒麟) sets for Qt programs:
               QT_IM_MODULE="fcitx", XMODIFIERS="@im=fcitx", LANG="zh_CN.UTF-8", PYTHONPATH=str(ROOT), QT_LOGGING_RULES="qt.qpa.input.methods=true")
    (tmp_path / "run").mkdir(mode=0o700)
    result = tmp_path / "result.json"
    run = subprocess.run(["dbus-run-session", "--", sys.executable, "-m", "tests.gui.input_method.session",
                          str(tmp_path), str(result)], cwd=ROOT, env=env, timeout=180)
    logs = "\n".join(f"--- {p.name}\n{p.read_text(errors='replace')[-3000:]}" for p in sorted(tmp_path.glob("*.log")))
    assert run.returncode == 0 and result.exists(), logs
    got = json.loads(result.read_text(encoding="utf-8"))
    assert got["QT_IM_MODULE"] == "ibus" and got["IBUS_USE_PORTAL"] == "1", got
    assert got["window_active"], got
    # The chapter text: pinyin was held in the preedit, then 政府 (Space) and 公开 (key 1) were committed.
    assert got["preedit_seen"], got
    assert got["overview"] == "政府公开", (got, logs)
    # The grid: digits and Enter pass through the input method; Enter moved on to the cell below.
    assert got["t3.new.natural"] == 12, (got, logs)
    assert got["after_enter"] == "t3.carried_over.natural", got
    # Chinese in a number cell arrives in the cell editor, is refused with a message, and is kept.
    assert got["cell_editor_text"] == "一", got
    assert got["t3.carried_over.natural"] is None
    assert "一" in got["status"], got
