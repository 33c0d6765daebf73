"""The message area keeps every message, newest first, folds repeats and never grows tall."""

from __future__ import annotations

from desktop_app.ui.widgets.message_bar import (
    MAX_AREA_HEIGHT,
    MAX_MESSAGES,
    MessageBar,
    MessageLevel,
)


def test_many_messages_at_once_are_all_kept_newest_first(qtbot) -> None:
    bar = MessageBar()
    qtbot.addWidget(bar)
    bar.resize(900, 300)
    bar.show()
    bar.show_message(MessageLevel.ERROR, "broken.png")
    for n in range(6):
        bar.show_message(MessageLevel.INFO, f"notice {n}")
    assert [t.splitlines()[0] for t in bar.texts()] == [
        *(f"notice {n}" for n in reversed(range(6))),
        "broken.png",
    ]
    qtbot.waitUntil(lambda: bar.scroll.height() == MAX_AREA_HEIGHT)  # scrolls, not taller


def test_a_repeat_is_counted_and_moves_to_the_top(qtbot) -> None:
    bar = MessageBar()
    qtbot.addWidget(bar)
    bar.show_message(MessageLevel.WARNING, "same", "details")
    bar.show_message(MessageLevel.INFO, "other")
    bar.show_message(MessageLevel.WARNING, "same", "details")
    assert bar.texts() == ["same ×2\ndetails", "other"]
    assert len(bar.items) == 2


def test_past_the_limit_the_oldest_fold_into_one_listing_them(qtbot) -> None:
    bar = MessageBar()
    qtbot.addWidget(bar)
    names = [f"file{n}.png" for n in range(MAX_MESSAGES + 5)]
    for name in names:
        bar.show_message(MessageLevel.ERROR, name)
    assert len(bar.items) == MAX_MESSAGES
    shown = "\n".join(bar.texts())
    assert all(name in shown for name in names)
    bar.clear_button.click()
    assert bar.items == [] and not bar.isVisible()
