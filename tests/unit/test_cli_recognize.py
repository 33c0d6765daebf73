"""``python -m desktop_app recognize`` against the loopback stand-in of the service."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

from desktop_app import cli
from desktop_app.tools.fake_cloud import FakeCloudServer

SECRET_ID, SECRET_KEY = "AKIDcliTest0001", "cli-test-secret-key-0001"


@pytest.fixture
def page_png(tmp_path: Path) -> Path:
    path = tmp_path / "page.png"
    Image.new("RGB", (640, 400), "white").save(path)
    return path


@pytest.fixture
def cloud_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TENCENTCLOUD_SECRET_ID", SECRET_ID)
    monkeypatch.setenv("TENCENTCLOUD_SECRET_KEY", SECRET_KEY)


@pytest.fixture
def server(seed_document):
    with FakeCloudServer({SECRET_ID: SECRET_KEY}, answer=seed_document) as fake:
        yield fake


def _run(capsys, *args: str) -> tuple[int, str, str]:
    code = cli.main(["recognize", *args])
    out, err = capsys.readouterr()
    return code, out, err


def _run_module(page: Path, server, **env: str) -> subprocess.CompletedProcess:
    """``python -m desktop_app recognize PAGE --engine cloud`` in a real process."""
    keys = {"TENCENTCLOUD_SECRET_ID": SECRET_ID, "TENCENTCLOUD_SECRET_KEY": SECRET_KEY}
    command = [sys.executable, "-m", "desktop_app", "recognize", str(page)]
    return subprocess.run(
        [*command, "--engine", "cloud", "--endpoint", server.url],
        capture_output=True,
        env={**os.environ, **keys, **env},
        timeout=120,
        check=False,
    )


def _without_request_id(document: dict) -> dict:
    return {**document, "Response": {**document["Response"], "RequestId": ""}}


def test_cloud_answer_is_printed_unchanged_in_shape(
    capsys, page_png, cloud_env, server, seed_document
):
    code, out, err = _run(capsys, str(page_png), "--engine", "cloud", "--endpoint", server.url)
    assert code == 0, err
    printed = json.loads(out)
    assert _without_request_id(printed) == _without_request_id(seed_document)
    assert printed["Response"]["RequestId"]
    assert server.last_headers["host"] == server.host


def test_wrong_keys_exit_1_with_one_error_line(capsys, page_png, monkeypatch, server):
    monkeypatch.setenv("TENCENTCLOUD_SECRET_ID", SECRET_ID)
    monkeypatch.setenv("TENCENTCLOUD_SECRET_KEY", "not-the-right-key")
    code, out, err = _run(capsys, str(page_png), "--engine", "cloud", "--endpoint", server.url)
    assert code == 1
    assert out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: AuthFailure.SignatureFailure: ")
    assert "not-the-right-key" not in err
    assert server.stats.requests == 1  # auth errors are never retried


def test_two_rate_limit_refusals_then_success(capsys, page_png, cloud_env, server):
    server.enqueue_error("RequestLimitExceeded", times=2)
    code, out, err = _run(capsys, str(page_png), "--engine", "cloud", "--endpoint", server.url)
    assert code == 0, err
    assert len(json.loads(out)["Response"]["CarInvoiceInfos"]) == 37
    assert server.stats.requests == 3


def test_missing_keys_say_where_to_put_them(capsys, page_png):
    code, _, err = _run(capsys, str(page_png), "--engine", "cloud", "--language", "en")
    assert code == 1
    assert err.startswith("error: Client.MissingCredentials: ")
    assert "TENCENTCLOUD_SECRET_ID" in err


def test_a_page_the_file_does_not_have_is_input_refused_exit_3(capsys, page_png):
    code, out, err = _run(capsys, str(page_png), "--page", "2", "--language", "en")
    assert code == cli.EXIT_INPUT == 3 and out == ""
    assert "no page 2" in err


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--page", "0"], "Page numbers start at 1 (got 0)"),
        (["--dpi", "0"], "--dpi must be between 72 and 600 (got 0)"),
        (["--dpi", "19"], "--dpi must be between 72 and 600 (got 19)"),
        (["--dpi", "601"], "(got 601): below, the characters"),
        (["--dpi", "nan"], "(got nan)"),
    ],
)
def test_values_out_of_range_are_usage_errors_exit_2(capsys, page_png, args, expected):
    code, out, err = _run(capsys, str(page_png), *args, "--language", "en")
    assert code == cli.EXIT_USAGE == 2 and out == ""
    assert expected in err and "usage: " in err


def test_the_dpi_message_is_in_the_clerks_language(capsys, page_png):
    code, _, err = _run(capsys, str(page_png), "--dpi", "10", "--language", "zh")
    assert code == 2 and "--dpi 必须在 72 到 600 之间（收到 10）" in err
    assert _run(capsys, str(page_png), "--dpi", "72", "--engine", "cloud")[0] != 2  # edges pass


def test_unsupported_and_missing_files_are_input_refused_exit_3(capsys, tmp_path):
    notes = tmp_path / "notes.txt"
    notes.write_text("not an invoice")
    assert _run(capsys, str(notes))[0] == 3
    assert _run(capsys, str(tmp_path / "absent.png"))[0] == 3


def test_help_documents_the_exit_codes(capsys):
    assert cli.main(["recognize", "--help"]) == 0
    text = " ".join(capsys.readouterr().out.split())
    assert "exit codes: 0 every page answered; 1 recognition failed" in text
    assert "3 input refused" in text


def test_bad_region_and_usage_exit_2(capsys, page_png):
    assert _run(capsys, str(page_png), "--engine", "cloud", "--region", "us-east-1")[0] == 2
    assert cli.main([]) == 2
    assert cli.main(["recognize"]) == 2


def test_endpoint_must_be_http_url(capsys, page_png, cloud_env):
    code, _, err = _run(capsys, str(page_png), "--engine", "cloud", "--endpoint", "ftp://x")
    assert code == 2, err


@pytest.mark.slow
def test_module_entry_point_prints_utf8_json(page_png, server, tmp_path):
    # stdout must be UTF-8 whatever the locale says
    done = _run_module(page_png, server, PYTHONIOENCODING="ascii")
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    text = done.stdout.decode("utf-8")
    assert "价税合计(小写)" in text
    assert json.loads(text)["Response"]["CarInvoiceInfos"][0]["Value"] == "¥34188.03"


def test_several_files_print_one_json_line_per_page(capsys, tmp_path, page_png, cloud_env, server):
    folder = tmp_path / "stack"
    folder.mkdir()
    Image.new("RGB", (300, 200), "white").save(folder / "b.jpg")
    (folder / "notes.txt").write_text("skipped: not a supported format")
    code = cli.main(
        ["recognize", str(page_png), str(folder), "--engine", "cloud", "--endpoint", server.url]
    )
    out, err = capsys.readouterr()
    assert code == 0, err
    lines = [json.loads(line) for line in out.splitlines()]
    assert [(Path(x["File"]).name, x["Page"]) for x in lines] == [("page.png", 1), ("b.jpg", 1)]
    assert all(len(x["Response"]["CarInvoiceInfos"]) == 37 for x in lines)


def test_jsonl_reports_a_refused_file_and_goes_on_exit_3(
    capsys, tmp_path, page_png, cloud_env, server
):
    broken = tmp_path / "broken.png"
    broken.write_bytes(b"\x89PNG\r\n\x1a\n broken")
    args = ["recognize", str(broken), str(page_png), "--jsonl", "--engine", "cloud"]
    code = cli.main([*args, "--endpoint", server.url])
    out, _ = capsys.readouterr()
    assert code == cli.EXIT_INPUT  # the input was refused; every page read was recognized
    first, second = (json.loads(line) for line in out.splitlines())
    assert first["Response"]["Error"]["Code"]
    assert "CarInvoiceInfos" in second["Response"]

    # A page that fails in recognition outweighs a refused file: trying again may help it.
    server.enqueue_error("FailedOperation.OcrFailed", "no")
    assert cli.main([*args, "--endpoint", server.url]) == cli.EXIT_RECOGNITION
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [line["Response"]["Error"]["Code"] for line in lines] == [
        first["Response"]["Error"]["Code"],
        "FailedOperation.OcrFailed",
    ]


def test_page_option_is_refused_with_several_files(capsys, page_png):
    assert cli.main(["recognize", str(page_png), str(page_png), "--page", "2"]) == 2


def test_empty_folder_is_an_input_error(capsys, tmp_path):
    (tmp_path / "empty").mkdir()
    assert cli.main(["recognize", str(tmp_path / "empty"), "--language", "en"]) == 3
    assert "No supported files" in capsys.readouterr().err


def test_retries_and_server_line_breaks_still_give_one_stderr_line(page_png, server, tmp_path):
    """Through a real process, so the CLI's own logging setup is what prints."""
    server.enqueue_error("InternalError", "retried\nquietly", times=2)
    server.enqueue_error("FailedOperation.OcrFailed", "line one\nline two")
    done = _run_module(page_png, server)
    err = done.stderr.decode("utf-8")
    assert done.returncode == 1
    assert err.count("\n") == 1 and err.startswith("error: FailedOperation.OcrFailed: "), err


def test_non_finite_coordinates_are_a_malformed_answer(capsys, page_png, cloud_env, server):
    server.enqueue_http(
        200,
        b'{"Response": {"CarInvoiceInfos": [{"Name": "a", "Value": "1", '
        b'"Rect": {"X": NaN, "Y": 0, "Width": 1, "Height": 1}}], "RequestId": "r"}}',
    )
    code, out, err = _run(capsys, str(page_png), "--engine", "cloud", "--endpoint", server.url)
    assert code == 1 and out == ""
    assert err.startswith("error: Response.Malformed: ")


def test_version_names_the_frozen_program(capsys, monkeypatch):
    # A PyInstaller build answers --version with its own name, not "python -m desktop_app".
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", "/opt/car-invoice-desk/car-invoice-desk")
    assert cli.main(["--version"]) == 0
    assert capsys.readouterr().out.strip() == f"car-invoice-desk {cli.__version__}"


def test_a_page_with_its_own_text_is_read_without_rendering_it(tmp_path, monkeypatch, capsys):
    pytest.importorskip("pymupdf")
    from desktop_app.core.error_codes import service_error
    from desktop_app.documents.document import Document
    from desktop_app.recognition import factory
    from tests.unit.forms.test_reader import motor_page
    from tests.unit.forms.test_text_pdf import draw_pdf

    path = tmp_path / "motor.pdf"
    draw_pdf(motor_page(), path)
    rendered: list[tuple] = []
    render = Document.page_image

    def counting_render(self, *args, **kwargs):
        rendered.append(args)
        return render(self, *args, **kwargs)

    monkeypatch.setattr(Document, "page_image", counting_render)
    assert cli.main(["recognize", str(path)]) == 0
    infos = json.loads(capsys.readouterr().out)["Response"]["CarInvoiceInfos"]
    values = {info["Name"]: info["Value"] for info in infos}
    assert values["发票号码"] == "25312000000012345678"
    assert values["车辆识别代号/车架号码"] == "LE4ZG8DB1ML123456"
    assert rendered == []  # the text answered: no PNG was made

    seen = []

    class Ocr:
        name = "local"

        def recognize(self, page, *, cancel=None):
            seen.append(page)
            raise service_error("FailedOperation.OcrFailed")

    monkeypatch.setattr(factory, "_create_local", lambda: Ocr())
    assert cli.main(["recognize", str(path), "--ocr"]) == 1  # --ocr renders and recognizes
    assert len(rendered) == 1 and seen[0].data.startswith(b"\x89PNG")
