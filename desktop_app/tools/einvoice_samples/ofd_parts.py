"""The document-level parts of a sample OFD: OFD.xml, Document.xml, resources, tags.

Shaped after the genuine 数电 OFD in ../shared/datasets/einvoice-real: CustomDatas with
the number, date and totals in OFD.xml; CommonData (MaxUnitID, PublicRes, DocumentRes,
one TemplatePage) in Document.xml; fonts and the template's brown draw parameters in
PublicRes.xml; the images in DocumentRes.xml; CustomTags pointing at the page objects that
print the number, date, parties, totals, clerk and note (the genuine file's tag names; the
vehicle-specific cells have no tag of their own, as no public sample shows one).
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import TYPE_CHECKING
from xml.etree import ElementTree as ET

if TYPE_CHECKING:
    from desktop_app.tools.einvoice_samples.sheet import Sheet

NS = "http://www.ofdspec.org/2016"

#: Field Name → the genuine CustomTag element that points at it (both forms).
TAGS = {
    "发票号码": "InvoiceNo",
    "开票日期": "IssueDate",
    "购买方名称": "BuyerName",
    "买方单位/个人": "BuyerName",
    "身份证号码/组织机构代码": "BuyerTaxID",
    "买方单位代码/身份证号码": "BuyerTaxID",
    "销货单位名称": "SellerName",
    "卖方单位/个人": "SellerName",
    "销售方纳税人识别号": "SellerTaxID",
    "卖方单位代码/身份证号码": "SellerTaxID",
    "不含税价(小写)": "TaxExclusiveTotalAmount",
    "增值税税额": "TaxTotalAmount",
    "价税合计(小写)": "TaxInclusiveTotalAmount",
    "车价合计(小写)": "TaxInclusiveTotalAmount",
    "开票人": "InvoiceClerk",
    "备注": "Note",
}
_PARENT = {"BuyerName": "Buyer", "BuyerTaxID": "Buyer", "SellerName": "Seller"}
_PARENT |= {"SellerTaxID": "Seller"}


def q(tag: str) -> str:
    return f"{{{NS}}}{tag}"


def num(value: float) -> str:
    """A length as the genuine files write it: up to 4 decimals, no trailing zeros."""
    text = f"{value:.4f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def delta_x(advances: Iterable[float]) -> str:
    """DeltaX with the ``g`` shorthand: ``g 19 1.5875`` for 19 equal advances."""
    values = [num(a) for a in advances]
    out: list[str] = []
    i = 0
    while i < len(values):
        j = i
        while j < len(values) and values[j] == values[i]:
            j += 1
        out.append(f"g {j - i} {values[i]}" if j - i > 1 else values[i])
        i = j
    return " ".join(out)


def tag_of(name: str) -> str:
    return TAGS.get(name, "")


class CustomTags:
    """Objects that print tagged fields, collected while the page is written."""

    def __init__(self, page_id: str) -> None:
        self.page_id = page_id
        self.refs: dict[str, list[str]] = {}

    def add(self, tag: str, object_ids: list[str]) -> None:
        if tag:
            self.refs.setdefault(tag, []).extend(object_ids)

    def xml(self) -> bytes:
        root = ET.Element(q("root"), {"version": "1.0"})
        parents: dict[str, ET.Element] = {}
        for tag in dict.fromkeys(TAGS.values()):
            if tag not in self.refs:
                continue
            parent_name = _PARENT.get(tag)
            holder = root
            if parent_name:
                if parent_name not in parents:
                    parents[parent_name] = ET.SubElement(root, q(parent_name))
                holder = parents[parent_name]
            element = ET.SubElement(holder, q(tag))
            for object_id in self.refs[tag]:
                ref = ET.SubElement(element, q("ObjectRef"), {"PageRef": self.page_id})
                ref.text = object_id
        return _bytes(root)


def _bytes(root: ET.Element) -> bytes:
    return ET.tostring(root, encoding="UTF-8", xml_declaration=True)


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, q(tag), attrs)
    if text is not None:
        element.text = text
    return element


def _custom_datas(sheet: Sheet) -> dict[str, str]:
    t = sheet.invoice.truth
    data = {"template-version": "1.0.24.1201", "发票号码": t["发票号码"]}
    data["开票日期"] = sheet.invoice.shown("开票日期")
    if sheet.invoice.form == "motor":
        data["合计金额"] = t["不含税价(小写)"].removeprefix("¥")
        data["合计税额"] = t["增值税税额"].removeprefix("¥")
        data["购买方纳税人识别号"] = t["身份证号码/组织机构代码"]
        data["销售方纳税人识别号"] = t["销售方纳税人识别号"]
    else:
        data["合计金额"] = f"{Decimal(t['车价合计(小写)'].removeprefix('¥')):.2f}"
        data["购买方纳税人识别号"] = t["买方单位代码/身份证号码"]
        data["销售方纳税人识别号"] = t["卖方单位代码/身份证号码"]
    data |= {"native-producer": "swdomsdk", "producer-version": "2.0.24.1201.1400"}
    return data


def ofd_xml(sheet: Sheet, doc_id: str) -> bytes:
    root = ET.Element(q("OFD"), {"DocType": "OFD", "Version": "1.0"})
    body = _sub(root, "DocBody")
    info = _sub(body, "DocInfo")
    _sub(info, "DocID", doc_id)
    _sub(info, "Author", "China Tax")
    date = sheet.invoice.truth["开票日期"]
    _sub(info, "CreationDate", date)
    _sub(info, "ModDate", date)
    _sub(info, "Creator", "Suwell")
    datas = _sub(info, "CustomDatas")
    for name, value in _custom_datas(sheet).items():
        _sub(datas, "CustomData", value, Name=name)
    _sub(body, "DocRoot", "Doc_0/Document.xml")
    return _bytes(root)


def document_xml(max_id: str, page_id: str, template_id: str) -> bytes:
    root = ET.Element(q("Document"))
    common = _sub(root, "CommonData")
    _sub(common, "MaxUnitID", max_id)
    _sub(common, "PublicRes", "PublicRes.xml")
    _sub(common, "TemplatePage", ID=template_id, BaseLoc="Tpls/Tpl_0/Content.xml")
    _sub(common, "DocumentRes", "DocumentRes.xml")
    _sub(_sub(root, "Pages"), "Page", ID=page_id, BaseLoc="Pages/Page_0/Content.xml")
    _sub(root, "CustomTags", "Tags/CustomTags.xml")
    _sub(root, "Annotations", "Annots/Annotations.xml")
    return _bytes(root)


def public_res_xml() -> bytes:
    root = ET.Element(q("Res"))
    _sub(_sub(root, "ColorSpaces"), "ColorSpace", ID="2", Type="RGB")
    params = _sub(root, "DrawParams")
    stroke = _sub(params, "DrawParam", ID="3", LineWidth="0.25")
    _sub(stroke, "StrokeColor", Value="128 0 0", ColorSpace="2")
    fill = _sub(params, "DrawParam", ID="4", Relative="3")
    _sub(fill, "FillColor", Value="128 0 0", ColorSpace="2")
    fonts = _sub(root, "Fonts")
    _sub(fonts, "Font", ID="5", FontName="楷体", FamilyName="楷体")
    _sub(fonts, "Font", ID="6", FontName="宋体", FamilyName="SimSun")
    _sub(fonts, "Font", ID="7", FontName="Courier New")
    return _bytes(root)


def document_res_xml() -> bytes:
    root = ET.Element(q("Res"), {"BaseLoc": "Res"})
    medias = _sub(root, "MultiMedias")
    for media_id, file in (("20", "image_qr.png"), ("21", "image_seal.png")):
        _sub(_sub(medias, "MultiMedia", ID=media_id, Type="Image", Format="PNG"), "MediaFile", file)
    return _bytes(root)


def document_parts(sheet: Sheet, max_id: str, tags: CustomTags, doc_id: str) -> dict[str, bytes]:
    """Every part but the page, template, annotation and images."""
    parts = {
        "OFD.xml": ofd_xml(sheet, doc_id),
        "Doc_0/Document.xml": document_xml(max_id, tags.page_id, "1"),
        "Doc_0/PublicRes.xml": public_res_xml(),
        "Doc_0/DocumentRes.xml": document_res_xml(),
        "Doc_0/Tags/CustomTags.xml": _custom_tags_index(),
        "Doc_0/Tags/CustomTag.xml": tags.xml(),
    }
    root = ET.Element(q("Annotations"))
    page = _sub(root, "Page", PageID=tags.page_id)
    _sub(page, "FileLoc", "Page_0/Annotation.xml")
    parts["Doc_0/Annots/Annotations.xml"] = _bytes(root)
    return parts


def _custom_tags_index() -> bytes:
    root = ET.Element(q("CustomTags"))
    _sub(_sub(root, "CustomTag", TypeID="root"), "FileLoc", "CustomTag.xml")
    return _bytes(root)
