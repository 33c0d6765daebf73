"""Nothing lost: the real app is killed (SIGKILL) mid-review; a restart shows everything again.

The subprocess runs ``ui.app.run`` itself (``kill_driver.py``): it queues a folder
from the command line, runs the batch, edits, confirms, undoes and approves with the
window's own actions, says READY, and is killed with kill -9. The restarted window
(in this process) must open the same page with the same values without recognizing
anything again.
"""

from __future__ import annotations

import json
import os
import selectors
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PIL import Image, ImageDraw

from desktop_app.core.codec import dumps_response
from desktop_app.core.model import RecognitionResult, RecognizedField
from desktop_app.review.preferences import Preferences
from desktop_app.store import PageStatus
from desktop_app.ui.app import build_window

DRIVER = Path(__file__).with_name("kill_driver.py")
REPO = Path(__file__).resolve().parents[2]


def _box(x: int, y: int, w: int, h: int) -> tuple:
    return ((x, y), (x + w, y), (x + w, y + h), (x, y + h))


ANSWER = RecognitionResult(
    fields=(
        RecognizedField("发票代码", "153001720011", _box(400, 30, 150, 20)),
        RecognizedField("发票号码", "00012345", _box(400, 60, 100, 20)),
        RecognizedField("开票日期", "2017-07-31", _box(400, 90, 100, 20)),
        RecognizedField("价税合计(小写)", "¥40000.00", _box(360, 200, 120, 20)),
    ),
    request_id="kill-test",
)


class CountingBackend:
    name = "local"

    def __init__(self) -> None:
        self.calls = 0

    def recognize(self, page, *, cancel=None):
        self.calls += 1
        return ANSWER


def _read_ready(process: subprocess.Popen, timeout: float) -> dict:
    """The READY line's state, waiting at most ``timeout`` seconds for it."""
    selector = selectors.DefaultSelector()
    selector.register(process.stdout, selectors.EVENT_READ)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not selector.select(max(0.0, deadline - time.monotonic())):
            break
        line = process.stdout.readline()
        if not line:
            break
        if line.startswith("READY "):
            return json.loads(line[len("READY ") :])
    process.kill()
    _, errors = process.communicate(timeout=10)
    pytest.fail(f"the app did not get ready:\n{errors}")


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    folder = tmp_path / "scans"
    folder.mkdir()
    for number in range(3):
        image = Image.new("RGB", (600, 300), "white")
        ImageDraw.Draw(image).text((20, 20), f"invoice {number}", fill="black")
        image.save(folder / f"invoice-{number}.png")
    return folder


def test_kill_9_mid_review_then_restart_restores_everything(qtbot, tmp_path, folder) -> None:
    answer = tmp_path / "answer.json"
    answer.write_text(dumps_response(ANSWER), encoding="utf-8")
    database = tmp_path / "review.sqlite3"
    env = dict(os.environ, CARINVOICEDESK_DATABASE=str(database), QT_QPA_PLATFORM="offscreen")
    env["PYTHONPATH"] = str(REPO) + os.pathsep + env.get("PYTHONPATH", "")
    process = subprocess.Popen(
        [sys.executable, str(DRIVER), str(answer), str(folder)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        cwd=tmp_path,
    )
    try:
        state = _read_ready(process, timeout=30)
    finally:
        if process.poll() is None:
            os.kill(process.pid, signal.SIGKILL)
        process.wait(timeout=10)
        process.stdout.close()
        process.stderr.close()
    assert process.returncode == -signal.SIGKILL
    first, second, third = state["pages"]
    assert state["current"] == second

    backend = CountingBackend()
    window = build_window(
        Preferences(),
        backend=backend,
        preferences_path=tmp_path / "preferences.json",
        store_path=database,
        remember_geometry=False,
    )
    qtbot.addWidget(window)
    session = window.session
    qtbot.waitUntil(lambda: session.current_review is not None, timeout=10000)
    assert session.queue.page(session.current).id == second
    review = session.current_review
    assert review.field("开票日期").value == "2017-08-01"
    assert review.field("开票日期").confirmed
    assert review.field("发票号码").value == "00012345"  # the undo was saved too
    assert window.view.box("开票日期") is not None
    store = session.store
    assert store.page(first).status is PageStatus.APPROVED
    assert store.values(first)["发票号码"] == "11111111"
    assert {v.name for v in store.field_values(first) if v.confirmed} == {"发票代码"}
    assert store.page(third).status is PageStatus.NEEDS_REVIEW
    assert window.queue_panel.counter.text() == "还剩 2 张待审"
    assert backend.calls == 0  # nothing recognized again
    window.close()
