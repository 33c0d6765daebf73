"""The recognition backend the preferences ask for, or the reason there is none."""

from __future__ import annotations

import logging

from desktop_app.core.errors import CarInvoiceError, RecognitionError
from desktop_app.core.text import LocalizedText
from desktop_app.recognition.backend import RecognitionBackend
from desktop_app.recognition.cloud.credentials import Credentials
from desktop_app.review.preferences import Preferences

log = logging.getLogger(__name__)


def build_backend(
    prefs: Preferences, credentials: Credentials | None = None
) -> tuple[RecognitionBackend | None, LocalizedText | None]:
    """``recognition.factory.create_backend`` for ``prefs``; (None, why) when it cannot be built.

    ``credentials`` are keys typed in the settings dialog and not saved yet; without
    them the cloud engine finds keys through the credential chain (keychain included).
    """
    try:
        from desktop_app.recognition.factory import EngineSettings, create_backend
    except ImportError as exc:
        log.warning("recognition factory unavailable: %s", exc)
        return None, LocalizedText(
            "识别引擎尚未安装，暂时只能查看文件。",
            "No recognition engine is installed; files can only be viewed.",
        )
    settings = EngineSettings(
        engine=prefs.engine,
        region=prefs.region or None,
        endpoint=prefs.endpoint or None,
        language=prefs.language,
        force_ocr=prefs.force_ocr,
    )
    try:
        backend = create_backend(settings, credentials=credentials)
    except RecognitionError as exc:
        return None, LocalizedText(exc.one_line("zh"), exc.one_line("en"))
    except (CarInvoiceError, ValueError) as exc:
        return None, LocalizedText(f"无法启动识别引擎：{exc}", f"Cannot start the engine: {exc}")
    if backend.problem is not None:  # e-invoices are still read; scans wait for the fix
        exc = backend.problem
        return backend, LocalizedText(
            f"{exc.one_line('zh')}（数电 PDF、OFD、XML 仍可直接读取。）",
            f"{exc.one_line('en')} (e-invoice PDF, OFD and XML files are still read.)",
        )
    return backend, None
