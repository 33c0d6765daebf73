"""``bench accuracy`` on a generated e-invoice folder: every format, breakdowns, no crash."""

from __future__ import annotations

import json
from pathlib import Path

from desktop_app.bench.accuracy import ORIGIN_TEXT, run_folder
from desktop_app.bench.pages import load_pages
from desktop_app.bench.report import summary_lines
from desktop_app.core.codec import parse_response
from desktop_app.core.model import RecognitionResult
from desktop_app.documents import open_document
from desktop_app.documents.errors import DocumentError
from desktop_app.documents.page import PageImage
from desktop_app.recognition.text_reader import TEXT_ENGINE
from tests.unit.tools.sample_files import manifest


def _opens(path: Path) -> bool:
    try:
        open_document(path).close()
    except DocumentError:
        return False
    return True


def test_the_manifest_gives_each_page_its_format_layout_and_holdout(samples: Path) -> None:
    pages = load_pages(samples)
    assert len(pages) == len(manifest(samples))
    assert {p.format for p in pages} == {"pdf", "ofd", "scan"}
    assert {p.layout for p in pages if p.holdout} == {"motor-d", "used-d"}
    assert all(p.kind in ("motor", "used") for p in pages)


def test_the_bench_scores_every_file_and_reports_unopenable_ones(samples: Path) -> None:
    def recognize(page: PageImage) -> RecognitionResult:
        """A perfect reader: the truth of the page's file, as if read from its text."""
        assert page.source is not None
        stem = page.source.stem
        data = json.loads((samples / f"{stem}.json").read_text(encoding="utf-8"))
        truth = parse_response(data)
        return RecognitionResult(truth.fields, engine=TEXT_ENGINE)

    result = run_folder(samples, recognize)
    assert len(result.runs) == len(manifest(samples))
    for run in result.runs:
        assert run.unreadable == (not _opens(run.page.path)), run.page.path
        if run.unreadable:
            assert run.error.startswith("unreadable")
        else:
            assert run.origin == ORIGIN_TEXT
            assert run.score.right == run.score.fields, run.page.path
            assert run.score.boxes_right == run.score.boxes
    text = "\n".join(summary_lines(result))
    for line in ("by format", "  pdf", "  scan", "by form", "motor-d (holdout)", "layouts seen"):
        assert line in text
    assert "layouts not seen (holdout)" in text and "by origin" in text
    assert "median s/page by origin   text " in text
    assert ("unreadable files" in text) == any(r.unreadable for r in result.runs)
