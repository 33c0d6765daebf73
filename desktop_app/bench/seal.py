"""``seal DIR``: field accuracy on pages with a red seal stamped over their values.

Each image page of a benchmark folder (PNG or JPEG) gets the seller's round seal
(发票专用章: the seller's name round the rim, 发票专用章 across) stamped over the tax
rate and a second one over another value (taken in turn from ``SECOND_TARGETS``; two
such on a form without a tax rate), the
seal's centre moved at random by up to a third of its size (seeded). The ink is
multiplied in, as a stamp's ink darkens the print under it: black print stays black,
the paper turns red. The page is saved as JPEG 90 and recognized by the local engine.

Printed per page, then overall: all fields, and the fields whose truth box a seal
covers (their share of the box inside a seal's outline ≥ 20%). Boxes are not scored.
"""

from __future__ import annotations

import argparse
import io
import math
import random
import statistics
from pathlib import Path
from typing import Any

#: The field every page gets a seal over (the case real scans lose).
FIRST_TARGET = "增值税税率或征收率"
#: The second seal's field, in turn page by page (both forms' names; absent ones skipped).
SECOND_TARGETS = (
    "增值税税额",
    "价税合计(小写)",
    "不含税价(小写)",
    "销售方开户银行",
    "销售方地址",
    "车价合计(小写)",
    "经营、拍卖单位",
    "车辆识别代号/车架号码",
    "销货单位名称",
)
#: Seal ink (RGB) and its strength: a stamp pad's red, a little uneven.
SEAL_RGB = (222, 48, 52)
#: Seal width in ink heights of the page's values (a 40 mm seal over 3 mm print).
SEAL_WIDTH_INKS = 13.0


def add_parser(sub: Any) -> None:
    """The ``seal`` subcommand on ``python -m desktop_app.bench``'s subparsers."""
    cmd = sub.add_parser("seal", help="field accuracy with a red seal over the values")
    cmd.add_argument("folder", type=Path, help="benchmark folder (its PNG/JPEG pages are used)")
    cmd.add_argument("--seed", type=int, default=1, help="seed of the seals' positions")
    cmd.add_argument("-v", "--verbose", action="store_true", help="list wrong fields")
    cmd.add_argument("--save", type=Path, default=None, help="also write the sealed pages here")


def main(args: argparse.Namespace) -> int:
    from desktop_app.bench.pages import load_pages
    from desktop_app.bench.scoring import PageScore, fold_value, score_page
    from desktop_app.core.model import RecognitionResult
    from desktop_app.recognition.local import LocalEngine

    engine = LocalEngine()
    engine.warm_up()
    rng = random.Random(args.seed)
    pages = [p for p in load_pages(args.folder) if p.path.suffix.lower() in (".png", ".jpg")]
    total, under, under_right = PageScore(), 0, 0
    for index, page in enumerate(pages):
        names = _targets(page.truth, index)
        image, seals = stamp(page.path, page.truth, names, rng)
        if args.save:
            args.save.mkdir(parents=True, exist_ok=True)
            (args.save / f"{page.stem}_seal.jpg").write_bytes(image.data)
        truth = RecognitionResult(tuple(page.truth))
        score = score_page(engine.recognize(image), truth)
        total.add(score)
        wrong = {name for name, _, _ in score.wrong}
        covered = [f.name for f in page.truth if f.value and _covered(f.rect, seals)]
        under += len(covered)
        under_right += sum(1 for name in covered if name not in wrong)
        print(
            f"{page.stem:28s} fields {score.right}/{score.fields}"
            f"  under a seal {len(covered) - len(wrong & set(covered))}/{len(covered)}",
            flush=True,
        )
        if args.verbose:
            for name, want, got in score.wrong:
                mark = " (under a seal)" if name in covered else ""
                print(f"    {name}{mark}: expected {fold_value(want)!r}, got {fold_value(got)!r}")
    print(f"all fields: {total.right}/{total.fields} = {100 * total.accuracy:.2f}%")
    print(f"fields under a seal: {under_right}/{under} = {100 * under_right / max(1, under):.2f}%")
    print(f"false fills: {total.false_fills}/{total.blanks}")
    return 0


def _targets(truth: Any, index: int) -> list[str]:
    """The tax rate (where the form has one) and one other value, in turn; two others on
    a form without a tax rate."""
    present = [n for n in SECOND_TARGETS if (f := truth.get(n)) is not None and f.value]
    rate = truth.get(FIRST_TARGET)
    first = [FIRST_TARGET] if rate is not None and rate.value else []
    others = [present[(index + k) % len(present)] for k in range(2 - len(first))] if present else []
    return first + others


def stamp(
    path: Path, truth: Any, names: list[str], rng: random.Random
) -> tuple[Any, list[tuple[float, float, float, float]]]:
    """The page at ``path`` with a seal over each named field's truth box, as a JPEG
    ``PageImage``, and each seal's ellipse (centre x, centre y, half width, half height)."""
    import cv2

    from desktop_app.documents.page import PageImage

    image = cv2.imread(str(path), cv2.IMREAD_COLOR)
    ink = statistics.median(f.rect.height for f in truth if f.rect and f.value)
    width = SEAL_WIDTH_INKS * ink
    seals = []
    for name in names:
        field = truth.get(name)
        if field is None or field.rect is None:
            continue
        r = field.rect
        cx = r.x + r.width / 2 + rng.uniform(-0.33, 0.33) * width
        cy = r.y + r.height / 2 + rng.uniform(-0.25, 0.25) * width
        seal = seal_mask(field_seller(truth), width, rng.uniform(-25, 25))
        _multiply(image, seal, cx, cy, rng.uniform(0.75, 0.95))
        seals.append((cx, cy, width / 2, seal.shape[0] / 2))
    _, data = cv2.imencode(".jpg", image, [cv2.IMWRITE_JPEG_QUALITY, 90])
    return PageImage(data.tobytes(), "image/jpeg", image.shape[1], image.shape[0]), seals


def field_seller(truth: Any) -> str:
    """The name round the seal's rim: the seller's (either form), else a plain one."""
    for name in ("销货单位名称", "经营、拍卖单位", "卖方单位/个人"):
        field = truth.get(name)
        if field is not None and field.value:
            return field.value
    return "汽车销售服务有限公司"


def seal_mask(name: str, width: float, angle: float) -> Any:
    """A seal's ink as a float mask (0..1), ``width`` pixels wide (oval 4:3), turned by
    ``angle`` degrees: a double rim, ``name`` round the upper arc, 发票专用章 across."""
    import numpy as np
    from PIL import Image, ImageDraw, ImageFilter, ImageFont

    from desktop_app.tools.einvoice_samples.sheet import font

    scale = 4  # drawn large, then shrunk: smooth strokes like a stamp's
    w, h = int(width * scale), int(width * 0.75 * scale)
    mask = Image.new("L", (w, h), 0)
    draw = ImageDraw.Draw(mask)
    rim = max(2, w // 60)
    draw.ellipse((rim, rim, w - rim, h - rim), outline=255, width=rim)
    size = max(8, int(h * 0.15))
    face = ImageFont.truetype(io.BytesIO(font().buffer), size)
    rx, ry = w / 2 - rim - size * 0.8, h / 2 - rim - size * 0.8
    text = name[:16]
    spread = min(220.0, 16.0 * len(text))
    for i, ch in enumerate(text):
        theta = math.radians(90 + spread / 2 - i * spread / max(1, len(text) - 1))
        tile = Image.new("L", (size * 2, size * 2), 0)
        ImageDraw.Draw(tile).text((size, size), ch, font=face, fill=255, anchor="mm")
        tile = tile.rotate(math.degrees(theta) - 90, resample=Image.Resampling.BICUBIC)
        cx, cy = w / 2 + rx * math.cos(theta), h / 2 - ry * math.sin(theta)
        mask.paste(255, (int(cx - size), int(cy - size)), tile)
    small = ImageFont.truetype(io.BytesIO(font().buffer), int(size * 1.1))
    draw.text((w / 2, h * 0.68), "发票专用章", font=small, fill=255, anchor="mm")
    mask = mask.rotate(angle, resample=Image.Resampling.BICUBIC, expand=True)
    mask = mask.filter(ImageFilter.GaussianBlur(scale * 0.4))
    out = mask.resize((max(1, mask.width // scale), max(1, mask.height // scale)))
    return np.asarray(out, dtype=np.float32) / 255.0


def _multiply(image: Any, mask: Any, cx: float, cy: float, strength: float) -> None:
    """Stamp ``mask`` in ``SEAL_RGB`` centred at (cx, cy): ink multiplies the page."""
    import numpy as np

    mh, mw = mask.shape
    x0, y0 = int(cx - mw / 2), int(cy - mh / 2)
    ix0, iy0 = max(0, x0), max(0, y0)
    ix1, iy1 = min(image.shape[1], x0 + mw), min(image.shape[0], y0 + mh)
    if ix1 <= ix0 or iy1 <= iy0:
        return
    part = mask[iy0 - y0 : iy1 - y0, ix0 - x0 : ix1 - x0, None] * strength
    colour = np.array(SEAL_RGB[::-1], dtype=np.float32) / 255.0  # BGR
    region = image[iy0:iy1, ix0:ix1].astype(np.float32)
    image[iy0:iy1, ix0:ix1] = np.clip(region * (1 - part + part * colour), 0, 255).astype(np.uint8)


def _covered(rect: Any, seals: list[tuple[float, float, float, float]]) -> bool:
    """Whether at least a fifth of ``rect`` lies inside one of the seals' ellipses."""
    if rect is None:
        return False
    for cx, cy, ax, ay in seals:
        inside = total = 0
        for i in range(8):
            for j in range(4):
                x = rect.x + rect.width * (i + 0.5) / 8
                y = rect.y + rect.height * (j + 0.5) / 4
                total += 1
                inside += ((x - cx) / ax) ** 2 + ((y - cy) / ay) ** 2 <= 1.0
        if inside >= 0.2 * total:
            return True
    return False
