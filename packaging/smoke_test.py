"""Smoke test of a built CarInvoice Desk: it starts, recognizes a page offline, shows it.

``python packaging/smoke_test.py dist/car-invoice-desk/car-invoice-desk [PAGE]``

1. ``car-invoice-desk --version`` answers;
2. ``car-invoice-desk recognize PAGE --engine local`` prints a CarInvoiceOCR answer with
   the invoice's fields filled, with the network cut off (``unshare -n``) where possible;
3. ``car-invoice-desk PAGE`` opens the window on Qt's offscreen platform, which paints,
   recognizes the page with the local engine, finds its icons inside the bundle
   (``desktop_app.resources``) and quits by itself (the probe of
   :mod:`desktop_app.bench.startup`, switched on by ``CARINVOICE_DESK_PROBE``).

PAGE defaults to ../shared/datasets/dev/motor_000_clean.png when present, else a synthetic
invoice drawn by ``tests/unit/local/synthetic_page.py`` (needs a CJK font). Every run uses
a temporary HOME/XDG tree, so the user's settings and review data are never touched.
Exit code 0 when all checks pass; each check prints one line.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED_PAGE = ROOT.parent / "shared" / "datasets" / "dev" / "motor_000_clean.png"
#: Fields that a correct recognition of the page must fill (the generator and the dev page have them).
MUST_FILL = ("发票代码", "发票号码", "开票日期", "车辆识别代号/车架号码", "价税合计(小写)")
MIN_FILLED = 10


#: Draws the synthetic page; run by a Python that has Pillow (this one, or a venv's).
_DRAW = """
import sys
sys.path.insert(0, sys.argv[1])
from tests.unit.local.synthetic_page import cjk_font_path, render_motor_page
font = cjk_font_path()
if font is None:
    raise SystemExit("no CJK font for the synthetic page; pass PAGE or install one")
open(sys.argv[2], "wb").write(render_motor_page(font).data)
"""


def synthetic_page(folder: Path) -> Path:
    """Draw the synthetic motor invoice of the local engine's tests into ``folder``.

    The system ``python3`` the packaging README uses has no Pillow: then the build's
    venv (``build/venv``) or the checkout's ``.venv`` draws it.
    """
    out = folder / "synthetic_motor.png"
    candidates = [sys.executable, ROOT / "build/venv/bin/python", ROOT / ".venv/bin/python"]
    for python in candidates:
        if not Path(python).is_file():
            continue
        has_pillow = subprocess.run(
            [str(python), "-c", "import PIL"], capture_output=True, check=False
        )
        if has_pillow.returncode != 0:
            continue
        drawn = subprocess.run(
            [str(python), "-c", _DRAW, str(ROOT), str(out)], capture_output=True, check=False
        )
        if drawn.returncode != 0:
            raise SystemExit(drawn.stderr.decode(errors="replace").strip().splitlines()[-1])
        return out
    raise SystemExit(
        "no Python with Pillow to draw the synthetic page: pass PAGE, or run "
        "packaging/build.sh first (it makes build/venv)"
    )


def offline_prefix() -> list[str]:
    """``unshare -n`` (no network) when this user may make a network namespace, else nothing."""
    unshare = shutil.which("unshare")
    if unshare is None:
        return []
    for prefix in ([unshare, "-n"], [unshare, "-rn"]):
        if subprocess.run([*prefix, "true"], capture_output=True, check=False).returncode == 0:
            return prefix
    return []


def child_env(home: Path) -> dict[str, str]:
    """A private HOME/XDG tree, the offscreen platform, no keychain, no telemetry."""
    env = dict(os.environ)
    env.update(
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / ".config"),
        XDG_DATA_HOME=str(home / ".local/share"),
        XDG_CACHE_HOME=str(home / ".cache"),
        QT_QPA_PLATFORM="offscreen",
        PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring",
        ORT_DISABLE_TELEMETRY="1",
    )
    for var in ("TENCENTCLOUD_SECRET_ID", "TENCENTCLOUD_SECRET_KEY", "DISPLAY", "WAYLAND_DISPLAY"):
        env.pop(var, None)
    return env


def check_fields(filled: dict[str, str]) -> str | None:
    """What is wrong with the recognized fields, or None."""
    missing = [name for name in MUST_FILL if not filled.get(name)]
    if missing or len(filled) < MIN_FILLED:
        return f"{len(filled)} fields filled, missing {missing}"
    return None


def check_recognize(binary: Path, page: Path, env: dict[str, str], offline: list[str]) -> str:
    """Step 2; returns the line to print, raises AssertionError on failure."""
    started = time.monotonic()
    done = subprocess.run(
        [*offline, str(binary), "recognize", str(page), "--engine", "local"],
        env=env,
        capture_output=True,
        timeout=300,
        check=False,
    )
    seconds = time.monotonic() - started
    assert done.returncode == 0, f"recognize exit {done.returncode}: {done.stderr.decode()[-1500:]}"
    answer = json.loads(done.stdout.decode("utf-8"))
    infos = answer["Response"]["CarInvoiceInfos"]
    filled = {i["Name"]: i["Value"] for i in infos if i["Value"]}
    problem = check_fields(filled)
    assert problem is None, f"recognize: {problem}"
    where = "network cut off" if offline else "network NOT cut off (no unshare)"
    return f"recognize: {len(filled)}/{len(infos)} fields filled in {seconds:.1f} s ({where})"


def check_window(binary: Path, page: Path, env: dict[str, str], offline: list[str]) -> str:
    """Step 3; returns the line to print, raises AssertionError on failure."""
    report_path = Path(env["HOME"]) / "probe.json"
    probe_env = dict(env)
    probe_env.update(
        CARINVOICE_DESK_PROBE=str(report_path),
        CARINVOICE_DESK_PROBE_UNTIL="recognized",
        CARINVOICE_DESK_PROBE_TIMEOUT="240",
    )
    started = time.time()
    done = subprocess.run(
        [*offline, str(binary), str(page)], env=probe_env, capture_output=True, timeout=300
    )
    assert report_path.is_file(), f"window: no report (exit {done.returncode}): {done.stderr!r}"
    report = json.loads(report_path.read_text(encoding="utf-8"))
    assert done.returncode == 0, f"window: exit {done.returncode}"
    assert not report["timed_out"], f"window: timed out: {report}"
    assert report["error"] is None, f"window: error message: {report['messages']}"
    assert report["window_at"] and report["visible"], f"window: never painted: {report}"
    assert page.name in report.get("title", ""), f"window: title {report.get('title')!r}"
    icon = report.get("app_icon") or ""
    assert icon.startswith(str(binary.parent)), f"window: app icon not in the bundle: {icon!r}"
    problem = check_fields(report.get("fields", {}))
    assert problem is None, f"window: {problem}"
    window_ms = (report["window_at"] - started) * 1000
    recognized_ms = (report["recognized_at"] - started) * 1000
    return (
        f"window: painted after {window_ms:.0f} ms on {report['platform']}, page recognized "
        f"after {recognized_ms:.0f} ms, {len(report['fields'])} fields shown, "
        f"title {report['title']!r}, icons from {Path(icon).parent}"
    )


def main() -> int:
    """Run the three checks; 0 when all pass."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("binary", type=Path, help="the built car-invoice-desk executable")
    parser.add_argument("page", type=Path, nargs="?", help="invoice page to recognize")
    args = parser.parse_args()
    binary = args.binary.resolve()
    offline = offline_prefix()
    with tempfile.TemporaryDirectory(prefix="cid-smoke-") as tmp:
        home = Path(tmp)
        env = child_env(home)
        page = args.page or (SHARED_PAGE if SHARED_PAGE.is_file() else synthetic_page(home))
        page = page.resolve()
        print(f"smoke test of {binary} on {page}")
        version = subprocess.run(
            [str(binary), "--version"], env=env, capture_output=True, text=True, timeout=60
        )
        try:
            assert version.returncode == 0, f"--version exit {version.returncode}"
            print(f"ok  version: {version.stdout.strip()}")
            print("ok  " + check_recognize(binary, page, env, offline))
            print("ok  " + check_window(binary, page, env, offline))
        except (AssertionError, subprocess.TimeoutExpired) as failure:
            print(f"FAIL {failure}")
            return 1
    print("smoke test passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
