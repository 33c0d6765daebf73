"""The field schema matches field-schema.md."""

from __future__ import annotations

from desktop_app.core.schema import (
    MOTOR_FIELDS,
    USED_FIELDS,
    FormType,
    Group,
    canonical_name,
    detect_form,
    einvoice_title,
    field_spec,
    fields_of,
    is_einvoice_title,
)

MOTOR_NAMES = (
    "发票代码, 发票号码, 开票日期, 机打代码, 机打号码, 机器编号, 购买方名称, 身份证号码/组织机构代码, "
    "购买方纳税人识别号, 车辆类型, 厂牌型号, 产地, 合格证号, 进口证明书号, 商检单号, 发动机号码, "
    "车辆识别代号/车架号码, 价税合计, 价税合计(小写), 销货单位名称, 销售方电话, 销售方纳税人识别号, "
    "销售方账号, 销售方地址, 销售方开户银行, 增值税税率或征收率, 增值税税额, 主管税务机关, "
    "主管税务机关代码, 不含税价(小写), 吨位, 限乘人数, 开票人, 备注, 省, 市, 发票消费类型, 发票类型"
).split(", ")

USED_NAMES = (
    "发票代码, 发票号码, 开票日期, 机打代码, 机打号码, 机器编号, 买方单位/个人, 买方单位代码/身份证号码, "
    "买方单位/个人住址, 买方电话, 卖方单位/个人, 卖方单位代码/身份证号码, 卖方单位/个人住址, 卖方电话, "
    "车牌照号, 登记证号, 车辆类型, 车架号/车辆识别代码, 厂牌型号, 转入地车辆管理所名称, 车价合计(大写), "
    "车价合计(小写), 经营、拍卖单位, 经营、拍卖单位地址, 经营、拍卖单位纳税人识别号, "
    "经营、拍卖单位开户银行、账号, 经营、拍卖单位电话, 二手车市场, 二手车市场纳税人识别号, 二手车市场地址, "
    "二手车市场开户银行、账号, 二手车市场电话, 备注, 开票人, 省, 市, 发票消费类型, 发票类型"
).split(", ")


def test_both_forms_list_every_documented_name_in_form_order():
    assert [s.name for s in MOTOR_FIELDS] == MOTOR_NAMES
    assert [s.name for s in USED_FIELDS] == USED_NAMES
    assert fields_of(FormType.MOTOR) is MOTOR_FIELDS


def test_every_field_has_a_group_a_kind_and_an_english_label():
    for spec in (*MOTOR_FIELDS, *USED_FIELDS):
        assert isinstance(spec.group, Group)
        assert spec.label_en and spec.label.get("en") == spec.label_en
        assert spec.label.get("zh") == spec.name


def test_derived_fields_are_not_printed():
    derived = {s.name for s in MOTOR_FIELDS if not s.printed}
    assert derived == {"省", "市", "发票消费类型", "发票类型"}


def test_names_are_folded_to_the_documented_spelling():
    assert canonical_name("价税合计（小写）") == "价税合计(小写)"
    assert canonical_name("身份证号码／组织机构代码") == "身份证号码/组织机构代码"
    assert field_spec(FormType.MOTOR, "不含税价（小写）").name == "不含税价(小写)"
    assert field_spec(FormType.MOTOR, "完税凭证号码") is not None
    assert field_spec(FormType.USED, "价税合计(小写)") is None


def test_form_is_detected_from_invoice_type_or_names():
    assert detect_form([], "二手车销售统一发票") is FormType.USED
    assert detect_form(["发票代码", "车价合计(小写)"]) is FormType.USED
    assert detect_form(["发票代码", "价税合计(小写)"]) is FormType.MOTOR
    assert detect_form(["发票代码", "备注"]) is None


def test_einvoice_titles_name_their_form():
    assert einvoice_title(FormType.MOTOR) == "电子发票（机动车销售统一发票）"
    assert detect_form(["价税合计(小写)"], "电子发票（二手车销售统一发票）") is FormType.USED
    assert detect_form([], " 电子发票（机动车销售统一发票）") is FormType.MOTOR
    assert detect_form([], "电子发票（普通发票）") is None
    assert is_einvoice_title("电子发票（普通发票）")
    assert is_einvoice_title(einvoice_title(FormType.USED))
    assert not is_einvoice_title("机动车销售统一发票")
    assert not is_einvoice_title("电子发票(机动车销售统一发票)")  # ASCII brackets: not the title
