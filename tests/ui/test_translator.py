"""Chinese is the source language; English comes from the dictionary translator."""

from __future__ import annotations

from desktop_app.ui.translations_en import ENGLISH
from desktop_app.ui.translator import install_language, tr


def test_english_then_back_to_chinese(qapp) -> None:
    try:
        install_language("en")
        assert tr("识别") == "Recognize"
        assert tr("没有翻译的句子") == "没有翻译的句子"
    finally:
        install_language("zh")
    assert tr("识别") == "识别"


def test_window_in_english(qtbot, make_window) -> None:
    from desktop_app.ui.app import build_window
    from desktop_app.ui.preferences import Preferences

    try:
        window = build_window(Preferences(language="en"), backend=None)
        qtbot.addWidget(window)
        assert window.actions_.open.text() == "Add Files…"
        assert window.menuBar().actions()[0].text() == "&File"
    finally:
        install_language("zh")


def test_translations_are_not_empty() -> None:
    assert all(value.strip() for value in ENGLISH.values())


def _tr_strings() -> set[str]:
    import ast
    from pathlib import Path

    import desktop_app.ui

    found: set[str] = set()
    for path in Path(desktop_app.ui.__file__).parent.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
            if name == "tr" and isinstance(node.args[0], ast.Constant):
                found.add(node.args[0].value)
    return found


def test_every_tr_string_has_an_english_translation() -> None:
    strings = _tr_strings()
    assert len(strings) > 50
    assert sorted(strings - set(ENGLISH)) == []
