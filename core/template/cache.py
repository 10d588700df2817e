"""Shipped templates kept built between runs, so that start-up reads one instead of building and
linting its JSON again (about 12 ms of a 200 ms start on a slow PC, against about 2 ms to read it
back, plus the compiling of its regular expressions).

A cache file holds what the build depended on — the JSON text itself, and the app's and Python's
versions and the code that builds it (each source file's size and modification time; a frozen app's
executable instead, which holds that code) — and the template; it is used only when both equal this
run's exactly (its name, by a checksum of the two, only finds it). The template is stored in two
pickles sharing one memo: what the first window shows, read at once, then its tables, computations
and rules (three quarters of the file), read when first asked for (``model.DEFERRED_PARTS``); the
file's length, in its last 8 bytes, tells that the second is all there. A file that is missing,
unreadable, truncated, of another build or holding anything but a template of the expected id is
ignored and written anew; writing is best effort (a read-only or full disk costs only the time). The
file is the user's own, in the user's cache folder, like Python's own bytecode cache: nothing a
report or a workbook contains reaches it.
"""

from __future__ import annotations

import contextlib
import copyreg
import io
import os
import sys
import tempfile
import zlib
from collections.abc import Callable
from functools import cache
from pathlib import Path
from types import MappingProxyType

import core
from core.cache_folder import cache_folder
from core.template.model import DEFERRED_PARTS, Template, defer_parts

try:
    from _pickle import Unpickler  # the C unpickler alone: importing pickle.py costs 2 ms more at start-up
except ImportError:  # an interpreter without the accelerator
    from pickle import Unpickler

CACHE_FORMAT = 3  # bump when the file's layout changes
_SIZE_BYTES = 8  # the file's length, after the two pickles
SUBFOLDER = "templates"
_CORE_DIR = Path(core.__file__).resolve().parent
_BUILDER_MODULES = ("__init__.py", "cache_folder.py", "cell_types.py", "expressions.py", "records.py", "units.py")


def load_cached(path: Path, build: Callable[[Path], Template]) -> Template:
    """The template of the JSON file ``path``: from the cache when it holds this very build, else
    ``build(path)`` (whose errors pass through), stored for the next run."""
    folder = cache_folder()
    try:
        text = path.read_bytes()
        code = _code_fingerprint()
    except OSError:
        folder = None  # the builder reports an unreadable file in its own words
    if folder is None:
        return build(path)
    file = folder / SUBFOLDER / f"{path.stem}-{_installation():08x}-{zlib.crc32(code, zlib.crc32(text)):08x}.pickle"
    template = _read(file, text, code, path.stem, lambda: build(path))
    if template is None:
        template = build(path)
        _write(file, text, code, template)
    template.path = path
    return template


def _read(file: Path, text: bytes, code: bytes, template_id: str,
          build: Callable[[], Template]) -> Template | None:
    try:
        data = file.read_bytes()
        if data[-_SIZE_BYTES:] != len(data).to_bytes(_SIZE_BYTES, "little"):
            return None  # shortened, or not a file of this layout
        unpickler = Unpickler(io.BytesIO(data))
        stored_text, stored_code, template = unpickler.load()
    except Exception:  # noqa: BLE001  # missing, unreadable, torn or foreign: built again
        return None
    if stored_text != text or stored_code != code or not isinstance(template, Template) \
            or template.id != template_id:
        return None
    defer_parts(template, lambda: _deferred_parts(unpickler, file, build))
    return template


def _deferred_parts(unpickler: Unpickler, file: Path, build: Callable[[], Template]) -> dict[str, object]:
    """The second pickle; should it not read (the file was whole when opened), the template is built."""
    try:
        parts = unpickler.load()
        if isinstance(parts, dict) and set(parts) == set(DEFERRED_PARTS):
            return parts
    except Exception:  # noqa: BLE001  # the same failures as above, found later
        pass
    with contextlib.suppress(OSError):
        file.unlink()  # built and written again at the next start
    built = build()
    return {name: built.__dict__[name] for name in DEFERRED_PARTS}


def _write(file: Path, text: bytes, code: bytes, template: Template) -> None:
    import pickle

    try:
        data = _dumps(text, code, template)
        file.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=file.parent, prefix=f".{file.stem}.", suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as stream:
                stream.write(data)
            os.replace(temporary, file)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
            raise
        _remove_older(file)
    except (OSError, pickle.PicklingError, TypeError, AttributeError, RecursionError):
        pass  # only the time is lost: the next start builds it again


def _remove_older(file: Path) -> None:
    """Earlier builds of the same template by the same installation (an older version, an edited
    file); another installation's (a second checkout, the frozen app beside a source run) stay."""
    kept = file.name.rsplit("-", 1)[0]  # "<template id>-<installation>"
    for other in file.parent.glob("*.pickle"):
        if other != file and other.name.rsplit("-", 1)[0] == kept:
            with contextlib.suppress(OSError):
                other.unlink()


@cache
def _installation() -> int:
    """Tells apart the copies of the app sharing one cache folder: the frozen executable, or the
    core's folder of a source checkout."""
    where = sys.executable if getattr(sys, "frozen", False) else str(_CORE_DIR)
    return zlib.crc32(where.encode("utf-8", "surrogatepass"))


def _dumps(text: bytes, code: bytes, template: Template) -> bytes:
    """The file: (text, code, the template without its deferred parts), then those parts, then the
    file's length; one memo, so that what the two share (a cell's row and column) is shared again when
    read back."""
    import pickle

    state = template.__getstate__()
    first = object.__new__(Template)
    first.__dict__.update({k: v for k, v in state.items() if k not in DEFERRED_PARTS})
    parts = {name: state[name] for name in DEFERRED_PARTS}
    buffer = io.BytesIO()
    pickler = pickle.Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL)
    pickler.dispatch_table = copyreg.dispatch_table.copy()  # type: ignore[misc]
    pickler.dispatch_table[MappingProxyType] = lambda proxy: (read_only, (dict(proxy),))  # type: ignore[index]
    pickler.dump((text, code, first))
    pickler.dump(parts)
    buffer.write((buffer.tell() + _SIZE_BYTES).to_bytes(_SIZE_BYTES, "little"))
    return buffer.getvalue()


def read_only(mapping: dict) -> MappingProxyType:
    """How a cached template's read-only mappings (rule parameters) are made again."""
    return MappingProxyType(mapping)


@cache
def _code_fingerprint() -> bytes:
    parts = [f"{CACHE_FORMAT}|{core.__version__}|{sys.version}"]
    if getattr(sys, "frozen", False):
        executable = os.stat(sys.executable)
        parts.append(f"{sys.executable}|{executable.st_size}|{executable.st_mtime_ns}")
    else:
        for path in builder_sources():
            status = path.stat()
            parts.append(f"{path}|{status.st_size}|{status.st_mtime_ns}")
    return "\n".join(parts).encode("utf-8", "surrogatepass")


def builder_sources() -> list[Path]:
    """The source files a built template depends on: the template package and the core modules it
    imports (tests/test_template_cache.py keeps this list complete)."""
    folder = _CORE_DIR / "template"
    with os.scandir(folder) as entries:
        package = sorted(Path(e.path) for e in entries if e.name.endswith(".py"))
    return package + [_CORE_DIR / name for name in _BUILDER_MODULES]
