"""``python -m desktop_app`` and the ``car-invoice-desk`` launcher.

With a subcommand (``recognize``, ``export``) or an option it runs the command line;
otherwise it is the desktop program, which opens the files and folders given.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of both launchers; returns the exit code."""
    args = list(sys.argv[1:] if argv is None else argv)
    from desktop_app import cli

    if args and (args[0] in cli.SUBCOMMANDS or args[0].startswith("-")):
        return cli.main(args)
    from desktop_app.ui.app import run

    return run(args)


if __name__ == "__main__":
    sys.exit(main())
