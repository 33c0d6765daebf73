"""A small OFD e-invoice built like the platform's (template labels and ruling, page values).

``ofd_parts()`` gives the package's parts by name; tests change or drop parts
and zip them with ``zip_parts``. Positions are millimetres on a 210 × 140 page.
"""

from __future__ import annotations

import io
import zipfile

from PIL import Image

NS = 'xmlns:ofd="http://www.ofdspec.org/2016"'

OFD_XML = f"""<?xml version="1.0" encoding="UTF-8"?>
<ofd:OFD {NS} DocType="OFD" Version="1.0"><ofd:DocBody>
<ofd:DocInfo><ofd:DocID>test</ofd:DocID><ofd:CustomDatas>
<ofd:CustomData Name="发票号码">25312000000012345678</ofd:CustomData>
</ofd:CustomDatas></ofd:DocInfo>
<ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot>
<ofd:Signatures>Doc_0/Signs/Signatures.xml</ofd:Signatures>
</ofd:DocBody></ofd:OFD>"""

DOCUMENT_XML = f"""<?xml version="1.0" encoding="UTF-8"?>
<ofd:Document {NS}><ofd:CommonData><ofd:MaxUnitID>99</ofd:MaxUnitID>
<ofd:PageArea><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:PageArea>
<ofd:PublicRes>PublicRes.xml</ofd:PublicRes><ofd:DocumentRes>DocumentRes.xml</ofd:DocumentRes>
<ofd:TemplatePage ID="1" BaseLoc="Tpls/Tpl_0/Content.xml"/></ofd:CommonData>
<ofd:Pages><ofd:Page ID="10" BaseLoc="Pages/Page_0/Content.xml"/></ofd:Pages>
<ofd:Annotations>Annots/Annotations.xml</ofd:Annotations>
<ofd:CustomTags>Tags/CustomTags.xml</ofd:CustomTags>
</ofd:Document>"""

PUBLIC_RES = f"""<?xml version="1.0" encoding="UTF-8"?>
<ofd:Res {NS} BaseLoc="Res"><ofd:ColorSpaces><ofd:ColorSpace ID="2" Type="RGB"/></ofd:ColorSpaces>
<ofd:DrawParams><ofd:DrawParam ID="3" LineWidth="0.25"><ofd:StrokeColor Value="128 0 0"/></ofd:DrawParam>
<ofd:DrawParam ID="4" Relative="3"><ofd:FillColor Value="128 0 0"/></ofd:DrawParam></ofd:DrawParams>
<ofd:Fonts><ofd:Font ID="5" FontName="楷体"/><ofd:Font ID="6" FontName="宋体"/></ofd:Fonts></ofd:Res>"""

DOCUMENT_RES = f"""<?xml version="1.0" encoding="UTF-8"?>
<ofd:Res {NS} BaseLoc="Res"><ofd:MultiMedias>
<ofd:MultiMedia ID="20" Type="Image"><ofd:MediaFile>qr.png</ofd:MediaFile></ofd:MultiMedia>
</ofd:MultiMedias></ofd:Res>"""

# Labels and ruling; the title squeezed by a CTM as the platform's labels are.
TEMPLATE = f"""<?xml version="1.0" encoding="UTF-8"?>
<ofd:Page {NS}><ofd:Area><ofd:PhysicalBox>0 0 210 140</ofd:PhysicalBox></ofd:Area>
<ofd:Content><ofd:Layer ID="7" DrawParam="4">
<ofd:PathObject ID="30" Boundary="10 30 190 0.4"><ofd:AbbreviatedData>M 0 0.2 L 190 0.2</ofd:AbbreviatedData></ofd:PathObject>
<ofd:PathObject ID="31" Boundary="10 50 190 0.4"><ofd:AbbreviatedData>M 0 0.2 L 95 0.2 M 95 0.2 L 190 0.2</ofd:AbbreviatedData></ofd:PathObject>
<ofd:PathObject ID="32" Boundary="10 30 0.4 20"><ofd:AbbreviatedData>M 0.2 0 L 0.2 20</ofd:AbbreviatedData></ofd:PathObject>
<ofd:PathObject ID="33" Boundary="45 30 0.4 20"><ofd:AbbreviatedData>M 0.2 0 L 0.2 20</ofd:AbbreviatedData></ofd:PathObject>
<ofd:PathObject ID="34" Boundary="199.6 30 0.4 20"><ofd:AbbreviatedData>M 0.2 0 L 0.2 20</ofd:AbbreviatedData></ofd:PathObject>
<ofd:TextObject ID="40" Boundary="50 8 110 8" Font="5" Size="6">
<ofd:TextCode X="0" Y="6" DeltaX="g 14 6">电子发票（机动车销售统一发票）</ofd:TextCode></ofd:TextObject>
<ofd:TextObject ID="41" CTM="0.89 0 0 1 0 0" Boundary="150 18 20 4" Font="5" Size="3">
<ofd:TextCode X="0" Y="3" DeltaX="g 4 3">发票号码：</ofd:TextCode></ofd:TextObject>
<ofd:TextObject ID="42" Boundary="12 36 30 4" Font="5" Size="3">
<ofd:TextCode X="0" Y="3" DeltaX="g 4 3">购买方名称</ofd:TextCode></ofd:TextObject>
</ofd:Layer></ofd:Content></ofd:Page>"""

PAGE = f"""<?xml version="1.0" encoding="UTF-8"?>
<ofd:Page {NS}><ofd:Area><ofd:PhysicalBox>0 0 210 140</ofd:PhysicalBox></ofd:Area>
<ofd:Template TemplateID="1" ZOrder="Background"/>
<ofd:Content><ofd:Layer ID="8">
<ofd:TextObject ID="50" Boundary="165 18 40 4" Font="6" Size="3">
<ofd:TextCode X="0" Y="3" DeltaX="g 19 1.5">25312000000012345678</ofd:TextCode></ofd:TextObject>
<ofd:TextObject ID="51" Boundary="47 36 100 4" Font="6" Size="3">
<ofd:TextCode X="0" Y="3" DeltaX="g 9 3">上海某某汽车销售有限公司</ofd:TextCode></ofd:TextObject>
<ofd:TextObject ID="52" Boundary="47 42 10 4" Font="6" Size="3">
<ofd:TextCode X="0" Y="3">¥</ofd:TextCode></ofd:TextObject>
<ofd:TextObject ID="53" Boundary="47 42 40 4" Font="6" Size="3">
<ofd:TextCode X="1.8" Y="3" DeltaX="g 8 1.5">123456.00</ofd:TextCode></ofd:TextObject>
<ofd:TextObject ID="54" Boundary="12 300 30 4" Font="6" Size="3">
<ofd:TextCode X="0" Y="3">页外</ofd:TextCode></ofd:TextObject>
<ofd:ImageObject ID="55" CTM="20 0 0 20 0 0" Boundary="6 6 20 20" ResourceID="20"/>
</ofd:Layer></ofd:Content></ofd:Page>"""

ANNOTATIONS = f"""<?xml version="1.0" encoding="UTF-8"?>
<ofd:Annotations {NS}><ofd:Page PageID="10"><ofd:FileLoc>Page_0/Annotation.xml</ofd:FileLoc></ofd:Page></ofd:Annotations>"""

ANNOTATION = f"""<?xml version="1.0" encoding="UTF-8"?>
<ofd:PageAnnot {NS}><ofd:Annot Type="Watermark" ID="60">
<ofd:Appearance Boundary="200 60 4 30"><ofd:TextObject ID="61" CTM="0 1 -1 0 3.3 0" Boundary="0 0 4 30" Font="6" Size="3">
<ofd:FillColor Value="255 0 0"/><ofd:TextCode X="0" Y="3" DeltaX="g 3 3">下载次数</ofd:TextCode></ofd:TextObject>
</ofd:Appearance></ofd:Annot></ofd:PageAnnot>"""

CUSTOM_TAGS = f"""<?xml version="1.0" encoding="UTF-8"?>
<ofd:CustomTags {NS}><ofd:CustomTag TypeID="root"><ofd:FileLoc>CustomTag.xml</ofd:FileLoc></ofd:CustomTag></ofd:CustomTags>"""

CUSTOM_TAG = f"""<?xml version="1.0" encoding="UTF-8"?>
<ofd:root {NS}><ofd:InvoiceNo><ofd:ObjectRef PageRef="10">50</ofd:ObjectRef></ofd:InvoiceNo>
<ofd:Total><ofd:ObjectRef PageRef="10">52</ofd:ObjectRef><ofd:ObjectRef PageRef="10">53</ofd:ObjectRef></ofd:Total></ofd:root>"""

SIGNATURES = f"""<?xml version="1.0" encoding="UTF-8"?>
<ofd:Signatures {NS}><ofd:Signature ID="1" BaseLoc="Sign_0/Signature.xml"/></ofd:Signatures>"""

SIGNATURE = f"""<?xml version="1.0" encoding="UTF-8"?>
<ofd:Signature {NS}><ofd:SignedInfo>
<ofd:StampAnnot ID="70" PageRef="10" Boundary="150 100 30 20"/>
</ofd:SignedInfo><ofd:SignedValue>/Doc_0/Signs/Sign_0/SignedValue.dat</ofd:SignedValue></ofd:Signature>"""


def png(size: tuple[int, int], color: tuple[int, int, int]) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, color).save(buffer, "PNG")
    return buffer.getvalue()


def der(tag: int, content: bytes) -> bytes:
    """One DER element (short or long length form)."""
    if len(content) < 0x80:
        return bytes([tag, len(content)]) + content
    length = len(content).to_bytes((len(content).bit_length() + 7) // 8, "big")
    return bytes([tag, 0x80 | len(length)]) + length + content


def signed_value(picture: bytes, kind: bytes = b"PNG") -> bytes:
    """A DER SES_Signature-like structure whose seal carries ``picture`` of type ``kind``."""
    picture_info = der(
        0x30, der(0x16, kind) + der(0x04, picture) + der(0x02, b"\x28") + der(0x02, b"\x14")
    )
    seal_info = der(0x30, der(0x16, b"ES") + der(0x02, b"\x01") + picture_info)
    to_sign = der(0x30, der(0x02, b"\x04") + der(0x30, seal_info) + der(0x03, b"\x00\x01"))
    return der(0x30, to_sign + der(0x03, b"\x00" + b"\x55" * 64))


SEAL_PAGE = f"""<?xml version="1.0" encoding="UTF-8"?>
<ofd:Page {NS}><ofd:Area><ofd:PhysicalBox>0 0 30 20</ofd:PhysicalBox></ofd:Area><ofd:Content><ofd:Layer ID="2">
<ofd:PathObject ID="3" Boundary="0 0 30 20" LineWidth="1" Fill="true"><ofd:FillColor Value="255 0 0"/>
<ofd:StrokeColor Value="255 0 0"/><ofd:AbbreviatedData>M 5 10 A 10 8 0 1 1 25 10 A 10 8 0 1 1 5 10 C</ofd:AbbreviatedData>
</ofd:PathObject></ofd:Layer></ofd:Content></ofd:Page>"""


def vector_seal() -> bytes:
    """A seal as the platform makes them: a one-page OFD of its own (a red filled ellipse)."""
    document = DOCUMENT_XML.split("<ofd:CommonData>")[0] + (
        "<ofd:CommonData><ofd:MaxUnitID>3</ofd:MaxUnitID></ofd:CommonData>"
        '<ofd:Pages><ofd:Page ID="1" BaseLoc="Pages/Page_0/Content.xml"/></ofd:Pages></ofd:Document>'
    )
    parts = {
        "OFD.xml": OFD_XML.replace(
            "<ofd:Signatures>Doc_0/Signs/Signatures.xml</ofd:Signatures>", ""
        ),
        "Doc_0/Document.xml": document,
        "Doc_0/Pages/Page_0/Content.xml": SEAL_PAGE,
    }
    return zip_parts({name: text.encode("utf-8") for name, text in parts.items()})


def ofd_parts() -> dict[str, bytes]:
    parts = {
        "OFD.xml": OFD_XML,
        "Doc_0/Document.xml": DOCUMENT_XML,
        "Doc_0/PublicRes.xml": PUBLIC_RES,
        "Doc_0/DocumentRes.xml": DOCUMENT_RES,
        "Doc_0/Tpls/Tpl_0/Content.xml": TEMPLATE,
        "Doc_0/Pages/Page_0/Content.xml": PAGE,
        "Doc_0/Annots/Annotations.xml": ANNOTATIONS,
        "Doc_0/Annots/Page_0/Annotation.xml": ANNOTATION,
        "Doc_0/Tags/CustomTags.xml": CUSTOM_TAGS,
        "Doc_0/Tags/CustomTag.xml": CUSTOM_TAG,
        "Doc_0/Signs/Signatures.xml": SIGNATURES,
        "Doc_0/Signs/Sign_0/Signature.xml": SIGNATURE,
    }
    data = {name: text.encode("utf-8") for name, text in parts.items()}
    data["Doc_0/Res/qr.png"] = png((40, 40), (0, 0, 255))  # a blue square stands for the QR code
    data["Doc_0/Signs/Sign_0/SignedValue.dat"] = signed_value(png((60, 40), (0, 200, 0)))
    return data


def zip_parts(parts: dict[str, bytes], first: str | None = "OFD.xml") -> bytes:
    """The parts zipped (deflated), ``first`` written first as producers do."""
    buffer = io.BytesIO()
    names = sorted(parts, key=lambda name: name != first)
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in names:
            archive.writestr(name, parts[name])
    return buffer.getvalue()
