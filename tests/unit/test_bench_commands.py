"""Every ``python -m desktop_app.bench`` subcommand parses to itself and the quick ones run.

``bench startup FILE`` once crashed: its ``--command`` option overwrote the name of
the subcommand. Heavier runs (``accuracy`` and ``ruling`` on the generated samples,
``qr``) have their own tests; ``server`` starts the office server and is run by hand.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PIL import Image

from desktop_app.bench.__main__ import build_parser, main

MINIMAL_ARGS = {
    "accuracy": ["folder"],
    "throughput": [],
    "startup": ["page.png", "--command", "some-program"],
    "server": [],
    "ruling": ["folder"],
    "page-text": ["page.pdf"],
    "qr": ["page.png"],
    "speed": ["page.png"],
    "stall": ["--pages", "10"],
    "height": ["folder"],
    "seal": ["folder"],
    "memory": ["--pages", "1"],
}


def test_every_subcommand_is_known_here() -> None:
    parser = build_parser()
    (sub,) = [a for a in parser._actions if a.dest == "command"]
    assert set(sub.choices) == set(MINIMAL_ARGS)


@pytest.mark.parametrize("name", sorted(MINIMAL_ARGS))
def test_a_subcommand_parses_to_itself(name: str) -> None:
    args = build_parser().parse_args([name, *MINIMAL_ARGS[name]])
    assert args.command == name


def test_throughput_runs(capsys) -> None:
    code = main(["throughput", "--pages", "4", "--quota", "100", "--latency", "0"])
    out = capsys.readouterr().out
    assert code == 0 and "pages/s:" in out and "lost pages:       0" in out


def test_throughput_of_the_command_line_runs(capsys) -> None:
    code = main(["throughput", "--cli", "--pages", "3", "--quota", "100", "--latency", "0"])
    out = capsys.readouterr().out
    assert code == 0 and "recognize --jsonl" in out and "lost pages:       0" in out


def test_startup_with_a_file_runs(tmp_path: Path, capsys, monkeypatch) -> None:
    page = tmp_path / "page.png"
    Image.new("RGB", (300, 200), "white").save(page)
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    monkeypatch.setenv("CARINVOICEDESK_DATABASE", str(tmp_path / "review.sqlite3"))
    code = main(["startup", str(page), "--runs", "1", "--timeout", "120", "--json"])
    out = capsys.readouterr().out
    assert code == 0, out
    result = json.loads(out)
    assert result["median_window_ms"] > 0
    # The packaging smoke test relies on the probe naming the catalogs the window loaded.
    catalogs = [Path(name).name for name in result["runs"][0]["translations"]]
    assert any(name.startswith("car_invoice_desk_") for name in catalogs), catalogs


def test_page_text_runs(tmp_path: Path, capsys) -> None:
    import pymupdf

    pdf = pymupdf.open()
    pdf.new_page().insert_text((72, 72), "机动车销售统一发票")
    path = tmp_path / "page.pdf"
    pdf.save(path)
    pdf.close()
    assert main(["page-text", str(path), "--runs", "1"]) == 0
    assert "page.pdf" in capsys.readouterr().out


def test_stall_runs(capsys, monkeypatch) -> None:
    pytest.importorskip("PySide6", reason="drives the window; the Qt-free run skips it")
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    main(["stall", "--pages", "200", "--edits", "5", "--every", "50"])
    out = capsys.readouterr().out
    assert "stall p99:" in out and "200" in out


def test_memory_runs(capsys, monkeypatch) -> None:
    pytest.importorskip("PySide6", reason="drives the window; the Qt-free run skips it")
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    main(["memory", "--pages", "1", "--pdf-pages", "3"])
    out = capsys.readouterr().out
    assert "1 recognitions, 3-page PDF" in out and "idle:" in out
