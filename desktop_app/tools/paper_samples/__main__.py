"""``python -m desktop_app.tools.paper_samples OUT --count N --seed S [--generations ...] [--conditions ...]``."""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from desktop_app.tools.paper_samples.conditions import CONDITIONS
from desktop_app.tools.paper_samples.generate import GENERATIONS, generate


def _names(text: str) -> list[str]:
    return [part.strip() for part in text.split(",") if part.strip()]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m desktop_app.tools.paper_samples",
        description="Write paper invoice pages of every generation with truth and manifest.json.",
    )
    parser.add_argument("out", type=Path, help="folder to write (created when missing)")
    parser.add_argument("--count", type=int, default=24, help="number of pages (default 24)")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    parser.add_argument(
        "--generations",
        type=_names,
        default=list(GENERATIONS),
        help=f"comma-separated (default all: {','.join(GENERATIONS)})",
    )
    parser.add_argument(
        "--conditions",
        type=_names,
        default=list(CONDITIONS),
        help=f"comma-separated (default all: {','.join(CONDITIONS)})",
    )
    parser.add_argument(
        "--planted",
        type=float,
        default=0.0,
        metavar="SHARE",
        help="share of paper pages printed with a value a check proves wrong (default 0)",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    unknown = [g for g in args.generations if g not in GENERATIONS]
    unknown += [c for c in args.conditions if c not in CONDITIONS]
    if (
        unknown
        or args.count < 1
        or not args.generations
        or not args.conditions
        or not 0 <= args.planted <= 1
    ):
        problem = (
            f"unknown {', '.join(unknown)}"
            if unknown
            else "nothing to write or --planted not in 0..1"
        )
        print(f"error: {problem}", file=sys.stderr)
        return 2
    started = time.perf_counter()
    manifest = generate(
        args.out,
        args.count,
        args.seed,
        generations=args.generations,
        conditions=args.conditions,
        planted=args.planted,
    )
    seconds = time.perf_counter() - started
    print(f"{len(manifest)} pages in {args.out} ({seconds:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
