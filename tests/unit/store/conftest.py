"""Fixtures of the store tests: a fresh database in tmp_path and recognized answers."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PIL import Image

from desktop_app.core.codec import parse_response
from desktop_app.core.model import RecognitionResult, RecognizedField
from desktop_app.core.schema import FormType
from desktop_app.store import Store, open_store

SEED = Path(__file__).resolve().parents[2] / "fixtures" / "seed-example-response.json"


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "review.sqlite3"


@pytest.fixture
def store(db_path: Path) -> Iterator[Store]:
    with open_store(db_path, user="clerk") as opened:
        yield opened


@pytest.fixture
def motor_result() -> RecognitionResult:
    """The published example answer (motor form, passes every check)."""
    document = json.loads(SEED.read_text(encoding="utf-8"))
    return parse_response(document, engine="cloud")


@pytest.fixture
def used_result() -> RecognitionResult:
    """A used-car answer with the fields the checks read filled in consistently."""
    values = {
        "发票代码": "053001700107",
        "发票号码": "01234567",
        "开票日期": "2018-03-05",
        "机打代码": "053001700107",
        "机打号码": "01234567",
        "买方单位/个人": "张三",
        "车价合计(大写)": "叁万圆整",
        "车价合计(小写)": "¥30000.00",
        "车牌照号": "云A12345",
        "发票类型": FormType.USED.value,
    }
    fields = tuple(RecognizedField(name, value) for name, value in values.items())
    return RecognitionResult(fields, request_id="req-used", engine="local", duration_s=1.5)


@pytest.fixture
def png() -> Callable[..., Path]:
    """``png(path, size=(40, 30), color="white")`` writes a small real PNG."""
    return make_png


@pytest.fixture
def fake_doc() -> Callable[..., list[int]]:
    """``fake_doc(store, name, pages=1, sha=None)`` queues a document without a file."""
    return add_fake


def make_png(path: Path, size: tuple[int, int] = (40, 30), color: str = "white") -> Path:
    """A small real PNG file at ``path`` (folders created)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", size, color).save(path)
    return path


def add_fake(store: Store, name: str, pages: int = 1, sha: str | None = None) -> list[int]:
    """Queue a document without touching the disk; the ids of its pages."""
    document = store.add_document(Path("/invoices") / name, sha or f"sha-{name}", pages)
    return [p.id for p in store.pages(document_id=document.id)]
