"""The paper-page generator: every generation and condition, truth shape, checks, determinism."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import cv2
import numpy as np
import pytest

from desktop_app.bench.accuracy import run_folder
from desktop_app.bench.pages import load_pages
from desktop_app.bench.report import summary_lines
from desktop_app.core.checks import Level, validate
from desktop_app.core.codec import parse_response
from desktop_app.core.generations import CREDIT_CODE_INTRODUCED, old_code_kind
from desktop_app.core.model import RecognitionResult
from desktop_app.core.schema import FormType
from desktop_app.documents.page import PageImage
from desktop_app.tools.einvoice_samples.truth import field_names
from desktop_app.tools.paper_samples.__main__ import main
from desktop_app.tools.paper_samples.conditions import CONDITIONS
from desktop_app.tools.paper_samples.generate import FORMS, GENERATIONS, generate, paper_page
from desktop_app.tools.paper_samples.place import wrap
from desktop_app.tools.paper_samples.values import PLANTED
from tests.unit.tools.sample_files import manifest, truth_infos

PAPER = tuple(FORMS)


@pytest.fixture(scope="module")
def paper(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every paper generation in every condition (20 pages) and two printed 数电 scans."""
    out = tmp_path_factory.mktemp("paper")
    generate(out, len(PAPER) * len(CONDITIONS), seed=5, generations=PAPER)
    generate(out / "einv", 2, seed=5, generations=("einvoice",))
    return out


def _values(folder: Path, entry: dict) -> dict[str, str]:
    return {i["Name"]: i["Value"] for i in truth_infos(folder, entry)}


def test_every_generation_appears_in_every_condition(paper: Path) -> None:
    pairs = {(e["generation"], e["condition"]) for e in manifest(paper)}
    assert pairs == {(g, c) for g in PAPER for c in CONDITIONS}
    for entry in manifest(paper):
        assert entry["mode"] == entry["condition"]
        assert entry["kind"] == FORMS[entry["generation"]].form


def test_truth_lists_every_name_of_the_form_in_the_response_shape(paper: Path) -> None:
    for entry in manifest(paper):
        infos = truth_infos(paper, entry)
        assert [i["Name"] for i in infos] == field_names(entry["kind"])
        for info in infos:
            assert set(info) == {"Name", "Value", "Rect", "Polygon"}
            placed = info["Rect"]["Width"] > 0
            assert placed == bool(info["Value"]) or info["Name"] in (
                "省",
                "市",
                "发票消费类型",
                "发票类型",
            )


def test_boxes_lie_inside_the_image(paper: Path) -> None:
    for entry in manifest(paper):
        width, height = entry["size"]
        for info in truth_infos(paper, entry):
            rect = info["Rect"]
            if rect["Width"]:
                assert rect["X"] >= 0 and rect["X"] + rect["Width"] <= width, info
                assert rect["Y"] >= 0 and rect["Y"] + rect["Height"] <= height, info


def test_images_decode_at_the_size_the_manifest_states(paper: Path) -> None:
    for entry in manifest(paper):
        image = cv2.imdecode(np.fromfile(paper / entry["file"], np.uint8), cv2.IMREAD_COLOR)
        assert image is not None and [image.shape[1], image.shape[0]] == entry["size"]


def test_values_pass_every_error_check(paper: Path) -> None:
    for entry in manifest(paper):
        form = FormType.MOTOR if entry["kind"] == "motor" else FormType.USED
        errors = [
            r
            for r in validate(_values(paper, entry), form, today=datetime.date(2026, 12, 1))
            if r.level is Level.ERROR
        ]
        assert not errors, (entry["file"], errors)


@pytest.mark.parametrize("generation", PAPER)
def test_values_of_many_invoices_pass_the_checks_and_fit_the_generation(generation: str) -> None:
    form = FORMS[generation]
    kind = FormType.MOTOR if form.form == "motor" else FormType.USED
    for index in range(25):
        page, _, planted = paper_page(11, index, generation)
        assert planted == ""
        truth, day = page.invoice.truth, datetime.date.fromisoformat(page.invoice.truth["开票日期"])
        assert form.dates[0] <= day <= form.dates[1]
        results = validate(
            truth, kind, today=datetime.date(2026, 12, 1), qr=page.invoice.qr_payload
        )
        assert not results, (generation, index, results)
        if form.form == "motor" and day < CREDIT_CODE_INTRODUCED:
            assert old_code_kind(truth["销售方纳税人识别号"]) is not None
        if form.buyer == "old":
            assert truth.get("购买方纳税人识别号", "") == ""


def test_the_old_motor_form_prints_no_buyer_taxpayer_number_and_2021_shares_one_cell() -> None:
    for index in range(12):
        old, _, _ = paper_page(3, index, "motor-2014")
        assert "购买方纳税人识别号" not in old.field_boxes()
        new, _, _ = paper_page(3, index, "motor-2021")
        boxes = new.field_boxes()
        assert "购买方纳税人识别号" not in boxes and "身份证号码/组织机构代码" in boxes
        assert new.invoice.qr_payload.startswith("01,03,")


def test_the_same_seed_gives_the_same_truth_and_another_seed_does_not(tmp_path: Path) -> None:
    args = [
        "--count",
        "3",
        "--generations",
        "motor-2015,used-current",
        "--conditions",
        "clean,scan",
    ]
    assert main([str(tmp_path / "a"), *args, "--seed", "4"]) == 0
    assert main([str(tmp_path / "b"), *args, "--seed", "4"]) == 0
    assert main([str(tmp_path / "c"), *args, "--seed", "5"]) == 0
    names = sorted(p.name for p in (tmp_path / "a").glob("*.json"))
    assert len(names) == 4  # three truths and the manifest
    for name in names:
        a = (tmp_path / "a" / name).read_text(encoding="utf-8")
        assert a == (tmp_path / "b" / name).read_text(encoding="utf-8")
    assert (tmp_path / "a" / names[0]).read_text() != (tmp_path / "c" / names[0]).read_text()


def test_planted_failures_are_printed_listed_and_caught_by_the_checks(tmp_path: Path) -> None:
    args = ["--count", "6", "--conditions", "clean", "--planted", "1"]
    assert main([str(tmp_path), *args, "--generations", "motor-2015,used-current"]) == 0
    entries = manifest(tmp_path)
    assert all(e["planted"] in PLANTED.values() for e in entries)
    for entry in entries:
        form = FormType.MOTOR if entry["kind"] == "motor" else FormType.USED
        failed = {
            r.check_id
            for r in validate(_values(tmp_path, entry), form, today=datetime.date(2026, 12, 1))
        }
        assert failed & {"vin", "total_sum"}, (entry["planted"], failed)
    assert main([str(tmp_path / "x"), "--planted", "1.5"]) == 2
    pages = load_pages(tmp_path)
    assert {p.planted for p in pages} <= set(PLANTED.values()) and all(p.planted for p in pages)


def test_unknown_generations_or_conditions_are_refused(tmp_path: Path) -> None:
    assert main([str(tmp_path), "--generations", "motor-1999"]) == 2
    assert main([str(tmp_path), "--conditions", "fax"]) == 2
    assert not (tmp_path / "manifest.json").exists()


def test_printed_einvoices_come_from_issue_9s_generator(paper: Path) -> None:
    entries = manifest(paper / "einv")
    assert [e["generation"] for e in entries] == ["einvoice", "einvoice"]
    assert all(e["file"].startswith("einvoice/") and e["condition"] == "scan" for e in entries)
    assert all((paper / "einv" / e["file"]).is_file() for e in entries)


def test_the_bench_reads_generation_and_condition(paper: Path) -> None:
    pages = load_pages(paper)
    assert {p.generation for p in pages} == set(PAPER)
    assert {p.mode for p in pages} == set(CONDITIONS)
    assert set(GENERATIONS) == {*PAPER, "einvoice"}


def test_the_bench_reports_each_generation_and_condition(paper: Path) -> None:
    def recognize(page: PageImage) -> RecognitionResult:
        """A perfect reader: the truth of the page's file."""
        assert page.source is not None
        data = json.loads(page.source.with_suffix(".json").read_text(encoding="utf-8"))
        return RecognitionResult(parse_response(data).fields, engine="local")

    result = run_folder(paper, recognize)
    assert result.total().right == result.total().fields > 0
    text = "\n".join(summary_lines(result))
    assert "by generation\n" in text and "by generation and condition" in text
    for generation in PAPER:
        for condition in CONDITIONS:
            assert f"  {generation} {condition} " in text


def test_a_long_model_wraps_to_two_lines_at_a_space() -> None:
    lines = wrap("梅赛德斯-奔驰1991CC CLA 260 4MATIC", 3.3, 40.0)
    assert len(lines) == 2 and "".join(lines).replace(" ", "") == "梅赛德斯-奔驰1991CCCLA2604MATIC"
    assert wrap("轿车", 3.3, 40.0) == ["轿车"]


def test_manifest_is_valid_json_listing_only_existing_files(paper: Path) -> None:
    data = json.loads((paper / "manifest.json").read_text(encoding="utf-8"))
    assert all((paper / e["file"]).is_file() and (paper / e["truth"]).is_file() for e in data)
