"""Errors every layer raises and the UI shows: one type per kind of failure.

A ``RecognitionError`` is what any backend raises for anything that stopped a
page from being recognized; its ``advice`` tells the clerk what to do.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from desktop_app.core.text import LocalizedText


class CarInvoiceError(Exception):
    """Base of the app's own errors: each carries a clerk-readable message."""


class FileError(CarInvoiceError):
    """A failure about one file (a document to open, the review database).

    Subclasses set ``code``, ``summary`` and ``advice_text``; ``summary`` may use
    ``{name}`` (the file name), ``{path}`` (the whole path) and the subclass's own
    placeholders, filled from ``values``. ``str(err)`` is the Chinese sentence, never
    a traceback; the low-level cause stays in ``detail`` for logs.
    """

    code: ClassVar[str] = "File.Error"
    summary: ClassVar[LocalizedText] = LocalizedText(
        "无法使用文件“{name}”。", "Could not use the file “{name}”."
    )
    advice_text: ClassVar[LocalizedText] = LocalizedText("", "")

    def __init__(self, path: Path | str, *, detail: str = "", **values: object) -> None:
        self.path = Path(path)
        self.detail = detail
        self.message = self.summary.format(name=self.path.name, path=str(self.path), **values)
        self.advice = self.advice_text
        super().__init__(self.message.zh)

    def __str__(self) -> str:
        return self.message.zh

    def __repr__(self) -> str:
        return f"{type(self).__name__}(path={str(self.path)!r}, detail={self.detail!r})"

    def one_line(self, language: str = "zh") -> str:
        """What happened and what to do, on one line (status bar, a command's stderr)."""
        advice = self.advice.get(language)
        return f"{self.message.get(language)} — {advice}" if advice else self.message.get(language)

    def describe(self, language: str = "zh") -> str:
        """A paragraph for the clerk: what happened, what to do, then code and detail."""
        tail = f"[{self.code}]" + (f" {self.detail}" if self.detail else "")
        parts = (self.message.get(language), self.advice.get(language), tail)
        return "\n".join(p for p in parts if p)


class Cancelled(CarInvoiceError):
    """Raised by cooperative cancellation: the clerk or a newer job stopped this one."""


#: Codes the app makes itself (not the service's): network, answer, client, engine.
_APP_CODE_PREFIXES = ("Network.", "Response.", "Client.", "Local.", "Text.", "Document.", "File.")


class RecognitionError(CarInvoiceError):
    """A page could not be recognized.

    ``code`` is the service's error code (``AuthFailure.SignatureFailure``) or one
    of the app's own (``Network.Timeout``, ``Response.Malformed``, ``Local.NotAnInvoice``);
    ``message`` is the detail as reported (the server's own text where there is one),
    ``summary`` what happened in the clerk's words, ``advice`` what the clerk can do;
    ``retryable`` says whether the same request may succeed later.
    """

    def __init__(
        self,
        code: str,
        message: str,
        *,
        request_id: str = "",
        retryable: bool = False,
        summary: LocalizedText | None = None,
        advice: LocalizedText | None = None,
        http_status: int | None = None,
    ) -> None:
        super().__init__(code, message)
        self.code = code
        self.message = message
        self.request_id = request_id
        self.retryable = retryable
        self.summary = summary
        self.advice = advice
        self.http_status = http_status

    def __str__(self) -> str:
        return f"{self.code}: {self.message}"

    def __repr__(self) -> str:
        return (
            f"RecognitionError(code={self.code!r}, message={self.message!r}, "
            f"request_id={self.request_id!r}, retryable={self.retryable!r})"
        )

    @property
    def app_code(self) -> bool:
        """True for the app's own codes, whose ``message`` is a technical detail."""
        return self.code.startswith(_APP_CODE_PREFIXES)

    def headline(self, language: str = "zh") -> str:
        """What happened, in one line: the summary, then the service's detail if it adds any.

        The service answers in the clerk's language (``X-TC-Language``), so its text is
        shown; the app's own details (exception names, engine notes, in English) stay in
        :meth:`describe` and the logs.
        """
        summary = self.summary.get(language) if self.summary is not None else ""
        message = " ".join(self.message.split())  # a server's text may hold line breaks
        if not summary:
            return message
        if self.app_code:
            return summary
        if message and message not in summary:
            sep = " (" if language.startswith("en") else "（"
            end = ")" if language.startswith("en") else "）"
            return f"{summary}{sep}{message}{end}"
        return summary

    def one_line(self, language: str = "zh") -> str:
        """Headline and advice on one line, for a status bar or a command's stderr."""
        advice = self.advice.get(language) if self.advice is not None else ""
        return f"{self.headline(language)} — {advice}" if advice else self.headline(language)

    def describe(self, language: str = "zh") -> str:
        """A paragraph for the clerk: what happened, what to do, code and request id."""
        parts = [self.headline(language)]
        if self.advice is not None:
            parts.append(self.advice.get(language))
        if self.app_code and self.message and self.summary is not None:
            parts.append(" ".join(self.message.split()))
        parts.append(
            f"[{self.code}]" + (f" RequestId {self.request_id}" if self.request_id else "")
        )
        return "\n".join(p for p in parts if p)
