"""Walk the real window and its dialogs: no Chinese left in English, no English in Chinese.

The window is built with a fake engine, a page is recognized, and then every text a
clerk can see is collected: window and dialog titles, menus and actions (text, icon
text, tooltip), labels, buttons, group boxes, combo box items, placeholders, tree
headers and items, tooltips, the status bar, the message bar and the boxes drawn on
the page. Data is not interface text and is removed first: the recognized values, the
file names and, in a field label's tooltip, the field's name as printed on the invoice.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QStatusBar,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)
from window_fakes import LOCATED, FakeBackend, sample_result, write_page

from desktop_app.core.schema import FormType, fields_of
from desktop_app.recognition.factory import REGIONS
from desktop_app.review.preferences import Preferences, load_preferences, save_preferences
from desktop_app.ui.app import build_window
from desktop_app.ui.dialogs.settings_dialog import SettingsDialog
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.translator import install_language
from desktop_app.ui.widgets.field_row import FieldRow

#: Chinese characters and the full-width punctuation that goes with them (，：（）。).
CJK = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]")
LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
#: Latin words allowed in the Chinese interface: proper nouns, formats, keys, the other
#: the key names of shortcuts.
PROPER_NOUNS = {
    "SecretId",
    "SecretKey",
    "PDF",
    "OFD",
    "XML",
    "CSV",
    "XLSX",
    "Excel",
    "JSON",
    "UTF",
    "OCR",
    "Tencent",
    "Cloud",
    "CarInvoice",
    "Desk",
    "https",
    "ocr",
    "tencentcloudapi",
    "com",
    "xlsx",
    "csv",
    "json",
    "Ctrl",
    "Shift",
    "Enter",
    "PgUp",
    "PgDown",
    # the keys' environment variables and file, named where the keychain is missing
    "TENCENTCLOUD",
    "SECRET",
    "ID",
    "KEY",
    "tencentcloud",
    "credentials",
}
#: The language chooser names each language in itself, in both interfaces.
ENDONYMS = {"中文", "English"}
PROPER_NOUNS |= {word for region in REGIONS for word in LATIN_WORD.findall(region)}


def _data_values(folder: Path) -> list[str]:
    """Values recognized on the page and the pages' folder: data, longest first."""
    values = {f.value for f in sample_result().fields if f.value} | {str(folder)}
    return sorted(values, key=len, reverse=True)


def _item_texts(item: QTreeWidgetItem, columns: int) -> Iterator[str]:
    for column in range(columns):
        yield item.text(column)
        yield item.toolTip(column)
    for index in range(item.childCount()):
        yield from _item_texts(item.child(index), columns)


def _widget_texts(widget: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) for every text ``widget`` and its children show."""
    for child in [widget, *widget.findChildren(QWidget)]:
        where = f"{type(child).__name__}({child.objectName()})"
        if child.isWindow():
            yield where + ".windowTitle", child.windowTitle()
        tooltip = child.toolTip()
        if isinstance(child.parent(), FieldRow) and tooltip == child.parent().name:
            tooltip = ""  # the field's name as printed on the (Chinese) invoice: data
        yield where + ".toolTip", tooltip
        yield where + ".statusTip", child.statusTip()
        if isinstance(child, QAbstractButton):
            yield where + ".text", child.text()
        elif isinstance(child, QLabel):
            yield where + ".text", re.sub(r"<[^>]+>", "", child.text())
        elif isinstance(child, (QGroupBox, QMenu)):
            yield where + ".title", child.title()
        elif isinstance(child, QLineEdit):
            yield where + ".placeholder", child.placeholderText()
        elif isinstance(child, QStatusBar):
            yield where + ".message", child.currentMessage()
        if isinstance(child, QComboBox):
            for index in range(child.count()):
                yield f"{where}.item[{index}]", child.itemText(index)
        if isinstance(child, QTreeWidget):
            header = child.headerItem()
            for column in range(child.columnCount()):
                yield f"{where}.header[{column}]", header.text(column)
            for index in range(child.topLevelItemCount()):
                for text in _item_texts(child.topLevelItem(index), child.columnCount()):
                    yield where + ".item", text


def visible_texts(folder: Path, *widgets: QWidget) -> list[tuple[str, str]]:
    """Every (where, text) of ``widgets`` and their children, actions and page boxes.

    Data is removed: the recognized values and the paths of the pages in ``folder``.
    """
    found: list[tuple[str, str]] = []
    for widget in widgets:
        found += list(_widget_texts(widget))
        for action in widget.findChildren(QAction):
            name = f"QAction({action.text()!r})"
            found += [(name + ".text", action.text()), (name + ".iconText", action.iconText())]
            found += [(name + ".toolTip", action.toolTip())]
        if isinstance(widget, MainWindow):
            for item in widget.view.scene().items():
                found.append(("page box tooltip", item.toolTip()))
    cleaned = []
    for where, text in found:
        for value in _data_values(folder):
            text = text.replace(value, "")
        if text.strip() and text not in ENDONYMS:
            cleaned.append((where, text))
    return cleaned


def cjk_in(texts: list[tuple[str, str]]) -> list[tuple[str, str]]:
    return [(w, t) for w, t in texts if CJK.search(t)]


def english_in(texts: list[tuple[str, str]], data: set[str]) -> list[tuple[str, str]]:
    allowed = PROPER_NOUNS | data
    return [(w, t) for w, t in texts if any(word not in allowed for word in LATIN_WORD.findall(t))]


@pytest.fixture
def reviewed_window(qtbot, tmp_path: Path, request) -> Iterator[tuple[MainWindow, list, Path]]:
    """The window in ``request.param`` with one recognized page, its dialogs open."""
    language = request.param
    window = build_window(
        Preferences(language=language, recognize_on_open=True),
        backend=FakeBackend(),
        preferences_path=tmp_path / "preferences.json",
        remember_geometry=False,
        store_path=tmp_path / "review.sqlite3",
    )
    try:
        qtbot.addWidget(window)
        window.resize(1400, 860)
        window.show()
        page = write_page(tmp_path / "invoice.png")
        window.open_paths([page])
        qtbot.waitUntil(lambda: sorted(window.view.box_names()) == sorted(LOCATED), timeout=5000)
        twin = tmp_path / "twin.png"
        twin.write_bytes(page.read_bytes())
        window.open_paths([twin])  # the same content again: a message in the message bar
        qtbot.waitUntil(lambda: bool(window.message_bar.findChildren(QLabel)), timeout=5000)
        window.queue_panel.tree.selectAll()
        dialogs = [
            window.queue_commands.open_export(),
            window.queue_commands.ask_reject(),
            window.queue_commands.ask_remove(),
            SettingsDialog(window.preferences, keyring_service="", parent=window),
            window.approval.approve(),  # nothing confirmed yet: Ctrl+Enter asks
        ]
        window.session.edit_field("发票号码", "00012346")
        dialogs.append(window.recognize_flow.recognize())  # F5 on an edited page asks
        yield window, dialogs, tmp_path
    finally:
        for dialog in window.findChildren(QWidget):
            if dialog.isWindow() and dialog is not window:
                dialog.close()
        install_language("zh")


@pytest.mark.parametrize("reviewed_window", ["en"], indirect=True)
def test_english_window_shows_no_chinese(reviewed_window) -> None:
    window, dialogs, folder = reviewed_window
    texts = visible_texts(folder, window, *dialogs)
    assert len(texts) > 150  # the walk did reach the menus, rows and dialogs
    assert cjk_in(texts) == []
    # Field names: English labels in English (the schema's label_en).
    rows = [window.panel.rows[spec.name] for spec in fields_of(FormType.MOTOR)]
    assert [row._label.text() for row in rows] == [
        spec.label_en for spec in fields_of(FormType.MOTOR)
    ]
    export = dialogs[0]
    assert export.windowTitle() == "Export"
    assert Path(export.path_edit.text()).name.startswith("invoice-export-")
    assert window.menuBar().actions()[0].text() == "&File"


@pytest.mark.parametrize("reviewed_window", ["zh"], indirect=True)
def test_chinese_window_shows_no_english(reviewed_window) -> None:
    window, dialogs, folder = reviewed_window
    texts = visible_texts(folder, window, *dialogs)
    assert len(texts) > 150
    data = {"invoice", "twin", "png"}  # the pages' file names
    assert english_in(texts, data) == []
    # Qt's own buttons come from qtbase_zh_CN.qm.
    settings = next(d for d in dialogs if isinstance(d, SettingsDialog))
    assert {b.text() for b in settings.findChildren(QAbstractButton)} >= {"确定", "取消"}


def test_language_preference_applies_on_the_next_start(qtbot, tmp_path: Path) -> None:
    path = tmp_path / "preferences.json"
    save_preferences(Preferences(language="en"), path)
    try:
        window = build_window(load_preferences(path), backend=FakeBackend(), preferences_path=path)
        qtbot.addWidget(window)
        assert window.windowTitle() == "CarInvoice Desk"
        assert window.actions_.recognize.text() == "Recognize"
    finally:
        install_language("zh")
    window = build_window(Preferences(language="zh"), backend=FakeBackend(), preferences_path=path)
    qtbot.addWidget(window)
    assert window.windowTitle() == "机动车发票识别审核台"
    assert QApplication.translate("QPlatformTheme", "Cancel") == "取消"
