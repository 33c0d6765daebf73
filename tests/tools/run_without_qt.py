"""Run tests/unit (tests/unit/review included) with PySide6 made unimportable, as on a machine that lacks it.

architecture.md: core, documents, recognition, store and review must work without Qt, and
the unit tests must pass without PySide6. A meta-path finder refuses PySide6 and
shiboken6 in a child interpreter, so nothing needs uninstalling.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

BOOTSTRAP = """
import sys
class _NoQt:
    def find_spec(self, name, path=None, target=None):
        if name.split('.')[0] in ('PySide6', 'shiboken6'):
            raise ModuleNotFoundError(f'{name} is blocked: this run checks the Qt-free layers')
        return None
sys.meta_path.insert(0, _NoQt())
import pytest
sys.exit(pytest.main(['-q', '-p', 'no:pytest-qt', '-p', 'no:cacheprovider', 'tests/unit']))
"""


def main() -> int:
    return subprocess.call([sys.executable, "-c", BOOTSTRAP], cwd=ROOT)


if __name__ == "__main__":
    sys.exit(main())
