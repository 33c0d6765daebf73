"""The keys file (permissions, format) and the sliding-window quota."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from server_fakes import KEYS_TEXT, SECRET_ID, SECRET_KEY, write_keys

from desktop_app.server.keys import DEFAULT_RATE, KeysFileError, load_keys
from desktop_app.server.quota import SlidingWindowQuota

ROOT = Path(__file__).resolve().parents[2]


def test_keys_and_rates_are_read(tmp_path: Path) -> None:
    keys = load_keys(write_keys(tmp_path, KEYS_TEXT + "\n[AKIDdefault]\nsecret_key = 50%off\n"))
    assert keys[SECRET_ID].secret_key == SECRET_KEY and keys[SECRET_ID].rate == 1000
    assert keys["AKIDdefault"].rate == DEFAULT_RATE and keys["AKIDdefault"].secret_key == "50%off"
    assert SECRET_KEY not in repr(keys)


@pytest.mark.skipif(os.name == "nt", reason="POSIX permissions")
@pytest.mark.parametrize("mode", [0o640, 0o604, 0o620, 0o644])
def test_a_file_others_may_read_is_refused(tmp_path: Path, mode: int) -> None:
    with pytest.raises(KeysFileError, match="chmod 600"):
        load_keys(write_keys(tmp_path, mode=mode))


@pytest.mark.parametrize(
    ("text", "match"),
    [
        ("", "no \\[SecretId\\] section"),
        ("[AKID1]\nrate = 5\n", "secret_key is missing"),
        ("[AKID1]\nsecret_key = k\nrate = fast\n", "whole number"),
        ("[AKID1]\nsecret_key = k\nrate = 0\n", "between 1"),
        ("[AKID1]\nsecret_key = k\nsecret_id = x\n", "unknown settings secret_id"),
        ("[AKID1]\nsecret_key = k\n[AKID1]\nsecret_key = j\n", "cannot be read"),
        ("secret_key = k\n", "cannot be read"),
    ],
)
def test_malformed_files_are_refused(tmp_path: Path, text: str, match: str) -> None:
    with pytest.raises(KeysFileError, match=match):
        load_keys(write_keys(tmp_path, text))


def test_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(KeysFileError, match="No such file"):
        load_keys(tmp_path / "absent.ini")


@pytest.mark.skipif(os.name == "nt", reason="POSIX permissions")
def test_serve_refuses_to_start_with_a_readable_keys_file(tmp_path: Path) -> None:
    keys = write_keys(tmp_path, mode=0o644)
    done = subprocess.run(
        [sys.executable, "-m", "desktop_app", "serve", "--keys", str(keys), "--port", "0"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2
    assert "group or others may access it" in done.stderr and SECRET_KEY not in done.stderr


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_the_quota_holds_in_every_one_second_window() -> None:
    clock = Clock()
    quota = SlidingWindowQuota(clock)
    admitted: list[float] = []
    for step in range(400):  # a request every 45 ms: 22/s offered against 5/s
        clock.now = 100.0 + step * 0.045
        if quota.admit("A", 5):
            admitted.append(clock.now)
    for i, start in enumerate(admitted):
        assert sum(1 for t in admitted[i:] if t - start < 1.0) <= 5
    assert len(admitted) >= 5 * 17  # and it does admit the quota: 18 s offered


def test_the_quota_is_per_secret_id_and_refusals_do_not_count() -> None:
    clock = Clock()
    quota = SlidingWindowQuota(clock)
    assert [quota.admit("A", 2) for _ in range(3)] == [True, True, False]
    assert quota.admit("B", 2)
    clock.now += 0.999
    assert not quota.admit("A", 2)
    clock.now += 0.001
    assert [quota.admit("A", 2) for _ in range(3)] == [True, True, False]
