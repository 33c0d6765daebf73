"""The clerk's messages of the reviewer's checks (``checks.py``), in Chinese and English.

Each entry is a (zh, en) pair of ``str.format`` templates. ``{field}`` is the first
field's name (its English label in ``en``); ``{other}`` another field's name.
"""

from __future__ import annotations

#: Every check in the order ``validate`` runs them: id, level, what it verifies (zh, en).
CHECK_TABLE: tuple[tuple[str, str, str, str], ...] = (
    ("invoice_code_format", "error", "发票代码为12位数字", "Invoice code is 12 digits"),
    ("invoice_number_format", "error", "发票号码为8位数字", "Invoice number is 8 digits"),
    ("machine_number_format", "error", "机器编号为12位数字", "Machine number is 12 digits"),
    ("printed_code_match", "error", "机打代码与发票代码一致", "Printed code = invoice code"),
    ("printed_number_match", "error", "机打号码与发票号码一致", "Printed no. = invoice no."),
    ("issue_date_format", "error", "开票日期是真实日期", "Issue date is a real date"),
    ("issue_date_future", "error", "开票日期不晚于今天", "Issue date is not in the future"),
    ("money_format", "error", "金额可以读出", "Amounts are readable"),
    ("total_sum", "error", "价税合计 = 不含税价 + 税额", "Total = price + VAT amount"),
    ("total_words", "error", "大写金额与小写金额一致", "Total in words = total in figures"),
    ("tax_amount", "warning", "税额 = 不含税价 × 税率", "VAT amount = price × rate"),
    ("tax_rate_value", "warning", "税率为17%、16%、13%或3%", "VAT rate is 17%, 16%, 13% or 3%"),
    ("tax_rate_period", "warning", "税率与开票日期相符", "VAT rate matches the issue date"),
    ("vin", "error", "车辆识别代号有效（ISO 3779）", "VIN is valid (ISO 3779)"),
    ("resident_id", "error", "18位身份证号码有效", "18-digit resident ID is valid"),
    ("credit_code", "error", "统一社会信用代码有效", "Unified social credit code is valid"),
    (
        "credit_code_length",
        "warning",
        "纳税人识别号/代码为18位",
        "Taxpayer/org. code has 18 characters",
    ),
    ("seat_count", "warning", "限乘人数为1-99的整数", "Seats is a whole number 1-99"),
    ("tonnage", "warning", "吨位为数字", "Tonnage is a number"),
    (
        "einvoice_number",
        "error",
        "数电发票号码：20位数字、年份、地区代码",
        "E-invoice no.: 20 digits, year, region",
    ),
    (
        "province",
        "warning",
        "省与发票代码第2-3位（数电：发票号码第3-4位）相符",
        "Province matches invoice code/no.",
    ),
    ("plate", "warning", "车牌照号格式正确", "Licence plate has a valid shape"),
    ("qr_match", "error", "号码、日期、金额与二维码一致", "Number, date, amount match the QR code"),
    ("printed_missing", "warning", "应打印的字段都已识别", "Every field the form prints was read"),
)

MESSAGES: dict[str, tuple[str, str]] = {
    "digits": ("{field}应为{n}位数字，现为“{v}”。", "{field} must be {n} digits; it reads “{v}”."),
    "twin": ("{field}“{v}”与{other}“{w}”不一致。", "{field} “{v}” differs from {other} “{w}”."),
    "date": ("开票日期“{v}”不是有效日期（年-月-日）。", "Issue date “{v}” is no real date."),
    "future": ("开票日期{v}晚于今天（{t}）。", "Issue date {v} is after today ({t})."),
    "money": ("{field}“{v}”不是有效金额（如¥40000.00）。", "{field} “{v}” is not an amount."),
    "words": ("{field}“{v}”不是大写金额（如肆万圆整）。", "{field} “{v}” is no amount in words."),
    "sum": (
        "价税合计{t}不等于不含税价{p}加税额{x}（应为{s}）。",
        "Total {t} is not price {p} plus VAT {x} (that is {s}).",
    ),
    "words_differ": (
        "{field}“{v}”（{a}）与{other}{n}不一致。",
        "{field} “{v}” ({a}) differs from {other} {n}.",
    ),
    "tax": ("税额{x}与不含税价{p}×{r}≈{e}不符。", "VAT {x} differs from price {p} × {r} ≈ {e}."),
    "rate": ("税率“{v}”不是17%、16%、13%或3%。", "VAT rate “{v}” is not 17%, 16%, 13% or 3%."),
    "rate_date": ("开票日期{d}适用{e}税率，发票为{v}。", "On {d} the VAT rate was {e}, not {v}."),
    "vin.length": ("{field}“{v}”应为17位，现为{n}位。", "{field} “{v}” has {n} characters."),
    "vin.forbidden_letter": ("{field}“{v}”不能含I、O、Q。", "{field} “{v}” contains I, O or Q."),
    "vin.character": ("{field}“{v}”只能含字母和数字。", "{field} “{v}” has a bad character."),
    "vin.check": (
        "{field}“{v}”第9位校验位应为{e}，可能有字符识别错误。",
        "{field} “{v}”: check digit should be {e}; a character may be misread.",
    ),
    "id.date": ("{field}“{v}”的出生日期无效。", "{field} “{v}” has an impossible birth date."),
    "id.check": ("{field}“{v}”校验位应为{e}。", "{field} “{v}”: check character should be {e}."),
    "credit.character": (
        "{field}“{v}”含统一社会信用代码不用的字符（I、O、S、V、Z）。",
        "{field} “{v}” has letters a credit code never uses (I, O, S, V, Z).",
    ),
    "credit.check": (
        "{field}“{v}”作为统一社会信用代码，校验位应为{e}。",
        "{field} “{v}”: credit code check character should be {e}.",
    ),
    "length": (
        "{field}“{v}”为{n}位，不是18位统一社会信用代码，请核对。",
        "{field} “{v}” has {n} characters, not the 18 of a credit code.",
    ),
    "length.old": (
        "{field}“{v}”是统一社会信用代码启用（2015-10-01）前的旧式代码；开票日期为{d}，请核对。",
        "{field} “{v}” is an identifier of the kind used before the credit code"
        " (2015-10-01); the invoice is dated {d}.",
    ),
    "missing": (
        "{field}在这类发票上都有打印，但未识别到，请对照原件填写。",
        "{field} is printed on every such invoice but was not read; fill it in from the paper.",
    ),
    "seats": ("限乘人数“{v}”应为1-99的整数。", "Seats “{v}” should be a whole number 1-99."),
    "tonnage": ("吨位“{v}”应为数字。", "Tonnage “{v}” should be a number."),
    "plate": (
        "{field}“{v}”不像车牌号（省份简称+字母+5或6位字母数字）。",
        "{field} “{v}” does not look like a plate (province, letter, 5-6 characters).",
    ),
    "province": (
        "省“{v}”与发票代码第2-3位（{c}，{e}）不符。",
        "Province “{v}” differs from invoice code digits 2-3 ({c}, {e}).",
    ),
    "province.einvoice": (
        "省“{v}”与发票号码第3-4位（{c}，{e}）不符。",
        "Province “{v}” differs from invoice number digits 3-4 ({c}, {e}).",
    ),
    "qr": (
        "{field}“{v}”与发票二维码（{e}）不一致。",
        "{field} “{v}” differs from the invoice's QR code ({e}).",
    ),
    "qr.amount": (
        "{field}“{v}”与发票二维码中的金额{e}不一致（二维码金额应等于价税合计、不含税价或车价合计之一）。",
        "{field} “{v}” differs from the QR code's amount {e} (it equals one of the totals).",
    ),
    "einvoice.length": (
        "数电发票的{field}应为20位数字，现为{n}位“{v}”。",
        "An e-invoice's {field} has 20 digits; “{v}” has {n}.",
    ),
    "einvoice.character": (
        "数电发票的{field}“{v}”只能含数字。",
        "An e-invoice's {field} “{v}” must hold digits only.",
    ),
    "einvoice.year": (
        "{field}“{v}”的年份{y}晚于开票日期{d}。",
        "{field} “{v}”: its year {y} is after the issue date {d}.",
    ),
    "einvoice.region": (
        "{field}“{v}”第3-4位“{c}”不是省级行政区划代码。",
        "{field} “{v}”: digits 3-4 “{c}” are no province code.",
    ),
}
