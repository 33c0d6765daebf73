"""Write a folder of synthetic vehicle e-invoices with their truth and manifest.json.

For each invoice ``<stem>.pdf`` (text layer) and ``<stem>.ofd`` share the truth
``<stem>.json`` (boxes in pixels of the page rendered at 150 dpi); the printed-and-scanned
``<stem>_scan.jpg`` has its own ``<stem>_scan.json`` in the JPEG's pixels.
"""

from __future__ import annotations

import json
import math
import random
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop_app.tools.einvoice_samples.layouts import Layout, layouts_of
from desktop_app.tools.einvoice_samples.ofd_writer import ofd_bytes
from desktop_app.tools.einvoice_samples.pdf_writer import garbled_pdf_bytes, pdf_bytes
from desktop_app.tools.einvoice_samples.scan import scan_jpeg
from desktop_app.tools.einvoice_samples.sheet import PAGE_H, PAGE_W, Sheet, place
from desktop_app.tools.einvoice_samples.truth import DPI, manifest_entry, truth_response
from desktop_app.tools.einvoice_samples.values import MOTOR, USED, make_invoice

FORMATS = ("pdf", "ofd", "scan")
#: Written only when asked for: a PDF whose text layer is unusable (the OCR fallback's case).
EXTRA_FORMATS = ("garbled",)
# MuPDF renders the page's pixel box rounded outwards (1240.16 → 1241 px wide)
PAGE_PX = (math.ceil(PAGE_W / 25.4 * DPI), math.ceil(PAGE_H / 25.4 * DPI))
PAGE_COORDINATES = "pixels of the page rendered at 150 dpi"


@dataclass(frozen=True)
class Plan:
    """One invoice to write: its stem, layout and random stream."""

    stem: str
    layout: Layout
    rng: random.Random


def plans(
    count: int,
    seed: int,
    forms: list[str],
    layout_names: list[str] | None,
    drawn: list[Layout] | None = None,
) -> list[Plan]:
    """``count`` invoices alternating over ``forms``, each form cycling through its layouts.

    ``drawn`` (random layouts) replace the default set; layouts named in ``layout_names``
    are used beside them.
    """
    if drawn:
        named = {form: layouts_of(form, layout_names) if layout_names else [] for form in forms}
        per_form = {form: named[form] + [x for x in drawn if x.form == form] for form in forms}
    else:
        per_form = {form: layouts_of(form, layout_names) for form in forms}
    usable = [form for form in forms if per_form[form]]
    if not usable:
        raise ValueError("no layout matches the forms and layouts asked for")
    out = []
    for i in range(count):
        form = usable[i % len(usable)]
        choices = per_form[form]
        layout = choices[(i // len(usable)) % len(choices)]
        out.append(Plan(f"einv_{i:03d}_{layout.name}", layout, random.Random(f"{seed}:{i}")))
    return out


def write_json(path: Path, data: Any) -> None:
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


Writer = Callable[[Path, Plan, Sheet], list[dict[str, Any]]]


def write_pdf(out: Path, plan: Plan, sheet: Sheet) -> list[dict[str, Any]]:
    (out / f"{plan.stem}.pdf").write_bytes(pdf_bytes(sheet))
    return [_page_entry(plan, f"{plan.stem}.pdf", "pdf")]


def write_garbled(out: Path, plan: Plan, sheet: Sheet) -> list[dict[str, Any]]:
    """``<stem>_garbled.pdf``: the PDF without ToUnicode maps (same page, same truth)."""
    (out / f"{plan.stem}_garbled.pdf").write_bytes(garbled_pdf_bytes(sheet))
    return [_page_entry(plan, f"{plan.stem}_garbled.pdf", "garbled")]


def write_ofd(out: Path, plan: Plan, sheet: Sheet) -> list[dict[str, Any]]:
    """``<stem>.ofd``: the same page as the PDF, so the same truth."""
    (out / f"{plan.stem}.ofd").write_bytes(ofd_bytes(sheet, plan.stem))
    return [_page_entry(plan, f"{plan.stem}.ofd", "ofd")]


def write_scan(out: Path, plan: Plan, sheet: Sheet) -> list[dict[str, Any]]:
    """``<stem>_scan.jpg`` with its own truth ``<stem>_scan.json`` in the JPEG's pixels."""
    stem = f"{plan.stem}_scan"
    jpeg, truth, size = scan_jpeg(sheet, stem)
    (out / f"{stem}.jpg").write_bytes(jpeg)
    write_json(out / f"{stem}.json", truth)
    layout = plan.layout
    return [
        manifest_entry(
            f"{stem}.jpg",
            f"{stem}.json",
            layout.form,
            "scan",
            size,
            layout,
            "scan",
            "pixels of the image",
        )
    ]


def _page_entry(plan: Plan, file: str, fmt: str) -> dict[str, Any]:
    layout = plan.layout
    return manifest_entry(
        file, f"{plan.stem}.json", layout.form, "clean", PAGE_PX, layout, fmt, PAGE_COORDINATES
    )


def writers() -> dict[str, Writer]:
    """The writer of each format."""
    return {"pdf": write_pdf, "ofd": write_ofd, "scan": write_scan, "garbled": write_garbled}


def generate(
    out: Path,
    count: int,
    seed: int = 0,
    *,
    forms: Iterable[str] = (MOTOR, USED),
    layout_names: list[str] | None = None,
    formats: Iterable[str] = FORMATS,
    drawn: list[Layout] | None = None,
) -> list[dict[str, Any]]:
    """Write ``count`` invoices to ``out`` with truth and manifest.json; returns the manifest.

    ``drawn``: random layouts (layouts_random) to use instead of the default set.
    """
    out.mkdir(parents=True, exist_ok=True)
    chosen = writers()
    manifest: list[dict[str, Any]] = []
    for plan in plans(count, seed, list(forms), layout_names, drawn):
        invoice = make_invoice(plan.rng, plan.layout.form)
        sheet = place(invoice, plan.layout)
        write_json(out / f"{plan.stem}.json", truth_response(sheet, f"einv-{plan.stem}"))
        for fmt in formats:
            manifest += chosen[fmt](out, plan, sheet)
    write_json(out / "manifest.json", manifest)
    return manifest
