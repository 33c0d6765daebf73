"""Qt Linguist translations of the window: update the ``.ts`` sources, compile ``.qm``, check.

The interface is written in Chinese inside ``tr()`` (contexts are class names; module-level
``desktop_app.ui.translator.tr`` uses the empty context). ``pyside6-lupdate`` collects the
strings of ``desktop_app/ui/**/*.py`` into ``resources/translations/car_invoice_desk_<lang>.ts``
and ``pyside6-lrelease`` compiles them into ``desktop_app/assets/i18n/*.qm`` (committed, so an
installed or frozen program needs neither tool)::

    python -m desktop_app.tools.translations update    # after adding or changing a tr() string
    # ... translate the new "unfinished" entries of car_invoice_desk_en.ts (Qt Linguist:
    # `pyside6-linguist resources/translations/car_invoice_desk_en.ts`, or a text editor:
    # fill <translation>, drop type="unfinished"), then:
    python -m desktop_app.tools.translations compile   # .ts -> .qm
    python -m desktop_app.tools.translations check     # what the tests run

``update`` keeps existing translations, drops strings that left the code (``-no-obsolete``),
marks every zh_CN entry as translated to itself (Chinese is the source language) and
compiles; an unfinished English entry is left out of the ``.qm`` and shows in Chinese.
``check`` fails when a ``.ts`` is not what ``update`` would write, when an entry is
unfinished, vanished, obsolete or loses a ``{placeholder}``/``%n``, or when a ``.qm`` differs
from what ``compile`` would write. Locations are not stored (``-locations none``), so moving
code does not make the sources stale; only changing strings does.

``resources/translations/qtbase_extra_zh_CN.ts`` is written by hand (not lupdate'd): the
labels Qt's own ``qtbase_zh_CN.qm`` leaves in English; ``compile`` and ``check`` include it.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

#: The source tree (the tool works on a checkout: ``resources/`` is not installed).
ROOT = Path(__file__).resolve().parents[2]
#: Where ``tr()`` strings are looked for, relative to :data:`ROOT`.
SOURCE_GLOB = "desktop_app/ui/**/*.py"
TS_DIR = Path("resources/translations")
QM_DIR = Path("desktop_app/assets/i18n")
CATALOG = "car_invoice_desk"
SOURCE_LANGUAGE = "zh_CN"
#: Every language the interface ships, the source language first.
LANGUAGES: tuple[str, ...] = ("zh_CN", "en")
#: Hand-written catalogs (name, language) compiled and checked but not lupdate'd: strings
#: Qt's own catalogs leave untranslated (``qtbase_zh_CN.qm`` lacks two file dialog labels).
EXTRA_CATALOGS: tuple[tuple[str, str], ...] = (("qtbase_extra", "zh_CN"),)

_PLACEHOLDER = re.compile(r"\{[A-Za-z_][A-Za-z0-9_]*\}")


class ToolMissingError(RuntimeError):
    """pyside6-lupdate or pyside6-lrelease cannot be found."""


@dataclass(frozen=True)
class Message:
    """One entry of a ``.ts`` file."""

    context: str
    source: str
    translations: tuple[str, ...]  # one per numerus form, or a single one
    kind: str  # "" (finished), "unfinished", "vanished", "obsolete"
    numerus: bool


def ts_path(language: str, root: Path = ROOT, catalog: str = CATALOG) -> Path:
    """The Linguist source of ``language``."""
    return root / TS_DIR / f"{catalog}_{language}.ts"


def qm_path(language: str, root: Path = ROOT, catalog: str = CATALOG) -> Path:
    """The compiled catalog of ``language`` the program loads."""
    return root / QM_DIR / f"{catalog}_{language}.qm"


def _all_catalogs() -> list[tuple[str, str]]:
    """(catalog, language) of every shipped ``.qm``, the lupdate'd ones first."""
    return [(CATALOG, language) for language in LANGUAGES] + list(EXTRA_CATALOGS)


def _tool(name: str) -> list[str]:
    """The command running ``pyside6-<name>`` (next to this Python first, then on PATH)."""
    wrapper = f"pyside6-{name}"
    for candidate in (Path(sys.executable).parent / wrapper, shutil.which(wrapper)):
        if candidate and Path(candidate).is_file():
            return [str(candidate)]
    try:
        import PySide6
    except ImportError as exc:  # pragma: no cover - the app cannot run without it either
        raise ToolMissingError(f"{wrapper} not found and PySide6 is not installed") from exc
    binary = Path(PySide6.__file__).parent / name
    if binary.is_file():
        return [str(binary)]
    raise ToolMissingError(f"{wrapper} not found: install PySide6 (it ships lupdate/lrelease)")


def _run(command: list[str], cwd: Path) -> None:
    done = subprocess.run(command, cwd=cwd, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed:\n{done.stdout}{done.stderr}")


def sources(root: Path = ROOT) -> list[str]:
    """The Python files scanned for ``tr()``, relative to ``root`` and sorted (stable output)."""
    return sorted(p.relative_to(root).as_posix() for p in root.glob(SOURCE_GLOB))


def _lupdate(root: Path, language: str, target: Path) -> None:
    command = [
        *_tool("lupdate"),
        *sources(root),
        "-locations",
        "none",
        "-no-obsolete",
        "-source-language",
        SOURCE_LANGUAGE,
        "-target-language",
        language,
        "-silent",
        "-ts",
        str(target),
    ]
    _run(command, root)


def fill_identity(path: Path) -> int:
    """Mark every unfinished entry of a source-language ``.ts`` as translated to itself.

    Returns how many entries were filled. The file is rewritten by ElementTree; the caller
    runs lupdate over it again to restore Qt's own layout.
    """
    tree = ET.parse(path)
    filled = 0
    for message in tree.getroot().iter("message"):
        translation = message.find("translation")
        source = message.findtext("source", "")
        if translation is None or translation.get("type") != "unfinished":
            continue
        del translation.attrib["type"]
        forms = translation.findall("numerusform")
        if forms:
            for form in forms:
                form.text = source
        else:
            translation.text = source
        filled += 1
    if filled:
        tree.write(path, encoding="utf-8", xml_declaration=True)
    return filled


def update_file(root: Path, language: str, target: Path) -> None:
    """Run lupdate for ``language`` into ``target`` (created or merged), as ``update`` does."""
    target.parent.mkdir(parents=True, exist_ok=True)
    _lupdate(root, language, target)
    if language == SOURCE_LANGUAGE and fill_identity(target):
        _lupdate(root, language, target)  # back to lupdate's own layout


def compile_file(ts: Path, qm: Path) -> None:
    """Compile one ``.ts`` into ``qm`` (unfinished entries are left out by lrelease)."""
    qm.parent.mkdir(parents=True, exist_ok=True)
    _run([*_tool("lrelease"), "-silent", str(ts), "-qm", str(qm)], ts.parent)


def read_messages(path: Path) -> list[Message]:
    """Every entry of a ``.ts`` file, in file order."""
    found = []
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None:
                texts: tuple[str, ...] = ("",)
                kind = "unfinished"
            else:
                forms = translation.findall("numerusform")
                texts = tuple((f.text or "") for f in forms) or (translation.text or "",)
                kind = translation.get("type", "")
            found.append(
                Message(
                    context=name,
                    source=message.findtext("source", ""),
                    translations=texts,
                    kind=kind,
                    numerus=message.get("numerus") == "yes",
                )
            )
    return found


def message_problems(path: Path) -> list[str]:
    """Entries that would show the wrong text: unfinished, gone, empty, placeholders lost."""
    problems = []
    for m in read_messages(path):
        where = f"{path.name}: [{m.context or '(module)'}] {m.source!r}"
        if m.kind:
            problems.append(f"{where} is {m.kind}")
            continue
        for text in m.translations:
            if not text.strip():
                problems.append(f"{where} has an empty translation")
            elif sorted(_PLACEHOLDER.findall(text)) != sorted(_PLACEHOLDER.findall(m.source)):
                problems.append(f"{where}: placeholders differ in {text!r}")
            elif m.numerus and "%n" not in text:
                problems.append(f"{where}: %n missing in {text!r}")
            elif "&" in m.source and "&" not in text:
                problems.append(f"{where}: the keyboard accelerator (&) is lost in {text!r}")
    return problems


def update(root: Path = ROOT) -> list[str]:
    """lupdate and compile every language; returns a line per language with what is left."""
    report = []
    for language in LANGUAGES:
        target = ts_path(language, root)
        update_file(root, language, target)
        compile_file(target, qm_path(language, root))
        messages = read_messages(target)
        todo = sum(1 for m in messages if m.kind)
        report.append(f"{target.relative_to(root)}: {len(messages)} strings, {todo} to translate")
    return report


def compile_all(root: Path = ROOT) -> list[Path]:
    """lrelease every language into the package's assets; returns the written files."""
    written = []
    for catalog, language in _all_catalogs():
        compile_file(ts_path(language, root, catalog), qm_path(language, root, catalog))
        written.append(qm_path(language, root, catalog))
    return written


def check(root: Path = ROOT) -> list[str]:
    """Everything that is out of date or incomplete; an empty list means all is well."""
    problems = []
    with tempfile.TemporaryDirectory(prefix="cid-i18n-") as scratch:
        for language in LANGUAGES:
            ts = ts_path(language, root)
            if not ts.is_file():
                problems.append(f"{ts.relative_to(root)} is missing: run `update`")
                continue
            fresh = Path(scratch) / ts.name
            shutil.copyfile(ts, fresh)
            update_file(root, language, fresh)
            if fresh.read_bytes() != ts.read_bytes():
                problems.append(
                    f"{ts.relative_to(root)} is not up to date with the tr() strings of "
                    f"{SOURCE_GLOB}: run `python -m desktop_app.tools.translations update`"
                )
            problems += message_problems(fresh)
        for catalog, language in EXTRA_CATALOGS:
            problems += message_problems(ts_path(language, root, catalog))
        for catalog, language in _all_catalogs():
            ts, qm = ts_path(language, root, catalog), qm_path(language, root, catalog)
            if not ts.is_file():
                continue
            compiled = Path(scratch) / qm.name
            compile_file(ts, compiled)
            if not qm.is_file() or qm.read_bytes() != compiled.read_bytes():
                problems.append(
                    f"{qm.relative_to(root)} does not match {ts.name}: "
                    "run `python -m desktop_app.tools.translations compile`"
                )
    return problems


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: ``update``, ``compile`` or ``check``; exit status 1 when check fails."""
    parser = argparse.ArgumentParser(
        prog="python -m desktop_app.tools.translations",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("command", choices=("update", "compile", "check"))
    parser.add_argument("--root", type=Path, default=ROOT, help="source tree (default: this one)")
    args = parser.parse_args(argv)
    root = args.root.resolve()
    if not (root / TS_DIR).is_dir():
        print(
            f"{root / TS_DIR} not found: run from a source checkout (or pass --root)",
            file=sys.stderr,
        )
        return 2
    try:
        if args.command == "update":
            print("\n".join(update(root)))
        elif args.command == "compile":
            for path in compile_all(root):
                print(f"wrote {path.relative_to(root)} ({path.stat().st_size} bytes)")
        else:
            problems = check(root)
            for line in problems:
                print(line, file=sys.stderr)
            if problems:
                return 1
            names = (f"{catalog}_{language}" for catalog, language in _all_catalogs())
            print(f"translations up to date: {', '.join(names)}")
    except (ToolMissingError, RuntimeError) as exc:
        print(exc, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
