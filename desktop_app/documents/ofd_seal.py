"""The seal picture inside an OFD electronic signature (``SignedValue.dat``).

The signed value is a DER-encoded ``SES_Signature`` (GM/T 0031): the electronic
seal it carries holds its picture as ``SES_ESPictrueInfo ::= SEQUENCE { type
IA5String, data OCTET STRING, width, height }``, with ``type`` such as ``PNG``,
``JPG``, ``GIF``, ``BMP`` or ``OFD``. Rather than model both versions of the
structure, the DER tree is walked (bounded in depth and node count) for a
sequence whose first element names an image type and whose second is the
picture's bytes; the bytes must also start like that format. The tax
platform's invoice seals are mostly ``OFD`` pictures: a one-page OFD of their
own, drawn like any page. Signatures are not verified: this only shows the
clerk the red seal the invoice carries.
"""

from __future__ import annotations

from dataclasses import dataclass

_IMAGE_TYPES = {
    "png": b"\x89PNG",
    "jpg": b"\xff\xd8",
    "jpeg": b"\xff\xd8",
    "gif": b"GIF8",
    "bmp": b"BM",
    "ofd": b"PK\x03\x04",  # a vector seal: an OFD package of its own
}
_MAX_NODES = 20_000
_MAX_DEPTH = 32
_SEQUENCE, _IA5STRING, _OCTET_STRING = 0x30, 0x16, 0x04


class _Budget:
    def __init__(self) -> None:
        self.nodes = 0


@dataclass(frozen=True)
class SealPicture:
    """A seal's picture: ``kind`` "png", "jpg", "jpeg", "gif", "bmp" or "ofd", and its bytes."""

    kind: str
    data: bytes


def seal_picture(data: bytes) -> SealPicture | None:
    """The seal's picture from a DER ``SES_Signature``, or ``None``."""
    try:
        return _search(memoryview(data), 0, _Budget())
    except (IndexError, ValueError):
        return None


def _elements(data: memoryview, budget: _Budget) -> list[tuple[int, memoryview]]:
    """The (tag, content) pairs of a run of DER elements (long and indefinite forms refused)."""
    items: list[tuple[int, memoryview]] = []
    position = 0
    while position < len(data):
        budget.nodes += 1
        if budget.nodes > _MAX_NODES:
            raise ValueError("too many DER nodes")
        tag = data[position]
        if tag & 0x1F == 0x1F:
            raise ValueError("multi-byte tags are not in this structure")
        length = data[position + 1]
        position += 2
        if length & 0x80:
            count = length & 0x7F
            if count == 0 or count > 4:
                raise ValueError("indefinite or oversized length")
            length = int.from_bytes(data[position : position + count], "big")
            position += count
        if position + length > len(data):
            raise ValueError("element runs past its parent")
        items.append((tag, data[position : position + length]))
        position += length
    return items


def _search(data: memoryview, depth: int, budget: _Budget) -> SealPicture | None:
    if depth > _MAX_DEPTH:
        return None
    items = _elements(data, budget)
    picture = _picture(items)
    if picture is not None:
        return picture
    for tag, content in items:
        if tag & 0x20:  # constructed (SEQUENCE, SET, context-tagged): look inside
            found = _search(content, depth + 1, budget)
            if found is not None:
                return found
    return None


def _picture(items: list[tuple[int, memoryview]]) -> SealPicture | None:
    """The picture when ``items`` is ``type IA5String, data OCTET STRING, ...``."""
    if len(items) < 2 or items[0][0] != _IA5STRING or items[1][0] != _OCTET_STRING:
        return None
    kind = bytes(items[0][1]).decode("ascii", "replace").strip().lower()
    magic = _IMAGE_TYPES.get(kind)
    data = bytes(items[1][1])
    if magic is None or not data.startswith(magic):
        return None
    return SealPicture(kind, data)
