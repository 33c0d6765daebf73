"""No display, or Qt's X11 libraries missing: plain words and exit 1, not Qt's xcb abort."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop_app.ui.display import XCB_LIBRARIES, display_problem

REPO = Path(__file__).resolve().parents[2]


def _found(name: str) -> str:
    return f"lib{name}.so"


def test_no_display_is_said_in_both_languages() -> None:
    problem = display_problem({}, "linux", _found)
    assert problem is not None
    assert "No display found" in problem and "没有可用的显示器" in problem
    assert "python -m desktop_app recognize" in problem  # what the user can do instead


def test_the_frozen_build_names_itself_in_the_no_display_message(monkeypatch) -> None:
    monkeypatch.setattr("sys.frozen", True, raising=False)
    monkeypatch.setattr("sys.executable", "/opt/car-invoice-desk/car-invoice-desk")
    problem = display_problem({}, "linux", _found)
    assert problem is not None and "car-invoice-desk recognize FILE / export" in problem
    assert "python -m" not in problem


def test_missing_xcb_libraries_name_the_packages_to_install(monkeypatch) -> None:
    monkeypatch.setattr("desktop_app.ui.display._is_root", lambda: False)
    gone = {"xcb-cursor", "GL"}
    problem = display_problem({"DISPLAY": ":0"}, "linux", lambda n: None if n in gone else n)
    assert problem is not None
    assert "sudo apt-get install libxcb-cursor0 libgl1" in problem
    monkeypatch.setattr("desktop_app.ui.display._is_root", lambda: True)
    as_root = display_problem({"DISPLAY": ":0"}, "linux", lambda n: None if n in gone else n)
    assert "sudo" not in as_root and "apt-get install libxcb-cursor0 libgl1" in as_root


@pytest.mark.parametrize(
    "environ",
    [{"DISPLAY": ":0"}, {"WAYLAND_DISPLAY": "wayland-0"}, {"QT_QPA_PLATFORM": "offscreen"}],
)
def test_a_usable_display_is_no_problem(environ) -> None:
    assert display_problem(environ, "linux", _found) is None
    assert display_problem({}, "darwin", lambda n: None) is None


def test_every_library_has_a_package() -> None:
    assert all(package.startswith("lib") for package in XCB_LIBRARIES.values())


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11/Wayland check")
def test_the_program_without_a_display_exits_1_with_the_sentence() -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.pop("QT_QPA_PLATFORM", None)
    env["PYTHONPATH"] = str(REPO)
    done = subprocess.run(
        [sys.executable, "-m", "desktop_app"], env=env, capture_output=True, timeout=60, check=False
    )
    err = done.stderr.decode("utf-8")
    assert done.returncode == 1
    assert "No display found" in err and "xcb" not in err and "Traceback" not in err
