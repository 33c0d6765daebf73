"""A 数电 PDF with a text layer, end to end: opened, read from its text, boxes on the text.

The PDF is drawn here from the same rows as the reader's own tests, with PyMuPDF's
built-in CJK font, so the chain documents → forms → answer is tested without
../shared and without an OCR model.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop_app.documents.page_text import PageText
from desktop_app.recognition.factory import EngineSettings, create_backend
from tests.unit.forms.test_reader import motor_page

pymupdf = pytest.importorskip("pymupdf")

DPI = 150.0


def draw_pdf(page_text: PageText, path: Path) -> None:
    """``page_text`` (pixels at 150 dpi) drawn as a one-page PDF with a real text layer."""
    scale = 72.0 / DPI
    doc = pymupdf.open()
    page = doc.new_page(width=page_text.width * scale, height=page_text.height * scale)
    page.insert_font(fontname="cjk", fontbuffer=pymupdf.Font("cjk").buffer)
    for rule in page_text.rules:
        page.draw_line((rule.x0 * scale, rule.y0 * scale), (rule.x1 * scale, rule.y1 * scale))
    for span in page_text.spans:
        size = (span.box[3] - span.box[1]) * scale
        page.insert_text(
            (span.box[0] * scale, span.box[3] * scale - 0.15 * size),
            span.text,
            fontname="cjk",
            fontsize=size,
        )
    doc.save(path)
    doc.close()


class _NoOcr:
    name = "local"

    def recognize(self, page, *, cancel=None):
        raise AssertionError("a page with a text layer must not be recognized")


def test_einvoice_pdf_is_read_from_its_text_not_recognized(tmp_path, monkeypatch) -> None:
    from desktop_app.documents.document import open_document
    from desktop_app.recognition import factory

    path = tmp_path / "motor.pdf"
    draw_pdf(motor_page(), path)
    monkeypatch.setattr(factory, "_create_local", lambda: _NoOcr())
    backend = create_backend(EngineSettings("local"))
    with open_document(path) as document:
        page = document.page_image(0, dpi=DPI)
    assert page.text is not None
    result = backend.recognize(page)
    assert result.engine == "text"
    got = result.values()
    assert got["发票号码"] == "25312000000012345678"
    assert got["车辆识别代号/车架号码"] == "LE4ZG8DB1ML123456"
    assert got["厂牌型号"] == "梅赛德斯-奔驰1991CCCLA 260 4MATIC"
    assert got["价税合计(小写)"] == "¥300800.00"
    assert got["销售方电话"] == "021-12345678"
    assert got["身份证号码/组织机构代码"] == got["购买方纳税人识别号"] == "91310000MA1FL0XX2B"
    assert got["主管税务机关"] == "国家税务总局上海市浦东新区税务局"
    assert got["主管税务机关代码"] == "131011500"
    vin = result.get("车辆识别代号/车架号码")
    assert vin is not None and vin.rect is not None
    # the box sits on the drawn text: within a few pixels of where it was written
    assert vin.rect.x == pytest.approx(40 + 160 + 380 + 300 + 6, abs=3)
    assert vin.rect.width == pytest.approx(17 * 20 * 0.55, rel=0.5)


def test_without_cloud_keys_einvoices_are_still_read(tmp_path, monkeypatch, capsys) -> None:
    from desktop_app import cli

    for name in ("TENCENTCLOUD_SECRET_ID", "TENCENTCLOUD_SECRET_KEY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))  # no ~/.tencentcloud/credentials
    monkeypatch.setattr("keyring.get_password", lambda *a: None)
    path = tmp_path / "motor.pdf"
    draw_pdf(motor_page(), path)
    backend = create_backend(EngineSettings("cloud"))
    assert backend.problem is not None and backend.problem.code == "Client.MissingCredentials"
    assert cli.main(["recognize", str(path), "--engine", "cloud"]) == 0
    assert "25312000000012345678" in capsys.readouterr().out
    page = tmp_path / "scan.png"
    pymupdf.open(path)[0].get_pixmap(dpi=50).save(str(page))
    assert cli.main(["recognize", str(page), "--engine", "cloud"]) == 1
    assert capsys.readouterr().err.startswith("error: Client.MissingCredentials: ")
