"""An OFD package (GB/T 33190) opened safely: a bounded zip of XML parsed without DTDs.

An OFD is a zip. Before anything is decompressed the central directory is
checked against ``OfdLimits`` (entry count, each entry's size, the total, the
compression ratio of large entries), so a zip bomb is refused at once; reads
never go past an entry's declared size. Part names are resolved the way the
standard says (``BaseLoc`` relative to the referring part, or absolute from the
package root) and only ever looked up among the zip's own names: nothing is
written to disk, and ``../`` cannot leave the package.

XML is parsed with expat directly, building ``xml.etree`` elements: a document
type declaration (the only way to declare entities, internal or external) is
refused outright, so "billion laughs" and external entities cannot happen; the
element count and nesting depth are bounded too. Namespace prefixes are
dropped from tag names: producers disagree on the namespace URI, the local
names are what the standard fixes.
"""

from __future__ import annotations

import posixpath
import zipfile
import zlib
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path
from xml.etree.ElementTree import Element
from xml.parsers import expat

from desktop_app.core.text import LocalizedText as T
from desktop_app.documents.errors import DamagedOfd, OfdTooLarge


@dataclass(frozen=True)
class OfdLimits:
    """What an OFD package may hold; a genuine e-invoice is a few hundred KB in ~20 entries."""

    max_entries: int = 2000
    max_entry_bytes: int = 32 * 1024 * 1024
    max_total_bytes: int = 128 * 1024 * 1024
    #: Entries larger than ``ratio_floor`` bytes may not be compressed more than this.
    max_ratio: float = 200.0
    ratio_floor: int = 1024 * 1024
    max_xml_bytes: int = 8 * 1024 * 1024
    max_xml_elements: int = 200_000
    max_xml_depth: int = 64


_READ_ERRORS = (
    zipfile.BadZipFile,
    zlib.error,
    EOFError,
    OSError,
    NotImplementedError,
    RuntimeError,
)


class OfdPackage:
    """The zip of an OFD file in memory, with bounded reads of its parts."""

    def __init__(self, path: Path, data: bytes, limits: OfdLimits | None = None) -> None:
        self.path = path
        self.limits = limits or OfdLimits()
        try:
            self._zip = zipfile.ZipFile(BytesIO(data))
            infos = self._zip.infolist()
        except _READ_ERRORS as exc:
            raise DamagedOfd(
                path, T("不是完整的 zip 包", "not a complete zip"), detail=str(exc)
            ) from exc
        self._check(infos)
        # Backslashes: zips written on Windows by careless tools; the standard says "/".
        self._infos = {info.filename.replace("\\", "/").lstrip("/"): info for info in infos}
        self._lower = {name.lower(): name for name in self._infos}

    def _check(self, infos: list[zipfile.ZipInfo]) -> None:
        """Refuse a package over any limit before decompressing anything."""
        limits = self.limits
        if len(infos) > limits.max_entries:
            raise OfdTooLarge(self.path, T(f"{len(infos)} 个条目", f"{len(infos)} entries"))
        total = 0
        for info in infos:
            size = info.file_size
            total += size
            if size > limits.max_entry_bytes:
                raise OfdTooLarge(
                    self.path, T(f"条目 {info.filename} 过大", f"entry {info.filename} too large")
                )
            ratio = size / max(info.compress_size, 1)
            if size > limits.ratio_floor and ratio > limits.max_ratio:
                raise OfdTooLarge(
                    self.path,
                    T(
                        f"条目 {info.filename} 压缩比 {ratio:.0f}:1",
                        f"entry {info.filename} compressed {ratio:.0f}:1",
                    ),
                )
        if total > limits.max_total_bytes:
            raise OfdTooLarge(self.path, T("解压后总大小过大", "too large when unpacked"))

    def has(self, name: str) -> bool:
        """Whether the package holds part ``name`` (a resolved name)."""
        return self._find(name) is not None

    def read(self, name: str, what: T) -> bytes:
        """The bytes of part ``name``; ``DamagedOfd`` naming ``what`` when missing or unreadable."""
        key = self._find(name)
        if key is None:
            raise DamagedOfd(
                self.path, T(f"缺少{what.zh}（{name}）", f"{what.en} ({name}) is missing")
            )
        info = self._infos[key]
        try:
            with self._zip.open(info) as part:
                return part.read(info.file_size)  # never more than the checked, declared size
        except _READ_ERRORS as exc:
            raise DamagedOfd(
                self.path,
                T(f"无法读取{what.zh}（{name}）", f"{what.en} ({name}) is unreadable"),
                detail=str(exc),
            ) from exc

    def xml(self, name: str, what: T) -> Element:
        """Part ``name`` parsed as XML (safely, see the module's docstring)."""
        data = self.read(name, what)
        if len(data) > self.limits.max_xml_bytes:
            raise OfdTooLarge(self.path, T(f"{name} 过大", f"{name} is too large"))
        try:
            return parse_xml(data, self.limits)
        except XmlRefused as exc:
            raise OfdTooLarge(self.path, T(f"{name}：{exc.zh}", f"{name}: {exc.en}")) from exc
        except expat.ExpatError as exc:
            raise DamagedOfd(
                self.path,
                T(f"{what.zh}（{name}）不是有效的 XML", f"{what.en} ({name}) is not valid XML"),
                detail=str(exc),
            ) from exc

    def _find(self, name: str) -> str | None:
        if name in self._infos:
            return name
        return self._lower.get(name.lower())  # some producers differ in case from their references

    def close(self) -> None:
        """Drop the zip."""
        self._zip.close()


def resolve(base: str, location: str) -> str | None:
    """The package name ``location`` refers to from part ``base``, or ``None`` if it leaves the package.

    ``/Doc_0/Res/a.png`` is absolute from the root; ``Res/a.png`` is relative to
    ``base``'s folder (``base`` is a part name such as ``Doc_0/Document.xml``, or
    a folder name ending in ``/``).
    """
    location = location.strip().replace("\\", "/")
    if not location:
        return None
    if location.startswith("/"):
        joined = location.lstrip("/")
    else:
        joined = posixpath.join(posixpath.dirname(base), location)
    normal = posixpath.normpath(joined)
    if normal.startswith("../") or normal in ("..", ".") or normal.startswith("/"):
        return None
    return normal


class XmlRefused(ValueError):
    """XML the parser will not read: a DTD (entities), or too many or too deeply nested elements."""

    def __init__(self, zh: str, en: str) -> None:
        super().__init__(en)
        self.zh = zh
        self.en = en


def local_name(tag: str) -> str:
    """``ofd:TextObject`` → ``TextObject``."""
    return tag.rsplit(":", 1)[-1]


def parse_xml(data: bytes, limits: OfdLimits | None = None) -> Element:
    """``data`` parsed into elements named by local name; no DTD, bounded size.

    Raises ``XmlRefused`` for a document type declaration, an entity
    declaration, or more elements or depth than ``limits`` allow, and
    ``expat.ExpatError`` for malformed XML.
    """
    limits = limits or OfdLimits()
    parser = expat.ParserCreate()  # no namespace processing: prefixes are stripped below
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    stack: list[Element] = []
    root: list[Element] = []
    count = 0

    def start(tag: str, attributes: dict[str, str]) -> None:
        nonlocal count
        count += 1
        if count > limits.max_xml_elements:
            raise XmlRefused("元素过多", "too many elements")
        if len(stack) >= limits.max_xml_depth:
            raise XmlRefused("嵌套过深", "nested too deeply")
        element = Element(local_name(tag), {local_name(k): v for k, v in attributes.items()})
        if stack:
            stack[-1].append(element)
        else:
            root.append(element)
        stack.append(element)

    def end(tag: str) -> None:
        stack.pop()

    def text(data: str) -> None:
        if stack:
            element = stack[-1]
            if len(element):
                last = element[-1]
                last.tail = (last.tail or "") + data
            else:
                element.text = (element.text or "") + data

    def refuse(*args: object) -> None:
        raise XmlRefused("含有文档类型或实体声明", "it declares a document type or entities")

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = text
    parser.StartDoctypeDeclHandler = refuse
    parser.EntityDeclHandler = refuse
    parser.ExternalEntityRefHandler = refuse
    parser.Parse(data, True)
    if not root:
        raise expat.ExpatError("no root element")
    return root[0]
