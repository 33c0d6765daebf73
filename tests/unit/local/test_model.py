"""End to end with the real bundled OCR model on pages the tests draw themselves.

Skipped with a reason where rapidocr/onnxruntime, their model files or a CJK font
are missing. The network tests prove nothing leaves the machine: Python-level
connects and name lookups are patched to fail, and a child process is traced with
strace past the moment onnxruntime's telemetry would start (about 9 s after a
session is created), with ``ORT_DISABLE_TELEMETRY`` removed from its environment so
that only the engine's own code can switch the telemetry off.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import socket
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from desktop_app.bench.speed import plain_rapidocr
from desktop_app.recognition.local import LocalEngine
from desktop_app.recognition.local.ocr import RapidOcrReader, bundled_model_dir, model_files
from tests.unit.local.synthetic_page import VALUES, cjk_font_path, render_motor_page

pytestmark = pytest.mark.slow
REPO = Path(__file__).resolve().parents[3]


def _need_model_and_font() -> Path:
    for module in ("rapidocr", "onnxruntime", "cv2"):
        if importlib.util.find_spec(module) is None:
            pytest.skip(f"{module} is not installed (pip install rapidocr onnxruntime)")
    try:
        model_files(bundled_model_dir())
    except FileNotFoundError as exc:
        pytest.skip(f"bundled OCR model missing: {exc}")
    font = cjk_font_path()
    if font is None:
        pytest.skip("no CJK font installed (fonts-wqy-microhei)")
    return font


#: Every attempt to reach the network while this module's engine exists.
NETWORK_ATTEMPTS: list[object] = []


def _refuse(*args: object, **kwargs: object) -> None:
    NETWORK_ATTEMPTS.append(args)
    raise OSError("network use in a test")


@pytest.fixture(scope="module")
def engine():
    """A fresh engine (its own ONNX sessions), loaded and used with every Python-level
    connect and name lookup patched to fail and recorded."""
    _need_model_and_font()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(socket, "getaddrinfo", _refuse)
        patch.setattr(socket, "create_connection", _refuse)
        patch.setattr(socket.socket, "connect", _refuse)
        patch.setattr(socket.socket, "connect_ex", _refuse)
        engine = LocalEngine(reader=RapidOcrReader())
        engine.warm_up()
        yield engine


def test_generated_page_is_read(engine: LocalEngine) -> None:
    result = engine.recognize(render_motor_page(_need_model_and_font()))
    values = result.values()
    for name in (
        "发票代码",
        "发票号码",
        "开票日期",
        "车辆识别代号/车架号码",
        "价税合计(小写)",
        "增值税税率或征收率",
        "不含税价(小写)",
        "限乘人数",
    ):
        assert values[name] == VALUES[name], name
    assert values["省"] == "广东省" and values["市"] == "广州市"
    located = result.get("价税合计(小写)")
    assert located is not None and located.rect is not None
    assert 850 < located.rect.x < 1000 and located.rect.width > 60


def test_page_scanned_a_quarter_turn_off_is_read(engine: LocalEngine) -> None:
    import io

    from PIL import Image

    from desktop_app.documents.page import PageImage

    upright = render_motor_page(_need_model_and_font())
    turned = Image.open(io.BytesIO(upright.data)).transpose(Image.Transpose.ROTATE_90)
    buffer = io.BytesIO()
    turned.save(buffer, format="PNG")
    page = PageImage(buffer.getvalue(), "image/png", turned.width, turned.height)
    values = engine.recognize(page).values()
    for name in ("发票代码", "车辆识别代号/车架号码", "价税合计(小写)"):
        assert values[name] == VALUES[name], name


def test_reading_some_lines_at_their_planned_widths_reads_them_as_reading_all(
    engine: LocalEngine,
) -> None:
    """The cipher block may be left unread: the other lines must read the same."""
    import cv2
    import numpy as np

    page = render_motor_page(_need_model_and_font())
    image = cv2.imdecode(np.frombuffer(page.data, dtype=np.uint8), cv2.IMREAD_COLOR)
    reader = engine._reader
    reader.load()
    pipeline = reader._engine
    crops = pipeline.crops(pipeline.detect(image))
    widths = pipeline.batch_widths(crops)
    everything = pipeline.recognize(crops, widths)
    some = list(range(0, len(crops), 3))
    assert pipeline.recognize([crops[i] for i in some], [widths[i] for i in some]) == [
        everything[i] for i in some
    ]


def test_pipeline_reads_as_rapidocr_itself(engine: LocalEngine) -> None:
    """``pipeline.py`` reproduces rapidocr's processing: same boxes and texts."""
    import cv2
    import numpy as np

    from desktop_app.recognition.local import ocr

    pytest.importorskip("rapidocr")
    page = render_motor_page(_need_model_and_font())
    image = cv2.imdecode(np.frombuffer(page.data, dtype=np.uint8), cv2.IMREAD_COLOR)
    reference = plain_rapidocr()(image)
    pipeline = engine._reader._engine
    detection = pipeline.detect(image)
    texts = pipeline.recognize(pipeline.crops(detection))
    ours = [
        (np.round(box).tolist(), text)
        for box, (text, score) in zip(
            detection.original_boxes(*image.shape[:2]), texts, strict=True
        )
        if text.strip() and score >= ocr.TEXT_SCORE
    ]
    theirs = [
        (np.round(b).tolist(), t) for b, t in zip(reference.boxes, reference.txts, strict=True)
    ]
    assert ours == theirs


def test_no_python_level_network_use(engine: LocalEngine) -> None:
    """Runs after the tests above, which read pages with this engine under the patch:
    creating the sessions, priming them and reading never tried the network."""
    assert NETWORK_ATTEMPTS == []


_CHILD = """
    import sys, time
    sys.path.insert(0, {repo!r})
    assert "onnxruntime" not in sys.modules
    from desktop_app.recognition.local import LocalEngine
    from tests.unit.local.synthetic_page import cjk_font_path, render_motor_page
    engine = LocalEngine()
    started = time.monotonic()  # the ONNX sessions are created at the start of recognize
    engine.recognize(render_motor_page(cjk_font_path()))
    assert "rapidocr.main" not in sys.modules  # only its model files are used
    # onnxruntime >= 1.29 phones home about 9 s after a session is created
    time.sleep(max(0.0, {wait} - (time.monotonic() - started)))
"""


def test_no_native_network_use_while_loaded() -> None:
    _need_model_and_font()
    strace = shutil.which("strace")
    if strace is None:
        pytest.skip("strace is not installed")
    env = {k: v for k, v in os.environ.items() if k != "ORT_DISABLE_TELEMETRY"}
    child = textwrap.dedent(_CHILD.format(repo=str(REPO), wait=11))
    done = subprocess.run(
        [
            strace,
            "-f",
            "-e",
            "trace=socket,connect",
            "-o",
            "/dev/stderr",
            sys.executable,
            "-c",
            child,
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=90,
        check=False,
    )
    if done.returncode != 0 and "ptrace" in done.stderr.lower():
        pytest.skip(f"strace cannot trace here: {done.stderr.strip()[:200]}")
    assert done.returncode == 0, done.stderr[-2000:]
    # A library probing IPv6 support opens (and binds) a stream socket without connecting:
    # harmless. Any connect() (name service or host) or datagram socket (DNS) is not.
    calls = [
        line
        for line in done.stderr.splitlines()
        if "connect(" in line or ("socket(" in line and "SOCK_DGRAM" in line)
    ]
    assert calls == []
