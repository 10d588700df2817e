"""PySide6's "does this module use PySide6?" is answered from the package name for the app's own
packages and the standard library, without reading their source."""

from __future__ import annotations

import json
import types

import pytest

import gui  # noqa: F401  # installs the shortcut
from gui import pyside_imports

feature = pytest.importorskip("shibokensupport.feature")


def test_installed_once():
    assert pyside_imports.installed()
    assert pyside_imports.install()  # a second call keeps the one shortcut
    assert getattr(feature._mod_uses_pyside, "_nianbao", False)


def test_known_packages_without_reading_source(monkeypatch):
    uses = feature._mod_uses_pyside
    read = []
    monkeypatch.setattr(feature.inspect, "getsource", lambda module: read.append(module) or "import PySide6")
    assert uses(types.ModuleType("gui.some_page")) is True
    assert uses(types.ModuleType("cli.main")) is True
    assert uses(types.ModuleType("core.document")) is False
    assert uses(json) is False  # the standard library
    assert read == []


def test_other_modules_keep_pysides_own_check(monkeypatch):
    monkeypatch.setattr(feature.inspect, "getsource", lambda module: "from PySide6 import QtCore")
    third_party = types.ModuleType("somepackage.widgets")
    third_party.__file__ = "/site-packages/somepackage/widgets.py"
    assert feature._mod_uses_pyside(third_party) is True
    monkeypatch.setattr(feature.inspect, "getsource", lambda module: "import os")
    assert feature._mod_uses_pyside(third_party) is False


def test_the_feature_hook_is_out_of_the_import_statement():
    import builtins

    from PySide6.QtWidgets import QLabel  # PySide6 types still load lazily through the import put back

    assert builtins.__import__ is getattr(builtins, "__orig_import__", builtins.__import__)
    assert builtins.__import__ is not getattr(builtins, "__feature_import__", None)
    assert not pyside_imports.skip_feature_import()  # nothing left to do
    assert QLabel("x").text() == "x"


def test_another_import_replacement_is_left_alone(monkeypatch):
    import builtins

    original = builtins.__import__
    replacement = lambda *args, **kwargs: original(*args, **kwargs)  # noqa: E731
    monkeypatch.setattr(builtins, "__import__", replacement)
    assert not pyside_imports.skip_feature_import()
    assert builtins.__import__ is replacement
