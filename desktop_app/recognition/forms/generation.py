"""Which generation of its form a page is, told from the labels printed on it.

Not from the page's size or the position of its cells (print runs and scans move
them), but from the wordings only one generation prints:

``motor-2021``  the buyer's one ID cell 纳税人识别号/统一社会信用代码/身份证明号码 (or
                another order of those names) beside 购买方名称 (国家税务总局公告2020年第23号);
``motor-2015``  the merged cell 购买方名称及身份证号码/组织机构代码 and a separate buyer
                纳税人识别号 cell;
``motor-2014``  购货单位(人) and 身份证号码/组织机构代码 with no buyer 纳税人识别号;
``used-old`` / ``used-current``  二手车 forms: the old layout (as the paper page
                generator assumes it: no specimen was found) prints the dealer's
                纳税人识别号 on the row of its name 经营、拍卖单位, the current one on the
                row of its address;
``einvoice``    a 数电 e-invoice (its title 电子发票（…）), printed or not.

``""`` when the labels read do not tell (too few of them read).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from desktop_app.core import generations as G
from desktop_app.core.schema import FormType
from desktop_app.documents.page_text import Box
from desktop_app.recognition.forms.kind import InvoiceKind

#: Buyer ID cells of the 2021 layout: credit code and ID number in one cell.
_ONE_BUYER_CELL = ("统一社会信用代码", "身份证明号码")
_MERGED_2015 = "购买方名称及身份证号码/组织机构代码"
_OLD_BUYER = ("购货单位(人)", "购货单位")


@dataclass(frozen=True)
class SeenLabel:
    """A label read on the page: its printed wording (folded), its field and section, its box."""

    wording: str
    name: str
    section: str | None
    box: Box


def generation_of(kind: InvoiceKind, seen: Sequence[SeenLabel]) -> str:
    """The generation of the page whose labels are ``seen`` (see the module's docstring)."""
    if kind.electronic:
        return G.EINVOICE
    if kind.form is FormType.USED:
        return _used(seen)
    wordings = {s.wording for s in seen}
    if any(all(part in w for part in _ONE_BUYER_CELL) for w in wordings):
        return G.MOTOR_2021
    if _MERGED_2015 in wordings or any(s.name == "购买方纳税人识别号" for s in seen):
        return G.MOTOR_2015
    if wordings & set(_OLD_BUYER) or "身份证号码/组织机构代码" in wordings:
        return G.MOTOR_2014
    if any(s.name == "购买方名称" and s.wording == "购买方名称" for s in seen):
        return G.MOTOR_2021
    return ""


def _used(seen: Sequence[SeenLabel]) -> str:
    """``used-old`` when the dealer's taxpayer number stands on the row of its name."""
    name = [s for s in seen if s.name == "经营、拍卖单位" and s.section is None]
    number = [s for s in seen if s.name == "经营、拍卖单位纳税人识别号"]
    if not name or not number:
        return ""
    a, b = name[0].box, number[0].box
    overlap = min(a[3], b[3]) - max(a[1], b[1])
    same_row = overlap > 0.5 * min(a[3] - a[1], b[3] - b[1])
    return G.USED_OLD if same_row else G.USED_CURRENT
