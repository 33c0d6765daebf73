"""The national e-invoice platform's XML (root ``EInvoice``), read safely and only where verified.

The platform offers every 数电 invoice as PDF, OFD and XML. No official schema is
public; the element names read here are the ones public code agrees on (several
independent parsers and test fixtures found with the code search, and the page
https://clawhub.ai/user_0dc4c020/validate-einvoice-xml, read 2026-12):

- ``EInvoice/Header/InherentLabel/EInvoiceType/LabelName`` (普通发票 …) and
  ``…/GeneralOrSpecialVAT/LabelName`` (增值税专用发票): what the invoice is;
- ``EInvoice/TaxSupervisionInfo/InvoiceNumber``, ``IssueTime``, ``TaxBureauName``;
- ``EInvoice/EInvoiceData/BuyerInformation/BuyerName``, ``BuyerIdNum`` and the
  seller's ``SellerInformation/SellerName``, ``SellerIdNum``;
- ``EInvoice/EInvoiceData/BasicInformation/TotalAmWithoutTax``, ``TotalTaxAm``,
  ``TotalTax-includedAmount``, ``TotalTax-includedAmountInChinese``, ``Drawer``;
- ``EInvoice/EInvoiceData/AdditionalInformation/Remark``.

No public sample or parser shows how the XML of a *vehicle* e-invoice carries the
vehicle (车辆识别代号, 厂牌型号, 合格证号 …): such a file is refused as a layout not
supported yet (``UnsupportedXmlLayout``), so no answer is ever missing its vehicle.
An e-invoice of another kind opens and shows its fields, and the reader refuses it
by its title like the PDF and OFD of the same invoice. Parsing forbids DTDs and
entities (defusedxml) and bounds the size and element count.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from pathlib import Path
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

from desktop_app.core.text import LocalizedText as T
from desktop_app.documents.errors import (
    DamagedXml,
    NotAnEInvoiceXml,
    UnsupportedXmlLayout,
    XmlTooLarge,
)

#: Largest XML read: a real e-invoice XML is a few kilobytes.
MAX_XML_BYTES = 2 * 1024 * 1024
#: Most elements read (hundreds of item lines at most on a real one).
MAX_XML_ELEMENTS = 50_000
ROOT = "EInvoice"
#: The forms the app reads, as they appear in an invoice's kind.
VEHICLE_FORMS = ("机动车销售统一发票", "二手车销售统一发票")
_KIND_PATHS = (
    "Header/InherentLabel/GeneralOrSpecialVAT/LabelName",
    "Header/InherentLabel/EInvoiceType/LabelName",
)
_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


@dataclass(frozen=True)
class EInvoiceXml:
    """What an e-invoice XML states: its printed title and (label, value) rows in print order."""

    title: str
    rows: tuple[tuple[str, str], ...]

    def value(self, label: str) -> str:
        """The value printed beside ``label`` ("" when the XML lacks it)."""
        return next((v for k, v in self.rows if k == label), "")


#: (printed label, element path under EInvoice, how the value is printed).
_ROWS: tuple[tuple[str, str, str], ...] = (
    ("发票号码", "TaxSupervisionInfo/InvoiceNumber", "text"),
    ("开票日期", "TaxSupervisionInfo/IssueTime", "date"),
    ("购买方名称", "EInvoiceData/BuyerInformation/BuyerName", "text"),
    ("统一社会信用代码/纳税人识别号", "EInvoiceData/BuyerInformation/BuyerIdNum", "text"),
    ("销售方名称", "EInvoiceData/SellerInformation/SellerName", "text"),
    ("统一社会信用代码/纳税人识别号", "EInvoiceData/SellerInformation/SellerIdNum", "text"),
    ("合计金额", "EInvoiceData/BasicInformation/TotalAmWithoutTax", "money"),
    ("合计税额", "EInvoiceData/BasicInformation/TotalTaxAm", "money"),
    ("价税合计（大写）", "EInvoiceData/BasicInformation/TotalTax-includedAmountInChinese", "text"),
    ("（小写）", "EInvoiceData/BasicInformation/TotalTax-includedAmount", "money"),
    ("备注", "EInvoiceData/AdditionalInformation/Remark", "text"),
    ("开票人", "EInvoiceData/BasicInformation/Drawer", "text"),
    ("税务机关", "TaxSupervisionInfo/TaxBureauName", "text"),
)


def read_einvoice_xml(path: Path, data: bytes) -> EInvoiceXml:
    """The e-invoice ``data`` states; raises a ``DocumentError`` for anything else.

    ``NotAnEInvoiceXml`` for XML whose root is not ``EInvoice``, ``DamagedXml``
    for text that is no well-formed XML, ``XmlTooLarge`` past the size or element
    bounds or with a DTD or entity, ``UnsupportedXmlLayout`` for a vehicle
    e-invoice (its vehicle elements are not established) or one that names no kind.
    """
    root = _parse(path, data)
    if _local(root.tag) != ROOT:
        raise NotAnEInvoiceXml(path, detail=f"root element {_local(root.tag)!r}")
    kind = _kind(root)
    if any(form in kind for form in VEHICLE_FORMS) or _mentions_vehicle_form(root):
        raise UnsupportedXmlLayout(path, what=T("车辆信息", "the vehicle details"))
    if not kind:
        raise UnsupportedXmlLayout(path, what=T("发票种类", "the kind of invoice"))
    rows = tuple((label, _printed(_text(root, p), how)) for label, p, how in _ROWS)
    return EInvoiceXml(f"电子发票（{kind}）", rows)


def _parse(path: Path, data: bytes) -> Element:
    if len(data) > MAX_XML_BYTES:
        raise XmlTooLarge(path, what=T("文件大小", "file size"), detail=f"{len(data)} bytes")
    try:
        root = fromstring(data, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as exc:
        what = T("含有 DTD 或实体", "a DTD or entities")
        raise XmlTooLarge(path, what=what, detail=repr(exc)) from exc
    except (ParseError, ValueError, UnicodeError) as exc:
        raise DamagedXml(path, detail=f"{type(exc).__name__}: {exc}") from exc
    if sum(1 for _ in root.iter()) > MAX_XML_ELEMENTS:
        raise XmlTooLarge(path, what=T("元素数量", "number of elements"))
    return root


def _local(tag: object) -> str:
    """An element's name without its namespace (``{urn:x}EInvoice`` → ``EInvoice``)."""
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _child(element: Element, name: str) -> Element | None:
    return next((c for c in element if _local(c.tag) == name), None)


def _text(root: Element, path: str) -> str:
    """The stripped text at ``path`` (names without namespaces), "" when absent."""
    element: Element | None = root
    for name in path.split("/"):
        element = _child(element, name) if element is not None else None
    return (element.text or "").strip() if element is not None else ""


def _kind(root: Element) -> str:
    """What the invoice is (``普通发票``, ``增值税专用发票``), "" when the XML does not say."""
    return next((kind for p in _KIND_PATHS if (kind := _text(root, p))), "")


def _mentions_vehicle_form(root: Element) -> bool:
    """Whether any label of the header names a vehicle form (wherever the platform put it)."""
    header = _child(root, "Header")
    texts = (e.text or "" for e in header.iter()) if header is not None else ()
    return any(form in text for text in texts for form in VEHICLE_FORMS)


def _printed(value: str, how: str) -> str:
    """``value`` as the PDF of the same invoice prints it."""
    if how == "date" and (m := _DAY.match(value)):
        try:
            day = datetime.date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            return value
        return f"{day.year}年{day.month:02d}月{day.day:02d}日"
    if how == "money" and re.fullmatch(r"-?\d+(\.\d+)?", value):
        return f"¥{value}" if not value.startswith("-") else f"-¥{value[1:]}"
    return value
