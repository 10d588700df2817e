"""Kill a saving process 1,000+ times with SIGKILL and check what every kill left (not a test).

Each trial forks a child that saves the sample report over and over (a short and a ~100 KB version
in turn) and kills it at a random moment; then the target and its .bak must load, and after the
next open no temp file of the save may remain. The test suite runs 200 of these
(tests/test_saves.py).

    python benchmarks/kill_saves.py [--trials 1000] [--seed 1]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.kill_saves import kill_during_saves  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trials", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--folder", type=Path, default=None, help="where to save (default: a temp folder)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(dir=args.folder) as scratch:
        start = time.perf_counter()
        figures = kill_during_saves(Path(scratch), args.trials, seed=args.seed)
        elapsed = time.perf_counter() - start
    print(figures.summary())
    print(f"{elapsed:.1f} s in all")
    for problem in figures.problems[:20]:
        print("  " + problem)
    return 0 if not figures.problems else 1


if __name__ == "__main__":
    sys.exit(main())
