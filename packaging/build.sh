#!/usr/bin/env bash
# Build CarInvoice Desk as a one-folder application with PyInstaller, then smoke-test it.
#
#   packaging/build.sh                    # fresh venv in build/venv (recommended, reproducible)
#   packaging/build.sh --current-env      # use the python3 on PATH as it is (faster, dirtier)
#   packaging/build.sh --no-smoke         # build only
#   packaging/build.sh --smoke-only       # smoke-test an existing dist/car-invoice-desk
#   PYTHON=python3.12 packaging/build.sh  # interpreter for the venv (default python3)
#
# Result: dist/car-invoice-desk/ (executable car-invoice-desk, _internal/, share/ with the
# .desktop file, the icon and install-desktop-entry.sh). Run from anywhere; paths are
# relative to the repository root. The smoke test is packaging/smoke_test.py.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
NAME=car-invoice-desk
PYINSTALLER_SPEC='pyinstaller>=6.10,<7'
# The offline engine (rapidocr, onnxruntime, OpenCV, zxing-cpp) comes with the project's own
# dependencies (pyproject.toml); the `samples` extra (segno) lets the smoke test generate the
# 数电 e-invoice it reads. segno is never imported by the program, so it is not bundled.
use_current=0
smoke=1
build=1

while [ $# -gt 0 ]; do
    case "$1" in
        --current-env) use_current=1 ;;
        --no-smoke) smoke=0 ;;
        --smoke-only) build=0 ;;
        -h|--help) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "unknown option: $1" >&2; exit 2 ;;
    esac
    shift
done

cd "$ROOT"
dist="$ROOT/dist/$NAME"

if [ "$use_current" = 1 ]; then
    py="${PYTHON:-python3}"
else
    py="$ROOT/build/venv/bin/python"
fi

if [ "$build" = 1 ]; then
    t0=$(date +%s)
    if [ "$use_current" = 0 ]; then
        if [ ! -x "$py" ]; then
            echo "== creating build/venv"
            "${PYTHON:-python3}" -m venv "$ROOT/build/venv"
        fi
        "$py" -m pip install --quiet --upgrade pip
    fi
    prefix="$("$py" -c 'import sys; print(sys.prefix)')"
    if [ "$use_current" = 0 ]; then
        echo "== installing the project (with its offline engine) and PyInstaller into $prefix"
        "$py" -m pip install --quiet "$ROOT[samples]" "$PYINSTALLER_SPEC"
    else
        # The spec builds from the source tree (pathex), so an editable install stays as it is;
        # only what the build itself needs is added when missing.
        echo "== checking PyInstaller in $prefix"
        "$py" -m pip install --quiet "$PYINSTALLER_SPEC"
    fi
    t1=$(date +%s)
    echo "== icons (.ico/.icns for the spec, PNG sizes for icon themes) into build/icons"
    "$py" "$ROOT/packaging/make_icons.py" "$ROOT/build/icons"
    echo "== PyInstaller"
    "$py" -m PyInstaller --noconfirm --clean --log-level WARN \
        --distpath "$ROOT/dist" --workpath "$ROOT/build/pyinstaller" \
        "$ROOT/packaging/$NAME.spec"
    # Desktop integration next to the binary (not in _internal/): see share/install-desktop-entry.sh.
    install -D -m 0644 "$ROOT/resources/$NAME.desktop" "$dist/share/applications/$NAME.desktop"
    install -D -m 0644 "$ROOT/desktop_app/assets/icons/$NAME.svg" \
        "$dist/share/icons/hicolor/scalable/apps/$NAME.svg"
    cp -r "$ROOT/build/icons/hicolor" "$dist/share/icons/"
    install -D -m 0755 "$ROOT/packaging/install-desktop-entry.sh" "$dist/share/install-desktop-entry.sh"
    install -m 0644 "$ROOT/LICENSE" "$dist/LICENSE"
    t2=$(date +%s)
    echo "== built $dist"
    echo "   install step $((t1 - t0)) s, PyInstaller $((t2 - t1)) s, total $((t2 - t0)) s"
    echo "   size $(du -sh "$dist" | cut -f1) ($(find "$dist" -type f | wc -l) files)"
fi

if [ "$smoke" = 1 ]; then
    [ -x "$dist/$NAME" ] || { echo "error: $dist/$NAME not built" >&2; exit 1; }
    [ -x "$py" ] || py="${PYTHON:-python3}"  # --smoke-only without a build venv
    echo "== smoke test"
    # The smoke test draws a synthetic page with Pillow when ../shared is absent, so it runs
    # with a Python that has the project's dependencies (the build venv or this env).
    # With Xvfb installed the window is also opened through the xcb plugin, as on a desktop.
    xvfb=(); command -v Xvfb >/dev/null && xvfb=(--xvfb)
    "$py" "$ROOT/packaging/smoke_test.py" "$dist/$NAME" "${xvfb[@]}"
fi
