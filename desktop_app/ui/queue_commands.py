"""The window's queue commands: add a folder, batch recognition, approve, reject, remove, export.

Kept out of ``MainWindow`` (which only wires): each handler reads what the clerk
selected in the queue panel, asks the session or the batch to act, and reports in
the window. Dialogs are opened with ``open()`` (never ``exec()``): the window keeps
running, and tests drive them like any widget.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox

from desktop_app.batch import BatchSummary
from desktop_app.store.export import export_from_store
from desktop_app.ui.actions import WindowActions
from desktop_app.ui.dialogs.export_dialog import ExportDialog, ExportOptions, describe_export
from desktop_app.ui.dialogs.reject_dialog import RejectDialog
from desktop_app.ui.review_session import ReviewSession
from desktop_app.ui.widgets.batch_status import BatchStatus
from desktop_app.ui.widgets.queue_panel import QueuePanel
from desktop_app.ui.workers.batch_controller import BatchController

#: ``show_message(level, title, body)`` of the window.
Messenger = Callable[[str, str, str], None]


class QueueCommands(QObject):
    """Connects the queue actions to the session, the batch and the dialogs."""

    def __init__(
        self,
        window: QMainWindow,
        session: ReviewSession,
        batch: BatchController,
        panel: QueuePanel,
        actions: WindowActions,
        status: BatchStatus,
        show_message: Messenger,
    ) -> None:
        super().__init__(window)
        self._window = window
        self.session = session
        self.panel = panel
        self.actions = actions
        self.status = status
        self._show = show_message
        self.batch = batch
        batch.setParent(self)
        self.dialog: RejectDialog | ExportDialog | QMessageBox | None = None
        a = actions
        a.add_folder.triggered.connect(self.choose_folder)
        a.export.triggered.connect(self.open_export)
        a.recognize_all.triggered.connect(lambda: self.recognize_all())
        a.pause_batch.toggled.connect(lambda on: self.batch.pause() if on else self.batch.resume())
        a.cancel_batch.triggered.connect(self.batch.cancel)
        a.approve_selected.triggered.connect(self.approve_selected)
        a.reject.triggered.connect(self.ask_reject)
        a.rerecognize.triggered.connect(self.rerecognize)
        a.remove.triggered.connect(self.ask_remove)
        self.batch.started.connect(self._on_batch_started)
        self.batch.progress_changed.connect(status.show_progress)
        self.batch.paused_changed.connect(self._on_paused)
        self.batch.finished.connect(self._on_batch_finished)

    def target_page_ids(self) -> list[int]:
        """The pages selected in the queue, else the open page."""
        selected = self.panel.selected_page_ids()
        if selected:
            return selected
        page = self.session.queue.page(self.session.current)
        return [page.id] if page is not None else []

    # -- adding
    def choose_folder(self) -> None:
        prefs = self._window.preferences  # type: ignore[attr-defined]
        folder = QFileDialog.getExistingDirectory(
            self._window, self.tr("添加文件夹"), prefs.open_folder
        )
        if folder:
            prefs.open_folder = str(Path(folder).parent)
            self.session.open_paths([folder])

    # -- batch
    def recognize_all(self, page_ids: list[int] | None = None) -> int:
        """Start the batch over every new page (or the new ones of ``page_ids``)."""
        backend = self.session.backend
        if backend is None:
            self._show(
                "warning", self.tr("没有可用的识别引擎"), self.tr("请在“设置”中选择识别引擎。")
            )
            return 0
        if self.batch.running:
            self._show("info", self.tr("批量识别正在进行，新页面会在下一次批量识别时处理。"), "")
            return 0
        count = self.batch.start(backend, page_ids, language=self.session.language)
        if not count:
            self._window.statusBar().showMessage(self.tr("没有待识别的新页面。"), 8000)
        return count

    def _on_batch_started(self, total: int) -> None:
        self.status.started(total)
        self.actions.recognize_all.setEnabled(False)
        self.actions.pause_batch.setEnabled(True)
        self.actions.cancel_batch.setEnabled(True)

    def _on_paused(self, paused: bool) -> None:
        self.status.set_paused(paused)
        self.actions.pause_batch.blockSignals(True)
        self.actions.pause_batch.setChecked(paused)
        self.actions.pause_batch.blockSignals(False)
        self.actions.pause_batch.setText(
            self.tr("继续批量识别") if paused else self.tr("暂停批量识别")
        )

    def _on_batch_finished(self, summary: BatchSummary | None) -> None:
        self._on_paused(False)
        self.actions.recognize_all.setEnabled(True)
        self.actions.pause_batch.setEnabled(False)
        self.actions.cancel_batch.setEnabled(False)
        text = self.status.finished(summary)
        self._window.statusBar().showMessage(text, 15000)
        if summary is None or summary.failed:
            level = "warning" if summary else "error"
            # After this round of events: a message re-lays out the whole window.
            QTimer.singleShot(0, lambda: self._show(level, text, self._failed_hint(summary)))
        self.session.bridge.flush()

    def _failed_hint(self, summary: BatchSummary | None) -> str:
        if summary is None:
            return ""
        return self.tr("失败的页面在队列中标为“识别失败”，鼠标停在上面可看原因；可重新识别。")

    # -- deciding pages
    def approve_selected(self) -> None:
        """Approve the chosen pages (the count is shown once saved); pages not fully reviewed
        are asked about first."""
        page_ids = self.target_page_ids()
        page_level = self._window.preferences.approve_page_level  # type: ignore[attr-defined]
        open_ = self.session.pages.open_issues_of(page_ids, page_level)
        if open_:
            self._ask_approve(page_ids, open_, page_level)
            return
        self._approve(page_ids, {})

    def _approve(self, page_ids: list[int], notes: dict[int, str]) -> None:
        self.session.pages.approve_pages(page_ids, notes, self._approved)

    def _approved(self, done: int) -> None:
        self._window.statusBar().showMessage(self.tr("已通过 %n 页", "", done), 8000)

    def _ask_approve(self, page_ids: list[int], open_: dict, page_level: bool) -> QMessageBox:
        """Some pages are not fully reviewed: approve only the others (default), all, or none."""
        ready = [p for p in page_ids if p not in open_]
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("有些页面尚未审核完毕"),
            self.tr(
                "选中的页面中有 %n 页尚未审核完毕（有未确认的字段、错误或重复）。", "", len(open_)
            ),
            QMessageBox.StandardButton.Cancel,
            self._window,
        )
        box.button(QMessageBox.StandardButton.Cancel).setText(self.tr("取消"))
        only_ready = box.addButton(
            self.tr("只通过已审核完的 %n 页", "", len(ready)), QMessageBox.ButtonRole.AcceptRole
        )
        only_ready.setEnabled(bool(ready))
        anyway = box.addButton(self.tr("全部仍然通过"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(only_ready if ready else box.button(QMessageBox.StandardButton.Cancel))
        notes = {pid: issues.audit_note(page_level) for pid, issues in open_.items()}
        only_ready.clicked.connect(lambda: self._approve(ready, {}))
        anyway.clicked.connect(lambda: self._approve(page_ids, notes))
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = box
        box.open()
        return box

    def ask_reject(self) -> RejectDialog | None:
        """Ask for a reason, then reject the selected pages (or the open one)."""
        page_ids = self.target_page_ids()
        if not page_ids:
            return None
        dialog = RejectDialog(len(page_ids), self._window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._reject(page_ids, dialog.reason()))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _reject(self, page_ids: list[int], reason: str) -> None:
        self.session.pages.reject_pages(page_ids, reason, lambda done: self._rejected(done, reason))

    def _rejected(self, done: int, reason: str) -> None:
        self._window.statusBar().showMessage(
            self.tr("已退回 %n 页：{reason}", "", done).format(reason=reason), 8000
        )

    def rerecognize(self) -> None:
        """Recognize the chosen pages again: back to new, then a batch over them."""
        self.session.pages.requeue_pages(self.target_page_ids(), self._requeued)

    def _requeued(self, requeued: list[int]) -> None:
        if requeued and not self.batch.running:
            self.recognize_all(requeued)

    def ask_remove(self) -> QMessageBox | None:
        documents = self.panel.selected_document_ids()
        if not documents and self.session.current is not None:
            documents = [self.session.current.document_id]
        if not documents:
            return None
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("从队列中移除"),
            self.tr(
                "从队列中移除 %n 个文件？它们的识别结果和修改将被删除（审计记录保留）。",
                "",
                len(documents),
            ),
            QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel,
            self._window,
        )
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.accepted.connect(lambda: self.session.pages.remove_documents(documents))
        self.dialog = box
        box.open()
        return box

    # -- export
    def open_export(self) -> ExportDialog:
        prefs = self._window.preferences  # type: ignore[attr-defined]
        folder = Path(prefs.export_folder) if prefs.export_folder else None
        dialog = ExportDialog(self.panel.selected_page_ids(), folder, parent=self._window)
        dialog.set_format(prefs.export_format)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._export_when_saved(dialog.options()))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _export_when_saved(self, options: ExportOptions) -> None:
        """Exported from the store: once the window's last edits are in it."""
        self.session.writes.after_pending(lambda: self._export(options))

    def _export(self, options: ExportOptions) -> None:
        prefs = self._window.preferences  # type: ignore[attr-defined]
        prefs.export_folder, prefs.export_format = str(options.path.parent), options.fmt
        self._window.save_preferences()  # type: ignore[attr-defined]
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            report = export_from_store(
                self.session.store,
                options.fmt,
                options.path,
                force=options.force,
                selection=options.selection,
            )
        except (OSError, ValueError) as exc:
            self._show("error", self.tr("导出失败：{path}").format(path=options.path), str(exc))
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        self._show(*describe_export(report, options, self.session.language))

    def shutdown(self) -> None:
        self.batch.shutdown()
