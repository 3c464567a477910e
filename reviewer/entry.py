"""The one entry point: `reviewer` (console script, ``python -m reviewer``) and `reviewer-gui`.

It parses the command line (``cli.parse_args``) and dispatches: ``gui`` to the desktop app
(``app.run_gui``), every other command to ``cli.run``. So the command line never imports the
app or ``reviewer.ui``, and the app never imports the command line.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    """Run `reviewer ARGS…`; returns the exit code (0, 2 for a user error, 1 for a bug)."""
    from . import cli

    args = cli.parse_args(argv)
    if args.command == "gui":
        from .app import run_gui

        return run_gui(args)
    return cli.run(args)


def gui_main() -> int:
    """`reviewer-gui [ARGS…]`: the desktop app, with the `gui` command's options."""
    return main(["gui", *sys.argv[1:]])
