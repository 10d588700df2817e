"""Fail when the bundle needs a system library that no package in the .deb's Depends provides.

    python -m installers.linux.check_depends BUNDLE_DIR

Uses `dpkg -S` on the build machine to find which package ships each library the bundle needs
but does not carry. Prints the glibc the bundle needs (the oldest distribution it can run on).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from installers.linux.app_info import DEPENDS, KNOWN_PROVIDERS
from installers.linux.elf_scan import elf_files, external_libraries, missing_dependencies, required_glibc


def provider(library: str) -> str | None:
    result = subprocess.run(["dpkg", "-S", f"*/{library}"], capture_output=True, text=True)
    if result.returncode != 0:
        return KNOWN_PROVIDERS.get(library)
    return result.stdout.splitlines()[0].split(":")[0].split(",")[0].strip()


def main(argv: list[str]) -> int:
    files = elf_files(Path(argv[0]))
    outside = external_libraries(files)
    missing = missing_dependencies({name: provider(name) for name in outside}, DEPENDS)
    print(f"bundle needs glibc >= {required_glibc(files)}; system libraries used: {', '.join(sorted(outside))}")
    for line in missing:
        print(f"NOT IN Depends: {line}", file=sys.stderr)
    return 1 if missing else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
