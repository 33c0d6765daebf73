"""fit_for_upload: pages under the limit go as they are; larger ones are recompressed and shrunk."""

from __future__ import annotations

import base64
import io

import pytest
from PIL import Image

from desktop_app.core.errors import RecognitionError
from desktop_app.documents import PageImage, UploadTooLarge, fit_for_upload
from desktop_app.documents.upload import base64_length


def png_page(image: Image.Image) -> PageImage:
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return PageImage(buffer.getvalue(), "image/png", image.width, image.height)


def size_of(data: bytes) -> tuple[int, int]:
    return Image.open(io.BytesIO(data)).size


@pytest.mark.parametrize("count", [0, 1, 2, 3, 4, 100, 101])
def test_base64_length_matches_the_encoder(count: int) -> None:
    assert base64_length(count) == len(base64.b64encode(b"x" * count))


def test_a_page_under_the_limit_goes_unchanged(marked) -> None:
    page = png_page(marked((64, 48)))
    data, mime, scale = fit_for_upload(page)
    assert data is page.data
    assert (mime, scale) == ("image/png", 1.0)


def test_a_page_exactly_at_the_limit_goes_unchanged(marked) -> None:
    page = png_page(marked((64, 48)))
    limit = base64_length(len(page.data))
    assert fit_for_upload(page, limit)[0] is page.data


def test_recompressing_as_jpeg_is_tried_before_shrinking(noise) -> None:
    page = png_page(noise((300, 200)))
    data, mime, scale = fit_for_upload(page, base64_length(len(page.data)) - 1)
    assert (mime, scale) == ("image/jpeg", 1.0)
    assert size_of(data) == (300, 200)


def test_a_large_noisy_page_is_shrunk_under_the_limit_and_reports_the_scale(noise) -> None:
    page = png_page(noise((1600, 1200)))
    limit = 150_000
    data, mime, scale = fit_for_upload(page, limit, min_long_side=200)
    assert mime == "image/jpeg"
    assert len(base64.b64encode(data)) <= limit
    assert 0 < scale < 1
    width, height = size_of(data)
    assert width == round(1600 * scale)
    assert abs(height - 1200 * scale) <= 1


def test_a_grey_page_stays_grey(noise) -> None:
    page = png_page(noise((600, 400), mode="L"))
    data, _, scale = fit_for_upload(page, 100_000, min_long_side=100)
    assert scale < 1
    assert Image.open(io.BytesIO(data)).mode == "L"


def test_a_page_that_cannot_fit_at_the_minimum_size_raises(noise) -> None:
    page = png_page(noise((800, 600)))
    with pytest.raises(UploadTooLarge) as caught:
        fit_for_upload(page, 2_000, min_long_side=400)
    error = caught.value
    assert isinstance(error, RecognitionError)
    assert error.code == "Client.ImageTooLarge"
    assert error.summary is not None and error.advice is not None
    assert not error.retryable
    assert error.encoded_bytes > error.limit == 2_000
