"""A clerk drops a 数电 e-invoice as PDF and as OFD: both are read from the file's text.

Everything is real — the generator's files, documents, the text-first dispatch, the
window, the store and the export — except that the OCR engine is replaced by one that
fails the test if it is ever asked: an e-invoice must never be recognized.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from desktop_app.recognition import factory
from desktop_app.recognition.factory import EngineSettings, create_backend
from desktop_app.review.preferences import Preferences
from desktop_app.store.export import export_from_store
from desktop_app.ui.app import build_window

pytest.importorskip("segno")  # the generator draws the QR code with it


class _NoOcr:
    name = "local"

    def recognize(self, page, *, cancel=None):
        raise AssertionError(f"{page} carries its text and must not be recognized")


def _drop(window, paths: list[Path]) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    pos = QPointF(200, 200)
    for event_type, at in ((QDragEnterEvent, pos.toPoint()), (QDropEvent, pos)):
        event = event_type(
            at,
            Qt.DropAction.CopyAction,
            mime,
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
        )
        QApplication.sendEvent(window, event)


def test_einvoice_pdf_and_ofd_are_read_exactly_and_are_one_invoice(
    qtbot, tmp_path, monkeypatch
) -> None:
    from desktop_app.tools.einvoice_samples.generate import generate

    manifest = generate(tmp_path / "in", 1, seed=4, forms=["motor"], formats=["pdf", "ofd"])
    pdf, ofd = (tmp_path / "in" / entry["file"] for entry in manifest)
    truth_doc = json.loads((tmp_path / "in" / manifest[0]["truth"]).read_text("utf-8"))
    truth = {f["Name"]: f["Value"] for f in truth_doc["Response"]["CarInvoiceInfos"]}
    monkeypatch.setattr(factory, "_create_local", lambda: _NoOcr())
    window = build_window(
        Preferences(),
        backend=create_backend(EngineSettings("local")),
        preferences_path=tmp_path / "preferences.json",
        store_path=tmp_path / "review.sqlite3",
    )
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)

    _drop(window, [pdf, ofd])
    qtbot.waitUntil(lambda: len(window.view.box_names()) > 20, timeout=20000)
    assert "从文件文字读取" in window.banner.text()
    review = window.session.current_review
    assert review.values()["发票号码"] == truth["发票号码"]
    assert review.values()["车辆识别代号/车架号码"] == truth["车辆识别代号/车架号码"]

    qtbot.keyClick(window, Qt.Key.Key_F5, Qt.KeyboardModifier.ControlModifier)  # recognize all
    store = window.session.store
    qtbot.waitUntil(
        lambda: all(p.status.value == "needs_review" for p in store.pages()), timeout=20000
    )
    pages = store.pages()
    assert len(pages) == 2
    for page in pages:  # read, not recognized, and exact
        result = store.corrected_result(page.id)
        assert result.engine == "text"
        assert {k: result.values().get(k) for k in truth} == truth
    assert [d.reason for d in store.duplicates_of(pages[0].id)] == ["same_invoice"]

    out = tmp_path / "out.csv"
    export_from_store(store, "csv", out, selection=[p.id for p in pages])
    with out.open(encoding="utf-8-sig", newline="") as file:
        rows = list(csv.DictReader(file))
    assert [r["来源"] for r in rows] == ["文件文字", "文件文字"]
