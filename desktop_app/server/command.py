"""The ``serve`` subcommand's arguments (cheap to import: the server loads only when run)."""

from __future__ import annotations

import argparse


def add_serve_parser(sub: argparse._SubParsersAction) -> None:
    """``serve --host H --port P --keys FILE [--workers N] ...``."""
    srv = sub.add_parser(
        "serve",
        help="run the office recognition server (the CarInvoiceOCR API, offline engine)",
        description="Answer Tencent Cloud CarInvoiceOCR calls (TC3-HMAC-SHA256 signed) with this "
        "app's offline engine, so the official SDKs and the app's cloud engine work against it. "
        "Stops gracefully on SIGTERM or Ctrl+C. See docs/server.md.",
    )
    srv.add_argument(
        "--host", default="127.0.0.1", help="address to listen on (default %(default)s)"
    )
    srv.add_argument("--port", type=int, default=8765, help="port (default %(default)s)")
    srv.add_argument(
        "--keys",
        required=True,
        help="INI file, one [SecretId] section with secret_key = ... and optional rate = N "
        "(requests/s, default 5); must not be readable by group or others",
    )
    srv.add_argument(
        "--workers", type=_positive, default=1, help="worker processes, one engine each (default 1)"
    )
    srv.add_argument(
        "--queue",
        type=_non_negative,
        default=None,
        help="requests that may wait for a worker; more are refused ServiceUnavailable "
        "(default 2 per worker)",
    )
    srv.add_argument(
        "--allow-url-host",
        action="append",
        metavar="HOST",
        help="accept ImageUrl from this host (repeatable); without it ImageUrl is refused",
    )
    srv.add_argument(
        "--max-connections",
        type=_positive,
        default=128,
        help="open connections at most; beyond, HTTP 503 (default %(default)s)",
    )
    srv.add_argument(
        "--graceful-timeout",
        type=_positive,
        default=120,
        help="seconds in-flight requests get to finish after SIGTERM (default %(default)s)",
    )


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return value


def _non_negative(text: str) -> int:
    value = int(text)
    if value < 0:
        raise argparse.ArgumentTypeError("must be 0 or more")
    return value
