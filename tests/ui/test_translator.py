"""Chinese is the source language; English and Qt's own Chinese come from compiled catalogs.

The ``.ts`` sources live in ``resources/translations``, the ``.qm`` in
``desktop_app/assets/i18n``; ``python -m desktop_app.tools.translations check`` (run here)
fails when either is behind the ``tr()`` strings of ``desktop_app/ui``.
"""

from __future__ import annotations

import ast
import logging
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QLabel, QLineEdit

import desktop_app.ui
from desktop_app import resources
from desktop_app.tools import translations
from desktop_app.ui.translator import install_language, tr

UI_DIR = Path(desktop_app.ui.__file__).parent


@pytest.fixture
def english(qapp):
    try:
        yield install_language("en")
    finally:
        install_language("zh")


def test_english_then_back_to_chinese(english) -> None:
    assert english == ["car_invoice_desk_en"]
    assert QCoreApplication.translate("WindowActions", "识别") == "Recognize"
    assert tr("没有翻译的句子") == "没有翻译的句子"
    install_language("zh")
    assert QCoreApplication.translate("WindowActions", "识别") == "识别"


def test_plurals_follow_the_count(english) -> None:
    assert tr("已导出 %n 页到 {where}", "", 1) == "Exported 1 page to {where}"
    assert tr("已导出 %n 页到 {where}", "", 3) == "Exported 3 pages to {where}"
    install_language("zh")
    assert tr("已导出 %n 页到 {where}", "", 3) == "已导出 3 页到 {where}"


def test_collaborator_strings_are_found_under_their_own_class(make_window) -> None:
    window = make_window()  # installs the window's language (Chinese) first
    try:
        install_language("en")
        # SessionPages is a collaborator of ReviewSession: its strings are its own.
        pages = window.session.pages
        assert pages.tr("此页尚未识别，不能通过。").startswith("This page is not")
        assert window.session.tr("此页尚未识别，不能通过。") == "此页尚未识别，不能通过。"
        assert tr("（仍有 %n 个错误）", "", 2) == " (2 errors remain)"
    finally:
        install_language("zh")


def test_window_in_english(qtbot, english) -> None:
    from desktop_app.review.preferences import Preferences
    from desktop_app.ui.app import build_window

    window = build_window(Preferences(language="en"), backend=None)
    qtbot.addWidget(window)
    assert window.actions_.open.text() == "Add Files…"
    assert window.menuBar().actions()[0].text() == "&File"


def test_chinese_loads_qts_own_chinese(qapp) -> None:
    """OK/Cancel, a line edit's context menu and the file dialog come from qtbase_zh_CN.qm."""
    assert install_language("zh") == [
        "car_invoice_desk_zh_CN",
        "qtbase_zh_CN",
        "qtbase_extra_zh_CN",  # the two file dialog labels qtbase_zh_CN.qm lacks
    ]
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    assert sorted(b.text() for b in buttons.buttons()) == sorted(["确定", "取消"])
    edit = QLineEdit()
    menu = edit.createStandardContextMenu()
    assert "撤消(&U)" in [a.text().split("\t")[0] for a in menu.actions()]
    dialog = QFileDialog()
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    labels = {label.text() for label in dialog.findChildren(QLabel)}
    assert labels == {"查找范围(&L)：", "文件名称(&N)：", "文件类型(&T)："}


def test_a_missing_catalog_leaves_chinese_and_a_warning(
    qapp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr(resources, "translations_dir", lambda: tmp_path)
    try:
        with caplog.at_level(logging.WARNING, logger="desktop_app.ui.translator"):
            assert install_language("en") == []
        assert "car_invoice_desk_en.qm not found" in caplog.text
        assert QCoreApplication.translate("WindowActions", "识别") == "识别"
    finally:
        monkeypatch.undo()
        install_language("zh")


def test_every_language_is_shipped_compiled() -> None:
    for language in translations.LANGUAGES:
        assert (resources.translations_dir() / f"car_invoice_desk_{language}.qm").is_file()


def test_sources_and_catalogs_are_up_to_date_and_complete() -> None:
    """The ``check`` command: no stale .ts, no unfinished or vanished entry, no stale .qm."""
    assert translations.check() == []
    assert len(translations.read_messages(translations.ts_path("en"))) > 150


def _copy_tree(root: Path) -> Path:
    for part in ("desktop_app/ui", str(translations.TS_DIR), str(translations.QM_DIR)):
        shutil.copytree(translations.ROOT / part, root / part)
    return root


def test_check_names_what_is_behind(tmp_path: Path) -> None:
    root = _copy_tree(tmp_path)
    source = root / "desktop_app/ui/dialogs/reject_dialog.py"
    source.write_text(
        source.read_text(encoding="utf-8").replace("退回页面", "退回这些页面"), encoding="utf-8"
    )
    (root / translations.QM_DIR / "car_invoice_desk_en.qm").write_bytes(b"old")
    problems = "\n".join(translations.check(root))
    assert "car_invoice_desk_en.ts is not up to date" in problems
    assert "car_invoice_desk_zh_CN.ts is not up to date" in problems
    assert "[RejectDialog] '退回这些页面' is unfinished" in problems
    assert "car_invoice_desk_en.qm does not match" in problems
    assert translations.main(["check", "--root", str(root)]) == 1

    translations.update(root)  # zh_CN fills itself (and compiles); English waits
    problems = translations.check(root)
    assert [p for p in problems if "zh_CN" in p] == []
    assert any("'退回这些页面' is unfinished" in p for p in problems)


def test_check_catches_a_lost_placeholder(tmp_path: Path) -> None:
    ts = tmp_path / "x.ts"
    ts.write_text(
        '<?xml version="1.0" encoding="utf-8"?><TS version="2.1" language="en">'
        "<context><name>A</name>"
        "<message><source>第 {n} 页</source><translation>Page {m}</translation></message>"
        "<message><source>文件(&amp;F)</source><translation>File</translation></message>"
        '<message numerus="yes"><source>%n 页</source><translation>'
        "<numerusform>one page</numerusform><numerusform>%n pages</numerusform>"
        "</translation></message>"
        "</context></TS>",
        encoding="utf-8",
    )
    problems = "\n".join(translations.message_problems(ts))
    assert "placeholders differ in 'Page {m}'" in problems
    assert "accelerator (&) is lost" in problems
    assert "%n missing in 'one page'" in problems


def _classes_and_bare_tr_in_classes() -> tuple[set[str], list[str]]:
    classes: set[str] = set()
    misplaced: list[str] = []
    for path in UI_DIR.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.ClassDef):
                continue
            classes.add(node.name)
            for inner in ast.walk(node):
                if (
                    isinstance(inner, ast.Call)
                    and isinstance(inner.func, ast.Name)
                    and inner.func.id == "tr"
                ):
                    misplaced.append(f"{path.name}:{inner.lineno}")
    return classes, misplaced


def test_contexts_are_the_classes_that_translate_at_run_time() -> None:
    """``obj.tr()`` would be filed under the variable's name, a bare ``tr()`` in a class
    under the class while it translates in the empty context: both would never translate."""
    classes, misplaced = _classes_and_bare_tr_in_classes()
    assert misplaced == [], "use self.tr() inside classes"
    contexts = {m.context for m in translations.read_messages(translations.ts_path("en"))}
    assert contexts - {""} <= classes


def test_no_counted_self_tr_in_a_base_class() -> None:
    """PySide6 (6.11) looks ``self.tr(text, "", n)`` up under ``type(self)`` only: in a class
    that others derive from (a mixin) the plural would never translate; use module ``tr()``."""
    trees = {
        p.relative_to(UI_DIR).as_posix(): ast.parse(p.read_text(encoding="utf-8"))
        for p in UI_DIR.rglob("*.py")
    }
    bases = {
        base.id
        for tree in trees.values()
        for node in ast.walk(tree)
        if isinstance(node, ast.ClassDef)
        for base in node.bases
        if isinstance(base, ast.Name)
    }
    counted = [
        f"{name}:{call.lineno}"
        for name, tree in trees.items()
        for node in ast.walk(tree)
        if isinstance(node, ast.ClassDef) and node.name in bases
        for call in ast.walk(node)
        if isinstance(call, ast.Call)
        and isinstance(call.func, ast.Attribute)
        and call.func.attr == "tr"
        and len(call.args) >= 3
    ]
    assert counted == []
