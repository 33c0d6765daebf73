"""Is there a font that draws Simplified Chinese? Without one, Qt shows boxes (tofu)."""

from __future__ import annotations

import shutil
import subprocess
import sys

from PySide6.QtGui import QFontDatabase


def has_cjk_font() -> bool:
    """True when Qt knows a font for Simplified Chinese (or fontconfig lists one)."""
    if QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese):
        return True
    if sys.platform.startswith("linux") and shutil.which("fc-list"):
        try:
            out = subprocess.run(
                ["fc-list", ":lang=zh", "family"], capture_output=True, text=True, timeout=5
            ).stdout
        except (OSError, subprocess.SubprocessError):
            return False
        return bool(out.strip())
    return False


def needs_cjk_font_warning() -> bool:
    """Only Linux lacks CJK fonts in practice; Windows and macOS ship them."""
    return sys.platform.startswith("linux") and not has_cjk_font()
