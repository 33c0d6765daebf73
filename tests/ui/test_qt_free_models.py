"""The review model and its helpers import without Qt, so they can move to core or store."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

QT_FREE = (
    "desktop_app.ui.review_state",
    "desktop_app.ui.queue_snapshot",
    "desktop_app.ui.stored_review",
    "desktop_app.ui.queue_intake",
    "desktop_app.ui.preferences",
    "desktop_app.ui.file_collector",
    "desktop_app.ui.recognition_worker",
    "desktop_app.ui.recognition_job",
    "desktop_app.ui.connection_check",
)

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


def test_models_import_without_qt() -> None:
    root = Path(__file__).resolve().parents[2]
    done = subprocess.run(
        [sys.executable, "-c", _BLOCK_QT, *QT_FREE],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
