"""Two things the desktop app does while it starts, so that its first window shows sooner.

The cyclic garbage collector is paused from the first import of ``gui`` until the first window is
on screen (``finished``), and at most ``MAX_PAUSE_MS`` after the application is made (a window that
never shows). A process that imports ``gui`` without starting the app calls ``finished`` itself
(the test suite does, once its modules are imported). Start-up makes tens of thousands of objects
that all stay alive (modules, classes, the template, the widgets); the collector walks them again
and again for nothing, about 1.5 % of the instructions to the first paint. Nothing is lost by the
pause: reference counting still frees everything not in a cycle, and the first collection after it
(one walk over what start-up made, once the window shows) finds the few cycles made meanwhile.

On Python 3.11, ``import datetime`` compiles and runs the whole pure-Python implementation (100 KB
of bytecode) only to replace every name in it with the C module's ``_datetime`` at its last line.
``use_c_datetime`` puts the module as it ends up there in its place, without the detour: the same
classes, constants and ``__all__``. Python 3.12 split the two itself, so nothing is done there.
"""

from __future__ import annotations

import gc
import sys
import types

MAX_PAUSE_MS = 5000  # from when the application object is made (gui.app.create_application)
_paused = False


def pause_collector() -> None:
    """Pause the collector until ``finished`` (nothing when it is off already)."""
    global _paused
    if gc.isenabled():
        gc.disable()
        _paused = True


def finished() -> None:
    """Start-up is over: the collector runs again (only if ``pause_collector`` paused it)."""
    global _paused
    if _paused:
        _paused = False
        gc.enable()


def collector_paused() -> bool:
    return _paused


def use_c_datetime() -> bool:
    """Register the C ``datetime`` as ``datetime`` if nothing has imported it yet; True if done."""
    if sys.version_info >= (3, 12) or "datetime" in sys.modules:
        return False
    try:
        import _datetime
    except ImportError:  # an interpreter without the accelerator: the ordinary import
        return False
    module = types.ModuleType("datetime", _datetime.__doc__)
    module.__dict__.update({name: value for name, value in vars(_datetime).items()
                            if not name.startswith("__") or name == "__file__"})
    module.__all__ = ("date", "datetime", "time", "timedelta", "timezone", "tzinfo", "MINYEAR", "MAXYEAR", "UTC")
    module.sys = sys  # the one other name Python's own module leaves behind
    sys.modules["datetime"] = module
    return True
