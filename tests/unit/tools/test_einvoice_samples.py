"""The synthetic e-invoice generator: self-consistent truth, a text layer that holds it, seeds."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import cv2
import numpy as np
import pymupdf
import pytest

from desktop_app.core import identifiers as ids
from desktop_app.core.checks import validate
from desktop_app.core.money_words import parse_money_words
from desktop_app.core.values import parse_money
from desktop_app.tools.einvoice_samples.__main__ import main
from desktop_app.tools.einvoice_samples.generate import generate
from desktop_app.tools.einvoice_samples.layouts import HOLDOUT, LAYOUTS, layouts_of
from desktop_app.tools.einvoice_samples.truth import field_names
from desktop_app.tools.einvoice_samples.values import LAST_DAY
from tests.unit.tools.sample_files import manifest, page_chars, printed, text_in, truth_infos

LOCATIONLESS = ("省", "市", "发票消费类型", "发票类型")
PX_PER_PT = 150 / 72


def _manifest(folder: Path) -> list[dict[str, Any]]:
    return manifest(folder, "pdf")


_truth = truth_infos


def _values(infos: list[dict[str, Any]]) -> dict[str, str]:
    return {info["Name"]: info["Value"] for info in infos}


def test_every_layout_of_both_forms_is_written(samples: Path) -> None:
    entries = _manifest(samples)
    assert {e["layout"] for e in entries} == set(LAYOUTS)
    assert {e["kind"] for e in entries} == {"motor", "used"}
    for entry in entries:
        assert (samples / entry["file"]).is_file()
        assert entry["format"] == "pdf"
        with pymupdf.open(samples / entry["file"]) as doc:
            pix = doc[0].get_pixmap(dpi=150)
        assert entry["size"] == [pix.width, pix.height]
    assert len(layouts_of("motor")) >= 4 and len(layouts_of("used")) >= 4
    assert all(LAYOUTS[name].holdout for name in HOLDOUT.values())


def test_truth_has_every_field_in_the_response_shape(samples: Path) -> None:
    for entry in _manifest(samples):
        data = json.loads((samples / entry["truth"]).read_text(encoding="utf-8"))
        assert data["Response"]["RequestId"]
        infos = data["Response"]["CarInvoiceInfos"]
        assert [i["Name"] for i in infos] == field_names(entry["kind"])
        for info in infos:
            nowhere = info["Name"] in LOCATIONLESS or not info["Value"]
            assert (info["Rect"]["Width"] == 0) == nowhere, info
            if nowhere:
                assert info["Rect"] == {"X": 0, "Y": 0, "Width": 0, "Height": 0}
                assert all(p == {"X": -2, "Y": 0} for p in info["Polygon"].values())


def test_truth_follows_the_shudian_conventions_and_passes_the_checks(samples: Path) -> None:
    for entry in _manifest(samples):
        v = _values(_truth(samples, entry))
        # the samples are dated up to LAST_DAY: they are valid as of that day
        failed = [r.check_id for r in validate(v, today=LAST_DAY)]
        assert failed == [], (entry["file"], failed)
        for name in ("发票代码", "机打代码", "机打号码", "机器编号"):
            assert v[name] == ""
        number = v["发票号码"]
        assert re.fullmatch(r"[0-9]{20}", number)
        assert number[:2] == v["开票日期"][2:4]
        assert v["省"] == ids.province_name(number[2:4])
        assert v["发票消费类型"] == "用车"
        if entry["kind"] == "motor":
            assert v["发票类型"] == "电子发票（机动车销售统一发票）"
            assert v["市"] in v["主管税务机关"]
            total = parse_money(v["价税合计(小写)"])
            net, tax = parse_money(v["不含税价(小写)"]), parse_money(v["增值税税额"])
            assert total == net + tax
            assert parse_money_words(v["价税合计"]) == total
            assert ids.is_valid_vin(v["车辆识别代号/车架号码"])
            buyer_id = v["身份证号码/组织机构代码"]
            assert ids.is_valid_resident_id(buyer_id) or ids.is_valid_credit_code(buyer_id)
            expected_tax = buyer_id if ids.is_valid_credit_code(buyer_id) else ""
            assert v["购买方纳税人识别号"] == expected_tax
        else:
            assert v["发票类型"] == "电子发票（二手车销售统一发票）"
            assert v["市"] in v["转入地车辆管理所名称"]
            total = parse_money(v["车价合计(小写)"])
            assert parse_money_words(v["车价合计(大写)"]) == total
            assert ids.is_valid_vin(v["车架号/车辆识别代码"])


def test_the_text_layer_holds_every_value_at_its_box(samples: Path) -> None:
    for entry in _manifest(samples):
        with pymupdf.open(samples / entry["file"]) as doc:
            page = doc[0]
            assert page.get_fonts()[0][1] == "ttf"  # the font is embedded
            chars = page_chars(page)
        for info in _truth(samples, entry):
            r = info["Rect"]
            if not r["Width"]:
                continue
            box = (r["X"], r["Y"], r["X"] + r["Width"], r["Y"] + r["Height"])
            text = text_in(chars, tuple(v / PX_PER_PT for v in box))
            assert text == printed(info["Name"], info["Value"]), (entry["file"], info)


def test_the_qr_code_carries_number_amount_and_date(samples: Path) -> None:
    entry = _manifest(samples)[0]
    v = _values(_truth(samples, entry))
    with pymupdf.open(samples / entry["file"]) as doc:
        pix = doc[0].get_pixmap(dpi=200, clip=pymupdf.Rect(0, 0, 100, 100))
    image = np.frombuffer(pix.samples, np.uint8).reshape(pix.height, pix.width, pix.n)
    payload, _, _ = cv2.QRCodeDetector().detectAndDecode(np.ascontiguousarray(image[:, :, :3]))
    fields = payload.split(",")
    assert fields[:3] == ["01", "33", ""]
    assert fields[3] == v["发票号码"]
    assert fields[4] == v["价税合计(小写)"].removeprefix("¥")
    assert fields[5] == v["开票日期"].replace("-", "")


def test_a_seed_gives_the_same_invoices_and_another_seed_others(tmp_path: Path) -> None:
    for name, seed in (("a", 3), ("b", 3), ("c", 4)):
        generate(tmp_path / name, 2, seed=seed)
    files = [p.name for p in sorted((tmp_path / "a").iterdir())]
    for file in files:
        assert (tmp_path / "a" / file).read_bytes() == (tmp_path / "b" / file).read_bytes(), file
    truth = "einv_000_motor-a.json"
    assert (tmp_path / "a" / truth).read_bytes() != (tmp_path / "c" / truth).read_bytes()


def test_the_command_writes_a_folder_and_refuses_unknown_names(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = [str(tmp_path), "--count", "2", "--seed", "1", "--formats", "pdf"]
    assert main([*args, "--layouts", "motor-b,used-c"]) == 0
    assert [e["layout"] for e in manifest(tmp_path)] == ["motor-b", "used-c"]
    assert main([*args, "--layouts", "motor-z"]) == 2
    assert "motor-z" in capsys.readouterr().err


def test_the_garbled_pdf_looks_the_same_but_its_text_is_unusable(tmp_path: Path) -> None:
    (entry, garbled) = generate(tmp_path, 1, seed=5, formats=("pdf", "garbled"))
    assert garbled["format"] == "garbled" and garbled["truth"] == entry["truth"]
    number = _values(_truth(tmp_path, entry))["发票号码"]
    with (
        pymupdf.open(tmp_path / entry["file"]) as clean,
        pymupdf.open(tmp_path / garbled["file"]) as bad,
    ):
        assert number in clean[0].get_text()
        assert number not in bad[0].get_text()
        assert clean[0].get_pixmap(dpi=50).samples == bad[0].get_pixmap(dpi=50).samples
