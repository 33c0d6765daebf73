"""Write a folder of paper invoice pages of every generation, with truth and manifest.json.

Page ``i`` is of generation ``generations[i % G]`` in condition
``conditions[(i // G) % C]``, drawn from ``random.Random(f"{seed}:{i}")``, so a seed
gives the same pages on every run. Pages of the ``einvoice`` generation (a printed
数电 e-invoice, scanned) are written by issue 9's generator into ``einvoice/`` with
its own ``scan`` condition, and listed in this folder's manifest too.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from desktop_app.tools.einvoice_samples.generate import generate as generate_einvoices
from desktop_app.tools.einvoice_samples.generate import write_json
from desktop_app.tools.einvoice_samples.truth import truth_response
from desktop_app.tools.paper_samples.conditions import CONDITIONS, SHOOTERS
from desktop_app.tools.paper_samples.forms_motor import MOTOR_FORMS
from desktop_app.tools.paper_samples.forms_used import USED_FORMS
from desktop_app.tools.paper_samples.model import PaperForm
from desktop_app.tools.paper_samples.place import PaperPage, place
from desktop_app.tools.paper_samples.values import PLANTED, make_paper_invoice, plant_failure

EINVOICE = "einvoice"
FORMS: dict[str, PaperForm] = {f.generation: f for f in (*MOTOR_FORMS, *USED_FORMS)}
GENERATIONS = (*FORMS, EINVOICE)
EINVOICE_DIR = "einvoice"


def paper_page(
    seed: int, index: int, generation: str, planted: float = 0.0
) -> tuple[PaperPage, random.Random, str]:
    """Page ``index`` of ``generation`` placed, the random stream for its condition and
    the check failure planted in it (``PLANTED``; on a share ``planted`` of the pages)."""
    rng = random.Random(f"{seed}:{index}")
    form = FORMS[generation]
    invoice = make_paper_invoice(rng, form)
    # its own stream, so the pages without a planted failure are those of planted=0
    plant = random.Random(f"{seed}:{index}:planted")
    kind = ""
    if plant.random() < planted:
        invoice, kind = plant_failure(plant, invoice)
    return place(invoice, form, rng), rng, kind


def write_page(
    out: Path, seed: int, index: int, generation: str, condition: str, planted: float = 0.0
) -> dict[str, Any]:
    """Write one paper page and its truth; returns its manifest entry."""
    page, rng, kind = paper_page(seed, index, generation, planted)
    shot = SHOOTERS[condition](page, rng)
    stem = f"paper_{index:03d}_{generation}_{condition}"
    (out / f"{stem}{shot.ext}").write_bytes(shot.data)
    write_json(out / f"{stem}.json", truth_response(page, f"paper-{stem}", shot.transform))
    return {
        "file": f"{stem}{shot.ext}",
        "truth": f"{stem}.json",
        "kind": page.form.form,
        "mode": condition,
        "generation": generation,
        "condition": condition,
        "size": list(shot.size),
        "coordinates": "pixels of the image",
        "format": "image",
    } | ({"planted": PLANTED[kind]} if kind else {})


def _einvoice_entries(out: Path, count: int, seed: int) -> list[dict[str, Any]]:
    """``count`` printed-and-scanned 数电 pages by issue 9's generator, in ``einvoice/``."""
    entries = generate_einvoices(out / EINVOICE_DIR, count, seed, formats=["scan"])
    listed = []
    for entry in entries:
        listed.append(
            entry
            | {
                "file": f"{EINVOICE_DIR}/{entry['file']}",
                "truth": f"{EINVOICE_DIR}/{entry['truth']}",
                "generation": EINVOICE,
                "condition": "scan",
            }
        )
    return listed


def generate(
    out: Path,
    count: int,
    seed: int = 0,
    *,
    generations: Sequence[str] = GENERATIONS,
    conditions: Sequence[str] = CONDITIONS,
    planted: float = 0.0,
) -> list[dict[str, Any]]:
    """Write ``count`` pages to ``out`` with truth and manifest.json; returns the manifest.

    ``planted``: the share of paper pages printed with a value a check proves wrong
    (manifest ``planted`` says which), for readers that must return it as printed.
    """
    unknown = [g for g in generations if g not in GENERATIONS]
    unknown += [c for c in conditions if c not in CONDITIONS]
    if unknown or not generations or not conditions:
        raise ValueError(f"unknown generations or conditions: {', '.join(unknown) or 'none given'}")
    out.mkdir(parents=True, exist_ok=True)
    manifest: list[dict[str, Any]] = []
    einvoices = 0
    for i in range(count):
        generation = generations[i % len(generations)]
        if generation == EINVOICE:
            einvoices += 1
            continue
        condition = conditions[(i // len(generations)) % len(conditions)]
        manifest.append(write_page(out, seed, i, generation, condition, planted))
    if einvoices:
        manifest += _einvoice_entries(out, einvoices, seed)
    write_json(out / "manifest.json", manifest)
    return manifest
