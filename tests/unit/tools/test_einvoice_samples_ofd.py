"""The generated OFD files: the genuine file's parts, and every value at its truth box."""

from __future__ import annotations

import zipfile
from pathlib import Path
from xml.etree import ElementTree as ET

import pymupdf

from desktop_app.tools.einvoice_samples.ofd_parts import delta_x
from tests.unit.tools.sample_files import manifest, printed, truth_infos

NS = "{http://www.ofdspec.org/2016}"
PX_PER_MM = 150 / 25.4
PARTS = (
    "OFD.xml",
    "Doc_0/Document.xml",
    "Doc_0/PublicRes.xml",
    "Doc_0/DocumentRes.xml",
    "Doc_0/Tpls/Tpl_0/Content.xml",
    "Doc_0/Pages/Page_0/Content.xml",
    "Doc_0/Tags/CustomTags.xml",
    "Doc_0/Tags/CustomTag.xml",
)


def _deltas(text: str) -> list[float]:
    """DeltaX expanded (``g N v`` is N times v)."""
    tokens, out, i = text.split(), [], 0
    while i < len(tokens):
        if tokens[i] == "g":
            out += [float(tokens[i + 2])] * int(tokens[i + 1])
            i += 3
        else:
            out.append(float(tokens[i]))
            i += 1
    return out


def _glyphs(page: ET.Element) -> list[tuple[str, float, float]]:
    """Every character of the page's TextObjects with its origin (mm)."""
    out = []
    for obj in page.iter(f"{NS}TextObject"):
        bx, by, _, _ = (float(v) for v in obj.get("Boundary", "").split())
        for code in obj.iter(f"{NS}TextCode"):
            x, y = bx + float(code.get("X", "0")), by + float(code.get("Y", "0"))
            steps = _deltas(code.get("DeltaX", ""))
            for i, ch in enumerate(code.text or ""):
                out.append((ch, x, y))
                x += steps[i] if i < len(steps) else 0.0
    return out


def test_delta_x_uses_the_g_shorthand_as_the_genuine_files() -> None:
    assert delta_x([1.5875] * 19) == "g 19 1.5875"
    assert delta_x([1.5875, 3.175, 3.175, 1.5875]) == "1.5875 g 2 3.175 1.5875"


def test_the_ofd_has_the_genuine_parts_labels_in_the_template_values_in_the_page(
    samples: Path,
) -> None:
    entries = manifest(samples, "ofd")
    assert len(entries) == len(manifest(samples, "pdf"))
    for entry in entries:
        with zipfile.ZipFile(samples / entry["file"]) as archive:
            names = archive.namelist()
            assert names[0] == "OFD.xml" and set(PARTS) <= set(names)
            ofd = ET.fromstring(archive.read("OFD.xml"))
            datas = {d.get("Name"): d.text for d in ofd.iter(f"{NS}CustomData")}
            values = {i["Name"]: i["Value"] for i in truth_infos(samples, entry)}
            assert datas["发票号码"] == values["发票号码"]
            template = ET.fromstring(archive.read("Doc_0/Tpls/Tpl_0/Content.xml"))
            labels = "".join(ch for ch, _, _ in _glyphs(template))
            assert values["发票类型"] in labels and "开票日期" in labels
            assert len(list(template.iter(f"{NS}PathObject"))) > 30  # the ruling
            page = ET.fromstring(archive.read("Doc_0/Pages/Page_0/Content.xml"))
            assert page.find(f"{NS}Template") is not None
            assert len(list(page.iter(f"{NS}ImageObject"))) >= 1  # the QR code
            annots = ET.fromstring(archive.read("Doc_0/Annots/Page_0/Annotation.xml"))
            images = [*page.iter(f"{NS}ImageObject"), *annots.iter(f"{NS}ImageObject")]
            assert len(images) == 2  # the QR code and the seal, in the page or annotated
            counter = "".join(ch for ch, _, _ in _glyphs(annots))
            assert counter.startswith("下载次数")


def test_every_truth_value_is_printed_in_the_page_at_its_box(samples: Path) -> None:
    for entry in manifest(samples, "ofd"):
        with zipfile.ZipFile(samples / entry["file"]) as archive:
            glyphs = _glyphs(ET.fromstring(archive.read("Doc_0/Pages/Page_0/Content.xml")))
        for info in truth_infos(samples, entry):
            rect = info["Rect"]
            if not rect["Width"]:
                continue
            box = pymupdf.Rect(
                rect["X"], rect["Y"], rect["X"] + rect["Width"], rect["Y"] + rect["Height"]
            )
            inside = [
                (y, x, ch)
                for ch, x, y in glyphs
                if box.contains(pymupdf.Point(x * PX_PER_MM + 1, y * PX_PER_MM - 1))
            ]
            text = "".join(ch for _, _, ch in sorted(inside))
            assert text == printed(info["Name"], info["Value"]), (entry["file"], info["Name"])
