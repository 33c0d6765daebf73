"""A clerk, scripted: run the real app (``ui.app.run``) on a folder, review, then wait to be killed.

Run by ``test_kill_and_restart.py`` as a subprocess::

    python tests/e2e/kill_driver.py ANSWER.json FOLDER

The database comes from ``$CARINVOICEDESK_DATABASE``; the engine replays ANSWER
(the only stand-in: patched in here, never in the app). Prints ``READY <json>``
once every step is committed — when the status bar says 已保存, the clerk's own
sign that nothing is lost — then keeps the app running until it is killed.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

import desktop_app.ui.app as app_module
from desktop_app.store import PageStatus
from desktop_app.tools.screenshot import ReplayBackend
from desktop_app.ui.main_window import MainWindow


class Clerk:
    """Steps run one after the other, each once its condition holds (polled by a timer)."""

    def __init__(self) -> None:
        self.steps: list[tuple[Callable[[MainWindow], bool], Callable[[MainWindow], None]]] = []
        self.timer = QTimer()
        self.timer.setInterval(20)
        self.timer.timeout.connect(self._tick)
        self.timer.start()

    def then(self, when: Callable[[MainWindow], bool], do: Callable[[MainWindow], None]) -> Clerk:
        self.steps.append((when, do))
        return self

    def _tick(self) -> None:
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
        if not windows or not self.steps:
            return
        when, do = self.steps[0]
        if when(windows[0]):
            self.steps.pop(0)
            do(windows[0])


def reviewing(window: MainWindow) -> bool:
    return window.session.current_review is not None


def page_ids(window: MainWindow) -> list[int]:
    return [p.id for p in window.session.store.pages()]


def edit_first(window: MainWindow) -> None:
    session = window.session
    session.edit_field("发票号码", "11111111")
    session.confirm_field("发票代码")
    window.actions_.approve.trigger()  # Ctrl+Enter: asks, fields are left unconfirmed
    window.approval.dialog.approve_button.click()  # approve anyway, open the next page


def edit_second(window: MainWindow) -> None:
    session = window.session
    session.edit_field("发票号码", "22222222")
    window.actions_.undo.trigger()  # back to the recognized number, in the store too
    session.edit_field("开票日期", "2017-08-01")
    session.confirm_field("开票日期")


def saved(window: MainWindow) -> bool:
    return window.session.writes.pending == 0 and window.save_status.label.text() == "已保存"


def report_ready(window: MainWindow) -> None:
    state = {
        "pages": page_ids(window),
        "current": window.session.queue.page(window.session.current).id,
    }
    print("READY " + json.dumps(state), flush=True)


def main() -> int:
    answer, folder = Path(sys.argv[1]), Path(sys.argv[2])
    app_module.build_backend = lambda prefs: (ReplayBackend(answer), None)
    app = QApplication([sys.argv[0]])  # before the clerk's timer; run() reuses it
    clerk = Clerk()
    clerk.then(lambda w: len(w.session.queue.pages) == 3 and reviewing(w), lambda w: None)
    clerk.then(lambda w: True, lambda w: w.actions_.recognize_all.trigger())
    clerk.then(
        lambda w: (
            not w.queue_commands.batch.running
            and w.session.store.status_counts()[PageStatus.NEEDS_REVIEW] == 3
        ),
        edit_first,
    )
    clerk.then(
        lambda w: (
            reviewing(w) and page_ids(w).index(w.session.queue.page(w.session.current).id) == 1
        ),
        edit_second,
    )
    clerk.then(saved, report_ready)
    code = app_module.run([str(folder)])
    del clerk, app
    return code


if __name__ == "__main__":
    sys.exit(main())
