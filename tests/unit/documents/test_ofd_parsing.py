"""The small parsers behind OFD reading: deltas, path data, part names, XML, seal pictures."""

from __future__ import annotations

import pytest
from ofd_parts import der, png, signed_value

from desktop_app.documents.ofd_objects import expand_deltas
from desktop_app.documents.ofd_package import XmlRefused, parse_xml, resolve
from desktop_app.documents.ofd_path import parse_abbreviated_data
from desktop_app.documents.ofd_seal import seal_picture

IDENTITY = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


def test_deltas_expand_the_g_shorthand() -> None:
    assert expand_deltas("1.5875 g 3 3.175 1.6") == [1.5875, 3.175, 3.175, 3.175, 1.6]
    assert expand_deltas(None) == []
    assert expand_deltas("g 2") == [0.0, 2.0]  # a cut-off shorthand: read as it stands, no crash
    assert expand_deltas("g 1000000000 1.5 g 99 2", limit=4) == [1.5] * 4  # bounded by the text
    assert expand_deltas("g " + "9" * 5000 + " 1 g ² 3", limit=2) == [1.0, 1.0]


def test_path_data_is_mapped_and_arcs_become_curves() -> None:
    commands = list(
        parse_abbreviated_data("M 0 0 L 10 0 A 5 5 0 0 1 10 10 C", (2, 0, 0, 2, 100, 50))
    )
    assert commands[0] == ("M", 100, 50)
    assert commands[1] == ("L", 120, 50)
    assert commands[-1] == ("C",)
    curves = [c for c in commands if c[0] == "B"]
    assert len(curves) == 2  # a half circle in two quarter-circle pieces
    assert curves[-1][-2:] == pytest.approx((120, 70))
    assert curves[0][-2:] == pytest.approx((130, 60))  # the arc bulges to the right (sweep 1)


def test_path_data_stops_at_garbage() -> None:
    assert list(parse_abbreviated_data("M 0 0 L 1 x L 2 2", IDENTITY)) == [("M", 0, 0)]
    assert list(parse_abbreviated_data("M 0 0 L 5", IDENTITY)) == [("M", 0, 0)]


@pytest.mark.parametrize(
    ("base", "location", "name"),
    [
        ("Doc_0/Document.xml", "Pages/Page_0/Content.xml", "Doc_0/Pages/Page_0/Content.xml"),
        ("Doc_0/Document.xml", "/Doc_0/Res/a.png", "Doc_0/Res/a.png"),
        ("Doc_0/Res/", "../Tpls/t.xml", "Doc_0/Tpls/t.xml"),
        ("Doc_0/Document.xml", "..\\..\\x.xml", None),
        ("Doc_0/Document.xml", "../../etc/passwd", None),
        ("Doc_0/Document.xml", "  ", None),
    ],
)
def test_resolve_stays_inside_the_package(base: str, location: str, name: str | None) -> None:
    assert resolve(base, location) == name


def test_xml_prefixes_are_dropped_and_dtds_refused() -> None:
    root = parse_xml(b'<o:A xmlns:o="u" o:x="1"><o:B>t</o:B>tail</o:A>')
    assert (root.tag, root.get("x"), root.findtext("B"), root[0].tail) == ("A", "1", "t", "tail")
    with pytest.raises(XmlRefused):
        parse_xml(b'<!DOCTYPE a [<!ENTITY e "x">]><a>&e;</a>')
    with pytest.raises(XmlRefused):
        parse_xml(b"<a>" * 100 + b"</a>" * 100)  # nested deeper than the limit


def test_the_seal_picture_is_found_in_the_signed_value() -> None:
    picture = png((8, 8), (255, 0, 0))
    found = seal_picture(signed_value(picture))
    assert found is not None and (found.kind, found.data) == ("png", picture)
    assert seal_picture(b"\x30\x05garbage") is None
    not_an_image = der(0x30, der(0x16, b"PNG") + der(0x04, b"not a png"))
    assert seal_picture(not_an_image) is None
    vector_seal = der(0x30, der(0x16, b"OFD") + der(0x04, b"PK\x03\x04rest"))
    found = seal_picture(vector_seal)
    assert found is not None and found.kind == "ofd"  # a vector seal: an OFD of its own


def _jbig2_header(width: int, height: int) -> bytes:
    """A JBIG2 file header and the page-information segment that states the page size."""
    header = b"\x97JB2\r\n\x1a\n" + b"\x01" + (1).to_bytes(4, "big")  # sequential, one page
    segment = (0).to_bytes(4, "big") + b"\x30" + b"\x00" + b"\x01" + (19).to_bytes(4, "big")
    return header + segment + width.to_bytes(4, "big") + height.to_bytes(4, "big") + bytes(11)


def test_jbig2_size_is_read_from_its_header_and_bombs_are_not_decoded() -> None:
    from desktop_app.documents.ofd_draw import _jbig2_size, _jbig2_to_png

    assert _jbig2_size(_jbig2_header(100, 80)) == (100, 80)
    assert _jbig2_size(b"\x97JB2\r\n\x1a\n") is None
    assert _jbig2_to_png(_jbig2_header(200_000, 200_000)) is None  # refused before decoding
