"""The packaging smoke test's own judgement: exact values against a truth, or a fill count.

``packaging/smoke_test.py`` is run by hand and by ``packaging/build.sh`` on a built binary
(too slow for CI); what it accepts and refuses is checked here without a build.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

SMOKE = Path(__file__).resolve().parents[2] / "packaging" / "smoke_test.py"


@pytest.fixture(scope="module")
def smoke():
    spec = importlib.util.spec_from_file_location("smoke_test", SMOKE)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_truth_value_must_be_equal(smoke) -> None:
    truth = {"发票号码": "03681125", "发票代码": "", "开票日期": "2019-06-18"}
    assert smoke.check_values(dict(truth), truth) is None
    wrong = smoke.check_values({**truth, "发票号码": "03681126"}, truth)
    assert wrong is not None and "'发票号码': ('03681126', '03681125')" in wrong
    # the recognize answer has every field: an absent one is a difference
    assert smoke.check_values({"发票号码": "03681125", "开票日期": "2019-06-18"}, truth)


def test_the_window_reports_only_filled_fields(smoke) -> None:
    truth = {"发票号码": "03681125", "发票代码": ""}
    assert smoke.check_values({"发票号码": "03681125"}, truth, shown_only=True) is None
    assert smoke.check_values({"发票号码": "03681125", "发票代码": "1"}, truth, shown_only=True)


def test_without_truth_the_fill_count_and_the_key_fields_decide(smoke) -> None:
    filled = {name: "x" for name in smoke.MUST_FILL}
    filled |= {f"other{i}": "y" for i in range(smoke.MIN_FILLED - len(filled))}
    assert smoke.check_values(filled, None) is None
    assert "missing ['发票号码']" in smoke.check_values({**filled, "发票号码": ""}, None)


def test_truth_is_read_from_a_carinvoiceocr_answer(smoke, tmp_path) -> None:
    answer = {"Response": {"CarInvoiceInfos": [{"Name": "发票号码", "Value": "1"}]}}
    path = tmp_path / "page.json"
    path.write_text(json.dumps(answer, ensure_ascii=False), encoding="utf-8")
    assert smoke.file_truth(path) == {"发票号码": "1"}
