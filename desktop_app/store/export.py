"""``export_from_store``: what ``python -m desktop_app export`` and File › Export call."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from desktop_app.store.errors import DamagedRecord
from desktop_app.store.export_rows import ExportPage, select_pages
from desktop_app.store.records import PageRecord, PageStatus
from desktop_app.store.store import Store

#: ``csv`` is the plain CSV, ``csv-excel`` the CSV Excel opens with codes intact.
FORMATS: tuple[str, ...] = ("csv", "csv-excel", "xlsx", "json")


@dataclass
class ExportReport:
    """What an export wrote and what it left out (and why)."""

    files: list[Path] = field(default_factory=list)
    exported: list[ExportPage] = field(default_factory=list)
    held_back: list[ExportPage] = field(default_factory=list)
    unrecognized: list[PageRecord] = field(default_factory=list)
    damaged: list[DamagedRecord] = field(default_factory=list)

    @property
    def forced(self) -> list[ExportPage]:
        """Pages exported although an error-level check fails (marked in the files)."""
        return [p for p in self.exported if p.forced]


def recognized_page_ids(store: Store) -> list[int]:
    """Every page that has values to export (needs review or decided), for ``--all``."""
    statuses = (PageStatus.NEEDS_REVIEW, PageStatus.APPROVED, PageStatus.REJECTED)
    return [p.id for p in store.pages(statuses)]


def export_from_store(
    store: Store,
    fmt: str,
    out: str | Path,
    *,
    force: bool = False,
    selection: Iterable[int] | None = None,
) -> ExportReport:
    """Export the approved pages (or the page ids of ``selection``) to ``out`` as ``fmt``.

    ``fmt`` is ``csv`` (one file), ``xlsx`` (one workbook) or ``json`` (a bundle when
    ``out`` ends in ``.json``, else a folder of one file per page). Pages failing an
    error-level check are held back unless ``force``; forced pages are marked. Files
    are written atomically; nothing is written when no page is left to export.
    Raises ``ValueError`` for an unknown format and ``OSError`` when writing fails.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    out = Path(out)
    chosen = select_pages(store, selection, force=force)
    report = ExportReport(
        exported=chosen.pages,
        held_back=chosen.held_back,
        unrecognized=chosen.unrecognized,
        damaged=chosen.damaged,
    )
    if chosen.pages:
        report.files = _write(store, fmt, chosen.pages, out)
    return report


def _write(store: Store, fmt: str, pages: list[ExportPage], out: Path) -> list[Path]:
    """Write ``pages`` in ``fmt``; the files written."""
    if fmt in ("csv", "csv-excel"):
        from desktop_app.store.export_csv import write_csv

        return [write_csv(pages, out, excel=fmt == "csv-excel")]
    if fmt == "xlsx":
        from desktop_app.store.export_xlsx import write_xlsx

        return [write_xlsx(pages, store.audit_trail(p.page.id for p in pages), out)]
    from desktop_app.store import export_json

    if out.suffix.lower() == ".json":
        return export_json.write_json_bundle(pages, out)
    return export_json.write_json_files(pages, out)
