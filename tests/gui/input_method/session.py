"""Inside ``dbus-run-session``: start openbox and fcitx5 (pinyin, a known config in a scratch HOME),
wait for its ibus portal on the session bus, then run the app driver and pass on its exit code.

    python -m tests.gui.input_method.session SCRATCH RESULT_JSON
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

PROFILE = """[Groups/0]
Name=Default
Default Layout=us
DefaultIM=pinyin

[Groups/0/Items/0]
Name=keyboard-us
Layout=

[Groups/0/Items/1]
Name=pinyin
Layout=

[GroupOrder]
0=Default
"""
# Pinyin on from the start, no network (cloud pinyin) and no other frontends than ibus and dbus.
CONFIG = "[Behavior]\nActiveByDefault=True\nShareInputState=No\n"
DISABLED = "cloudpinyin,kimpanel,notificationitem,wayland,waylandim,xim,fcitx4"
PORTAL = "org.freedesktop.portal.IBus"


def bus_names() -> str:
    return subprocess.run(["dbus-send", "--session", "--dest=org.freedesktop.DBus", "--type=method_call",
                           "--print-reply", "/org/freedesktop/DBus", "org.freedesktop.DBus.ListNames"],
                          capture_output=True, text=True, timeout=10).stdout


def main(scratch: Path, result: Path) -> int:
    config = Path(os.environ["XDG_CONFIG_HOME"]) / "fcitx5"
    config.mkdir(parents=True, exist_ok=True)
    (config / "profile").write_text(PROFILE)
    (config / "config").write_text(CONFIG)
    logs = {name: open(scratch / f"{name}.log", "w") for name in ("openbox", "fcitx5", "app")}
    helpers = [subprocess.Popen(["openbox"], stdout=logs["openbox"], stderr=subprocess.STDOUT),
               subprocess.Popen(["fcitx5", f"--disable={DISABLED}"], stdout=logs["fcitx5"], stderr=subprocess.STDOUT)]
    try:
        deadline = time.monotonic() + 30
        while PORTAL not in bus_names():
            if time.monotonic() > deadline or helpers[1].poll() is not None:
                print(f"fcitx5 did not offer {PORTAL} on the session bus; names: {bus_names()}", file=sys.stderr)
                return 3
            time.sleep(0.2)
        app = subprocess.run([sys.executable, "-m", "tests.gui.input_method.driver", str(result)],
                             stdout=logs["app"], stderr=subprocess.STDOUT, timeout=120)
        return app.returncode
    finally:
        for process in reversed(helpers):
            process.terminate()
        for process in helpers:
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
        for log in logs.values():
            log.close()


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), Path(sys.argv[2])))
