"""Record the local OCR's lines of one page of every generation as small JSON fixtures.

``python -m desktop_app.tools.paper_samples.record_ocr [DIR]`` (default
``tests/fixtures/ocr/paper``) writes one clean page of each paper generation (the
printed 数电 e-invoice: its scan, the only way it comes) with ``SEED``, reads it with
the engine's own OCR step (``shared_reader`` on the decoded page, as ``LocalEngine``
does) and stores, as tests/fixtures/ocr's files do: ``source``, ``size``, ``lines``
(``OcrLine.to_json``), ``expected`` (truth values) and ``boxes`` (truth Rects), plus
``generation`` and ``seed``. Tests read the fixtures without the model; run this again
whenever the generator's pages change (tests compare ``expected`` with the generator).
"""

from __future__ import annotations

import json
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from desktop_app.bench.pages import load_pages, page_image
from desktop_app.tools.paper_samples.generate import EINVOICE, GENERATIONS, generate

SEED = 2026
DEFAULT_DIR = Path("tests/fixtures/ocr/paper")


def fixture_pages(out: Path, seed: int = SEED) -> dict[str, Any]:
    """One page of each generation written to ``out``: generation → its BenchPage."""
    paper = [g for g in GENERATIONS if g != EINVOICE]
    generate(out, len(paper), seed, generations=paper, conditions=("clean",))
    generate(out / EINVOICE, 1, seed, generations=(EINVOICE,))
    pages = {p.generation: p for p in load_pages(out)}
    pages |= {p.generation: p for p in load_pages(out / EINVOICE)}
    return pages


def record(folder: Path, seed: int = SEED) -> list[Path]:
    """Write one fixture per generation into ``folder``; returns their paths."""
    from desktop_app.recognition.local.engine import decode_image
    from desktop_app.recognition.local.ocr import REC_MODEL, shared_reader

    folder.mkdir(parents=True, exist_ok=True)
    written = []
    with tempfile.TemporaryDirectory() as tmp:
        for generation, page in fixture_pages(Path(tmp), seed).items():
            image = decode_image(page_image(page.path))
            lines = shared_reader().read(image)
            data = {
                "source": f"paper_samples page {page.path.name} (seed {seed}); OCR lines by"
                f" the local engine's reader ({REC_MODEL}) as configured in recognition/local/ocr.py",
                "generation": generation,
                "seed": seed,
                "size": [image.shape[1], image.shape[0]],
                "lines": [line.to_json() for line in lines],
                "expected": {f.name: f.value for f in page.truth},
                "boxes": {
                    f.name: [round(v) for v in (f.rect.x, f.rect.y, f.rect.width, f.rect.height)]
                    for f in page.truth
                    if f.rect is not None
                },
            }
            path = folder / f"{generation}.json"
            text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
            path.write_text(text + "\n", encoding="utf-8")
            written.append(path)
    return written


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    folder = Path(args[0]) if args else DEFAULT_DIR
    for path in record(folder):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
