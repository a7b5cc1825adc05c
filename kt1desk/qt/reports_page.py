"""Báo cáo: the figures of any period (day … year, or from–to), their items, charts, the PDF and the exports.

Supervisors and admins only: a clerk finds a note saying so. The report is
``kt1desk.reports.figures.compute`` as it is, computed off the GUI thread (a
year of a million items does not freeze the window); its PDF
(``kt1desk.reports.paper.report_pdf``) too. The page opens on the current month
and computes it when first shown; Enter in the period picker computes again.
A change of language re-makes the page with the same report, in the new words.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QFileDialog, QHBoxLayout, QLabel, QProgressBar, QPushButton, QTabWidget, QVBoxLayout,
                               QWidget)

from .. import clock
from ..errors import Kt1Error
from ..formats import money, number
from ..storage import Store
from .lifekit import error_text
from .pagekit import (ERROR_STYLE, MUTED_STYLE, NOTICE_STYLE, ROW_ROLE, Column, ColumnFitter, FoldingFilter, RowsModel,
                      scaled_font, scrolled, set_message, table_view)
from .report_charts import ChartsPanel
from .report_figures import FiguresPanel
from .report_period import PeriodPicker
from .session import Session
from .tasks import run_task

log = logging.getLogger(__name__)
SUFFIXES = {"csv": ".csv", "xlsx": ".xlsx"}
# What a report reads: items and their lives, refusals, complaints; agencies (adoption), hours and holidays.
REPORT_ENTITIES = {"item", "refusal", "complaint", "agency", "setting", "calendar_swap"}


class ReportsPage(QWidget):
    """``computed`` when a report is on screen (or the reason it is not); ``busy_changed(bool)``."""

    computed = Signal()
    exported = Signal(str)  # the file written, or "" when it was not

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.allowed = session.can_supervise
        self.report: dict | None = None
        self.period = None  # the Period of self.report
        self.drill_dialog = None
        self._generation = 0
        self._busy = 0  # jobs on a worker thread: the report, its PDF, a file being written
        self._computing = 0
        self._first_shown = False
        self._stale = False
        # Asked for the file to save and to show a preview; tests replace them.
        self.ask_save_path = self._ask_save_path
        self.show_preview = self._preview_dialog
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 10)
        if not self.allowed:
            self.title = QLabel(self.tr("Báo cáo"))
            self.title.setFont(scaled_font(self.title, 1.25, bold=True))
            layout.addWidget(self.title)
            self.refused = QLabel(self.tr("Báo cáo chỉ dành cho kiểm soát viên và quản trị viên. Xin nhờ kiểm soát "
                                          "viên của bưu cục xem hoặc in báo cáo."))
            self.refused.setObjectName("reportsRefused")
            self.refused.setWordWrap(True)
            self.refused.setStyleSheet(NOTICE_STYLE)
            layout.addWidget(self.refused)
            layout.addStretch(1)
            return
        self._build(layout)

    def _build(self, layout: QVBoxLayout) -> None:
        lang = self.session.lang
        top = QHBoxLayout()
        self.picker = PeriodPicker()
        top.addWidget(self.picker)
        self.compute_button = QPushButton(self.tr("&Tính"))
        self.compute_button.setToolTip(self.tr("Tính báo cáo của kỳ đã chọn (Enter)"))
        top.addWidget(self.compute_button)
        self.busy = QProgressBar()
        self.busy.setObjectName("reportsBusy")
        self.busy.setRange(0, 0)  # a bar that moves: no end known
        self.busy.setMaximumWidth(110)
        self.busy.setTextVisible(False)
        self.busy.hide()
        top.addWidget(self.busy)
        top.addStretch(1)
        layout.addLayout(top)

        self.heading = QLabel()
        self.heading.setObjectName("reportHeading")
        self.heading.setWordWrap(True)
        self.heading.setFont(scaled_font(self.heading, 1.05, bold=True))
        layout.addWidget(self.heading)
        actions = QHBoxLayout()
        self.preview_button = QPushButton(self.tr("&Xem PDF…"))
        self.print_button = QPushButton(self.tr("&In…"))
        self.csv_button = QPushButton(self.tr("Lưu &CSV…"))
        self.xlsx_button = QPushButton(self.tr("Lưu &Excel…"))
        self.preview_button.setToolTip(self.tr("Báo cáo thành PDF (số liệu và biểu đồ), xem trước rồi in hoặc lưu"))
        self.csv_button.setToolTip(self.tr("Tệp CSV (UTF-8 có BOM) mở được bằng Excel, LibreOffice"))
        self.xlsx_button.setToolTip(self.tr("Tệp Excel: số là số, ngày là ngày"))
        for button in (self.preview_button, self.print_button, self.csv_button, self.xlsx_button):
            button.setAutoDefault(False)
            actions.addWidget(button)
        actions.addStretch(1)
        self.message = QLabel()
        self.message.setObjectName("reportsMessage")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("reportTabs")
        self.figures = FiguresPanel(lang)
        self.figures.drill.connect(self.drill)
        self.tabs.addTab(scrolled(self.figures), self.tr("Số liệu"))
        self.sender_model = RowsModel(self._columns("sender"), self)
        self.destination_model = RowsModel(self._columns("destination"), self)
        self.month_model = RowsModel(self._columns("month"), self)
        self.tables = {}
        for key, model, title, flexible, order in (
                ("sender", self.sender_model, self.tr("Theo cơ quan gửi"), (1,), (2, Qt.SortOrder.DescendingOrder)),
                ("destination", self.destination_model, self.tr("Theo nơi đến"), (0,),
                 (1, Qt.SortOrder.DescendingOrder)),
                ("month", self.month_model, self.tr("Theo tháng"), (), (0, Qt.SortOrder.AscendingOrder))):
            proxy = FoldingFilter(self)  # sorts by a column's own key (numbers as numbers)
            proxy.setSourceModel(model)
            view = table_view(proxy)
            view.sortByColumn(*order)
            view.setObjectName(f"{key}Table")
            view.activated.connect(lambda index, k=key: self._table_activated(k, index))
            view.setToolTip(self.tr("Enter hoặc nhấp đúp: xem các bưu gửi"))
            self.tables[key] = (view, ColumnFitter(view, model, flexible=flexible))
            self.tabs.addTab(view, title)
        self.charts = ChartsPanel(lang)
        self.tabs.addTab(scrolled(self.charts), self.tr("Biểu đồ"))
        layout.addWidget(self.tabs, 1)
        layout.addLayout(actions)  # below the figures, as on the other pages
        layout.addWidget(self.message)

        self.picker.entered.connect(self.compute)
        self.compute_button.clicked.connect(self.compute)
        self.preview_button.clicked.connect(lambda: self.make_pdf(preview=True))
        self.print_button.clicked.connect(lambda: self.make_pdf(preview=False))
        self.csv_button.clicked.connect(lambda: self.export("csv"))
        self.xlsx_button.clicked.connect(lambda: self.export("xlsx"))
        if self.session.events is not None:
            self.session.events.changed.connect(self._store_changed)
        set_message(self.message, None)
        self._show_heading()
        self._enable()

    # -- public ------------------------------------------------------------
    def page_title(self) -> str:
        return self.tr("Báo cáo")

    def focus_first(self) -> None:
        if self.allowed:
            self.picker.focus_first()
        else:
            self.refused.setFocus()

    def is_busy(self) -> bool:
        return self._busy > 0

    def compute(self) -> bool:
        """Compute the report of the period picked, off the GUI thread; False (and why) when the period is wrong."""
        if not self.allowed:
            return False
        try:
            period = self.picker.period()
        except Kt1Error as err:
            self._say(err.text(self.session.lang))
            return False
        self._generation += 1
        generation = self._generation
        store = self.session.store
        self._say(None)
        self._set_busy(+1, computing=True)

        def work():
            from ..reports.figures import compute

            with own_reader(store) as reader:
                return compute(reader, period)

        run_task(self, work, on_done=lambda report: self._computed(generation, period, report),
                 on_error=lambda err: self._compute_failed(generation, err))
        return True

    def drill(self, key: str, title: str):
        """List the items behind a figure (``key`` as ``drill.items_for`` takes it) in a dialog."""
        if self.report is None:
            return None
        from .report_drill import DrillDialog

        if self.drill_dialog is not None:
            self.drill_dialog.close()
        dialog = self.drill_dialog = DrillDialog(self.session, self.period, key, title, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _r, d=dialog: self._drill_closed(d))
        dialog.open()
        return dialog

    def make_pdf(self, *, preview: bool) -> bool:
        """The report as PDF (off the GUI thread), then the preview, or the printer."""
        if self.report is None:
            return False
        report, lang = self.report, self.session.lang
        title = self.tr("Báo cáo %1").replace("%1", self.period.label(lang))
        self._say(self.tr("Đang lập PDF…"), MUTED_STYLE)
        self._set_busy(+1)
        run_task(self, lambda: _pdf_bytes(report, lang), on_done=lambda pdf: self._pdf_ready(pdf, title, preview),
                 on_error=self._job_failed)
        return True

    def export(self, kind: str) -> str | None:
        """Save the report as CSV or XLSX where the user says; the path written, or None."""
        if self.report is None:
            return None
        period = self.report["period"]
        suggested = str(Path.home() / f"bao-cao-{period['from']}-{period['to']}{SUFFIXES[kind]}")
        path = self.ask_save_path(kind, suggested)
        if not path:
            return None
        if not path.lower().endswith(SUFFIXES[kind]):
            path += SUFFIXES[kind]
        report, lang = self.report, self.session.lang
        self._set_busy(+1)
        run_task(self, lambda: _write(kind, report, path, lang), on_done=lambda _r: self._exported(path),
                 on_error=lambda err: self._export_failed(path, err))
        return path

    def carry(self) -> dict:
        """The period and the report, for the page made again in another language."""
        if not self.allowed:
            return {}
        return {"picker": self.picker.state(), "report": self.report, "period": self.period,
                "tab": self.tabs.currentIndex()}

    def take_carry(self, state: dict) -> None:
        if not self.allowed or not state:
            return
        self.picker.set_state(state["picker"])
        self.tabs.setCurrentIndex(state["tab"])
        if state["report"] is not None:
            self._first_shown = True  # nothing to compute again: the words change, not the figures
            self._show_report(state["period"], state["report"])

    # -- inside: results ---------------------------------------------------
    def _computed(self, generation: int, period, report: dict) -> None:
        self._set_busy(-1, computing=True)
        if generation != self._generation:
            return  # another period was asked for meanwhile
        self._stale = False
        self._show_report(period, report)

    def _show_report(self, period, report: dict) -> None:
        self.report, self.period = report, period
        self.figures.show_report(report)
        self.sender_model.set_rows(report["by_sender"])
        self.destination_model.set_rows(report["by_destination"])
        self.month_model.set_rows(report["by_month"])
        for view, fitter in self.tables.values():
            fitter.fit()
        self._show_heading()
        self._enable()
        self.charts.show_report(report)
        self.computed.emit()

    def _compute_failed(self, generation: int, err: BaseException) -> None:
        self._set_busy(-1, computing=True)
        if generation != self._generation:
            return
        if not isinstance(err, Kt1Error):
            log.error("report: %s", err, exc_info=err)
        self._say(self.tr("Không tính được báo cáo: %1").replace("%1", error_text(err, self.session.lang)))
        self.computed.emit()

    def _pdf_ready(self, pdf: bytes, title: str, preview: bool) -> None:
        self._set_busy(-1)
        self._say(None)
        if preview:
            self.show_preview(pdf, title)
            return
        printed = self.session.print_documents(self, pdf, doc_type="report", title=title)
        self._say(self.tr("Đã in %1.").replace("%1", title) if printed else self.tr("Chưa in %1.").replace("%1", title),
                  MUTED_STYLE if printed else ERROR_STYLE)

    def _job_failed(self, err: BaseException) -> None:
        self._set_busy(-1)
        if not isinstance(err, Kt1Error):
            log.error("report PDF: %s", err, exc_info=err)
        self._say(self.tr("Không lập được PDF: %1").replace("%1", error_text(err, self.session.lang)))

    def _exported(self, path: str) -> None:
        self._set_busy(-1)
        self._say(self.tr("Đã lưu %1").replace("%1", path), MUTED_STYLE)
        self.exported.emit(path)

    def _export_failed(self, path: str, err: BaseException) -> None:
        self._set_busy(-1)
        if isinstance(err, OSError):
            err = Kt1Error("file_unwritable", path=path, reason=err.strerror or str(err))
        elif not isinstance(err, Kt1Error):
            log.error("report export: %s", err, exc_info=err)
        self._say(error_text(err, self.session.lang))
        self.exported.emit("")

    # -- inside: showing ---------------------------------------------------
    def _columns(self, kind: str) -> list[Column]:
        lang = self.session.lang
        right = Qt.AlignmentFlag.AlignRight
        names = {"items": self.tr("Bưu gửi"), "fees_vnd": self.tr("Cước chưa VAT"), "vat_vnd": self.tr("VAT"),
                 "total_vnd": self.tr("Tổng cộng")}

        def n(key):
            show = (lambda r: number(r[key], lang)) if key == "items" else (lambda r: money(r[key], lang))
            return Column(names[key], show, lambda r: r[key], right)

        if kind == "sender":
            return [Column(self.tr("Mã"), lambda r: r["code"]), Column(self.tr("Cơ quan gửi"), lambda r: r["name"]),
                    n("items"), n("fees_vnd"), n("vat_vnd"), n("total_vnd")]
        if kind == "destination":
            return [Column(self.tr("Tỉnh, thành phố nhận"), lambda r: r["province"]), n("items"), n("fees_vnd")]
        return [Column(self.tr("Tháng"), lambda r: f"{r['month'][5:7]}/{r['month'][:4]}", lambda r: r["month"]),
                n("items"), n("fees_vnd"), n("vat_vnd"), n("total_vnd")]

    def _table_activated(self, kind: str, index) -> None:
        row = index.siblingAtColumn(0).data(ROW_ROLE)
        if row is None:
            return
        if kind == "sender":
            self.drill(f"sender:{row['code']}", f"{row['code']} — {row['name']}")
        elif kind == "destination":
            self.drill(f"destination:{row['province']}", row["province"])
        else:
            self.drill(f"month:{row['month']}", self.tr("Tháng %1").replace("%1", f"{row['month'][5:7]}/{row['month'][:4]}"))

    def _show_heading(self) -> None:
        lang = self.session.lang
        if self.report is None:
            self.heading.setText(self.tr("Chọn kỳ báo cáo rồi nhấn Enter."))
            return
        office = self.report.get("office") or {}
        made = self.report.get("generated_at")
        text = self.tr("%1 — %2").replace("%1", self.period.label(lang)).replace("%2", office.get("name", ""))
        if made:
            text += "  ·  " + self.tr("lập lúc %1").replace("%1", _moment(made))
        if self._stale:
            text += "  ·  " + self.tr("đã có thay đổi, nhấn Tính để cập nhật")
        self.heading.setText(text)

    def _enable(self) -> None:
        ready = self.report is not None and not self.is_busy()
        for button in (self.preview_button, self.print_button, self.csv_button, self.xlsx_button):
            button.setEnabled(ready)

    def _set_busy(self, step: int, *, computing: bool = False) -> None:
        """One job more (+1) or fewer (-1) on a worker; ``computing`` for the report itself."""
        self._busy = max(0, self._busy + step)
        if computing:
            self._computing = max(0, self._computing + step)
            self.compute_button.setText(self.tr("Đang tính…") if self._computing else self.tr("&Tính"))
        self.busy.setVisible(self._busy > 0)
        self._enable()

    def _say(self, text: str | None, style: str = ERROR_STYLE) -> None:
        set_message(self.message, text, style)

    def _drill_closed(self, dialog) -> None:
        if self.drill_dialog is dialog:
            self.drill_dialog = None

    def _store_changed(self, _action: str, entities) -> None:
        if self.report is not None and entities & REPORT_ENTITIES and not self._stale:
            self._stale = True
            self._show_heading()

    # -- talking to the user (tests replace these) ---------------------------
    def _ask_save_path(self, kind: str, suggested: str) -> str | None:
        title = self.tr("Lưu báo cáo thành CSV") if kind == "csv" else self.tr("Lưu báo cáo thành Excel")
        pattern = self.tr("Tệp CSV (*.csv)") if kind == "csv" else self.tr("Tệp Excel (*.xlsx)")
        path, _filter = QFileDialog.getSaveFileName(self, title, suggested, pattern)
        return path or None

    def _preview_dialog(self, pdf: bytes, title: str) -> None:
        from .printing import PrintPreviewDialog

        dialog = PrintPreviewDialog(pdf, doc_type="report", title=title, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        if self.allowed and not self._first_shown:
            self._first_shown = True
            self.compute()  # the current month, at once


@contextmanager
def own_reader(store: Store) -> Iterator[Store]:
    """A connection of its own for a long read off the GUI thread.

    A report over a year holds its connection's lock for the whole read (one consistent state);
    on the window's connection every other read of the window (the status bar, the check for
    other counters' commits every few seconds) would wait for it, and the window would freeze.
    A second connection to the same file reads beside it (WAL). An in-memory store has no file
    to open again: it is read as it is.
    """
    if store.path == ":memory:":
        yield store
        return
    try:
        reader = Store(store.path)
    except (Kt1Error, OSError, sqlite3.Error) as err:
        log.warning("report: reading on the window's connection (%s)", err)
        yield store
        return
    try:
        yield reader
    finally:
        reader.close()


def _moment(text: str) -> str:
    from ..formats import moment

    try:
        return moment(clock.parse_iso(text))
    except (ValueError, TypeError):
        return text


def _pdf_bytes(report: dict, lang: str) -> bytes:
    from ..reports.paper import report_pdf_bytes

    return report_pdf_bytes(report, lang)


def _write(kind: str, report: dict, path: str, lang: str) -> None:
    from ..reports import exports

    (exports.write_csv if kind == "csv" else exports.write_xlsx)(report, path, lang)
