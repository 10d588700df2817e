"""Frozen entry point: `nianbao` is the CLI (no arguments, or one .nianbao file, opens the app);
`nianbao-gui` (the windowed Windows executable) always opens the app."""

from __future__ import annotations

import sys
from pathlib import Path


def main() -> int:
    import multiprocessing

    # `nianbao aggregate` reads files in worker processes; a frozen Windows executable started as
    # such a worker must run the worker, not the command line (no effect elsewhere).
    multiprocessing.freeze_support()
    if Path(sys.executable).stem.lower().endswith("-gui"):
        from gui.app import main as gui_main

        return gui_main(sys.argv[1:])
    from cli.main import main as cli_main

    return cli_main()


if __name__ == "__main__":
    sys.exit(main())
