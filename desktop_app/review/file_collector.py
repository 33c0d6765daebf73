"""What to open from what the clerk dropped or chose: files as given, folders expanded."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from desktop_app.core.text import LocalizedText
from desktop_app.documents.formats import is_supported_path

#: A dropped folder with more files than this is refused rather than opened blindly.
MAX_FILES_PER_FOLDER = 500


def collect_files(paths: Iterable[str | Path]) -> tuple[list[Path], list[LocalizedText]]:
    """Files to open, in order, and notes about folders that gave nothing.

    A file is kept whatever its extension (the opener sniffs the content and
    explains a refusal); a folder contributes its supported files, sorted by name,
    subfolders included.
    """
    files: list[Path] = []
    problems: list[LocalizedText] = []
    for raw in paths:
        path = Path(raw)
        if not path.is_dir():
            files.append(path)
            continue
        found = sorted(
            (p for p in path.rglob("*") if p.is_file() and is_supported_path(p)),
            key=lambda p: str(p).lower(),
        )
        if not found:
            problems.append(
                LocalizedText(
                    f"文件夹“{path.name}”中没有可打开的发票文件（PDF 或图片）。",
                    f"The folder “{path.name}” holds no invoice files (PDF or images).",
                )
            )
        elif len(found) > MAX_FILES_PER_FOLDER:
            problems.append(
                LocalizedText(
                    f"文件夹“{path.name}”中有 {len(found)} 个文件，超过一次 {MAX_FILES_PER_FOLDER} 个的上限；"
                    "请分批打开。",
                    f"The folder “{path.name}” holds {len(found)} files, more than "
                    f"{MAX_FILES_PER_FOLDER} at once; open it in parts.",
                )
            )
        else:
            files.extend(found)
    return files, problems
