"""The blind layouts (motor-e/used-e, motor-f/used-f): only when named, holdout, and the
text layer holds the truth."""

from __future__ import annotations

from pathlib import Path

import pymupdf

from desktop_app.tools.einvoice_samples.__main__ import main
from desktop_app.tools.einvoice_samples.layouts import BLIND, LAYOUTS, layouts_of
from tests.unit.tools.sample_files import manifest, printed, truth_infos

PX_PER_PT = 150 / 72


def test_blind_layouts_are_holdout_and_not_in_the_default_set() -> None:
    assert set(BLIND) == {"motor-e", "used-e", "motor-f", "used-f"}
    assert all(layout.holdout for layout in BLIND.values())
    assert not set(BLIND) & set(LAYOUTS)
    assert "motor-e" not in {x.name for x in layouts_of("motor")}
    assert [x.name for x in layouts_of("used", ["used-e", "used-a"])] == ["used-a", "used-e"]


def test_named_blind_layouts_are_written_with_every_value_at_its_box(tmp_path: Path) -> None:
    args = [str(tmp_path), "--count", "4", "--seed", "5", "--formats", "pdf,ofd"]
    assert main([*args, "--layouts", "motor-e,used-e"]) == 0
    entries = manifest(tmp_path, "pdf")
    assert [e["layout"] for e in entries] == ["motor-e", "used-e"] * 2
    assert all(e["holdout"] for e in entries)
    assert len(manifest(tmp_path, "ofd")) == 4
    for entry in entries:
        with pymupdf.open(tmp_path / entry["file"]) as doc:
            page = doc[0]
            for info in truth_infos(tmp_path, entry):
                rect = info["Rect"]
                if not rect["Width"]:
                    continue
                box = pymupdf.Rect(
                    rect["X"], rect["Y"], rect["X"] + rect["Width"], rect["Y"] + rect["Height"]
                )
                text = page.get_textbox(box / PX_PER_PT).replace("\n", "")
                assert text == printed(info["Name"], info["Value"]), (entry["file"], info)
