"""The accuracy benchmark's scoring rules (../shared/datasets/README.md)."""

from __future__ import annotations

import json

from desktop_app.bench.accuracy import BenchRun, PageRun
from desktop_app.bench.pages import load_pages
from desktop_app.bench.report import summary_lines
from desktop_app.bench.scoring import fold_value, score_page
from desktop_app.core.model import RecognitionResult, RecognizedField, Rect

BOX = ((10.0, 10.0), (110.0, 10.0), (110.0, 30.0), (10.0, 30.0))


def _result(*fields: RecognizedField) -> RecognitionResult:
    return RecognitionResult(fields=fields)


def test_values_are_compared_folded() -> None:
    assert fold_value("￥4 000.00") == "¥4000.00"
    assert fold_value("ＡＢＣ１２３") == "ABC123"


def test_page_score_counts_fields_boxes_and_false_fills() -> None:
    truth = _result(
        RecognizedField("价税合计(小写)", "¥40000.00", BOX, Rect.bounding(BOX)),
        RecognizedField("商检单号", ""),
        RecognizedField("备注", ""),
        RecognizedField("开票人", "袁玉"),
    )
    shifted = tuple((x + 60, y) for x, y in BOX)
    answer = _result(
        RecognizedField("价税合计(小写)", "￥40000.00", shifted, Rect.bounding(shifted)),
        RecognizedField("商检单号", "123"),
        RecognizedField("备注", ""),
    )
    score = score_page(answer, truth)
    assert (score.fields, score.right) == (4, 2)  # the amount and the blank 备注
    assert (score.boxes, score.boxes_right) == (1, 0)  # IoU 40/160 < 0.5
    assert (score.blanks, score.false_fills) == (2, 1)
    assert [w[0] for w in score.wrong] == ["商检单号", "开票人"]


def test_folder_loading_and_summary(tmp_path) -> None:
    truth = {
        "Response": {"CarInvoiceInfos": [{"Name": "开票人", "Value": "袁玉"}], "RequestId": "x"}
    }
    (tmp_path / "a.json").write_text(json.dumps(truth, ensure_ascii=False), encoding="utf-8")
    manifest = [{"file": "a.png", "truth": "a.json", "kind": "motor", "mode": "clean"}]
    (tmp_path / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    (page,) = load_pages(tmp_path)
    assert page.mode == "clean" and page.truth.value("开票人") == "袁玉"
    run = PageRun(
        page,
        score_page(_result(RecognizedField("开票人", "袁玉")), page.truth),
        1.5,
        {"ocr": 1.4, "extract": 0.1},
    )
    lines = summary_lines(BenchRun([run]))
    assert lines[0].startswith("overall") and "1/1 = 100.00%" in lines[0]
    assert "ocr 1.400" in lines[-2] and "7.1% of OCR" in lines[-2]
