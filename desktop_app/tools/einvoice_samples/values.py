"""Random but valid values of one vehicle e-invoice (数电票), as truth and as printed.

``make_invoice(rng, form)`` draws every field of the form: a 20-digit 发票号码 (year,
GB/T 2260 province code, channel digit, sequence), VINs with their ISO 3779 check digit,
unified social credit codes with their GB 32100 check character, 18-digit resident IDs
with their GB 11643 check character, amounts that add up to the cent and the uppercase
total written by the project's own ``format_money_words``.

``Invoice.truth`` holds the values in the answer's conventions (field-schema.md, 数电
section); ``Invoice.printed`` what the page shows where the two differ (the date as
``2025年03月18日``).
"""

from __future__ import annotations

import datetime
import random
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from desktop_app.core import identifiers as ids
from desktop_app.core.money_words import format_money_words
from desktop_app.core.values import CENT, format_money
from desktop_app.tools.einvoice_samples import places as P

MOTOR, USED = "motor", "used"
TITLES = {MOTOR: "电子发票（机动车销售统一发票）", USED: "电子发票（二手车销售统一发票）"}
#: The second field of the QR payload: the invoice kind (31 专票, 32 普票, 33 机动车, 34 二手车).
QR_KINDS = {MOTOR: "33", USED: "34"}
#: The tenth VIN character for the model years the samples use.
VIN_YEARS = {2016: "G", 2018: "J", 2019: "K", 2021: "M", 2023: "P", 2024: "R", 2025: "S", 2026: "T"}
FIRST_DAY, LAST_DAY = datetime.date(2025, 1, 1), datetime.date(2026, 11, 30)
_VIN_CHARS = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"


@dataclass
class Invoice:
    """One invoice: form, truth values by field Name, printed overrides and the QR text."""

    form: str
    truth: dict[str, str]
    printed: dict[str, str] = field(default_factory=dict)
    qr_payload: str = ""
    province: str = ""  # GB/T 2260 code of the issuing tax office
    seal_office: str = ""  # second line of the seal: 河南省税务局

    @property
    def title(self) -> str:
        return TITLES[self.form]

    def shown(self, name: str) -> str:
        """The text printed for field ``name``."""
        return self.printed.get(name, self.truth.get(name, ""))


# --- identifiers ----------------------------------------------------------------------


def person_name(rng: random.Random) -> str:
    given = "".join(rng.choice(P.GIVEN) for _ in range(rng.choice((1, 2, 2))))
    return rng.choice(P.SURNAMES) + given


def resident_id(rng: random.Random, district: str) -> str:
    """A valid 18-digit resident ID (GB 11643) born in ``district``."""
    born = datetime.date(1960, 1, 1) + datetime.timedelta(days=rng.randrange(365 * 42))
    head = f"{district}{born:%Y%m%d}{rng.randrange(1000):03d}"
    return head + ids.resident_id_check_character(head)


def credit_code(rng: random.Random, district: str) -> str:
    """A valid unified social credit code (GB 32100) of a firm registered in ``district``."""
    org = "".join(rng.choice(ids.CREDIT_CODE_ALPHABET) for _ in range(9))
    head = f"91{district}{org}"
    return head + ids.credit_code_check_character(head)


def vin(rng: random.Random, model: P.CarModel, year: int) -> str:
    """A VIN of ``model`` with a valid check digit at position 9 (ISO 3779)."""
    plant = rng.choice("ABCDEFGHJKLMNPRSTUVWXYZ123456789")
    serial = f"{rng.randrange(10**6):06d}"
    body = f"{model.wmi}{model.vds}0{VIN_YEARS[year]}{plant}{serial}"
    return body[:8] + ids.vin_check_digit(body) + body[9:]


def invoice_number(rng: random.Random, date: datetime.date, province: str) -> str:
    """20 digits: 2-digit year, GB/T 2260 province code, channel digit, 15-digit sequence."""
    return f"{date:%y}{province}{rng.choice('2')}{rng.randrange(10**15):015d}"


def _alnum(rng: random.Random, n: int, alphabet: str = _VIN_CHARS) -> str:
    return "".join(rng.choice(alphabet) for _ in range(n))


def _digits(rng: random.Random, n: int) -> str:
    return str(rng.randrange(1, 10)) + "".join(str(rng.randrange(10)) for _ in range(n - 1))


def phone(rng: random.Random, city: P.City) -> str:
    if rng.random() < 0.3:
        return "1" + rng.choice("3589") + _digits(rng, 9)
    return f"{city.area_code}-{_digits(rng, 8 if len(city.area_code) == 3 else 7)}"


def address(rng: random.Random, city: P.City, district: str) -> str:
    number = f"{rng.randrange(1, 400)}号"
    return f"{city.name}{district}{rng.choice(P.ROADS)}{number}{rng.choice(P.ADDRESS_TAILS)}"


def firm(rng: random.Random, city: P.City, tails: tuple[str, ...]) -> str:
    return f"{city.short}{rng.choice(P.FIRM_WORDS)}{rng.choice(tails)}"


def bank(rng: random.Random, city: P.City, district: str) -> tuple[str, str]:
    pattern, digits = rng.choice(P.BANKS)
    return pattern.format(city=city.short, district=district), _digits(rng, digits)


def issue_date(rng: random.Random) -> datetime.date:
    return FIRST_DAY + datetime.timedelta(days=rng.randrange((LAST_DAY - FIRST_DAY).days + 1))


def _money(amount: Decimal) -> str:
    return format_money(amount)


def _printed_date(date: datetime.date) -> str:
    return f"{date.year}年{date.month:02d}月{date.day:02d}日"


def _qr_payload(
    form: str, number: str, amount: Decimal, date: datetime.date, rng: random.Random
) -> str:
    check = "".join(rng.choice("0123456789ABCDEF") for _ in range(4))
    return f"01,{QR_KINDS[form]},,{number},{amount:.2f},{date:%Y%m%d},,{check}"


def _city_of(city: P.City) -> str:
    """市 as the answer gives it: the city, or for a municipality the municipality."""
    return city.name


# --- the two forms --------------------------------------------------------------------


def _head(rng: random.Random, form: str, city: P.City) -> tuple[dict[str, str], datetime.date]:
    date = issue_date(rng)
    number = invoice_number(rng, date, city.province)
    head = {"发票代码": "", "发票号码": number, "开票日期": date.isoformat()}
    head |= {"机打代码": "", "机打号码": "", "机器编号": ""}
    return head, date


def _tail(form: str, city: P.City) -> dict[str, str]:
    province = ids.province_name(city.province) or ""
    return {"省": province, "市": _city_of(city), "发票消费类型": "用车", "发票类型": TITLES[form]}


def _seal_office(city: P.City) -> str:
    return (ids.province_name(city.province) or "") + "税务局"


def _motor_buyer(rng: random.Random) -> dict[str, str]:
    """A person (resident ID) or a firm (credit code, also its taxpayer number)."""
    home = rng.choice(P.CITIES)
    if rng.random() < 0.55:
        buyer, buyer_id = person_name(rng), resident_id(rng, rng.choice(home.districts)[0])
        buyer_tax = ""
    else:
        buyer = firm(rng, home, P.BUYER_FIRM_TAILS)
        buyer_id = credit_code(rng, rng.choice(home.districts)[0])
        buyer_tax = buyer_id
    return {
        "购买方名称": buyer,
        "身份证号码/组织机构代码": buyer_id,
        "购买方纳税人识别号": buyer_tax,
    }


def _motor_amounts(rng: random.Random) -> tuple[Decimal, dict[str, str]]:
    """The total and the amount fields: net = total / (1 + rate) to the cent, tax the rest."""
    total = (
        Decimal(rng.randrange(60_000, 900_000) * 100 + rng.choice((0, 0, rng.randrange(100)))) / 100
    )
    rate = Decimal(3) if rng.random() < 0.08 else Decimal(13)
    net = (total / (1 + rate / 100)).quantize(CENT, ROUND_HALF_UP)
    amounts = {"价税合计": format_money_words(total), "价税合计(小写)": _money(total)}
    amounts |= {"增值税税率或征收率": f"{rate}%", "增值税税额": _money(total - net)}
    return total, amounts | {"不含税价(小写)": _money(net)}


def _motor_vehicle(rng: random.Random, model: P.CarModel, year: int) -> dict[str, str]:
    """The vehicle cells; an imported car has import and inspection numbers, no 合格证号."""
    imported = model.imported
    return {
        "车辆类型": model.kind,
        "厂牌型号": model.label + rng.choice(P.MODEL_TRIMS),
        "产地": model.origin,
        "合格证号": "" if imported else f"W{_alnum(rng, 2, 'ABCDEFGHJKLMN')}{_digits(rng, 12)}",
        "进口证明书号": f"{_digits(rng, 15)}" if imported else "",
        "商检单号": f"{_digits(rng, 18)}" if imported else "",
        "发动机号码": _alnum(rng, rng.choice((8, 9, 10)), "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"),
        "车辆识别代号/车架号码": vin(rng, model, rng.choice((year - 1, year))),
        "吨位": model.tonnage,
        "限乘人数": model.seats,
        "完税凭证号码": "",
    }


def _motor_seller(
    rng: random.Random,
    city: P.City,
    district: tuple[str, str],
    tails: tuple[str, ...],
    bank_data: tuple[str, str],
) -> dict[str, str]:
    """The dealer and its tax office (in the dealer's district)."""
    code, name = district
    return {
        "销货单位名称": firm(rng, city, tails),
        "销售方电话": phone(rng, city),
        "销售方纳税人识别号": credit_code(rng, code),
        "销售方账号": bank_data[1],
        "销售方地址": address(rng, city, name),
        "销售方开户银行": bank_data[0],
        "主管税务机关": f"国家税务总局{city.name}{name}税务局",
        "主管税务机关代码": f"1{code}00",
    }


def make_motor(rng: random.Random) -> Invoice:
    """A 电子发票（机动车销售统一发票） with every field drawn."""
    city = rng.choice(P.CITIES)
    district = rng.choice(city.districts)
    t, date = _head(rng, MOTOR, city)
    model = rng.choice(P.CAR_MODELS)
    t |= _motor_buyer(rng)
    total, amounts = _motor_amounts(rng)
    bank_data = bank(rng, city, district[1])
    tails = P.LONG_FIRM_TAILS if rng.random() < 0.25 else P.MOTOR_FIRM_TAILS
    t |= _motor_vehicle(rng, model, date.year) | amounts
    t |= _motor_seller(rng, city, district, tails, bank_data)
    t |= {"开票人": person_name(rng), "备注": rng.choice(P.MOTOR_REMARKS)}
    t |= _tail(MOTOR, city)
    printed = {"开票日期": _printed_date(date)}
    qr = _qr_payload(MOTOR, t["发票号码"], total, date, rng)
    return Invoice(MOTOR, t, printed, qr, city.province, _seal_office(city))


def _party(rng: random.Random) -> tuple[str, str, str, str]:
    """(name, code or ID, address, phone) of a person or a firm."""
    city = rng.choice(P.CITIES)
    code, district = rng.choice(city.districts)
    if rng.random() < 0.7:
        return (
            person_name(rng),
            resident_id(rng, code),
            address(rng, city, district),
            phone(rng, city),
        )
    name = firm(rng, city, P.BUYER_FIRM_TAILS)
    return name, credit_code(rng, code), address(rng, city, district), phone(rng, city)


def _registry(city: P.City) -> str:
    if city.name == "北京市":
        return "北京市公安局公安交通管理局车辆管理所"
    return f"{city.name}公安局交通警察{'总队' if city.municipality else '支队'}车辆管理所"


DEALER_NAMES = ("经营、拍卖单位", "经营、拍卖单位地址", "经营、拍卖单位纳税人识别号")
DEALER_NAMES += ("经营、拍卖单位开户银行、账号", "经营、拍卖单位电话")
MARKET_NAMES = ("二手车市场", "二手车市场纳税人识别号", "二手车市场地址")
MARKET_NAMES += ("二手车市场开户银行、账号", "二手车市场电话")


def _used_issuer(rng: random.Random, city: P.City, district: tuple[str, str]) -> dict[str, str]:
    """A dealer or auction house issues most used-car invoices, a market the rest; the
    other one's cells stay blank."""
    code, name = district
    issuer = firm(rng, city, P.USED_DEALER_TAILS), credit_code(rng, code)
    bank_name, account = bank(rng, city, name)
    dealer = [issuer[0], address(rng, city, name), issuer[1], f"{bank_name} {account}"]
    dealer.append(phone(rng, city))
    market = [firm(rng, city, P.MARKET_TAILS), credit_code(rng, code)]
    market += [address(rng, city, name), " ".join(bank(rng, city, name)), phone(rng, city)]
    if rng.random() < 0.6:
        market = [""] * len(MARKET_NAMES)
    else:
        dealer = [""] * len(DEALER_NAMES)
    return dict(zip(DEALER_NAMES, dealer, strict=True)) | dict(
        zip(MARKET_NAMES, market, strict=True)
    )


def _used_vehicle(
    rng: random.Random, city: P.City, model: P.CarModel, plate: str
) -> dict[str, str]:
    return {
        "车牌照号": plate,
        "登记证号": _digits(rng, 12),
        "车辆类型": model.kind,
        "车架号/车辆识别代码": vin(rng, model, rng.choice((2016, 2018, 2019, 2021, 2023))),
        "厂牌型号": model.label + rng.choice(P.MODEL_TRIMS),
        "转入地车辆管理所名称": _registry(city),
    }


def make_used(rng: random.Random) -> Invoice:
    """A 电子发票（二手车销售统一发票） with every field drawn."""
    city = rng.choice(P.CITIES)
    district = rng.choice(city.districts)
    t, date = _head(rng, USED, city)
    model = rng.choice(P.CAR_MODELS)
    price = Decimal(rng.randrange(15, 400) * 1000 + rng.choice((0, 0, 500, rng.randrange(1000))))
    for side, party in zip(("买方", "卖方"), (_party(rng), _party(rng)), strict=True):
        names = (
            f"{side}单位/个人",
            f"{side}单位代码/身份证号码",
            f"{side}单位/个人住址",
            f"{side}电话",
        )
        t |= dict(zip(names, party, strict=True))
    plate = city.plate + _alnum(rng, 5, "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789")
    issuer = _used_issuer(rng, city, district)
    t |= _used_vehicle(rng, city, model, plate) | issuer
    t |= {"车价合计(大写)": format_money_words(price), "车价合计(小写)": _money(price)}
    t |= {"备注": rng.choice(P.USED_REMARKS), "开票人": person_name(rng)}
    t |= _tail(USED, city)
    printed = {"开票日期": _printed_date(date)}
    qr = _qr_payload(USED, t["发票号码"], price, date, rng)
    return Invoice(USED, t, printed, qr, city.province, _seal_office(city))


def make_invoice(rng: random.Random, form: str) -> Invoice:
    """An invoice of ``form`` (``motor`` or ``used``)."""
    return make_motor(rng) if form == MOTOR else make_used(rng)
