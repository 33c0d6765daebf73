"""Render the review window with a page recognized, for the README.

``python -m desktop_app.tools.screenshot OUT.png FILE|FOLDER [--engine local|cloud] [--answer JSON]
[--batch] [--database PATH]``

``--answer`` replays a saved CarInvoiceOCR answer instead of running an engine
(a stand-in for demos and tests; never the app's default). ``--batch`` recognizes
every queued page (the queue panel then shows their statuses) before the shot.
The review database is a temporary one unless ``--database`` names one: a
screenshot never touches the clerk's own queue. Works without a display: Qt's
offscreen platform is used when no X/Wayland display is set.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from desktop_app.core.cancel import CancelToken
from desktop_app.core.codec import loads_response
from desktop_app.core.model import RecognitionResult
from desktop_app.documents.page import PageImage


class ReplayBackend:
    """A backend answering every page with one saved answer file (optionally after a delay)."""

    name = "replay"

    def __init__(self, answer: Path, delay: float = 0.0) -> None:
        self._text = Path(answer).read_text(encoding="utf-8")
        self._delay = delay

    def recognize(self, page: PageImage, *, cancel: CancelToken | None = None) -> RecognitionResult:
        """The saved answer; honours ``cancel`` during the delay."""
        if cancel is not None and self._delay and cancel.wait(self._delay):
            cancel.raise_if_cancelled()
        elif self._delay and cancel is None:
            time.sleep(self._delay)
        return loads_response(self._text, engine=self.name)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m desktop_app.tools.screenshot", description=__doc__
    )
    parser.add_argument("out", type=Path, help="PNG to write")
    parser.add_argument("file", type=Path, help="invoice image, PDF or folder to queue")
    parser.add_argument("--batch", action="store_true", help="recognize the whole queue first")
    parser.add_argument("--database", type=Path, help="review database (default: a temporary one)")
    parser.add_argument("--engine", choices=("local", "cloud"), default="local")
    parser.add_argument("--answer", type=Path, help="replay this CarInvoiceOCR JSON answer")
    parser.add_argument("--size", default="1500x900", help="window size WIDTHxHEIGHT")
    parser.add_argument("--language", choices=("zh", "en"), default="zh")
    parser.add_argument("--select", help="field to select (default: the first to review)")
    parser.add_argument(
        "--edit",
        action="append",
        default=[],
        metavar="FIELD=VALUE",
        help="change a field before the shot, as a clerk would (repeatable)",
    )
    parser.add_argument("--confirm", type=int, default=0, help="confirm the first N fields")
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds to wait")
    parser.add_argument(
        "--dialog",
        choices=sorted(_DIALOGS),
        help="shoot this dialog, opened the way the clerk opens it, instead of the window",
    )
    return parser


#: ``--dialog`` choices → how the clerk opens each (Ctrl+Enter, F5 after an edit, Ctrl+E).
_DIALOGS = {
    "approve": lambda window: window.approval.approve(),
    "rerecognize": lambda window: window.recognize_flow.recognize(),
    "export": lambda window: window.queue_commands.open_export(),
}


def main(argv: Sequence[str] | None = None) -> int:
    """Write the screenshot; returns 0, or 1 when the page could not be recognized in time."""
    args = build_parser().parse_args(argv)
    if sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    ):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from desktop_app.review.preferences import Preferences
    from desktop_app.ui.app import build_window

    app = QApplication.instance() or QApplication([sys.argv[0]])
    prefs = Preferences(engine=args.engine, language=args.language)
    kwargs = {"backend": ReplayBackend(args.answer)} if args.answer else {}
    scratch = tempfile.TemporaryDirectory(prefix="carinvoicedesk-shot-")
    window = build_window(
        prefs,
        preferences_path=args.out.with_suffix(".preferences.json"),
        remember_geometry=False,  # a screenshot must not move the clerk's own window
        store_path=args.database or Path(scratch.name) / "review.sqlite3",
        **kwargs,
    )
    if window.session.backend is None:
        print("error: no engine: " + " / ".join(window.message_bar.texts()), file=sys.stderr)
        window.close()
        return 1
    width, height = (int(v) for v in args.size.lower().split("x"))
    window.resize(width, height)
    window.show()
    window.open_paths([args.file])
    ok = _wait(app, window, args.timeout)
    if ok and args.batch:
        ok = _run_batch(app, window, args.timeout)
    if ok:
        _review_like_a_clerk(window, args)
    _settle(app)
    shown = _DIALOGS[args.dialog](window) if ok and args.dialog else None
    if shown is not None:
        _settle(app)
    (shown or window).grab().save(str(args.out))
    args.out.with_suffix(".preferences.json").unlink(missing_ok=True)
    window.close()
    scratch.cleanup()
    print(f"wrote {args.out}" if ok else f"wrote {args.out} (page not recognized)", file=sys.stderr)
    return 0 if ok else 1


def _review_like_a_clerk(window, args: argparse.Namespace) -> None:
    """Apply ``--confirm``, ``--edit`` and ``--select`` through the window's own paths."""
    review = window.session.current_review
    for name in review.names()[: args.confirm]:
        window.session.confirm_field(name)
    for edit in args.edit:
        name, _, value = edit.partition("=")
        window.session.edit_field(name, value)
    if args.select:
        window.panel.select_field(args.select)


def _wait(app, window, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    failed = []
    window.message_bar.message_shown.connect(lambda level, *_: failed.append(level))
    while time.monotonic() < deadline:
        app.processEvents()
        if window.session.current_review is not None:
            return True
        if "error" in failed:
            return False
        time.sleep(0.02)
    return False


def _run_batch(app, window, timeout: float) -> bool:
    """Recognize every new page of the queue; False when it did not end in time."""
    ended = []
    window.queue_commands.batch.finished.connect(ended.append)
    if not window.queue_commands.recognize_all():
        return True
    deadline = time.monotonic() + timeout
    while not ended and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.02)
    return bool(ended)


def _settle(app, seconds: float = 0.3) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.01)


if __name__ == "__main__":
    sys.exit(main())
