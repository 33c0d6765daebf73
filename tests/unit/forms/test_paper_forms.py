"""The label-and-cell reader on the paper forms' label forms (2014, 2015, 2021, 二手车).

Pages are built as OCR gives them (spans without character boxes, unless a test
says otherwise) on ruled tables, so the reader's geometry is what is tested.
"""

from __future__ import annotations

from dataclasses import replace

from desktop_app.core import generations as G
from desktop_app.documents.page_text import ORIGIN_OCR, PageText, Rule, TextSpan
from desktop_app.recognition.forms import read_form
from desktop_app.recognition.forms.answer import answer_fields
from desktop_app.recognition.forms.fuzzy import edit_distance, misread_label
from tests.unit.forms.page_builder import span, table

PAPER_TITLE = [span("机动车销售统一发票", 300, 40, 30)]
PAPER_HEAD = [
    span("发票代码", 800, 110),
    span("141002027893", 890, 112),
    span("发票号码", 800, 140),
    span("28792174", 890, 142),
    span("开票日期", 60, 170),
    span("2020-08-20", 150, 172),
]
MACHINE = [("机打代码\n机打号码\n机器编号", 160), ("141002027893\n28792174\n967929081003", 460)]


def ocr(page: PageText) -> PageText:
    """``page`` as OCR lines give it: no character boxes, OCR origin."""
    spans = tuple(TextSpan(s.text, s.box, (), s.size, s.score) for s in page.spans)
    return replace(page, spans=spans, origin=ORIGIN_OCR)


def answer(page: PageText) -> dict[str, str]:
    return {f.name: f.value for f in answer_fields(read_form(page))}


def seller_rows(rate_label: str = "增值税税率\n或征收率") -> list[list[tuple[str, float]]]:
    return [
        [
            ("销货单位名称", 160),
            ("郑州利星汽车销售有限公司", 460),
            ("电话", 80),
            ("0371-0954611", 300),
        ],
        [
            ("纳税人识别号", 160),
            ("91410113930955972H", 460),
            ("账号", 80),
            ("7926224393328367", 300),
        ],
        [
            ("地    址", 160),
            ("郑州市金水区学府路54号", 460),
            ("开户银行", 80),
            ("中国工商银行", 300),
        ],
        [
            (rate_label, 160),
            ("13%", 120),
            ("增值税\n税额", 80),
            ("¥35093.03", 260),
            ("主管税务\n机关及代码", 100),
            ("郑州市金水区国家税务局\n410136469", 280),
        ],
    ]


def net_row(tonnage_first: bool = True) -> list[tuple[str, float]]:
    tail = [("吨位", 60), ("", 80), ("限乘人数", 100), ("5", 60)]
    if not tonnage_first:  # the old layout: 限乘人数 where 2015 prints 吨位
        tail = [("限乘人数", 100), ("5", 60), ("吨位", 60), ("", 80)]
    return [("不含税价", 160), ("小写 ¥269946.40", 300), ("完税凭证号码", 160), ("", 100), *tail]


def motor_2015(buyer_value: str = "武汉和谐汽车销售服务有限公司\n91420175793834701Q") -> PageText:
    rows = [
        MACHINE,
        [
            ("购买方名称及\n身份证号码/\n组织机构代码", 160),
            (buyer_value, 460),
            ("纳税人识别号", 120),
            ("91420146814538401X", 300),
        ],
        [
            ("车辆类型", 160),
            ("轿车", 200),
            ("厂牌型号", 100),
            ("梅赛德斯-奔驰1991CC\nCLA 260 4MATIC", 420),
        ],
        *seller_rows(),
        net_row(),
    ]
    footer = [span("开票人：", 400, 900), span("袁玉", 470, 902), span("备注：", 700, 900)]
    footer.append(span("分期付款", 760, 902))
    return ocr(table(rows, header=PAPER_TITLE + PAPER_HEAD + footer, row_height=80))


def test_2015_merged_buyer_cell_feeds_the_name_and_the_id() -> None:
    got = answer(motor_2015())
    assert got["购买方名称"] == "武汉和谐汽车销售服务有限公司"
    assert got["身份证号码/组织机构代码"] == "91420175793834701Q"
    assert got["购买方纳税人识别号"] == "91420146814538401X"
    assert read_form(motor_2015()).generation == G.MOTOR_2015


def test_a_name_and_id_read_as_one_line_are_cut_apart() -> None:
    got = answer(motor_2015("华为技术有限公司91003090675426500"))
    assert got["购买方名称"] == "华为技术有限公司"
    assert got["身份证号码/组织机构代码"] == "91003090675426500"


def test_name_and_id_in_ruled_sub_cells_right_of_the_one_label() -> None:
    page = motor_2015()
    # A rule across the value cell between the two lines (some print runs rule them apart).
    y = next(s.box[3] for s in page.spans if s.text.startswith("武汉")) + 1
    x0 = next(s.box[0] for s in page.spans if s.text.startswith("武汉")) - 6
    page = replace(page, rules=(*page.rules, Rule(x0, y, x0 + 460, y)))
    got = answer(page)
    assert got["购买方名称"] == "武汉和谐汽车销售服务有限公司"
    assert got["身份证号码/组织机构代码"] == "91420175793834701Q"


def test_stacked_machine_labels_pair_with_the_lines_beside_them() -> None:
    got = answer(motor_2015())
    assert got["机打代码"] == "141002027893"
    assert got["机打号码"] == "28792174"
    assert got["机器编号"] == "967929081003"


def test_header_outside_the_grid_and_footer_under_it() -> None:
    got = answer(motor_2015())
    assert got["发票代码"] == "141002027893"
    assert got["发票号码"] == "28792174"
    assert got["开票日期"] == "2020-08-20"
    assert got["开票人"] == "袁玉"
    assert got["备注"] == "分期付款"


def test_wrapped_labels_and_values_and_the_office_code() -> None:
    got = answer(motor_2015())
    assert got["增值税税率或征收率"] == "13%"
    assert got["增值税税额"] == "¥35093.03"
    assert got["主管税务机关"] == "郑州市金水区国家税务局"
    assert got["主管税务机关代码"] == "410136469"
    assert got["厂牌型号"] == "梅赛德斯-奔驰1991CCCLA 260 4MATIC"
    assert got["不含税价(小写)"] == "¥269946.40"
    assert got["销售方地址"] == "郑州市金水区学府路54号"  # 地    址 printed spaced out
    assert got["限乘人数"] == "5"
    assert got["吨位"] == ""


def test_2014_layout_buyer_and_seats_elsewhere() -> None:
    rows = [
        MACHINE,
        [
            ("购货单位(人)", 160),
            ("阮勇文", 400),
            ("身份证号码/\n组织机构代码", 120),
            ("510123199003043892", 360),
        ],
        *seller_rows(),
        net_row(tonnage_first=False),
    ]
    page = ocr(table(rows, header=PAPER_TITLE + PAPER_HEAD, row_height=80))
    got = answer(page)
    assert got["购买方名称"] == "阮勇文"
    assert got["身份证号码/组织机构代码"] == "510123199003043892"
    assert got["购买方纳税人识别号"] == ""
    assert got["限乘人数"] == "5"
    assert got["吨位"] == ""
    assert read_form(page).generation == G.MOTOR_2014


def test_2021_layout_one_buyer_id_cell() -> None:
    rows = [
        MACHINE,
        [
            ("购买方名称", 160),
            ("上海某某汽车租赁有限公司", 400),
            ("纳税人识别号/\n统一社会信用代码/\n身份证明号码", 160),
            ("91310000MA1FL0XX2B", 320),
        ],
        *seller_rows(),
    ]
    page = ocr(table(rows, header=PAPER_TITLE + PAPER_HEAD, row_height=90))
    got = answer(page)
    assert got["购买方名称"] == "上海某某汽车租赁有限公司"
    assert got["身份证号码/组织机构代码"] == "91310000MA1FL0XX2B"
    assert got["购买方纳税人识别号"] == "91310000MA1FL0XX2B"
    assert read_form(page).generation == G.MOTOR_2021


def test_a_label_misread_by_a_character_is_read_back() -> None:
    rows = seller_rows()
    rows[1][0] = ("纳税人识据号", 160)
    page = ocr(table([MACHINE, *rows], header=PAPER_TITLE + PAPER_HEAD, row_height=80))
    assert answer(page)["销售方纳税人识别号"] == "91410113930955972H"


def test_misreadings_close_to_two_fields_or_too_short_stay_values() -> None:
    wordings = ("买方单位/个人", "卖方单位/个人", "纳税人识别号", "地址")
    assert misread_label("共方单位/个人", wordings) is None  # 买方 or 卖方?
    assert misread_label("纳税人识据号", wordings) == "纳税人识别号"
    assert misread_label("地止", wordings) is None
    assert misread_label("纳税人识别号12", wordings) is None  # digits: a value
    assert edit_distance("车价合计(大型)", "车价合计(大写)") == 1


def used_page(dealer_row_has_number: bool) -> PageText:
    title = [span("二手车销售统一发票", 300, 40, 30)]
    if dealer_row_has_number:
        dealer = [
            [
                ("经营、拍卖单位", 160),
                ("济南永达二手车经纪有限公司", 360),
                ("纳税人识别号", 140),
                ("91370126310725134E", 300),
            ],
            [("经营、拍卖单位地址", 160), ("济南市历下区人民路188号", 800)],
        ]
    else:
        dealer = [
            [("经营、拍卖单位", 160), ("济南永达二手车经纪有限公司", 800)],
            [
                ("经营、拍卖\n单位地址", 160),
                ("济南市历下区人民路188号", 360),
                ("纳税人识别号", 140),
                ("91370126310725134E", 300),
            ],
        ]
    rows = [
        [
            ("买方单位/个人", 160),
            ("丁东", 360),
            ("单位代码/身份证号码", 140),
            ("610145196201049441", 300),
        ]
    ]
    return ocr(table([*rows, *dealer], header=title, row_height=80))


def test_used_car_generations() -> None:
    for old in (True, False):
        page = used_page(old)
        got = answer(page)
        assert got["经营、拍卖单位"] == "济南永达二手车经纪有限公司"
        assert got["经营、拍卖单位纳税人识别号"] == "91370126310725134E"
        assert got["经营、拍卖单位地址"] == "济南市历下区人民路188号"
        assert read_form(page).generation == (G.USED_OLD if old else G.USED_CURRENT)


def test_the_sellers_block_opens_under_the_total_when_a_seal_hid_its_name() -> None:
    rows = [
        MACHINE,
        [("价税合计", 160), ("肆拾伍万元整", 460), ("小写", 80), ("¥450000.00", 300)],
        [("", 160), ("", 460), ("电话", 80), ("0371-0954611", 300)],  # 销货单位名称 under the seal
        [
            ("纳税人识别号", 160),
            ("91410113930955972H", 460),
            ("账号", 80),
            ("7926224393328367", 300),
        ],
    ]
    got = answer(ocr(table(rows, header=PAPER_TITLE + PAPER_HEAD, row_height=80)))
    assert got["销售方电话"] == "0371-0954611"
    assert got["销售方纳税人识别号"] == "91410113930955972H"
    assert got["销售方账号"] == "7926224393328367"
    assert got["购买方纳税人识别号"] == ""


def test_a_label_piece_a_pixel_above_the_one_before_it_is_joined() -> None:
    page = motor_2015()
    spans = list(page.spans)
    at = next(i for i, s in enumerate(spans) if s.text == "地    址")
    x0, y0, _, y1 = spans[at].box
    spans[at : at + 1] = [
        TextSpan("地", (x0, y0 + 1, x0 + 20, y1 + 1)),
        TextSpan("址", (x0 + 80, y0, x0 + 100, y1)),
    ]
    got = answer(replace(page, spans=tuple(spans)))
    assert got["销售方地址"] == "郑州市金水区学府路54号"


def test_stacked_labels_pair_in_order_with_lines_shifted_most_of_a_row() -> None:
    page = motor_2015()
    shifted = []
    for s in page.spans:
        if s.text in ("141002027893", "28792174", "967929081003") and s.box[1] > 200:
            x0, y0, x1, y1 = s.box
            s = TextSpan(s.text, (x0, y0 - 14, x1, y1 - 14), (), s.size, s.score)
        shifted.append(s)
    got = answer(replace(page, spans=tuple(shifted)))
    assert (got["机打代码"], got["机打号码"], got["机器编号"]) == (
        "141002027893",
        "28792174",
        "967929081003",
    )


def test_figures_run_into_their_label_and_a_comma_after_a_label() -> None:
    rows = [
        MACHINE,
        [
            ("合格证号", 160),
            ("WB70Z7987858433", 300),
            ("进口证明书号，", 160),
            ("WR08AXPM287ZH1Y", 300),
        ],
        [
            ("完税凭证号码", 160),
            ("", 300),
            ("吨位2298", 160),
            ("", 100),
            ("限乘人数", 100),
            ("5", 60),
        ],
    ]
    got = answer(ocr(table(rows, header=PAPER_TITLE + PAPER_HEAD, row_height=80)))
    assert got["进口证明书号"] == "WR08AXPM287ZH1Y"
    assert got["吨位"] == "2298"
    assert got["完税凭证号码"] == ""


def test_the_net_price_past_its_unread_small_print_cell() -> None:
    rows = [
        MACHINE,
        [("不含税价", 160), ("", 80), ("¥88558.43", 220), ("完税凭证号码", 160), ("", 200)],
    ]
    got = answer(ocr(table(rows, header=PAPER_TITLE + PAPER_HEAD, row_height=80)))
    assert got["不含税价(小写)"] == "¥88558.43"
    assert got["完税凭证号码"] == ""


def test_a_credit_code_feeds_the_buyer_taxpayer_number_only_on_one_id_cell() -> None:
    code = "91420175793834701Q"
    # 2015: the buyer's 纳税人识别号 cell of its own, printed blank, stays blank.
    blank = [
        MACHINE,
        [
            ("购买方名称及\n身份证号码/\n组织机构代码", 160),
            (f"武汉和谐汽车\n{code}", 460),
            ("纳税人识别号", 120),
            ("", 300),
        ],
        *seller_rows(),
    ]
    got = answer(ocr(table(blank, header=PAPER_TITLE + PAPER_HEAD, row_height=80)))
    assert got["身份证号码/组织机构代码"] == code
    assert got["购买方纳税人识别号"] == ""
    # 2014: no such cell at all, and the answer leaves it empty.
    old = [
        MACHINE,
        [
            ("购货单位(人)", 160),
            ("武汉和谐汽车", 400),
            ("身份证号码/\n组织机构代码", 120),
            (code, 360),
        ],
        *seller_rows(),
    ]
    got = answer(ocr(table(old, header=PAPER_TITLE + PAPER_HEAD, row_height=80)))
    assert got["购买方纳税人识别号"] == ""


def test_a_wrapped_labels_first_line_alone_when_its_second_was_lost() -> None:
    rows = seller_rows()
    rows[3][2] = ("增值税", 80)  # 税额 not read
    got = answer(ocr(table([MACHINE, *rows], header=PAPER_TITLE + PAPER_HEAD, row_height=80)))
    assert got["增值税税额"] == "¥35093.03"
    assert got["增值税税率或征收率"] == "13%"


def test_a_wrapped_label_with_a_character_lost_is_joined() -> None:
    rows = seller_rows()
    rows[3][2] = ("增值税\n额", 80)  # 税 of 税额 not read
    got = answer(ocr(table([MACHINE, *rows], header=PAPER_TITLE + PAPER_HEAD, row_height=80)))
    assert got["增值税税额"] == "¥35093.03"
