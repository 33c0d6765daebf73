"""The structure path on one generated page of each generation, from its recorded OCR.

The page image is drawn again by the generator (its ruling is found on it); the OCR
lines are the recorded ones (tests/fixtures/ocr/paper), so no model runs here.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop_app.bench.pages import page_image
from desktop_app.bench.scoring import fold_value
from desktop_app.recognition.local.engine import decode_image
from desktop_app.recognition.local.ocr import OcrLine
from desktop_app.recognition.local.structure import STRUCTURE, structure_reading, which_reader
from desktop_app.tools.paper_samples.generate import GENERATIONS
from desktop_app.tools.paper_samples.record_ocr import SEED, fixture_pages

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "ocr" / "paper"
#: Fields each generation prints in its own way (the buyer's cells, the stacked machine
#: codes, the last row's 吨位 and 限乘人数): read right on its page, whatever else the OCR
#: of the page misses.
_MOTOR_KEYS = (
    "购买方名称",
    "身份证号码/组织机构代码",
    "购买方纳税人识别号",
    "机打代码",
    "机打号码",
    "机器编号",
    "吨位",
    "限乘人数",
)
KEY_FIELDS = {
    "motor-2014": _MOTOR_KEYS,
    "motor-2015": _MOTOR_KEYS,
    "motor-2021": _MOTOR_KEYS,
    "used-old": (
        "买方单位/个人",
        "买方单位代码/身份证号码",
        "卖方单位代码/身份证号码",
        "机打代码",
        "机打号码",
        "机器编号",
    ),
    "used-current": (
        "买方单位/个人",
        "买方单位代码/身份证号码",
        "卖方单位代码/身份证号码",
        "机打代码",
        "机打号码",
        "机器编号",
    ),
    "einvoice": ("发票号码", "开票日期"),
}


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict:
    return fixture_pages(tmp_path_factory.mktemp("paper"), SEED)


@pytest.mark.parametrize("generation", GENERATIONS)
def test_each_generation_is_told_and_read_by_structure(generation: str, pages: dict) -> None:
    data = json.loads((FIXTURES / f"{generation}.json").read_text(encoding="utf-8"))
    lines = [OcrLine.from_json(item) for item in data["lines"]]
    image = decode_image(page_image(pages[generation].path))
    fields, told = structure_reading(image, lines)
    assert told == generation
    got = {f.name: fold_value(f.value) for f in fields}
    expected = {name: fold_value(value) for name, value in data["expected"].items()}
    for name in KEY_FIELDS[generation]:
        assert got[name] == expected[name], (generation, name)
    right = sum(got.get(name) == value for name, value in expected.items())
    # the rest of the page: what the recorded OCR read right is read into the right field
    assert right >= len(expected) - 2, (generation, right, len(expected))


def test_pages_of_other_generations_go_to_structure() -> None:
    for generation in ("motor-2014", "motor-2021", "einvoice"):
        data = json.loads((FIXTURES / f"{generation}.json").read_text(encoding="utf-8"))
        lines = [OcrLine.from_json(item) for item in data["lines"]]
        assert which_reader(lines, 40, 40) == STRUCTURE, generation


def test_a_title_the_seal_reading_erased_is_given_back_on_a_2014_page(pages: dict) -> None:
    """The red drop-out under the 监制章 erases the red title with the seal: a 2014 page
    then has no title, and the template (which knows the 2015 grid only) would put its
    限乘人数 into 吨位. The first reading's title pieces are given back to the form reader."""
    from desktop_app.recognition.local.engine import LocalEngine, _OcrClock
    from desktop_app.recognition.local.structure import title_restored

    data = json.loads((FIXTURES / "motor-2014.json").read_text(encoding="utf-8"))
    first = [OcrLine.from_json(item) for item in data["lines"]]
    title = ("机动车销售统", "一发票")  # the title as the recorded OCR read it, in two pieces
    erased = [line for line in first if line.text not in title]
    assert len(erased) < len(first)  # the title is gone from the second reading
    assert len(title_restored(erased, first)) > len(erased)
    assert title_restored(first, first) == first  # nothing lost: nothing given back
    image = decode_image(page_image(pages["motor-2014"].path))
    engine = LocalEngine(reader=object())
    fields, told = engine._extract(image, erased, None, _OcrClock(), first)
    got = {f.name: fold_value(f.value) for f in fields}
    assert told == "motor-2014"
    for name in ("吨位", "限乘人数", "购买方名称"):
        assert got[name] == fold_value(data["expected"][name]), name
