"""CarInvoice Desk (机动车发票识别审核台).

Recognize, review and export Chinese vehicle sales invoices (机动车销售统一发票 and
二手车销售统一发票). The package is split into layers; see docs/architecture.md.
"""

__version__ = "0.1.0"
