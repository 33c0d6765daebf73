"""One window per database, tried with real processes: a second start hands its file over.

The first ``python -m desktop_app`` holds the database's lock and listens; a second
start on the same database sends its file and exits 0; the first queues it. SIGTERM
then closes the first window within 5 s, its lock released. ``export`` works beside it.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PIL import Image

from desktop_app.store import open_store
from desktop_app.store.lock import DatabaseLock

REPO = Path(__file__).resolve().parents[2]


def _env(database: Path) -> dict[str, str]:
    config = Path(os.environ["XDG_CONFIG_HOME"]) / "CarInvoiceDesk"
    config.mkdir(parents=True, exist_ok=True)
    # The cloud engine without keys: no OCR models to load, a start in a second or two.
    prefs = {"engine": "cloud", "recognize_on_open": False}
    (config / "preferences.json").write_text(json.dumps(prefs), encoding="utf-8")
    env = dict(os.environ, CARINVOICEDESK_DATABASE=str(database), QT_QPA_PLATFORM="offscreen")
    env["PYTHONPATH"] = str(REPO) + os.pathsep + env.get("PYTHONPATH", "")
    return env


def _wait_for(condition, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.1)
    pytest.fail(f"timed out waiting for {what}")


def _queued(database: Path) -> list[str]:
    with open_store(database, recover=False) as store:
        return [d.path.name for d in store.documents()]


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
def test_a_second_start_hands_its_file_to_the_running_window(tmp_path: Path) -> None:
    database = tmp_path / "review.sqlite3"
    page = tmp_path / "second.png"
    Image.new("RGB", (300, 200), "white").save(page)
    env = _env(database)
    first = subprocess.Popen(
        [sys.executable, "-m", "desktop_app"], env=env, cwd=tmp_path, stderr=subprocess.PIPE
    )
    try:
        lock = DatabaseLock(database)
        _wait_for(lambda: f" {first.pid}" in lock.holder(), 60, "the first window's lock")
        assert not lock.acquire()  # held by the live first window
        second = subprocess.run(
            [sys.executable, "-m", "desktop_app", str(page)],
            env=env,
            cwd=tmp_path,
            capture_output=True,
            timeout=60,
            check=False,
        )
        assert second.returncode == 0, second.stderr.decode()
        _wait_for(lambda: _queued(database) == ["second.png"], 20, "the handed-over file")
        export = subprocess.run(  # a read-only command beside the running window
            [sys.executable, "-m", "desktop_app", "export", "--format", "csv", "out.csv"],
            env=env,
            cwd=tmp_path,
            capture_output=True,
            timeout=60,
            check=False,
        )
        assert export.returncode == 1 and b"Traceback" not in export.stderr  # nothing approved
        stopped = time.monotonic()
        first.send_signal(signal.SIGTERM)
        code = first.wait(timeout=15)
        assert time.monotonic() - stopped < 5.0
        assert code == 0, first.stderr.read().decode() if first.stderr else ""
    finally:
        if first.poll() is None:
            first.kill()
            first.wait(10)
        if first.stderr:
            first.stderr.close()
    with DatabaseLock(database) as after:
        assert after.acquire()  # released with the window
