"""Bilingual text for messages that reach a clerk from below the UI layer.

The Qt layer translates its own strings with ``tr()``; messages built in core,
documents and recognition (check results, error advice) carry both languages
so the UI can pick one without these layers knowing about Qt.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Language = Literal["zh", "en"]
LANGUAGES: tuple[Language, ...] = ("zh", "en")
DEFAULT_LANGUAGE: Language = "zh"


@dataclass(frozen=True)
class LocalizedText:
    """A sentence in Chinese (the interface's first language) and English."""

    zh: str
    en: str

    def get(self, language: str = DEFAULT_LANGUAGE) -> str:
        """The text in ``language``; Chinese for anything but ``"en"``."""
        return self.en if language.lower().startswith("en") else self.zh

    def format(self, **values: object) -> LocalizedText:
        """Both sentences with ``str.format`` placeholders filled in."""
        return LocalizedText(self.zh.format(**values), self.en.format(**values))

    def __str__(self) -> str:
        return self.zh
