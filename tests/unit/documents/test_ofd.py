"""OFD files: opened by content, read exactly (template + page), drawn for the clerk, refused safely."""

from __future__ import annotations

import io
import math
import time
import zipfile
from pathlib import Path

import pytest
from ofd_parts import ofd_parts, png, signed_value, vector_seal, zip_parts
from PIL import Image

from desktop_app.documents import (
    CorruptFile,
    DamagedOfd,
    NotAnOfd,
    OfdTooLarge,
    UnsupportedFormat,
    open_document,
)
from desktop_app.documents.page_text import ORIGIN_OFD, PageText

DPI = 150
PX_PER_MM = DPI / 25.4


def _write(tmp_path: Path, data: bytes, name: str = "invoice.ofd") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def _good(tmp_path: Path, **changes: bytes | None) -> Path:
    parts = ofd_parts()
    for name, value in changes.items():
        name = name.replace("__", "/")
        if value is None:
            parts.pop(name)
        else:
            parts[name] = value
    return _write(tmp_path, zip_parts(parts))


def _spans(text: PageText) -> dict[str, tuple[float, float, float, float]]:
    return {span.text: span.box for span in text.spans}


def test_a_good_ofd_opens_with_its_pages(tmp_path: Path) -> None:
    with open_document(_good(tmp_path)) as document:
        assert document.format == "OFD"
        assert document.page_count == 1
        assert document.note is None
        page = document.page_image(0, DPI)
    # MuPDF's pixmaps round a page's size up: 210 mm at 150 dpi is 1240.16 → 1241 pixels.
    assert (page.width, page.height) == (math.ceil(210 * PX_PER_MM), math.ceil(140 * PX_PER_MM))
    assert page.text is not None and page.text.origin == ORIGIN_OFD and page.text.exact
    assert (page.text.width, page.text.height) == (page.width, page.height)


def test_text_comes_from_template_and_page_in_separate_spans(tmp_path: Path) -> None:
    with open_document(_good(tmp_path)) as document:
        text = document.page_text(0, DPI)
    assert text is not None
    assert [span.text for span in text.spans] == [
        "电子发票（机动车销售统一发票）",
        "发票号码：",  # the template's label ...
        "25312000000012345678",  # ... and the page's value, side by side but not one span
        "购买方名称",
        "上海某某汽车销售有限公司",  # a vertical rule at x=45 mm lies between them too
        "¥123456.00",  # two objects drawn as one run
    ]  # the watermark annotation and the text below the page are not the form's text
    spans = _spans(text)
    x0, y0, x1, y1 = spans["25312000000012345678"]
    assert x0 == pytest.approx(165 * PX_PER_MM, abs=1)
    assert y0 < 21 * PX_PER_MM < y1  # the baseline (Boundary y 18 + Y 3) inside the box
    assert x1 == pytest.approx((165 + 19 * 1.5 + 0.55 * 3) * PX_PER_MM, abs=1)
    label = spans["发票号码："]  # squeezed by its CTM to 0.89 of its width
    assert label[2] - label[0] == pytest.approx(0.89 * 5 * 3 * PX_PER_MM, abs=1)
    assert text.spans[1].size == pytest.approx(3 * PX_PER_MM)
    assert text.extras["custom.发票号码"] == "25312000000012345678"
    assert text.extras["tag.InvoiceNo"] == "25312000000012345678"
    assert text.extras["tag.Total"] == "¥123456.00"


def test_hidden_objects_are_not_read_and_layers_draw_in_type_order(tmp_path: Path) -> None:
    page = ofd_parts()["Doc_0/Pages/Page_0/Content.xml"].replace(
        b'<ofd:TextObject ID="52"', b'<ofd:TextObject Visible="false" ID="52"'
    )
    # A background layer written after the body: a grey box that must not cover the text.
    page = page.replace(
        b"</ofd:Layer></ofd:Content>",
        b'</ofd:Layer><ofd:Layer ID="9" Type="Background"><ofd:PathObject ID="60" '
        b'Boundary="40 30 100 20" Fill="true" Stroke="false"><ofd:FillColor Value="200 200 200"/>'
        b"<ofd:AbbreviatedData>M 0 0 L 100 0 L 100 20 L 0 20 C</ofd:AbbreviatedData>"
        b"</ofd:PathObject></ofd:Layer></ofd:Content>",
    )
    with open_document(_good(tmp_path, **{"Doc_0__Pages__Page_0__Content.xml": page})) as document:
        image = document.page_image(0, DPI)
    assert image.text is not None
    spans = _spans(image.text)
    assert "123456.00" in spans and "¥123456.00" not in spans  # the hidden ¥ is gone
    x0, y0, x1, y1 = (round(v) for v in spans["上海某某汽车销售有限公司"])
    drawn = Image.open(io.BytesIO(image.data)).convert("L").crop((x0, y0, x1, y1))
    assert drawn.getextrema()[0] < 100  # the text is drawn over the background box


def test_rules_come_from_the_template_merged(tmp_path: Path) -> None:
    with open_document(_good(tmp_path)) as document:
        text = document.page_text(0, DPI)
    assert text is not None
    horizontal = sorted(round(r.y0 / PX_PER_MM, 1) for r in text.rules if r.horizontal)
    vertical = sorted(round(r.x0 / PX_PER_MM, 1) for r in text.rules if not r.horizontal)
    assert horizontal == [30.2, 50.2]  # the second one drawn in two pieces
    assert vertical == [10.2, 45.2, 199.8]
    long_rule = next(r for r in text.rules if r.horizontal and r.y0 > 40 * PX_PER_MM)
    assert (long_rule.x1 - long_rule.x0) / PX_PER_MM == pytest.approx(190, abs=0.1)


def test_the_drawing_shows_text_ruling_images_seal_and_watermark(tmp_path: Path) -> None:
    with open_document(_good(tmp_path)) as document:
        page = document.page_image(0, DPI)
    image = Image.open(io.BytesIO(page.data)).convert("RGB")
    assert page.text is not None
    for span in page.text.spans:
        x0, y0, x1, y1 = (round(v) for v in span.box)
        assert image.crop((x0, y0, x1, y1)).convert("L").getextrema()[0] < 140, span.text

    def pixel(x_mm: float, y_mm: float) -> tuple[int, int, int]:
        return image.getpixel((round(x_mm * PX_PER_MM), round(y_mm * PX_PER_MM)))

    assert pixel(16, 16) == pytest.approx((0, 0, 255), abs=20)  # the QR image resource
    # The seal from SignedValue.dat, an opaque picture: drawn so that it only darkens the page.
    red, green, blue = pixel(165, 110)
    assert green > 180 and red < 150 and blue < 150
    red, green, blue = pixel(100, 30.2)  # the template's maroon ruling
    assert red > 90 and green < 60 and blue < 60
    x0, y0, x1, y1 = (round(v * PX_PER_MM) for v in (198, 60, 205, 90))
    reds = [image.getpixel((x, y)) for x in range(x0, x1) for y in range(y0, y1)]
    assert any(r > 200 and g < 80 for r, g, _ in reds)  # the rotated red watermark text


def test_a_vector_seal_is_drawn_from_its_own_ofd(tmp_path: Path) -> None:
    """The platform's seals are OFD pictures: a page of their own, drawn in the stamp's box."""
    value = signed_value(vector_seal(), kind=b"OFD")
    with open_document(
        _good(tmp_path, **{"Doc_0__Signs__Sign_0__SignedValue.dat": value})
    ) as document:
        page = document.page_image(0, DPI)
    image = Image.open(io.BytesIO(page.data)).convert("RGB")
    red = image.getpixel((round(165 * PX_PER_MM), round(110 * PX_PER_MM)))  # the stamp's centre
    assert red[0] > 200 and red[1] < 60 and red[2] < 60
    outside = image.getpixel((round(145 * PX_PER_MM), round(110 * PX_PER_MM)))
    assert outside == (255, 255, 255)


def test_sniffed_by_content_wherever_ofd_xml_sits(tmp_path: Path) -> None:
    late = zip_parts(ofd_parts(), first="Doc_0/Document.xml")
    with open_document(_write(tmp_path, late, "发票.zip")) as document:
        assert document.format == "OFD"
        assert document.note is not None  # the extension says otherwise


def test_a_zip_without_ofd_xml_is_not_a_supported_format(tmp_path: Path) -> None:
    data = zip_parts({"readme.txt": b"hello"}, first=None)
    with pytest.raises(UnsupportedFormat):
        open_document(_write(tmp_path, data, "a.ofd"))


def test_not_an_ofd_root(tmp_path: Path) -> None:
    with pytest.raises(NotAnOfd) as caught:
        open_document(_good(tmp_path, **{"OFD.xml": b"<html><body/></html>"}))
    assert "不是 OFD 文档" in str(caught.value)
    assert "not an OFD document" in caught.value.message.en


@pytest.mark.parametrize(
    ("changes", "words"),
    [
        ({"Doc_0__Document.xml": None}, "Document.xml"),
        ({"Doc_0__Pages__Page_0__Content.xml": None}, "a page's content"),
        ({"Doc_0__Tpls__Tpl_0__Content.xml": None}, "a template page"),
        ({"Doc_0__PublicRes.xml": b"<Res><Fonts>"}, "a resource file"),
        ({"Doc_0__Document.xml": b"<ofd:Document><ofd:Pages>"}, "not valid XML"),
        (
            {"Doc_0__Document.xml": b'<Document xmlns="x"><CommonData/><Pages/></Document>'},
            "no pages",
        ),
    ],
)
def test_missing_or_broken_parts(
    tmp_path: Path, changes: dict[str, bytes | None], words: str
) -> None:
    with pytest.raises(DamagedOfd) as caught:
        open_document(_good(tmp_path, **changes))
    assert words in caught.value.message.en
    assert caught.value.message.zh.startswith("OFD 文件“invoice.ofd”已损坏")
    assert isinstance(caught.value, CorruptFile)


def test_a_part_outside_the_package_is_never_read(tmp_path: Path) -> None:
    document_xml = ofd_parts()["Doc_0/Document.xml"].replace(
        b"Pages/Page_0/Content.xml", b"../../../../etc/passwd"
    )
    with pytest.raises(DamagedOfd):
        open_document(_good(tmp_path, **{"Doc_0__Document.xml": document_xml}))


def test_a_broken_zip(tmp_path: Path) -> None:
    data = zip_parts(ofd_parts())
    with pytest.raises(CorruptFile):
        open_document(_write(tmp_path, data[: len(data) // 2]))


def test_a_zip_bomb_is_refused_before_unpacking(tmp_path: Path) -> None:
    parts = ofd_parts()
    parts["Doc_0/Res/bomb.bin"] = bytes(8 * 1024 * 1024)  # 8 MB of zeros deflate ~1000:1
    path = _write(tmp_path, zip_parts(parts))
    started = time.perf_counter()
    with pytest.raises(OfdTooLarge) as caught:
        open_document(path)
    assert time.perf_counter() - started < 1.0
    assert "compressed" in caught.value.message.en


def _lie_about_sizes(data: bytes, size: int) -> bytes:
    """The zip with every central-directory entry claiming ``size`` uncompressed bytes."""
    out = bytearray(data)
    position = out.find(b"PK\x01\x02")
    while position != -1:
        out[position + 24 : position + 28] = size.to_bytes(4, "little")
        position = out.find(b"PK\x01\x02", position + 4)
    return bytes(out)


def test_a_huge_entry_is_refused(tmp_path: Path) -> None:
    data = _lie_about_sizes(zip_parts(ofd_parts()), 0x7FFF_FFFF)
    with pytest.raises(OfdTooLarge) as caught:
        open_document(_write(tmp_path, data))
    assert "too large" in caught.value.message.en


def test_too_many_entries_are_refused(tmp_path: Path) -> None:
    parts = ofd_parts()
    parts.update({f"Doc_0/Res/{n}.txt": b"" for n in range(2100)})
    with pytest.raises(OfdTooLarge) as caught:
        open_document(_write(tmp_path, zip_parts(parts)))
    assert "entries" in caught.value.message.en


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
<!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">]>
<ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016"><ofd:DocBody><ofd:DocRoot>&lol9;</ofd:DocRoot></ofd:DocBody></ofd:OFD>"""

EXTERNAL_ENTITY = b"""<?xml version="1.0"?>
<!DOCTYPE ofd [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016"><ofd:DocBody><ofd:DocRoot>&secret;</ofd:DocRoot></ofd:DocBody></ofd:OFD>"""

EXTERNAL_DTD = b"""<?xml version="1.0"?>
<!DOCTYPE ofd SYSTEM "http://127.0.0.1:9/evil.dtd">
<ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016"><ofd:DocBody><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>"""


@pytest.mark.parametrize("xml", [BILLION_LAUGHS, EXTERNAL_ENTITY, EXTERNAL_DTD])
def test_xml_with_entities_or_a_dtd_is_refused(tmp_path: Path, xml: bytes) -> None:
    started = time.perf_counter()
    with pytest.raises(OfdTooLarge) as caught:
        open_document(_good(tmp_path, **{"OFD.xml": xml}))
    assert time.perf_counter() - started < 1.0
    assert "declares a document type or entities" in caught.value.message.en


@pytest.mark.parametrize(
    "changes",
    [
        {"Doc_0__Signs__Sign_0__Signature.xml": b"<ofd:Signature><broken"},
        {"Doc_0__Annots__Page_0__Annotation.xml": b"not xml at all"},
        {"Doc_0__Tags__CustomTag.xml": None},
        {"Doc_0__Signs__Sign_0__SignedValue.dat": b"\x30\x82\xff\xff"},
    ],
)
def test_broken_decoration_does_not_keep_the_invoice_closed(
    tmp_path: Path, changes: dict[str, bytes | None]
) -> None:
    """Watermarks, seals and tags are decoration: the form is read and drawn without them."""
    with open_document(_good(tmp_path, **changes)) as document:
        page = document.page_image(0, 72)
    assert page.text is not None
    assert "25312000000012345678" in [span.text for span in page.text.spans]


def test_a_page_that_draws_a_broken_image_still_opens(tmp_path: Path) -> None:
    with open_document(_good(tmp_path, **{"Doc_0__Res__qr.png": b"\x89PNG broken"})) as document:
        page = document.page_image(0, 72)
    assert page.text is not None


def _genuine_ofd() -> Path:
    """../shared beside the checkout (or beside the worktrees' folder), else skip."""
    root = Path(__file__).resolve().parents[3]
    for shared in (root.parent / "shared", root.parent.parent / "shared"):
        path = shared / "datasets" / "einvoice-real" / "shudian_ordinary_20240528.ofd"
        if path.is_file():
            return path
    pytest.skip("../shared/datasets is not present")


@pytest.mark.needs_shared
def test_the_genuine_ordinary_einvoice() -> None:
    """A real 数电 OFD: labels in the template, values on the page, each its own span."""
    path = _genuine_ofd()
    with open_document(path) as document:
        assert (document.format, document.page_count) == ("OFD", 1)
        page = document.page_image(0, DPI)
    assert page.text is not None
    texts = [span.text for span in page.text.spans]
    for expected in (
        "发票号码：",
        "24112000000048542163",
        "开票日期：",
        "2024年05月28日",
        "¥4449.00",
    ):
        assert expected in texts
    assert "下载次数：1" not in "".join(texts)  # the watermark annotation is drawn, not read
    assert page.text.extras["tag.InvoiceNo"] == "24112000000048542163"
    assert (page.width, page.height) == (1241, 827)
    assert len(page.text.rules) >= 10


def test_zip_parts_helper_writes_ofd_xml_first() -> None:
    with zipfile.ZipFile(io.BytesIO(zip_parts(ofd_parts()))) as archive:
        assert archive.namelist()[0] == "OFD.xml"
    assert png((2, 2), (0, 0, 0)).startswith(b"\x89PNG")
