"""Atomic replacement of a file, with an atomically written backup, and the clean-up of the temp
files that a killed save leaves behind.

A save writes ``.<name>.XXXXXXXX.tmp`` in the target's folder, fsyncs it and checks its size,
writes the backup the same way (``.<name>.bak.XXXXXXXX.tmp`` renamed over ``<name>.bak``), then
renames the temp file over the target. At every instant the target and the backup are each a
complete file: a cut write never replaces a good one. While a temp file is being written its
writer holds a lock on it (POSIX: ``flock``; Windows: an open file cannot be deleted), so the
clean-up removes only temp files whose writer is gone.
"""

from __future__ import annotations

import errno
import os
import shutil
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]

TEMP_SUFFIX = ".tmp"
BACKUP_SUFFIX = ".bak"
_TEMP_RANDOM = frozenset("abcdefghijklmnopqrstuvwxyz0123456789_")  # tempfile puts 8 of these between prefix and suffix
_TEMP_RANDOM_LENGTH = 8


def backup_path(path: Path | str) -> Path:
    path = Path(path)
    return path.with_name(path.name + BACKUP_SUFFIX)


def is_read_only(path: Path | str) -> bool:
    """True for an existing file marked read-only (or not writable by this user)."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False
    return stat.S_ISREG(mode) and (not mode & stat.S_IWUSR or not os.access(path, os.W_OK))


def atomic_write_bytes(path: Path | str, data: bytes, keep_backup: bool = True,
                       replace_read_only: bool = False) -> None:
    """Replace ``path`` by ``data`` atomically, keeping the previous file as ``<name>.bak``.

    On any failure (an OSError propagates) the target and its backup are exactly as they were.
    A read-only target is refused with EACCES unless ``replace_read_only``.
    """
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    if is_read_only(path) and not replace_read_only:
        raise PermissionError(errno.EACCES, "read-only target", str(path))
    remove_abandoned_temps(path)
    target = _TempFile(folder, path.name, _target_mode(path))
    try:
        target.fill(lambda out: out.write(data), len(data))
        if keep_backup and _is_regular(path):
            _write_backup(path, folder)
        if replace_read_only and os.name == "nt":
            os.chmod(path, stat.S_IWRITE)  # Windows refuses to rename over a read-only file
        target.rename_to(path)
    finally:
        target.discard()
    _fsync_folder(folder)


def _write_backup(path: Path, folder: Path) -> None:
    backup = _TempFile(folder, backup_path(path).name, _target_mode(path))
    try:
        with open(path, "rb") as source:
            size = os.fstat(source.fileno()).st_size
            backup.fill(lambda out: shutil.copyfileobj(source, out, 1024 * 1024), size)
        backup.rename_to(backup_path(path))
    finally:
        backup.discard()


class _TempFile:
    """A locked temp file beside the target, written whole and checked before it is renamed."""

    def __init__(self, folder: Path, name: str, mode: int) -> None:
        fd, self.name = tempfile.mkstemp(prefix=f".{name}.", suffix=TEMP_SUFFIX, dir=folder)
        self.handle: BinaryIO | None = os.fdopen(fd, "wb")
        self.renamed = False
        if fcntl is not None:
            fcntl.flock(fd, fcntl.LOCK_EX)
        # mkstemp makes the file owner-only; give it the target's mode, or a normal new file's.
        os.chmod(self.name, mode)

    def fill(self, write: Callable[[BinaryIO], object], expected: int) -> None:
        assert self.handle is not None
        write(self.handle)
        self.handle.flush()
        os.fsync(self.handle.fileno())
        written = os.fstat(self.handle.fileno()).st_size
        if written != expected:  # a disk that accepted less than it was given
            raise OSError(errno.EIO, f"wrote {written} of {expected} bytes", self.name)

    def rename_to(self, path: Path) -> None:
        if os.name == "nt":
            self._close()  # Windows cannot rename a file that is still open
        os.replace(self.name, path)
        self.renamed = True

    def discard(self) -> None:
        self._close()
        if not self.renamed:
            try:
                os.unlink(self.name)
            except OSError:
                pass

    def _close(self) -> None:
        if self.handle is not None:
            try:
                self.handle.close()  # also releases the lock
            except OSError:
                pass
            self.handle = None


def abandoned_temp_candidates(path: Path | str) -> list[Path]:
    """Temp files of saves of ``path`` (and of its backup) in its folder, by their exact pattern."""
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    prefixes = (f".{path.name}.", f".{backup_path(path).name}.")
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return []
    return [Path(e.path) for e in entries if _is_temp_name(e.name, prefixes)]


def _is_temp_name(name: str, prefixes: tuple[str, ...]) -> bool:
    """``<prefix><8 random characters>.tmp``, as tempfile.mkstemp names it (no regular expression to
    compile: this runs as a report opens, before the first window)."""
    if not name.endswith(TEMP_SUFFIX):
        return False
    for prefix in prefixes:
        middle = name[len(prefix):-len(TEMP_SUFFIX)] if name.startswith(prefix) else ""
        if len(middle) == _TEMP_RANDOM_LENGTH and _TEMP_RANDOM.issuperset(middle):
            return True
    return False


def remove_abandoned_temps(path: Path | str) -> int:
    """Delete the temp files left by killed saves of ``path``; returns how many. Never raises."""
    removed = 0
    for candidate in abandoned_temp_candidates(path):
        if _remove_if_abandoned(candidate):
            removed += 1
    return removed


def _remove_if_abandoned(candidate: Path) -> bool:
    if fcntl is None:
        try:
            os.unlink(candidate)  # fails while its writer still has it open
            return True
        except OSError:
            return False
    try:
        fd = os.open(candidate, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return False
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return False
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)  # held by a save in progress: BlockingIOError
        os.unlink(candidate)
        return True
    except OSError:
        return False
    finally:
        os.close(fd)


def _is_regular(path: Path) -> bool:
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except OSError:
        return False


def _read_umask() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return umask


_UMASK = _read_umask()  # read once: os.umask is process-wide, and saves may run in a worker thread


def _target_mode(path: Path) -> int:
    try:
        return os.stat(path).st_mode & 0o777
    except OSError:
        return 0o666 & ~_UMASK


def _fsync_folder(folder: Path) -> None:
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
