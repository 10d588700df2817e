"""Start-up of the frozen CLI against the same commands run from source, in one run (not a test).

Builds nothing: give it a bundle made by installers/build_linux.sh or PyInstaller with
installers/nianbao.spec. Each command runs as a fresh process; the frozen and the source runs
alternate, after one warm-up of each, and the medians are compared. Target: `nianbao --version`
frozen within 1.2 × the source run.

The source run is what installers/report_sizes.py times: this interpreter with
``-c "import sys; from cli.main import main; sys.exit(main())"`` in the repository. ``--floor`` adds
a program that does nothing, frozen the same way (what the bootloader and PyInstaller's own start
cost, which no change to the app can remove).

    python benchmarks/frozen_cli.py [--bundle installers/build/dist/nianbao] [--runs 21] [--floor DIR/empty]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "resources" / "samples" / "sample_township_2025.nianbao"
TARGET = 1.2


def wall_ms(command: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    # No timeout: with one, subprocess polls the child with sleeps of up to 50 ms, which is what it would measure.
    subprocess.run(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return (time.perf_counter() - start) * 1000


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--bundle", type=Path, default=ROOT / "installers" / "build" / "dist" / "nianbao")
    parser.add_argument("--runs", type=int, default=21)
    parser.add_argument("--floor", type=Path, help="an empty program frozen the same way (its executable)")
    args = parser.parse_args(argv)
    frozen = args.bundle / ("nianbao.exe" if sys.platform == "win32" else "nianbao")
    if not frozen.is_file():
        print(f"no frozen nianbao at {frozen}: build it first (installers/build_linux.sh)", file=sys.stderr)
        return 2
    source = [sys.executable, "-c", "import sys; from cli.main import main; sys.exit(main())"]
    sample = args.bundle / "_internal" / "resources" / "samples" / SAMPLE.name
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # the source run reads bytecode, as the bundle does
    kinds = {
        "--version frozen": [str(frozen), "--version"],
        "--version source": [*source, "--version"],
        "check frozen": [str(frozen), "check", str(sample)],
        "check source": [*source, "check", str(SAMPLE)],
    }
    if args.floor:
        kinds["empty program frozen"] = [str(args.floor)]
    for command in kinds.values():
        wall_ms(command, env)  # warm the file cache and the bytecode
    times: dict[str, list[float]] = {name: [] for name in kinds}
    for _ in range(args.runs):
        for name, command in kinds.items():
            times[name].append(wall_ms(command, env))
    medians = {name: statistics.median(values) for name, values in times.items()}
    for name, values in times.items():
        print(f"{name:22}: median {medians[name]:6.1f} ms  (min {min(values):.1f}, max {max(values):.1f})")
    ratio = medians["--version frozen"] / medians["--version source"]
    print(f"--version frozen / source: {ratio:.2f} × (target ≤ {TARGET:.2f}) {'OK' if ratio <= TARGET else 'OVER TARGET'}")
    print(f"check frozen / source    : {medians['check frozen'] / medians['check source']:.2f} ×")
    if args.floor:
        print(f"empty frozen / --version source: {medians['empty program frozen'] / medians['--version source']:.2f} ×")
    return 0


if __name__ == "__main__":
    sys.exit(main())
