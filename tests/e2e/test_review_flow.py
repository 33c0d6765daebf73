"""The clerk's whole flow through the real window: drop a file, see boxes, fix, undo, approve.

Everything is real (documents, loader thread, runner, checks) except the engine,
which replays a saved answer, and the page, which the test draws.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image, ImageDraw
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from desktop_app.core.codec import dumps_response
from desktop_app.core.model import RecognitionResult, RecognizedField
from desktop_app.review.preferences import Preferences, load_preferences
from desktop_app.review.review_state import FieldState
from desktop_app.tools.screenshot import ReplayBackend
from desktop_app.ui.app import build_window


def _box(x: int, y: int, w: int, h: int) -> tuple:
    return ((x, y), (x + w, y), (x + w, y + h), (x, y + h))


ANSWER = RecognitionResult(
    fields=(
        RecognizedField("发票代码", "153001720011", _box(400, 30, 150, 20)),
        RecognizedField("发票号码", "00012345", _box(400, 60, 100, 20)),
        RecognizedField("不含税价(小写)", "¥34188.00", _box(60, 200, 120, 20)),
        RecognizedField("增值税税额", "¥5811.97", _box(220, 200, 100, 20)),
        RecognizedField("价税合计(小写)", "¥40000.00", _box(360, 200, 120, 20)),
        RecognizedField("发票类型", "机动车销售统一发票"),
    ),
    request_id="e2e",
)


@pytest.fixture
def invoice(tmp_path: Path) -> tuple[Path, Path]:
    page = tmp_path / "invoice.png"
    image = Image.new("RGB", (600, 300), "white")
    draw = ImageDraw.Draw(image)
    for found in ANSWER.fields:
        if found.polygon:
            (x0, y0), _, (x1, y1), _ = found.polygon
            draw.rectangle((x0, y0, x1, y1), outline="black")
    image.save(page)
    answer = tmp_path / "answer.json"
    answer.write_text(dumps_response(ANSWER), encoding="utf-8")
    return page, answer


def test_clerk_fixes_a_sum_error_from_the_keyboard_and_undoes_it(qtbot, tmp_path, invoice) -> None:
    page, answer = invoice
    prefs_path = tmp_path / "preferences.json"
    window = build_window(
        Preferences(), backend=ReplayBackend(answer, delay=0.2), preferences_path=prefs_path
    )
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitExposed(window)

    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(page))])
    pos = QPointF(200, 200)
    # QDragEnterEvent takes a QPoint, QDropEvent a QPointF.
    for event_type, at in ((QDragEnterEvent, pos.toPoint()), (QDropEvent, pos)):
        event = event_type(
            at,
            Qt.DropAction.CopyAction,
            mime,
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
        )
        QApplication.sendEvent(window, event)

    qtbot.waitUntil(lambda: len(window.view.box_names()) == 5, timeout=10000)
    assert window.view.box("价税合计(小写)").state is FieldState.ERROR  # 34188.00 + 5811.97

    editor = window.panel.rows["不含税价(小写)"].editor
    window.view.field_clicked.emit("不含税价(小写)")  # what a click on its box does
    qtbot.waitUntil(editor.hasFocus)
    editor.selectAll()
    qtbot.keyClicks(editor, "¥34188.03")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert window.view.box("价税合计(小写)").state is FieldState.RECOGNIZED
    assert window.view.box("不含税价(小写)").state is FieldState.CONFIRMED
    assert window.panel.current != "不含税价(小写)"  # moved on to the next field to review

    focused = window.panel.rows[window.panel.current].editor
    qtbot.waitUntil(focused.hasFocus)
    qtbot.keyClick(focused, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    review = window.session.current_review
    assert review.field("不含税价(小写)").value == "¥34188.00"
    assert window.view.box("价税合计(小写)").state is FieldState.ERROR
    qtbot.keyClick(
        focused,
        Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert review.field("不含税价(小写)").value == "¥34188.03"

    qtbot.keyClick(focused, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    dialog = window.approval.dialog  # four fields not confirmed: asked, not approved
    qtbot.waitUntil(dialog.isVisible)
    assert not review.approved
    dialog.approve_button.click()
    assert review.approved
    assert window.session.queue.pages[0].status.value == "approved"
    assert load_preferences(prefs_path).recent_files == [str(page.resolve())]
