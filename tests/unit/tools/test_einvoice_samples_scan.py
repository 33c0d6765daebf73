"""The printed-and-scanned JPEGs: their truth in the JPEG's pixels, boxes on ink."""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np

from tests.unit.tools.sample_files import manifest, truth_infos


def test_every_invoice_has_a_scan_with_its_own_truth(samples: Path) -> None:
    scans = manifest(samples, "scan")
    pages = {e["file"].removesuffix(".pdf"): e for e in manifest(samples, "pdf")}
    assert len(scans) == len(pages)
    for entry in scans:
        stem = entry["file"].removesuffix("_scan.jpg")
        assert entry["truth"] == f"{stem}_scan.json" and entry["mode"] == "scan"
        assert entry["layout"] == pages[stem]["layout"]
        image = cv2.imread(str(samples / entry["file"]))
        assert [image.shape[1], image.shape[0]] == entry["size"]
        # scanned at 150-200 dpi: larger than the 150-dpi page by the bed and the tilt
        assert entry["size"][0] > pages[stem]["size"][0]
        scan = {i["Name"]: i for i in truth_infos(samples, entry)}
        page = {i["Name"]: i for i in truth_infos(samples, pages[stem])}
        assert {n: i["Value"] for n, i in scan.items()} == {n: i["Value"] for n, i in page.items()}
        for name, info in scan.items():
            assert bool(info["Rect"]["Width"]) == bool(page[name]["Rect"]["Width"])


def test_scan_boxes_sit_on_ink_and_follow_the_tilt(samples: Path) -> None:
    tilted = 0
    for entry in manifest(samples, "scan"):
        grey = cv2.imread(str(samples / entry["file"]), cv2.IMREAD_GRAYSCALE)
        paper = float(np.median(grey))
        for info in truth_infos(samples, entry):
            rect = info["Rect"]
            if not rect["Width"]:
                continue
            x, y, w, h = rect["X"], rect["Y"], rect["Width"], rect["Height"]
            crop = grey[y : y + h, x : x + w]
            assert crop.min() < paper - 90, (entry["file"], info["Name"])
            polygon = info["Polygon"]
            tilted += polygon["LeftTop"]["Y"] != polygon["RightTop"]["Y"]
    assert tilted > 0
