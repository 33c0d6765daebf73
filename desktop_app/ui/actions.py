"""Every command of the window as a QAction, with its shortcut, and the menus and toolbar.

No single-letter shortcuts: they would fire while a clerk types Chinese with an IME.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QIcon, QKeySequence, QUndoGroup
from PySide6.QtWidgets import QMainWindow, QMenu, QToolBar, QToolButton

from desktop_app import resources
from desktop_app.ui.review_session import ReviewSession
from desktop_app.ui.translator import tr

Key = QKeySequence.StandardKey


def _follow_undo_group(undo: QAction, redo: QAction, group: QUndoGroup) -> None:
    """Short fixed names on the toolbar; what would be undone goes in the tooltip."""
    undo.triggered.connect(group.undo)
    redo.triggered.connect(group.redo)
    undo.setEnabled(False)
    redo.setEnabled(False)
    group.canUndoChanged.connect(undo.setEnabled)
    group.canRedoChanged.connect(redo.setEnabled)
    group.undoTextChanged.connect(lambda text: undo.setToolTip(_step_tip(undo, text)))
    group.redoTextChanged.connect(lambda text: redo.setToolTip(_step_tip(redo, text)))


def _step_tip(action: QAction, step: str) -> str:
    """The tooltip "Undo: Edit “Invoice code”", or the action's name when there is no step."""
    return tr("{action}：{step}").format(action=action.text(), step=step) if step else action.text()


class WindowActions(QObject):
    """The window's actions; ``MainWindow`` connects their ``triggered`` signals."""

    def __init__(self, window: QMainWindow, session: ReviewSession) -> None:
        super().__init__(window)
        self._window = window
        self._make_file_actions()
        self._make_view_actions()
        self._make_review_actions(session)
        self._make_queue_actions()
        self.recent_menu = QMenu(self.tr("最近打开"), window)

    def _make(
        self,
        text: str,
        shortcuts: list,
        icon: str | None = None,
        short_text: str | None = None,
    ) -> QAction:
        """An action of the window with its shortcuts, shown in its tooltip."""
        window = self._window
        action = QAction(QIcon(str(resources.icon(icon))) if icon else QIcon(), text, window)
        action.setShortcuts([QKeySequence(s) for s in shortcuts])
        native = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        if native:  # a standard key may have no binding on this platform (Quit on Linux)
            action.setToolTip(f"{text} ({native})")
        if short_text:
            action.setIconText(short_text)
        window.addAction(action)
        return action

    def _make_file_actions(self) -> None:
        self.open = self._make(self.tr("添加文件…"), [Key.Open], "open", self.tr("添加文件"))
        self.add_folder = self._make(
            self.tr("添加文件夹…"), ["Ctrl+Shift+O"], "add-folder", self.tr("添加文件夹")
        )
        self.export = self._make(self.tr("导出…"), ["Ctrl+E"], "export")
        self.settings = self._make(self.tr("设置…"), ["Ctrl+,"], "settings")
        self.quit = self._make(self.tr("退出"), [Key.Quit])

    def _make_view_actions(self) -> None:
        self.zoom_in = self._make(self.tr("放大"), ["Ctrl+=", "Ctrl++"], "zoom-in")
        self.zoom_out = self._make(self.tr("缩小"), ["Ctrl+-"], "zoom-out")
        self.fit_page = self._make(self.tr("适合页面"), ["Ctrl+0"], "fit-page")
        self.fit_width = self._make(self.tr("适合宽度"), ["Ctrl+2"], "fit-width")
        self.actual_size = self._make(self.tr("实际大小 (100%)"), ["Ctrl+1"])
        self.rotate = self._make(self.tr("顺时针旋转 90°"), ["Ctrl+R"], "rotate", self.tr("旋转"))
        self.toggle_overlay = self._make(
            self.tr("显示字段框"), ["Ctrl+B"], "overlay", short_text=self.tr("字段框")
        )
        self.toggle_overlay.setCheckable(True)
        self.toggle_overlay.setChecked(True)
        # Short toolbar names ("toolbar" disambiguates them from the menu's full names) keep
        # every button on a 1280 px wide window in English too.
        self.previous_page = self._make(
            self.tr("上一页"), ["PgUp"], "previous-page", self.tr("上一页", "toolbar")
        )
        self.next_page = self._make(
            self.tr("下一页"), ["PgDown"], "next-page", self.tr("下一页", "toolbar")
        )

    def _make_review_actions(self, session: ReviewSession) -> None:
        self.recognize = self._make(self.tr("识别"), ["F5"], "recognize")
        self.cancel = self._make(
            self.tr("取消识别"), ["Shift+F5"], "cancel", self.tr("取消识别", "toolbar")
        )
        self.cancel.setEnabled(False)
        self.undo = self._make(self.tr("撤销"), [Key.Undo], "undo")
        self.redo = self._make(self.tr("重做"), ["Ctrl+Shift+Z", "Ctrl+Y"], "redo")
        _follow_undo_group(self.undo, self.redo, session.undo_group)
        self.approve = self._make(
            self.tr("通过此页并继续"),
            ["Ctrl+Return", "Ctrl+Enter"],
            "approve",
            self.tr("通过此页"),
        )

    def _make_queue_actions(self) -> None:
        """Commands on the queue: they act on the pages selected in it (else the open page)."""
        self.recognize_all = self._make(
            self.tr("识别全部新页面"), ["Ctrl+F5"], "recognize-all", self.tr("全部识别")
        )
        self.pause_batch = self._make(self.tr("暂停批量识别"), ["F6"], "pause")
        self.pause_batch.setCheckable(True)
        paused = QIcon(str(resources.icon("pause")))
        paused.addFile(str(resources.icon("resume")), state=QIcon.State.On)
        self.pause_batch.setIcon(paused)
        self.cancel_batch = self._make(self.tr("取消批量识别"), ["Shift+F6"], "cancel")
        for action in (self.pause_batch, self.cancel_batch):
            action.setEnabled(False)
        self.approve_selected = self._make(self.tr("通过选中的页面"), [], "approve")
        self.reject = self._make(
            self.tr("退回选中的页面…"),
            ["Ctrl+Shift+Return", "Ctrl+Shift+Enter"],
            "reject",
        )
        self.rerecognize = self._make(self.tr("重新识别选中的页面"), [], "rerecognize")
        self.remove = self._make(self.tr("从队列中移除选中的文件"), [], "remove")

    def queue_groups(self) -> list[list[QAction]]:
        """The queue panel's toolbar and context menu, in groups."""
        return [
            [self.open, self.add_folder],
            [self.recognize_all, self.pause_batch, self.cancel_batch],
            [self.approve_selected, self.reject, self.rerecognize],
            [self.remove],
        ]

    def build_menus(self, window: QMainWindow) -> None:
        """File, Edit, View, Recognition menus."""
        bar = window.menuBar()
        file_menu = bar.addMenu(self.tr("文件(&F)"))
        file_menu.addActions([self.open, self.add_folder])
        file_menu.addMenu(self.recent_menu)
        file_menu.addSeparator()
        file_menu.addAction(self.export)
        file_menu.addSeparator()
        file_menu.addAction(self.settings)
        file_menu.addSeparator()
        file_menu.addAction(self.quit)
        edit_menu = bar.addMenu(self.tr("编辑(&E)"))
        edit_menu.addActions([self.undo, self.redo])
        edit_menu.addSeparator()
        edit_menu.addAction(self.approve)
        view_menu = bar.addMenu(self.tr("视图(&V)"))
        view_menu.addActions([self.zoom_in, self.zoom_out, self.fit_page, self.fit_width])
        view_menu.addActions([self.actual_size, self.rotate])
        view_menu.addSeparator()
        view_menu.addActions([self.toggle_overlay, self.previous_page, self.next_page])
        recognize_menu = bar.addMenu(self.tr("识别(&R)"))
        recognize_menu.addActions([self.recognize, self.cancel])
        recognize_menu.addSeparator()
        recognize_menu.addActions([self.recognize_all, self.pause_batch, self.cancel_batch])
        queue_menu = bar.addMenu(self.tr("队列(&Q)"))
        for index, group in enumerate(self.queue_groups()[2:]):
            if index:
                queue_menu.addSeparator()
            queue_menu.addActions(group)

    def build_toolbar(self, window: QMainWindow) -> QToolBar:
        """The main toolbar: the actions a clerk uses on every page, with their names."""
        toolbar = window.addToolBar(self.tr("工具栏"))
        toolbar.setObjectName("main-toolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        groups = (
            [self.open, self.export],
            [self.previous_page, self.next_page],
            [self.recognize, self.cancel, self.recognize_all],
            [self.fit_page, self.rotate, self.toggle_overlay],
            [self.undo, self.redo],
            [self.approve],
            [self.settings],
        )
        for index, group in enumerate(groups):
            if index:
                toolbar.addSeparator()
            toolbar.addActions(group)
        for action in (self.undo, self.redo):  # known by their arrows; names in the tooltip
            button = toolbar.widgetForAction(action)
            if isinstance(button, QToolButton):
                button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        return toolbar
