"""Page layouts of the two vehicle e-invoice forms, as issuing-software versions differ.

The versions differ as real issuing software does: column widths, rows in another order,
other label wording (销售方名称 / 销货单位名称, 车辆识别代号/车架号码 / 车辆识别代号 ...),
group labels in a merged column at the left, labels inside the value boxes, and narrow
cells where long values wrap to two lines. The tables are in layouts_motor and
layouts_used.

The layout named in ``HOLDOUT`` for each form is never to be used for tuning a reader:
it is the benchmark's "layout not seen".
"""

from __future__ import annotations

from desktop_app.tools.einvoice_samples.layout_model import Layout
from desktop_app.tools.einvoice_samples.layouts_motor import MOTOR_LAYOUTS
from desktop_app.tools.einvoice_samples.layouts_used import USED_LAYOUTS
from desktop_app.tools.einvoice_samples.values import MOTOR, USED

LAYOUTS: dict[str, Layout] = {layout.name: layout for layout in (*MOTOR_LAYOUTS, *USED_LAYOUTS)}
HOLDOUT = {
    form: next(x.name for x in LAYOUTS.values() if x.form == form and x.holdout)
    for form in (MOTOR, USED)
}


def layouts_of(form: str, names: list[str] | None = None) -> list[Layout]:
    """The layouts of ``form``, optionally only those named in ``names``."""
    return [
        layout
        for layout in LAYOUTS.values()
        if layout.form == form and (names is None or layout.name in names)
    ]
