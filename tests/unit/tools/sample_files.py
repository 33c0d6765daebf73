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


def page_chars(page: Any) -> list[tuple[str, tuple[float, float]]]:
    """Every character of a PyMuPDF page with the centre of its box, in extraction order."""
    out = []
    for block in page.get_text("rawdict")["blocks"]:
        for line in block.get("lines", ()):
            for span in line["spans"]:
                for char in span["chars"]:
                    x0, y0, x1, y1 = char["bbox"]
                    out.append((char["c"], ((x0 + x1) / 2, (y0 + y1) / 2)))
    return out


def text_in(chars: list[tuple[str, tuple[float, float]]], box: tuple[float, ...]) -> str:
    """The characters whose centres lie inside ``box`` (x0, y0, x1, y1), joined."""
    x0, y0, x1, y1 = box
    return "".join(c for c, (x, y) in chars if x0 <= x <= x1 and y0 <= y <= y1)
