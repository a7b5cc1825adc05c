"""The report's charts on screen: the same matplotlib charts as on paper, in Qt canvases.

matplotlib is imported the first time a report is drawn, never at start-up: the
charts are made (``kt1desk.reports.charts``, Agg, plain Figure objects) off the
GUI thread, then put in ``FigureCanvasQTAgg`` widgets on it.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QSizePolicy, QWidget

from .lifekit import error_text
from .pagekit import MUTED_STYLE, set_message
from .tasks import run_task

log = logging.getLogger(__name__)
CHARTS = ("volume", "marks", "adoption")  # volume by month, share by mark, adoption over the years
MIN_HEIGHT = 240
WIDE = 1000  # pixels from which two charts side by side keep their titles whole


def make_figures(report: dict, lang: str) -> dict:
    """The charts of ``report`` as matplotlib Figures, by name (runs on a worker thread)."""
    from ..reports import charts

    return {"volume": charts.volume_by_month(report, lang), "marks": charts.share_by_mark(report, lang),
            "adoption": charts.adoption_by_year(report, lang)}


class ChartsPanel(QWidget):
    """``drawn()`` once the charts of the last report are on screen (or the reason they are not)."""

    drawn = Signal()

    def __init__(self, lang: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.lang = lang
        self.canvases: dict[str, QWidget] = {}
        self.figures: dict = {}
        self._generation = 0
        self._wide: bool | None = None
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 4, 0, 0)
        self.note = QLabel(self.tr("Biểu đồ hiện ra sau khi tính báo cáo."))
        self.note.setStyleSheet(MUTED_STYLE)
        self.note.setWordWrap(True)
        self.grid.addWidget(self.note, 0, 0, 1, 2)
        self.grid.setColumnStretch(0, 1)
        self.grid.setColumnStretch(1, 1)

    def show_report(self, report: dict) -> None:
        """Make the charts of ``report`` (off the GUI thread), then show them."""
        self._generation += 1
        generation = self._generation
        lang = self.lang
        set_message(self.note, self.tr("Đang vẽ biểu đồ…"), MUTED_STYLE)
        run_task(self, lambda: make_figures(report, lang), on_done=lambda figures: self._show(generation, figures),
                 on_error=lambda err: self._failed(generation, err))

    def _show(self, generation: int, figures: dict) -> None:
        if generation != self._generation:
            return
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg

        for canvas in self.canvases.values():
            self.grid.removeWidget(canvas)
            canvas.deleteLater()
        self.canvases.clear()
        self.figures = figures
        for name in CHARTS:
            canvas = FigureCanvasQTAgg(figures[name])
            canvas.setObjectName(f"chart_{name}")
            canvas.setMinimumHeight(MIN_HEIGHT)
            canvas.setMinimumWidth(200)
            canvas.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
            canvas.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            self.canvases[name] = canvas
        self._wide = None
        self._arrange()
        set_message(self.note, None)
        self.drawn.emit()

    def _arrange(self) -> None:
        """Volume across the top; the other two side by side when there is room, else one under the other
        (the tab scrolls): a chart's title is never cut."""
        wide = self.width() >= WIDE
        if wide == self._wide or not self.canvases:
            return
        self._wide = wide
        places = {"volume": (1, 0, 1, 2), "marks": (2, 0, 1, 1), "adoption": (2, 1, 1, 1)} if wide else \
            {"volume": (1, 0, 1, 2), "marks": (2, 0, 1, 2), "adoption": (3, 0, 1, 2)}
        for name, canvas in self.canvases.items():
            self.grid.removeWidget(canvas)
            self.grid.addWidget(canvas, *places[name])

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self._arrange()

    def _failed(self, generation: int, err: BaseException) -> None:
        if generation != self._generation:
            return
        log.warning("charts: %s", err, exc_info=err)
        set_message(self.note, self.tr("Không vẽ được biểu đồ: %1").replace("%1", error_text(err, self.lang)))
        self.drawn.emit()
