"""Fields the service derives rather than reads: 省, 市, 发票类型, 发票消费类型."""

from __future__ import annotations

import re

from desktop_app.core.checks import province_of_invoice_code
from desktop_app.core.schema import FormType

CONSUMPTION_TYPE = "用车"
_CITY_SOURCE = {FormType.MOTOR: "主管税务机关", FormType.USED: "转入地车辆管理所名称"}
_PREFIXES = re.compile(r"^(国家税务总局|国家税务局|地方税务局)")
_PROVINCE = re.compile(r"^[\u4e00-\u9fff]{2,3}?(省|自治区)")
_CITY = re.compile(r"^([\u4e00-\u9fff]{2,4}?市)")


def city_of(text: str) -> str:
    """The city an office name starts with (``国家税务总局郑州市金水区税务局`` → ``郑州市``)."""
    rest = _PROVINCE.sub("", _PREFIXES.sub("", text.strip()))
    match = _CITY.match(rest)
    return match[1] if match else ""


def derived_values(form: FormType, values: dict[str, str]) -> dict[str, str]:
    """省, 市, 发票消费类型 and 发票类型 from the values read."""
    code = values.get("发票代码", "") or values.get("机打代码", "")
    province = province_of_invoice_code(code) or province_of_invoice_code(
        values.get("机打代码", "")
    )
    return {
        "省": province or "",
        "市": city_of(values.get(_CITY_SOURCE[form], "")),
        "发票消费类型": CONSUMPTION_TYPE,
        "发票类型": form.value,
    }
