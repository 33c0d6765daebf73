"""The clerk's preferences, kept in a readable JSON file in the user config directory.

Window geometry is the only thing kept in QSettings; secrets live in the OS keychain
(``recognition.cloud.credentials``), never here. Qt-free; could move to ``store``.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path

import platformdirs

from desktop_app.recognition.factory import ENGINES

log = logging.getLogger(__name__)

APP_NAME = "CarInvoiceDesk"
SCHEMA_VERSION = 1
MAX_RECENT = 10


def default_path() -> Path:
    """``preferences.json`` in the platform's user config directory."""
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)) / "preferences.json"


@dataclass
class Preferences:
    """What the settings dialog edits, plus the recent files list."""

    engine: str = "local"
    region: str = "ap-guangzhou"
    endpoint: str = ""
    language: str = "zh"
    recognize_on_open: bool = True
    #: Recognize pages that carry their own text (数电 PDF, OFD, XML) instead of reading it.
    force_ocr: bool = False
    #: An office's choice: Ctrl+Enter approves without each field confirmed (errors and
    #: duplicates still ask).
    approve_page_level: bool = False
    recent_files: list[str] = field(default_factory=list)
    #: Where the last file dialog was left (adding files or a folder).
    open_folder: str = ""
    #: Where the last export went, and in which format.
    export_folder: str = ""
    export_format: str = "xlsx"

    def add_recent(self, path: str | os.PathLike[str]) -> None:
        """Put ``path`` first in the recent files, without duplicates, at most ``MAX_RECENT``."""
        text = str(Path(path).resolve())
        self.recent_files = [text, *(p for p in self.recent_files if p != text)][:MAX_RECENT]


def load_preferences(path: Path | None = None) -> Preferences:
    """The stored preferences; defaults for a missing, unreadable or malformed file."""
    path = path or default_path()
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return Preferences()
    except (OSError, ValueError) as exc:
        log.warning("ignoring unreadable preferences %s: %s", path, exc)
        return Preferences()
    if not isinstance(document, dict):
        return Preferences()
    known = {f.name: f.type for f in fields(Preferences)}
    defaults = asdict(Preferences())
    values = {k: v for k, v in document.items() if k in known and isinstance(v, type(defaults[k]))}
    prefs = Preferences(**values)
    if prefs.engine not in ENGINES:
        prefs.engine = "local"
    return prefs


def save_preferences(prefs: Preferences, path: Path | None = None) -> None:
    """Write atomically (a temp file, then ``os.replace``): a crash never leaves half a file."""
    path = path or default_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    document = {"schema_version": SCHEMA_VERSION, **asdict(prefs)}
    text = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    handle, temp = tempfile.mkstemp(prefix=".preferences-", suffix=".json", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
