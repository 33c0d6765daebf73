"""The e-invoice XML: opened by content, drawn as a ruled table, refused clearly when it must be."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from desktop_app.core.errors import RecognitionError
from desktop_app.documents import CorruptFile, UnsupportedFormat, open_document
from desktop_app.documents.errors import (
    DamagedXml,
    NotAnEInvoiceXml,
    UnsupportedXmlLayout,
    XmlTooLarge,
)
from desktop_app.documents.page_text import ORIGIN_XML
from desktop_app.recognition.text_reader import TextReader

KIND = "<EInvoiceType><LabelCode>02</LabelCode><LabelName>{kind}</LabelName></EInvoiceType>"
SPECIAL = "<GeneralOrSpecialVAT><LabelCode>01</LabelCode><LabelName>增值税专用发票</LabelName></GeneralOrSpecialVAT>"


def einvoice(
    label: str = KIND.format(kind="普通发票"), remark: str = "收款人:李蓉蓉", root: str = "EInvoice"
) -> str:
    """An e-invoice XML with the element names public parsers agree on (values of the real OFD)."""
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<{root}>
  <Header><EIid>24112000000048542163</EIid><InherentLabel>{label}</InherentLabel></Header>
  <EInvoiceData>
    <SellerInformation><SellerIdNum>91460300MAA92DJN95</SellerIdNum><SellerName>海南麒麟云服科技有限公司</SellerName></SellerInformation>
    <BuyerInformation><BuyerIdNum>91110108690017781B</BuyerIdNum><BuyerName>北京互联三六五科技有限公司</BuyerName></BuyerInformation>
    <BasicInformation><TotalAmWithoutTax>4197.17</TotalAmWithoutTax><TotalTaxAm>251.83</TotalTaxAm>
      <TotalTax-includedAmount>4449.00</TotalTax-includedAmount>
      <TotalTax-includedAmountInChinese>肆仟肆佰肆拾玖圆整</TotalTax-includedAmountInChinese><Drawer>于俪</Drawer></BasicInformation>
    <AdditionalInformation><Remark>{remark}</Remark></AdditionalInformation>
  </EInvoiceData>
  <TaxSupervisionInfo><InvoiceNumber>24112000000048542163</InvoiceNumber><IssueTime>2024-05-28 10:11:12</IssueTime>
    <TaxBureauName>国家税务总局海南省税务局</TaxBureauName></TaxSupervisionInfo>
</{root.split()[0]}>"""


def write(tmp_path: Path, text: str | bytes, name: str = "invoice.xml") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
    return path


def spans_of(path: Path) -> list[str]:
    with open_document(path) as doc:
        return [s.text for s in doc.page_text(0).spans]


def test_an_ordinary_einvoice_is_drawn_and_its_text_read_exactly(tmp_path: Path) -> None:
    with open_document(write(tmp_path, einvoice())) as doc:
        assert (doc.format, doc.page_count, doc.note) == ("XML", 1, None)
        page = doc.page_image(0, dpi=150)
        assert page.mime == "image/png" and page.dpi == 150 and page.width > 1000
        text = page.text
        assert text is not None and text.origin == ORIGIN_XML and text.exact
        assert text == doc.page_text(0, 150)
    spans = [s.text for s in text.spans]
    assert spans[0] == "电子发票（普通发票）" and text.extras["title"] == "电子发票（普通发票）"
    for value in (
        "24112000000048542163",
        "2024年05月28日",
        "北京互联三六五科技有限公司",
        "¥4449.00",
    ):
        assert value in spans
    assert "统一社会信用代码/纳税人识别号" in spans and "¥4197.17" in spans
    # Every label and its value sit in one ruled row, the value right of the label's cell.
    number_label = next(s for s in text.spans if s.text == "发票号码")
    number = next(s for s in text.spans if s.text == "24112000000048542163")
    assert abs(number.box[1] - number_label.box[1]) < 1 and number.box[0] > number_label.box[2]
    verticals = sorted(r.x0 for r in text.rules if not r.horizontal)
    assert number_label.box[2] < verticals[1] < number.box[0]


def test_the_reader_refuses_it_by_its_title_like_the_pdf_and_ofd(tmp_path: Path) -> None:
    with open_document(write(tmp_path, einvoice())) as doc:
        page = doc.page_image(0)
    with pytest.raises(RecognitionError) as caught:
        TextReader().recognize(page)
    assert caught.value.code == "Text.NotAVehicleInvoice"
    assert "电子发票（普通发票）" in caught.value.summary.zh


def test_a_special_vat_einvoice_in_a_namespace(tmp_path: Path) -> None:
    xml = einvoice(SPECIAL, root='EInvoice xmlns="urn:example:einvoice"')
    assert spans_of(write(tmp_path, xml))[0] == "电子发票（增值税专用发票）"


def test_a_long_value_wraps_inside_its_cell(tmp_path: Path) -> None:
    remark = (
        "被红冲蓝字数电票号码：24112000000135114086 红字发票信息确认单编号：11010824091002615708"
        * 2
    )
    with open_document(write(tmp_path, einvoice(remark=remark))) as doc:
        text = doc.page_text(0)
    label = next(s for s in text.spans if s.text == "备注")
    lines = [s for s in text.spans if s.box[0] > label.box[2] and s.box[1] >= label.box[1] - 1]
    lines = [s for s in lines if s.box[1] < label.box[1] + 4 * (label.box[3] - label.box[1])]
    assert len(lines) >= 2 and "".join(s.text for s in lines).replace(" ", "") == remark.replace(
        " ", ""
    )
    right = max(r.x0 for r in text.rules if not r.horizontal)
    assert all(s.box[2] < right for s in lines)


def test_missing_elements_are_blank_cells(tmp_path: Path) -> None:
    xml = (
        einvoice()
        .replace("<Drawer>于俪</Drawer>", "")
        .replace("<Remark>收款人:李蓉蓉</Remark>", "")
    )
    spans = spans_of(write(tmp_path, xml))
    assert "开票人" in spans and "于俪" not in spans and "收款人:李蓉蓉" not in spans


@pytest.mark.parametrize("form", ["机动车销售统一发票", "二手车销售统一发票"])
def test_a_vehicle_einvoice_xml_is_not_supported_yet(tmp_path: Path, form: str) -> None:
    with pytest.raises(UnsupportedXmlLayout) as caught:
        open_document(write(tmp_path, einvoice(KIND.format(kind=form))))
    assert "暂不支持" in caught.value.message.zh and "车辆信息" in caught.value.message.zh
    assert "not supported yet" in caught.value.message.en and "PDF" in caught.value.advice.en


def test_an_einvoice_naming_no_kind_is_not_supported_yet(tmp_path: Path) -> None:
    with pytest.raises(UnsupportedXmlLayout) as caught:
        open_document(write(tmp_path, einvoice(label="")))
    assert "kind of invoice" in caught.value.message.en


@pytest.mark.parametrize(
    "text",
    [
        '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>',
        "<ofd:OFD xmlns:ofd='http://www.ofdspec.org/2016'/>",
        "\ufeff  <Invoice><ID>1</ID></Invoice>",
    ],
)
def test_other_xml_is_not_an_einvoice(tmp_path: Path, text: str) -> None:
    with pytest.raises(NotAnEInvoiceXml) as caught:
        open_document(write(tmp_path, text))
    assert isinstance(caught.value, UnsupportedFormat)
    assert (
        "不是电子发票" in caught.value.message.zh
        and "not an e-invoice XML" in caught.value.message.en
    )


@pytest.mark.parametrize(
    "text", ["<EInvoice><Header>", "<EInvoice>&amp</EInvoice>", "<EInvoice>\udcff</EInvoice>"]
)
def test_broken_xml_is_damaged(tmp_path: Path, text: str) -> None:
    data = text.encode("utf-8", "surrogateescape")
    with pytest.raises(DamagedXml) as caught:
        open_document(write(tmp_path, data))
    assert isinstance(caught.value, CorruptFile)


BOMB = """<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
<!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">]>
<EInvoice><Header>&lol9;</Header></EInvoice>"""
EXTERNAL = """<?xml version="1.0"?><!DOCTYPE e [<!ENTITY x SYSTEM "file:///etc/passwd">]>
<EInvoice><Header>&x;</Header></EInvoice>"""
DTD_ONLY = '<?xml version="1.0"?><!DOCTYPE EInvoice SYSTEM "http://127.0.0.1:9/x.dtd"><EInvoice/>'


@pytest.mark.parametrize("text", [BOMB, EXTERNAL, DTD_ONLY])
def test_dtds_and_entities_are_refused_at_once(tmp_path: Path, text: str) -> None:
    started = time.perf_counter()
    with pytest.raises(XmlTooLarge) as caught:
        open_document(write(tmp_path, text))
    assert time.perf_counter() - started < 2
    assert "DTD" in caught.value.message.zh


def test_size_and_element_bounds(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from desktop_app.documents import xml_invoice

    big = einvoice(remark="备" * (xml_invoice.MAX_XML_BYTES // 3 + 1))
    with pytest.raises(XmlTooLarge) as caught:
        open_document(write(tmp_path, big))
    assert "size" in caught.value.message.en
    monkeypatch.setattr(xml_invoice, "MAX_XML_ELEMENTS", 10)
    with pytest.raises(XmlTooLarge) as caught:
        open_document(write(tmp_path, einvoice()))
    assert "elements" in caught.value.message.en


def test_opened_by_content_whatever_the_extension(tmp_path: Path) -> None:
    with open_document(
        write(tmp_path, "\ufeff\n  " + einvoice().split("\n", 1)[1], "invoice.pdf")
    ) as doc:
        assert doc.format == "XML" and doc.note is not None and "XML" in doc.note.en
