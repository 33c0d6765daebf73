"""Every module of the review model imports with Qt made unimportable.

``run_without_qt`` runs these tests without PySide6 as well; this test keeps the
promise checked in the ordinary run, where PySide6 is installed and an import of it
would otherwise go unnoticed.
"""

from __future__ import annotations

import pkgutil
import subprocess
import sys
from pathlib import Path

import desktop_app.review

_BLOCK_QT = """
import importlib, sys
class _NoQt:
    def find_spec(self, name, path=None, target=None):
        if name.split('.')[0] in ('PySide6', 'shiboken6'):
            raise ModuleNotFoundError(name + ' is blocked')
sys.meta_path.insert(0, _NoQt())
for module in sys.argv[1:]:
    importlib.import_module(module)
"""


def review_modules() -> list[str]:
    """Every module of ``desktop_app.review``, found on disk (a new one is covered too)."""
    return [
        f"desktop_app.review.{info.name}"
        for info in pkgutil.iter_modules(desktop_app.review.__path__)
    ]


def test_the_package_lists_its_modules() -> None:
    assert "desktop_app.review.review_state" in review_modules()
    assert len(review_modules()) >= 10


def test_models_import_without_qt() -> None:
    root = Path(__file__).resolve().parents[3]
    done = subprocess.run(
        [sys.executable, "-c", _BLOCK_QT, *review_modules()],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
