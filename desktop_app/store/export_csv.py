"""CSV export: one file, UTF-8 with BOM, one row per invoice, Chinese field names as headers.

One file rather than one per form: Excel opens a single CSV by double-click and
filters it by the 表单 column (the detected form; the answer's 发票类型 may be blank). The columns are the motor form's fields in form
order followed by the used-car form's own fields (shared names such as 发票代码
share a column); a row leaves the other form's columns empty. Amounts are plain
numbers (``40000.00``) and dates ISO (``2017-07-31``).

Two flavours, chosen by name: the plain CSV (UTF-8, codes as plain text: what other
programs and imports expect), and the Excel CSV (UTF-8 with BOM so Excel sees the
encoding, long digit codes and leading zeros written ``="0088"`` so Excel keeps them as
text, which other programs read with the quotes and the equals sign). The XLSX export
is the file with Excel's own types.
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


def write_csv(pages: Sequence[ExportPage], out: Path, *, excel: bool = False) -> Path:
    """Write ``pages`` to ``out`` atomically (the Excel flavour when ``excel``); returns ``out``."""
    forms = {page.form for page in pages}
    form = forms.pop() if len(forms) == 1 else None
    columns = field_columns(pages, form if isinstance(form, FormType) else None)
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, dialect="excel")
    writer.writerow([*LEADING_COLUMNS, *(spec.name for spec in columns)])
    for page in pages:
        values = page.values()
        cells = (csv_value(s, values.get(s.name), excel=excel) for s in columns)
        writer.writerow([*leading_values(page), *cells])
    atomic_write_bytes(out, buffer.getvalue().encode("utf-8-sig" if excel else "utf-8"))
    return out
