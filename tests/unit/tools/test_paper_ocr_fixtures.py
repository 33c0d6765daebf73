"""The recorded OCR of one page per generation (tests/fixtures/ocr/paper) matches the generator.

Reader tests load them without the model, e.g. ``load_fixture("paper/motor-2014")`` of
tests/unit/local/conftest.py; ``python -m desktop_app.tools.paper_samples.record_ocr``
writes them again when the generator's pages change, which the first test notices.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop_app.bench.scoring import fold_value
from desktop_app.recognition.local.ocr import OcrLine
from desktop_app.tools.paper_samples.generate import GENERATIONS
from desktop_app.tools.paper_samples.record_ocr import SEED, fixture_pages

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "ocr" / "paper"


def _fixture(generation: str) -> dict:
    return json.loads((FIXTURES / f"{generation}.json").read_text(encoding="utf-8"))


def test_there_is_one_fixture_per_generation_and_it_is_the_generators_page(tmp_path: Path) -> None:
    assert sorted(p.stem for p in FIXTURES.glob("*.json")) == sorted(GENERATIONS)
    pages = fixture_pages(tmp_path, SEED)
    for generation, page in pages.items():
        data = _fixture(generation)
        assert data["seed"] == SEED and data["generation"] == generation
        assert data["expected"] == {f.name: f.value for f in page.truth}, generation


@pytest.mark.parametrize("generation", GENERATIONS)
def test_recorded_lines_load_and_hold_most_printed_values(generation: str) -> None:
    data = _fixture(generation)
    lines = [OcrLine.from_json(item) for item in data["lines"]]
    width, height = data["size"]
    assert all(
        0 <= x <= width + 2 and 0 <= y <= height + 2 for line in lines for x, y in line.polygon
    )
    text = fold_value("".join(line.text for line in lines))
    printed = [v for n, v in data["expected"].items() if v and n in data["boxes"]]
    found = [v for v in printed if fold_value(v) in text]
    # a readable page: the OCR saw most values as printed (wrapped ones are split)
    assert len(found) >= 0.7 * len(printed), (generation, set(printed) - set(found))
