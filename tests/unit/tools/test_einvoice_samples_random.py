"""Random layouts: every printed field once, on the page, every value at its truth box."""

from __future__ import annotations

from pathlib import Path

import pymupdf

from desktop_app.tools.einvoice_samples.__main__ import main
from desktop_app.tools.einvoice_samples.generate import generate
from desktop_app.tools.einvoice_samples.layouts_random import BOTTOM, random_layout
from desktop_app.tools.einvoice_samples.sheet import X1
from desktop_app.tools.einvoice_samples.truth import SHARED_CELLS, field_names
from tests.unit.tools.sample_files import manifest, page_chars, printed, text_in, truth_infos

DERIVED = {"省", "市", "发票消费类型", "发票类型"}
HEAD = {"发票代码", "发票号码", "开票日期", "机打代码", "机打号码", "机器编号", "开票人"}
PX_PER_PT = 150 / 72


def _cell_names(form: str, seed: int) -> list[str]:
    layout = random_layout(form, seed)
    return [name for row in layout.rows for cell in row.cells for name in cell.names]


def test_every_printed_field_has_one_cell_and_the_table_fits_the_page() -> None:
    for form in ("motor", "used"):
        expected = set(field_names(form)) - DERIVED - HEAD - set(SHARED_CELLS)
        for seed in range(60):
            layout = random_layout(form, seed)
            names = _cell_names(form, seed)
            assert sorted(names) == sorted(expected), (form, seed)
            assert sum(row.height for row in layout.rows) <= BOTTOM - layout.table_top
            for row in layout.rows:
                assert sum(cell.width for cell in row.cells) + layout.group_width < X1
            assert layout.holdout and layout.name == f"{form}-r{seed}-0"


def test_a_layout_seed_always_gives_the_same_layout_and_seeds_differ() -> None:
    assert random_layout("motor", 3) == random_layout("motor", 3)
    drawn = {random_layout("used", seed).rows for seed in range(10)}
    assert len(drawn) == 10


def test_values_sit_in_their_boxes_on_random_layouts(tmp_path: Path) -> None:
    args = [str(tmp_path), "--count", "8", "--seed", "4", "--formats", "pdf"]
    assert main([*args, "--random-layouts", "4", "--layout-seed", "91"]) == 0
    entries = manifest(tmp_path)
    assert {e["layout"] for e in entries} == {
        f"{f}-r91-{i}" for f in ("motor", "used") for i in range(4)
    }
    assert all(e["holdout"] for e in entries)
    for entry in entries:
        with pymupdf.open(tmp_path / entry["file"]) as doc:
            chars = page_chars(doc[0])
        for info in truth_infos(tmp_path, entry):
            r = info["Rect"]
            if r["Width"]:
                box = (r["X"], r["Y"], r["X"] + r["Width"], r["Y"] + r["Height"])
                text = text_in(chars, tuple(v / PX_PER_PT for v in box))
                assert text == printed(info["Name"], info["Value"]), (entry["file"], info)
                assert r["Y"] + r["Height"] < 140 / 25.4 * 150  # on the page


def test_named_layouts_are_used_beside_random_ones(tmp_path: Path) -> None:
    entries = generate(
        tmp_path,
        4,
        1,
        forms=("motor",),
        layout_names=["motor-a"],
        formats=("pdf",),
        drawn=[random_layout("motor", 8)],
    )
    assert [e["layout"] for e in entries] == ["motor-a", "motor-r8-0", "motor-a", "motor-r8-0"]
