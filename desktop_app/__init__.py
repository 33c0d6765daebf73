"""CarInvoice Desk (机动车发票识别审核台).

Recognize, review and export Chinese vehicle sales invoices (机动车销售统一发票 and
二手车销售统一发票). The package is split into layers; see docs/architecture.md.
"""

import sys
from pathlib import Path

__version__ = "0.1.0"


def program_name() -> str:
    """How the user starts the command line: the frozen build's file, else ``python -m desktop_app``.

    Messages that tell the user what to type (``--version``, the no-display error) use it,
    so a PyInstaller build names ``car-invoice-desk``, not a Python module it has no use for.
    """
    if getattr(sys, "frozen", False):
        return Path(sys.executable).name
    return "python -m desktop_app"
