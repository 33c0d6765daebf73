"""Page layouts of the two vehicle e-invoice forms, as issuing-software versions differ.

The versions differ as real issuing software does: column widths, rows in another order,
other label wording (销售方名称 / 销货单位名称, 车辆识别代号/车架号码 / 车辆识别代号 ...),
group labels in a merged column at the left, labels inside the value boxes, and narrow
cells where long values wrap to two lines. The tables are in layouts_motor and
layouts_used.

The layout named in ``HOLDOUT`` for each form is never to be used for tuning a reader:
it is the benchmark's "layout not seen". ``BLIND`` holds ``motor-e`` and ``used-e``
(layouts_blind), designed without looking at the reader: holdout too, and used only when
named (``--layouts motor-e,used-e``), so the default set and its seeded output stay a..d.
``motor-f`` and ``used-f`` (layouts_blind_f) are a second blind round, the same way.
"""

from __future__ import annotations

from desktop_app.tools.einvoice_samples.layout_model import Layout
from desktop_app.tools.einvoice_samples.layouts_blind import BLIND_LAYOUTS
from desktop_app.tools.einvoice_samples.layouts_blind_f import BLIND_F_LAYOUTS
from desktop_app.tools.einvoice_samples.layouts_motor import MOTOR_LAYOUTS
from desktop_app.tools.einvoice_samples.layouts_used import USED_LAYOUTS
from desktop_app.tools.einvoice_samples.values import MOTOR, USED

LAYOUTS: dict[str, Layout] = {layout.name: layout for layout in (*MOTOR_LAYOUTS, *USED_LAYOUTS)}
#: Layouts only used when named; not in the default set.
BLIND: dict[str, Layout] = {layout.name: layout for layout in (*BLIND_LAYOUTS, *BLIND_F_LAYOUTS)}
HOLDOUT = {
    form: next(x.name for x in LAYOUTS.values() if x.form == form and x.holdout)
    for form in (MOTOR, USED)
}


def layouts_of(form: str, names: list[str] | None = None) -> list[Layout]:
    """The layouts of ``form``: the default set, or those named in ``names`` (blind ones too)."""
    if names is None:
        return [layout for layout in LAYOUTS.values() if layout.form == form]
    every = (*LAYOUTS.values(), *BLIND.values())
    return [layout for layout in every if layout.form == form and layout.name in names]
