"""The queue panel: statuses, the counter, filter, approve/reject with a reason, duplicates."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from window_fakes import FakeBackend, sample_result, write_page, write_pages

from desktop_app.store import PageStatus, open_store


def seed_queue(store_path: Path, folder: Path) -> list[int]:
    """Six pages: new, needs review, approved, rejected, failed, needs review (page ids)."""
    with open_store(store_path, user="clerk") as store:
        store.add_paths(write_pages(folder, 6))
        ids = [p.id for p in store.pages()]
        for page_id in ids[1:4] + ids[5:]:
            result = sample_result().with_value("发票号码", f"0000{page_id:04d}")
            store.save_recognition(page_id, result)
        store.approve(ids[2])
        store.reject(ids[3], "图像不清晰，无法核对")
        store.mark_failed(ids[4], "FailedOperation.ImageDecodeFailed", "图片解码失败。")
        store.set_current_page(ids[1])
    return ids


def status_texts(window) -> list[str]:
    return [item.text(1) for item in window.queue_panel.visible_page_items()]


def test_queue_shows_every_status_and_the_counter(qtbot, make_window, store_path, tmp_path):
    ids = seed_queue(store_path, tmp_path / "in")
    window = make_window(recognize_on_open=False, store_path=store_path)
    panel = window.queue_panel
    assert status_texts(window) == ["待识别", "待审核", "已通过", "已退回", "识别失败", "待审核"]
    assert panel.counter.text() == "还剩 4 张待审"
    assert "图片解码失败" in panel.item_of(ids[4]).toolTip(1)
    assert "图像不清晰" in panel.item_of(ids[3]).toolTip(1)
    assert window.session.queue.page(window.session.current).id == ids[1]  # restored
    qtbot.waitUntil(lambda: window.session.current_review is not None, timeout=5000)
    assert window.session.current_review.field("发票号码").value == f"0000{ids[1]:04d}"


def test_filter_by_status(qtbot, make_window, store_path, tmp_path) -> None:
    seed_queue(store_path, tmp_path / "in")
    window = make_window(recognize_on_open=False, store_path=store_path)
    window.queue_panel.set_filter(PageStatus.NEEDS_REVIEW)
    assert status_texts(window) == ["待审核", "待审核"]
    window.queue_panel.set_filter(PageStatus.FAILED)
    assert status_texts(window) == ["识别失败"]
    window.queue_panel.set_filter(None)
    assert len(status_texts(window)) == 6


def test_clicking_a_page_opens_it(qtbot, make_window, store_path, tmp_path) -> None:
    ids = seed_queue(store_path, tmp_path / "in")
    window = make_window(recognize_on_open=False, store_path=store_path)
    tree = window.queue_panel.tree
    item = window.queue_panel.item_of(ids[5])
    rect = tree.visualItemRect(item)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.session.queue.page(window.session.current).id == ids[5]
    qtbot.waitUntil(lambda: window.session.current_review is not None, timeout=5000)
    assert window.session.store.current_page().id == ids[5]


def test_approve_and_reject_selected_pages_with_a_reason(
    qtbot, make_window, store_path, tmp_path
) -> None:
    ids = seed_queue(store_path, tmp_path / "in")
    window = make_window(recognize_on_open=False, store_path=store_path)
    panel, store = window.queue_panel, window.session.store
    panel.tree.clearSelection()
    panel.item_of(ids[1]).setSelected(True)
    window.actions_.approve_selected.trigger()  # nothing confirmed on it: asked first
    question = window.queue_commands.dialog
    assert store.page(ids[1]).status is not PageStatus.APPROVED
    next(b for b in question.buttons() if b.text() == "全部仍然通过").click()
    qtbot.waitUntil(lambda: store.page(ids[1]).status is PageStatus.APPROVED)  # once committed
    qtbot.waitUntil(lambda: window.statusBar().currentMessage() == "已通过 1 页")
    panel.tree.clearSelection()
    panel.item_of(ids[5]).setSelected(True)
    window.actions_.reject.trigger()
    dialog = window.queue_commands.dialog
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()  # a reason is required
    dialog.set_reason("发票信息与实物不符")
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: store.page(ids[5]).status is PageStatus.REJECTED)
    page = store.page(ids[5])
    assert page.status is PageStatus.REJECTED and page.reject_reason == "发票信息与实物不符"
    qtbot.waitUntil(lambda: panel.counter.text() == "还剩 2 张待审")
    assert panel.item_of(ids[5]).text(1) == "已退回"
    actions = [(e.action, e.new) for e in store.audit_trail([ids[5]])]
    assert ("status", "rejected (发票信息与实物不符)") in actions


def test_same_invoice_twice_is_flagged_in_the_queue_and_on_the_page(
    qtbot, make_window, store_path, tmp_path
) -> None:
    first, second = write_page(tmp_path / "a.png"), write_page(tmp_path / "b.png")
    window = make_window(FakeBackend(), store_path=store_path)
    window.open_paths([first, second])
    qtbot.waitUntil(lambda: len(window.queue_panel.visible_page_items()) == 2, timeout=5000)
    window.actions_.recognize_all.trigger()
    qtbot.waitUntil(lambda: window.session.queue.count(PageStatus.NEEDS_REVIEW) == 2, timeout=5000)
    items = window.queue_panel.visible_page_items()
    assert [item.text(2) for item in items] == ["⚠", "⚠"]
    assert "发票代码与号码相同" in items[0].toolTip(2) and "b.png" in items[0].toolTip(2)
    qtbot.waitUntil(lambda: "⚠" in window.banner.text(), timeout=5000)
    window.session.edit_field("发票号码", "99999999")  # no longer the same invoice
    qtbot.waitUntil(lambda: items[0].text(2) == "", timeout=5000)


def test_a_copy_of_a_queued_file_is_not_queued_again(qtbot, make_window, store_path, tmp_path):
    original = write_page(tmp_path / "a.png")
    copy = tmp_path / "copy-of-a.png"
    copy.write_bytes(original.read_bytes())
    window = make_window(recognize_on_open=False, store_path=store_path)
    window.open_paths([original])
    qtbot.waitUntil(lambda: len(window.queue_panel.visible_page_items()) == 1, timeout=5000)
    with qtbot.waitSignal(window.message_bar.message_shown, timeout=5000) as shown:
        window.open_paths([copy])
    assert "copy-of-a.png" in shown.args[1] and "a.png" in shown.args[1]
    assert len(window.session.store.documents()) == 1


def test_remove_a_file_from_the_queue(qtbot, make_window, store_path, tmp_path) -> None:
    ids = seed_queue(store_path, tmp_path / "in")
    window = make_window(recognize_on_open=False, store_path=store_path)
    panel = window.queue_panel
    panel.tree.clearSelection()
    panel.item_of(ids[0]).setSelected(True)
    box = window.queue_commands.ask_remove()
    box.accept()
    qtbot.waitUntil(lambda: len(panel.visible_page_items()) == 5, timeout=5000)
    assert ids[0] not in [p.id for p in window.session.store.pages()]
