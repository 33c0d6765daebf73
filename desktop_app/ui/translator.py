"""Interface language: Chinese source strings, compiled Qt Linguist catalogs for the rest.

Every user-visible string is written in Chinese inside ``tr()``. ``install_language``
loads ``car_invoice_desk_<locale>.qm`` from :func:`desktop_app.resources.translations_dir`
(built from ``resources/translations/*.ts`` by ``python -m desktop_app.tools.translations``)
and, for Chinese, Qt's own ``qtbase_zh_CN.qm`` so that Qt's dialogs and menus (OK/Cancel,
the file dialog, a line edit's context menu) speak Chinese too, plus
``qtbase_extra_zh_CN.qm`` for the few labels Qt's catalog leaves in English. A missing
catalog is logged and the interface falls back to its Chinese source text.

Contexts: ``self.tr()`` in a ``QObject`` uses the class name (PySide6 tries each class of
the object's MRO, so mixins work); :func:`tr` below is for module-level functions and
uses the empty context, which is what ``pyside6-lupdate`` records for a ``tr()`` outside
any class. Never call ``other_object.tr()``: lupdate would file it under the variable name.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QTranslator

from desktop_app import resources

log = logging.getLogger(__name__)

#: Base name of the application's catalogs (``<CATALOG>_<locale>.qm``).
CATALOG = "car_invoice_desk"
#: Qt's own catalogs loaded with the application's (Chinese only: Qt's source is English).
QT_CATALOGS: tuple[str, ...] = ("qtbase",)
#: Our additions to Qt's catalogs (strings ``qtbase_zh_CN.qm`` leaves in English), shipped
#: next to the application's catalogs and loaded after Qt's so that they win.
QT_EXTRA_CATALOG = "qtbase_extra"

_installed: list[QTranslator] = []


def locale_name(language: str) -> str:
    """The catalog locale of a preference value: ``"en"`` for English, else ``"zh_CN"``."""
    return "en" if language.lower().startswith("en") else "zh_CN"


def qt_translations_dirs() -> list[Path]:
    """Folders that may hold Qt's own ``qtbase_*.qm``, most specific first.

    ``QLibraryInfo`` knows the wheel's folder; a PyInstaller bundle keeps the same
    ``PySide6/Qt/translations`` layout under ``sys._MEIPASS``.
    """
    found = [Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))]
    try:
        import PySide6

        found.append(Path(PySide6.__file__).parent / "Qt" / "translations")
    except (ImportError, TypeError):  # pragma: no cover - PySide6 is imported above
        pass
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle is not None:
        found.append(Path(bundle) / "PySide6" / "Qt" / "translations")
    return [folder for folder in dict.fromkeys(found) if folder.is_dir()]


def _app_catalog_dir() -> Path | None:
    try:
        return resources.translations_dir()
    except resources.ResourceNotFoundError:
        return None


def _load(name: str, folders: list[Path]) -> QTranslator | None:
    for folder in folders:
        translator = QTranslator()
        if translator.load(name, str(folder)):
            return translator
    return None


def install_language(language: str) -> list[str]:
    """Make ``language`` (``"zh"`` or ``"en"``) the interface language of the running app.

    Replaces whatever an earlier call installed. Returns the catalogs loaded (e.g.
    ``["car_invoice_desk_en"]``); a missing one is logged as a warning, never fatal.
    """
    app = QCoreApplication.instance()
    if app is None:
        return []
    while _installed:
        app.removeTranslator(_installed.pop())
    locale = locale_name(language)
    wanted: list[tuple[str, list[Path]]] = []
    app_dir = _app_catalog_dir()
    wanted.append((f"{CATALOG}_{locale}", [app_dir] if app_dir is not None else []))
    if locale != "en":
        wanted += [(f"{qt}_{locale}", qt_translations_dirs()) for qt in QT_CATALOGS]
        wanted.append((f"{QT_EXTRA_CATALOG}_{locale}", [app_dir] if app_dir is not None else []))
    loaded = []
    for name, folders in wanted:
        translator = _load(name, folders)
        if translator is None:
            log.warning(
                "translation %s.qm not found in %s; the interface stays in its Chinese source text",
                name,
                ", ".join(str(f) for f in folders) or "(no folder)",
            )
            continue
        app.installTranslator(translator)
        _installed.append(translator)
        loaded.append(name)
    return loaded


def installed_files() -> list[str]:
    """The files of the catalogs installed now (the packaging smoke test checks the bundle's)."""
    return [translator.filePath() for translator in _installed]


def tr(text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """Translate ``text`` outside a class (module-level functions); ``%n`` takes ``n``."""
    return QCoreApplication.translate("", text, disambiguation, n)
