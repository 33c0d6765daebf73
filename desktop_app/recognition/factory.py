"""Builds the recognition backend a setting asks for (used by the CLI and the window).

The local engine is the default: it needs no keys and no network. The cloud engine
needs keys from the credential chain (explicit, environment, ~/.tencentcloud, keychain).
"""

from __future__ import annotations

import importlib.util
from dataclasses import dataclass

from desktop_app.core.error_codes import service_error
from desktop_app.core.errors import RecognitionError
from desktop_app.recognition.backend import RecognitionBackend
from desktop_app.recognition.text_reader import TextFirst

#: Engine names, the default first. ``server`` is an office recognition server
#: (``serve``, docs/server.md): the cloud client aimed at the office's own endpoint.
ENGINES: tuple[str, ...] = ("local", "cloud", "server")
#: Regions CarInvoiceOCR is offered in, the default first.
REGIONS: tuple[str, ...] = ("ap-guangzhou", "ap-beijing", "ap-shanghai", "ap-hongkong")

_SERVICE_LANGUAGE = {"zh": "zh-CN", "en": "en-US"}


@dataclass(frozen=True)
class EngineSettings:
    """What the clerk chose: engine, and for the cloud its region and endpoint.

    ``language`` is the interface language (``zh`` or ``en``); the cloud answers
    its error messages in it. ``None`` region/endpoint mean the defaults.
    ``force_ocr`` recognizes pages that carry their own text too (normally they
    are read from the file, whatever the engine).
    """

    engine: str = ENGINES[0]
    region: str | None = None
    endpoint: str | None = None
    language: str = "zh"
    force_ocr: bool = False


def local_engine_available() -> bool:
    """True when the offline engine and its OCR runtime are installed.

    Looks the modules up without importing them: importing the engine costs a
    third of a second that reading an e-invoice should not pay.
    """
    try:
        return all(
            importlib.util.find_spec(name) is not None
            for name in ("desktop_app.recognition.local", "onnxruntime", "cv2")
        )
    except (ImportError, ValueError):  # a parent package is absent or broken
        return False


def create_backend(settings: EngineSettings, *, credentials=None) -> TextFirst:
    """The backend for ``settings``: pages with their own text read by the text reader,
    the others recognized by the chosen engine.

    The cloud engine is built now; when it cannot be (no usable keys, a region the
    action does not serve) the dispatch still reads e-invoices, keeps the error as
    ``problem`` and raises it for the first page that needs OCR — so a clerk without
    keys still reads every 数电 PDF, OFD and XML. The local engine is built when the
    first page needs OCR, so reading e-invoices loads no model.

    Raises ``RecognitionError`` ``Local.EngineUnavailable`` when the offline engine
    cannot be loaded; ``ValueError`` for an unknown engine name.
    """
    if settings.engine in ("cloud", "server"):
        try:
            cloud = _create_cloud(settings, credentials)
        except RecognitionError as exc:
            return TextFirst(
                _failing(exc), name=settings.engine, force_ocr=settings.force_ocr, problem=exc
            )
        return TextFirst(cloud, name=cloud.name, force_ocr=settings.force_ocr)
    if settings.engine == "local":
        if not local_engine_available():
            _create_local()  # raises Local.EngineUnavailable now, not on the first scan
        return TextFirst(_create_local, name="local", force_ocr=settings.force_ocr)
    raise ValueError(f"unknown engine {settings.engine!r}; choose one of {', '.join(ENGINES)}")


def _failing(error: RecognitionError):
    """A builder that raises ``error``: the engine that could not be built, asked for a page."""

    def build() -> RecognitionBackend:
        raise error

    return build


def _create_cloud(settings: EngineSettings, credentials) -> RecognitionBackend:
    from desktop_app.recognition.cloud.client import (
        DEFAULT_ENDPOINT,
        DEFAULT_REGION,
        CarInvoiceClient,
    )
    from desktop_app.recognition.cloud.credentials import resolve_credentials

    if settings.engine == "server" and not settings.endpoint:
        raise service_error("Client.MissingEndpoint", "the office server engine needs its URL")
    return CarInvoiceClient(
        resolve_credentials(credentials),
        region=settings.region or DEFAULT_REGION,
        endpoint=settings.endpoint or DEFAULT_ENDPOINT,
        language=_SERVICE_LANGUAGE.get(settings.language, "zh-CN"),
        name=settings.engine,
    )


def _create_local() -> RecognitionBackend:
    if not local_engine_available():
        raise service_error(
            "Local.EngineUnavailable",
            "the offline engine is not part of this build yet; use --engine cloud",
        )
    from desktop_app.recognition.local.engine import LocalEngine

    return LocalEngine()
