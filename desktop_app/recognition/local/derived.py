"""Fields the service derives rather than reads: 省, 市, 发票类型, 发票消费类型."""

from __future__ import annotations

from desktop_app.core.checks import province_of_invoice_code
from desktop_app.core.places import city_of
from desktop_app.core.schema import FormType

CONSUMPTION_TYPE = "用车"
_CITY_SOURCE = {FormType.MOTOR: "主管税务机关", FormType.USED: "转入地车辆管理所名称"}


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
