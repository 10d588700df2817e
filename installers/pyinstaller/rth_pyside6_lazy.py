"""PyInstaller runtime hook in place of PyInstaller's own for PySide6 (pyi_rth_pyside6).

PyInstaller's hook imports PySide6.QtCore when the bundle starts, only to check that Qt's prefix is
relocatable (an embedded qt.conf; PyPI's PySide6 makes its own). Loading QtCore and shiboken costs
about 100 ms, which every CLI command (`nianbao --version`, `nianbao check`) would pay without using
Qt. This hook sets the same paths at start and does the qt.conf check right after PySide6.QtCore is
first imported, by whoever imports it (the GUI). Like every runtime hook here it imports nothing
the frozen interpreter has not loaded already (importlib.abc alone would cost a CLI start 10 ms).
"""


def _pyi_rthook() -> None:
    import os
    import sys

    from _pyi_rth_utils import qt as qt_rth_utils

    qt_rth_utils.ensure_single_qt_bindings_package("PySide6")
    qt_path = os.path.join(sys._MEIPASS, "PySide6") if sys.platform.startswith("win") \
        else os.path.join(sys._MEIPASS, "PySide6", "Qt")
    os.environ["QT_PLUGIN_PATH"] = os.path.join(qt_path, "plugins")
    os.environ["QML2_IMPORT_PATH"] = os.path.join(qt_path, "qml")
    if sys.platform.startswith("win"):
        os.environ["PATH"] = sys._MEIPASS + os.pathsep + os.environ.get("PATH", "")

    class AfterQtCore:
        """A meta path finder that runs the qt.conf check once PySide6.QtCore has been loaded."""

        def find_spec(self, name, path=None, target=None):
            if name != "PySide6.QtCore":
                return None
            sys.meta_path.remove(self)
            # What the other finders make of it (importlib.util.find_spec, without importing it).
            spec = next((s for s in (getattr(f, "find_spec", lambda *_: None)(name, path, target) for f in sys.meta_path)
                         if s is not None), None)
            if spec is None or spec.loader is None:
                return spec
            exec_module = spec.loader.exec_module

            def exec_then_check(module):
                exec_module(module)
                qt_rth_utils.create_embedded_qt_conf("PySide6", qt_path)

            spec.loader.exec_module = exec_then_check
            return spec

    sys.meta_path.insert(0, AfterQtCore())


_pyi_rthook()
del _pyi_rthook
