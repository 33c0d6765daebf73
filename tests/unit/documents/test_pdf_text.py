"""A PDF page's own text layer and ruling (PageImage.text / Document.page_text)."""

from __future__ import annotations

import io
from pathlib import Path

import pymupdf
import pytest
from PIL import Image

from desktop_app.documents import open_document
from desktop_app.documents.page_text import ORIGIN_PDF, PageText


def _write(
    tmp_path: Path, draw, *, width: float = 595, height: float = 420, rotate: int = 0
) -> Path:
    pdf = pymupdf.open()
    page = pdf.new_page(width=width, height=height)
    draw(page)
    if rotate:
        page.set_rotation(rotate)
    path = tmp_path / "invoice.pdf"
    pdf.save(path)
    pdf.close()
    return path


def _cjk(page: pymupdf.Page, point: tuple[float, float], text: str, size: float = 9, **kw) -> None:
    page.insert_text(point, text, fontname="china-s", fontsize=size, **kw)


def _invoice(page: pymupdf.Page) -> None:
    """A small grid: labels left of a rule at x=120, values right of it."""
    page.draw_rect(pymupdf.Rect(20, 80, 575, 300))
    page.draw_line((20, 120), (575, 120))
    page.draw_line((120, 80), (120, 300))
    _cjk(page, (60, 40), "电子发票（机动车销售统一发票）", 14)
    # The label ends at x≈116, the value starts at x=123: only the rule separates them.
    _cjk(page, (80, 100), "名称：", 12)
    _cjk(page, (123, 100), "上海某某汽车销售有限公司")
    _cjk(page, (25, 140), "价税合计")
    page.insert_text((125, 140), "¥", fontname="helv", fontsize=9)
    page.insert_text((131, 140), "123456.00", fontname="helv", fontsize=9)
    _cjk(page, (300, 140), "备注")


def _text(path: Path, dpi: float = 150) -> PageText | None:
    with open_document(path) as document:
        return document.page_text(0, dpi)


def _by_text(page_text: PageText) -> dict[str, tuple[float, float, float, float]]:
    return {span.text: span.box for span in page_text.spans}


def test_spans_are_cut_at_rules_and_gaps_and_join_across_fonts(tmp_path: Path) -> None:
    page_text = _text(_write(tmp_path, _invoice))
    assert page_text is not None
    assert page_text.origin == ORIGIN_PDF and page_text.exact
    texts = [span.text for span in page_text.spans]
    assert texts == [
        "电子发票（机动车销售统一发票）",
        "名称：",
        "上海某某汽车销售有限公司",
        "价税合计",
        "¥123456.00",
        "备注",
    ]
    for span in page_text.spans:
        assert len(span.chars) == len(span.text)
        assert span.score == 1.0


def _mapped_text(page: pymupdf.Page, point: tuple[float, float], unicode: str) -> None:
    """Draw letters A, B, ... in Helvetica whose ToUnicode map says they are ``unicode``.

    This is how a producer's broken or odd ToUnicode map looks to an extractor.
    """
    letters = "ABCDEFGHIJKLMNOP"[: len(unicode)]
    page.insert_text(point, letters, fontname="helv", fontsize=12)
    pairs = " ".join(
        f"<{ord(a):02X}> <{ord(u):04X}>" for a, u in zip(letters, unicode, strict=True)
    )
    cmap_text = (
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap "
        "/CMapName /Adobe-Identity-UCS def /CMapType 2 def "
        "1 begincodespacerange <00> <FF> endcodespacerange "
        f"{len(letters)} beginbfchar {pairs} endbfchar "
        "endcmap CMapName currentdict /CMap defineresource pop end end"
    )
    document = page.parent
    font_xref = next(font[0] for font in page.get_fonts() if font[3] == "Helvetica")
    cmap = document.get_new_xref()
    document.update_object(cmap, "<<>>")
    document.update_stream(cmap, cmap_text.encode())
    document.xref_set_key(font_xref, "ToUnicode", f"{cmap} 0 R")


def test_compatibility_ideographs_are_folded(tmp_path: Path) -> None:
    """A font whose ToUnicode maps a glyph to U+F963 (a 北 look-alike) reads as 北."""

    def draw(page: pymupdf.Page) -> None:
        _cjk(page, (50, 50), "发票号码")
        _mapped_text(page, (50, 100), "\uf963京市")

    path = _write(tmp_path, draw)
    with pymupdf.open(path) as pdf:
        assert "\uf963京市" in pdf[0].get_text()  # what MuPDF itself extracts
    page_text = _text(path)
    assert page_text is not None
    assert [span.text for span in page_text.spans] == ["发票号码", "北京市"]


def test_boxes_are_pixels_at_the_dpi(tmp_path: Path) -> None:
    path = _write(tmp_path, _invoice)
    low, high = _text(path, 150), _text(path, 300)
    assert low is not None and high is not None
    assert (low.width, low.height) == (round(595 * 150 / 72), round(420 * 150 / 72))
    x0, y0, x1, y1 = _by_text(low)["价税合计"]
    assert x0 == pytest.approx(25 * 150 / 72, abs=1)
    assert y1 > 140 * 150 / 72 > y0  # the baseline lies inside the box
    assert _by_text(high)["价税合计"] == pytest.approx(
        tuple(2 * v for v in (x0, y0, x1, y1)), abs=0.5
    )
    assert low.spans[1].size == pytest.approx(12 * 150 / 72)


def test_page_image_carries_the_same_text_and_the_boxes_sit_on_ink(tmp_path: Path) -> None:
    path = _write(tmp_path, _invoice, rotate=90)
    with open_document(path) as document:
        page = document.page_image(0, 100)
        assert page.text == document.page_text(0, 100)
    assert page.text is not None
    assert (page.text.width, page.text.height) == (page.width, page.height)
    image = Image.open(io.BytesIO(page.data)).convert("L")
    for span in page.text.spans:
        x0, y0, x1, y1 = (round(v) for v in span.box)
        assert 0 <= x0 < x1 <= page.width and 0 <= y0 < y1 <= page.height
        assert image.crop((x0, y0, x1, y1)).getextrema()[0] < 128, span.text


def test_ruling_is_merged_and_in_pixels(tmp_path: Path) -> None:
    def draw(page: pymupdf.Page) -> None:
        _invoice(page)
        page.draw_line((20, 200), (300, 200))  # two collinear pieces: one rule
        page.draw_line((300, 200), (575, 200))
        page.draw_line((20, 200.3), (575, 200.3))  # drawn twice a hair apart
        page.draw_rect(pymupdf.Rect(20, 250, 575, 250.8), color=None, fill=(0, 0, 0))  # thin fill
        page.draw_line((20, 260), (300, 290))  # a diagonal is not ruling
        page.draw_line((20, 270), (575, 270), color=(1, 1, 1))  # white on white
        page.draw_line((400, 230), (401, 230))  # a tick

    page_text = _text(_write(tmp_path, draw), 72)
    assert page_text is not None
    horizontal = sorted(round(r.y0) for r in page_text.rules if r.horizontal)
    vertical = sorted(round(r.x0) for r in page_text.rules if not r.horizontal)
    assert horizontal == [80, 120, 200, 250, 300]
    assert vertical == [20, 120, 575]
    rule_200 = next(r for r in page_text.rules if r.horizontal and round(r.y0) == 200)
    assert (rule_200.x0, rule_200.x1) == pytest.approx((20, 575))


@pytest.mark.parametrize(
    "draw",
    [
        pytest.param(lambda page: None, id="no text"),
        pytest.param(
            lambda page: _cjk(page, (50, 50), "购买方名称上海汽车", render_mode=3), id="ocr layer"
        ),
        pytest.param(lambda page: page.insert_text((50, 50), "Invoice total 123.00"), id="not cjk"),
        pytest.param(
            lambda page: _mapped_text(page, (50, 50), "发票\ufffd\ufffd\ue001\ue002号码"),
            id="garbage",
        ),
        pytest.param(lambda page: _cjk(page, (50, 50), "(cid:12)(cid:34) 发票号码"), id="cid"),
        pytest.param(lambda page: _cjk(page, (300, 400), "扫描全能王 创建"), id="scan caption"),
    ],
)
def test_unusable_text_layers_give_none(tmp_path: Path, draw) -> None:
    def page_with_image(page: pymupdf.Page) -> None:
        page.insert_image(page.rect, stream=_png())  # a scan of the whole page
        draw(page)

    path = _write(tmp_path, page_with_image)
    assert _text(path) is None
    with open_document(path) as document:
        assert document.page_image(0, 72).text is None


def test_a_text_page_with_a_page_sized_image_keeps_its_text(tmp_path: Path) -> None:
    """An e-invoice drawn over a background image is still read from its text."""

    def draw(page: pymupdf.Page) -> None:
        page.insert_image(page.rect, stream=_png())
        _invoice(page)

    page_text = _text(_write(tmp_path, draw))
    assert page_text is not None and "上海某某汽车销售有限公司" in _by_text(page_text)


def test_an_image_file_has_no_page_text(make_image) -> None:
    with open_document(make_image("scan.png")) as document:
        assert document.page_text(0) is None
        assert document.page_image(0).text is None


def _png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (40, 20), (200, 30, 30)).save(buffer, "PNG")
    return buffer.getvalue()
