"""The label-and-cell reader on pages it has never seen: other widths, moved rows, wordings."""

from __future__ import annotations

import pytest

from desktop_app.core.errors import RecognitionError
from desktop_app.core.schema import FormType
from desktop_app.recognition.forms import read_form
from desktop_app.recognition.forms.answer import answer_fields
from desktop_app.recognition.forms.kind import NOT_A_VEHICLE_INVOICE, NOT_AN_INVOICE
from tests.unit.forms.page_builder import span, table

TITLE = [span("电子发票（机动车销售统一发票）", 300, 40, 30)]
HEAD = [
    span("发票号码：", 900, 100),
    span("25312000000012345678", 1010, 100),
    span("开票日期：", 900, 130),
    span("2025年03月18日", 1010, 130),
]

MOTOR_ROWS = [
    [
        ("购买方名称", 160),
        ("上海某某汽车租赁有限公司", 420),
        ("统一社会信用代码/纳税人识别号/身份证明号码", 440),
        ("91310000MA1FL0XX2B", 300),
    ],
    [
        ("车辆类型", 120),
        ("轿车", 200),
        ("厂牌型号", 120),
        ("梅赛德斯-奔驰1991CC\nCLA 260 4MATIC", 400),
        ("产地", 80),
        ("北京市", 320),
    ],
    [
        ("合格证号", 120),
        ("WDD1234567890123", 320),
        ("进口证明书号", 160),
        ("", 300),
        ("商检单号", 120),
        ("", 220),
    ],
    [
        ("发动机号码", 160),
        ("27491031234567", 380),
        ("车辆识别代号/车架号码", 300),
        ("LE4ZG8DB1ML123456", 400),
    ],
    [("价税合计", 160), ("⊗叁拾万零捌佰元整", 560), ("（小写）¥300800.00", 520)],
    [
        ("销货单位名称", 160),
        ("上海某某汽车销售服务有限公司", 500),
        ("统一社会信用代码/纳税人识别号", 320),
        ("91310115MA1H7XXX1C", 280),
    ],
    [("电话", 160), ("021-12345678", 500), ("账号", 300), ("31001234567890", 280)],
    [
        ("地址", 160),
        ("上海市浦东新区某某路1号", 500),
        ("开户银行", 300),
        ("中国工商银行上海分行", 280),
    ],
    [
        ("增值税税率或征收率", 220),
        ("13%", 160),
        ("增值税税额", 160),
        ("¥34604.42", 200),
        ("主管税务机关及代码", 200),
        ("国家税务总局上海市浦东新区税务局 131011500", 460),
    ],
    [
        ("不含税价", 160),
        ("（小写）¥266195.58", 300),
        ("完税凭证号码", 160),
        ("", 200),
        ("吨位", 100),
        ("", 120),
        ("限乘人数", 120),
        ("5", 100),
    ],
    [("备注", 160), ("一车一票", 1080)],
]


def motor_page(rows=MOTOR_ROWS):
    return table(rows, header=TITLE + HEAD)


def values(page) -> dict[str, str]:
    return {f.name: f.value for f in answer_fields(read_form(page))}


def test_motor_einvoice_every_field() -> None:
    got = values(motor_page())
    assert got["发票号码"] == "25312000000012345678"
    assert got["开票日期"] == "2025-03-18"
    assert got["发票代码"] == got["机打代码"] == got["机打号码"] == got["机器编号"] == ""
    assert got["购买方名称"] == "上海某某汽车租赁有限公司"
    assert got["身份证号码/组织机构代码"] == "91310000MA1FL0XX2B"
    assert got["购买方纳税人识别号"] == "91310000MA1FL0XX2B"
    assert got["厂牌型号"] == "梅赛德斯-奔驰1991CCCLA 260 4MATIC"
    assert got["产地"] == "北京市"
    assert got["进口证明书号"] == got["商检单号"] == got["完税凭证号码"] == got["吨位"] == ""
    assert got["车辆识别代号/车架号码"] == "LE4ZG8DB1ML123456"
    assert got["价税合计"] == "叁拾万零捌佰元整"
    assert got["价税合计(小写)"] == "¥300800.00"
    assert got["不含税价(小写)"] == "¥266195.58"
    assert got["销货单位名称"] == "上海某某汽车销售服务有限公司"
    assert got["销售方纳税人识别号"] == "91310115MA1H7XXX1C"
    assert got["销售方电话"] == "021-12345678"
    assert got["销售方账号"] == "31001234567890"
    assert got["销售方地址"] == "上海市浦东新区某某路1号"
    assert got["销售方开户银行"] == "中国工商银行上海分行"
    assert got["增值税税率或征收率"] == "13%"
    assert got["增值税税额"] == "¥34604.42"
    assert got["主管税务机关"] == "国家税务总局上海市浦东新区税务局"
    assert got["主管税务机关代码"] == "131011500"
    assert got["限乘人数"] == "5"
    assert got["进口证明书号"] == ""
    assert got["备注"] == "一车一票"
    assert got["省"] == "上海市"
    assert got["市"] == "上海市"
    assert got["发票类型"] == "电子发票（机动车销售统一发票）"
    assert got["发票消费类型"] == "用车"


def test_boxes_sit_on_the_value_text() -> None:
    fields = {f.name: f for f in answer_fields(read_form(motor_page()))}
    vin = fields["车辆识别代号/车架号码"]
    assert vin.rect is not None
    assert vin.rect.width == pytest.approx(17 * 20)
    assert fields["商检单号"].polygon is None
    assert fields["省"].polygon is None


def test_other_widths_moved_rows_and_wordings_read_alike() -> None:
    rows = [list(row) for row in MOTOR_ROWS]
    rows[0], rows[3] = rows[3], rows[0]  # moved rows
    rows = [[(t, w * 1.3) for t, w in row] for row in rows]  # other widths
    rows[5][0] = ("销售方名称", 208)  # another wording
    rows[3][2] = ("身份证号码/组织机构代码", 390)
    got = values(motor_page(rows))
    assert got["销货单位名称"] == "上海某某汽车销售服务有限公司"
    assert got["身份证号码/组织机构代码"] == "91310000MA1FL0XX2B"
    assert got["车辆识别代号/车架号码"] == "LE4ZG8DB1ML123456"
    assert got["销售方电话"] == "021-12345678"


def test_resident_id_is_not_a_buyer_taxpayer_number() -> None:
    rows = [list(row) for row in MOTOR_ROWS]
    rows[0][3] = ("11010519491231002X", 360)
    got = values(motor_page(rows))
    assert got["身份证号码/组织机构代码"] == "11010519491231002X"
    assert got["购买方纳税人识别号"] == ""


def test_another_einvoice_is_refused_by_name() -> None:
    page = table([[("名称", 100), ("某公司", 300)]], header=[span("电子发票（普通发票）", 300, 40)])
    with pytest.raises(RecognitionError) as caught:
        read_form(page)
    assert caught.value.code == NOT_A_VEHICLE_INVOICE
    assert "电子发票（普通发票）" in caught.value.one_line("zh")


def test_a_page_without_an_invoice_title_is_refused() -> None:
    page = table([[("名称", 100), ("某公司", 300)]], header=[span("会议纪要", 300, 40)])
    with pytest.raises(RecognitionError) as caught:
        read_form(page)
    assert caught.value.code == NOT_AN_INVOICE


def test_used_car_sections_tell_the_four_telephones_apart() -> None:
    rows = [
        [
            ("买方单位/个人", 160),
            ("张三", 300),
            ("单位代码/身份证号码", 240),
            ("11010519491231002X", 300),
        ],
        [
            ("买方单位/个人住址", 200),
            ("北京市朝阳区某路2号", 400),
            ("电话", 100),
            ("13800000001", 300),
        ],
        [
            ("卖方单位/个人", 160),
            ("李四", 300),
            ("单位代码/身份证号码", 240),
            ("110101198001010010", 300),
        ],
        [
            ("卖方单位/个人住址", 200),
            ("北京市海淀区某路3号", 400),
            ("电话", 100),
            ("13800000002", 300),
        ],
        [("车价合计（大写）", 200), ("壹拾万元整", 400), ("（小写）", 100), ("¥100000.00", 300)],
        [("经营、拍卖单位", 200), ("北京某某二手车经纪有限公司", 800)],
        [
            ("经营、拍卖单位地址", 200),
            ("北京市丰台区某路4号", 400),
            ("纳税人识别号", 160),
            ("91110106MA01XXXX3D", 240),
        ],
        [
            ("开户银行、账号", 200),
            ("中国银行 6216600000000001", 400),
            ("电话", 160),
            ("010-88888888", 240),
        ],
        [
            ("二手车市场", 200),
            ("北京某某二手车交易市场", 400),
            ("纳税人识别号", 160),
            ("91110106MA01YYYY4E", 240),
        ],
        [("地址", 200), ("北京市丰台区某路5号", 400), ("电话", 160), ("010-66666666", 240)],
    ]
    header = [
        span("电子发票（二手车销售统一发票）", 300, 40, 30),
        span("发票号码：", 900, 100),
        span("25112000000087654321", 1010, 100),
    ]
    reading = read_form(table(rows, header=header))
    assert reading.form is FormType.USED
    got = {f.name: f.value for f in answer_fields(reading)}
    assert got["买方电话"] == "13800000001"
    assert got["卖方电话"] == "13800000002"
    assert got["经营、拍卖单位电话"] == "010-88888888"
    assert got["二手车市场电话"] == "010-66666666"
    assert got["经营、拍卖单位开户银行、账号"] == "中国银行 6216600000000001"
    assert got["二手车市场地址"] == "北京市丰台区某路5号"
    assert got["经营、拍卖单位地址"] == "北京市丰台区某路4号"
    assert got["车价合计(大写)"] == "壹拾万元整"
    assert got["车价合计(小写)"] == "¥100000.00"
    assert got["省"] == "北京市"


def test_values_under_a_header_row_of_labels() -> None:
    """Labels in a header row, values in the row below (a vehicle table)."""
    rows = [
        [("车辆类型", 200), ("厂牌型号", 400), ("产地", 200)],
        [("轿车", 200), ("丰田牌TV7250", 400), ("天津", 200)],
        [("合格证号", 200), ("进口证明书号", 400), ("限乘人数", 200)],
        [("WTB123", 200), ("", 400), ("5", 200)],
    ]
    got = values(table(rows, header=TITLE + HEAD, row_height=36))
    assert got["车辆类型"] == "轿车"
    assert got["厂牌型号"] == "丰田牌TV7250"
    assert got["产地"] == "天津"
    assert got["合格证号"] == "WTB123"
    assert got["限乘人数"] == "5"


def test_contact_rows_after_the_amounts_belong_to_the_seller() -> None:
    rows = [
        [("销售方名称", 200), ("某汽车销售有限公司", 600)],
        [("价税合计", 200), ("壹拾万元整", 400), ("（小写）¥100000.00", 200)],
        [("不含税价", 200), ("¥88495.58", 600)],
        [("地址", 200), ("某市某路1号", 300), ("电话", 100), ("0123-4567890", 200)],
    ]
    got = values(table(rows, header=TITLE + HEAD))
    assert got["销售方地址"] == "某市某路1号"
    assert got["销售方电话"] == "0123-4567890"
    assert got["价税合计(小写)"] == "¥100000.00"


def test_remarks_named_only_by_a_side_header() -> None:
    page = table([[("", 60), ("分期付款", 600)]], header=TITLE + HEAD)
    side = [span("备", 46, 205), span("注", 46, 230)]  # printed down the first cell
    page = type(page)(page.width, page.height, page.dpi, page.spans + tuple(side), page.rules)
    assert values(page)["备注"] == "分期付款"


def test_a_blank_box_headed_by_its_label_does_not_take_the_next_row() -> None:
    """商检单号 on the top line of its box, blank: the amount row under it is not its value."""
    rows = [
        [("商检单号", 200), ("进口证明书号", 300)],
        [("价税合计", 200), ("壹拾万元整", 300)],
    ]
    got = values(table(rows, header=TITLE + HEAD, row_height=80))
    assert got["商检单号"] == ""
    assert got["价税合计"] == "壹拾万元整"


def test_footer_notes_and_other_signatures_are_not_values() -> None:
    footer = [
        span("开票人：张三", 60, 900),
        span("收款人：李四", 400, 900),
        span("销货单位（盖章）", 700, 900),
    ]
    rows = [[("销货单位名称", 200), ("某汽车销售有限公司", 400)]]
    got = values(table(rows, header=TITLE + HEAD + footer))
    assert got["开票人"] == "张三"
    assert got["销货单位名称"] == "某汽车销售有限公司"


def test_a_label_a_space_and_its_value_in_one_run() -> None:
    rows = [[("销售方名称", 200), ("某公司", 300)], [("电话 0371-1234567", 500)]]
    assert values(table(rows, header=TITLE + HEAD))["销售方电话"] == "0371-1234567"


def test_a_label_never_continues_across_a_rule() -> None:
    """卖方单位/个人 over 住址 in the next row is two labels, not 卖方单位/个人住址."""
    rows = [
        [("卖方单位/个人", 200), ("罗子", 400)],
        [("住址", 200), ("某市某路2号", 400)],
    ]
    header = [span("电子发票（二手车销售统一发票）", 300, 40, 30)]
    got = values(table(rows, header=header, row_height=22))
    assert got["卖方单位/个人"] == "罗子"
    assert got["卖方单位/个人住址"] == "某市某路2号"


def test_a_block_name_run_into_a_generic_label() -> None:
    rows = [
        [("二手车市场", 200), ("", 400)],
        [("二手车市场地址", 200), ("某市某路5号", 400)],
        [("二手车市场电话", 200), ("010-1234567", 400)],
    ]
    header = [span("电子发票（二手车销售统一发票）", 300, 40, 30)]
    got = values(table(rows, header=header))
    assert got["二手车市场"] == ""
    assert got["二手车市场地址"] == "某市某路5号"
    assert got["二手车市场电话"] == "010-1234567"


def test_a_label_wrapped_on_overlapping_ocr_boxes_is_joined() -> None:
    """OCR boxes are padded: the second line of a wrapped label overlaps the first."""
    from desktop_app.documents.page_text import ORIGIN_OCR, PageText, Rule, TextSpan
    from desktop_app.recognition.forms import read_form

    spans = (
        TextSpan("机动车销售统一发票", (300, 20, 600, 60)),
        TextSpan("主管税务", (651, 833, 719, 857)),
        TextSpan("机关及代码", (642, 849, 726, 873)),
        TextSpan("国家税务总局郑州市金水区税务局", (735, 835, 1010, 865)),
        TextSpan("410136469", (739, 865, 833, 886)),
    )
    rules = (
        Rule(620, 825, 1070, 825),
        Rule(620, 890, 1070, 890),
        Rule(620, 825, 620, 890),
        Rule(730, 825, 730, 890),
        Rule(1070, 825, 1070, 890),
    )
    page = PageText(1100, 1000, 150, spans, rules, origin=ORIGIN_OCR)
    reading = read_form(page)
    assert reading.values["主管税务机关"].value.startswith("国家税务总局郑州市金水区税务局")


def test_a_rule_missing_between_a_value_and_the_next_label() -> None:
    """OCR'd scans lose rules: 车牌照号 | 苏A12345 登记证号 | 1234 with no rule before 登记证号."""
    rows = [[("车牌照号", 160), ("苏A12345  登记证号", 420), ("807310025993", 300)]]
    header = [span("电子发票（二手车销售统一发票）", 300, 40, 30)]
    page = table(rows, header=header)
    got = values(page)
    assert got["车牌照号"] == "苏A12345"
    assert got["登记证号"] == "807310025993"
