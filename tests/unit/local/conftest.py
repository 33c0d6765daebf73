"""Recorded OCR output of synthetic invoice pages (tests/fixtures/ocr), no model needed."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from desktop_app.recognition.local.ocr import OcrLine

OCR_FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "ocr"
FIXTURE_NAMES = ("motor_000_clean", "motor_001_scan", "motor_006_photo", "used_008_clean")


def load_fixture(name: str) -> dict[str, Any]:
    """One recorded page: ``lines`` (OcrLine list), ``size``, ``expected`` values, ``boxes``."""
    data = json.loads((OCR_FIXTURES / f"{name}.json").read_text(encoding="utf-8"))
    data["lines"] = [OcrLine.from_json(item) for item in data["lines"]]
    return data


@pytest.fixture(params=FIXTURE_NAMES)
def recorded_page(request: pytest.FixtureRequest) -> dict[str, Any]:
    """Each recorded page in turn."""
    return load_fixture(request.param)
