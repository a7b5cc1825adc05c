"""The items behind one figure of a report: a list read off the GUI thread; Enter or a double-click opens an item.

The list comes from ``kt1desk.reports.drill.items_for`` with the figure's key,
at most ``LIMIT`` rows (a figure of a busy year can hold a million);
the dialog says when the list is cut.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialogButtonBox, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from ..errors import Kt1Error
from ..formats import day, money, number
from ..life.complaints import KINDS as COMPLAINT_KINDS
from ..services import items as item_service
from ..services.intake import KINDS
from .base import BaseDialog
from .lifekit import error_text, when
from .pagekit import (MUTED_STYLE, ROW_ROLE, Column, ColumnFitter, FoldingFilter, RowsModel, set_message,
                      table_view)
from .session import Session
from .tasks import run_task

LIMIT = 5000
SORTED_BY = {"items": (1, Qt.SortOrder.AscendingOrder), "refusals": (0, Qt.SortOrder.AscendingOrder),
             "complaints": (1, Qt.SortOrder.AscendingOrder), "agencies": (3, Qt.SortOrder.DescendingOrder)}
FLEXIBLE = {"items": (2, 3), "refusals": (3,), "complaints": (3,), "agencies": (1,)}  # long names give way


class DrillDialog(BaseDialog):
    """``loaded(count)`` once the items are on screen (or the reason they are not)."""

    loaded = Signal(int)

    def __init__(self, session: Session, period, key: str, title: str, parent: QWidget | None = None):
        super().__init__("report-drill", parent)
        self.session, self.period, self.key = session, period, key
        self.item_view = None  # the one item window, made at the first item opened
        lang = session.lang
        self.setObjectName("reportDrill")
        self.setWindowTitle(self.tr("%1 — %2").replace("%1", title).replace("%2", period.label(lang)))
        self.resize(1180, 600)  # kept inside a smaller screen (BaseDialog)
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.heading = QLabel(title)
        self.heading.setStyleSheet("font-weight: bold;")
        top.addWidget(self.heading)
        top.addStretch(1)
        self.filter_edit = QLineEdit()
        self.filter_edit.setObjectName("drillFilter")
        self.filter_edit.setPlaceholderText(self.tr("Lọc trong danh sách (số hiệu, tên cơ quan…)"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setMinimumWidth(260)
        top.addWidget(self.filter_edit)
        layout.addLayout(top)
        self.rows_kind = rows_kind(key)
        self.model = RowsModel(self._columns(self.rows_kind), self)
        self.proxy = FoldingFilter(self)
        self.proxy.setSourceModel(self.model)
        self.view = table_view(self.proxy)
        self.view.setObjectName("drillView")
        self.columns = ColumnFitter(self.view, self.model, flexible=FLEXIBLE[self.rows_kind], min_flexible=110)
        self.view.sortByColumn(*SORTED_BY[self.rows_kind])
        layout.addWidget(self.view, 1)
        self.count_label = QLabel()
        self.count_label.setWordWrap(True)
        layout.addWidget(self.count_label)
        hint = QLabel(self.tr("Enter hoặc nhấp đúp: mở bưu gửi. Esc: đóng."))
        hint.setStyleSheet(MUTED_STYLE)
        layout.addWidget(hint)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Đóng"))
        buttons.button(QDialogButtonBox.StandardButton.Close).setAutoDefault(False)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.view.activated.connect(self._activated)
        self.filter_edit.textChanged.connect(self._filter)
        self.filter_edit.returnPressed.connect(self._to_list)
        set_message(self.count_label, self.tr("Đang đọc danh sách…"), MUTED_STYLE)
        self.view.setFocus()
        store = session.store
        run_task(self, lambda: _items(store, period, key), on_done=self._show, on_error=self._failed)

    # -- public ------------------------------------------------------------
    def rows(self) -> list[dict]:
        """The rows in the order shown."""
        return [self.proxy.index(r, 0).data(ROW_ROLE) for r in range(self.proxy.rowCount())]

    def open_item(self, item_id: str):
        from .item_dialog import ItemDialog

        try:
            if self.item_view is None:
                self.item_view = ItemDialog(self.session, item_id, self)
            else:
                self.item_view.show_item(item_id)
        except Kt1Error as err:
            set_message(self.count_label, err.text(self.session.lang))
            return None
        self.item_view.open()
        return self.item_view

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        # Enter has done its work (the row opened, the filter went to the list); QDialog would also
        # "press" a default button — the item window's own Close, which it finds among its children.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()
            return
        super().keyPressEvent(event)

    # -- inside ------------------------------------------------------------
    def _columns(self, kind: str) -> list[Column]:
        lang = self.session.lang
        right = Qt.AlignmentFlag.AlignRight

        def amount(field):
            return Column({"fee_vnd": self.tr("Cước chưa VAT"), "vat_vnd": self.tr("VAT"),
                           "total_vnd": self.tr("Tổng cộng"), "compensation_vnd": self.tr("Bồi thường")}[field],
                          lambda r: money(r[field], lang) if r.get(field) is not None else "",
                          lambda r: r.get(field) or 0, right)

        def name(code_key, name_key, header):
            return Column(header, lambda r: " — ".join(x for x in (r.get(code_key), r.get(name_key)) if x))

        def status(r):
            return item_service.STATUSES.get(r.get("status"), {}).get(lang, r.get("status") or "")

        if kind == "refusals":
            return [Column(self.tr("Lúc"), lambda r: when(r.get("at")), lambda r: r.get("at") or ""),
                    Column(self.tr("Độ mật"), lambda r: r.get("secrecy") or ""),
                    Column(self.tr("Lý do"), lambda r: self.tr("niêm phong không nguyên vẹn")
                           if r.get("reason") == "seal-broken" else r.get("reason") or ""),
                    Column(self.tr("Người mang đến"), lambda r: r.get("presented_by") or ""),
                    Column(self.tr("Người từ chối"), lambda r: r.get("refused_by") or ""),
                    Column(self.tr("Quầy"), lambda r: r.get("counter") or "")]
        if kind == "complaints":
            return [Column(self.tr("Số hiệu"), lambda r: r.get("item_id") or ""),
                    Column(self.tr("Nhận khiếu nại lúc"), lambda r: when(r.get("lodged_at")),
                           lambda r: r.get("lodged_at") or ""),
                    Column(self.tr("Loại"), lambda r: COMPLAINT_KINDS.get(r.get("kind"), {}).get(lang, r.get("kind") or "")),
                    name("sender_code", "sender_name", self.tr("Cơ quan gửi")),
                    Column(self.tr("Hạn trả lời"), lambda r: _day(r.get("answer_due")), lambda r: r.get("answer_due") or ""),
                    Column(self.tr("Tình trạng"), lambda r: (self.tr("đã trả lời") if r.get("status") == "answered"
                                                              else self.tr("đang mở"))
                           + (" · " + self.tr("trễ hạn") if r.get("late") else "")),
                    amount("compensation_vnd")]
        if kind == "agencies":
            return [Column(self.tr("Mã"), lambda r: r.get("code") or ""),
                    Column(self.tr("Cơ quan"), lambda r: r.get("name") or ""),
                    Column(self.tr("Phụ lục"), lambda r: str(r.get("appendix") or "")),
                    Column(self.tr("Bưu gửi"), lambda r: number(r.get("items") or 0, lang), lambda r: r.get("items") or 0,
                           right)]
        return [
            Column(self.tr("Số hiệu"), lambda r: r.get("id") or ""),
            Column(self.tr("Nhận lúc"), lambda r: when(r.get("accepted_at")), lambda r: r.get("accepted_at") or ""),
            name("sender_code", "sender_name", self.tr("Cơ quan gửi")),
            Column(self.tr("Cơ quan nhận"), lambda r: r.get("recipient_name") or ""),
            Column(self.tr("Tỉnh nhận"), lambda r: r.get("recipient_province") or ""),
            Column(self.tr("Loại"), lambda r: KINDS.get(r.get("kind"), {}).get(lang, r.get("kind") or "")),
            Column(self.tr("Mật"), lambda r: r.get("secrecy") or ""),
            amount("fee_vnd"), amount("vat_vnd"), amount("total_vnd"),
            Column(self.tr("Trạng thái"), status),
        ]

    def _show(self, rows: list[dict]) -> None:
        self.model.set_rows(rows)
        self.columns.fit()
        self._show_count()
        if rows:
            self.view.selectRow(0)
        self.loaded.emit(len(rows))

    def _show_count(self) -> None:
        lang, total, shown = self.session.lang, self.model.rowCount(), self.proxy.rowCount()
        if total >= LIMIT:
            text = self.tr("Chỉ hiện %1 dòng đầu; thu hẹp kỳ báo cáo để xem hết.").replace(
                "%1", number(total, lang))
        elif shown != total:
            text = self.tr("%1 / %2 dòng").replace("%1", number(shown, lang)).replace("%2", number(total, lang))
        elif total:
            text = self.tr("%1 dòng").replace("%1", number(total, lang))
        else:
            text = self.tr("Không có gì trong danh sách.")
        set_message(self.count_label, text, MUTED_STYLE)

    def _failed(self, err: BaseException) -> None:
        set_message(self.count_label, error_text(err, self.session.lang))
        self.loaded.emit(-1)

    def _filter(self, text: str) -> None:
        self.proxy.set_text(text)
        self._show_count()

    def _to_list(self) -> None:
        if self.proxy.rowCount():
            self.view.setFocus()
            self.view.selectRow(0)

    def _activated(self, index) -> None:
        row = index.siblingAtColumn(0).data(ROW_ROLE)
        item_id = item_of(self.rows_kind, row) if row else None
        if item_id:
            self.open_item(item_id)


def rows_kind(key: str) -> str:
    """What ``items_for`` gives for ``key``: items, refusals, complaints or agencies."""
    name = key.partition(":")[0]
    return name if name in ("refusals", "complaints", "agencies") else "items"


def item_of(kind: str, row: dict) -> str | None:
    """The item a row stands for (a refusal has none: the item was never accepted)."""
    return {"items": row.get("id"), "complaints": row.get("item_id")}.get(kind)


def _day(text: str | None) -> str:
    return day(date.fromisoformat(text[:10])) if text else ""


def _items(store, period, key: str) -> list[dict]:
    from ..reports.drill import items_for
    from .reports_page import own_reader

    with own_reader(store) as reader:
        return items_for(reader, period, key, limit=LIMIT)
