"""The second blind round motor-f and used-f: every value at its box as printed, the
merged side box, the extra printed names that are no field, and the a..e output unchanged."""

from __future__ import annotations

import random
import zipfile
from pathlib import Path

import pymupdf
import pytest

from desktop_app.tools.einvoice_samples.__main__ import main
from desktop_app.tools.einvoice_samples.layouts import BLIND, layouts_of
from desktop_app.tools.einvoice_samples.sheet import place
from desktop_app.tools.einvoice_samples.values import make_invoice
from tests.unit.tools.sample_files import manifest, page_chars, printed, text_in, truth_infos

PX_PER_PT = 150 / 72


def _printed_f(name: str, value: str) -> str:
    """What an f layout prints: amounts with the full-width ￥."""
    text = printed(name, value)
    return "￥" + text[1:] if text.startswith("¥") else text


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("blind_f")
    args = [str(out), "--count", "4", "--seed", "7", "--formats", "pdf,ofd"]
    assert main([*args, "--layouts", "motor-f,used-f"]) == 0
    return out


def test_f_layouts_are_holdout_and_only_used_when_named(folder: Path) -> None:
    assert BLIND["motor-f"].holdout and BLIND["used-f"].holdout
    assert "used-f" not in {x.name for x in layouts_of("used")}
    entries = manifest(folder, "pdf")
    assert [e["layout"] for e in entries] == ["motor-f", "used-f"] * 2
    assert len(manifest(folder, "ofd")) == 4


def test_every_truth_value_is_printed_in_its_box(folder: Path) -> None:
    for entry in manifest(folder, "pdf"):
        with pymupdf.open(folder / entry["file"]) as doc:
            chars = page_chars(doc[0])
        for info in truth_infos(folder, entry):
            r = info["Rect"]
            if not r["Width"]:
                continue
            box = (r["X"], r["Y"], r["X"] + r["Width"], r["Y"] + r["Height"])
            text = text_in(chars, tuple(v / PX_PER_PT for v in box))
            assert text == _printed_f(info["Name"], info["Value"]), (entry["file"], info)


def test_side_box_spans_its_rows_and_holds_its_value() -> None:
    layout = BLIND["motor-f"]
    side = layout.side
    assert side is not None
    sheets = (place(make_invoice(random.Random(f"side:{i}"), "motor"), layout) for i in range(40))
    sheet = next(x for x in sheets if x.invoice.truth["备注"])
    top = layout.table_top + sum(r.height for r in layout.rows[: side.first])
    bottom = top + sum(r.height for r in layout.rows[side.first : side.last + 1])
    x = 205.5 - side.width
    assert (x, top, x, bottom) in sheet.rules
    box = sheet.field_boxes()["备注"]
    assert x + side.label_width < box[0] and top < box[1] and box[3] < bottom


def test_cashier_and_checker_names_are_printed_but_no_field(folder: Path) -> None:
    entry = manifest(folder, "pdf")[1]  # the second invoice: used-f, rng "7:1"
    sheet = place(make_invoice(random.Random("7:1"), "used"), BLIND["used-f"])
    extra = [run.text for run in sheet.runs if run.role == "print"]
    assert len(extra) == 2
    with pymupdf.open(folder / entry["file"]) as doc:
        text = doc[0].get_text()
    assert "收款人" in text and "复核人" in text and all(name in text for name in extra)
    names = {info["Name"] for info in truth_infos(folder, entry)}
    assert "收款人" not in names and "复核人" not in names
    with zipfile.ZipFile(folder / entry["file"].replace(".pdf", ".ofd")) as ofd:
        content = ofd.read("Doc_0/Pages/Page_0/Content.xml").decode()
        template = ofd.read("Doc_0/Tpls/Tpl_0/Content.xml").decode()
    assert all(name in content and name not in template for name in extra)
    assert "收款人" in template
