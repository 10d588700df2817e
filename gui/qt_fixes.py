"""Work around a reference-counting bug in some PySide6 releases (seen in 6.12.0).

``SignalInstance.emit()`` returns ``True`` without owning a reference to it, so every emit from
Python takes one reference away from ``True``. After a few thousand emits (a few minutes of
typing) CPython ≤ 3.11 frees ``True`` and aborts with "bool_dealloc: deallocating True or False".
``install()`` probes for the bug once and, only if it is present, wraps ``emit`` to give the
missing reference back. On releases without the bug nothing is changed.
"""

from __future__ import annotations

import ctypes
import sys

from PySide6.QtCore import QObject, Signal, SignalInstance

_installed = False


class _Probe(QObject):
    ping = Signal()


def emit_loses_a_reference() -> bool:
    probe = _Probe()
    before = sys.getrefcount(True)
    for _ in range(8):
        probe.ping.emit()
    return sys.getrefcount(True) < before - 4


def install() -> bool:
    """Patch ``SignalInstance.emit`` if this PySide6 has the bug; True when patched."""
    global _installed
    if _installed:
        return True
    if not emit_loses_a_reference():
        return False
    original = SignalInstance.emit
    incref = ctypes.pythonapi.Py_IncRef
    incref.argtypes = [ctypes.py_object]
    incref.restype = None

    def emit(self, *args):
        result = original(self, *args)
        if result is True:
            incref(result)
        return result

    SignalInstance.emit = emit
    _installed = True
    return True
