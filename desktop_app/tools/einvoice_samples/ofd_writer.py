"""A placed invoice as an OFD file (GB/T 33190) built like the platform's genuine ones.

The parts follow ../shared/datasets/einvoice-real/shudian_ordinary_20240528.ofd: OFD.xml
(DocInfo with CustomDatas) → Doc_0/Document.xml (CommonData with PublicRes, DocumentRes and
one TemplatePage; Pages; CustomTags; Annotations) → PublicRes.xml (fonts, the brown draw
parameters), DocumentRes.xml (images in Res/), Tpls/Tpl_0/Content.xml (the title, every
printed label and the ruling as PathObject/AbbreviatedData, in the brown of the template
layer) and Pages/Page_0/Content.xml (the values as TextObject/TextCode in millimetres with
DeltaX in the ``g`` shorthand, ``¥`` as its own object in Courier New as the genuine file
prints it, the ⊗ mark as a path, the QR code as an ImageObject). The seal is a watermark
annotation (Annots/) as in the genuine file, or page content in the layouts that say so.
"""

from __future__ import annotations

import datetime
import hashlib
import io
import zipfile
from xml.etree import ElementTree as ET

from desktop_app.tools.einvoice_samples.images import qr_png, seal_png
from desktop_app.tools.einvoice_samples.ofd_parts import (
    CustomTags,
    delta_x,
    document_parts,
    num,
    tag_of,
)
from desktop_app.tools.einvoice_samples.sheet import (
    MARK_SIZE,
    PAGE_H,
    PAGE_W,
    WATERMARK_SIZE,
    Run,
    Sheet,
    advance,
)

NS = "http://www.ofdspec.org/2016"
ET.register_namespace("ofd", NS)
FONT_LABEL, FONT_VALUE, FONT_SIGN = "5", "6", "7"  # 楷体, 宋体, Courier New (PublicRes)
STROKE, FILL = "3", "4"  # the template's brown draw parameters
PAGE_ID, TEMPLATE_ID = "61", "1"
QR_MEDIA, SEAL_MEDIA = "20", "21"


def q(tag: str) -> str:
    return f"{{{NS}}}{tag}"


def sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, q(tag), attrs)
    if text is not None:
        element.text = text
    return element


def xml_bytes(root: ET.Element) -> bytes:
    return ET.tostring(root, encoding="UTF-8", xml_declaration=True)


class _Ids:
    """Unit IDs of the document (MaxUnitID is the last one given)."""

    def __init__(self, start: int = 100) -> None:
        self.last = start

    def __call__(self) -> str:
        self.last += 1
        return str(self.last)


def _text_object(
    layer: ET.Element, ids: _Ids, text: str, x: float, baseline: float, size: float, font_id: str
) -> str:
    """One TextObject whose box starts at ``x``; returns its ID."""
    advances = [advance(ch) * size for ch in text]
    top = baseline - size - 0.3
    attrs = {
        "ID": ids(),
        "Boundary": f"{num(x)} {num(top)} {num(sum(advances) + 1)} {num(size * 1.3 + 0.3)}",
    }
    obj = sub(layer, "TextObject", **attrs, Font=font_id, Size=num(size))
    code = sub(obj, "TextCode", text, X="0", Y=num(baseline - top))
    if len(text) > 1:
        code.set("DeltaX", delta_x(advances[:-1]))
    return attrs["ID"]


def _value(layer: ET.Element, ids: _Ids, run: Run) -> list[str]:
    """A value line; a leading ``¥`` is its own object in Courier New, as on the real files."""
    if run.text.startswith("¥") and len(run.text) > 1:
        sign = advance("¥") * run.size
        first = _text_object(layer, ids, "¥", run.x, run.baseline, run.size, FONT_SIGN)
        rest = _text_object(
            layer, ids, run.text[1:], run.x + sign, run.baseline, run.size, FONT_VALUE
        )
        return [first, rest]
    return [_text_object(layer, ids, run.text, run.x, run.baseline, run.size, FONT_VALUE)]


def _rule(layer: ET.Element, ids: _Ids, x0: float, y0: float, x1: float, y1: float) -> None:
    """A straight rule as the genuine template draws it: a 0.4 mm box with one line."""
    if y0 == y1:
        boundary = f"{num(x0)} {num(y0 - 0.2)} {num(x1 - x0)} 0.4"
        data = f"M 0 0.2 L {num(x1 - x0)} 0.2"
    else:
        boundary = f"{num(x0 - 0.2)} {num(y0)} 0.4 {num(y1 - y0)}"
        data = f"M 0.2 0 L 0.2 {num(y1 - y0)}"
    path = sub(layer, "PathObject", ID=ids(), Boundary=boundary, LineWidth="0.25")
    sub(path, "AbbreviatedData", data)


def _mark(layer: ET.Element, ids: _Ids, cx: float, cy: float) -> None:
    """⊗ before an uppercase total: a circle of four Béziers and a cross, filled-off path."""
    s = MARK_SIZE
    r, k, c = s * 0.45, s * 0.45 * 0.5523, s / 2
    parts = [f"M {num(c + r)} {num(c)}"]
    for (x1, y1), (x2, y2), (x3, y3) in (
        ((c + r, c + k), (c + k, c + r), (c, c + r)),
        ((c - k, c + r), (c - r, c + k), (c - r, c)),
        ((c - r, c - k), (c - k, c - r), (c, c - r)),
        ((c + k, c - r), (c + r, c - k), (c + r, c)),
    ):
        parts.append(f"B {num(x1)} {num(y1)} {num(x2)} {num(y2)} {num(x3)} {num(y3)}")
    d = r * 0.7
    parts.append(f"M {num(c - d)} {num(c - d)} L {num(c + d)} {num(c + d)}")
    parts.append(f"M {num(c - d)} {num(c + d)} L {num(c + d)} {num(c - d)}")
    boundary = f"{num(cx - c)} {num(cy - c)} {num(s)} {num(s)}"
    path = sub(layer, "PathObject", ID=ids(), Boundary=boundary, LineWidth="0.2")
    sub(path, "AbbreviatedData", " ".join(parts))


def _image(
    parent: ET.Element,
    ids: _Ids,
    box: tuple[float, float, float, float],
    media: str,
    origin: bool = False,
) -> None:
    w, h = box[2] - box[0], box[3] - box[1]
    at = "0 0" if origin else f"{num(box[0])} {num(box[1])}"
    sub(
        parent,
        "ImageObject",
        ID=ids(),
        CTM=f"{num(w)} 0 0 {num(h)} 0 0",
        Boundary=f"{at} {num(w)} {num(h)}",
        ResourceID=media,
    )


def _page_root() -> tuple[ET.Element, ET.Element]:
    page = ET.Element(q("Page"))
    area = sub(page, "Area")
    sub(area, "PhysicalBox", f"0 0 {num(PAGE_W)} {num(PAGE_H)}")
    return page, area


def template_xml(sheet: Sheet, ids: _Ids) -> bytes:
    """Tpls/Tpl_0/Content.xml: title, labels and ruling in the brown template layer."""
    page, _ = _page_root()
    layer = sub(sub(page, "Content"), "Layer", ID=ids(), DrawParam=FILL)
    for rule in sheet.rules:
        _rule(layer, ids, *rule)
    for run in sheet.runs:
        if run.role not in ("value", "print"):
            _text_object(layer, ids, run.text, run.x, run.baseline, run.size, FONT_LABEL)
    return xml_bytes(page)


def page_xml(sheet: Sheet, ids: _Ids, tags: CustomTags) -> bytes:
    """Pages/Page_0/Content.xml: values, ⊗ marks, the QR code (and the seal if in-page)."""
    page, _ = _page_root()
    sub(page, "Template", TemplateID=TEMPLATE_ID, ZOrder="Background")
    layer = sub(sub(page, "Content"), "Layer", ID=ids())
    for run in sheet.runs:
        if run.role == "value":
            tags.add(tag_of(run.name), _value(layer, ids, run))
        elif run.role == "print":  # printed by the software but no field: no CustomTag
            _value(layer, ids, run)
    for cx, cy in sheet.marks:
        _mark(layer, ids, cx, cy)
    _image(layer, ids, sheet.qr, QR_MEDIA)
    if sheet.layout.seal_in_page:
        _image(layer, ids, sheet.seal, SEAL_MEDIA)
    return xml_bytes(page)


def _watermark(root: ET.Element, ids: _Ids, boundary: str) -> ET.Element:
    """A printable watermark annotation; returns its Appearance."""
    annot = sub(root, "Annot", Type="Watermark", ID=ids(), NoRotate="true", Subtype="Watermark")
    sub(sub(annot, "Parameters"), "Parameter", "true", Name="sw_printable")
    return sub(annot, "Appearance", Boundary=boundary)


def annotation_xml(sheet: Sheet, ids: _Ids) -> bytes:
    """Annots/Page_0/Annotation.xml as the genuine file: the seal (unless the layout puts it
    in the page) and the download counter printed downwards, both printable watermarks."""
    root = ET.Element(q("PageAnnot"))
    if not sheet.layout.seal_in_page:
        x0, y0, x1, y1 = sheet.seal
        boundary = f"{num(x0)} {num(y0)} {num(x1 - x0)} {num(y1 - y0)}"
        _image(_watermark(root, ids, boundary), ids, sheet.seal, SEAL_MEDIA, origin=True)
    text, x, y = sheet.watermark
    size = WATERMARK_SIZE
    advances = [advance(ch) * size for ch in text]
    width, height, baseline = size * 1.042, sum(advances) + 1, size * 0.902
    boundary = f"{num(x - (width - baseline))} {num(y)} {num(width)} {num(height)}"
    appearance = _watermark(root, ids, boundary)
    # CTM 0 1 -1 0 w 0 turns the line to run downwards, as in the genuine annotation
    obj = sub(appearance, "TextObject", ID=ids(), CTM=f"0 1 -1 0 {num(width)} 0")
    obj.attrib |= {"Boundary": f"0 0 {num(width)} {num(height)}", "Alpha": "127"}
    obj.attrib |= {"Font": FONT_LABEL, "Size": num(size)}
    code = sub(obj, "TextCode", text, X="0", Y=num(baseline))
    code.set("DeltaX", delta_x(advances[:-1]))
    return xml_bytes(root)


def ofd_bytes(sheet: Sheet, doc_id_seed: str) -> bytes:
    """The invoice as an OFD zip (deterministic for the same sheet and seed)."""
    ids = _Ids()
    tags = CustomTags(PAGE_ID)
    parts: dict[str, bytes] = {}
    parts["Doc_0/Tpls/Tpl_0/Content.xml"] = template_xml(sheet, ids)
    parts["Doc_0/Pages/Page_0/Content.xml"] = page_xml(sheet, ids, tags)
    parts["Doc_0/Annots/Page_0/Annotation.xml"] = annotation_xml(sheet, ids)
    parts["Doc_0/Res/image_qr.png"] = qr_png(sheet.invoice.qr_payload)
    parts["Doc_0/Res/image_seal.png"] = seal_png(sheet.invoice.seal_office)
    doc_id = hashlib.sha256(doc_id_seed.encode()).hexdigest()[:32]
    parts |= document_parts(sheet, str(ids.last), tags, doc_id)
    date = datetime.date.fromisoformat(sheet.invoice.truth["开票日期"])
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in sorted(parts, key=lambda n: (n != "OFD.xml", n)):
            info = zipfile.ZipInfo(name, date_time=(date.year, date.month, date.day, 12, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, parts[name])
    return buffer.getvalue()
