"""``python -m desktop_app.bench.startup``: time from launch to a usable window.

The parent starts the program ``--runs`` times as a fresh process and takes the median of:

* **window**: launch → the main window's first paint (the clerk can use the window);
* **recognized** (with a page): launch → the page recognized and its fields shown
  (includes loading the OCR models, which the window does in the background).

The child is either the source tree (``python -m desktop_app.bench.startup --child``) or
the frozen binary (``--command dist/car-invoice-desk/car-invoice-desk``): both read the
environment variable :data:`PROBE_ENV` (a JSON report path), watch the window from
inside the process, write the report and quit by themselves. ``--xvfb`` runs every
child on a private Xvfb display (the xcb platform) instead of Qt's offscreen platform.
Data and settings go to a temporary folder, never the user's own.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

#: Path of the JSON report the child writes; its presence turns the probe on.
PROBE_ENV = "CARINVOICE_DESK_PROBE"
#: ``window`` (quit after the first paint) or ``recognized`` (quit once the page is shown).
PROBE_UNTIL_ENV = "CARINVOICE_DESK_PROBE_UNTIL"
#: Seconds after which the child gives up, reports ``timed_out`` and quits.
PROBE_TIMEOUT_ENV = "CARINVOICE_DESK_PROBE_TIMEOUT"


def probe_main(argv: Sequence[str]) -> int:
    """Child side: run the desktop program on ``argv`` with the probe watching the window."""
    from PySide6.QtWidgets import QApplication

    # run() reuses an existing QApplication, which lets the probe see the window from the start.
    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "car-invoice-desk"])
    probe = _window_probe(
        app,
        Path(os.environ[PROBE_ENV]),
        until=os.environ.get(PROBE_UNTIL_ENV, "window"),
        timeout=float(os.environ.get(PROBE_TIMEOUT_ENV, "120")),
    )
    from desktop_app.__main__ import main

    code = main(list(argv))
    probe.finish()  # the window may have been closed before the probe saw what it waited for
    return code


def _window_probe(app: Any, report: Path, *, until: str, timeout: float) -> Any:
    """An event filter on ``app`` that reports the main window's first paint and its page.

    Defined here so that importing this module (the parent side) needs no Qt.
    """
    from PySide6.QtCore import QEvent, QObject, QTimer

    class WindowProbe(QObject):
        """Notes when the window first paints and when its page is recognized, then quits."""

        def __init__(self) -> None:
            super().__init__(app)
            self.window: Any = None
            self.facts: dict[str, Any] = {"window_at": None, "recognized_at": None}
            self.facts.update({"timed_out": False, "error": None, "messages": []})
            self.facts["platform"] = app.platformName()
            self._done = False
            app.installEventFilter(self)
            self._poll = QTimer(self, interval=20, timeout=self._check_page)
            self._poll.start()
            QTimer.singleShot(int(timeout * 1000), self._time_out)

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if self.window is None and event.type() == QEvent.Type.Paint:
                top = watched.window() if hasattr(watched, "window") else None
                if top is not None and type(top).__name__ == "MainWindow":
                    self.facts["window_at"] = time.time()
                    self.window = top
                    top.message_bar.message_shown.connect(self._note_message)
                    if until == "window":
                        QTimer.singleShot(0, self.finish)
            return False

        def _note_message(self, level: str, title: str, body: str) -> None:
            self.facts["messages"].append({"level": level, "title": title, "body": body})
            if level == "error" and until == "recognized":
                self.facts["error"] = title
                self.finish()

        def _check_page(self) -> None:
            review = None if self.window is None else self.window.session.current_review
            if review is not None and self.facts["recognized_at"] is None:
                self.facts["recognized_at"] = time.time()
                self.facts["fields"] = {k: v for k, v in review.values().items() if v}
                if until == "recognized":
                    QTimer.singleShot(300, self.finish)  # let the boxes and the panel paint

        def _time_out(self) -> None:
            self.facts["timed_out"] = True
            self.finish()

        def finish(self) -> None:
            """Write the report once and quit the application."""
            if self._done:
                return
            self._done = True
            self._poll.stop()
            app.removeEventFilter(self)
            if self.window is not None:
                self.facts["title"] = self.window.windowTitle()
                self.facts["visible"] = self.window.isVisible()
            self.facts["app_icon"] = _app_icon_path()
            from desktop_app.ui.translator import installed_files

            self.facts["translations"] = installed_files()
            report.write_text(json.dumps(self.facts, ensure_ascii=False), encoding="utf-8")
            app.quit()

    return WindowProbe()


def _app_icon_path() -> str | None:
    """Where the shipped app icon was found (proves the resources work in this build)."""
    from desktop_app import resources

    try:
        return str(resources.app_icon())
    except (OSError, KeyError):
        return None


def _isolated_env(base: dict[str, str], home: Path) -> dict[str, str]:
    """The environment of a child: its own config/data/cache dirs, no keychain, no telemetry."""
    env = dict(base)
    for var, sub in (
        ("XDG_CONFIG_HOME", "config"),
        ("XDG_DATA_HOME", "data"),
        ("XDG_CACHE_HOME", "cache"),
        ("XDG_STATE_HOME", "state"),
    ):
        env[var] = str(home / sub)
    env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
    env["ORT_DISABLE_TELEMETRY"] = "1"
    return env


def run_once(
    command: Sequence[str],
    files: Sequence[str],
    env: dict[str, str],
    *,
    until: str,
    timeout: float,
) -> dict[str, Any]:
    """Start the program once; the child's report with ``window_ms``/``recognized_ms`` added."""
    with tempfile.TemporaryDirectory(prefix="cid-startup-") as tmp:
        report_path = Path(tmp) / "report.json"
        child_env = _isolated_env(env, Path(tmp))
        child_env.update({PROBE_ENV: str(report_path), PROBE_UNTIL_ENV: until})
        child_env[PROBE_TIMEOUT_ENV] = str(timeout)
        started = time.time()
        done = subprocess.run(
            [*command, *files],
            env=child_env,
            capture_output=True,
            text=True,
            timeout=timeout + 30,
            check=False,
        )
        if not report_path.is_file():
            raise RuntimeError(
                f"no report from {command[0]} (exit {done.returncode}): {done.stderr[-2000:]}"
            )
        report = json.loads(report_path.read_text(encoding="utf-8"))
    report["exit_code"] = done.returncode
    for key in ("window", "recognized"):
        at = report.get(f"{key}_at")
        report[f"{key}_ms"] = None if at is None else round((at - started) * 1000, 1)
    return report


def start_xvfb() -> tuple[subprocess.Popen[bytes], str]:
    """A private Xvfb server; returns it and its ``DISPLAY`` value."""
    if shutil.which("Xvfb") is None:
        raise RuntimeError("Xvfb is not installed (apt-get install xvfb)")
    read_end, write_end = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_end), "-screen", "0", "1920x1080x24", "-nolisten", "tcp"],
        pass_fds=(write_end,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_end)
    with os.fdopen(read_end) as pipe:
        number = pipe.readline().strip()
    if not number:
        server.kill()
        raise RuntimeError("Xvfb did not start")
    return server, f":{number}"


def measure(
    command: Sequence[str],
    files: Sequence[str],
    *,
    runs: int = 5,
    xvfb: bool = False,
    until: str = "window",
    timeout: float = 120.0,
) -> dict[str, Any]:
    """``runs`` launches; the medians and every run's figures."""
    env = dict(os.environ)
    server = None
    if xvfb:
        server, display = start_xvfb()
        env.update({"DISPLAY": display, "QT_QPA_PLATFORM": "xcb"})
        env.pop("WAYLAND_DISPLAY", None)
    else:
        env["QT_QPA_PLATFORM"] = "offscreen"
    try:
        reports = [run_once(command, files, env, until=until, timeout=timeout) for _ in range(runs)]
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=10)
    summary: dict[str, Any] = {"runs": reports, "platform": "xvfb" if xvfb else "offscreen"}
    for key in ("window_ms", "recognized_ms"):
        values = [r[key] for r in reports if r.get(key) is not None]
        summary[f"median_{key}"] = (
            statistics.median(values) if len(values) == len(reports) else None
        )
    return summary


def add_parser(sub: Any) -> None:
    """The ``startup`` subcommand on ``python -m desktop_app.bench``'s subparsers."""
    _add_arguments(sub.add_parser("startup", help="time from launch to a usable window"))


def _add_arguments(cmd: argparse.ArgumentParser) -> None:
    cmd.add_argument("files", nargs="*", help="page(s) to open (default: none)")
    cmd.add_argument("--runs", type=int, default=5, help="launches (default 5; median reported)")
    cmd.add_argument("--xvfb", action="store_true", help="run on a private Xvfb display")
    cmd.add_argument(
        "--until",
        choices=("window", "recognized"),
        default="window",
        help="quit after the first paint, or once the page is recognized (needs a file)",
    )
    cmd.add_argument(
        "--command",
        dest="program",  # not "command": the bench's subcommand lives there
        help="program to time, e.g. dist/car-invoice-desk/car-invoice-desk "
        "(default: this source tree through this Python)",
    )
    cmd.add_argument("--timeout", type=float, default=120.0, help="seconds per launch")
    cmd.add_argument("--json", action="store_true", help="print the full result as JSON")


def main(args: Any) -> int:
    """Run the measurement from parsed arguments; exit 1 when a launch did not report."""
    command = (
        [args.program]
        if args.program
        else [sys.executable, "-m", "desktop_app.bench.startup", "--child"]
    )
    if args.until == "recognized" and not args.files:
        print("error: --until recognized needs a page to open", file=sys.stderr)
        return 2
    files = [str(Path(f).resolve()) for f in args.files]
    try:
        result = measure(
            command, files, runs=args.runs, xvfb=args.xvfb, until=args.until, timeout=args.timeout
        )
    except (RuntimeError, subprocess.TimeoutExpired) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=2))
    else:
        for number, run in enumerate(result["runs"], 1):
            print(
                f"run {number}: window {run['window_ms']} ms, recognized {run['recognized_ms']} ms"
            )
        print(
            f"median ({result['platform']}, {args.runs} runs): window "
            f"{result['median_window_ms']} ms, recognized {result['median_recognized_ms']} ms"
        )
    failed = [r for r in result["runs"] if r.get("timed_out") or r.get("error")]
    return 1 if failed else 0


def cli(argv: Sequence[str] | None = None) -> int:
    """``python -m desktop_app.bench.startup``: the measurement, or the child with ``--child``."""
    args = list(sys.argv[1:] if argv is None else argv)
    if args[:1] == ["--child"]:
        return probe_main(args[1:])
    parser = argparse.ArgumentParser(
        prog="python -m desktop_app.bench.startup", description=__doc__
    )
    _add_arguments(parser)
    return main(parser.parse_args(args))


if __name__ == "__main__":
    sys.exit(cli())
