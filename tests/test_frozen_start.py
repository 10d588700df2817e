"""What the frozen app runs before the command line: PyInstaller's hooks for inspect, pkgutil and
multiprocessing once their module is imported (installers/pyinstaller/rth_deferred.py), and the entry
point's test for a multiprocessing helper. Run in fresh interpreters with stand-ins for the hooks."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from installers.pyinstaller.entry import started_by_multiprocessing

ROOT = Path(__file__).resolve().parents[1]
HOOK = ROOT / "installers" / "pyinstaller" / "rth_deferred.py"

SCRIPT = """
import json, sys
sys.path.insert(0, sys.argv[2])
namespace = {"__name__": "rth_deferred"}
exec(compile(open(sys.argv[1], encoding="utf-8").read(), sys.argv[1], "exec"), namespace)
before = sorted(name for name in ("inspect", "pkgutil", "multiprocessing") if name in sys.modules)
finder = namespace["install"]()
import pkgutil
after_pkgutil = list(sys.modules.get("ran", []))
import multiprocessing.spawn
print(json.dumps({"before": before, "after_pkgutil": after_pkgutil, "after_all": sys.modules.get("ran", []),
                  "finder_left": finder in sys.meta_path}))
"""

STAND_IN = """
import sys, types
ran = sys.modules.setdefault("ran", [])
module = sys.modules["{module}"]
ran.append(["{module}", hasattr(module, "{attribute}")])  # the module is whole when its hook runs
"""


def _stand_ins(folder: Path, present: dict[str, str]) -> None:
    for hook, (module, attribute) in present.items():
        (folder / f"_nianbao_deferred_{hook}.py").write_text(STAND_IN.format(module=module, attribute=attribute))


def _run(folder: Path) -> dict:
    out = subprocess.run([sys.executable, "-S", "-c", SCRIPT, str(HOOK), str(folder)], capture_output=True,
                         text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_each_hook_runs_once_its_module_is_loaded(tmp_path):
    _stand_ins(tmp_path, {"pyi_rth_inspect": ("inspect", "getsourcefile"),
                          "pyi_rth_pkgutil": ("pkgutil", "iter_modules"),
                          "pyi_rth_multiprocessing": ("multiprocessing", "freeze_support")})
    result = _run(tmp_path)
    assert result["before"] == []  # nothing imported by the hook itself
    assert ["pkgutil", True] in result["after_pkgutil"] and ["multiprocessing", True] not in result["after_pkgutil"]
    assert ["multiprocessing", True] in result["after_all"]  # a submodule's import loads the package first
    assert len(result["after_all"]) == len({tuple(r) for r in result["after_all"]})  # each once


INSPECT_SCRIPT = """
import json, sys
sys.path.insert(0, sys.argv[2])
namespace = {"__name__": "rth_deferred"}
exec(compile(open(sys.argv[1], encoding="utf-8").read(), sys.argv[1], "exec"), namespace)
namespace["install"]()
import inspect
loaded = list(sys.modules.get("ran", []))
first = inspect.getsourcefile(json)
second = inspect.getsourcefile(json)
print(json.dumps({"loaded": loaded, "ran": sys.modules["ran"], "first": first, "second": second}))
"""

INSPECT_STAND_IN = """
import inspect, sys
sys.modules.setdefault("ran", []).append("inspect")
_original = inspect.getsourcefile
inspect.getsourcefile = lambda obj: "patched:" + _original(obj)  # as PyInstaller's hook wraps it
"""


def test_the_inspect_hook_waits_for_the_first_call(tmp_path):
    (tmp_path / "_nianbao_deferred_pyi_rth_inspect.py").write_text(INSPECT_STAND_IN)
    out = subprocess.run([sys.executable, "-S", "-c", INSPECT_SCRIPT, str(HOOK), str(tmp_path)], capture_output=True,
                         text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    result = json.loads(out.stdout.strip().splitlines()[-1])
    assert result["loaded"] == [] and result["ran"] == ["inspect"]  # at the first call, once
    assert result["first"] == result["second"] and result["first"].startswith("patched:")
    assert result["first"].endswith("json/__init__.py")


def test_a_hook_the_build_lacks_is_skipped(tmp_path):
    _stand_ins(tmp_path, {"pyi_rth_multiprocessing": ("multiprocessing", "freeze_support")})
    result = _run(tmp_path)
    assert [r[0] for r in result["after_all"]] == ["multiprocessing"]


def test_the_entry_point_knows_a_multiprocessing_helper_by_its_arguments():
    from subprocess import _args_from_interpreter_flags

    worker = ["nianbao", "--multiprocessing-fork", "pipe_handle=7", "parent_pid=1"]  # as spawn starts a frozen one
    tracker = ["nianbao", *_args_from_interpreter_flags(), "-c", "from multiprocessing.resource_tracker import main;main(5)"]
    assert started_by_multiprocessing(worker) and started_by_multiprocessing(tracker)
    for ordinary in (["nianbao"], ["nianbao", "--version"], ["nianbao", "check", "年报.nianbao"],
                     ["nianbao", "年报.nianbao"], ["nianbao", "export", "a.nianbao", "--docx", "a.docx"]):
        assert not started_by_multiprocessing(ordinary)
