"""QR codes read from page images with zxing-cpp; pages drawn with Pillow, codes made by segno."""

from __future__ import annotations

import io

import segno
from PIL import Image, ImageDraw, ImageFilter

from desktop_app.documents.page import PageImage
from desktop_app.documents.qr import read_qr_codes

PAYLOAD = "01,31,,24112000000048542163,4449.00,20240528,,B2B6"


def qr_image(text: str = PAYLOAD, scale: int = 4) -> Image.Image:
    buffer = io.BytesIO()
    segno.make(text, error="m", micro=False).save(buffer, kind="png", scale=scale, border=2)
    return Image.open(io.BytesIO(buffer.getvalue())).convert("L")


def invoice_page(code: Image.Image | None, *, size=(1417, 945), at=(60, 40)) -> Image.Image:
    """A white page with ruling and, when given, the QR code at its top left."""
    page = Image.new("RGB", size, "white")
    draw = ImageDraw.Draw(page)
    for y in range(220, size[1] - 40, 45):
        draw.line((50, y, size[0] - 50, y), fill="black", width=2)
    if code is not None:
        page.paste(code, at)
    return page


def as_page(image: Image.Image, fmt: str = "PNG") -> PageImage:
    buffer = io.BytesIO()
    image.save(buffer, fmt)
    mime = "image/png" if fmt == "PNG" else "image/jpeg"
    return PageImage(buffer.getvalue(), mime, image.width, image.height)


def test_a_rendered_page_gives_its_payload() -> None:
    assert read_qr_codes(as_page(invoice_page(qr_image()))) == (PAYLOAD,)


def test_a_rotated_blurred_jpeg_photo_still_reads() -> None:
    page = invoice_page(qr_image(scale=5)).rotate(7, expand=True, fillcolor="white")
    photo = page.filter(ImageFilter.GaussianBlur(1.2))
    assert read_qr_codes(as_page(photo, "JPEG")) == (PAYLOAD,)


def test_a_page_without_a_code_gives_nothing() -> None:
    assert read_qr_codes(as_page(invoice_page(None))) == ()


def test_bytes_that_are_no_image_give_nothing() -> None:
    assert read_qr_codes(PageImage(b"\x89PNG\r\n\x1a\n broken", "image/png", 10, 10)) == ()


def test_the_qr_benchmark_prints_each_files_payload(tmp_path, capsys) -> None:
    from desktop_app.bench.__main__ import main

    with_code, without = tmp_path / "with.png", tmp_path / "without.png"
    invoice_page(qr_image()).save(with_code)
    invoice_page(None).save(without)
    assert main(["qr", str(with_code), str(without), "--runs", "1"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[1].startswith("with.png") and lines[1].endswith(PAYLOAD)
    assert lines[2].startswith("without.png") and lines[2].endswith(" -")
