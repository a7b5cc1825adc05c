"""Phát: an item scanned or picked from the work list, sent out, delivered and signed for, failed, or returned.

Outside working hours, on weekends and holidays the page shows who at the
recipient agency takes items then, with their phone. Only the actions the
item's state allows are offered. A second tab lists the overdue items by
destination and how late they are.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QCheckBox, QComboBox, QFormLayout, QGridLayout, QGroupBox, QHBoxLayout, QLabel,
                               QLineEdit, QPushButton, QTabWidget, QVBoxLayout, QWidget)

from .. import s10
from ..errors import Kt1Error
from ..life import delivery, inbound, overdue, states
from ..services import items
from .lifekit import RefreshWhenSeen, TintedRows, error_text, when
from .pagekit import ERROR_STYLE, MUTED_STYLE, Column, RowsModel, scaled_font, selected_row, set_message, table_view
from .session import Session
from .sign_dialog import SignDialog, Signer
from .tasks import run_task

log = logging.getLogger(__name__)
AFTER_HOURS_STYLE = "background: #fff4d6; border: 1px solid #e0b84a; padding: 6px; color: #5c4100;"
FAIL_REASONS = ("Văn thư cơ quan vắng", "Cơ quan đã chuyển trụ sở", "Người nhận từ chối nhận",
                "Sai hoặc thiếu địa chỉ")


class DeliverTab(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.lang = session.lang
        self.ask_signature = self._ask_signature  # tests replace it: (item) -> delivered item or None
        self.item: dict | None = None
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Số hiệu")))
        self.id_edit = QLineEdit()
        self.id_edit.setObjectName("deliveryIdEdit")
        self.id_edit.setPlaceholderText(self.tr("quét hoặc gõ số hiệu rồi Enter"))
        row.addWidget(self.id_edit, 1)
        self.carry_on_scan = QCheckBox(self.tr("Quét là giao đi phát ngay"))
        self.carry_on_scan.setObjectName("carryOnScan")
        row.addWidget(self.carry_on_scan)
        layout.addLayout(row)

        self.item_box = QGroupBox()
        grid = QGridLayout(self.item_box)
        self.fields: dict[str, QLabel] = {}
        for n, (key, label) in enumerate((("status", self.tr("Trạng thái")), ("deadline", self.tr("Hạn phát")),
                                           ("recipient", self.tr("Cơ quan nhận")), ("marks", self.tr("Dấu hiệu")),
                                           ("address", self.tr("Địa chỉ")), ("attempts", self.tr("Lần phát không được")))):
            name = QLabel(label)
            name.setStyleSheet(MUTED_STYLE)
            value = QLabel()
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            grid.addWidget(name, n // 2, (n % 2) * 2)
            grid.addWidget(value, n // 2, (n % 2) * 2 + 1)
            self.fields[key] = value
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        layout.addWidget(self.item_box)
        self.after_hours = QLabel()
        self.after_hours.setObjectName("afterHours")
        self.after_hours.setWordWrap(True)
        self.after_hours.setStyleSheet(AFTER_HOURS_STYLE)
        self.after_hours.hide()
        layout.addWidget(self.after_hours)

        actions = QGroupBox(self.tr("Việc"))
        form = QFormLayout(actions)
        self.carrier = QLineEdit()
        self.carrier.setObjectName("carrier")
        self.carrier.setPlaceholderText(self.tr("họ tên người đi phát"))
        self.carry_button = QPushButton(self.tr("&Giao đi phát"))
        form.addRow(self.tr("Người đi phát"), self._pair(self.carrier, self.carry_button))
        self.receiver = QLineEdit()
        self.receiver.setObjectName("receiver")
        self.role = QLineEdit(delivery.DEFAULT_ROLE)
        self.role.setObjectName("role")
        self.role.setMaximumWidth(150)
        self.deliver_button = QPushButton(self.tr("&Phát — ký nhận…"))
        box = QHBoxLayout()
        box.addWidget(self.receiver, 2)
        box.addWidget(self.role, 1)
        box.addWidget(self.deliver_button)
        form.addRow(self.tr("Người nhận, chức danh"), box)
        self.reason = QComboBox()
        self.reason.setObjectName("reason")
        self.reason.setEditable(True)
        self.reason.addItems(FAIL_REASONS)
        self.reason.setCurrentText("")
        self.fail_button = QPushButton(self.tr("Phát &không được"))
        self.return_button = QPushButton(self.tr("&Chuyển hoàn"))
        box = QHBoxLayout()
        box.addWidget(self.reason, 1)
        box.addWidget(self.fail_button)
        box.addWidget(self.return_button)
        form.addRow(self.tr("Lý do"), box)
        layout.addWidget(actions)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.hide()
        layout.addWidget(self.message)

        heading = QLabel(self.tr("Chờ phát và đang đi phát"))
        heading.setFont(scaled_font(heading, 1.05, bold=True))
        layout.addWidget(heading)
        self.work_model = RowsModel([
            Column(self.tr("Số hiệu"), lambda r: r["id"]),
            Column(self.tr("Trạng thái"), lambda r: items.STATUSES.get(r["status"], {}).get(self.lang, r["status"])),
            Column(self.tr("Cơ quan nhận"), lambda r: r["recipient_name"]),
            Column(self.tr("Hạn phát"), lambda r: when(r["deadline"]), lambda r: r["deadline"]),
            Column(self.tr("Nơi nhận gửi"), lambda r: r["origin_office"] or self.tr("tại đây")),
        ], self)
        self.work_view = table_view(self.work_model)
        self.work_view.setObjectName("workList")
        layout.addWidget(self.work_view, 1)

        self.id_edit.returnPressed.connect(self._typed)
        self.carry_button.clicked.connect(self.carry)
        self.deliver_button.clicked.connect(self.deliver)
        self.fail_button.clicked.connect(self.fail)
        self.return_button.clicked.connect(self.return_to_sender)
        self.work_view.activated.connect(lambda _i: self.show_item((selected_row(self.work_view) or {}).get("id")))
        self.show_item(None)
        self.refresh()

    @staticmethod
    def _pair(edit: QWidget, button: QWidget) -> QHBoxLayout:
        box = QHBoxLayout()
        box.addWidget(edit, 1)
        box.addWidget(button)
        return box

    def focus_first(self) -> None:
        self.id_edit.setFocus()

    def refresh(self) -> None:
        self.work_model.set_rows(self.session.store.all(
            "SELECT id, status, recipient_name, deadline, origin_office FROM any_items "
            "WHERE status IN ('received', 'out_for_delivery', 'delivery_failed') ORDER BY deadline LIMIT 500"))
        self.work_view.resizeColumnsToContents()
        if self.item:
            self.show_item(self.item["id"])

    # -- the item --------------------------------------------------------------------------------
    def scanned(self, item_id: str) -> bool:
        if self.carry_on_scan.isChecked():
            self.show_item(item_id)
            if self.item and self.item["status"] in states.ACTIONS["carry"].sources:
                self.carry()
            return True
        self.show_item(item_id)
        return True

    def _typed(self) -> None:
        text = self.id_edit.text().strip()
        if text:
            self.scanned(s10.normalise(text))

    def show_item(self, item_id: str | None) -> None:
        self.item = None
        if item_id:
            try:
                self.item = inbound.find(self.session.store, item_id)
            except Kt1Error as err:
                set_message(self.message, err.text(self.lang), ERROR_STYLE)
        item = self.item
        title = item["id"] if item else self.tr("Quét một bưu gửi, hoặc chọn trong danh sách dưới")
        if item and item["inbound"]:
            title += " · " + self.tr("nhận gửi tại {office}").format(office=item["origin_office"])
        self.item_box.setTitle(title)
        if item:
            self.id_edit.setText(item["id"])
            marks = [m for m in (item["secrecy"], self.tr("Hỏa tốc") if item["hoa_toc"] else "",
                                 self.tr("Hẹn giờ {when}").format(when=when(item["hen_gio_at"])) if item["hen_gio_at"]
                                 else "") if m]
            values = {"status": items.STATUSES.get(item["status"], {}).get(self.lang, item["status"]),
                      "deadline": when(item["deadline"]), "recipient": f"{item['recipient_code']} — {item['recipient_name']}",
                      "marks": ", ".join(marks) or "—",
                      "address": f"{item['recipient_address']}, {item['recipient_province']}".strip(", "),
                      "attempts": str(delivery.attempts(self.session.store, item["id"]))}
        else:
            values = dict.fromkeys(self.fields, "")
        for key, value in values.items():
            self.fields[key].setText(value)
        self._show_after_hours()
        status = item["status"] if item else None
        for button, action in ((self.carry_button, "carry"), (self.deliver_button, "deliver"),
                               (self.fail_button, "fail"), (self.return_button, "return")):
            button.setEnabled(status in states.ACTIONS[action].sources)

    def _show_after_hours(self) -> None:
        contact = delivery.after_hours(self.session.store, self.item) if self.item else None
        if not contact:
            self.after_hours.hide()
            return
        who = contact["contact"] or self.tr("(danh bạ chưa có người nhận ngoài giờ)")
        self.after_hours.setText(self.tr("{why}: giao cho người nhận ngoài giờ của {agency}: {who} · {phone}").format(
            why=contact["why"][self.lang].capitalize(), agency=contact["agency"], who=who, phone=contact["phone"] or "—"))
        self.after_hours.show()

    # -- actions ---------------------------------------------------------------------------------
    def _do(self, work, done_text: str) -> bool:
        if not self.item:
            return False
        item_id = self.item["id"]
        try:
            work(item_id)
        except Kt1Error as err:
            set_message(self.message, err.text(self.lang), ERROR_STYLE)
            return False
        self.refresh()
        self.show_item(item_id)
        set_message(self.message, done_text.format(id=item_id), MUTED_STYLE)
        return True

    def carry(self) -> bool:
        s = self.session
        return self._do(lambda i: delivery.carry(s.store, s.user, [i], carrier=self.carrier.text(),
                                                 counter=s.counter["code"]),
                        self.tr("{id}: đã giao đi phát."))

    def deliver(self) -> bool:
        if not self.item:
            return False
        done = self.ask_signature(self.item)
        if done is None:
            return False
        self.refresh()
        self.show_item(done["id"])
        set_message(self.message, self.tr("{id}: đã phát.").format(id=done["id"]), MUTED_STYLE)
        return True

    def fail(self) -> bool:
        s = self.session
        return self._do(lambda i: delivery.fail(s.store, s.user, i, reason=self.reason.currentText(),
                                                counter=s.counter["code"]),
                        self.tr("{id}: đã ghi phát không được; giao đi phát lại hoặc chuyển hoàn."))

    def return_to_sender(self) -> bool:
        s = self.session
        return self._do(lambda i: delivery.return_to_sender(s.store, s.user, i, reason=self.reason.currentText(),
                                                            counter=s.counter["code"]),
                        self.tr("{id}: đã chuyển hoàn về người gửi."))

    def _ask_signature(self, item: dict) -> dict | None:
        s = self.session
        dialog = SignDialog(
            s, title=self.tr("Phát bưu gửi {id}").format(id=item["id"]), action=self.tr("Ghi đã phát"),
            summary=self.tr("{id} → {agency}").format(id=item["id"], agency=item["recipient_name"]),
            fields=[("role", self.tr("Chức danh"), self.role.text())],
            signers=[Signer("receiver", self.tr("Người nhận"), self.receiver.text())],
            act=lambda v: delivery.deliver(s.store, s.user, item["id"], receiver=v["receiver_name"], role=v["role"],
                                           signature=v["receiver_signature"], signature_png=v["receiver_png"],
                                           counter=s.counter["code"]),
            parent=self)
        return dialog.result_value if dialog.exec() else None


class OverdueTab(QWidget):
    """``shown(count)`` when fresh figures are on screen."""

    shown = Signal(int)

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.lang = session.lang
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        self.total = QLabel()
        self.total.setFont(scaled_font(self.total, 1.1, bold=True))
        row.addWidget(self.total, 1)
        self.include_away = QCheckBox(self.tr("Kể cả bưu gửi đã chuyển đi tỉnh khác"))
        self.include_away.setObjectName("includeAway")
        row.addWidget(self.include_away)
        layout.addLayout(row)
        ages = [name[self.lang] for _upper, name in overdue.AGES]
        self.groups_model = RowsModel([Column(self.tr("Nơi đến"), lambda r: r["destination"]),
                                       Column(self.tr("Số bưu gửi"), lambda r: str(r["count"]), lambda r: r["count"],
                                              Qt.AlignmentFlag.AlignRight)]
                                      + [Column(name, lambda r, k=k: str(r["ages"][k] or ""), lambda r, k=k: r["ages"][k],
                                                Qt.AlignmentFlag.AlignRight) for k, name in enumerate(ages)], self)
        self.groups_view = table_view(self.groups_model)
        self.groups_view.setObjectName("overdueGroups")
        self.groups_view.setMaximumHeight(180)
        layout.addWidget(self.groups_view)
        self.items_model = TintedRows([
            Column(self.tr("Số hiệu"), lambda r: r["id"]),
            Column(self.tr("Trạng thái"), lambda r: items.STATUSES.get(r["status"], {}).get(self.lang, r["status"])),
            Column(self.tr("Nơi đến"), lambda r: r["recipient_province"]),
            Column(self.tr("Cơ quan nhận"), lambda r: r["recipient_name"]),
            Column(self.tr("Hạn phát"), lambda r: when(r["deadline"]), lambda r: r["deadline"]),
            Column(self.tr("Quá (ngày)"), lambda r: f"{r['days_late']:.1f}", lambda r: r["days_late"],
                   Qt.AlignmentFlag.AlignRight),
            Column(self.tr("Nơi nhận gửi"), lambda r: r["origin_office"] or self.tr("tại đây")),
        ], late=lambda r: r["age"] >= 2, parent=self)
        self.items_view = table_view(self.items_model)
        self.items_view.setObjectName("overdueItems")
        layout.addWidget(self.items_view, 1)
        self.include_away.toggled.connect(lambda _on: self.refresh())
        self.refresh()

    def refresh(self) -> None:
        store, away = self.session.store, self.include_away.isChecked()
        run_task(self, lambda: overdue.overdue(store, include_away=away), on_done=self._show,
                 on_error=lambda err: self.total.setText(error_text(err, self.lang)))

    def _show(self, found: dict) -> None:
        text = self.tr("Quá hạn, chưa phát lần nào: {n} bưu gửi").format(n=found["count"])
        if found["away"] and not self.include_away.isChecked():
            text += " " + self.tr("(và {n} đã chuyển đi tỉnh khác, chưa có tin phát)").format(n=found["away"])
        self.total.setText(text)
        self.total.setStyleSheet(ERROR_STYLE if found["count"] else "")
        self.groups_model.set_rows(found["destinations"])
        self.items_model.set_rows(found["items"])
        for view in (self.groups_view, self.items_view):
            view.resizeColumnsToContents()
        self.shown.emit(found["count"])


class DeliveryPage(RefreshWhenSeen, QWidget):
    refreshed = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 8)
        self.tabs = QTabWidget()
        self.deliver = DeliverTab(session)
        self.overdue = OverdueTab(session)
        self.tabs.addTab(self.deliver, self.tr("Phát"))
        self.tabs.addTab(self.overdue, self.tr("Quá hạn"))
        layout.addWidget(self.tabs)
        if session.events is not None:
            session.events.changed.connect(self._store_changed)

    def page_title(self) -> str:
        return self.tr("Phát")

    def focus_first(self) -> None:
        if self.tabs.currentWidget() is self.deliver:
            self.deliver.focus_first()

    def accept_scan(self, item_id: str) -> bool:
        """A scanned item opens here (or goes straight out for delivery when that is ticked)."""
        self.tabs.setCurrentWidget(self.deliver)
        return self.deliver.scanned(item_id)

    def refresh(self) -> None:
        self.deliver.refresh()
        self.overdue.refresh()
        self.refreshed.emit()

    def _store_changed(self, _action: str, entities) -> None:
        if "item" not in entities:
            return
        self.store_changed()
