"""What an export contains: the selected pages with corrected values and their check verdicts.

Pages with an error-level check failure are left out unless ``force`` is set;
forced pages carry their failures so every format can mark them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from desktop_app.core.checks import CheckResult, Level, validate
from desktop_app.core.model import RecognitionResult
from desktop_app.core.schema import (
    MOTOR_OPTIONAL_FIELDS,
    FieldSpec,
    FormType,
    field_spec,
    fields_of,
)
from desktop_app.store.errors import DamagedRecord
from desktop_app.store.records import PageRecord, PageStatus
from desktop_app.store.store import Store

#: Leading columns of CSV and XLSX rows, before the invoice's fields.
FILE_COLUMN, PAGE_COLUMN, FORM_COLUMN, STATUS_COLUMN = "文件", "页码", "表单", "审核状态"
FORCED_COLUMN, ERRORS_COLUMN = "强制导出", "校验错误"
#: The same invoice (or file) elsewhere in the queue: a duplicate exported twice is paid twice.
DUPLICATE_COLUMN = "重复"
#: Where the values came from: read from the file's own text, or recognized.
SOURCE_COLUMN = "来源"
SOURCES = {"text": "文件文字", "local": "本地识别", "cloud": "云端识别", "server": "服务器识别"}
LEADING_COLUMNS = (
    FILE_COLUMN,
    PAGE_COLUMN,
    FORM_COLUMN,
    SOURCE_COLUMN,
    STATUS_COLUMN,
    DUPLICATE_COLUMN,
    FORCED_COLUMN,
    ERRORS_COLUMN,
)
FORCED_MARK = "是"


@dataclass(frozen=True)
class ExportPage:
    """One page to export: its record, corrected answer and error-level failures."""

    page: PageRecord
    result: RecognitionResult
    errors: tuple[CheckResult, ...]
    #: Why the page may be a duplicate, one line per twin (``重复发票：a.pdf 第 1 页``).
    duplicates: tuple[str, ...] = ()

    @property
    def form(self) -> FormType | None:
        return self.page.form_type or self.result.form_type

    @property
    def forced(self) -> bool:
        """Exported although an error-level check fails (``force``)."""
        return bool(self.errors)

    def values(self) -> dict[str, str]:
        return self.result.values()

    def error_text(self, language: str = "zh") -> str:
        return "；".join(e.message.get(language) for e in self.errors)


@dataclass
class ExportSelection:
    """Pages going out, pages held back by failing checks, pages with nothing to export."""

    pages: list[ExportPage] = field(default_factory=list)
    held_back: list[ExportPage] = field(default_factory=list)
    unrecognized: list[PageRecord] = field(default_factory=list)
    damaged: list[DamagedRecord] = field(default_factory=list)


def select_pages(
    store: Store, selection: Iterable[int] | None = None, *, force: bool = False
) -> ExportSelection:
    """The approved pages (or the pages of ``selection``, in queue order) ready to export."""
    if selection is None:
        records = store.pages(PageStatus.APPROVED)
    else:
        wanted = set(selection)
        records = [p for p in store.pages() if p.id in wanted]
    chosen = ExportSelection()
    twins = _duplicate_notes(store)
    for record in records:
        try:
            result = store.corrected_result(record.id)
        except DamagedRecord as exc:  # named in the report; the other pages go out
            chosen.damaged.append(exc)
            continue
        if result is None:
            chosen.unrecognized.append(record)
            continue
        failures = validate(result.values(), record.form_type or result.form_type, qr=result.qr)
        errors = tuple(f for f in failures if f.level is Level.ERROR)
        page = ExportPage(record, result, errors, twins.get(record.id, ()))
        (chosen.pages if force or not page.forced else chosen.held_back).append(page)
    return chosen


def _duplicate_notes(store: Store) -> dict[int, tuple[str, ...]]:
    """Page id → one note per twin, naming the twin's file and page."""
    flagged = store.duplicates()
    if not flagged:
        return {}
    pages = {p.id: p for p in store.pages()}
    notes: dict[int, tuple[str, ...]] = {}
    for page_id, twins in flagged.items():
        lines = []
        for twin in twins:
            other = pages.get(twin.other_page_id)
            where = f"{other.path.name} 第 {other.number} 页" if other is not None else "?"
            reason = "重复文件" if twin.reason == "same_file" else "重复发票"
            lines.append(f"{reason}：{where}")
        notes[page_id] = tuple(lines)
    return notes


def field_columns(pages: Sequence[ExportPage], form: FormType | None) -> list[FieldSpec]:
    """The field columns of ``pages``: the form's fields in form order (both forms when None),
    then optional fields some page has, then any other field name a page carries."""
    forms = [form] if form is not None else list(FormType)
    present = {name for page in pages for name in page.values()}
    columns: list[FieldSpec] = []
    names: set[str] = set()
    for each in forms:
        optional = MOTOR_OPTIONAL_FIELDS if each is FormType.MOTOR else ()
        for spec in (*fields_of(each), *(s for s in optional if s.name in present)):
            if spec.name not in names:
                names.add(spec.name)
                columns.append(spec)
    for page in pages:
        for name in page.values():
            if name not in names:
                names.add(name)
                columns.append(_spec_of(name, forms))
    return columns


def _spec_of(name: str, forms: list[FormType]) -> FieldSpec:
    from desktop_app.core.schema import Group, ValueKind

    for form in forms:
        spec = field_spec(form, name)
        if spec is not None:
            return spec
    return FieldSpec(name, Group.OTHER, ValueKind.TEXT, name)


def leading_values(page: ExportPage) -> list[str | int]:
    """File, 1-based page number, form, source, status, duplicates, forced mark and failures.

    The form column is the detected form: the answer's own 发票类型 may be blank.
    """
    return [
        str(page.page.path),
        page.page.number,
        page.form.value if page.form is not None else "",
        SOURCES.get(page.result.engine, page.result.engine),
        page.page.status.label.zh,
        "；".join(page.duplicates),
        FORCED_MARK if page.forced else "",
        page.error_text(),
    ]
