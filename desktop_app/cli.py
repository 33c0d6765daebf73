"""Command line: the headless face of the app (composition root for commands).

``python -m desktop_app recognize FILE [--page N] [--engine local|cloud] ...`` prints
the page's answer in the exact CarInvoiceOCR response shape. Exit codes: 0 success,
1 recognition error (one line ``error: <Code>: <message>`` on stderr), 2 usage or
input error.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence

from desktop_app import __version__
from desktop_app.core.codec import dumps_response
from desktop_app.core.errors import CarInvoiceError, RecognitionError
from desktop_app.core.text import LocalizedText
from desktop_app.documents.errors import DocumentError
from desktop_app.recognition.factory import ENGINES, REGIONS, EngineSettings, create_backend

EXIT_OK, EXIT_RECOGNITION, EXIT_USAGE = 0, 1, 2
SUBCOMMANDS = ("recognize",)

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
        prog="python -m desktop_app",
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
        description="Recognize one page of an image or PDF and print the CarInvoiceOCR-shaped JSON "
        "answer (UTF-8) on stdout. Coordinates are pixels of the image file, or of the PDF page "
        "rasterized at --dpi.",
    )
    rec.add_argument("file", help="PNG, JPEG, BMP, TIFF, WebP, GIF or PDF")
    rec.add_argument("--page", type=int, default=1, help="1-based page number (default 1)")
    rec.add_argument("--engine", choices=ENGINES, default=ENGINES[0], help="default: %(default)s")
    rec.add_argument(
        "--region", choices=REGIONS, default=None, help="cloud region (default ap-guangzhou)"
    )
    rec.add_argument(
        "--endpoint", default=None, help="cloud endpoint URL, e.g. http://127.0.0.1:8765"
    )
    rec.add_argument("--dpi", type=float, default=150.0, help="PDF rasterizing dpi (default 150)")
    rec.add_argument("--language", choices=("zh", "en"), default=None, help="language of messages")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run a subcommand; returns the process exit code."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on usage errors, 0 on --help
        return int(exc.code or 0)
    logging.basicConfig(
        level=[logging.WARNING, logging.INFO, logging.DEBUG][min(args.verbose, 2)],
        format="%(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    if args.command is None:
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    return _recognize(args)


def _fail(message: str, code: int) -> int:
    print(f"error: {message}", file=sys.stderr)
    return code


def _recognize(args: argparse.Namespace) -> int:
    from desktop_app.documents.document import open_document

    language = args.language or default_language()
    if args.page < 1:
        return _fail(_PAGE_NUMBER.get(language).format(page=args.page), EXIT_USAGE)
    if not 1 <= args.dpi <= 1200:
        return _fail(_DPI.get(language), EXIT_USAGE)
    settings = EngineSettings(
        engine=args.engine, region=args.region, endpoint=args.endpoint, language=language
    )
    try:
        with open_document(args.file) as document:
            page = document.page_image(args.page - 1, dpi=args.dpi)
        backend = create_backend(settings)
        log.info("recognizing %s with the %s engine", page, backend.name)
        result = backend.recognize(page)
    except DocumentError as exc:
        return _fail(exc.one_line(language), EXIT_USAGE)
    except RecognitionError as exc:
        return _fail(f"{exc.code}: {exc.one_line(language)}", EXIT_RECOGNITION)
    except (CarInvoiceError, ValueError) as exc:
        return _fail(str(exc), EXIT_USAGE)
    text = dumps_response(result) + "\n"
    sys.stdout.buffer.write(text.encode("utf-8"))
    sys.stdout.flush()
    return EXIT_OK


_PAGE_NUMBER = LocalizedText(
    "页码必须从 1 开始（收到 {page}）。", "Page numbers start at 1 (got {page})."
)
_DPI = LocalizedText("--dpi 必须在 1 到 1200 之间。", "--dpi must be between 1 and 1200.")
