"""Reading a generated sample folder in the generator's tests."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any


def manifest(folder: Path, fmt: str | None = None) -> list[dict[str, Any]]:
    """The manifest entries of ``folder`` (of format ``fmt`` only, when given)."""
    entries = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    return [e for e in entries if fmt is None or e["format"] == fmt]


def truth_infos(folder: Path, entry: dict[str, Any]) -> list[dict[str, Any]]:
    data = json.loads((folder / entry["truth"]).read_text(encoding="utf-8"))
    return data["Response"]["CarInvoiceInfos"]


def printed(name: str, value: str) -> str:
    """What the page prints for a truth value (the date as 2025年03月18日)."""
    if name == "开票日期":
        year, month, day = value.split("-")
        return f"{year}年{month}月{day}日"
    return value
