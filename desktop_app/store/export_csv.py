"""CSV export: one file, UTF-8 with BOM, one row per invoice, Chinese field names as headers.

One file rather than one per form: Excel opens a single CSV by double-click and
filters it by the 表单 column (the detected form; the answer's 发票类型 may be blank). The columns are the motor form's fields in form
order followed by the used-car form's own fields (shared names such as 发票代码
share a column); a row leaves the other form's columns empty. Amounts are plain
numbers (``40000.00``) and dates ISO (``2017-07-31``) so Excel reads them as such.
Long digit codes (发票代码) are written as they are: Excel may show them as numbers
when it opens a CSV; the XLSX export types them as text.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from pathlib import Path

from desktop_app.core.schema import FormType
from desktop_app.store.atomic import atomic_write_bytes
from desktop_app.store.export_rows import LEADING_COLUMNS, ExportPage, field_columns, leading_values
from desktop_app.store.export_values import csv_value


def write_csv(pages: Sequence[ExportPage], out: Path) -> Path:
    """Write ``pages`` to ``out`` atomically; returns ``out``."""
    forms = {page.form for page in pages}
    form = forms.pop() if len(forms) == 1 else None
    columns = field_columns(pages, form if isinstance(form, FormType) else None)
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, dialect="excel")
    writer.writerow([*LEADING_COLUMNS, *(spec.name for spec in columns)])
    for page in pages:
        values = page.values()
        row = [*leading_values(page), *(csv_value(s, values.get(s.name)) for s in columns)]
        writer.writerow(row)
    atomic_write_bytes(out, buffer.getvalue().encode("utf-8-sig"))
    return out
