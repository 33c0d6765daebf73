"""The status bar's view of a running batch: a bar, "12/100 · 失败 1 · 约 0:35", paused or not."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QWidget

from desktop_app.batch import BatchProgress, BatchSummary

#: Shortest time between two redraws of the progress (ms).
REDRAW_MS = 150


def clock_text(seconds: float) -> str:
    """``m:ss`` (or ``h:mm:ss``) for an ETA."""
    seconds = max(0, round(seconds))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


class BatchStatus(QWidget):
    """Hidden until a batch starts; shows progress and the time left."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bar = QProgressBar()
        self.bar.setMaximumWidth(180)
        self.bar.setTextVisible(False)
        self.label = QLabel()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label, 0)
        layout.addWidget(self.bar, 0)
        self._paused = False
        self._last: BatchProgress | None = None
        # Pages may finish every few ms: redrawing the status bar that often costs more than it says.
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REDRAW_MS)
        self._timer.timeout.connect(self._draw_progress)
        self.setVisible(False)

    def started(self, total: int) -> None:
        self._paused = False
        self._last = None
        self.bar.setRange(0, max(1, total))
        self.bar.setValue(0)
        self.label.setText(self.tr("批量识别 0/{total}").format(total=total))
        self.setVisible(True)

    def show_progress(self, progress: BatchProgress) -> None:
        """Note the latest progress; it is drawn at most every ``REDRAW_MS``."""
        self._last = progress
        if not self._timer.isActive():
            self._timer.start()

    def _draw_progress(self) -> None:
        progress = self._last
        if progress is None:
            return
        self.bar.setRange(0, max(1, progress.total))
        self.bar.setValue(progress.done)
        self._redraw()

    def set_paused(self, paused: bool) -> None:
        self._paused = paused
        self._redraw()

    def _redraw(self) -> None:
        progress = self._last
        if progress is None:
            text = self.tr("批量识别")
        else:
            text = self.tr("批量识别 {done}/{total}").format(
                done=progress.done, total=progress.total
            )
            if progress.failed:
                text += " · " + self.tr("失败 {n}").format(n=progress.failed)
            if progress.eta_s is not None and progress.done < progress.total:
                text += " · " + self.tr("剩余约 {eta}").format(eta=clock_text(progress.eta_s))
        if self._paused:
            text += " · " + self.tr("已暂停")
        self.label.setText(text)

    def finished(self, summary: BatchSummary | None) -> str:
        """Hide; the sentence for the status bar about how the batch ended."""
        self._timer.stop()
        self.setVisible(False)
        if summary is None:
            return self.tr("批量识别意外中止，详情见日志。")
        text = self.tr("批量识别结束：成功 {ok} 页，失败 {failed} 页，用时 {time}").format(
            ok=summary.succeeded, failed=summary.failed, time=clock_text(summary.elapsed_s)
        )
        if summary.stop_message:  # the database refused (disk full, read-only): its words
            text += " — " + summary.stop_message
            if summary.unsaved:
                text += self.tr("（%n 个识别结果尚未保存）", "", summary.unsaved)
        elif summary.stopped_by:
            text += self.tr(
                "（因 {code} 停止：其余页面也会同样失败，%n 页留待改正后再识别）",
                "",
                summary.requeued,
            ).format(code=summary.stopped_by)
        elif summary.cancelled:
            text += self.tr("（已取消，%n 页留待下次）", "", summary.requeued)
        return text
