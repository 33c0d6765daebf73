"""The queue: adding files and folders, listing, counting, removing, the current page."""

from __future__ import annotations

from pathlib import Path

from desktop_app.store import PageStatus, open_store
from desktop_app.store.file_scan import expand_paths, iter_pages, sha256_of


def test_add_a_folder_recursively_takes_supported_files_only(store, tmp_path: Path, png) -> None:
    root = tmp_path / "scans"
    a = png(root / "a.png")
    b = png(root / "sub" / "deeper" / "b.png", color="red")
    (root / "notes.txt").write_text("not an invoice")
    png(root / ".hidden" / "c.png")
    report = store.add_paths([root])
    assert [d.path for d in report.added] == [a.resolve(), b.resolve()]
    assert report.failed == [] and report.already_queued == []
    assert [d.sha256 for d in report.added] == [sha256_of(a), sha256_of(b)]
    assert [(p.path.name, p.index, p.status) for p in store.pages()] == [
        ("a.png", 0, PageStatus.NEW),
        ("b.png", 0, PageStatus.NEW),
    ]


def test_adding_again_reports_already_queued_and_bad_files_fail(store, tmp_path, png) -> None:
    good = png(tmp_path / "good.png")
    bad = tmp_path / "bad.png"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n garbage")
    store.add_paths([good])
    report = store.add_paths([good, bad, tmp_path / "missing.png"])
    assert report.already_queued == [good]
    assert [p.name for p, _ in report.failed] == ["bad.png", "missing.png"]
    assert all(exc.one_line("en") for _, exc in report.failed)
    assert len(store.documents()) == 1


def test_page_count_comes_from_the_document(store, tmp_path, png) -> None:
    scan = png(tmp_path / "multi.pdf")  # any path; the counter is injected
    report = store.add_paths([scan], page_count=lambda path: 3)
    assert report.added[0].page_count == 3
    assert [p.number for p in store.pages(document_id=report.added[0].id)] == [1, 2, 3]


def test_filter_count_and_remove(store, fake_doc, motor_result) -> None:
    first = fake_doc(store, "a.pdf", pages=3)
    second = fake_doc(store, "b.png")
    store.save_recognition(first[0], motor_result)
    store.approve(first[0])
    store.reject(first[1], "模糊")
    assert store.remaining_to_review() == 2
    assert [p.id for p in store.pages(PageStatus.NEW)] == [first[2], second[0]]
    both = store.pages([PageStatus.APPROVED, PageStatus.REJECTED])
    assert [p.id for p in both] == first[:2]
    assert store.page(first[1]).reject_reason == "模糊"
    assert store.status_counts()[PageStatus.NEW] == 2
    store.remove_document(store.page(first[0]).document_id)
    assert [p.id for p in store.pages()] == second
    assert store.remaining_to_review() == 1
    assert any(e.page_id is None for e in store.audit_trail())  # the trail outlives the page


def test_current_page_survives_a_restart(db_path, fake_doc) -> None:
    with open_store(db_path) as store:
        pages = fake_doc(store, "a.pdf", pages=2)
        assert store.current_page() is None
        store.set_current_page(pages[1])
    with open_store(db_path) as store:
        current = store.current_page()
        assert current is not None and current.id == pages[1] and current.number == 2
        store.remove_document(current.document_id)
        assert store.current_page() is None


def test_expand_and_iter_pages(tmp_path, png) -> None:
    a = png(tmp_path / "x" / "a.png")
    b = png(tmp_path / "b.jpg")
    odd = tmp_path / "chosen.dat"
    odd.write_bytes(b"x")
    assert expand_paths([tmp_path / "x", b, odd, a]) == [a, b, odd]
    assert list(iter_pages([tmp_path / "x", b])) == [(a, 0), (b, 0)]
    assert list(iter_pages([a], page_count=lambda p: 2)) == [(a, 0), (a, 1)]


def test_listeners_hear_committed_changes(store, fake_doc) -> None:
    heard: list[tuple[str, int | None]] = []
    store.add_listener(lambda kind, page: heard.append((kind, page)))
    (page,) = fake_doc(store, "a.png")
    store.reject(page, "重复")
    assert heard == [("added", None), ("status", page)]
