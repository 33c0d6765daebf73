"""The review window: wiring only. Commands live in ``actions``, logic in ``ReviewSession``."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QImage
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.schema import FormType
from desktop_app.documents.formats import SUPPORTED_SUFFIXES
from desktop_app.review.backend_builder import build_backend
from desktop_app.review.file_check import FileProblem
from desktop_app.review.preferences import Preferences, save_preferences
from desktop_app.review.recognition_job import PageKey
from desktop_app.review.review_state import FieldState, ReviewState
from desktop_app.ui.actions import WindowActions
from desktop_app.ui.approval_flow import ApprovalFlow
from desktop_app.ui.queue_commands import QueueCommands
from desktop_app.ui.recognize_flow import RecognizeFlow
from desktop_app.ui.review_session import ReviewSession
from desktop_app.ui.widgets.batch_status import BatchStatus
from desktop_app.ui.widgets.document_view import DocumentView
from desktop_app.ui.widgets.field_panel import FieldPanel
from desktop_app.ui.widgets.file_placeholder import FilePlaceholder
from desktop_app.ui.widgets.message_bar import MessageBar, MessageLevel
from desktop_app.ui.widgets.page_banner import PageBanner
from desktop_app.ui.widgets.queue_panel import QueuePanel
from desktop_app.ui.widgets.save_status import SaveStatus
from desktop_app.ui.workers.batch_controller import BatchController

SETTINGS_ORG = "CarInvoiceDesk"

SettingsOpener = Callable[[QWidget], bool]


class MainWindow(QMainWindow):
    """Queue at the far left, document view, field panel right, messages on top."""

    def __init__(
        self,
        session: ReviewSession,
        preferences: Preferences,
        batch: BatchController,
        *,
        preferences_path: Path | None = None,
        settings_opener: SettingsOpener | None = None,
        remember_geometry: bool = True,
    ) -> None:
        super().__init__()
        self._remember_geometry = remember_geometry
        self._clerk_closing = False
        self.session = session
        self.preferences = preferences
        self._preferences_path = preferences_path
        self._settings_opener = settings_opener
        self.owned_store_closer: Callable[[], None] | None = None  # set by ``build_window``
        self._language = preferences.language
        self._review: ReviewState | None = None
        self.setWindowTitle(self.tr("机动车发票识别审核台"))
        self.setAcceptDrops(True)
        self._build_widgets()
        self.actions_ = WindowActions(self, session)
        self.actions_.build_menus(self)
        self.actions_.build_toolbar(self)
        self.queue_panel.add_actions(self.actions_.queue_groups())
        self.queue_commands = QueueCommands(
            self,
            session,
            batch,
            self.queue_panel,
            self.actions_,
            self.batch_status,
            self.show_message,
        )
        self.approval = ApprovalFlow(
            self, session, self.panel, lambda: self.preferences.approve_page_level
        )
        self.recognize_flow = RecognizeFlow(self, session)
        self._connect_actions()
        self._connect_session()
        self._rebuild_recent_menu()
        self._restore_geometry()
        # Build the motor form's rows while idle, not while the first answer is shown.
        QTimer.singleShot(0, lambda: self.panel.prebuild(FormType.MOTOR))

    # -- building
    def _build_widgets(self) -> None:
        self.message_bar = MessageBar()
        self.queue_panel = QueuePanel(self._language)
        self.banner = PageBanner(self._language)
        self.view = DocumentView()
        self.panel = FieldPanel(self._language)
        page_side = QWidget()
        page_layout = QVBoxLayout(page_side)
        page_layout.setContentsMargins(0, 0, 0, 0)
        page_layout.setSpacing(0)
        page_layout.addWidget(self.banner)
        self.placeholder = FilePlaceholder()
        self.page_stack = QStackedWidget()
        self.page_stack.addWidget(self.view)
        self.page_stack.addWidget(self.placeholder)
        page_layout.addWidget(self.page_stack, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setObjectName("main-splitter")
        splitter.addWidget(self.queue_panel)
        splitter.addWidget(page_side)
        splitter.addWidget(self.panel)
        splitter.setStretchFactor(1, 3)
        splitter.setStretchFactor(2, 2)
        splitter.setSizes([310, 690, 440])
        self.splitter = splitter
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.message_bar)
        layout.addWidget(splitter, 1)
        self.setCentralWidget(central)
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.setMaximumWidth(160)
        self.progress.setVisible(False)
        self.counts_label = QLabel()
        self.zoom_label = QLabel()
        self.batch_status = BatchStatus()
        self.save_status = SaveStatus()
        bar = self.statusBar()
        bar.addPermanentWidget(self.save_status)
        bar.addPermanentWidget(self.batch_status)
        bar.addPermanentWidget(self.counts_label)
        bar.addPermanentWidget(self.progress)
        bar.addPermanentWidget(self.zoom_label)
        bar.showMessage(self.tr("把发票文件或文件夹拖到窗口中，或按 Ctrl+O 打开。"))

    def _connect_actions(self) -> None:
        a, view, session = self.actions_, self.view, self.session
        a.open.triggered.connect(self.choose_files)
        a.settings.triggered.connect(self.open_settings)
        a.quit.triggered.connect(self.close_as_clerk)
        a.zoom_in.triggered.connect(view.zoom_in)
        a.zoom_out.triggered.connect(view.zoom_out)
        a.fit_page.triggered.connect(view.fit_page)
        a.fit_width.triggered.connect(view.fit_width)
        a.actual_size.triggered.connect(view.actual_size)
        a.rotate.triggered.connect(view.rotate_clockwise)
        a.toggle_overlay.toggled.connect(view.set_overlay_visible)
        a.previous_page.triggered.connect(session.previous_page)
        a.next_page.triggered.connect(session.next_page)
        a.recognize.triggered.connect(self.recognize_flow.recognize)
        a.cancel.triggered.connect(session.recognition.cancel_recognition)
        a.approve.triggered.connect(self.approval.approve)
        view.zoom_changed.connect(lambda z: self.zoom_label.setText(f"{z * 100:.0f}%"))
        view.field_clicked.connect(lambda name: self.panel.select_field(name))
        self.panel.field_selected.connect(view.select_field)
        self.panel.edit_committed.connect(session.edit_field)
        self.panel.confirm_requested.connect(self._confirm_and_advance)
        self.queue_panel.page_chosen.connect(session.go_to)

    def _connect_session(self) -> None:
        s = self.session
        s.pages_changed.connect(self._refresh_pages)
        s.current_page_changed.connect(self._on_current_page)
        s.current_page_cleared.connect(self._on_queue_emptied)
        s.paths_queued.connect(self._remember)
        s.page_image_ready.connect(self._on_page_image)
        s.review_ready.connect(self._on_review_ready)
        s.review_unavailable.connect(self._on_review_unavailable)
        s.file_unavailable.connect(self._on_file_unavailable)
        self.placeholder.locate_requested.connect(self.locate_file)
        s.message_posted.connect(self.show_message)
        s.status_posted.connect(lambda text: self.statusBar().showMessage(text, 8000))
        s.recognition_busy_changed.connect(self._on_busy)
        s.writes.pending_changed.connect(self.save_status.set_pending)
        s.writes.unsaved_changed.connect(self.save_status.set_unsaved)
        self.save_status.retry_requested.connect(s.writes.retry)

    # -- opening
    def open_paths(self, paths: list[str | Path]) -> None:
        """Open files and folders (command line, drop, dialog, recent menu)."""
        self.session.open_paths(paths)

    def choose_files(self) -> None:
        patterns = " ".join(f"*{s}" for s in SUPPORTED_SUFFIXES)
        paths, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("打开发票文件"),
            self.preferences.open_folder,
            self.tr("发票文件 ({patterns});;所有文件 (*)").format(patterns=patterns),
        )
        if paths:
            self.preferences.open_folder = str(Path(paths[0]).parent)
            self.open_paths(paths)  # saved with the recent files once queued

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.open_paths(paths)

    def _remember(self, paths: list[Path]) -> None:
        for path in reversed(paths[:10]):
            self.preferences.add_recent(path)
        self.save_preferences()
        self._rebuild_recent_menu()

    def save_preferences(self) -> None:
        try:
            save_preferences(self.preferences, self._preferences_path)
        except OSError as exc:
            self.show_message("warning", self.tr("无法保存设置"), str(exc))

    def _rebuild_recent_menu(self) -> None:
        menu = self.actions_.recent_menu
        menu.clear()
        for path in self.preferences.recent_files:
            action = menu.addAction(Path(path).name)
            action.setToolTip(path)
            action.triggered.connect(lambda _=False, p=path: self.open_paths([p]))
        menu.setEnabled(bool(self.preferences.recent_files))

    # -- pages and review
    def _refresh_pages(self) -> None:
        self.queue_panel.set_queue(self.session.queue, self.session.current)
        self.banner.show_page(self.session.queue, self.session.current)

    def _on_current_page(self, key: PageKey) -> None:
        # Never the previous page's image under this page's name: cleared until it loads.
        self.view.set_image(None)
        self.page_stack.setCurrentWidget(self.view)
        self.queue_panel.set_current_key(key)
        self.banner.show_page(self.session.queue, key)
        path = self.session.queue.document(key).path
        self.setWindowTitle(f"{self.session.queue.label(key)} — " + self.tr("机动车发票识别审核台"))
        self.setWindowFilePath(str(path))

    def _on_queue_emptied(self) -> None:
        self._bind_review(None)
        self.view.set_image(None)
        self.view.set_boxes([])
        self.banner.show_page(self.session.queue, None)
        self.panel.show_message(self.tr("队列是空的。把发票文件或文件夹拖到窗口中。"))
        self.setWindowTitle(self.tr("机动车发票识别审核台"))

    def _on_page_image(self, key: PageKey, image: QImage) -> None:
        self._bind_review(None)
        self.page_stack.setCurrentWidget(self.view)
        self.view.set_image(image)

    def _on_file_unavailable(self, key: PageKey, problem: FileProblem, path: str) -> None:
        self.view.set_image(None)
        self.placeholder.show_problem(problem, path)
        self.page_stack.setCurrentWidget(self.placeholder)

    def locate_file(self) -> None:
        """Locate…: the clerk points at the moved file; it is used if its content matches."""
        key = self.session.current
        if key is None:
            return
        old = Path(self.session.queue.document(key).path)
        start = str(old.parent) if old.parent.is_dir() else self.preferences.open_folder
        chosen, _ = QFileDialog.getOpenFileName(self, self.tr("找到文件"), start)
        if chosen:
            self.session.files.relocate(key.document_id, Path(chosen))

    def _on_review_unavailable(self, key: PageKey, why: str) -> None:
        self._bind_review(None)
        self.view.set_boxes([])
        self.panel.show_message(why)

    def _on_review_ready(self, key: PageKey, review: ReviewState) -> None:
        self._bind_review(review)
        located = [(n, review.field(n).polygon) for n in review.names() if review.field(n).polygon]
        self.view.set_boxes(located if self.view.has_image else [])  # type: ignore[arg-type]
        self.panel.set_review(review)
        self._on_fields_changed(set(review.names()))
        first = review.next_needing_review(None)
        if first is not None:
            self.panel.select_field(first)

    def _bind_review(self, review: ReviewState | None) -> None:
        if self._review is not None and self._on_fields_changed in self._review.changed:
            self._review.changed.remove(self._on_fields_changed)
        self._review = review
        self.banner.set_source(review.result.engine if review is not None else "")
        if review is not None:
            review.changed.append(self._on_fields_changed)
        else:
            self.counts_label.clear()

    def _on_fields_changed(self, names: set[str]) -> None:
        review = self._review
        if review is None:
            return
        self.panel.refresh(names)
        for name in names:
            field = review.field(name)
            tip = self.tr("{name}：{value}").format(
                name=field.spec.label.get(self._language), value=field.value or "—"
            )
            tip += "".join(f"\n{c.message.get(self._language)}" for c in field.checks)
            self.view.update_box(name, field.state, tip)
        counts = review.counts()
        to_review = sum(1 for n in review.names() if review.needs_review(n))
        self.counts_label.setText(
            self.tr("待审 {r} · 已确认 {c} · 错误 {e} · 疑问 {w}").format(
                r=to_review,
                c=counts[FieldState.CONFIRMED],
                e=counts[FieldState.ERROR],
                w=counts[FieldState.WARNING],
            )
        )

    def _confirm_and_advance(self, name: str) -> None:
        following = self.session.confirm_field(name)
        if following is not None:
            self.panel.select_field(following)
        else:
            self.statusBar().showMessage(
                self.tr("所有字段均已确认。按 Ctrl+Enter 通过此页。"), 8000
            )

    def _on_busy(self, busy: bool) -> None:
        # Engines report no steps: a busy indicator until the answer arrives.
        self.progress.setRange(0, 0 if busy else 100)
        self.progress.setVisible(busy)
        self.actions_.cancel.setEnabled(busy)

    # -- messages, settings
    def show_message(self, level: str, title: str, body: str = "") -> None:
        """A non-modal message in the window (never a dialog that blocks the clerk)."""
        self.message_bar.show_message(MessageLevel(level), title, body)

    def open_settings(self) -> None:
        if self._settings_opener is not None:
            self._settings_opener(self)

    def apply_preferences(self, new: Preferences) -> None:
        """Keep the settings the clerk accepted: save them, rebuild the engine."""
        old, self.preferences = self.preferences, new
        self.save_preferences()
        self.session.recognize_on_open = new.recognize_on_open
        backend, problem = build_backend(new)
        self.session.backend = backend
        self.session.runner.warm_up()
        if problem is not None:
            self.show_message("warning", problem.get(self._language))
        if new.language != old.language:
            self.show_message("info", self.tr("界面语言将在重新启动后生效。"))

    # -- geometry
    def _restore_geometry(self) -> None:
        if not self._remember_geometry:
            self.resize(1400, 860)
            return
        settings = QSettings(SETTINGS_ORG, SETTINGS_ORG)
        geometry = settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1400, 860)
        state = settings.value("window/splitter")
        if state is not None:
            self.splitter.restoreState(state)

    def close_as_clerk(self) -> None:
        """Close as the clerk asked (the Quit action): unsaved changes are asked about."""
        self._clerk_closing = True
        try:
            self.close()
        finally:
            self._clerk_closing = False

    def _keep_open_for_unsaved(self, event: QCloseEvent) -> bool:
        """Ask before a clerk's close drops changes the database refused; True keeps the window.

        Only a close the clerk asked for is questioned (the window's close button, the Quit
        action): SIGTERM and a program's ``close()`` end at once, as shutdown must.
        """
        unsaved = self.session.writes.unsaved
        if unsaved == 0 or not (event.spontaneous() or self._clerk_closing):
            return False
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("有修改未保存"),
            self.tr(
                "%n 处修改未能保存到审核数据库（见窗口上方的说明）。关闭窗口会丢掉这些修改。",
                "",
                unsaved,
            ),
            QMessageBox.StandardButton.Cancel,
            self,
        )
        box.button(QMessageBox.StandardButton.Cancel).setText(self.tr("不关闭"))
        retry = box.addButton(self.tr("重试保存"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("丢掉修改并关闭"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(box.button(QMessageBox.StandardButton.Cancel))
        box.exec()
        clicked = box.clickedButton()
        if clicked is retry:
            self.session.writes.retry()
        return box.buttonRole(clicked) != QMessageBox.ButtonRole.DestructiveRole

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._keep_open_for_unsaved(event):
            event.ignore()
            return
        if self._remember_geometry:
            settings = QSettings(SETTINGS_ORG, SETTINGS_ORG)
            settings.setValue("window/geometry", self.saveGeometry())
            settings.setValue("window/splitter", self.splitter.saveState())
        self.queue_commands.shutdown()
        self.session.shutdown()
        if self.owned_store_closer is not None:
            self.owned_store_closer()
            self.owned_store_closer = None
        super().closeEvent(event)
