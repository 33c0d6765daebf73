"""A motor-vehicle invoice page drawn by the tests themselves (Pillow + a CJK font).

Labels and values are placed at the template's own positions, so the page has the
form's geometry without any file from outside the project.
"""

from __future__ import annotations

import io
from pathlib import Path

from desktop_app.documents.page import PageImage
from desktop_app.recognition.local.labels import MOTOR_LABELS
from desktop_app.recognition.local.templates import MOTOR_LABEL_POSITIONS, MOTOR_SLOTS

FONT_CANDIDATES = (
    Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
    Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"),
    Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"),
)

VALUES = {
    "发票代码": "144001924327",
    "发票号码": "03681125",
    "开票日期": "2019-06-18",
    "机打代码": "144001924327",
    "机打号码": "03681125",
    "机器编号": "661234567890",
    "购买方名称": "广州明达物流有限公司",
    "车辆类型": "轿车",
    "厂牌型号": "丰田牌TV7250GLD",
    "车辆识别代号/车架号码": "LHGPAUWB7HM699102",
    "价税合计": "肆万圆整",
    "价税合计(小写)": "¥40000.00",
    "增值税税率或征收率": "13%",
    "增值税税额": "¥4601.77",
    "不含税价(小写)": "¥35398.23",
    "主管税务机关": "国家税务总局广州市天河区税务局",
    "限乘人数": "5",
}
SCALE = 1.1


def cjk_font_path() -> Path | None:
    """An installed font with Chinese glyphs, or None."""
    return next((p for p in FONT_CANDIDATES if p.is_file()), None)


def render_motor_page(font_path: Path, *, with_form: bool = True) -> PageImage:
    """A PNG page of the motor form holding :data:`VALUES` (or only values, no form)."""
    from PIL import Image, ImageDraw, ImageFont

    width, height = int(1000 * SCALE), int(900 * SCALE)
    image = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(image)
    small = ImageFont.truetype(str(font_path), int(15 * SCALE))
    value_font = ImageFont.truetype(str(font_path), int(17 * SCALE))
    if with_form:
        title = ImageFont.truetype(str(font_path), int(34 * SCALE))
        draw.text(
            (width / 2, 60 * SCALE),
            "机动车销售统一发票",
            fill=(140, 40, 30),
            font=title,
            anchor="mm",
        )
        for key, (x, y) in MOTOR_LABEL_POSITIONS.items():
            if key != "税控码":
                draw.text(
                    (x * SCALE, y * SCALE),
                    MOTOR_LABELS[key][0],
                    fill=(140, 40, 30),
                    font=small,
                    anchor="mm",
                )
    for name, value in VALUES.items():
        x, y = MOTOR_SLOTS[name].at
        draw.text((x * SCALE, y * SCALE), value, fill="black", font=value_font, anchor="lm")
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return PageImage(buffer.getvalue(), "image/png", width, height)
