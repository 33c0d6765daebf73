"""Command line: the headless face of the app (composition root for commands).

``python -m desktop_app recognize FILE [--page N] [--engine local|cloud] ...`` prints
the page's answer in the exact CarInvoiceOCR response shape. With several files or
folders, or ``--jsonl``, every page of every file is answered as one JSON line
``{"File", "Page", "Response"}``. Exit codes (:data:`EXIT_CODES`, also in ``--help``):

- 0: every page answered;
- 1: recognition failed (one line ``error: <Code>: <message>`` on stderr); with
  ``--jsonl``: some page failed in recognition, or the run stopped at an auth or
  billing error — trying again (later, with other keys) may help;
- 2: usage: an unknown option, or a value outside its range (``--dpi``, ``--page``);
- 3: input refused: a file unsupported, broken, encrypted, too large or missing, a page
  the file does not have, no supported file in the folders given; with ``--jsonl``: some
  file or page refused and none failed in recognition — the same input fails again.

``python -m desktop_app export --format csv|csv-excel|xlsx|json OUT`` exports the approved
pages of the review store.

``python -m desktop_app serve --keys FILE`` runs the office recognition server
(``desktop_app.server``, docs/server.md).
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from desktop_app import __version__, program_name
from desktop_app.core.codec import dumps_response
from desktop_app.core.errors import CarInvoiceError, RecognitionError
from desktop_app.core.text import LocalizedText
from desktop_app.documents.errors import DocumentError
from desktop_app.recognition.factory import ENGINES, REGIONS, EngineSettings, create_backend
from desktop_app.server.command import add_serve_parser

if TYPE_CHECKING:
    from desktop_app.core.model import RecognitionResult
    from desktop_app.documents.document import Document
    from desktop_app.recognition.text_reader import TextFirst

EXIT_OK, EXIT_RECOGNITION, EXIT_USAGE, EXIT_INPUT = 0, 1, 2, 3
#: What ``recognize``'s exit codes mean (its ``--help`` epilog; README and the guide say the same).
EXIT_CODES = (
    "exit codes: 0 every page answered; 1 recognition failed (with --jsonl: some page failed "
    "in recognition, or the run stopped at an auth or billing error); 2 usage (unknown option, "
    "--dpi or --page out of range); 3 input refused (a file unsupported, broken, encrypted, too "
    "large or missing, a page the file does not have, no supported file found; with --jsonl: "
    "some file or page refused and none failed in recognition)"
)
#: ``--dpi`` accepted by ``recognize``: below 72 a scan's characters get too small to read
#: (at 30 dpi the local engine finds 2 fields of a clean page, at 20 none), above 600 a page
#: only costs more time and memory (docs/benchmarks.md).
DPI_RANGE = (72.0, 600.0)
SUBCOMMANDS = ("recognize", "export", "serve")

log = logging.getLogger(__name__)


def default_language(environ: os._Environ[str] | dict[str, str] = os.environ) -> str:
    """``en`` when the locale asks for English, else ``zh`` (the interface's first language)."""
    for var in ("CARINVOICE_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(var, "")
        if value:
            return "en" if value.lower().startswith("en") else "zh"
    return "zh"


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of every subcommand."""
    parser = argparse.ArgumentParser(
        prog=program_name(),
        description="CarInvoice Desk (机动车发票识别审核台): recognize Chinese vehicle sales invoices.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "-v", "--verbose", action="count", default=0, help="log to stderr (-vv: debug)"
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    rec = sub.add_parser(
        "recognize",
        help="recognize one page and print the answer as CarInvoiceOCR JSON",
        description="Recognize one page of an image, PDF, OFD or e-invoice XML and print the "
        "CarInvoiceOCR-shaped JSON answer (UTF-8) on stdout. Pages that carry their own text "
        "(数电 e-invoice PDF, OFD, XML) are read from it exactly, whatever --engine says; --ocr "
        "recognizes them instead. Coordinates are pixels of the image file, or of the PDF/OFD page "
        "rendered at --dpi.",
        epilog=EXIT_CODES,
    )
    rec.add_argument(
        "file", nargs="+", help="PNG, JPEG, BMP, TIFF, WebP, GIF, PDF, OFD or XML files, or folders"
    )
    rec.add_argument(
        "--page", type=int, default=None, help="1-based page number of one FILE (default 1)"
    )
    rec.add_argument(
        "--jsonl",
        action="store_true",
        help="every page of every file as one JSON line {File, Page, Response} "
        "(implied by several files or a folder)",
    )
    rec.add_argument("--engine", choices=ENGINES, default=ENGINES[0], help="default: %(default)s")
    rec.add_argument(
        "--region", choices=REGIONS, default=None, help="cloud region (default ap-guangzhou)"
    )
    rec.add_argument(
        "--endpoint", default=None, help="cloud endpoint URL, e.g. http://127.0.0.1:8765"
    )
    rec.add_argument(
        "--ocr",
        action="store_true",
        help="recognize pages with the OCR engine even when the file carries its own text",
    )
    rec.add_argument(
        "--dpi",
        type=float,
        default=150.0,
        help=f"PDF/OFD rendering dpi, {DPI_RANGE[0]:g}-{DPI_RANGE[1]:g} (default 150)",
    )
    rec.add_argument("--language", choices=("zh", "en"), default=None, help="language of messages")
    rec.set_defaults(usage_error=rec.error)  # prints recognize's usage, exits 2
    _add_export_parser(sub)
    add_serve_parser(sub)
    return parser


def _add_export_parser(sub: argparse._SubParsersAction) -> None:
    exp = sub.add_parser(
        "export",
        help="export approved pages of the review store as CSV, XLSX or JSON",
        description="Export the approved pages of the review store. Pages failing an "
        "error-level check are held back unless --force (then they are marked).",
    )
    exp.add_argument("out", help="output file (a folder for per-page JSON)")
    exp.add_argument("--format", choices=("csv", "csv-excel", "xlsx", "json"), required=True)
    exp.add_argument("--force", action="store_true", help="export pages that fail checks, marked")
    exp.add_argument("--all", action="store_true", help="every recognized page, not only approved")
    exp.add_argument("--db", default=None, help="review database (default: the app's)")
    exp.add_argument("--language", choices=("zh", "en"), default=None, help="language of messages")


def main(argv: Sequence[str] | None = None) -> int:
    """Run a subcommand; returns the process exit code."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
        if args.command == "recognize":
            _check_ranges(args)
    except SystemExit as exc:  # argparse exits 2 on usage errors, 0 on --help
        return int(exc.code or 0)
    # Quiet by default: a failing command prints exactly one ``error:`` line; retries
    # and fallbacks are told with -v.
    logging.basicConfig(
        level=[logging.ERROR, logging.INFO, logging.DEBUG][min(args.verbose, 2)],
        format="%(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    if args.command is None:
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    if args.command == "export":
        return _export(args)
    if args.command == "serve":
        from desktop_app.server.serve import run_serve

        return run_serve(args)
    if args.jsonl or len(args.file) > 1 or Path(args.file[0]).is_dir():
        return _recognize_many(args)
    return _recognize(args)


def _check_ranges(args: argparse.Namespace) -> None:
    """Refuse ``--page`` below 1 and ``--dpi`` outside :data:`DPI_RANGE` as usage errors.

    Checked after parsing, not by ``type=`` functions, so the message is in the language
    ``--language`` asks for.
    """
    language = args.language or default_language()
    low, high = DPI_RANGE
    if args.page is not None and args.page < 1:
        args.usage_error(_PAGE_NUMBER.get(language).format(page=args.page))
    if not low <= args.dpi <= high:  # also refuses nan
        args.usage_error(_DPI.get(language).format(dpi=f"{args.dpi:g}", low=low, high=high))


def _export(args: argparse.Namespace) -> int:
    from desktop_app.store.export_command import run_export

    return run_export(
        args.format,
        args.out,
        force=args.force,
        all_pages=args.all,
        database=args.db,
        language=args.language or default_language(),
    )


def _recognize_many(args: argparse.Namespace) -> int:
    from desktop_app.batch.recognize_many import recognize_jsonl

    language = args.language or default_language()
    if args.page is not None:
        return _fail(_PAGE_WITH_MANY.get(language), EXIT_USAGE)
    from desktop_app.store.file_scan import expand_paths

    files = expand_paths(args.file)  # folders walked once; the list is passed on as is
    if not files:
        return _fail(_NO_FILES.get(language), EXIT_INPUT)
    settings = EngineSettings(args.engine, args.region, args.endpoint, language, args.ocr)
    try:
        backend = create_backend(settings)
    except RecognitionError as exc:
        return _fail(f"{exc.code}: {exc.one_line(language)}", EXIT_RECOGNITION)
    except ValueError as exc:
        return _fail(str(exc), EXIT_USAGE)
    summary = recognize_jsonl(files, backend, sys.stdout.buffer, dpi=args.dpi, language=language)
    if summary.stopped_by:  # as the window's batch does: every other page would fail too
        stopped = _STOPPED.get(language)
        _fail(f"{summary.stopped_by}: {summary.stop_message} {stopped}", EXIT_RECOGNITION)
    if summary.recognition_failed or summary.stopped_by:
        return EXIT_RECOGNITION
    return EXIT_INPUT if summary.refused else EXIT_OK


def _fail(message: str, code: int) -> int:
    print(f"error: {message}", file=sys.stderr)
    return code


def _recognize(args: argparse.Namespace) -> int:
    from desktop_app.documents.document import open_document

    language = args.language or default_language()
    args.page = 1 if args.page is None else args.page
    settings = EngineSettings(
        engine=args.engine,
        region=args.region,
        endpoint=args.endpoint,
        language=language,
        force_ocr=args.ocr,
    )
    try:
        with open_document(args.file[0]) as document:
            backend = create_backend(settings)
            result = _read_own_text(document, args.page - 1, args.dpi, backend)
            page = None if result is not None else document.page_image(args.page - 1, args.dpi)
        if page is not None:
            log.info("recognizing %s with the %s engine", page, backend.name)
            result = backend.recognize(page)
        assert result is not None
        log.info("answer from the %s reader", result.engine)
    except DocumentError as exc:
        return _fail(exc.one_line(language), EXIT_INPUT)
    except RecognitionError as exc:
        return _fail(f"{exc.code}: {exc.one_line(language)}", EXIT_RECOGNITION)
    except (CarInvoiceError, ValueError) as exc:
        return _fail(str(exc), EXIT_USAGE)
    text = dumps_response(result) + "\n"
    sys.stdout.buffer.write(text.encode("utf-8"))
    sys.stdout.flush()
    return EXIT_OK


def _read_own_text(
    document: Document, index: int, dpi: float, backend: TextFirst
) -> RecognitionResult | None:
    """The answer read from the page's own text (数电 PDF, OFD, XML) without rendering it.

    Rendering a page to PNG costs more than reading its text (docs/benchmarks.md,
    "recognize of one e-invoice"), and the answer printed is the same: the QR payload
    that the window takes from the image is not part of it. None when the page has no
    exact text, ``--ocr`` was given or the text reader declines: then the page is rendered.
    """
    if backend.force_ocr:
        return None
    text = document.page_text(index, dpi)
    return None if text is None else backend.read_text(text, what=document.path.name)


_PAGE_NUMBER = LocalizedText(
    "页码必须从 1 开始（收到 {page}）。", "Page numbers start at 1 (got {page})."
)
_NO_FILES = LocalizedText(
    "没有找到可识别的文件（PDF、OFD、XML、PNG、JPEG、BMP、TIFF、WebP、GIF）。",
    "No supported files found (PDF, OFD, XML, PNG, JPEG, BMP, TIFF, WebP, GIF).",
)
_PAGE_WITH_MANY = LocalizedText(
    "--page 只能用于单个文件；多个文件或文件夹时会识别每一页。",
    "--page applies to one file; with several files or folders every page is recognized.",
)
_STOPPED = LocalizedText("已停止：其余页面不再发送。", "Stopped: no further page was sent.")
_DPI = LocalizedText(
    "--dpi 必须在 {low:g} 到 {high:g} 之间（收到 {dpi}）：更低时页面上的字太小，识别不出来；"
    "更高只会更慢、更占内存。",
    "--dpi must be between {low:g} and {high:g} (got {dpi}): below, the characters on the page "
    "get too small to recognize; above, it is only slower and takes more memory.",
)
