"""The dispatch (TextFirst) holds every answer against the page's QR code, decoded for real."""

from __future__ import annotations

import io

import segno
from PIL import Image

from desktop_app.core.model import RecognitionResult, RecognizedField
from desktop_app.documents.page import PageImage
from desktop_app.documents.page_text import ORIGIN_PDF, PageText
from desktop_app.recognition.text_reader import TextFirst
from tests.unit.test_checks import SEED

PAPER_QR = "01,03,153001720011,00880890,34188.03,20170731,12345678901234567890,ABCD"


def page_with_qr(text: PageText | None = None) -> PageImage:
    code = io.BytesIO()
    segno.make(PAPER_QR, error="m").save(code, kind="png", scale=4, border=2)
    page = Image.new("L", (1200, 800), 255)
    page.paste(Image.open(io.BytesIO(code.getvalue())), (50, 40))
    data = io.BytesIO()
    page.save(data, "PNG")
    return PageImage(data.getvalue(), "image/png", 1200, 800, text=text)


class FakeOcr:
    """An OCR engine that misreads the number."""

    name = "local"

    def recognize(self, page, *, cancel=None) -> RecognitionResult:
        values = {**SEED, "发票号码": "00880B90"}
        return RecognitionResult(tuple(RecognizedField(n, v) for n, v in values.items()))


def test_an_ocr_answer_is_settled_by_the_qr_code() -> None:
    result = TextFirst(FakeOcr(), name="local").recognize(page_with_qr())
    assert result.qr == PAPER_QR
    assert result.value("发票号码") == "00880890"
    assert "00880B90" in result.get("发票号码").note.zh


def test_forced_ocr_of_a_text_page_is_settled_too() -> None:
    text = PageText(1200, 800, 150, (), origin=ORIGIN_PDF)
    result = TextFirst(FakeOcr(), name="local", force_ocr=True).recognize(page_with_qr(text))
    assert result.value("发票号码") == "00880890" and result.get("发票号码").note is not None
