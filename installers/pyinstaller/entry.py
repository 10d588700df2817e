"""Frozen entry point: `nianbao` is the CLI (no arguments, or one .nianbao file, opens the app);
`nianbao-gui` (the windowed Windows executable) always opens the app."""

from __future__ import annotations

import os
import sys


def started_by_multiprocessing(argv: list[str]) -> bool:
    """Whether this process may be a helper the aggregation's worker pool started (a spawned worker,
    or a resource tracker or fork server run with ``-c``); freeze_support decides exactly. Told from
    the arguments, so that every other start does not import multiprocessing."""
    return argv[1:2] == ["--multiprocessing-fork"] or "-c" in argv[1:]


def main() -> int:
    if started_by_multiprocessing(sys.argv):
        import multiprocessing

        # `nianbao aggregate` reads files in worker processes; a frozen executable started as such a
        # worker must run the worker, not the command line (it exits here if it is one).
        multiprocessing.freeze_support()
    if os.path.splitext(os.path.basename(sys.executable))[0].lower().endswith("-gui"):
        from gui.app import main as gui_main

        return gui_main(sys.argv[1:])
    from cli.main import main as cli_main

    return cli_main()


if __name__ == "__main__":
    sys.exit(main())
