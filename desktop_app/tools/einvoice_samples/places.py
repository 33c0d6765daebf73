"""Places, people, firms and cars the sample invoices are made of.

Every table here is invented demonstration data shaped like the real thing: GB/T 2260
codes of real provinces and districts, real area codes and plate prefixes, but no real
person or firm. The generator draws from these with a seeded ``random.Random``.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class City:
    """A city with the data an invoice issued there needs.

    ``municipality`` is True for 北京/天津/上海/重庆, where the province-level
    division is itself the city (市 of the answer is then e.g. ``上海市``).
    """

    province: str  # GB/T 2260 two-digit province code
    name: str  # 郑州市
    area_code: str  # 0371
    plate: str  # 豫A
    districts: tuple[tuple[str, str], ...]  # (GB/T 2260 six-digit code, 金水区)
    municipality: bool = False

    @property
    def short(self) -> str:
        """The city's name without 市 (郑州)."""
        return self.name.removesuffix("市")


CITIES: tuple[City, ...] = (
    City("11", "北京市", "010", "京A", (("110105", "朝阳区"), ("110108", "海淀区")), True),
    City("12", "天津市", "022", "津A", (("120103", "河西区"), ("120104", "南开区")), True),
    City("31", "上海市", "021", "沪A", (("310115", "浦东新区"), ("310112", "闵行区")), True),
    City("50", "重庆市", "023", "渝A", (("500112", "渝北区"), ("500107", "九龙坡区")), True),
    City("41", "郑州市", "0371", "豫A", (("410105", "金水区"), ("410103", "二七区"))),
    City("42", "武汉市", "027", "鄂A", (("420103", "江汉区"), ("420111", "洪山区"))),
    City("44", "广州市", "020", "粤A", (("440106", "天河区"), ("440113", "番禺区"))),
    City("44", "深圳市", "0755", "粤B", (("440305", "南山区"), ("440304", "福田区"))),
    City("32", "南京市", "025", "苏A", (("320106", "鼓楼区"), ("320115", "江宁区"))),
    City("33", "杭州市", "0571", "浙A", (("330106", "西湖区"), ("330110", "余杭区"))),
    City("37", "青岛市", "0532", "鲁B", (("370202", "市南区"), ("370212", "崂山区"))),
    City("51", "成都市", "028", "川A", (("510107", "武侯区"), ("510104", "锦江区"))),
    City("53", "昆明市", "0871", "云A", (("530102", "五华区"), ("530111", "官渡区"))),
    City("61", "西安市", "029", "陕A", (("610113", "雁塔区"), ("610112", "未央区"))),
    City("43", "长沙市", "0731", "湘A", (("430104", "岳麓区"), ("430105", "开福区"))),
    City("45", "南宁市", "0771", "桂A", (("450103", "青秀区"), ("450107", "西乡塘区"))),
    City("21", "沈阳市", "024", "辽A", (("210102", "和平区"), ("210106", "铁西区"))),
    City("65", "乌鲁木齐市", "0991", "新A", (("650102", "天山区"), ("650104", "新市区"))),
    City("15", "呼和浩特市", "0471", "蒙A", (("150102", "新城区"), ("150105", "赛罕区"))),
)

ROADS = (
    "人民路",
    "解放大道",
    "中山路",
    "建设路",
    "学府路",
    "文化路",
    "金水路",
    "东风路",
    "长江路",
    "黄河路",
    "科技园南路",
    "迎宾大道",
    "滨江大道",
    "花园路",
    "友谊路",
    "新华街",
)
# Long addresses (industrial parks, building names) make the address cells wrap.
ADDRESS_TAILS = ("", "", "", "汽车城商务中心A座一层", "国际汽车文化产业园区B区12栋", "汽配城")

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董袁潘蒋蔡余杜叶程"
GIVEN = (
    "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超霞平刚桂文辉建华玉兰志红海燕鹏飞宇航晨思雨子涵梓萱浩然"
)

FIRM_WORDS = (
    "鑫源",
    "华通",
    "远航",
    "瑞丰",
    "中联",
    "宏达",
    "恒信",
    "博远",
    "安捷",
    "新世纪",
    "骏驰",
    "和谐",
)
MOTOR_FIRM_TAILS = ("汽车销售服务有限公司", "汽车贸易有限公司", "汽车销售有限公司")
# Dealers with long names (branch offices) make the name cells wrap in narrow layouts.
LONG_FIRM_TAILS = ("汽车销售服务有限公司城北分公司", "国际汽车贸易有限责任公司第一分公司")
BUYER_FIRM_TAILS = ("科技有限公司", "物流有限公司", "建筑工程有限公司", "融资租赁有限公司")
USED_DEALER_TAILS = ("二手车经纪有限公司", "二手车销售有限公司", "拍卖有限公司")
MARKET_TAILS = ("二手车交易市场有限公司", "旧机动车交易市场管理有限公司")

#: (bank name pattern, account digits); ``{city}`` is the city's short name.
BANKS = (
    ("中国工商银行股份有限公司{city}分行营业部", 19),
    ("中国建设银行股份有限公司{city}{district}支行", 20),
    ("中国银行股份有限公司{city}分行", 16),
    ("招商银行股份有限公司{city}分行", 16),
    ("中国农业银行股份有限公司{city}{district}支行", 19),
)


@dataclass(frozen=True)
class CarModel:
    """One make and model: printed 厂牌型号, 产地, VIN prefix and vehicle data."""

    label: str  # 厂牌型号 as printed
    origin: str  # 产地
    wmi: str  # VIN world manufacturer identifier (3 characters)
    vds: str  # VIN vehicle descriptor (5 characters, positions 4-8)
    kind: str  # 车辆类型
    seats: str  # 限乘人数
    tonnage: str = ""  # 吨位 (blank for passenger cars)
    imported: bool = False  # imported cars carry 进口证明书号 and 商检单号


CAR_MODELS: tuple[CarModel, ...] = (
    CarModel("大众汽车牌SVW7141BRD", "上海", "LSV", "AU2BL", "轿车", "5"),
    CarModel("一汽-大众牌FV7146FBDBG", "长春", "LFV", "A2BS5", "轿车", "5"),
    CarModel("比亚迪牌BYD7005BEVA1", "深圳", "LGX", "C4C37", "轿车", "5"),
    CarModel("丰田牌GTM7250GB", "广州", "LVG", "C36F2", "轿车", "5"),
    CarModel("日产牌DFL7168VBN2", "广州", "LGB", "H52E7", "轿车", "5"),
    CarModel("吉利牌JL6482D01", "宁波", "L6T", "79AN1", "多用途乘用车", "7"),
    CarModel("理想牌LXA6500SHEVM", "常州", "LW4", "33B84", "运动型多用途乘用车", "6"),
    CarModel("特斯拉牌TSL7000BEVBR3", "上海", "LRW", "YGCEK", "轿车", "5"),
    CarModel("长城牌CC1031PA4F", "保定", "LGW", "EF6A5", "轻型普通货车", "5", "0.5"),
    CarModel("江铃牌JX5044XXYTG26", "南昌", "LEF", "YDCP4", "厢式运输车", "3", "1.5"),
    CarModel(
        "宝马牌BMW X5 xDrive40Li", "美国", "5UX", "CR6C0", "运动型多用途乘用车", "5", "", True
    ),
    CarModel(
        "梅赛德斯-奔驰牌GLE450 4MATIC", "美国", "4JG", "FB5KB", "运动型多用途乘用车", "5", "", True
    ),
    CarModel("雷克萨斯牌ES300h JTHB21B1", "日本", "JTH", "B1BA2", "轿车", "5", "", True),
)

#: Printed on some dealers' invoices after the model: makes 厂牌型号 wrap in a narrow cell.
MODEL_TRIMS = ("", "", "", " 380TSI四驱旗舰版", " 插电式混合动力 长续航版", " 2.0T自动豪华型")

MOTOR_REMARKS = ("", "", "", "分期付款", "一车一票", "含随车工具一套")
USED_REMARKS = ("", "", "车辆已过户", "车况以实车为准，已验车", "")
