"""Synthetic paper invoice pages of every generation, with truth, for tests and the benchmark.

``python -m desktop_app.tools.paper_samples OUT --count N --seed S [--generations …]
[--conditions …]`` writes pages and their truth answers (the CarInvoiceOCR response
shape of ../shared/datasets) plus manifest.json with ``generation`` and ``condition``,
so ``python -m desktop_app.bench accuracy OUT`` reports per generation and condition.
Values, truth, seals, QR codes and the scan come from issue 9's generator
(``einvoice_samples``), imported, not copied; printed 数电 pages (``einvoice``) are
written by that generator itself.

Generations, and what each is based on (searched 2026-12-02; what no source showed is
marked *assumed*):

``motor-2015`` (机动车销售统一发票 in use 2015-01-01 to 2021-12-31): the genuine form in
  ../shared/datasets/real/motor_real_001_photo.jpg and the dev pages: the
  机打代码/机打号码/机器编号 block beside the 税控码 cipher, the merged cell
  购买方名称及身份证号码/组织机构代码 (name line above, ID line below) and the buyer's
  纳税人识别号 cell, 价税合计 with ⊗ and 小写, 销货单位名称/电话, 纳税人识别号/账号,
  地址/开户银行, 增值税税率或征收率/增值税税额/主管税务机关及代码, 不含税价 小写/完税凭证号码/
  吨位/限乘人数, and 销货单位盖章/开票人/备注 under the grid.
``motor-2014`` (the form before it, in use to 2014-12-31): Aisino tax-software code
  (public repository, ``HzfpHelper.GetInvMainInfo``) lists the old form's buyer fields
  as 购货单位(人) and 身份证号码/组织机构代码 and adds 纳税人识别号 only for the new form
  (``isNewJdcfp``); a 360doc page on the 2021 change says the old "购买方名称及身份证号码/
  组织机构代码" cell was itself the 2015 wording. *Assumed*: the rest of the grid as 2015,
  with the last row's cells narrower so 吨位 and 限乘人数 sit further left (限乘人数
  where the 2015 form prints 吨位, the misreading the issue reports).
``motor-2021`` (国家税务总局公告2020年第23号, 税总函〔2021〕42号: new form from
  2021-05-01, the old one allowed to 2021-12-31): per the published 版式调整说明 (via
  360doc), "购买方名称及身份证号码/组织机构代码" became 购买方名称 and "纳税人识别号" became
  纳税人识别号/统一社会信用代码/身份证明号码 (one cell: a firm's credit code, or a person's
  ID); a QR code is printed at the top left (its payload as in core/invoice_qr.py:
  ``01,03,<code>,<number>,<net>,<date>,<check>,<tail>``). *Assumed*: the other cells as 2015.
``used-current`` (二手车销售统一发票): the dev pages (../shared/datasets/dev/used_*_clean.png):
  one ruled row per machine code, 买方/卖方 rows of name, code, address and phone,
  车牌照号/登记证号/车辆类型, 车架号/厂牌型号, 转入地车辆管理所名称, 车价合计, the
  经营、拍卖单位 and 二手车市场 blocks, 备注.
``used-old``: no specimen was found. *Assumed*: the same fields (Alibaba Cloud's
  used-car invoice API lists the same ones on a 2021 invoice) with the machine codes
  stacked in one cell and fewer rows (each block's 纳税人识别号 and 电话 beside its name
  and address), dated 2010-2017 with the identifiers of before the credit code.
``einvoice``: 电子发票（机动车/二手车销售统一发票） printed and scanned (issue 9's generator).

Print: the form in the 发票联's brown-red (rules, labels, title, the 监制章 oval, the printing
house's imprint and 第一联 发票联 down the margins, sprocket holes on half the pages), the
values in black dot-matrix-like print shifted by the printer's offset (sometimes over a
rule), long values wrapped to a second line, the seller's red 发票专用章 stamped over the
盖章 spot or over a value (sometimes the tax rate). Conditions: clean, scan, photo, lowres
(conditions.py). Modules: model, forms_motor, forms_used, values, place, draw,
conditions, generate, record_ocr (the recorded OCR fixtures).
"""
