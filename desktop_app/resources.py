"""Files the program ships (icons, compiled translations), found the same way everywhere.

The files live in ``desktop_app/assets/`` and travel as package data, so one lookup
serves the three ways the program runs:

* installed from a wheel or editable (``pip install -e .``): :mod:`importlib.resources`
  gives the real folder inside the package;
* frozen by PyInstaller (one-folder build): the spec copies ``desktop_app/assets`` to
  ``<bundle>/_internal/desktop_app/assets``; the frozen importer answers
  :func:`importlib.resources.files` with that folder, and ``sys._MEIPASS`` is the fallback.

Qt-free on purpose: it returns paths; the UI turns them into ``QIcon`` itself, e.g.
``QIcon(str(resources.icon("open")))``.
"""

from __future__ import annotations

import sys
from functools import cache
from importlib import resources as _importlib_resources
from pathlib import Path

#: The application icon (also the freedesktop icon name used by the ``.desktop`` file).
APP_ICON = "car-invoice-desk"

#: Toolbar and menu icons, one per action of the window (24×24 SVG, 2 px strokes).
TOOLBAR_ICONS: tuple[str, ...] = (
    "open",
    "add-folder",
    "previous-page",
    "next-page",
    "recognize",
    "cancel",
    "recognize-all",
    "pause",
    "resume",
    "rerecognize",
    "fit-page",
    "fit-width",
    "zoom-in",
    "zoom-out",
    "rotate",
    "overlay",
    "undo",
    "redo",
    "approve",
    "reject",
    "remove",
    "settings",
    "export",
)

#: Every icon the program ships.
ICON_NAMES: tuple[str, ...] = (APP_ICON, *TOOLBAR_ICONS)


class ResourceNotFoundError(FileNotFoundError):
    """A shipped file is missing: the installation or the build is incomplete."""


@cache
def assets_dir() -> Path:
    """The folder holding the shipped files, as a real filesystem path (Qt needs one)."""
    found = _importlib_resources.files("desktop_app").joinpath("assets")
    if isinstance(found, Path) and found.is_dir():
        return found
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle is not None:
        frozen = Path(bundle) / "desktop_app" / "assets"
        if frozen.is_dir():
            return frozen
    raise ResourceNotFoundError(
        f"desktop_app/assets not found (looked at {found!s}); reinstall CarInvoice Desk"
    )


def asset(*parts: str) -> Path:
    """The shipped file ``assets/<parts...>``; raises :class:`ResourceNotFoundError` if absent."""
    path = assets_dir().joinpath(*parts)
    if not path.is_file():
        raise ResourceNotFoundError(f"missing resource: {'/'.join(parts)} (looked at {path})")
    return path


def icon(name: str) -> Path:
    """The SVG file of icon ``name`` (one of :data:`ICON_NAMES`)."""
    if name not in ICON_NAMES:
        raise KeyError(f"unknown icon {name!r}; known: {', '.join(ICON_NAMES)}")
    return asset("icons", f"{name}.svg")


def app_icon() -> Path:
    """The SVG application icon (window icon, ``.desktop`` icon, installer icon)."""
    return icon(APP_ICON)


def translations_dir() -> Path:
    """Where compiled translations (``*.qm``) are shipped."""
    return assets_dir() / "i18n"
