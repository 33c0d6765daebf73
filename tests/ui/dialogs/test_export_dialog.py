"""File › Export from the window: format, scope, force; the report; files that open in Excel."""

from __future__ import annotations

import csv
from pathlib import Path

import openpyxl
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from window_fakes import sample_result, write_pages

from desktop_app.store import open_store


def seed_approved(store_path: Path, folder: Path) -> list[int]:
    """Three approved pages (the last fails the sum check) and one needing review."""
    with open_store(store_path, user="clerk") as store:
        store.add_paths(write_pages(folder, 4))
        ids = [p.id for p in store.pages()]
        for number, page_id in enumerate(ids):
            result = sample_result().with_value("发票号码", f"0000123{number}")
            store.save_recognition(page_id, result)
        store.edit_field(ids[2], "不含税价(小写)", "¥34188.00")  # the sum no longer adds up
        for page_id in ids[:3]:
            store.approve(page_id)
    return ids


def press_export(qtbot, dialog) -> None:
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)


def test_export_xlsx_reports_what_was_held_back(qtbot, make_window, store_path, tmp_path):
    seed_approved(store_path, tmp_path / "in")
    window = make_window(recognize_on_open=False, store_path=store_path)
    window.actions_.export.trigger()
    dialog = window.queue_commands.dialog
    assert dialog.approved_only.isChecked()
    assert "1 页" in dialog.selection_only.text()  # the open page is the selected row
    dialog.set_format("xlsx")
    out = tmp_path / "out" / "发票.xlsx"
    out.parent.mkdir()
    dialog.path_edit.setText(str(out))
    with qtbot.waitSignal(window.message_bar.message_shown, timeout=5000) as shown:
        press_export(qtbot, dialog)
    level, title, body = shown.args
    assert level == "warning" and "已导出 2 页" in title and str(out) in title
    assert "1 页因校验错误未导出" in body and "p002.png 第 1 页" in body
    workbook = openpyxl.load_workbook(out)
    sheet = workbook["motor"] if "motor" in workbook.sheetnames else workbook.worksheets[0]
    header = [cell.value for cell in sheet[1]]
    rows = [dict(zip(header, (c.value for c in row), strict=False)) for row in sheet.iter_rows(2)]
    assert [r["发票号码"] for r in rows] == ["00001230", "00001231"]
    assert rows[0]["价税合计(小写)"] == 40000.0  # a number, not text
    assert sheet.freeze_panes == "A2"


def test_forcing_exports_failing_pages_marked(qtbot, make_window, store_path, tmp_path) -> None:
    seed_approved(store_path, tmp_path / "in")
    window = make_window(recognize_on_open=False, store_path=store_path)
    dialog = window.queue_commands.open_export()
    dialog.set_format("csv-excel")
    assert not dialog.warning.isVisibleTo(dialog)
    dialog.force.setChecked(True)
    assert dialog.warning.isVisibleTo(dialog) and "强制导出" in dialog.warning.text()
    out = tmp_path / "发票.csv"
    dialog.path_edit.setText(str(tmp_path / "发票.xlsx"))  # the suffix follows the format
    with qtbot.waitSignal(window.message_bar.message_shown, timeout=5000) as shown:
        press_export(qtbot, dialog)
    assert "已导出 3 页" in shown.args[1] and "强制导出" in shown.args[2]
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # BOM: Excel reads it as UTF-8
    rows = list(csv.DictReader(raw.decode("utf-8-sig").splitlines()))
    assert [r["强制导出"] for r in rows] == ["", "", "是"]


def test_export_of_the_selection(qtbot, make_window, store_path, tmp_path) -> None:
    ids = seed_approved(store_path, tmp_path / "in")
    window = make_window(recognize_on_open=False, store_path=store_path)
    panel = window.queue_panel
    panel.tree.clearSelection()
    panel.item_of(ids[3]).setSelected(True)  # needs review, not approved: still exportable
    dialog = window.queue_commands.open_export()
    assert dialog.selection_only.isEnabled()
    dialog.selection_only.setChecked(True)
    dialog.set_format("json")
    dialog.path_edit.setText(str(tmp_path / "bundle.json"))
    with qtbot.waitSignal(window.message_bar.message_shown, timeout=5000) as shown:
        press_export(qtbot, dialog)
    assert "已导出 1 页" in shown.args[1]
    assert (tmp_path / "bundle.json").is_file()
