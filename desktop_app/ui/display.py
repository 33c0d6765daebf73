"""Before Qt starts: is there a display, and can Qt's X11 plugin load? Plain words if not.

Without a display Qt aborts with a message about the ``xcb`` plugin and
``libxcb-cursor0`` that sends a new user the wrong way; on a minimal Linux the
plugin's libraries may be missing too. Both are said here, in both languages,
with what to do, and the program exits 1 instead of aborting.
"""

from __future__ import annotations

import ctypes.util
import os
import sys
from collections.abc import Callable, Mapping

from desktop_app import program_name

#: Libraries Qt's xcb plugin needs that minimal Debian/Ubuntu installs lack (soname → package).
XCB_LIBRARIES = {
    "xcb-cursor": "libxcb-cursor0",
    "xcb-icccm": "libxcb-icccm4",
    "xcb-keysyms": "libxcb-keysyms1",
    "xcb-shape": "libxcb-shape0",
    "xkbcommon-x11": "libxkbcommon-x11-0",
    "EGL": "libegl1",
    "GL": "libgl1",
    "fontconfig": "libfontconfig1",
    "dbus-1": "libdbus-1-3",
    "glib-2.0": "libglib2.0-0",
}

#: ``{program}`` is what the user types (``desktop_app.program_name``).
_NO_DISPLAY = (
    "error: 没有可用的显示器（未设置 DISPLAY 或 WAYLAND_DISPLAY），无法打开窗口。"
    "请在桌面会话中启动，或使用命令行：{program} recognize 文件 / export。\n"
    "error: No display found (neither DISPLAY nor WAYLAND_DISPLAY is set), so the window "
    "cannot open. Start it in a desktop session, or use the command line: "
    "{program} recognize FILE / export."
)
_MISSING = (
    "error: 缺少窗口所需的系统库：{libs}。请安装：{command}\n"
    "error: Libraries the window needs are missing: {libs}. Install them: {command}"
)


def display_problem(
    environ: Mapping[str, str] = os.environ,
    platform: str = sys.platform,
    find_library: Callable[[str], str | None] = ctypes.util.find_library,
) -> str | None:
    """What stops the window from opening (a sentence for stderr), or None."""
    if not platform.startswith("linux"):
        return None
    chosen = environ.get("QT_QPA_PLATFORM", "")
    if chosen and not chosen.startswith("xcb"):
        return None  # offscreen, wayland, vnc ...: Qt's own checks apply
    if not chosen and not environ.get("DISPLAY") and not environ.get("WAYLAND_DISPLAY"):
        return _NO_DISPLAY.format(program=program_name())
    if chosen or not environ.get("WAYLAND_DISPLAY"):  # X11 it is: the xcb plugin must load
        missing = [pkg for lib, pkg in XCB_LIBRARIES.items() if find_library(lib) is None]
        if missing:
            prefix = "" if _is_root() else "sudo "
            command = f"{prefix}apt-get install {' '.join(missing)}"
            return _MISSING.format(libs=", ".join(missing), command=command)
    return None


def _is_root() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0
