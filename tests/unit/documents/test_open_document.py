"""open_document and Document.page_image: formats, pages, sizes, bytes kept or rendered."""

from __future__ import annotations

import io
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pymupdf
import pytest
from PIL import Image

from desktop_app.documents import (
    SUPPORTED_SUFFIXES,
    Document,
    PageImage,
    is_supported_path,
    open_document,
)


def decode(page: PageImage) -> Image.Image:
    image = Image.open(io.BytesIO(page.data))
    image.load()
    assert image.size == (page.width, page.height)
    return image


def is_red(pixel: tuple[int, ...]) -> bool:
    return pixel[0] > 200 and pixel[1] < 60 and pixel[2] < 60


@pytest.mark.parametrize(
    ("name", "options", "fmt"),
    [
        ("scan.png", {}, "PNG"),
        ("scan.jpg", {}, "JPEG"),
        ("scan.JPEG", {}, "JPEG"),
        ("scan.bmp", {}, "BMP"),
        ("scan.tif", {}, "TIFF"),
        ("scan.webp", {"lossless": True}, "WEBP"),
        ("scan.gif", {}, "GIF"),
    ],
)
def test_each_image_format_opens_as_one_page_of_its_size(make_image, name, options, fmt) -> None:
    with open_document(make_image(name, **options)) as document:
        assert document.format == fmt
        assert document.page_count == 1
        assert document.note is None
        page = document.page_image(0)
    assert (page.width, page.height) == (64, 48)
    assert page.page_index == 0
    assert page.dpi is None
    assert page.source is not None and page.source.name == name
    assert is_red(decode(page).convert("RGB").getpixel((2, 2)))


@pytest.mark.parametrize(("name", "mime"), [("a.png", "image/png"), ("a.jpg", "image/jpeg")])
def test_png_and_jpeg_the_service_accepts_come_back_as_the_file_bytes(make_image, name, mime):
    path = make_image(name)
    with open_document(path) as document:
        page = document.page_image(0, dpi=300)  # dpi means nothing for an image
    assert page.data == path.read_bytes()
    assert page.mime == mime
    assert (page.width, page.height) == (64, 48)


@pytest.mark.parametrize("mode", ["L", "RGBA", "P", "1"])
def test_8_bit_png_modes_pass_through(make_image, marked, mode) -> None:
    path = make_image(f"{mode}.png", marked((64, 48)).convert(mode))
    with open_document(path) as document:
        assert document.page_image(0).data == path.read_bytes()


def test_jpeg_with_exif_orientation_6_comes_back_upright_as_png(make_image, marked) -> None:
    exif = Image.Exif()
    exif[0x0112] = 6  # stored sideways: turn 90° clockwise to show
    path = make_image("phone.jpg", marked((80, 40)), exif=exif, quality=95)
    with open_document(path) as document:
        page = document.page_image(0)
    assert page.mime == "image/png"
    assert (page.width, page.height) == (40, 80)
    upright = decode(page)
    assert is_red(upright.getpixel((37, 2)))  # the stored top-left is now the top-right
    assert not is_red(upright.getpixel((2, 2)))


def test_png_with_exif_orientation_is_rendered_upright(make_image, marked) -> None:
    exif = Image.Exif()
    exif[0x0112] = 8  # turn 90° counter-clockwise to show
    path = make_image("turned.png", marked((80, 40)), exif=exif)
    with open_document(path) as document:
        page = document.page_image(0)
    assert (page.mime, page.width, page.height) == ("image/png", 40, 80)
    assert is_red(decode(page).getpixel((2, 77)))  # the stored top-left is now the bottom-left


def test_cmyk_jpeg_is_rendered_to_rgb_png(make_image, marked) -> None:
    with open_document(make_image("print.jpg", marked((64, 48)).convert("CMYK"))) as document:
        page = document.page_image(0)
    assert page.mime == "image/png"
    assert decode(page).mode == "RGB"


def test_16_bit_png_is_rendered_to_8_bit_grey_scaled_not_clipped(make_image) -> None:
    path = make_image("deep.png", Image.new("I;16", (10, 10), 40000))
    with open_document(path) as document:
        page = document.page_image(0)
    image = decode(page)
    assert page.mime == "image/png" and page.data != path.read_bytes()
    assert image.mode == "L" and image.getpixel((0, 0)) == 40000 // 256


def _grey16(size: tuple[int, int], value_at: Callable[[int], int]) -> Image.Image:
    """A 16-bit grey image whose sample in column x is ``value_at(x)``."""
    width, height = size
    row = b"".join(value_at(x).to_bytes(2, "little") for x in range(width))
    return Image.frombytes("I;16", size, row * height)


def test_16_bit_grey_png_using_only_0_to_255_is_not_read_as_a_blank_page(make_image) -> None:
    """Many tools write 8-bit values into a 16-bit PNG: dividing by 256 made it black."""
    # Black ink on the left half, white paper, mid grey on the right.
    deep = _grey16((20, 10), lambda x: 0 if x < 10 else 255 if x < 15 else 128)
    with open_document(make_image("eight-in-sixteen.png", deep)) as document:
        image = decode(document.page_image(0))
    assert image.mode == "L"
    assert [image.getpixel((x, 5)) for x in (0, 12, 17)] == [0, 255, 128]


def test_12_bit_grey_png_is_scaled_by_its_real_range(make_image) -> None:
    deep = _grey16((10, 10), lambda x: 2048 if x < 5 else 4095)
    with open_document(make_image("twelve.png", deep)) as document:
        image = decode(document.page_image(0))
    assert (image.getpixel((0, 0)), image.getpixel((9, 9))) == (128, 255)


def test_16_bit_rgb_png_is_rendered_although_pillow_reads_it_as_rgb(
    tmp_path: Path, png_16_bit_rgb
) -> None:
    path = tmp_path / "deep-rgb.png"
    path.write_bytes(png_16_bit_rgb(6, 4))
    with open_document(path) as document:
        page = document.page_image(0)
    assert page.data != path.read_bytes()
    assert (page.width, page.height) == (6, 4)
    assert decode(page).getpixel((0, 0)) == (128, 128, 128)


def test_transparent_webp_is_flattened_on_white_when_rendered(tmp_path: Path) -> None:
    image = Image.new("RGBA", (8, 8), (0, 0, 0, 0))  # transparent black
    path = tmp_path / "clear.webp"
    image.save(path, lossless=True)
    with open_document(path) as document:
        assert decode(document.page_image(0)).getpixel((3, 3)) == (255, 255, 255)


def test_multi_page_tiff_has_a_page_per_frame_each_of_its_own_size(make_image, marked) -> None:
    first, *rest = [marked(size) for size in ((64, 48), (30, 20), (20, 30))]
    path = make_image("batch.tiff", first, save_all=True, append_images=rest)
    with open_document(path) as document:
        assert document.page_count == 3
        sizes = [(p.width, p.height) for p in map(document.page_image, range(3))]
        assert document.page_image(2).page_index == 2
    assert sizes == [(64, 48), (30, 20), (20, 30)]


def test_gif_is_converted_to_png_and_its_frames_are_pages(make_image, marked) -> None:
    frames = [marked((64, 48)), Image.new("RGB", (64, 48), "blue"), Image.new("RGB", (64, 48))]
    path = make_image("anim.gif", frames[0], save_all=True, append_images=frames[1:])
    with open_document(path) as document:
        assert document.page_count == 3
        page = document.page_image(1)
    assert page.mime == "image/png"
    assert decode(page).convert("RGB").getpixel((5, 5))[2] > 200


def test_single_frame_gif_is_one_png_page(make_image) -> None:
    with open_document(make_image("one.gif")) as document:
        assert document.page_count == 1
        assert document.page_image(0).mime == "image/png"


def test_pdf_pages_rasterize_at_the_requested_dpi(make_pdf) -> None:
    path = make_pdf("invoice.pdf", (720, 360), (360, 720))
    with open_document(path) as document:
        assert (document.format, document.page_count) == ("PDF", 2)
        default = document.page_image(0)
        at_72 = document.page_image(0, dpi=72)
        second = document.page_image(1, dpi=72)
    assert (default.width, default.height, default.dpi) == (1500, 750, 150.0)
    assert (at_72.width, at_72.height, at_72.dpi) == (720, 360, 72.0)
    assert (second.width, second.height, second.page_index) == (360, 720, 1)
    assert default.mime == "image/png"
    assert decode(default).mode == "RGB"


def test_rotated_pdf_page_renders_in_its_shown_orientation(tmp_path: Path) -> None:
    pdf = pymupdf.open()
    pdf.new_page(width=720, height=360).set_rotation(90)
    path = tmp_path / "turned.pdf"
    pdf.save(path)
    with open_document(path) as document:
        page = document.page_image(0, dpi=72)
    assert (page.width, page.height) == (360, 720)


def test_content_wins_over_a_lying_extension_and_the_note_says_so(
    tmp_path: Path, make_image, pdf_bytes
) -> None:
    pdf_as_png = tmp_path / "really-a-pdf.png"
    pdf_as_png.write_bytes(pdf_bytes((720, 360)))
    png_as_pdf = make_image("really-a-png.pdf", format="PNG")
    with open_document(pdf_as_png) as document:
        assert document.format == "PDF"
        assert document.note is not None and "really-a-pdf.png" in document.note.zh
        assert "PDF" in document.note.en
    with open_document(png_as_pdf) as document:
        assert document.format == "PNG"
        assert document.page_image(0).mime == "image/png"
        assert document.note is not None


def test_str_path_is_accepted(make_image) -> None:
    with open_document(str(make_image("a.png"))) as document:
        assert isinstance(document.path, Path)


def test_close_is_idempotent_and_a_closed_document_refuses_to_render(make_pdf) -> None:
    document = open_document(make_pdf("a.pdf"))
    assert isinstance(document, Document) and not document.closed
    document.close()
    document.close()
    assert document.closed
    with pytest.raises(ValueError, match="closed"):
        document.page_image(0)


@pytest.mark.parametrize("dpi", [0, -72, float("nan"), 5000])
def test_unreasonable_dpi_is_a_programming_error(make_pdf, dpi: float) -> None:
    with open_document(make_pdf("a.pdf")) as document, pytest.raises(ValueError):
        document.page_image(0, dpi=dpi)


def test_repr_is_short(make_pdf) -> None:
    with open_document(make_pdf("a.pdf")) as document:
        page = document.page_image(0)
        assert repr(document) == "Document('a.pdf', PDF, 1 pages)"
    assert len(repr(page)) < 200


def test_supported_suffixes_and_paths() -> None:
    assert {".pdf", ".png", ".jpg", ".jpeg", ".bmp", ".tif", ".tiff", ".webp", ".gif"} <= set(
        SUPPORTED_SUFFIXES
    )
    assert all(s.startswith(".") and s == s.lower() for s in SUPPORTED_SUFFIXES)
    assert is_supported_path("发票/扫描件.PDF")
    assert is_supported_path(Path("a.Jpeg"))
    assert not is_supported_path("notes.txt")
    assert not is_supported_path("pdf")


def test_importing_the_package_or_page_does_not_load_pymupdf_or_pillow() -> None:
    code = (
        "import sys, desktop_app.documents, desktop_app.documents.page;"
        "sys.exit(int('pymupdf' in sys.modules or 'PIL' in sys.modules))"
    )
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0
