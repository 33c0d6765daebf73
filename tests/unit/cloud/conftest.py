"""Fixtures of the cloud backend tests: an in-memory keychain, keys, pages, a client factory.

No test here reaches the network, the real OS keychain or ../shared.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import requests
import responses
from responses.registries import OrderedRegistry

from desktop_app.documents.page import PageImage
from desktop_app.recognition.cloud.client import CarInvoiceClient
from desktop_app.recognition.cloud.credentials import Credentials
from desktop_app.recognition.cloud.rate_limiter import RateLimiter
from desktop_app.recognition.cloud.retry import RetryPolicy

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
SECRET_ID = "AKIDEXAMPLE"
SECRET_KEY = "SECRETKEYEXAMPLE"
#: Vector 2 of carinvoice-api.md: the Authorization of body {"ImageBase64": "aGVsbG8="}.
VECTOR_TIMESTAMP = 1551113065
VECTOR_AUTHORIZATION = (
    "TC3-HMAC-SHA256 Credential=AKIDEXAMPLE/2019-02-25/ocr/tc3_request, "
    "SignedHeaders=content-type;host, "
    "Signature=c03a7c3ca77d0ee424b9deb4eea250a41b2d63c8c1c00c684c731f9930d3db3d"
)


@pytest.fixture(autouse=True)
def memory_keyring(memory_keyring):
    """Every cloud test gets the shared in-memory keychain (tests/conftest.py)."""
    return memory_keyring


@pytest.fixture
def creds() -> Credentials:
    return Credentials(SECRET_ID, SECRET_KEY)


@pytest.fixture
def seed_answer() -> dict[str, Any]:
    """The vendor's published answer (37 fields)."""
    return json.loads((FIXTURES / "seed-example-response.json").read_text(encoding="utf-8"))


@pytest.fixture
def page() -> PageImage:
    return PageImage(data=b"hello", mime="image/png", width=1000, height=800)


def passthrough_fit(page: PageImage, max_base64_bytes: int) -> tuple[bytes, str, float]:
    """A stand-in for documents.upload.fit_for_upload that sends the page unchanged."""
    return page.data, page.mime, 1.0


class Sleeps(list[float]):
    """Records the sleeps asked for instead of sleeping."""

    def __call__(self, seconds: float) -> None:
        self.append(seconds)


@pytest.fixture
def sleeps() -> Sleeps:
    return Sleeps()


@pytest.fixture
def make_client(creds: Credentials, sleeps: Sleeps) -> Iterator[Callable[..., CarInvoiceClient]]:
    """A client with fake clock (vector 2's timestamp), no real sleeps, no rate limit."""
    made: list[CarInvoiceClient] = []

    def make(**overrides: Any) -> CarInvoiceClient:
        session = requests.Session()
        session.trust_env = False  # no proxy or .netrc from the environment in tests
        options: dict[str, Any] = {
            "session": session,
            "rate_limiter": RateLimiter(rate=1e6, burst=1e6),
            "retry": RetryPolicy(max_attempts=4, base_delay=0.5, max_delay=8.0),
            "sleep": sleeps,
            "random": lambda: 0.5,
            "clock": lambda: VECTOR_TIMESTAMP,
            "fit": passthrough_fit,
        }
        options.update(overrides)
        credentials = options.pop("credentials", creds)
        client = CarInvoiceClient(credentials, **options)
        made.append(client)
        return client

    yield make
    for client in made:
        client.close()


@pytest.fixture
def rsps() -> Iterator[responses.RequestsMock]:
    """``responses`` in order, failing the test when a registered answer is not used."""
    with responses.RequestsMock(
        assert_all_requests_are_fired=True, registry=OrderedRegistry
    ) as mock:
        yield mock
