"""The message bar never loses an error, however many arrive."""

from __future__ import annotations

from desktop_app.ui.widgets.message_bar import MAX_MESSAGES, MessageBar, MessageLevel


def test_notices_make_room_before_errors(qtbot) -> None:
    bar = MessageBar()
    qtbot.addWidget(bar)
    bar.show_message(MessageLevel.ERROR, "broken.png")
    for n in range(MAX_MESSAGES + 2):
        bar.show_message(MessageLevel.INFO, f"notice {n}")
    assert len(bar.items) == MAX_MESSAGES
    assert any(item.title == "broken.png" for item in bar.items)


def test_errors_past_the_limit_are_folded_not_dropped(qtbot) -> None:
    bar = MessageBar()
    qtbot.addWidget(bar)
    names = [f"file{n}.png" for n in range(10)]
    for name in names:
        bar.show_message(MessageLevel.ERROR, name)
    assert len(bar.items) == MAX_MESSAGES
    shown = "\n".join(bar.texts())
    assert all(name in shown for name in names)
    bar.dismiss(bar.items[0])
    assert len(bar.items) == MAX_MESSAGES - 1
