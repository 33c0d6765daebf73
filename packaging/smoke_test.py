"""Smoke test of a built CarInvoice Desk: it starts, reads pages offline, exactly, and shows one.

``python3 packaging/smoke_test.py dist/car-invoice-desk/car-invoice-desk [PAGE] [--xvfb]``

1. ``car-invoice-desk --version`` answers;
2. ``car-invoice-desk recognize PAGE --engine local`` (an image: the OCR runtime, its
   models and zxing-cpp inside the bundle) prints a CarInvoiceOCR answer whose values
   equal the page's truth, with the network cut off (``unshare -n``) where possible;
3. ``car-invoice-desk recognize`` of a generated 数电 e-invoice PDF and its OFD twin (the
   PDF and OFD text readers inside the bundle): every value equal to the generator's truth;
4. ``car-invoice-desk PAGE`` opens the window on Qt's offscreen platform (and, with
   ``--xvfb``, again on a private Xvfb display through the xcb plugin), which paints,
   recognizes the page with the local engine, finds its icons and its Chinese catalogs
   inside the bundle and quits by itself (the probe of :mod:`desktop_app.bench.startup`,
   switched on by ``CARINVOICE_DESK_PROBE``); the fields shown equal the truth.

PAGE defaults to ../shared/datasets/dev/motor_000_clean.png when present, else a synthetic
invoice drawn by ``tests/unit/local/synthetic_page.py`` (needs a CJK font). A PAGE's truth is
the CarInvoiceOCR JSON beside it (``PAGE`` with ``.json``); a PAGE without one is held to
the fill count only. The system ``python3`` has neither Pillow nor segno: the synthetic page
and the e-invoice are made by the first of this Python, ``build/venv`` and ``.venv`` that can
import what they need (``packaging/build.sh`` installs the project with its ``samples``
extra into ``build/venv``). Every run uses a temporary HOME/XDG tree, a failing keyring and
no cloud keys, so a clerk's settings and review data are never touched.
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
#: Catalogs the window must load from inside the bundle (Chinese interface).
CATALOGS = ("car_invoice_desk_zh_CN.qm", "qtbase_zh_CN.qm")

#: Draws the synthetic page and prints its values (the truth) as JSON.
_DRAW = """
import json, sys
sys.path.insert(0, sys.argv[1])
from tests.unit.local.synthetic_page import VALUES, cjk_font_path, render_motor_page
font = cjk_font_path()
if font is None:
    raise SystemExit("no CJK font for the synthetic page; pass PAGE or install one")
open(sys.argv[2], "wb").write(render_motor_page(font).data)
print(json.dumps(VALUES, ensure_ascii=False))
"""
#: Writes one motor e-invoice as PDF and OFD with its truth (the project's own generator).
_EINVOICE = """
import sys
sys.path.insert(0, sys.argv[1])
from desktop_app.tools.einvoice_samples.__main__ import main
sys.exit(main([sys.argv[2], "--count", "1", "--seed", "1", "--forms", "motor", "--formats", "pdf,ofd"]))
"""

Truth = dict[str, str]


def helper_python(modules: str) -> Path:
    """The first Python of this one, ``build/venv`` and ``.venv`` that imports ``modules``."""
    candidates = [Path(sys.executable), ROOT / "build/venv/bin/python", ROOT / ".venv/bin/python"]
    for python in candidates:
        if not python.is_file():
            continue
        probe = subprocess.run(
            [str(python), "-c", f"import {modules}"], capture_output=True, check=False
        )
        if probe.returncode == 0:
            return python
    raise SystemExit(
        f"no Python that imports {modules} (tried {', '.join(map(str, candidates))}): run "
        "packaging/build.sh first (it makes build/venv), or this script with the project's venv"
    )


def _run_helper(python: Path, script: str, *args: str) -> str:
    done = subprocess.run(
        [str(python), "-c", script, str(ROOT), *args], capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        raise SystemExit(f"{python}: {(done.stderr.strip().splitlines() or ['failed'])[-1]}")
    return done.stdout


def synthetic_page(folder: Path) -> tuple[Path, Truth]:
    """Draw the synthetic motor invoice of the local engine's tests; the page and its truth."""
    out = folder / "synthetic_motor.png"
    values = _run_helper(helper_python("PIL"), _DRAW, str(out))
    return out, json.loads(values)


def einvoices(folder: Path) -> list[tuple[Path, Truth]]:
    """A generated 数电 motor e-invoice as PDF and OFD, each with the generator's truth."""
    out = folder / "einvoice"
    _run_helper(helper_python("segno, PIL"), _EINVOICE, str(out))
    files = sorted(out.glob("*.pdf")) + sorted(out.glob("*.ofd"))
    return [(path, file_truth(path.with_suffix(".json"))) for path in files]


def file_truth(path: Path) -> Truth:
    """The field values of a CarInvoiceOCR answer file."""
    infos = json.loads(path.read_text(encoding="utf-8"))["Response"]["CarInvoiceInfos"]
    return {info["Name"]: info["Value"] for info in infos}


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
        CARINVOICE_LANG="zh",
    )
    for var in ("TENCENTCLOUD_SECRET_ID", "TENCENTCLOUD_SECRET_KEY", "DISPLAY", "WAYLAND_DISPLAY"):
        env.pop(var, None)
    return env


def check_values(got: Truth, truth: Truth | None, *, shown_only: bool = False) -> str | None:
    """What is wrong with the values read, or None.

    With a truth every value must equal it (``shown_only``: the window reports only the
    filled fields, so an empty truth value is met by an absent field); without one the
    fields of ``MUST_FILL`` and at least ``MIN_FILLED`` fields must be filled.
    """
    if truth is not None:
        wrong = {
            name: (got.get(name, "") if shown_only else got.get(name), want)
            for name, want in truth.items()
            if (got.get(name, "") if shown_only else got.get(name)) != want
        }
        return (
            f"{len(wrong)} of {len(truth)} values differ (got, truth): {wrong}" if wrong else None
        )
    filled = {name: value for name, value in got.items() if value}
    missing = [name for name in MUST_FILL if not filled.get(name)]
    if missing or len(filled) < MIN_FILLED:
        return f"{len(filled)} fields filled, missing {missing}"
    return None


def check_recognize(
    binary: Path, page: Path, truth: Truth | None, env: dict[str, str], offline: list[str]
) -> str:
    """``recognize`` of one file; returns the line to print, raises AssertionError on failure."""
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
    infos = json.loads(done.stdout.decode("utf-8"))["Response"]["CarInvoiceInfos"]
    got = {info["Name"]: info["Value"] for info in infos}
    problem = check_values(got, truth)
    assert problem is None, f"recognize {page.name}: {problem}"
    filled = sum(1 for value in got.values() if value)
    how = f"all {len(truth)} values equal to the truth" if truth else "no truth to compare"
    where = "network cut off" if offline else "network NOT cut off (no unshare)"
    return f"recognize {page.name}: {filled}/{len(infos)} filled, {how}, {seconds:.1f} s ({where})"


def check_window(
    binary: Path, page: Path, truth: Truth | None, env: dict[str, str], offline: list[str]
) -> str:
    """The window step; returns the line to print, raises AssertionError on failure."""
    report_path = Path(env["HOME"]) / "probe.json"
    report_path.unlink(missing_ok=True)
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
    catalogs = report.get("translations", [])
    for name in CATALOGS:
        found = [c for c in catalogs if Path(c).name == name and c.startswith(str(binary.parent))]
        assert found, f"window: {name} not loaded from the bundle: {catalogs}"
    problem = check_values(report.get("fields", {}), truth, shown_only=True)
    assert problem is None, f"window: {problem}"
    window_ms = (report["window_at"] - started) * 1000
    recognized_ms = (report["recognized_at"] - started) * 1000
    return (
        f"window: painted after {window_ms:.0f} ms on {report['platform']}, page recognized "
        f"after {recognized_ms:.0f} ms, {len(report['fields'])} fields shown"
        f"{' (equal to the truth)' if truth else ''}, title {report['title']!r}, "
        f"icons and {len(catalogs)} catalogs from {binary.parent}"
    )


def start_xvfb() -> tuple[subprocess.Popen[bytes], str]:
    """A private Xvfb server (no TCP); returns it and its ``DISPLAY`` value."""
    if shutil.which("Xvfb") is None:
        raise SystemExit("--xvfb: Xvfb is not installed (apt-get install xvfb)")
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
        raise SystemExit("--xvfb: Xvfb did not start")
    return server, f":{number}"


def fresh(folder: Path) -> Path:
    """``folder``, made empty."""
    folder.mkdir(parents=True)
    return folder


def run_checks(binary: Path, page: Path, truth: Truth | None, home: Path, xvfb: bool) -> None:
    """Every check in order, one ``ok`` line each; raises AssertionError at the first failure."""
    env = child_env(home)
    offline = offline_prefix()
    version = subprocess.run(
        [str(binary), "--version"], env=env, capture_output=True, text=True, timeout=60
    )
    assert version.returncode == 0, f"--version exit {version.returncode}"
    print(f"ok  version: {version.stdout.strip()}")
    print("ok  " + check_recognize(binary, page, truth, env, offline))
    for einvoice, einvoice_truth in einvoices(home):
        print("ok  " + check_recognize(binary, einvoice, einvoice_truth, env, offline))
    # Each window gets a HOME of its own: a second one must recognize the page, not find
    # the first one's answer in the review store.
    print("ok  " + check_window(binary, page, truth, child_env(fresh(home / "offscreen")), offline))
    if xvfb:
        server, display = start_xvfb()
        try:
            # The X server is reached through its socket in /tmp, which a new network
            # namespace still sees (abstract sockets would not be), so the window stays offline.
            xcb_env = dict(child_env(fresh(home / "xcb")), DISPLAY=display, QT_QPA_PLATFORM="xcb")
            print("ok  " + check_window(binary, page, truth, xcb_env, offline))
        finally:
            server.terminate()
            server.wait(timeout=10)


def main() -> int:
    """Run the checks; 0 when all pass."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("binary", type=Path, help="the built car-invoice-desk executable")
    parser.add_argument("page", type=Path, nargs="?", help="invoice image page to recognize")
    parser.add_argument(
        "--xvfb", action="store_true", help="open the window on a private Xvfb display too"
    )
    args = parser.parse_args()
    binary = args.binary.resolve()
    with tempfile.TemporaryDirectory(prefix="cid-smoke-") as tmp:
        home = Path(tmp)
        page = args.page or (SHARED_PAGE if SHARED_PAGE.is_file() else None)
        if page is None:
            page, truth = synthetic_page(home)
        else:
            beside = page.with_suffix(".json")
            truth = file_truth(beside) if beside.is_file() else None
        page = page.resolve()
        print(f"smoke test of {binary} on {page}")
        try:
            run_checks(binary, page, truth, home, args.xvfb)
        except (AssertionError, subprocess.TimeoutExpired) as failure:
            print(f"FAIL {failure}")
            return 1
    print("smoke test passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
