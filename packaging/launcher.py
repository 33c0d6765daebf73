"""Entry script of the frozen build: the same ``main`` as the ``car-invoice-desk`` launcher.

One addition for the smoke test and the startup benchmark: when the environment variable
``CARINVOICE_DESK_PROBE`` names a report file, the window is watched from inside the
process (first paint, page recognized), the report is written and the program quits by
itself (see :mod:`desktop_app.bench.startup`). Without the variable nothing changes.
"""

from __future__ import annotations

import os
import sys


def main() -> int:
    """Run the program (window or command line) and return its exit code."""
    if os.environ.get("CARINVOICE_DESK_PROBE"):
        from desktop_app.bench.startup import probe_main

        return probe_main(sys.argv[1:])
    from desktop_app.__main__ import main as program_main

    return program_main()


if __name__ == "__main__":
    sys.exit(main())
