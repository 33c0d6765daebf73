"""XLSX export (openpyxl): one sheet per form type and a sheet of the audit trail.

Each sheet has a frozen, filterable header of Chinese field names; amounts are
numbers with a ``¥`` format, dates are dates, rates percentages, codes text (so
leading zeros stay). Forced pages are marked in the 强制导出 and 校验错误 columns.
"""

from __future__ import annotations

import datetime
import unicodedata
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from desktop_app.core.schema import FormType
from desktop_app.store.atomic import atomic_path
from desktop_app.store.export_rows import LEADING_COLUMNS, ExportPage, field_columns, leading_values
from desktop_app.store.export_values import cell_value, xlsx_text
from desktop_app.store.records import AuditEntry, PageStatus

UNKNOWN_FORM_SHEET = "未识别类型"
AUDIT_SHEET = "审核记录"
AUDIT_COLUMNS = ("时间", "用户", "文件", "页码", "操作", "字段", "原值", "新值")
_MIN_WIDTH, _MAX_WIDTH = 6, 60
_TYPED_WIDTH = 14  # "¥1,234,567.89" and "2017-07-31" fit


def write_xlsx(pages: Sequence[ExportPage], audit: Sequence[AuditEntry], out: Path) -> Path:
    """Write ``pages`` and ``audit`` to the workbook ``out`` atomically; returns ``out``."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    for form in (*FormType, None):
        group = [p for p in pages if p.form is form]
        if group or (form is FormType.MOTOR and not pages):
            _form_sheet(workbook, form, group)
    _audit_sheet(workbook, audit)
    with atomic_path(out) as temp:
        workbook.save(temp)
    return out


def _form_sheet(workbook: Workbook, form: FormType | None, pages: Sequence[ExportPage]) -> None:
    sheet = workbook.create_sheet(form.value if form is not None else UNKNOWN_FORM_SHEET)
    columns = field_columns(pages, form)
    _header(sheet, [*LEADING_COLUMNS, *(spec.name for spec in columns)])
    for row, page in enumerate(pages, start=2):
        for col, value in enumerate(leading_values(page), start=1):
            _put(sheet, row, col, value)
        values = page.values()
        for col, spec in enumerate(columns, start=len(LEADING_COLUMNS) + 1):
            value, number_format = cell_value(spec, values.get(spec.name))
            _put(sheet, row, col, value).number_format = number_format
    _finish(sheet)


def _audit_sheet(workbook: Workbook, audit: Sequence[AuditEntry]) -> None:
    sheet = workbook.create_sheet(AUDIT_SHEET)
    _header(sheet, list(AUDIT_COLUMNS))
    for row, entry in enumerate(audit, start=2):
        values = (
            _local_time(entry.at),
            entry.user,
            entry.path,
            entry.page_index + 1,
            _ACTIONS.get(entry.action, entry.action),
            entry.field,
            *(_readable(entry.action, v) for v in (entry.old, entry.new)),
        )
        for col, value in enumerate(values, start=1):
            cell = _put(sheet, row, col, value)
            if isinstance(value, datetime.datetime):
                cell.number_format = "yyyy-mm-dd hh:mm:ss"
    _finish(sheet)


#: The audit trail's action codes as the clerk says them.
_ACTIONS = {
    "status": "状态",
    "edit": "修改",
    "confirm": "确认",
    "unconfirm": "取消确认",
    "recognized": "识别",
    "relocate": "文件已移动",
}


def _readable(action: str, value: str) -> str:
    """A status code (``needs_review``, ``approved (note)``) as its label; other values as is."""
    if action != "status" or not value:
        return value
    code, _, note = value.partition(" (")
    try:
        label = PageStatus(code).label.zh
    except ValueError:
        return value
    return f"{label}（{note[:-1]}）" if note.endswith(")") else label


def _put(sheet: Worksheet, row: int, col: int, value: object) -> Cell:
    """Write one cell; text is always stored as text, never as a formula.

    OCR output and clerks' edits are data: ``=HYPERLINK(...)`` must not become a live
    formula in the clerk's spreadsheet, and control characters (illegal in XLSX) are
    replaced by spaces instead of failing the export.
    """
    if isinstance(value, str):
        cell = sheet.cell(row, col, xlsx_text(value))
        cell.data_type = "s"
        return cell
    return sheet.cell(row, col, value)


def _local_time(text: str) -> datetime.datetime | str:
    """An audit time (UTC ISO) as a naive local datetime, which is what Excel shows."""
    try:
        return datetime.datetime.fromisoformat(text).astimezone().replace(tzinfo=None)
    except ValueError:
        return text


def _header(sheet: Worksheet, names: list[str]) -> None:
    bold = Font(bold=True)
    for col, name in enumerate(names, start=1):
        sheet.cell(1, col, name).font = bold
    sheet.freeze_panes = "A2"


def _finish(sheet: Worksheet) -> None:
    """Column widths from the widest cell (CJK counts double); a filter on the header."""
    for column in sheet.iter_cols(min_row=1, max_row=sheet.max_row):
        width = max(_width(cell.value) for cell in column)
        sheet.column_dimensions[get_column_letter(column[0].column)].width = min(
            _MAX_WIDTH, max(_MIN_WIDTH, width + 2)
        )
    if sheet.max_row >= 1 and sheet.max_column >= 1:
        sheet.auto_filter.ref = sheet.dimensions


def _width(value: object) -> int:
    if value is None:
        return 0
    if isinstance(value, int):
        return len(str(value))
    if isinstance(value, datetime.datetime):
        return len("2017-07-31 12:00:00")
    if isinstance(value, (float, Decimal, datetime.date)):
        return _TYPED_WIDTH
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in str(value))
