"""``desktop_app.ui.app.run(argv)``: the desktop program's composition root.

``build_window`` is the one place that builds the window's objects — the store, the
engine, the workers (document loader, store bridge, recognition runner, batch
controller), the session and the window — and hands each its collaborators.
"""

from __future__ import annotations

import gc
import logging
import signal
import sys
from collections.abc import Sequence
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication

from desktop_app import resources
from desktop_app.recognition.backend import RecognitionBackend
from desktop_app.review.app_store import open_window_store
from desktop_app.review.backend_builder import build_backend
from desktop_app.review.preferences import Preferences, load_preferences
from desktop_app.review.review_state import Validator
from desktop_app.store import DatabaseReadOnly, Store, StoreError
from desktop_app.store.database import default_database_path
from desktop_app.store.lock import DatabaseLock
from desktop_app.ui.dialogs.settings_dialog import open_settings_dialog
from desktop_app.ui.display import display_problem
from desktop_app.ui.font_check import needs_cjk_font_warning
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.review_session import ReviewSession
from desktop_app.ui.single_instance import InstanceServer, hand_over
from desktop_app.ui.translator import install_language, tr
from desktop_app.ui.workers.batch_controller import BatchController
from desktop_app.ui.workers.document_loader import DocumentLoader, Opener
from desktop_app.ui.workers.recognition_runner import RecognitionRunner
from desktop_app.ui.workers.store_bridge import StoreBridge

APP_NAME = "CarInvoiceDesk"

log = logging.getLogger(__name__)

_ENGINE_FROM_PREFERENCES = object()


def build_window(
    preferences: Preferences | None = None,
    *,
    backend: RecognitionBackend | object | None = _ENGINE_FROM_PREFERENCES,
    opener: Opener | None = None,
    validator: Validator | None = None,
    preferences_path: Path | None = None,
    remember_geometry: bool = True,
    store: Store | None = None,
    store_path: Path | None = None,
) -> MainWindow:
    """The main window with everything wired; tests and tools pass fakes for the backend.

    The review database is ``store`` (kept open: the caller owns it), else the one at
    ``store_path`` / ``$CARINVOICEDESK_DATABASE`` / the user data dir, which the window
    closes when it closes. A refused database becomes a message; the app then works
    in a temporary one and leaves the refused file untouched.
    """
    prefs = preferences or load_preferences(preferences_path)
    install_language(prefs.language)
    problem = None
    if backend is _ENGINE_FROM_PREFERENCES:
        backend, problem = build_backend(prefs)
    refused: StoreError | None = None
    closer = None
    if store is None:
        store, closer, refused = open_window_store(store_path)
    session = ReviewSession(
        store,
        DocumentLoader(opener),
        StoreBridge(store),
        RecognitionRunner(backend),  # type: ignore[arg-type]
        language=prefs.language,
        recognize_on_open=prefs.recognize_on_open,
        validator=validator,
    )
    window = MainWindow(
        session,
        prefs,
        BatchController(store),
        preferences_path=preferences_path,
        settings_opener=open_settings_dialog,
        remember_geometry=remember_geometry,
    )
    session.setParent(window)
    window.owned_store_closer = closer
    if refused is not None:
        window.show_message(
            "error",
            refused.message.get(prefs.language),
            refused.advice.get(prefs.language)
            + "\n"
            + tr("本次工作暂存在临时数据库中，退出程序后不会保留。"),
        )
    if store.read_only:  # review and export work; each refused edit says why again
        read_only = DatabaseReadOnly(store.path)
        window.show_message(
            "warning",
            read_only.message.get(prefs.language),
            read_only.advice.get(prefs.language),
        )
    session.restore()
    if problem is not None:
        window.show_message("warning", problem.get(prefs.language))
    if needs_cjk_font_warning():
        # Deliberately both languages and not tr(): without a CJK font Chinese shows as boxes.
        window.show_message(
            "warning",
            "No Chinese font found / 未找到中文字体",
            "Chinese text would show as boxes. Install one, e.g. "
            "`sudo apt-get install fonts-noto-cjk` (or fonts-wqy-microhei), then restart.",
        )
    return window


def _report_unexpected_errors(window: MainWindow) -> None:
    """A bug in a slot becomes a message in the window and a log entry, not a silent trace."""

    def hook(kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
        log.error("unexpected error", exc_info=(kind, error, trace))
        window.show_message(
            "error",
            tr("程序内部错误：{what}").format(what=f"{kind.__name__}: {error}"),
            tr("当前操作未完成，其他功能仍可使用。请把此消息告诉管理员。"),
        )

    sys.excepthook = hook


def run(argv: Sequence[str] | None = None) -> int:
    """Start the window, open the files named in ``argv`` (no program name), run the event loop.

    A window already running on the same database gets the files instead and this
    start exits 0 (``single_instance``); without a display it exits 1 with a sentence
    saying so, not Qt's abort.
    """
    args = list(sys.argv[1:] if argv is None else argv)
    problem = display_problem()
    if problem is not None:
        print(problem, file=sys.stderr)
        return 1
    QCoreApplication.setOrganizationName(APP_NAME)
    QCoreApplication.setApplicationName(APP_NAME)
    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else APP_NAME])
    database = default_database_path()
    lock = DatabaseLock(database)
    if not _acquire(lock):
        if hand_over(database, args):
            log.info("handed %d files to the window already open on %s", len(args), database)
            return 0
        print(_NOT_ANSWERING.format(path=database, holder=lock.holder()), file=sys.stderr)
        return 1
    try:
        return _run_window(app, database, args)
    finally:
        lock.release()


_NOT_ANSWERING = (
    "error: 另一个窗口正在使用审核数据库 {path}（{holder}），但没有响应。"
    " / Another window ({holder}) has the review database {path} open but does not answer."
)


def _acquire(lock: DatabaseLock) -> bool:
    """Take the database's lock; True also where no lock file can be made (read-only folder)."""
    try:
        return lock.acquire()
    except OSError as exc:  # the store opens such a database read-only: nothing to guard
        log.warning("no lock on %s: %s", lock.path, exc)
        return True


def _run_window(app: QApplication, database: Path, args: list[str]) -> int:
    """Build and show the window on the locked database; the event loop's exit code."""
    app.setWindowIcon(QIcon(str(resources.app_icon())))
    QGuiApplication.setDesktopFileName("car-invoice-desk")  # matches the .desktop entry
    window = build_window()
    instances = InstanceServer(database, window)
    instances.files_received.connect(lambda files: _bring_forward(window, files))
    _close_on_sigterm(window)
    app.aboutToQuit.connect(window.session.shutdown)  # threads stop even without a close
    _report_unexpected_errors(window)
    window.session.runner.warm_up()  # the first page should not wait for the OCR models
    window.show()
    # Start-up objects (Qt wrappers, modules) live as long as the app: keep the
    # collector from walking them in every full collection, a pause the clerk feels.
    gc.collect()
    gc.freeze()
    if args:
        window.open_paths(args)
    return app.exec()


def _close_on_sigterm(window: MainWindow) -> None:
    """SIGTERM (a logout, ``kill``, a service manager) closes the window as the clerk would.

    Python runs signal handlers only between bytecodes, and Qt's loop runs in C++:
    a short timer gives the interpreter a moment to notice the signal.
    """
    if not hasattr(signal, "SIGTERM"):
        return
    signal.signal(signal.SIGTERM, lambda *_: QTimer.singleShot(0, window.close))
    ticker = QTimer(window)
    ticker.setInterval(200)
    ticker.timeout.connect(lambda: None)
    ticker.start()


def _bring_forward(window: MainWindow, files: list[str]) -> None:
    """A later start handed files over: queue them, open the first, come to the front."""
    if files:
        window.open_paths(files)
    window.showNormal()
    window.raise_()
    window.activateWindow()
