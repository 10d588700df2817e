"""core.template.cache: a shipped template read back from the user's cache is the template built
from its JSON, and anything else in the cache is ignored and built again."""

from __future__ import annotations

import json
import os
import pickle
import subprocess
import sys

import pytest

from core.checks import run_checks
from core.report_file import load_report
from core.template import cache, registry
from core.template.loader import load_template_file
from resources import SAMPLE_REPORT, TEMPLATES_DIR


@pytest.fixture
def folder(tmp_path, monkeypatch):
    monkeypatch.setenv("NIANBAO_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache" / cache.SUBFOLDER


class CountingBuild:
    def __init__(self):
        self.calls = 0

    def __call__(self, path):
        self.calls += 1
        return load_template_file(path)


def _cached_files(folder, template_id="2021"):
    return sorted(folder.glob(f"{template_id}-*.pickle")) if folder.exists() else []


@pytest.mark.parametrize("template_id", ["2021", "2019", "pre2019"])
def test_a_template_read_from_the_cache_equals_the_one_built(folder, template_id):
    path = TEMPLATES_DIR / f"{template_id}.json"
    build = CountingBuild()
    built = cache.load_cached(path, build)
    read = cache.load_cached(path, build)
    assert build.calls == 1 and len(_cached_files(folder, template_id)) == 1
    assert read is not built and read == built and read.path == path
    assert [c.cell for c in read.computations] == [c.cell for c in built.computations]
    table = read.tables[0]  # objects shared in the built template are shared in the one read back
    assert all(read.cells[key].row is table.row(key.split(".")[1]) for key in table.cells)


def test_checks_find_the_same_with_the_cached_template(folder):
    report = load_report(SAMPLE_REPORT)
    report.set_value("t3.new.natural", 999)  # something to find
    report.texts[next(iter(report.texts))] = "收到政府信息公开申请3件。"
    path = TEMPLATES_DIR / "2021.json"
    built = cache.load_cached(path, load_template_file)
    read = cache.load_cached(path, lambda p: pytest.fail("built again"))
    found = []
    for template in (built, read):
        with registry.template_installed(template):
            report.__dict__.pop("_template", None)
            found.append([(f.id, f.message) for f in run_checks(report).findings])
    report.__dict__.pop("_template", None)
    assert found[0] == found[1] and found[0]


def test_an_edited_json_is_built_again_and_replaces_the_old_file(folder, tmp_path):
    path = tmp_path / "2021.json"
    data = json.loads((TEMPLATES_DIR / "2021.json").read_text(encoding="utf-8"))
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    build = CountingBuild()
    cache.load_cached(path, build)
    first = _cached_files(folder)
    data["name"] = data["name"] + "（改）"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    template = cache.load_cached(path, build)
    assert build.calls == 2 and template.name.endswith("（改）")
    assert len(_cached_files(folder)) == 1 and _cached_files(folder) != first


def test_other_code_builds_again(folder, monkeypatch):
    path = TEMPLATES_DIR / "2021.json"
    build = CountingBuild()
    cache.load_cached(path, build)
    monkeypatch.setattr(cache, "_code_fingerprint", lambda: b"another version of the core")
    cache.load_cached(path, build)
    assert build.calls == 2


@pytest.mark.parametrize("content", [
    b"", b"not a pickle at all", pickle.dumps({"a": 1}), pickle.dumps((b"x", b"y", "not a template")),
])
def test_a_damaged_or_foreign_cache_file_is_ignored_and_rewritten(folder, content):
    path = TEMPLATES_DIR / "2021.json"
    build = CountingBuild()
    built = cache.load_cached(path, build)
    (file,) = _cached_files(folder)
    file.write_bytes(content)
    again = cache.load_cached(path, build)
    assert build.calls == 2 and again == built
    assert cache.load_cached(path, build) == built and build.calls == 2  # rewritten, read from then on


def test_a_cache_file_of_another_template_is_not_taken(folder):
    build = CountingBuild()
    cache.load_cached(TEMPLATES_DIR / "2019.json", build)
    (other,) = _cached_files(folder, "2019")
    path = TEMPLATES_DIR / "2021.json"
    cache.load_cached(path, build)
    (file,) = _cached_files(folder)
    file.write_bytes(other.read_bytes())
    assert cache.load_cached(path, build).id == "2021" and build.calls == 3


def test_an_unwritable_cache_costs_only_the_time(tmp_path, monkeypatch):
    blocker = tmp_path / "cache"
    blocker.write_text("a file where the folder should be")
    monkeypatch.setenv("NIANBAO_CACHE_DIR", str(blocker))
    build = CountingBuild()
    path = TEMPLATES_DIR / "2021.json"
    assert cache.load_cached(path, build).id == "2021"
    assert cache.load_cached(path, build).id == "2021" and build.calls == 2
    assert blocker.read_text() == "a file where the folder should be"


def test_an_empty_setting_switches_the_cache_off(tmp_path, monkeypatch):
    monkeypatch.setenv("NIANBAO_CACHE_DIR", "")
    build = CountingBuild()
    for _ in range(2):
        cache.load_cached(TEMPLATES_DIR / "2021.json", build)
    assert build.calls == 2


def test_the_frozen_app_keys_the_cache_on_its_executable(monkeypatch, tmp_path):
    source = cache._code_fingerprint()
    executable = tmp_path / "nianbao"
    executable.write_bytes(b"\x7fELF bundle")
    cache._code_fingerprint.cache_clear()
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(executable))
    try:
        frozen = cache._code_fingerprint()
        executable.write_bytes(b"\x7fELF another bundle")
        cache._code_fingerprint.cache_clear()
        rebuilt = cache._code_fingerprint()
    finally:
        cache._code_fingerprint.cache_clear()
    assert frozen != source and rebuilt != frozen and b"model.py" not in frozen


def test_a_start_with_the_cache_loads_neither_the_builder_nor_the_regular_expressions(tmp_path):
    code = """
import json, sys
from core.template import load_template, model
template = load_template("2021")
print(json.dumps({"builder": "core.template.loader" in sys.modules, "compiled": model._compiled.cache_info().currsize}))
"""
    env = dict(os.environ, NIANBAO_CACHE_DIR=str(tmp_path))
    runs = [json.loads(subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True,
                                      timeout=120, check=True).stdout) for _ in range(2)]
    assert runs[0]["builder"] and runs[0]["compiled"] > 0  # the first start builds and lints
    assert runs[1] == {"builder": False, "compiled": 0}


def test_the_fingerprint_covers_every_module_the_builder_imports():
    code = """
import json, sys
import core.template.loader, core.template.registry
print(json.dumps(sorted(m.__file__ for n, m in sys.modules.items() if n.partition(".")[0] == "core")))
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True)
    imported = {os.path.realpath(f) for f in json.loads(out.stdout)}
    covered = {os.path.realpath(p) for p in cache.builder_sources()}
    assert imported <= covered, f"add to core/template/cache.py's builder modules: {sorted(imported - covered)}"


def test_another_installation_keeps_its_own_build(folder, monkeypatch):
    path = TEMPLATES_DIR / "2021.json"
    build = CountingBuild()
    cache.load_cached(path, build)
    with monkeypatch.context() as other:
        other.setattr(cache, "_installation", lambda: 0x12345678)
        other.setattr(cache, "_code_fingerprint", lambda: b"the frozen app's code")
        cache.load_cached(path, build)
    assert len(_cached_files(folder)) == 2  # neither removed the other's
    cache.load_cached(path, build)
    assert build.calls == 2


def test_the_tables_computations_and_rules_are_read_when_first_asked_for(folder):
    path = TEMPLATES_DIR / "2021.json"
    build = CountingBuild()
    built = cache.load_cached(path, build)
    read = cache.load_cached(path, build)
    assert not {"tables", "rules", "computations", "dependents"} & set(read.__dict__)
    assert read.chapters == built.chapters and read.cells == built.cells  # what the first window shows
    assert read.rules == built.rules and "tables" in read.__dict__  # one asked for: all of them read
    assert read.table("t3") == built.table("t3") and read.rule(built.rules[0].id) == built.rules[0]
    assert read.computations_after(["t3.new.natural"]) == built.computations_after(["t3.new.natural"])
    assert build.calls == 1


def test_a_cached_template_copies_and_is_stored_again_whole(folder):
    import copy
    import io

    path = TEMPLATES_DIR / "2021.json"
    built = cache.load_cached(path, load_template_file)
    copied = copy.copy(cache.load_cached(path, lambda p: pytest.fail("built again")))
    assert copied == built and copied.tables == built.tables and "_complete_deferred" not in copied.__dict__
    stored = cache._dumps(b"text", b"code", cache.load_cached(path, lambda p: pytest.fail("built again")))
    unpickler = cache.Unpickler(io.BytesIO(stored))
    text, code, first = unpickler.load()
    parts = unpickler.load()
    assert (text, code) == (b"text", b"code") and parts["rules"] == built.rules and first.chapters == built.chapters


def test_threads_asking_at_once_all_get_the_parts(folder):
    import threading

    path = TEMPLATES_DIR / "2021.json"
    built = cache.load_cached(path, load_template_file)
    read = cache.load_cached(path, lambda p: pytest.fail("built again"))
    start, got = threading.Barrier(8), []

    def ask(name):
        start.wait()
        got.append(getattr(read, name) == getattr(built, name))

    threads = [threading.Thread(target=ask, args=(name,)) for name in ("rules", "tables", "dependents", "computations") * 2]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert got == [True] * 8


def test_a_damaged_second_part_is_built_instead_and_the_file_removed(folder):
    path = TEMPLATES_DIR / "2021.json"
    build = CountingBuild()
    built = cache.load_cached(path, build)
    (file,) = _cached_files(folder)
    data = bytearray(file.read_bytes())
    data[-48:-9] = b"\xff" * 39  # the end of the second pickle, the length after it unchanged
    file.write_bytes(bytes(data))
    read = cache.load_cached(path, build)
    assert build.calls == 1 and read.chapters == built.chapters
    assert read.rules == built.rules and build.calls == 2 and not file.exists()
    assert cache.load_cached(path, build) == built and build.calls == 3 and file.exists()


def test_a_shortened_file_is_not_taken(folder):
    path = TEMPLATES_DIR / "2021.json"
    build = CountingBuild()
    cache.load_cached(path, build)
    (file,) = _cached_files(folder)
    file.write_bytes(file.read_bytes()[:-100])
    assert cache.load_cached(path, build).rules and build.calls == 2


def test_deferred_parts_that_fail_to_come_are_asked_for_again():
    import copy

    from core.template.model import DEFERRED_PARTS, defer_parts

    built = load_template_file(TEMPLATES_DIR / "2021.json")
    template = copy.copy(built)
    calls = []

    def complete():
        calls.append(1)
        if len(calls) == 1:
            raise OSError("the disk went away")
        return {name: built.__dict__[name] for name in DEFERRED_PARTS}

    defer_parts(template, complete)
    with pytest.raises(OSError):
        template.rules  # noqa: B018
    assert template.rules == built.rules and len(calls) == 2
