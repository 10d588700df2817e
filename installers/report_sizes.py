"""Sizes and start-up times of the built packages, against the targets.

    .venv/bin/python installers/report_sizes.py [--bundle DIR] [--package FILE ...] [--runs 5] [--strict]

Defaults to what installers/build_linux.sh produced (installers/build/dist/nianbao and
installers/build/out/*). Start-up is the median wall time of `nianbao --version` and of
`nianbao check <sample>`, frozen vs. running from source with this Python.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUILD = ROOT / "installers" / "build"
MB = 1024 * 1024
BUNDLE_TARGET_MB = 130
PACKAGE_TARGET_MB = 45
SAMPLE = ROOT / "resources" / "samples" / "sample_township_2025.nianbao"


def tree_size(folder: Path) -> int:
    return sum(path.lstat().st_size for path in folder.rglob("*") if path.is_file() or path.is_symlink())


def median_seconds(command: list[str], runs: int) -> float:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    times = []
    subprocess.run(command, cwd=ROOT, env=env, capture_output=True, check=False)  # warm the file cache
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def verdict(value: float, target: float) -> str:
    return "ok" if value <= target else "OVER TARGET"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bundle", type=Path, default=BUILD / "dist" / "nianbao")
    parser.add_argument("--package", type=Path, nargs="*", help="installers/.deb (default: installers/build/out/*)")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--strict", action="store_true", help="exit 1 when a target is missed")
    args = parser.parse_args(argv)
    packages = args.package if args.package is not None else sorted((BUILD / "out").glob("*"))
    over = False

    if not args.bundle.is_dir():
        print(f"no bundle at {args.bundle}: run installers/build_linux.sh first", file=sys.stderr)
        return 2
    bundle_mb = tree_size(args.bundle) / MB
    over |= bundle_mb > BUNDLE_TARGET_MB
    print(f"bundle   {bundle_mb:7.1f} MB  (target <= {BUNDLE_TARGET_MB} MB: {verdict(bundle_mb, BUNDLE_TARGET_MB)})"
          f"  {args.bundle}")
    for package in packages:
        package_mb = package.stat().st_size / MB
        over |= package_mb > PACKAGE_TARGET_MB
        print(f"package  {package_mb:7.1f} MB  (target <= {PACKAGE_TARGET_MB} MB: "
              f"{verdict(package_mb, PACKAGE_TARGET_MB)})  {package.name}")
    if sys.platform.startswith("linux"):
        from installers.linux.elf_scan import elf_files, required_glibc

        print(f"glibc    >= {required_glibc(elf_files(args.bundle))} needed by the bundle (oldest system it runs on)")

    frozen = [str(args.bundle / ("nianbao.exe" if sys.platform == "win32" else "nianbao"))]
    source = [sys.executable, "-c", "import sys; from cli.main import main; sys.exit(main())"]
    sample = args.bundle / "_internal" / "resources" / "samples" / SAMPLE.name
    print(f"start-up, median of {args.runs} runs:       frozen    from source")
    for label, tail_frozen, tail_source in (
        ("nianbao --version", ["--version"], ["--version"]),
        ("nianbao check <sample>", ["check", str(sample)], ["check", str(SAMPLE)]),
    ):
        frozen_s = median_seconds(frozen + tail_frozen, args.runs)
        source_s = median_seconds(source + tail_source, args.runs)
        print(f"  {label:<28} {frozen_s * 1000:7.0f} ms  {source_s * 1000:7.0f} ms")
    return 1 if over and args.strict else 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    raise SystemExit(main())
