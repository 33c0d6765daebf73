"""Why a file could not be opened or a page not rendered: one type per kind of failure.

Every ``DocumentError`` carries the ``path`` it is about, a ``message`` naming the
file in the clerk's words and an ``advice`` saying what to do, both in Chinese and
English. ``str(err)`` is the Chinese message: one sentence, never a traceback. The
low-level cause (Pillow's or MuPDF's own words) is kept in ``detail`` for logs.

``UploadTooLarge`` is the odd one out: it is about sending a page, not opening a
file, so it is a ``RecognitionError`` (code ``Client.ImageTooLarge``) that the
cloud backend can let through unchanged.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from desktop_app.core.error_codes import kind_of
from desktop_app.core.errors import FileError, RecognitionError
from desktop_app.core.text import LocalizedText as T

_OTHER_COPY = T(
    "请重新扫描或向对方索取原始文件后再打开。",
    "Scan it again or ask the sender for the original file, then open it again.",
)


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB"


class DocumentError(FileError):
    """A file could not be opened, or one of its pages could not be rendered.

    Subclasses set ``code``, ``summary`` (with ``{name}`` and their own
    placeholders) and ``advice_text``; ``values`` fill the placeholders.
    """

    code: ClassVar[str] = "Document.Error"
    summary: ClassVar[T] = T("无法打开文件“{name}”。", "Could not open “{name}”.")
    advice_text: ClassVar[T] = _OTHER_COPY


class FileNotFound(DocumentError):
    """The path does not exist (moved, renamed, or on a drive no longer mounted)."""

    code = "Document.FileNotFound"
    summary = T("找不到文件“{name}”。", "The file “{name}” was not found.")
    advice_text = T(
        "文件可能已被移动、改名或删除；请重新选择文件。",
        "It may have been moved, renamed or deleted; choose the file again.",
    )


class FileUnreadable(DocumentError):
    """The path exists but cannot be read: no permission, a folder, a device error."""

    code = "Document.FileUnreadable"
    summary = T("无法读取文件“{name}”。", "The file “{name}” cannot be read.")
    advice_text = T(
        "请确认它是一个文件、您有权限读取，且没有被其他程序独占打开。",
        "Check that it is a file, that you may read it, and that no other program has it locked.",
    )


class EmptyFile(DocumentError):
    """The file has 0 bytes (an interrupted download or copy)."""

    code = "Document.EmptyFile"
    summary = T("文件“{name}”是空的（0 字节）。", "The file “{name}” is empty (0 bytes).")
    advice_text = T(
        "下载或复制可能没有完成；请重新获取该文件。",
        "A download or copy probably did not finish; get the file again.",
    )


class FileTooLarge(DocumentError):
    """The file is bigger than the size limit; ``size`` and ``limit`` are in bytes."""

    code = "Document.FileTooLarge"
    summary = T(
        "文件“{name}”太大（{size}，上限 {limit}）。",
        "The file “{name}” is too large ({size}; the limit is {limit}).",
    )
    advice_text = T(
        "请以较低分辨率（如 300 dpi）重新扫描，或拆分成单页文件。",
        "Scan it again at a lower resolution (such as 300 dpi), or split it into single pages.",
    )

    def __init__(self, path: Path, size: int, limit: int) -> None:
        self.size = size
        self.limit = limit
        super().__init__(path, size=_megabytes(size), limit=_megabytes(limit))


class UnsupportedFormat(DocumentError):
    """The content is none of the supported formats, whatever the file's extension says."""

    code = "Document.UnsupportedFormat"
    summary = T(
        "无法识别文件“{name}”的格式：它不是 PDF、OFD、XML、PNG、JPEG、BMP、TIFF、WebP 或 GIF 文件。",
        "“{name}” is not a format the app can open: not PDF, OFD, XML, PNG, JPEG, BMP, TIFF, "
        "WebP or GIF.",
    )
    advice_text = T(
        "如果它是发票，请用扫描或看图软件另存为 PDF、JPEG 或 PNG 后再打开。",
        "If it is an invoice, save it as PDF, JPEG or PNG with a scanning or image program first.",
    )


class CorruptFile(DocumentError):
    """The format was recognized but the content is truncated or damaged."""

    code = "Document.CorruptFile"
    summary = T(
        "文件“{name}”已损坏或不完整，无法读取。",
        "The file “{name}” is damaged or incomplete and cannot be read.",
    )
    advice_text = _OTHER_COPY


class EncryptedPdf(DocumentError):
    """The PDF needs a password to open (PyMuPDF ``needs_pass``)."""

    code = "Document.EncryptedPdf"
    summary = T(
        "PDF 文件“{name}”已加密，需要密码才能打开。",
        "The PDF “{name}” is password-protected.",
    )
    advice_text = T(
        "请向发送方索取未加密的版本，或用 PDF 软件输入密码后另存为无密码的副本。",
        "Ask the sender for an unprotected copy, or enter the password in a PDF program "
        "and save a copy without one.",
    )


class _Naming:
    """An error whose message says ``what`` (both languages) was wrong: ``{what_zh}``/``{what_en}``."""

    def __init__(self, path: Path, what: T, *, detail: str = "") -> None:
        self.what = what
        super().__init__(path, detail=detail, what_zh=what.zh, what_en=what.en)  # type: ignore[call-arg]


class NotAnOfd(_Naming, UnsupportedFormat):
    """A zip that looked like an OFD package but is not one (OFD.xml is not an OFD root)."""

    code = "Document.NotAnOfd"
    summary = T(
        "文件“{name}”不是 OFD 文档（{what_zh}）。",
        "“{name}” is not an OFD document ({what_en}).",
    )
    advice_text = T(
        "请从电子发票服务平台重新下载该发票的 OFD 或 PDF 文件。",
        "Download the invoice again as OFD or PDF from the e-invoice platform.",
    )


class DamagedOfd(_Naming, CorruptFile):
    """An OFD package whose parts are missing, unreadable or malformed; ``what`` says which."""

    code = "Document.DamagedOfd"
    summary = T(
        "OFD 文件“{name}”已损坏：{what_zh}。",
        "The OFD “{name}” is damaged: {what_en}.",
    )


class OfdTooLarge(_Naming, DocumentError):
    """An OFD package over a safety limit (entries, sizes, compression ratio, XML size or depth).

    Such a file is either broken or built to exhaust memory (a "zip bomb" or an
    XML entity bomb); it is refused before anything is unpacked.
    """

    code = "Document.OfdTooLarge"
    summary = T(
        "OFD 文件“{name}”超出安全限制（{what_zh}），未予打开。",
        "The OFD “{name}” exceeds a safety limit ({what_en}) and was not opened.",
    )
    advice_text = T(
        "正常的电子发票远小于此限制；请从电子发票服务平台重新下载，来源不明的文件请勿打开。",
        "A genuine e-invoice is far below this limit: download it again from the e-invoice "
        "platform, and do not open files of unknown origin.",
    )


class NotAnEInvoiceXml(UnsupportedFormat):
    """An XML file that is not the e-invoice platform's ``EInvoice`` document."""

    code = "Document.NotAnEInvoiceXml"
    summary = T(
        "XML 文件“{name}”不是电子发票（数电票）的 XML。",
        "The XML file “{name}” is not an e-invoice XML.",
    )
    advice_text = T(
        "请打开从电子发票服务平台下载的发票文件（PDF、OFD 或 XML）。",
        "Open the invoice as downloaded from the e-invoice platform (PDF, OFD or XML).",
    )


class DamagedXml(CorruptFile):
    """An XML file that is not well-formed (cut short, edited, wrong encoding)."""

    code = "Document.DamagedXml"
    summary = T(
        "XML 文件“{name}”已损坏或不完整，无法读取。",
        "The XML file “{name}” is damaged or incomplete and cannot be read.",
    )
    advice_text = T(
        "请从电子发票服务平台重新下载该发票。",
        "Download the invoice again from the e-invoice platform.",
    )


class XmlTooLarge(_Naming, DocumentError):
    """An XML file over a safety limit, or with a DTD or entities (an "XML bomb")."""

    code = "Document.XmlTooLarge"
    summary = T(
        "XML 文件“{name}”超出安全限制（{what_zh}），未予打开。",
        "The XML file “{name}” exceeds a safety limit ({what_en}) and was not opened.",
    )
    advice_text = T(
        "电子发票的 XML 只有几 KB，且不含 DTD；请从电子发票服务平台重新下载，来源不明的文件请勿打开。",
        "A genuine e-invoice XML has a few kilobytes and no DTD: download it again from the "
        "e-invoice platform, and do not open files of unknown origin.",
    )


class UnsupportedXmlLayout(_Naming, DocumentError):
    """An e-invoice XML the app cannot read yet: ``what`` names what it cannot place."""

    code = "Document.UnsupportedXmlLayout"
    summary = T(
        "暂不支持读取 XML 文件“{name}”中的{what_zh}：这种 XML 版式的元素尚无公开依据。",
        "The XML layout of “{name}” is not supported yet: {what_en} cannot be read from it.",
    )
    advice_text = T(
        "请打开同一张发票的 PDF 或 OFD 文件（电子发票服务平台同时提供），程序可以准确读取。",
        "Open the PDF or OFD of the same invoice (the e-invoice platform offers both); "
        "the app reads those exactly.",
    )


class PageOutOfRange(DocumentError):
    """A page index outside ``0 <= index < page_count`` was asked for."""

    code = "Document.PageOutOfRange"
    summary = T(
        "文件“{name}”没有第 {number} 页（共 {page_count} 页）。",
        "“{name}” has no page {number} (it has {page_count}).",
    )
    advice_text = T("请选择存在的页。", "Choose a page that exists.")

    def __init__(self, path: Path, index: int, page_count: int) -> None:
        self.index = index
        self.page_count = page_count
        super().__init__(path, number=index + 1, page_count=page_count)


class ImageTooLarge(DocumentError):
    """A page has (or would rasterize to) more pixels than ``limit``.

    Also raised for decompression bombs: files whose header claims an enormous
    size. ``size`` is ``(width, height)`` when known.
    """

    code = "Document.ImageTooLarge"
    summary = T(
        "文件“{name}”的图像尺寸过大{size_text}，超过 {limit} 百万像素的上限。",
        "The image in “{name}” is too large{size_en}: over the {limit}-megapixel limit.",
    )
    advice_text = T(
        "请以较低分辨率（如 300 dpi）重新扫描；若文件来源不明，它也可能已损坏。",
        "Scan it again at a lower resolution (such as 300 dpi); "
        "a file of unknown origin may also be damaged.",
    )

    def __init__(
        self, path: Path, limit: int, size: tuple[int, int] | None = None, *, detail: str = ""
    ) -> None:
        self.limit = limit
        self.size = size
        dims = f"{size[0]}×{size[1]}" if size else ""
        super().__init__(
            path,
            detail=detail,
            size_text=f"（{dims} 像素）" if dims else "",
            size_en=f" ({dims} pixels)" if dims else "",
            limit=f"{limit / 1e6:g}",
        )


class UploadTooLarge(RecognitionError):
    """A page stays over the upload limit even recompressed and shrunk to the minimum size."""

    def __init__(self, source: Path | None, encoded_bytes: int, limit: int) -> None:
        kind = kind_of("Client.ImageTooLarge")
        name = source.name if source is not None else "page"
        super().__init__(
            "Client.ImageTooLarge",
            f"{name}: {_megabytes(encoded_bytes)} after base64 at the smallest legible size; "
            f"the limit is {_megabytes(limit)}",
            summary=kind.summary,
            advice=kind.advice,
        )
        self.source = source
        self.encoded_bytes = encoded_bytes
        self.limit = limit
