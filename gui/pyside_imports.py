"""Imports after PySide6 without reading their source.

PySide6 (6.4 onward) reads the source of every module imported after it, to learn whether the module
uses PySide6 and so may switch on its ``__feature__`` options (snake_case, true_property). That read
costs about a millisecond per module at start-up. The answer is known without reading: the app's own
``gui`` and ``cli`` packages use PySide6 (and no features), ``core`` never imports Qt, and neither does
the standard library. Other modules keep PySide6's own check. Does nothing where PySide6 has no such
check.
"""

from __future__ import annotations

import os
import sys
from types import ModuleType

_QT_PACKAGES = ("gui", "cli")
_QT_FREE_PACKAGES = ("core", "resources")


def _package(module: ModuleType) -> str:
    return str(getattr(module, "__name__", "")).partition(".")[0]


def _in_standard_library(module: ModuleType, stdlib: str) -> bool:
    path = getattr(module, "__file__", None) or ""
    return bool(path) and path.startswith(stdlib) and "site-packages" not in path


def install() -> bool:
    """Answer PySide6's "does this module use PySide6?" from the module's name where it is known."""
    try:
        from shibokensupport import feature  # type: ignore[import-not-found]  # set up by shiboken6
    except ImportError:
        return False
    original = getattr(feature, "_mod_uses_pyside", None)
    if original is None or getattr(original, "_nianbao", False):
        return original is not None
    # The standard library's folder: where os lives (as sysconfig says, without the millisecond its import costs).
    stdlib = os.path.dirname(os.__file__)

    def uses_pyside(module: ModuleType) -> bool:
        package = _package(module)
        if package in _QT_PACKAGES:
            return True
        if package in _QT_FREE_PACKAGES or _in_standard_library(module, stdlib):
            return False
        return original(module)

    uses_pyside._nianbao = True  # type: ignore[attr-defined]
    feature._mod_uses_pyside = uses_pyside
    return True


def installed() -> bool:
    feature = sys.modules.get("shibokensupport.feature")
    return bool(feature and getattr(getattr(feature, "_mod_uses_pyside", None), "_nianbao", False))
