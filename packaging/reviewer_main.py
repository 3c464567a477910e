"""Entry point PyInstaller freezes: the same `reviewer` command as the console script."""

import multiprocessing
import sys

if __name__ == "__main__":
    multiprocessing.freeze_support()  # no-op unless a worker process is spawned (Windows, macOS)
    from reviewer.cli import main

    sys.exit(main())
