"""File › Export: format, which pages, and whether to force pages failing checks.

The dialog only collects ``ExportOptions``; ``export_report`` runs the store's
export and words the outcome for the window (what was written, what was held back).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.store import PageRecord
from desktop_app.store.export import ExportReport
from desktop_app.ui.translator import tr

_SUFFIX = {"xlsx": ".xlsx", "csv": ".csv", "csv-excel": ".csv", "json": ".json"}


@dataclass(frozen=True)
class ExportOptions:
    """What the clerk chose: ``selection`` is None for "the approved pages"."""

    fmt: str
    path: Path
    force: bool
    selection: list[int] | None


class ExportDialog(QDialog):
    """Non-blocking (``open()``); read ``options()`` once ``accepted`` is emitted."""

    def __init__(
        self, selected: list[int], folder: Path | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("导出"))
        self._selected = list(selected)
        self.format_box = QComboBox()
        self.format_box.addItem(self.tr("Excel 工作簿 (.xlsx)"), "xlsx")
        self.format_box.addItem(self.tr("CSV，UTF-8 (.csv)"), "csv")
        self.format_box.addItem(self.tr("Excel 用 CSV (.csv)"), "csv-excel")
        self.format_box.addItem(self.tr("JSON 汇总文件 (.json)"), "json")
        self.format_note = QLabel()
        self.format_note.setWordWrap(True)
        self.format_note.setStyleSheet("color: #555;")
        self.format_box.currentIndexChanged.connect(lambda _: self._on_format())
        self.approved_only = QRadioButton(self.tr("所有已通过的页面"))
        self.selection_only = QRadioButton(
            self.tr("队列中选中的页面（{n} 页）").format(n=len(self._selected))
        )
        self.selection_only.setEnabled(bool(self._selected))
        self.approved_only.setChecked(True)
        scope = QButtonGroup(self)
        scope.addButton(self.approved_only)
        scope.addButton(self.selection_only)
        self.force = QCheckBox(self.tr("也导出校验有错误的页面（强制导出）"))
        self.warning = QLabel(
            self.tr(
                "注意：有错误的页面将被导出，并在文件中标注为“强制导出”。"
                "请确认这些错误已经核实，否则不要勾选。"
            )
        )
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet(
            "background: #fff4e0; border: 1px solid #e6a23c; border-radius: 3px; padding: 4px;"
        )
        self.warning.setVisible(False)
        self.force.toggled.connect(self.warning.setVisible)
        self.path_edit = QLineEdit()
        stamp = datetime.date.today().strftime("%Y%m%d")
        self.path_edit.setText(
            str((folder or Path.home()) / self.tr("发票导出-{date}.xlsx").format(date=stamp))
        )
        browse = QPushButton(self.tr("浏览…"))
        browse.clicked.connect(self._browse)
        where = QHBoxLayout()
        where.addWidget(self.path_edit, 1)
        where.addWidget(browse)
        form = QFormLayout()
        form.addRow(self.tr("格式："), self.format_box)
        form.addRow("", self.format_note)
        form.addRow(self.tr("页面："), self.approved_only)
        form.addRow("", self.selection_only)
        form.addRow(self.tr("保存到："), where)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("导出"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.force)
        layout.addWidget(self.warning)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)
        self._on_format()

    def set_format(self, fmt: str) -> None:
        """Choose ``fmt`` (one of the dialog's; an unknown one leaves the choice as it is)."""
        index = self.format_box.findData(fmt)
        if index >= 0:
            self.format_box.setCurrentIndex(index)

    def _on_format(self) -> None:
        notes = {
            "xlsx": self.tr("Excel 的类型：金额是数字，日期是日期，代码是文本。"),
            "csv": self.tr("纯 CSV（UTF-8）：代码是纯文本，供其他程序和导入使用。"),
            "csv-excel": self.tr(
                '供 Excel 打开的 CSV：代码写作 ="…"，Excel 保留前导零和全部位数；'
                "其他程序会读到等号和引号。"
            ),
            "json": self.tr("JSON：每页一份识别结果，附审核信息。"),
        }
        self.format_note.setText(notes[self.format_box.currentData()])
        self._match_suffix()

    def _match_suffix(self) -> None:
        text = self.path_edit.text().strip()
        if text:
            self.path_edit.setText(
                str(Path(text).with_suffix(_SUFFIX[self.format_box.currentData()]))
            )

    def _browse(self) -> None:
        fmt = self.format_box.currentData()
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("导出到"), self.path_edit.text(), f"*{_SUFFIX[fmt]}"
        )
        if chosen:
            self.path_edit.setText(chosen)

    def options(self) -> ExportOptions:
        fmt = self.format_box.currentData()
        path = Path(self.path_edit.text().strip()).expanduser()
        if path.suffix.lower() != _SUFFIX[fmt]:
            path = path.with_suffix(_SUFFIX[fmt])
        selection = self._selected if self.selection_only.isChecked() else None
        return ExportOptions(fmt, path, self.force.isChecked(), selection)


def describe_export(
    report: ExportReport, options: ExportOptions, language: str
) -> tuple[str, str, str]:
    """(level, headline, details) telling the clerk what was exported and what was held back."""
    details = []
    if report.forced:
        details.append(
            tr("其中 %n 页校验有错误，已在文件中标注为“强制导出”。", "", len(report.forced))
        )
    if report.held_back:
        names = tr("、", "list separator").join(
            _page_name(p.page) for p in report.held_back[:_LISTED]
        )
        more = "…" if len(report.held_back) > _LISTED else ""
        details.append(
            tr(
                "%n 页因校验错误未导出：{pages}{more}（勾选“强制导出”可一并导出）",
                "",
                len(report.held_back),
            ).format(pages=names, more=more)
        )
    if report.unrecognized:
        details.append(tr("%n 页尚未识别，未导出。", "", len(report.unrecognized)))
    if not report.exported:
        scope = tr("选中的页面") if options.selection is not None else tr("已通过的页面")
        return (
            "warning",
            tr("没有导出任何页面：{scope}中没有可导出的。").format(scope=scope),
            "\n".join(details),
        )
    where = ", ".join(str(f) for f in report.files)
    title = tr("已导出 %n 页到 {where}", "", len(report.exported)).format(where=where)
    return ("warning" if report.held_back else "info"), title, "\n".join(details)


_LISTED = 5


def _page_name(page: PageRecord) -> str:
    return tr("{name} 第 {n} 页").format(name=page.path.name, n=page.number)
