"""An OFD file's structure: OFD.xml → Document.xml → pages, templates, resources, annotations, seals.

Written for this app rather than taken from a library: the Python OFD packages
found (easyofd, the one maintained one) unpack to the working directory
without size limits, parse XML with entity expansion on, and draw through
reportlab with system fonts; none is safe on untrusted input. The standard's
parts used here are what 数电 invoices use (see the genuine one in
``shared/datasets/einvoice-real``): the first ``DocBody``; ``CommonData``
(``PageArea``, ``PublicRes``, ``DocumentRes``, ``TemplatePage``); ``Pages``;
a page's ``Area``, ``PageRes``, ``Template`` (Background/Foreground) and
``Content``; ``Annotations`` (watermarks, drawn, not read); ``Signatures``
(the seal picture, drawn at its ``StampAnnot``); ``CustomDatas`` and
``CustomTags`` (offered to the reader as extras). Lengths are millimetres.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TypeVar
from xml.etree.ElementTree import Element

from desktop_app.core.text import LocalizedText as T
from desktop_app.documents.errors import DamagedOfd, DocumentError, NotAnOfd
from desktop_app.documents.ofd_objects import (
    ObjectReader,
    OfdObject,
    OfdText,
    Resources,
)
from desktop_app.documents.ofd_package import OfdLimits, OfdPackage, resolve
from desktop_app.documents.ofd_seal import SealPicture, seal_picture

T_ = TypeVar("T_")
_A4 = (210.0, 297.0)
_MAX_PAGES = 1000
_MAX_SEAL_BYTES = 4 * 1024 * 1024


@dataclass(frozen=True)
class OfdSeal:
    """A seal drawn in ``box`` (x, y, w, h in mm): a picture, or a vector page.

    ``picture`` is PNG/JPEG/GIF/BMP bytes; a vector seal (an OFD of its own)
    has instead ``vector``, its first page, and ``read``, which gives that
    package's image resources.
    """

    box: tuple[float, float, float, float]
    picture: bytes = b""
    vector: OfdPage | None = None
    read: Callable[[str], bytes | None] | None = None


@dataclass(frozen=True)
class OfdPage:
    """One page ready to draw and read: size in mm, objects in drawing order.

    ``content`` is what the form is made of (template and page layers, in
    drawing order), ``from_template`` says for each of them whether it came
    from a template page (labels and ruling) or the page itself (values);
    ``overlay`` the annotations drawn over it (watermarks);
    ``seals`` the signature seals; ``extras`` the file's own statements
    (``custom.NAME`` from OFD.xml's CustomData, ``tag.NAME`` the text of the
    objects a CustomTag names on this page).
    """

    width: float
    height: float
    content: tuple[OfdObject, ...]
    from_template: tuple[bool, ...]
    overlay: tuple[OfdObject, ...] = ()
    seals: tuple[OfdSeal, ...] = ()
    extras: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class _PageRef:
    page_id: str
    name: str


class OfdFile:
    """The parsed structure of an OFD package; pages are read on demand by ``page(index)``."""

    def __init__(
        self, path: Path, data: bytes, limits: OfdLimits | None = None, *, seals: bool = True
    ) -> None:
        self.path = path
        self._with_seals = seals  # a seal's own OFD is drawn without seals of its own
        self.package = OfdPackage(path, data, limits)
        root = self.package.xml("OFD.xml", T("入口文件", "the entry file"))
        body = root.find("DocBody")
        if root.tag != "OFD" or body is None:
            raise NotAnOfd(path, T("OFD.xml 不是 OFD 入口文件", "OFD.xml is not an OFD entry file"))
        self.doc_name = self._doc_root(body)
        self.document = self.package.xml(self.doc_name, T("文档描述 Document.xml", "Document.xml"))
        common = self.document.find("CommonData")
        self.page_area = _box_size(
            common.find("PageArea/PhysicalBox") if common is not None else None, _A4
        )
        self.resources = Resources()
        self.templates: dict[str, str] = {}
        if common is not None:
            self._common_data(common)
        self.pages = self._pages()
        self.custom = {
            data.get("Name", ""): (data.text or "").strip()
            for data in body.iterfind("DocInfo/CustomDatas/CustomData")
            if data.get("Name")
        }
        self.signatures = self._name_from(body.findtext("Signatures"), "")
        self._cache: dict[int, OfdPage] = {}

    @property
    def page_count(self) -> int:
        return len(self.pages)

    def _doc_root(self, body: Element) -> str:
        location = (body.findtext("DocRoot") or "").strip()
        name = resolve("", location) if location else None
        if name is None:
            raise DamagedOfd(
                self.path, T("OFD.xml 未指明 Document.xml", "OFD.xml names no Document.xml")
            )
        return name

    def _name_from(self, location: str | None, base: str) -> str | None:
        return resolve(base, location) if location and location.strip() else None

    def _common_data(self, common: Element) -> None:
        for tag in ("PublicRes", "DocumentRes"):
            for element in common.iterfind(tag):
                name = self._name_from(element.text, self.doc_name)
                if name is not None:
                    self._add_resources(self.resources, name)
        for template in common.iterfind("TemplatePage"):
            name = self._name_from(template.get("BaseLoc"), self.doc_name)
            if name is not None and template.get("ID"):
                self.templates[template.get("ID", "")] = name

    def _add_resources(self, resources: Resources, name: str) -> None:
        """Fonts, draw parameters and media of resource file ``name``.

        A named resource file that is missing is skipped, as other readers do
        (producers list a PublicRes.xml they never wrote); only colours,
        line widths and images depend on it, never the text.
        """
        if not self.package.has(name):
            return
        res = self.package.xml(name, T("资源文件", "a resource file"))
        base = posixpath.join(posixpath.dirname(name), res.get("BaseLoc", "").strip(), "")
        for font in res.iterfind("Fonts/Font"):
            resources.fonts[font.get("ID", "")] = font.get("FontName", "")
        for param in res.iterfind("DrawParams/DrawParam"):
            resources.draw_params[param.get("ID", "")] = param
        for media in res.iterfind("MultiMedias/MultiMedia"):
            target = resolve(base, (media.findtext("MediaFile") or "").strip())
            if target is not None:
                resources.media[media.get("ID", "")] = target

    def _pages(self) -> list[_PageRef]:
        pages = []
        for page in self.document.iterfind("Pages/Page"):
            name = self._name_from(page.get("BaseLoc"), self.doc_name)
            if name is None:
                raise DamagedOfd(self.path, T("页面缺少位置", "a page has no location"))
            pages.append(_PageRef(page.get("ID", ""), name))
            if len(pages) > _MAX_PAGES:
                raise DamagedOfd(self.path, T("页数过多", "too many pages"))
        if not pages:
            raise DamagedOfd(self.path, T("文档没有页面", "the document has no pages"))
        return pages

    def page(self, index: int) -> OfdPage:
        """Page ``index`` (0-based, checked by the caller), parsed once."""
        if index not in self._cache:
            self._cache[index] = self._read_page(self.pages[index])
        return self._cache[index]

    def _read_page(self, ref: _PageRef) -> OfdPage:
        content = self.package.xml(ref.name, T("页面内容", "a page's content"))
        resources = Resources(
            dict(self.resources.fonts), dict(self.resources.draw_params), dict(self.resources.media)
        )
        for page_res in content.iterfind("PageRes"):
            name = self._name_from(page_res.text, ref.name)
            if name is not None:
                self._add_resources(resources, name)
        reader = ObjectReader(resources)
        width, height = _box_size(content.find("Area/PhysicalBox"), self.page_area)
        below, above = self._templates(content, reader)
        own = reader.read(_child(content, "Content"))
        objects = [*below, *own, *above]
        return OfdPage(
            width,
            height,
            tuple(objects),
            (True,) * len(below) + (False,) * len(own) + (True,) * len(above),
            tuple(_optional(self._annotations, ref, reader) or ()),
            tuple(_optional(self._seals, ref) or ()),
            {**self._custom_extras(), **(_optional(self._tag_extras, ref, objects) or {})},
        )

    def _templates(
        self, content: Element, reader: ObjectReader
    ) -> tuple[list[OfdObject], list[OfdObject]]:
        """The objects of the page's templates: (background ones, foreground ones)."""
        below: list[OfdObject] = []
        above: list[OfdObject] = []
        for use in content.iterfind("Template"):
            name = self.templates.get(use.get("TemplateID", ""))
            if name is None:
                raise DamagedOfd(
                    self.path, T("页面引用的模板不存在", "a page refers to a missing template")
                )
            template = self.package.xml(name, T("模板页", "a template page"))
            objects = reader.read(_child(template, "Content"))
            (above if use.get("ZOrder") == "Foreground" else below).extend(objects)
        return below, above

    def _annotations(self, ref: _PageRef, reader: ObjectReader) -> list[OfdObject]:
        """Objects of the page's visible annotations (watermarks, stamps drawn as annotations)."""
        index_name = self._name_from(self.document.findtext("Annotations"), self.doc_name)
        if index_name is None or not self.package.has(index_name):
            return []
        objects: list[OfdObject] = []
        index = self.package.xml(index_name, T("注释索引", "the annotation index"))
        for page in index.iterfind("Page"):
            name = self._name_from(page.findtext("FileLoc"), index_name)
            if page.get("PageID") != ref.page_id or name is None or not self.package.has(name):
                continue
            for annot in self.package.xml(name, T("注释", "an annotation")).iterfind("Annot"):
                appearance = annot.find("Appearance")
                if annot.get("Visible", "true").lower() == "false" or appearance is None:
                    continue
                x, y = _origin(appearance.get("Boundary"))
                objects.extend(reader.read(appearance, (1.0, 0.0, 0.0, 1.0, x, y)))
        return objects

    def read_image(self, name: str) -> bytes | None:
        """An image resource's bytes, or ``None`` when missing or unreadable (then not drawn)."""
        if not self.package.has(name):
            return None
        try:
            return self.package.read(name, T("图像", "an image"))
        except DamagedOfd:
            return None

    def _seals(self, ref: _PageRef) -> list[OfdSeal]:
        """Seals of the signatures stamped on this page (unreadable ones skipped)."""
        if not self._with_seals or self.signatures is None or not self.package.has(self.signatures):
            return []
        seals: list[OfdSeal] = []
        index = self.package.xml(self.signatures, T("签名索引", "the signature index"))
        for signature in index.iterfind("Signature"):
            name = self._name_from(signature.get("BaseLoc"), self.signatures)
            if name is None or not self.package.has(name):
                continue
            signed = self.package.xml(name, T("签名", "a signature"))
            stamps = [
                s
                for s in signed.iterfind("SignedInfo/StampAnnot")
                if s.get("PageRef") == ref.page_id
            ]
            value_name = self._name_from(signed.findtext("SignedValue"), name)
            if not stamps or value_name is None or not self.package.has(value_name):
                continue
            value = self.package.read(value_name, T("签名值", "a signed value"))
            picture = seal_picture(value) if len(value) <= _MAX_SEAL_BYTES else None
            seal = self._seal(picture) if picture is not None else None
            if seal is None:
                continue
            for stamp in stamps:
                box = [float(v) for v in (stamp.get("Boundary") or "").split()[:4] if _is_number(v)]
                if len(box) == 4:
                    seals.append(replace(seal, box=(box[0], box[1], box[2], box[3])))
        return seals

    def _seal(self, picture: SealPicture) -> OfdSeal | None:
        """The seal to draw for ``picture`` (box set by the caller); ``None`` if unreadable."""
        if picture.kind != "ofd":
            return OfdSeal((0, 0, 0, 0), picture.data)
        try:  # the same limits as the invoice itself, and no seals inside a seal
            seal_file = OfdFile(self.path, picture.data, self.package.limits, seals=False)
            return OfdSeal((0, 0, 0, 0), vector=seal_file.page(0), read=seal_file.read_image)
        except DocumentError:
            return None

    def _custom_extras(self) -> dict[str, str]:
        return {f"custom.{name}": value for name, value in self.custom.items()}

    def _tag_extras(self, ref: _PageRef, objects: list[OfdObject]) -> dict[str, str]:
        """``tag.NAME``: the text of the objects each custom tag names on this page."""
        extras: dict[str, str] = {}
        texts = {
            obj.object_id: "".join(g.char for g in obj.glyphs)
            for obj in objects
            if isinstance(obj, OfdText) and obj.object_id
        }
        tags_name = self._name_from(self.document.findtext("CustomTags"), self.doc_name)
        if tags_name is None or not self.package.has(tags_name):
            return extras
        for tag in self.package.xml(tags_name, T("自定义标引", "custom tags")).iterfind(
            "CustomTag"
        ):
            name = self._name_from(tag.findtext("FileLoc"), tags_name)
            if name is None or not self.package.has(name):
                continue
            for element in self.package.xml(name, T("自定义标引", "custom tags")).iter():
                refs = [r for r in element.findall("ObjectRef") if r.get("PageRef") == ref.page_id]
                value = "".join(texts.get((r.text or "").strip(), "") for r in refs).strip()
                if value:
                    extras.setdefault(f"tag.{element.tag}", value)
        return extras

    def close(self) -> None:
        self.package.close()
        self._cache.clear()


def _optional(read: Callable[..., T_], *args: object) -> T_ | None:
    """``read(*args)``, or ``None`` when its part is damaged.

    Annotations (watermarks), signatures (the seal picture) and custom tags
    are decoration and hints: a broken one must not keep the clerk from the
    invoice. Safety refusals (``OfdTooLarge``) are not swallowed.
    """
    try:
        return read(*args)
    except DamagedOfd:
        return None


def _child(element: Element, tag: str) -> Element:
    """The first ``tag`` child of ``element``, or an empty one (Elements' truth value is deprecated)."""
    found = element.find(tag)
    return found if found is not None else Element(tag)


def _is_number(value: str) -> bool:
    try:
        float(value)
    except ValueError:
        return False
    return True


def _origin(boundary: str | None) -> tuple[float, float]:
    values = [float(v) for v in (boundary or "").split()[:2] if _is_number(v)]
    return (values[0], values[1]) if len(values) == 2 else (0.0, 0.0)


def _box_size(element: Element | None, default: tuple[float, float]) -> tuple[float, float]:
    """Width and height (mm) of a ``PhysicalBox`` "x y w h", or ``default``."""
    if element is None or not element.text:
        return default
    values = [float(v) for v in element.text.split() if _is_number(v)]
    if len(values) != 4 or not (0 < values[2] <= 5000 and 0 < values[3] <= 5000):
        return default
    return values[2], values[3]
