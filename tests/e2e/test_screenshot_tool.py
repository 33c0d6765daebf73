"""``python -m desktop_app.tools.screenshot`` renders the window with the page recognized."""

from __future__ import annotations

from pathlib import Path

from PIL import Image

from desktop_app.core.codec import dumps_response
from desktop_app.core.model import RecognitionResult, RecognizedField
from desktop_app.tools import screenshot

ANSWER = RecognitionResult(
    fields=(
        RecognizedField("发票代码", "153001720011", ((400, 30), (550, 30), (550, 50), (400, 50))),
        RecognizedField("发票号码", "00012345", ((400, 60), (500, 60), (500, 80), (400, 80))),
    )
)


def test_screenshot_of_a_replayed_answer(qapp, tmp_path: Path) -> None:
    page = tmp_path / "page.png"
    Image.new("RGB", (600, 300), "white").save(page)
    answer = tmp_path / "answer.json"
    answer.write_text(dumps_response(ANSWER), encoding="utf-8")
    out = tmp_path / "shot.png"
    code = screenshot.main(
        [str(out), str(page), "--answer", str(answer), "--size", "900x600", "--confirm", "2"]
    )
    assert code == 0
    with Image.open(out) as image:
        assert image.size == (900, 600)
    assert not out.with_suffix(".preferences.json").exists()


def test_screenshot_of_a_queue_after_a_batch(qapp, tmp_path: Path) -> None:
    folder = tmp_path / "scans"
    folder.mkdir()
    for number in range(3):
        Image.new("RGB", (600, 300), (255, 255, 250 - number)).save(folder / f"{number}.png")
    answer = tmp_path / "answer.json"
    answer.write_text(dumps_response(ANSWER), encoding="utf-8")
    out = tmp_path / "queue.png"
    database = tmp_path / "review.sqlite3"
    code = screenshot.main(
        [str(out), str(folder), "--answer", str(answer), "--batch", "--database", str(database)]
    )
    assert code == 0 and out.is_file()
    from desktop_app.store import PageStatus, open_store

    with open_store(database) as store:
        assert store.status_counts()[PageStatus.NEEDS_REVIEW] == 3
