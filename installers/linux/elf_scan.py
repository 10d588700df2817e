"""What a Linux bundle asks of the system: the glibc version and the libraries it does not carry."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from installers.closure import elf_needed, library_key

_GLIBC = re.compile(rb"GLIBC_(2\.\d+(?:\.\d+)?)\x00")
GLIBC_LIBRARIES = frozenset({
    "libc.so.6", "libm.so.6", "libdl.so.2", "libpthread.so.0", "librt.so.1", "libutil.so.1",
    "ld-linux-x86-64.so.2", "ld-linux-aarch64.so.1", "ld-linux.so.2", "libresolv.so.2",
})


def elf_files(bundle: Path) -> list[Path]:
    found = []
    for path in sorted(bundle.rglob("*")):
        if path.is_file() and not path.is_symlink():
            with path.open("rb") as handle:
                if handle.read(4) == b"\x7fELF":
                    found.append(path)
    return found


def glibc_versions(data: bytes) -> set[str]:
    """GLIBC_x.y symbol versions named in an ELF file (its version-needs strings)."""
    return {match.decode() for match in _GLIBC.findall(data)}


def version_key(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in version.split("."))


def required_glibc(files: Iterable[Path]) -> str:
    """The newest glibc symbol version any file needs: the oldest glibc the bundle runs on."""
    versions = set().union(*(glibc_versions(path.read_bytes()) for path in files)) or {"2.17"}
    return max(versions, key=version_key)


def external_libraries(files: Iterable[Path]) -> dict[str, list[str]]:
    """Needed library names the bundle does not contain -> the bundle files that need them."""
    files = list(files)
    inside = {library_key(path.name) for path in files}
    outside: dict[str, list[str]] = {}
    for path in files:
        for name in elf_needed(path.read_bytes()):
            if library_key(name) not in inside:
                outside.setdefault(name, []).append(path.name)
    return outside


def missing_dependencies(provider_of: dict[str, str | None], depends: Iterable[str]) -> list[str]:
    """Library names whose providing package is not among the Depends alternatives (glibc excepted)."""
    alternatives = (alt for entry in depends for group in entry.split(",") for alt in group.split("|"))
    declared = {alt.strip().split(" ")[0] for alt in alternatives}
    missing = []
    for name, package in sorted(provider_of.items()):
        if name in GLIBC_LIBRARIES:
            continue
        if package is None or package.split(":")[0] not in declared:
            missing.append(f"{name} ({package or 'no package provides it here'})")
    return missing
