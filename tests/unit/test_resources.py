"""The shipped files: every icon present and well-formed, found installed, editable and frozen."""

from __future__ import annotations

import configparser
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from desktop_app import resources

ROOT = Path(__file__).resolve().parents[2]
DESKTOP_FILE = ROOT / "resources" / "car-invoice-desk.desktop"
SVG = "{http://www.w3.org/2000/svg}svg"


@pytest.mark.parametrize("name", resources.ICON_NAMES)
def test_every_icon_is_a_square_svg_file(name: str) -> None:
    root = ET.parse(resources.icon(name)).getroot()
    assert root.tag == SVG
    x, y, width, height = (float(v) for v in root.attrib["viewBox"].split())
    assert (x, y) == (0, 0) and width == height


def test_toolbar_icons_share_one_stroke_style() -> None:
    for name in resources.TOOLBAR_ICONS:
        root = ET.parse(resources.icon(name)).getroot()
        assert root.attrib["viewBox"] == "0 0 24 24", name
        assert (root.attrib["stroke-width"], root.attrib["stroke-linecap"]) == ("2", "round"), name


def test_no_icon_file_is_left_out_of_the_list() -> None:
    shipped = {p.stem for p in (resources.assets_dir() / "icons").glob("*.svg")}
    assert shipped == set(resources.ICON_NAMES)


def test_unknown_icon_and_missing_file_say_what_is_wrong() -> None:
    with pytest.raises(KeyError, match="unknown icon 'nope'"):
        resources.icon("nope")
    with pytest.raises(resources.ResourceNotFoundError, match=r"missing resource: icons/nope\.svg"):
        resources.asset("icons", "nope.svg")


def test_assets_live_inside_the_package_next_to_the_code() -> None:
    import desktop_app

    assert resources.assets_dir() == Path(desktop_app.__file__).parent / "assets"
    assert resources.app_icon().name == "car-invoice-desk.svg"
    assert resources.translations_dir().parent == resources.assets_dir()


def test_frozen_bundle_is_found_through_meipass(tmp_path: Path, monkeypatch) -> None:
    """PyInstaller's one-folder layout: <_MEIPASS>/desktop_app/assets, importlib not a Path."""
    bundled = tmp_path / "desktop_app" / "assets" / "icons"
    bundled.mkdir(parents=True)
    (bundled / "open.svg").write_text("<svg/>", encoding="utf-8")

    class NotAPath:
        def joinpath(self, *_parts: str) -> NotAPath:
            return self

    monkeypatch.setattr(resources._importlib_resources, "files", lambda _pkg: NotAPath())
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    resources.assets_dir.cache_clear()
    try:
        assert resources.icon("open") == bundled / "open.svg"
    finally:
        resources.assets_dir.cache_clear()


def test_no_bundle_and_no_package_folder_is_a_clear_error(monkeypatch) -> None:
    monkeypatch.setattr(
        resources._importlib_resources, "files", lambda _pkg: Path("/nonexistent/desktop_app")
    )
    monkeypatch.delattr(sys, "_MEIPASS", raising=False)
    resources.assets_dir.cache_clear()
    try:
        with pytest.raises(resources.ResourceNotFoundError, match="reinstall"):
            resources.assets_dir()
    finally:
        resources.assets_dir.cache_clear()


def test_desktop_entry_opens_pdf_ofd_xml_and_images_with_the_app_icon() -> None:
    entry = configparser.ConfigParser(interpolation=None, strict=True)
    entry.optionxform = str  # keys are case-sensitive in desktop entries
    entry.read(DESKTOP_FILE, encoding="utf-8")
    section = entry["Desktop Entry"]
    assert section["Type"] == "Application"
    assert section["Name[zh_CN]"] == "机动车发票识别审核台"
    assert section["Exec"] == "car-invoice-desk %F"
    assert section["Icon"] == resources.APP_ICON
    assert section["Categories"] == "Office;Finance;"
    types = set(section["MimeType"].rstrip(";").split(";"))
    assert types == {
        "application/pdf",
        "application/ofd",
        "application/xml",
        "text/xml",
        "image/png",
        "image/jpeg",
        "image/bmp",
        "image/tiff",
        "image/webp",
        "image/gif",
    }


GUIDES = [ROOT / "docs" / "guide" / "guide.zh_CN.md", ROOT / "docs" / "guide" / "guide.en.md"]


@pytest.mark.parametrize("guide", GUIDES, ids=lambda p: p.name)
def test_user_guide_explains_every_error_code_and_shows_real_screenshots(guide: Path) -> None:
    import re

    from desktop_app.core.error_codes import KINDS
    from desktop_app.documents import errors as document_errors

    text = guide.read_text(encoding="utf-8")
    codes = set(KINDS) | {
        cls.code
        for cls in vars(document_errors).values()
        if isinstance(cls, type) and issubclass(cls, document_errors.DocumentError)
    }
    missing = sorted(code for code in codes if f"`{code}`" not in text)
    assert not missing, f"{guide.name} does not explain {missing}"
    images = re.findall(r"\]\((images/[^)]+\.png)\)", text)
    assert images
    for image in images:
        path = guide.parent / image
        assert path.is_file(), image
        assert path.stat().st_size < 400_000, f"{image} is over 400 KB"
