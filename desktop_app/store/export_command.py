"""The body of ``python -m desktop_app export --format csv|csv-excel|xlsx|json OUT [--force] [--all]``.

The CLI owns the argparse wiring and calls :func:`run_export`. Exit codes follow
``cli``: 0 files written, 1 nothing exported (no approved pages, or every one held
back by failing checks), 2 the store or the output cannot be used. What was held
back, and why, goes to stderr, one line per page.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TextIO

from desktop_app.core.text import LocalizedText as T
from desktop_app.store.errors import StoreError
from desktop_app.store.export import ExportReport, export_from_store, recognized_page_ids
from desktop_app.store.store import open_store

EXIT_OK, EXIT_NOTHING, EXIT_UNUSABLE = 0, 1, 2

_WROTE = T("已导出 {count} 张发票到 {path}", "Exported {count} invoices to {path}")
_FORCED = T(
    "其中 {count} 张未通过校验，已强制导出并标记", "{count} of them fail checks: exported, marked"
)
_HELD = T(
    "未导出（校验错误，可用 --force 强制导出）：{path} 第 {page} 页：{errors}",
    "Not exported (failing checks; --force exports it): {path} page {page}: {errors}",
)
_NOTHING = T(
    "没有可导出的发票（只导出已通过的页，--all 导出全部已识别的页）。",
    "Nothing to export (only approved pages are exported; --all exports every recognized page).",
)
_CANNOT_WRITE = T("无法写入 {path}：{error}", "Cannot write {path}: {error}")


def run_export(
    fmt: str,
    out: str | Path,
    *,
    force: bool = False,
    all_pages: bool = False,
    database: str | Path | None = None,
    language: str = "zh",
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
) -> int:
    """Open the store (default location unless ``database``), export, print a summary."""
    stdout, stderr = stdout or sys.stdout, stderr or sys.stderr
    try:
        with open_store(database, recover=False) as store:
            selection = recognized_page_ids(store) if all_pages else None
            report = export_from_store(store, fmt, out, force=force, selection=selection)
    except StoreError as exc:
        print(f"error: {exc.one_line(language)}", file=stderr)
        return EXIT_UNUSABLE
    except OSError as exc:
        print(f"error: {_CANNOT_WRITE.get(language).format(path=out, error=exc)}", file=stderr)
        return EXIT_UNUSABLE
    return _summarize(report, Path(out), language, stdout, stderr)


def _summarize(
    report: ExportReport, out: Path, language: str, stdout: TextIO, stderr: TextIO
) -> int:
    for damaged in report.damaged:
        print(f"error: {damaged.one_line(language)}", file=stderr)
    for page in report.held_back:
        line = _HELD.get(language).format(
            path=page.page.path, page=page.page.number, errors=page.error_text(language)
        )
        print(line, file=stderr)
    if not report.files:
        print(_NOTHING.get(language), file=stderr)
        return EXIT_NOTHING
    print(_WROTE.get(language).format(count=len(report.exported), path=out), file=stdout)
    if report.forced:
        print(_FORCED.get(language).format(count=len(report.forced)), file=stdout)
    return EXIT_OK
