"""``python -m desktop_app.tools.einvoice_samples OUT_DIR --count N --seed S``."""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from desktop_app.tools.einvoice_samples.generate import EXTRA_FORMATS, FORMATS, generate
from desktop_app.tools.einvoice_samples.layouts import BLIND, HOLDOUT, LAYOUTS
from desktop_app.tools.einvoice_samples.layouts_random import random_layouts
from desktop_app.tools.einvoice_samples.values import MOTOR, USED


def _names(text: str) -> list[str]:
    return [part.strip() for part in text.split(",") if part.strip()]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m desktop_app.tools.einvoice_samples",
        description="Write synthetic vehicle e-invoices with truth and manifest.json.",
    )
    parser.add_argument("out", type=Path, help="folder to write (created when missing)")
    parser.add_argument("--count", type=int, default=12, help="number of invoices (default 12)")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    parser.add_argument(
        "--forms", type=_names, default=[MOTOR, USED], help="motor,used (default both)"
    )
    holdout = ", ".join(sorted(HOLDOUT.values()))
    blind = ", ".join(BLIND)
    parser.add_argument(
        "--layouts",
        type=_names,
        default=None,
        help=(
            f"layouts to use, comma-separated (default all: {', '.join(LAYOUTS)}; "
            f"holdout: {holdout}; blind, only when named: {blind})"
        ),
    )
    parser.add_argument(
        "--random-layouts",
        type=int,
        default=0,
        metavar="N",
        help="use N layouts per form drawn at random (holdout; instead of the default set)",
    )
    parser.add_argument(
        "--layout-seed",
        type=int,
        default=None,
        help="seed of the random layouts (default: --seed); a new one gives layouts never seen",
    )
    parser.add_argument(
        "--formats",
        type=_names,
        default=list(FORMATS),
        help=f"{','.join(FORMATS)} (default), and {','.join(EXTRA_FORMATS)}: a PDF whose text"
        " layer is unusable (no ToUnicode maps)",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    unknown = [f for f in args.forms if f not in (MOTOR, USED)]
    unknown += [n for n in args.layouts or [] if n not in LAYOUTS and n not in BLIND]
    unknown += [f for f in args.formats if f not in FORMATS + EXTRA_FORMATS]
    if unknown or args.count < 1 or args.random_layouts < 0:
        print(
            f"error: unknown {', '.join(unknown)}" if unknown else "error: --count < 1",
            file=sys.stderr,
        )
        return 2
    layout_seed = args.seed if args.layout_seed is None else args.layout_seed
    drawn = random_layouts(args.forms, args.random_layouts, layout_seed)
    started = time.perf_counter()
    manifest = generate(
        args.out,
        args.count,
        args.seed,
        forms=args.forms,
        layout_names=args.layouts,
        formats=args.formats,
        drawn=drawn,
    )
    seconds = time.perf_counter() - started
    print(f"{len(manifest)} files of {args.count} invoices in {args.out} ({seconds:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
