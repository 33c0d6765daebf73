"""ImageUrl: refused without an allow-list; fetched from allowed hosts only, no redirects, 3 s."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from server_fakes import SECRET_ID, SECRET_KEY, StartServer, answer, error_code, png, signed_post

from desktop_app.recognition.cloud.verify import Refusal
from desktop_app.server.fetch import check_url, download

PAGE = png()


class _Files(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        if self.path == "/invoice.png":
            self._send(200, PAGE)
        elif self.path == "/moved.png":
            self.send_response(302)
            self.send_header("Location", "http://10.0.0.1/secret.png")
            self.send_header("Content-Length", "0")
            self.end_headers()
        else:
            self._send(404, b"not found")

    def _send(self, status: int, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def files() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Files)
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()
    thread.join()


def test_allowed_host_is_fetched_and_read(start_server: StartServer, files: str) -> None:
    server = start_server(hosts=frozenset({"127.0.0.1"}))

    def call(url: str) -> dict:
        return answer(
            signed_post(server.url, {"ImageUrl": url}, secret_id=SECRET_ID, secret_key=SECRET_KEY)
        )

    assert len(call(f"{files}/invoice.png")["CarInvoiceInfos"]) == 37
    assert call(f"{files}/missing.png")["Error"]["Code"] == "FailedOperation.DownLoadError"
    assert call(f"{files}/moved.png")["Error"]["Code"] == "FailedOperation.DownLoadError"
    other = files.replace("127.0.0.1", "localhost")
    assert call(f"{other}/invoice.png")["Error"]["Code"] == "InvalidParameter"
    # ImageUrl wins over ImageBase64, as with the service.
    both = signed_post(
        server.url,
        {"ImageUrl": f"{files}/missing.png", "ImageBase64": "aGVsbG8="},
        secret_id=SECRET_ID,
        secret_key=SECRET_KEY,
    )
    assert error_code(both) == "FailedOperation.DownLoadError"


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "ftp://127.0.0.1/a.png",
        "http://user:pw@127.0.0.1/a.png",
        "http:///a.png",
    ],
)
def test_only_plain_http_urls_of_allowed_hosts(url: str) -> None:
    with pytest.raises(Refusal) as info:
        check_url(url, frozenset({"127.0.0.1"}))
    assert info.value.code == "InvalidParameter"


def test_nothing_is_fetched_without_an_allow_list() -> None:
    with pytest.raises(Refusal, match="no allowed hosts"):
        check_url("http://127.0.0.1/a.png", frozenset())


def test_a_closed_port_is_a_download_error() -> None:
    with pytest.raises(Refusal) as info:
        download("http://127.0.0.1:1/a.png", timeout_s=1.0)
    assert info.value.code == "FailedOperation.DownLoadError"
