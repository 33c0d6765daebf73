"""Random but valid values of one paper invoice of a given generation.

The fields are drawn by issue 9's generator (``einvoice_samples.values.make_invoice``:
people, firms, places, cars, VINs, credit codes, IDs, amounts) and then made what a
paper invoice of the generation's years prints:

- a 12-digit 发票代码 (digits 2-3 the province) and an 8-digit 发票号码, repeated as
  机打代码/机打号码, a 12-digit 机器编号, a date inside the generation's period;
- the VIN's model-year character (position 10) at most the issue year, check digit
  recomputed;
- before the unified social credit code (2015-10-01) firms carry the identifiers of
  the time: a 15-character taxpayer number (6-digit region + GB 11714 organization
  code) and the organization code ``XXXXXXXX-X`` as 组织机构代码;
- the buyer's identifiers as the generation prints them (``PaperForm.buyer``);
- the tax rate of the date (17 % before 2018-05-01, 16 % to 2019-03-31, 13 % after;
  sometimes 3 %) with the amounts recomputed to the cent;
- 主管税务机关 named as before the 2018 merger (``…国家税务局``) on older invoices;
- the uppercase total as tax printers print it: ``圆`` or ``元``, ``整`` sometimes left
  off; the truth is what is printed (never rewritten).
"""

from __future__ import annotations

import datetime
import random
from dataclasses import replace
from decimal import ROUND_HALF_UP, Decimal

from desktop_app.core import identifiers as ids
from desktop_app.core.generations import CREDIT_CODE_INTRODUCED, organization_code_check_character
from desktop_app.core.money_words import format_money_words
from desktop_app.core.values import CENT, format_money, parse_money
from desktop_app.tools.einvoice_samples.values import Invoice, make_invoice
from desktop_app.tools.paper_samples.model import PaperForm

#: ISO 3779 model-year characters (position 10 of a VIN).
VIN_YEAR = dict(zip(range(2008, 2027), "89ABCDEFGHJKLMNPRST", strict=True))
#: Dealers print long 厂牌型号 that wrap to two lines in the cell.
LONG_MODELS = (
    "梅赛德斯-奔驰1991CC CLA 260 4MATIC",
    "宝马BMW7301AL(BMW 530Li) 豪华套装",
    "奥迪FV7201BACBG 45 TFSI quattro 臻选动感型",
)
_ORG_CHARS = "0123456789" * 3 + "ABCDEFGHJKLMNPQRTUWXY"
CIPHER_CHARS = "0123456789" * 2 + "+-*/<>"
RATE_17_UNTIL, RATE_16_UNTIL = datetime.date(2018, 5, 1), datetime.date(2019, 4, 1)
MERGED_TAX_OFFICES = datetime.date(2018, 7, 1)


def _digits(rng: random.Random, n: int) -> str:
    return "".join(str(rng.randrange(10)) for _ in range(n))


def draw_date(rng: random.Random, form: PaperForm) -> datetime.date:
    first, last = form.dates
    return first + datetime.timedelta(days=rng.randrange((last - first).days + 1))


def organization_code(rng: random.Random) -> str:
    """A GB 11714 organization code, printed ``XXXXXXXX-X``."""
    body = "".join(rng.choice(_ORG_CHARS) for _ in range(8))
    return f"{body}-{organization_code_check_character(body)}"


def old_taxpayer_number(district: str, org: str) -> str:
    """The 15-character taxpayer number of before the credit code: region + org code."""
    return district + org.replace("-", "")


def with_model_year(vin: str, year: int) -> str:
    """``vin`` with its model-year character set to ``year`` and the check digit redone."""
    body = vin[:9] + VIN_YEAR[year] + vin[10:]
    return body[:8] + ids.vin_check_digit(body) + body[9:]


def money_words_as_printed(rng: random.Random, amount: Decimal) -> str:
    """The uppercase amount as a tax printer prints it: 圆 or 元, 整 sometimes left off."""
    words = format_money_words(amount)
    if rng.random() < 0.45:
        words = words.replace("圆", "元")
    if words.endswith("整") and rng.random() < 0.25:
        words = words[:-1]
    return words


def rate_of(day: datetime.date, rng: random.Random) -> Decimal:
    if rng.random() < 0.06:
        return Decimal(3)
    if day < RATE_17_UNTIL:
        return Decimal(17)
    return Decimal(16) if day < RATE_16_UNTIL else Decimal(13)


def _head(rng: random.Random, province: str, day: datetime.date) -> dict[str, str]:
    code = f"1{province}{rng.choice(('00', '01', '02'))}{day:%y}{_digits(rng, 5)}"
    number = f"{rng.randrange(10**8):08d}"
    machine = str(rng.randrange(1, 10)) + _digits(rng, 11)
    return {
        "发票代码": code,
        "发票号码": number,
        "开票日期": day.isoformat(),
        "机打代码": code,
        "机打号码": number,
        "机器编号": machine,
    }


def _old_firm_ids(rng: random.Random, credit: str) -> tuple[str, str]:
    """(organization code, 15-character taxpayer number) of a firm whose credit code
    would be ``credit`` (same region)."""
    org = organization_code(rng)
    return org, old_taxpayer_number(credit[2:8], org)


def _motor_buyer(rng: random.Random, t: dict[str, str], form: PaperForm, old: bool) -> None:
    """The buyer's identifiers as ``form`` prints them (a firm when it has a tax number)."""
    firm_code = t["购买方纳税人识别号"]
    if firm_code and old:
        org, taxpayer = _old_firm_ids(rng, firm_code)
        t["身份证号码/组织机构代码"], firm_code = org, taxpayer
    if form.buyer == "old":
        t["购买方纳税人识别号"] = ""  # the form has no cell for it
    elif form.buyer == "split":
        # individuals leave it blank; some firms too (as the real photo's buyer)
        t["购买方纳税人识别号"] = firm_code if firm_code and rng.random() < 0.7 else ""
    else:  # one cell: the credit code when the buyer is a firm, else the resident ID
        t["购买方纳税人识别号"] = firm_code if ids.is_valid_credit_code(firm_code) else ""


def _motor_amounts(rng: random.Random, t: dict[str, str], day: datetime.date) -> Decimal:
    """Amounts at the date's rate; returns the net amount (the QR code's)."""
    total = parse_money(t["价税合计(小写)"])
    rate = rate_of(day, rng)
    net = (total / (1 + rate / 100)).quantize(CENT, ROUND_HALF_UP)
    t["增值税税率或征收率"] = f"{rate}%"
    t["增值税税额"] = format_money(total - net)
    t["不含税价(小写)"] = format_money(net)
    t["价税合计"] = money_words_as_printed(rng, total)
    return net


def _tax_office(t: dict[str, str], day: datetime.date) -> None:
    """Before the 2018 merger the state tax bureau of the district: 郑州市金水区国家税务局."""
    if day < MERGED_TAX_OFFICES:
        name = t["主管税务机关"].removeprefix("国家税务总局").removesuffix("税务局")
        t["主管税务机关"] = f"{name}国家税务局"


def _motor(rng: random.Random, t: dict[str, str], form: PaperForm, day: datetime.date) -> str:
    """Paper motor fields; returns the QR payload (2021 form) or ''."""
    old = day < CREDIT_CODE_INTRODUCED
    _motor_buyer(rng, t, form, old)
    if old:
        t["销售方纳税人识别号"] = _old_firm_ids(rng, t["销售方纳税人识别号"])[1]
    if rng.random() < 0.2:
        t["厂牌型号"] = rng.choice(LONG_MODELS)
    net = _motor_amounts(rng, t, day)
    _tax_office(t, day)
    if not form.qr:
        return ""
    check = _digits(rng, 20)
    tail = "".join(rng.choice("0123456789ABCDEF") for _ in range(4))
    return f"01,03,{t['发票代码']},{t['发票号码']},{net:.2f},{day:%Y%m%d},{check},{tail}"


def _used(rng: random.Random, t: dict[str, str], day: datetime.date) -> None:
    if day < CREDIT_CODE_INTRODUCED:
        for side in ("买方", "卖方"):
            name = f"{side}单位代码/身份证号码"
            if ids.is_valid_credit_code(t[name]):
                t[name] = _old_firm_ids(rng, t[name])[0]
        for name in ("经营、拍卖单位纳税人识别号", "二手车市场纳税人识别号"):
            if t[name]:
                t[name] = _old_firm_ids(rng, t[name])[1]
    t["车价合计(大写)"] = money_words_as_printed(rng, parse_money(t["车价合计(小写)"]))


def make_paper_invoice(rng: random.Random, form: PaperForm) -> Invoice:
    """An invoice of ``form``'s generation with every field drawn (truth = as printed)."""
    base = make_invoice(rng, form.form)
    day = draw_date(rng, form)
    t = dict(base.truth) | _head(rng, base.province, day)
    vin_name = "车辆识别代号/车架号码" if form.form == "motor" else "车架号/车辆识别代码"
    t[vin_name] = with_model_year(t[vin_name], rng.choice((day.year - 1, day.year)))
    qr = _motor(rng, t, form, day) if form.form == "motor" else _used(rng, t, day) or ""
    t["发票类型"] = form.title
    return replace(base, truth=t, printed={}, qr_payload=qr)


#: The check failures ``plant_failure`` prints (a dealer's typing error, as seen on real
#: invoices): the field it is in.
PLANTED = {"vin": "VIN check digit", "tax": "增值税税额 one yuan off the sum"}


def plant_failure(rng: random.Random, invoice: Invoice) -> tuple[Invoice, str]:
    """``invoice`` with one value a check proves wrong, printed (and so in the truth) as
    is; returns it and the kind (a key of ``PLANTED``)."""
    t = dict(invoice.truth)
    kind = "tax" if invoice.form == "motor" and rng.random() < 0.5 else "vin"
    if kind == "tax":
        t["增值税税额"] = format_money(parse_money(t["增值税税额"]) + 1)
    else:
        name = "车辆识别代号/车架号码" if invoice.form == "motor" else "车架号/车辆识别代码"
        vin = t[name]
        wrong = rng.choice([d for d in "0123456789X" if d != vin[8]])
        t[name] = vin[:8] + wrong + vin[9:]
    return replace(invoice, truth=t), kind


def cipher_lines(rng: random.Random, lines: int = 4, width: int = 27) -> list[str]:
    """The 税控码 block: lines of digits and ``+-*/<>`` (printed, no field)."""
    return ["".join(rng.choice(CIPHER_CHARS) for _ in range(width)) for _ in range(lines)]
