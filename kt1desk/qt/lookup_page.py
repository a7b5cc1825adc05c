"""Tra cứu: find items by id, agency, date range, status or free text; open one to see its history.

The query runs off the GUI thread (a million items must not freeze the window);
the table sorts on every column and filters the rows shown with Vietnamese
folding. When the store reports a change to items (a save at this counter or
another process), the results are fetched again — on screen at once, otherwise
when the page is next shown.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, Qt, QTimer, Signal
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QDateEdit, QHeaderView, QLabel, QLineEdit,
                               QTableView, QWidget)

from .. import clock, s10
from ..errors import Kt1Error
from ..formats import money, moment, weight
from ..services import items
from ..services.intake import KINDS
from ..services.tariff import list_tariffs
from .completer import AgencyCompleter, describe
from .item_dialog import ItemDialog
from .pagekit import (MUTED_STYLE, ROW_ROLE, Column, ColumnFitter, FoldingFilter, RowsModel, child, load_form,
                      set_message, typed_dates)
from .session import Session
from .tasks import run_task

RESULT_LIMIT = 500


def _day(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def _qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


class LookupPage(QWidget):
    """``results_shown(count)`` fires each time fresh results are on screen."""

    results_shown = Signal(int)

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.last_dialog: ItemDialog | None = None
        self._generation = 0
        self._dirty = False
        self._sample_tariffs: set[int] = set()  # fees priced by these show "MẪU"
        self.form = load_form("lookup_page.ui", self)
        f = self.form
        self.search_edit = child(f, QLineEdit, "searchEdit")
        self.agency_edit = child(f, QLineEdit, "agencyEdit")
        self.status_combo = child(f, QComboBox, "statusCombo")
        self.date_check = child(f, QCheckBox, "dateCheck")
        self.date_from = child(f, QDateEdit, "dateFrom")
        self.date_to = child(f, QDateEdit, "dateTo")
        self.filter_edit = child(f, QLineEdit, "filterEdit")
        self.count_label = child(f, QLabel, "countLabel")
        self.agency_name = child(f, QLabel, "agencyName")
        self.view = child(f, QTableView, "resultsView")
        child(f, QLabel, "hintLabel").setStyleSheet(MUTED_STYLE)
        self.agency_name.setStyleSheet(MUTED_STYLE)
        self.agency_completer = AgencyCompleter(self.agency_edit, session.store, lang=session.lang)
        self.status_combo.addItem(self.tr("Tất cả"), "")  # never None as item data: see pagekit.py
        for code, names in items.STATUSES.items():
            self.status_combo.addItem(names.get(session.lang, names["vi"]), code)
        today = clock.now().date()
        self.date_from.setDate(_qdate(today - timedelta(days=30)))
        self.date_to.setDate(_qdate(today))
        typed_dates(self.date_from, self.date_to)
        self.model = RowsModel(self._columns(), self)
        self.proxy = FoldingFilter(self)
        self.proxy.setSourceModel(self.model)
        self.view.setModel(self.proxy)
        self.view.verticalHeader().hide()
        self.view.setWordWrap(False)
        self.view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.columns = ColumnFitter(self.view, self.model, flexible=(2, 3))  # agency names give way
        self.view.sortByColumn(1, Qt.SortOrder.DescendingOrder)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.search)
        self._connect()
        self._enable_dates()
        self.search()

    # -- public ------------------------------------------------------------
    def page_title(self) -> str:
        return self.tr("Tra cứu")

    def focus_first(self) -> None:
        self.search_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        self.search_edit.selectAll()

    def open_item(self, item_id: str) -> ItemDialog:
        """Open the item view; raises Kt1Error('item_not_found') for an unknown id.

        The one view is made at the first item and shown again for the next (a scan opens it fast).
        """
        dialog = self.last_dialog
        if dialog is None:
            dialog = self.last_dialog = ItemDialog(self.session, item_id, self)
        else:
            dialog.show_item(item_id)
        dialog.open()
        return dialog

    def filters(self) -> dict:
        """What the query asks for, as ``items.find_items`` takes it."""
        agency = self.agency_completer.agency()
        use_dates = self.date_check.isChecked()
        return dict(
            text=self.search_edit.text().strip() or None,
            agency_id=agency["id"] if agency else None,
            date_from=_day(self.date_from.date()) if use_dates else None,
            date_to=_day(self.date_to.date()) if use_dates else None,
            status=self.status_combo.currentData() or None,
        )

    def search(self) -> None:
        """Fetch the results again, off the GUI thread; stale answers are dropped."""
        self._timer.stop()
        self._dirty = False
        self._generation += 1
        generation = self._generation
        query = self.filters()
        store = self.session.store
        agency_typed = self.agency_edit.text().strip()
        if agency_typed and query["agency_id"] is None:
            self._show_rows([], generation, self.tr("Chọn một cơ quan trong danh sách gợi ý."))
            return

        def fetch():
            text = query["text"]
            if text and s10.looks_like_id(text):
                found = items.search(store, text)
                return [r for r in found if self._matches(r, query)]
            return items.find_items(store, limit=RESULT_LIMIT, **query)

        run_task(self, fetch, on_done=lambda rows: self._show_rows(rows, generation),
                 on_error=lambda err: self._show_error(err, generation))

    def carry(self) -> dict:
        """The query as typed, for a new page made after a change of language."""
        return {"search": self.search_edit.text(), "agency": self.agency_edit.text(),
                "status": self.status_combo.currentData(), "dates": self.date_check.isChecked(),
                "from": self.date_from.date(), "to": self.date_to.date(), "filter": self.filter_edit.text()}

    def take_carry(self, state: dict) -> None:
        self.search_edit.setText(state["search"])
        self.agency_edit.setText(state["agency"])
        self.status_combo.setCurrentIndex(max(self.status_combo.findData(state["status"]), 0))
        self.date_from.setDate(state["from"])
        self.date_to.setDate(state["to"])
        self.date_check.setChecked(state["dates"])
        self.filter_edit.setText(state["filter"])
        self.agency_completer.close()
        self.search()

    def rows_shown(self) -> list[dict]:
        """The rows in the table, in the order shown (sorted and filtered)."""
        return [self.proxy.index(r, 0).data(ROW_ROLE) for r in range(self.proxy.rowCount())]

    # -- set-up ------------------------------------------------------------
    def _columns(self) -> list[Column]:
        lang = self.session.lang
        right = Qt.AlignmentFlag.AlignRight

        def service(r):
            marks = []
            if r["hoa_toc"]:
                marks.append(self.tr("Hỏa tốc"))
            if r["hen_gio_at"]:
                marks.append(self.tr("Hẹn giờ"))
            return ", ".join(marks)

        def when(key):
            return lambda r: moment(clock.parse_iso(r[key])) if r[key] else ""

        def fee(r):
            if r["free_reason"]:
                return self.tr("Miễn")
            sample = r["tariff_id"] in self._sample_tariffs
            return money(r["fee_vnd"] + r["vat_vnd"], lang) + (" " + self.tr("MẪU") if sample else "")

        # Fee and deadline right after the agencies: on a narrow screen the names give way, not these.
        return [
            Column(self.tr("Số hiệu"), lambda r: r["id"]),
            Column(self.tr("Nhận lúc"), when("accepted_at"), lambda r: r["accepted_at"]),
            Column(self.tr("Cơ quan gửi"), lambda r: f"{r['sender_code']} — {r['sender_name']}"),
            Column(self.tr("Cơ quan nhận"), lambda r: f"{r['recipient_code']} — {r['recipient_name']}"),
            Column(self.tr("Cước"), fee, lambda r: r["fee_vnd"] + r["vat_vnd"], right),
            Column(self.tr("Hạn phát"), when("deadline"), lambda r: r["deadline"]),
            Column(self.tr("Loại"), lambda r: KINDS.get(r["kind"], {}).get(lang, r["kind"])),
            Column(self.tr("Khối lượng"), lambda r: weight(r["weight_g"], lang), lambda r: r["weight_g"], right),
            Column(self.tr("Mật"), lambda r: r["secrecy"] or ""),
            Column(self.tr("Dịch vụ"), service),
            Column(self.tr("Trạng thái"), lambda r: items.STATUSES.get(r["status"], {}).get(lang, r["status"])),
        ]

    def _connect(self) -> None:
        self.search_edit.textChanged.connect(lambda _t: self._timer.start(200))
        self.search_edit.returnPressed.connect(self._search_entered)
        self.agency_completer.resolved.connect(self._agency_changed)
        self.status_combo.currentIndexChanged.connect(lambda _i: self.search())
        self.date_check.toggled.connect(lambda _on: (self._enable_dates(), self.search()))
        self.date_from.dateChanged.connect(lambda _d: self._timer.start(150))
        self.date_to.dateChanged.connect(lambda _d: self._timer.start(150))
        self.filter_edit.textChanged.connect(self._filter_changed)
        self.view.activated.connect(self._activated)
        if self.session.events is not None:
            self.session.events.changed.connect(self._store_changed)

    def _enable_dates(self) -> None:
        self.date_from.setEnabled(self.date_check.isChecked())
        self.date_to.setEnabled(self.date_check.isChecked())

    # -- reacting ------------------------------------------------------------
    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        key = event.key()
        focus = self.focusWidget()
        if key == Qt.Key.Key_Down and isinstance(focus, QLineEdit) and self.proxy.rowCount():
            self.view.setFocus()
            self.view.selectRow(0)
            return
        if key == Qt.Key.Key_Escape and isinstance(focus, QLineEdit) and focus.text():
            focus.clear()
            return
        super().keyPressEvent(event)

    def _search_entered(self) -> None:
        text = self.search_edit.text().strip()
        if s10.looks_like_id(text):
            try:
                self.open_item(text)
            except Kt1Error as err:
                set_message(self.count_label, err.text(self.session.lang))
            return
        self.search()

    def _agency_changed(self, row: dict | None) -> None:
        self.agency_name.setText(describe(row, self.session.lang) if row else "")
        if row is not None or not self.agency_edit.text().strip():
            self.search()

    def _filter_changed(self, text: str) -> None:
        self.proxy.set_text(text)
        self._show_count()

    def _activated(self, index) -> None:
        row = index.data(ROW_ROLE)
        if row is not None:
            self.open_item(row["id"])

    def _store_changed(self, _action: str, entities) -> None:
        if "item" not in entities:
            return
        if self.isVisible():
            self._timer.start(100)  # a burst of commits makes one query
        else:
            self._dirty = True

    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        if self._dirty:
            self.search()

    # -- showing ---------------------------------------------------------------
    @staticmethod
    def _matches(row: dict, query: dict) -> bool:
        if query["status"] and row["status"] != query["status"]:
            return False
        if query["agency_id"] and query["agency_id"] not in (row["sender_id"], row["recipient_id"]):
            return False
        day = row["accepted_at"][:10]
        if query["date_from"] and day < query["date_from"].isoformat():
            return False
        return not (query["date_to"] and day > query["date_to"].isoformat())

    def _show_rows(self, rows: list[dict], generation: int, note: str | None = None) -> None:
        if generation != self._generation:
            return  # a newer query is on its way
        self._sample_tariffs = {t.id for t in list_tariffs(self.session.store) if t.is_sample}
        self.model.set_rows(rows)
        self.columns.fit()  # long agency names are cut with … (the full text is in the item view)
        self._show_count(note)
        self.results_shown.emit(len(rows))

    def _show_count(self, note: str | None = None) -> None:
        total, shown = self.model.rowCount(), self.proxy.rowCount()
        if note:
            text = note
        elif shown != total:
            text = self.tr("{shown} / {total} bưu gửi").format(shown=shown, total=total)
        else:
            text = self.tr("{total} bưu gửi").format(total=total)
        if total >= RESULT_LIMIT and not note:
            text += " " + self.tr("(mới nhất; thu hẹp điều kiện để xem thêm)")
        set_message(self.count_label, text, MUTED_STYLE)

    def _show_error(self, err: BaseException, generation: int) -> None:
        if generation != self._generation:
            return
        text = err.text(self.session.lang) if isinstance(err, Kt1Error) else str(err)
        set_message(self.count_label, text)
