"""PyInstaller runtime hook: PyInstaller's own hooks for inspect, pkgutil and multiprocessing run when
their module is first imported, not at every start.

Each of them imports its module at start (and the inspect hook zipfile too, to list
base_library.zip): about 25 ms of every `nianbao --version` on a slow PC, for modules a command
like that never uses. installers/nianbao.spec takes them out of the start-up scripts and collects
them as modules named ``DEFERRED_PREFIX + <hook>``; this hook runs one right after its module has
been executed, so whoever imports the module gets it as the hook leaves it. Only names and ``sys``
are used at start: the import machinery this needs is already loaded.
"""

import sys

DEFERRED_PREFIX = "_nianbao_deferred_"
# module → PyInstaller's runtime hook for it
DEFERRED = {"inspect": "pyi_rth_inspect", "pkgutil": "pyi_rth_pkgutil", "multiprocessing": "pyi_rth_multiprocessing"}
# The inspect hook only replaces inspect.getsourcefile (and lists base_library.zip with zipfile to do
# it, which loads bz2 and lzma): it runs at the first call instead. dataclasses imports inspect, so
# every command but --version would pay for it otherwise.
AT_FIRST_CALL = {"inspect": "getsourcefile"}


class RunHookAfterImport:
    """A meta path finder that wraps the loading of each module in ``pending`` (module → hook module)."""

    def __init__(self, pending: dict) -> None:
        self.pending = dict(pending)

    def find_spec(self, name, path=None, target=None):
        hook = self.pending.pop(name, None)
        if hook is None:
            return None
        if not self.pending:
            sys.meta_path.remove(self)
        spec = _spec_after(self, name, path, target)
        if spec is None or spec.loader is None:
            return spec
        exec_module = spec.loader.exec_module

        def exec_then_hook(module):
            exec_module(module)
            if name in AT_FIRST_CALL:
                _run_at_first_call(module, AT_FIRST_CALL[name], hook)
            else:
                _run(hook)

        spec.loader.exec_module = exec_then_hook
        return spec


def _run(hook: str) -> None:
    try:
        __import__(hook)
    except ModuleNotFoundError as error:
        if error.name != hook:
            raise
        # the build has no such hook: PyInstaller did not need it


def _run_at_first_call(module, attribute: str, hook: str) -> None:
    """``module.attribute`` runs ``hook`` when first called (the hook finds the original to wrap)."""
    original = getattr(module, attribute)

    def first_call(*args, **kwargs):
        if getattr(module, attribute) is first_call:
            setattr(module, attribute, original)
            _run(hook)
        return getattr(module, attribute)(*args, **kwargs)

    setattr(module, attribute, first_call)


def _spec_after(finder, name, path, target):
    """What the finders after ``finder`` make of ``name`` (as importlib.util.find_spec would)."""
    finders = sys.meta_path
    start = finders.index(finder) + 1 if finder in finders else 0
    for other in finders[start:]:
        find = getattr(other, "find_spec", None)
        spec = find(name, path, target) if find is not None else None
        if spec is not None:
            return spec
    return None


def install() -> RunHookAfterImport | None:
    """The finder for the modules not yet imported; a hook whose module is already loaded runs now."""
    pending = {}
    for module, hook in DEFERRED.items():
        if module not in sys.modules:
            pending[module] = DEFERRED_PREFIX + hook
        elif module in AT_FIRST_CALL:
            _run_at_first_call(sys.modules[module], AT_FIRST_CALL[module], DEFERRED_PREFIX + hook)
        else:
            _run(DEFERRED_PREFIX + hook)
    if not pending:
        return None
    finder = RunHookAfterImport(pending)
    sys.meta_path.insert(0, finder)
    return finder


if getattr(sys, "frozen", False):
    install()
