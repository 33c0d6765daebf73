"""The fields on the right: every field of the detected form, grouped, in schema order."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from desktop_app.core.schema import FieldSpec, FormType, Group, fields_of
from desktop_app.review.review_state import FieldState, ReviewState
from desktop_app.ui.widgets.field_row import FieldRow
from desktop_app.ui.widgets.state_colors import state_icon


class FieldPanel(QScrollArea):
    """Adapter between a ``ReviewState`` and one ``FieldRow`` per field."""

    #: The clerk moved to a field (focus or click): (field name).
    field_selected = Signal(str)
    #: The clerk finished editing a field: (field name, new value).
    edit_committed = Signal(str, str)
    #: Enter on a field: confirm it and move to the next that needs review: (field name).
    confirm_requested = Signal(str)

    def __init__(self, language: str = "zh", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._language = language
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setMinimumWidth(380)
        self.review: ReviewState | None = None
        self.rows: dict[str, FieldRow] = {}
        self.current: str | None = None
        self._built: dict[tuple, tuple[QWidget, dict[str, FieldRow]]] = {}
        self._show_placeholder(self.tr("打开发票文件后，识别结果显示在这里。"))

    def _show_placeholder(self, text: str) -> None:
        label = QLabel(text)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setWordWrap(True)
        label.setStyleSheet("color: #666666; padding: 24px;")
        self._swap_in(label)
        self.rows = {}
        self.current = None

    def _swap_in(self, widget: QWidget) -> None:
        """Show ``widget``; built forms are kept (hidden) for the next page, the rest deleted."""
        old = self.takeWidget()
        if old is not None:
            if any(old is content for content, _ in self._built.values()):
                old.setParent(self)
                old.hide()
            else:
                old.deleteLater()
        self.setWidget(widget)
        widget.show()

    def show_message(self, text: str) -> None:
        """No fields to show: a page not recognized yet, recognizing, or failed."""
        self.review = None
        self._show_placeholder(text)

    def set_review(self, review: ReviewState) -> None:
        """Show ``review`` in the rows of its form (built once per form, then reused)."""
        self.review = review
        names = review.names()
        specs = [review.field(name).spec for name in names]
        content, rows = self._built_form(review.form, specs)
        self._swap_in(content)
        self.rows = rows
        for row in rows.values():
            row.set_current(False)
        self.current = None
        self.refresh(set(names))
        self.verticalScrollBar().setValue(0)

    def prebuild(self, form: FormType) -> None:
        """Build the rows of ``form`` ahead of time (at idle): the first page then shows at once."""
        order = list(Group)
        self._built_form(form, sorted(fields_of(form), key=lambda s: order.index(s.group)))

    def _built_form(
        self, form: FormType, specs: list[FieldSpec]
    ) -> tuple[QWidget, dict[str, FieldRow]]:
        key = (form, tuple(spec.name for spec in specs))
        if key not in self._built:
            self._built[key] = self._build(form, specs)
        return self._built[key]

    def _build(self, form: FormType, specs: list[FieldSpec]) -> tuple[QWidget, dict[str, FieldRow]]:
        """One ``FieldRow`` per field, in a group box per ``Group`` (发票, 购买方, ...)."""
        content = QWidget(self)
        content.hide()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self._header(form))
        rows: dict[str, FieldRow] = {}
        boxes: dict[Group, QVBoxLayout] = {}
        for spec in specs:
            if spec.group not in boxes:
                box = QGroupBox(spec.group.label.get(self._language))
                boxes[spec.group] = QVBoxLayout(box)
                boxes[spec.group].setContentsMargins(2, 6, 2, 2)
                boxes[spec.group].setSpacing(0)
                layout.addWidget(box)
            row = FieldRow(spec.name, spec.label.get(self._language), self._language)
            row.edit_committed.connect(self.edit_committed)
            row.confirm_requested.connect(self.confirm_requested)
            row.focused.connect(self._on_row_focused)
            boxes[spec.group].addWidget(row)
            rows[spec.name] = row
        layout.addStretch(1)
        return content, rows

    def _header(self, form: FormType) -> QWidget:
        """The form's name, then a legend of the state colours used here and on the page."""
        header = QWidget()
        column = QVBoxLayout(header)
        column.setContentsMargins(2, 0, 2, 2)
        column.addWidget(QLabel(f"<b>{form.label.get(self._language)}</b>"))
        # Two short lines rather than one: the English names would widen the panel past
        # its width at 1280 px (and the rows would be cut at the left when scrolled to).
        lines = [QHBoxLayout(), QHBoxLayout()]
        for line in lines:
            column.addLayout(line)
        legend_items = (
            (FieldState.RECOGNIZED, self.tr("已识别")),
            (FieldState.EDITED, self.tr("已修改")),
            (FieldState.CONFIRMED, self.tr("已确认")),
            (FieldState.WARNING, self.tr("疑问")),
            (FieldState.ERROR, self.tr("错误")),
        )
        for index, (state, text) in enumerate(legend_items):
            legend = lines[0 if index < 3 else 1]
            dot = QLabel()
            dot.setPixmap(state_icon(state).pixmap(10, 10))
            legend.addWidget(dot)
            label = QLabel(text)
            label.setStyleSheet("color: #555555;")
            legend.addWidget(label)
            legend.addSpacing(6)
        for line in lines:
            line.addStretch(1)
        return header

    def refresh(self, names: set[str]) -> None:
        """Redraw the rows of ``names`` from the model."""
        if self.review is None:
            return
        for name in names:
            if name in self.rows:
                self.rows[name].show_review(self.review.field(name))

    def select_field(self, name: str, *, focus: bool = True) -> None:
        """Make ``name`` the current row, scroll to it and (optionally) focus its editor."""
        row = self.rows.get(name)
        if row is None:
            return
        changed = self.current != name
        self._mark_current(name)
        self._scroll_to(row)
        # Rows may be mid-relayout (a check message just appeared): scroll again once laid out.
        QTimer.singleShot(0, lambda: self._reveal(name))
        if changed:
            self.field_selected.emit(name)
        if focus and not row.editor.hasFocus():
            row.editor.setFocus(Qt.FocusReason.OtherFocusReason)
            row.editor.selectAll()

    def _reveal(self, name: str) -> None:
        if name in self.rows:
            self._scroll_to(self.rows[name])

    def _scroll_to(self, row: FieldRow) -> None:
        """Scroll ``row`` into view vertically; the panel never scrolls sideways."""
        self.ensureWidgetVisible(row, 0, 40)
        self.horizontalScrollBar().setValue(0)

    def state_of(self, name: str) -> FieldState:
        return self.rows[name].state

    def _mark_current(self, name: str) -> None:
        if self.current in self.rows and self.current != name:
            self.rows[self.current].set_current(False)
        self.current = name
        self.rows[name].set_current(True)

    def _on_row_focused(self, name: str) -> None:
        if self.current != name:
            self._mark_current(name)
            self._scroll_to(self.rows[name])
            self.field_selected.emit(name)
