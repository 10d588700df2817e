"""Imports after PySide6 without reading their source.

PySide6 (6.4 onward) reads the source of every module imported after it, to learn whether the module
uses PySide6 and so may switch on its ``__feature__`` options (snake_case, true_property). That read
costs about a millisecond per module at start-up. The answer is known without reading: the app's own
``gui`` and ``cli`` packages use PySide6 (and no features), ``core`` never imports Qt, and neither does
the standard library. Other modules keep PySide6's own check. Does nothing where PySide6 has no such
check. ``skip_feature_import`` goes further and takes the feature hook out of the import statement.
"""

from __future__ import annotations

import builtins
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


def skip_feature_import() -> bool:
    """Put back the import PySide6 wrapped for ``from __feature__ import ...``; True if done.

    PySide6 replaces ``builtins.__import__`` with ``__feature_import__``, which calls two Python
    functions on every import statement (a few thousand before the first window) so that a module
    may switch on snake_case or true_property. The app uses neither, nor does anything it imports,
    so the wrapped import (``__orig_import__``; in PySide6 6.11 its lazy-loading import) is put
    back; PySide6's documentation names these two. Only its own hook is replaced: should a later
    import install it again, the shortcut above still spares the source reads.
    """
    original = getattr(builtins, "__orig_import__", None)
    if original is None or builtins.__import__ is not getattr(builtins, "__feature_import__", None):
        return False
    builtins.__import__ = original
    return True


def installed() -> bool:
    feature = sys.modules.get("shibokensupport.feature")
    return bool(feature and getattr(getattr(feature, "_mod_uses_pyside", None), "_nianbao", False))
