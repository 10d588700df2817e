"""Keep only the shared libraries a frozen bundle can actually load.

Every Python extension module, every kept Qt plugin, the executables and libpython are roots; a
library stays if a root needs it, directly or through other bundled libraries (ELF DT_NEEDED on
Linux, the PE import table on Windows). Anything else (e.g. the libraries of Qt plugins we dropped,
opengl32sw.dll which Qt only loads on demand) is left out. Libraries not in the bundle (the system's
libc, libGL, ...) are ignored.
"""

from __future__ import annotations

import posixpath
import re
import struct
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path, PurePosixPath

_LIBRARY = re.compile(r"(\.so(\.\d+)*|\.dll|\.dylib)$", re.IGNORECASE)
_EXTENSION = re.compile(r"(\.pyd|\.cpython-[^/]*\.so|\.abi3\.so)$", re.IGNORECASE)
_LIBPYTHON = re.compile(r"^(lib)?python3(\d+)?(\.\d+)?(\.dll|\.so(\.\d+)*|\.dylib)$", re.IGNORECASE)


def library_key(name: str) -> str:
    """How a library is looked up: by file name, case-insensitively for Windows DLLs."""
    base = PurePosixPath(name.replace("\\", "/")).name
    return base.lower() if base.lower().endswith((".dll", ".pyd")) else base


def is_library(dest: str) -> bool:
    return bool(_LIBRARY.search(dest)) and not is_extension_module(dest)


def is_extension_module(dest: str) -> bool:
    return bool(_EXTENSION.search(dest)) or "/lib-dynload/" in "/" + dest.replace("\\", "/")


def is_root(dest: str) -> bool:
    """Loaded by Python or Qt at run time rather than through another library's import table."""
    dest = dest.replace("\\", "/")
    name = PurePosixPath(dest).name
    return (
        not is_library(dest)
        or is_extension_module(dest)
        or bool(_LIBPYTHON.match(name))
        or "/plugins/" in "/" + dest
    )


def library_closure(needed: Mapping[str, Iterable[str]], roots: Iterable[str]) -> set[str]:
    """The bundle entries reachable from `roots`.

    `needed` maps each bundle entry (a destination path) to the library names it needs. A needed
    name is resolved to every bundle entry with that file name; names that are not in the bundle
    are system libraries and are ignored.
    """
    by_key: dict[str, list[str]] = {}
    for dest in needed:
        by_key.setdefault(library_key(dest), []).append(dest)
    reached: set[str] = set()
    todo = [dest for dest in roots if dest in needed]
    while todo:
        dest = todo.pop()
        if dest in reached:
            continue
        reached.add(dest)
        for name in needed[dest]:
            todo.extend(by_key.get(library_key(name), ()))
    return reached


def prune_unreachable(
    entries: Iterable[tuple[str, str]], needed_of: Callable[[str], list[str]], extra_roots: Iterable[str] = ()
) -> tuple[list[str], list[str]]:
    """Split (destination, source file) pairs into (kept, dropped) destinations."""
    entries = list(entries)
    needed = {dest: needed_of(source) for dest, source in entries}
    roots = [dest for dest, _ in entries if is_root(dest)] + list(extra_roots)
    kept = library_closure(needed, roots)
    return [dest for dest, _ in entries if dest in kept], [dest for dest, _ in entries if dest not in kept]


def needed_libraries(path: str | Path) -> list[str]:
    """The libraries a binary links against (ELF or PE); [] for anything else."""
    data = Path(path).read_bytes()
    if data[:4] == b"\x7fELF":
        return elf_needed(data)
    if data[:2] == b"MZ":
        return pe_needed(path)
    return []


def elf_needed(data: bytes) -> list[str]:
    """DT_NEEDED entries of an ELF file, read from its PT_DYNAMIC segment."""
    is64, order = data[4] == 2, "<" if data[5] == 1 else ">"
    if is64:
        phoff, phentsize, phnum = struct.unpack_from(order + "Q", data, 32)[0], *struct.unpack_from(order + "HH", data, 54)
        ph_format, dyn_format = order + "IIQQQQQQ", order + "qQ"
    else:
        phoff, phentsize, phnum = struct.unpack_from(order + "I", data, 28)[0], *struct.unpack_from(order + "HH", data, 42)
        ph_format, dyn_format = order + "IIIIIIII", order + "iI"
    loads, dynamic = [], None
    for index in range(phnum):
        fields = struct.unpack_from(ph_format, data, phoff + index * phentsize)
        if is64:
            p_type, _flags, p_offset, p_vaddr, _paddr, p_filesz = fields[:6]
        else:
            p_type, p_offset, p_vaddr, _paddr, p_filesz = fields[:5]
        if p_type == 1:  # PT_LOAD
            loads.append((p_vaddr, p_offset, p_filesz))
        elif p_type == 2:  # PT_DYNAMIC
            dynamic = (p_offset, p_filesz)
    if dynamic is None:
        return []
    entry_size = struct.calcsize(dyn_format)
    strtab, offsets = None, []
    for position in range(dynamic[0], dynamic[0] + dynamic[1], entry_size):
        tag, value = struct.unpack_from(dyn_format, data, position)
        if tag == 0:  # DT_NULL
            break
        if tag == 1:  # DT_NEEDED
            offsets.append(value)
        elif tag == 5:  # DT_STRTAB (a virtual address)
            strtab = next((value - vaddr + offset for vaddr, offset, size in loads if vaddr <= value < vaddr + size), None)
    if strtab is None:
        return []
    return [data[strtab + offset:data.index(b"\0", strtab + offset)].decode() for offset in offsets]


def pe_needed(path: str | Path) -> list[str]:
    """Imported DLL names of a Windows binary (needs pefile, which PyInstaller installs on Windows)."""
    import pefile  # type: ignore[import-not-found]

    binary = pefile.PE(str(path), fast_load=True)
    binary.parse_data_directories(directories=[pefile.DIRECTORY_ENTRY["IMAGE_DIRECTORY_ENTRY_IMPORT"]])
    return [entry.dll.decode() for entry in getattr(binary, "DIRECTORY_ENTRY_IMPORT", [])]


def symlink_target(dest: str, link: str) -> str:
    """Bundle path a SYMLINK entry (dest -> relative link) points to."""
    return posixpath.normpath(posixpath.join(posixpath.dirname(dest.replace("\\", "/")), link.replace("\\", "/")))


def drop_dangling_symlinks(toc: list[tuple[str, str, str]], present: set[str]) -> list[tuple[str, str, str]]:
    """PyInstaller TOC entries without SYMLINK entries whose target is not in `present`."""
    present = {dest.replace("\\", "/") for dest in present}
    return [entry for entry in toc if entry[2] != "SYMLINK" or symlink_target(entry[0], entry[1]) in present]
