"""``python -m desktop_app.bench accuracy|throughput|startup ...``: the project's benchmarks.

``accuracy DIR``: field/box accuracy of the local engine. DIR is laid out like
../shared/datasets/dev: manifest.json (file, truth, kind, mode) and one truth answer
per page. Prints one line per page, then overall and per-condition field accuracy,
box accuracy (IoU ≥ 0.5), false fills of blank fields and the median seconds per
page split into OCR and extraction.

``throughput``: batch pages/s against the loopback cloud stand-in.
``startup``: launch to a usable window, median of several fresh processes.
``ruling DIR``: the ruling found on each image against the truth's value boxes.
``page-text FILE...``: open + page_image (with its text) and page_text times per file.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from desktop_app.bench import page_text, ruling, startup, throughput
from desktop_app.bench.accuracy import PageRun, run_folder
from desktop_app.bench.report import page_line, summary_lines


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m desktop_app.bench")
    sub = parser.add_subparsers(dest="command", required=True)
    acc = sub.add_parser("accuracy", help="score the local engine on a benchmark folder")
    acc.add_argument("folder", type=Path, help="folder with manifest.json and truth JSON")
    acc.add_argument("-v", "--verbose", action="store_true", help="list wrong fields and boxes")
    throughput.add_parser(sub)
    startup.add_parser(sub)
    ruling.add_parser(sub)
    page_text.add_parser(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark; exit code 2 when the folder is not a benchmark folder."""
    args = build_parser().parse_args(argv)
    if args.command == "throughput":
        return throughput.main(args)
    if args.command == "startup":
        return startup.main(args)
    if args.command == "ruling":
        return ruling.main(args)
    if args.command == "page-text":
        return page_text.main(args)
    if not (args.folder / "manifest.json").is_file():
        print(f"error: {args.folder} has no manifest.json", file=sys.stderr)
        return 2
    from desktop_app.recognition.local import LocalEngine

    engine = LocalEngine()
    engine.warm_up()

    def progress(run: PageRun) -> None:
        print(page_line(run, args.verbose), flush=True)

    result = run_folder(args.folder, lambda page: engine.recognize(page), progress)
    print()
    for line in summary_lines(result):
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
