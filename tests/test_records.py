"""core.records: a record behaves as the dataclass it stands for, made without compiling methods."""

from __future__ import annotations

import copy
import dataclasses
import json
import os
import pickle
import subprocess
import sys
import typing
from dataclasses import FrozenInstanceError, dataclass, field

import pytest

from core.records import RECORD_MARK, record
from core.records import field as record_field


@dataclass(frozen=True)
class FrozenDC:
    key: str
    count: int = 0
    tags: tuple[str, ...] = ()
    note: str = field(default="", compare=False)
    cache: dict = field(default_factory=dict, repr=False, hash=False, compare=False)


@record(frozen=True)
class FrozenRec:
    key: str
    count: int = 0
    tags: tuple[str, ...] = ()
    note: str = record_field(default="", compare=False)
    cache: dict = record_field(default_factory=dict, repr=False, hash=False, compare=False)


@dataclass
class MutableDC:
    """A mutable one with a post-init step and a field left out of __init__."""

    name: str
    rows: list[str] = field(default_factory=list)
    size: int = field(default=0, init=False)

    def __post_init__(self) -> None:
        self.size = len(self.rows)


@record
class MutableRec:
    """A mutable one with a post-init step and a field left out of __init__."""

    name: str
    rows: list[str] = record_field(default_factory=list)
    size: int = record_field(default=0, init=False)

    def __post_init__(self) -> None:
        self.size = len(self.rows)


@record(frozen=True)
class One:
    value: int


PAIRS = [(FrozenDC, FrozenRec), (MutableDC, MutableRec)]


def _same_outcome(make_a, make_b):
    """Both calls give equal-looking results, or both raise the same exception type and text."""
    outcomes = []
    for make in (make_a, make_b):
        try:
            outcomes.append(("ok", make()))
        except Exception as error:  # noqa: BLE001  # the exception itself is what is compared
            outcomes.append((type(error), str(error).split("__init__() ")[-1]))
    return outcomes


@pytest.mark.parametrize("args, kwargs", [
    (("a",), {}), (("a", 3), {}), (("a", 3, ("x",)), {"note": "n"}), ((), {"key": "k", "count": 2}),
    ((), {}), (("a", 1, (), "n", {}, "extra"), {}), (("a",), {"key": "again"}), (("a",), {"colour": 1}),
])
def test_construction_and_its_errors_match_the_dataclass(args, kwargs):
    (kind_a, made_a), (kind_b, made_b) = _same_outcome(lambda: FrozenDC(*args, **kwargs),
                                                       lambda: FrozenRec(*args, **kwargs))
    assert kind_a == kind_b
    if kind_a == "ok":
        assert repr(made_a).replace("FrozenDC", "X") == repr(made_b).replace("FrozenRec", "X")
        assert dataclasses.asdict(made_a) == dataclasses.asdict(made_b)
    else:
        assert made_a == made_b


def test_a_missing_argument_is_named():
    with pytest.raises(TypeError, match="'key'"):
        FrozenRec()  # type: ignore[call-arg]


@pytest.mark.parametrize("dc, rec", PAIRS)
def test_fields_replace_and_asdict_work_as_for_the_dataclass(dc, rec):
    assert [(f.name, f.init, f.repr, f.compare) for f in dataclasses.fields(dc)] == \
        [(f.name, f.init, f.repr, f.compare) for f in dataclasses.fields(rec)]
    assert dataclasses.is_dataclass(rec) and getattr(rec, RECORD_MARK)
    a, b = dc("k"), rec("k")
    assert dataclasses.asdict(dataclasses.replace(a, **_change(dc))) == \
        dataclasses.asdict(dataclasses.replace(b, **_change(rec)))


def _change(cls) -> dict:
    return {"count": 5} if "count" in {f.name for f in dataclasses.fields(cls)} else {"rows": ["r"]}


def test_equality_and_hash_follow_the_compared_fields():
    a, b = FrozenRec("k", 1, note="one"), FrozenRec("k", 1, note="other")
    assert a == b and hash(a) == hash(b) and {a: 1}[b] == 1
    assert a != FrozenRec("k", 2) and a != FrozenDC("k", 1) and a != ("k", 1)
    assert hash(FrozenRec("k", 1)) == hash(FrozenDC("k", 1))  # the same tuple is hashed
    assert One(3) == One(3) and hash(One(3)) == hash((3,)) and One(3) != One(4)
    assert MutableRec("n") == MutableRec("n") and MutableRec("n") != MutableRec("n", ["r"])
    with pytest.raises(TypeError, match="unhashable"):
        hash(MutableRec("n"))


def test_a_frozen_record_refuses_assignment_and_deletion():
    item = FrozenRec("k")
    with pytest.raises(FrozenInstanceError, match="cannot assign to field 'key'"):
        item.key = "other"  # type: ignore[misc]
    with pytest.raises(FrozenInstanceError, match="cannot assign to field 'spare'"):
        item.spare = 1  # type: ignore[attr-defined]
    with pytest.raises(FrozenInstanceError, match="cannot delete field 'count'"):
        del item.count  # type: ignore[misc]
    mutable = MutableRec("n")
    mutable.name = "m"
    assert mutable.name == "m"


def test_post_init_and_fields_outside_init_run_as_in_the_dataclass():
    assert MutableRec("n", ["a", "b"]).size == MutableDC("n", ["a", "b"]).size == 2
    first, second = MutableRec("n"), MutableRec("n")
    first.rows.append("x")
    assert second.rows == []  # each instance gets its own list from the factory


def test_repr_matches_and_survives_a_cycle():
    assert repr(FrozenRec("k", 2, ("t",), "n")) == "FrozenRec(key='k', count=2, tags=('t',), note='n')"
    looped = MutableRec("n")
    looped.rows.append(looped)  # type: ignore[arg-type]
    assert repr(looped) == "MutableRec(name='n', rows=[...], size=0)"


def test_records_pickle_and_copy():
    item = FrozenRec("k", 2, ("t",), "n", {"c": 1})
    for copied in (pickle.loads(pickle.dumps(item)), copy.copy(item), copy.deepcopy(item)):
        assert copied == item and copied.note == "n" and copied.cache == {"c": 1}
    mutable = MutableRec("n", ["a"])
    assert pickle.loads(pickle.dumps(mutable)) == mutable


def test_a_class_defining_its_own_methods_is_refused():
    with pytest.raises(TypeError, match="__eq__"):
        @record
        class Custom:
            value: int

            def __eq__(self, other):
                return True


def test_the_first_window_makes_no_class_with_compiled_dataclass_methods(tmp_path):
    """Every dataclass imported on the way to the first window (the sample open) is a record (see
    core/records.py): a plain dataclass there costs the start-up about 0.7 ms to compile its methods."""
    code = """
import dataclasses, json, sys
from gui.app import create_application, open_windows
from resources import SAMPLE_REPORT
app = create_application([])
window = open_windows([str(SAMPLE_REPORT)])[0]
found = []
for name, module in list(sys.modules.items()):
    if name.partition(".")[0] not in ("core", "gui", "cli"):
        continue
    for value in vars(module).values():
        if isinstance(value, type) and value.__module__ == name and dataclasses.is_dataclass(value) \\
                and not value.__dict__.get("__record__"):
            found.append(f"{name}.{value.__qualname__}")
print(json.dumps(sorted(set(found))))
"""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path), XDG_DATA_HOME=str(tmp_path))
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, env=env)
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout.splitlines()[-1]) == []


@record(frozen=True)
class WithFactory:
    key: str
    rows: tuple[str, ...] = ()
    extra: dict = record_field(default_factory=dict, compare=False)
    hidden: int = record_field(default=7, repr=False)


@dataclass(frozen=True)
class WithFactoryDC:
    key: str
    rows: tuple[str, ...] = ()
    extra: dict = field(default_factory=dict, compare=False)
    hidden: int = field(default=7, repr=False)


def _field_shape(cls) -> list[tuple]:
    return [(f.name, f.type, f.default, f.default_factory, f.init, f.repr, f.hash, f.compare, f.kw_only,
             f._field_type) for f in cls.__dataclass_fields__.values()]


def test_the_field_list_made_without_dataclass_is_the_dataclass_one():
    assert _field_shape(WithFactory) == _field_shape(WithFactoryDC)
    assert _field_shape(FrozenRec) == _field_shape(FrozenDC)
    assert WithFactory.__match_args__ == WithFactoryDC.__match_args__
    # class attributes as dataclass leaves them: defaults kept, a factory's Field removed
    assert WithFactory.rows == () and WithFactory.hidden == 7 and "extra" not in WithFactory.__dict__
    assert "key" not in WithFactory.__dict__


def test_unusual_classes_go_through_dataclass_and_keep_its_rules():
    @record
    class Counted:
        total: typing.ClassVar[int] = 0
        name: str = ""

    assert [f.name for f in dataclasses.fields(Counted)] == ["name"] and Counted.total == 0

    @record
    class Base:
        key: str

    @record
    class Child(Base):
        count: int = 0

    assert [f.name for f in dataclasses.fields(Child)] == ["key", "count"] and Child("k", 2).count == 2
    with pytest.raises(ValueError, match="mutable default"):
        @record
        class Mutable:
            rows: list = []  # noqa: RUF012
    with pytest.raises(TypeError, match="has no type annotation"):
        @record
        class Unannotated:
            rows = field(default=1)


def test_plain_records_are_made_without_importing_dataclasses():
    code = """
from __future__ import annotations  # as every module of the app: the annotations stay text
import json, sys
from core.records import field, field_names, record

@record(frozen=True)
class Point:
    x: int
    y: int = 0
    tags: tuple = field(default=(), compare=False)
    notes: list = field(default_factory=list, repr=False)

p = Point(1, tags=("a",))
before = "dataclasses" in sys.modules
import dataclasses
print(json.dumps({"before": before, "names": field_names(Point), "fields": [f.name for f in dataclasses.fields(p)],
                  "replaced": repr(dataclasses.replace(p, y=5)), "asdict": dataclasses.asdict(p),
                  "is": dataclasses.is_dataclass(Point), "same": Point(1) == Point(1, tags=("b",))}))
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
                         env=dict(os.environ, PYTHONPATH=os.getcwd()))
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout) == {
        "before": False, "names": ["x", "y", "tags", "notes"], "fields": ["x", "y", "tags", "notes"],
        "replaced": "Point(x=1, y=5, tags=('a',))", "asdict": {"x": 1, "y": 0, "tags": ["a"], "notes": []},
        "is": True, "same": True}


def test_a_record_field_without_annotation_or_with_both_defaults_is_refused():
    with pytest.raises(TypeError, match="has no type annotation"):
        @record
        class Unannotated:
            rows = record_field(default=1)
    with pytest.raises(ValueError, match="both default and default_factory"):
        record_field(default=1, default_factory=list)
