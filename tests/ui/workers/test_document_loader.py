"""Opening and rasterizing happen on one dedicated thread, never the GUI thread."""

from __future__ import annotations

import threading
from pathlib import Path

import pymupdf
from window_fakes import write_page

from desktop_app.documents.document import open_document
from desktop_app.review.file_collector import collect_files
from desktop_app.ui.workers.document_loader import DocumentLoader


def make_pdf(path: Path, pages: int) -> Path:
    document = pymupdf.open()
    for number in range(pages):
        page = document.new_page(width=300, height=200)
        page.insert_text((40, 60), f"page {number + 1}")
    document.save(path)
    document.close()
    return path


class RecordingOpener:
    """Wraps ``open_document`` and notes the thread of every call into a document."""

    def __init__(self) -> None:
        self.threads: set[int] = set()

    def __call__(self, path: Path):
        self.threads.add(threading.get_ident())
        document = open_document(path)
        original = document.page_image

        def page_image(index: int, dpi: float = 150.0):
            self.threads.add(threading.get_ident())
            return original(index, dpi=dpi)

        document.page_image = page_image  # type: ignore[method-assign]
        return document


def test_every_document_call_runs_on_one_non_gui_thread(qtbot, tmp_path) -> None:
    opener = RecordingOpener()
    loader = DocumentLoader(opener)
    try:
        pdf = make_pdf(tmp_path / "two.pdf", 2)
        png = write_page(tmp_path / "one.png")
        with qtbot.waitSignals([loader.document_opened, loader.document_opened], timeout=5000):
            pdf_id = loader.open(pdf)
            png_id = loader.open(png)
        rendered = []
        loader.page_rendered.connect(lambda *args: rendered.append(args))
        for doc_id, index in ((pdf_id, 0), (pdf_id, 1), (png_id, 0)):
            loader.render(doc_id, index, generation=7)
        qtbot.waitUntil(lambda: len(rendered) == 3, timeout=5000)
    finally:
        loader.shutdown()
    assert len(opener.threads) == 1
    assert threading.get_ident() not in opener.threads
    doc_id, index, generation, page, image = rendered[1]
    assert (doc_id, index, generation) == (pdf_id, 1, 7)
    assert (image.width(), image.height()) == (page.width, page.height)


def test_pdf_pages_are_all_listed(qtbot, make_window, tmp_path) -> None:
    window = make_window(recognize_on_open=False)
    window.open_paths([make_pdf(tmp_path / "three.pdf", 3)])
    qtbot.waitUntil(lambda: len(window.queue_panel.visible_page_items()) == 3, timeout=5000)
    assert window.session.queue.label(window.session.queue.keys()[2]) == "three.pdf · 3/3"
    qtbot.waitUntil(lambda: window.view.has_image, timeout=5000)
    assert "F5" in window.panel.widget().text()  # not recognized: says how to start


def test_folders_expand_to_their_supported_files(tmp_path) -> None:
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    for name in ("b.png", "a.PDF", "sub/c.jpg", "readme.txt"):
        (folder / name).write_bytes(b"x")
    empty = tmp_path / "empty"
    empty.mkdir()
    files, problems = collect_files([folder, empty, tmp_path / "single.xyz"])
    assert [p.name for p in files] == ["a.PDF", "b.png", "c.jpg", "single.xyz"]
    assert len(problems) == 1 and "empty" in problems[0].zh
