"""Interface language: Chinese source strings, English through a dictionary translator.

Every user-visible string is written in Chinese inside ``tr()``; choosing English
installs a ``QTranslator`` whose ``translate`` looks the Chinese text up in
``translations_en.ENGLISH``. Untranslated text stays Chinese rather than empty.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QTranslator

from desktop_app.ui.translations_en import ENGLISH


class DictionaryTranslator(QTranslator):
    """Translates by source text alone (contexts do not matter for this app)."""

    def __init__(self, table: dict[str, str]) -> None:
        super().__init__()
        self._table = table

    def translate(  # type: ignore[override]
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        return self._table.get(source)

    def isEmpty(self) -> bool:
        return not self._table


_installed: list[QTranslator] = []


def install_language(language: str) -> None:
    """Make ``language`` (``"zh"`` or ``"en"``) the interface language of the running app."""
    app = QCoreApplication.instance()
    if app is None:
        return
    while _installed:
        app.removeTranslator(_installed.pop())
    if language.lower().startswith("en"):
        translator: QTranslator = DictionaryTranslator(ENGLISH)
    else:
        # Qt's own strings (OK/Cancel, the editors' context menus) in Chinese as well.
        translator = QTranslator()
        folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if not translator.load("qtbase_zh_CN", folder):
            return
    app.installTranslator(translator)
    _installed.append(translator)


def tr(text: str) -> str:
    """Translate ``text`` outside a QObject (module-level strings, plain functions)."""
    return QCoreApplication.translate("CarInvoiceDesk", text)
