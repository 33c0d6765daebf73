"""``python -m desktop_app.bench accuracy|throughput|startup ...``: the project's benchmarks.

``accuracy DIR``: field/box accuracy of the app's recognition as ``recognize`` runs it:
pages carrying their own text (数电 PDF, OFD) read by the text reader, the others by
the local engine (``--ocr``: every page by the local engine). DIR is laid out like
../shared/datasets/dev: manifest.json (file, truth, kind, mode; optionally layout,
format, holdout as the e-invoice sample generator writes them, generation and
condition as the paper-page generator does) and one truth answer per page. Prints one
line per page, then overall and per-condition field accuracy, box accuracy
(IoU ≥ 0.5), false fills of blank fields, the same by generation (and generation ×
condition), format, form, layout (the holdout apart) and origin (read from text /
recognized), files the app
could not open, and the median seconds per page split into OCR and extraction.

``throughput``: batch pages/s against the loopback cloud stand-in.
``startup``: launch to a usable window, median of several fresh processes.
``server``: the office server under load against the engine in-process (docs/benchmarks.md).
``ruling DIR``: the ruling found on each image against the truth's value boxes.
``speed FILE...``: a whole local recognize side by side with rapidocr alone.
``height DIR``: field accuracy against the height of the printed characters.
``seal DIR``: field accuracy with a red seal stamped over the tax rate and another value.
``page-text FILE...``: open + page_image (with its text) and page_text times per file.
``qr FILE...``: time reading the invoice QR code of each file's first page.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from desktop_app.bench import (
    char_height,
    memory,
    page_text,
    qr,
    ruling,
    seal,
    server_bench,
    speed,
    stall,
    startup,
    throughput,
)
from desktop_app.bench.accuracy import PageRun, run_folder
from desktop_app.bench.pages import load_pages
from desktop_app.bench.report import page_line, summary_lines
from desktop_app.recognition.text_reader import TextFirst

#: Formats whose pages are read from their own text (no OCR model needed).
TEXT_FORMATS = frozenset({"pdf", "ofd", "xml"})


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m desktop_app.bench")
    sub = parser.add_subparsers(dest="command", required=True)
    acc = sub.add_parser("accuracy", help="score the local engine on a benchmark folder")
    acc.add_argument("folder", type=Path, help="folder with manifest.json and truth JSON")
    acc.add_argument("-v", "--verbose", action="store_true", help="list wrong fields and boxes")
    acc.add_argument(
        "--ocr", action="store_true", help="recognize every page, also pages carrying their text"
    )
    acc.add_argument(
        "--fields-by",
        choices=("template", "structure"),
        default=None,
        help="recognized pages: force the template or the label-and-cell reader (default: per page)",
    )
    throughput.add_parser(sub)
    startup.add_parser(sub)
    server_bench.add_parser(sub)
    ruling.add_parser(sub)
    speed.add_parser(sub)
    char_height.add_parser(sub)
    seal.add_parser(sub)
    page_text.add_parser(sub)
    qr.add_parser(sub)
    stall.add_parser(sub)
    memory.add_parser(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark; exit code 2 when the folder is not a benchmark folder."""
    args = build_parser().parse_args(argv)
    if args.command == "throughput":
        return throughput.main(args)
    if args.command == "startup":
        return startup.main(args)
    if args.command == "server":
        return server_bench.main(args)
    if args.command == "ruling":
        return ruling.main(args)
    if args.command == "speed":
        return speed.main(args)
    if args.command == "height":
        return char_height.main(args)
    if args.command == "seal":
        return seal.main(args)
    if args.command == "page-text":
        return page_text.main(args)
    if args.command == "qr":
        return qr.main(args)
    if args.command == "stall":
        return stall.main(args)
    if args.command == "memory":
        return memory.main(args)
    if not (args.folder / "manifest.json").is_file():
        print(f"error: {args.folder} has no manifest.json", file=sys.stderr)
        return 2
    engine = _engine(args.folder, force_ocr=args.ocr, fields_by=args.fields_by)

    def progress(run: PageRun) -> None:
        print(page_line(run, args.verbose), flush=True)

    result = run_folder(args.folder, lambda page: engine.recognize(page), progress)
    print()
    for line in summary_lines(result):
        print(line)
    return 0


def _engine(folder: Path, *, force_ocr: bool, fields_by: str | None = None) -> TextFirst:
    """The app's dispatch over the local engine, its models loaded before the first page
    when any page may need OCR (so no page's time includes loading them)."""
    from desktop_app.recognition.local import LocalEngine

    engine = TextFirst(lambda: LocalEngine(fields_by=fields_by), name="local", force_ocr=force_ocr)
    if force_ocr or any(page.format not in TEXT_FORMATS for page in load_pages(folder)):
        engine.warm_up()
    return engine


if __name__ == "__main__":
    sys.exit(main())
