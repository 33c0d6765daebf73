"""Every way a clerk's file can fail to open becomes one typed, readable DocumentError."""

from __future__ import annotations

import os
import random
import sys
from pathlib import Path

import pymupdf
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop_app.core.errors import CarInvoiceError
from desktop_app.documents import (
    CorruptFile,
    DocumentError,
    EmptyFile,
    EncryptedPdf,
    FileNotFound,
    FileTooLarge,
    FileUnreadable,
    ImageTooLarge,
    PageOutOfRange,
    UnsupportedFormat,
    open_document,
)


def assert_readable(error: DocumentError, path: Path) -> None:
    """The clerk sees one sentence naming the file, in both languages, never a traceback."""
    assert isinstance(error, CarInvoiceError)
    assert error.path == path
    for text in (str(error), error.message.zh, error.message.en, error.one_line("en")):
        assert path.name in text
        assert "Traceback" not in text and "\n" not in text
    assert str(error) == error.message.zh
    assert error.advice.zh and error.advice.en
    assert error.code in error.describe("en")


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("random.xyz", random.Random(7).randbytes(4096)),
        ("notes.txt", "发票号码 12345\n".encode() * 20),
        ("garbage.png", b"not a png at all" * 10),
    ],
)
def test_unknown_content_is_unsupported_whatever_the_extension(tmp_path, name, data) -> None:
    path = write(tmp_path, name, data)
    with pytest.raises(UnsupportedFormat) as caught:
        open_document(path)
    assert_readable(caught.value, path)


@pytest.mark.parametrize(("name", "options"), [("cut.png", {}), ("cut.jpg", {"quality": 95})])
def test_truncated_image_is_corrupt_at_open(tmp_path, make_image, noise, name, options) -> None:
    whole = make_image(name, noise((200, 150)), **options).read_bytes()
    path = write(tmp_path, name, whole[: len(whole) // 2])
    with pytest.raises(CorruptFile) as caught:
        open_document(path)
    assert_readable(caught.value, path)
    assert caught.value.detail  # Pillow's own words, for the log


def test_empty_file(tmp_path) -> None:
    path = write(tmp_path, "empty.pdf", b"")
    with pytest.raises(EmptyFile) as caught:
        open_document(path)
    assert_readable(caught.value, path)
    assert "0" in str(caught.value)


def test_password_protected_pdf(tmp_path, pdf_bytes) -> None:
    data = pdf_bytes((720, 360), encryption=pymupdf.PDF_ENCRYPT_AES_256, user_pw="s3cret")
    path = write(tmp_path, "locked.pdf", data)
    with pytest.raises(EncryptedPdf) as caught:
        open_document(path)
    assert_readable(caught.value, path)


def test_pdf_with_only_an_owner_password_opens(tmp_path, pdf_bytes) -> None:
    data = pdf_bytes((720, 360), encryption=pymupdf.PDF_ENCRYPT_AES_256, owner_pw="owner")
    with open_document(write(tmp_path, "restricted.pdf", data)) as document:
        assert document.page_image(0, dpi=72).width == 720


@pytest.mark.parametrize(
    "data",
    [
        b"%PDF-1.4\n" + b"garbage " * 200,
        b"%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n",
    ],
    ids=["garbage", "no-pages"],
)
def test_broken_pdf_is_corrupt(tmp_path, data: bytes) -> None:
    path = write(tmp_path, "broken.pdf", data)
    with pytest.raises(CorruptFile) as caught:
        open_document(path)
    assert_readable(caught.value, path)


@pytest.mark.parametrize("index", [-1, 2, 99])
def test_page_out_of_range(make_pdf, index: int) -> None:
    path = make_pdf("two.pdf", (720, 360), (720, 360))
    with open_document(path) as document, pytest.raises(PageOutOfRange) as caught:
        document.page_image(index)
    error = caught.value
    assert (error.index, error.page_count) == (index, 2)
    assert_readable(error, path)
    assert f"page {index + 1}" in error.message.en and "2" in error.message.en


def test_page_out_of_range_of_an_image(make_image) -> None:
    with open_document(make_image("a.png")) as document, pytest.raises(PageOutOfRange):
        document.page_image(1)


def test_image_over_the_pixel_limit(make_image) -> None:
    path = make_image("big.png", None)
    with pytest.raises(ImageTooLarge) as caught:
        open_document(path, max_pixels=1000)
    assert (caught.value.size, caught.value.limit) == ((64, 48), 1000)
    assert_readable(caught.value, path)
    assert "64×48" in str(caught.value)


@pytest.mark.parametrize("side", [9_000, 100_000], ids=["over-ours", "over-pillows"])
def test_png_header_claiming_huge_dimensions_is_refused_cheaply(
    tmp_path, png_header_only, side: int
) -> None:
    path = write(tmp_path, "bomb.png", png_header_only(side, side))
    with pytest.raises(ImageTooLarge) as caught:
        open_document(path)  # default limit: 80 MP; Pillow's own guard stops 10^10 px
    assert_readable(caught.value, path)


@pytest.mark.filterwarnings("error::PIL.Image.DecompressionBombWarning")
def test_pillows_bomb_warning_raised_as_an_error_is_still_image_too_large(
    tmp_path, png_header_only
) -> None:
    path = write(tmp_path, "bomb.png", png_header_only(10_000, 10_000))  # over Pillow's 89 MP
    with pytest.raises(ImageTooLarge):
        open_document(path, max_pixels=150_000_000)


def test_pdf_page_over_the_pixel_limit_is_refused_before_rasterizing(make_pdf) -> None:
    with open_document(make_pdf("poster.pdf", (7200, 7200))) as document:
        assert document.page_image(0, dpi=7.2).width == 720
        with pytest.raises(ImageTooLarge) as caught:
            document.page_image(0)  # 15000 × 15000 at 150 dpi: 225 MP
    assert caught.value.size == (15000, 15000)


def test_pdf_respects_a_per_call_pixel_limit(make_pdf) -> None:
    with (
        open_document(make_pdf("a.pdf", (720, 360)), max_pixels=500_000) as document,
        pytest.raises(ImageTooLarge),
    ):
        document.page_image(0, dpi=150)  # 1500 × 750 = 1.1 MP


def test_file_over_the_size_limit(make_image) -> None:
    path = make_image("a.png")
    with pytest.raises(FileTooLarge) as caught:
        open_document(path, max_file_bytes=100)
    assert (caught.value.size, caught.value.limit) == (path.stat().st_size, 100)
    assert_readable(caught.value, path)


def test_missing_file(tmp_path) -> None:
    path = tmp_path / "gone.pdf"
    with pytest.raises(FileNotFound) as caught:
        open_document(path)
    assert_readable(caught.value, path)


def test_a_folder_is_unreadable(tmp_path) -> None:
    path = tmp_path / "folder.pdf"
    path.mkdir()
    with pytest.raises(FileUnreadable) as caught:
        open_document(path)
    assert_readable(caught.value, path)


@pytest.mark.skipif(
    sys.platform == "win32" or (hasattr(os, "geteuid") and os.geteuid() == 0),
    reason="permissions do not stop root or work this way on Windows",
)
def test_a_file_without_read_permission_is_unreadable(make_image) -> None:
    path = make_image("private.png")
    path.chmod(0)
    try:
        with pytest.raises(FileUnreadable):
            open_document(path)
    finally:
        path.chmod(0o600)


def test_error_types_form_one_hierarchy() -> None:
    errors = (
        UnsupportedFormat,
        EmptyFile,
        CorruptFile,
        EncryptedPdf,
        PageOutOfRange,
        ImageTooLarge,
        FileTooLarge,
        FileNotFound,
        FileUnreadable,
    )
    assert all(issubclass(e, DocumentError) for e in errors)
    assert len({e.code for e in errors}) == len(errors)


_MAGIC = [b"", b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"GIF89a", b"II*\x00", b"%PDF-1.4\n"]


@pytest.mark.filterwarnings("ignore::UserWarning")  # Pillow warns about corrupt EXIF
@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(magic=st.sampled_from(_MAGIC), body=st.binary(max_size=300))
def test_any_bytes_open_or_fail_with_a_document_error(tmp_path, magic: bytes, body: bytes) -> None:
    path = write(tmp_path, "fuzz.bin", magic + body)
    try:
        with open_document(path) as document:
            for index in range(min(document.page_count, 2)):
                document.page_image(index, dpi=36)
    except DocumentError as error:
        assert path.name in str(error)
