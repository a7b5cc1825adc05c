"""One item: every field of its outer envelope and service, every event, and reprints.

Secrecy shows as its letter only, as on the envelope. A reprint is counted
(``items.record_print``); a receipt printed again is marked as a copy.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QDialogButtonBox, QFormLayout, QHBoxLayout, QHeaderView, QLabel, QPushButton,
                               QTableView, QVBoxLayout, QWidget)

from .. import clock
from ..errors import Kt1Error
from ..formats import fee_with_vat, money, moment, weight
from ..life import corrections
from ..services import items
from ..services.intake import KINDS, ZONE_NAMES
from ..services.tariff import FREE_REASONS
from .base import BaseDialog
from .pagekit import MUTED_STYLE, WARNING_STYLE, Column, ColumnFitter, RowsModel, scaled_font, set_message
from .session import Session

log = logging.getLogger(__name__)


def _when(text: str | None) -> str:
    return moment(clock.parse_iso(text)) if text else ""


# The rows of the two columns, by key; a row whose value is None is hidden for that item.
LEFT_ROWS = ("status", "sender", "recipient", "address", "kind", "weight", "pieces", "secrecy", "seal")
RIGHT_ROWS = ("hoa_toc", "hen_gio", "scope", "accepted", "deadline", "fee", "clerk", "counter", "prints")


class ItemDialog(BaseDialog):
    """One item's view. Made once and shown again for the next item (``show_item``): a scan opens it fast."""

    def __init__(self, session: Session, item_id: str, parent: QWidget | None = None):
        super().__init__("item", parent)
        self.session = session
        self.item_id = ""
        self.setObjectName("itemDialog")
        self.resize(900, 640)
        layout = QVBoxLayout(self)
        self.id_label = QLabel()
        self.id_label.setFont(scaled_font(self, 1.8, bold=True, mono=True))
        self.id_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.id_label)
        columns = QHBoxLayout()
        self.left = QFormLayout()
        self.right = QFormLayout()
        for form in (self.left, self.right):
            form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft)
            form.setHorizontalSpacing(14)
            columns.addLayout(form, 1)
        layout.addLayout(columns)
        layout.addWidget(QLabel(self.tr("Diễn biến")))
        self.events_model = RowsModel([
            Column(self.tr("Thời điểm"), lambda e: _when(e["at"]), lambda e: e["at"]),
            Column(self.tr("Việc"), self._event_name),
            Column(self.tr("Người làm"), lambda e: f"{e['user_name'] or ''} ({e['user_login'] or '—'})"),
            Column(self.tr("Quầy"), lambda e: e["counter_code"] or ""),
            Column(self.tr("Ghi chú"), self._event_note),
        ], self)
        self.events_view = QTableView()
        self.events_view.setObjectName("eventsView")
        self.events_view.setModel(self.events_model)
        self.events_view.verticalHeader().hide()
        self.events_view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.events_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.events_view.horizontalHeader().setStretchLastSection(True)
        self.events_columns = ColumnFitter(self.events_view, self.events_model, flexible=(2,))
        layout.addWidget(self.events_view, 1)
        self.print_status = QLabel()
        self.print_status.setWordWrap(True)
        self.print_status.hide()
        layout.addWidget(self.print_status)
        buttons = QDialogButtonBox()
        self.label_button = QPushButton(self.tr("In lại &nhãn"))
        self.receipt_button = QPushButton(self.tr("In lại &biên nhận"))
        # A supervisor's work, offered to supervisors (the core checks the role again).
        self.correct_button = QPushButton(self.tr("Điều &chỉnh…"))
        self.void_button = QPushButton(self.tr("&Hủy bưu gửi…"))
        shown = [self.label_button, self.receipt_button] + (
            [self.correct_button, self.void_button] if session.can_supervise else [])
        for button in shown:
            button.setAutoDefault(False)
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("Đóng"))
        buttons.rejected.connect(self.reject)
        self.label_button.clicked.connect(lambda: self.reprint("label"))
        self.receipt_button.clicked.connect(lambda: self.reprint("receipt"))
        self.correct_button.clicked.connect(self.correct)
        self.void_button.clicked.connect(self.void)
        layout.addWidget(buttons)
        self.values: dict[str, QLabel] = {}
        for form, keys in ((self.left, LEFT_ROWS), (self.right, RIGHT_ROWS)):
            for key in keys:
                value = QLabel()
                value.setWordWrap(True)
                value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                name = QLabel(self._row_name(key))
                name.setStyleSheet(MUTED_STYLE)
                form.addRow(name, value)
                self.values[key] = value
        if session.events is not None:
            session.events.changed.connect(self._store_changed)
        self.show_item(item_id)

    # -- public ------------------------------------------------------------
    def show_item(self, item_id: str) -> None:
        """Show another item in this window; raises Kt1Error('item_not_found') and changes nothing for an unknown id."""
        self.item_id = items.get_item(self.session.store, item_id)["id"]
        self.setWindowTitle(self.tr("Bưu gửi {id}").format(id=self.item_id))
        self.id_label.setText(self.item_id)
        set_message(self.print_status, None)
        self.load()

    def load(self) -> None:
        store, lang = self.session.store, self.session.lang
        item = items.get_item(store, self.item_id)
        self.item = item
        yes, no = self.tr("có"), self.tr("không")
        status = items.STATUSES.get(item["status"], {}).get(lang, item["status"])
        if item["free_reason"]:
            fee = self.tr("Miễn cước") + " — " + FREE_REASONS[item["free_reason"]].get(lang, "")
        else:
            fee = fee_with_vat(item, lang)
            if item["tariff_is_sample"]:
                fee += " — " + self.tr("theo bảng cước MẪU, không chính thức")
        zone = ZONE_NAMES.get((item["scope"], None), {}).get(lang) if item["scope"] == "lien-tinh" else \
            self.tr("nội tỉnh")
        accepted = _when(item["accepted_at"])
        if item["back_entry"]:
            accepted += "  " + self.tr("(nhập bù lúc {when})").format(when=_when(item["entered_at"]))
        shown = {
            "status": status,
            "sender": f"{item['sender_code']} — {item['sender_name']}",
            "recipient": f"{item['recipient_code']} — {item['recipient_name']}",
            "address": f"{item['recipient_address']}, {item['recipient_province']}".strip(", "),
            "kind": KINDS.get(item["kind"], {}).get(lang, item["kind"]),
            "weight": weight(item["weight_g"], lang),
            "pieces": str(item["pieces"]),
            "secrecy": item["secrecy"] or self.tr("không mật"),
            # a seal is checked on secret items only
            "seal": (yes if item["seal_intact"] else no) if item["secrecy"] else None,
            "hoa_toc": yes if item["hoa_toc"] else no,
            "hen_gio": _when(item["hen_gio_at"]) or no,
            "scope": zone or item["scope"],
            "accepted": accepted,
            "deadline": _when(item["deadline"]),
            "fee": fee,
            "clerk": f"{item['clerk_name']} ({item['clerk_login']})",
            "counter": item["counter_code"],
            "prints": self.tr("nhãn {label}, biên nhận {receipt}").format(
                label=item["label_prints"], receipt=item["receipt_prints"]),
        }
        for key, text in shown.items():
            form = self.left if key in LEFT_ROWS else self.right
            form.setRowVisible(self.values[key], text is not None)
            if text is not None:
                self.values[key].setText(text)
        if item["secrecy"] and item["immediate_dispatch"] and item["status"] in ("accepted", "bagged"):
            set_message(self.print_status, self.tr("Bưu gửi mật: chờ chuyển đi ngay bằng xe riêng."), WARNING_STYLE)
        self.events_model.set_rows(items.events(store, self.item_id))
        self.events_columns.fit()
        for button in (self.correct_button, self.void_button):
            button.setEnabled(item["status"] == "accepted")

    def field(self, name: str) -> str:
        """The value shown beside the label ``name`` (for tests and screen readers)."""
        for form in (self.left, self.right):
            for row in range(form.rowCount()):
                label = form.itemAt(row, QFormLayout.ItemRole.LabelRole).widget()
                if label.text() == name and form.isRowVisible(row):
                    return form.itemAt(row, QFormLayout.ItemRole.FieldRole).widget().text()
        raise KeyError(name)

    def reprint(self, document: str) -> bool:
        """Print the label or receipt again and count it; a receipt printed again says it is a copy."""
        session = self.session
        names = {"label": self.tr("Nhãn"), "receipt": self.tr("Biên nhận")}
        try:
            from ..printing import label_pdf, receipt_pdf

            if document == "label":
                pdf = label_pdf(session.store, [self.item_id])
            else:
                pdf = receipt_pdf(session.store, self.item_id, copy=self.item["receipt_prints"] > 0)
            printed = session.print_documents(self, pdf, doc_type=document,
                                              title=f"{names[document]} {self.item_id}")
        except Exception as err:  # a printer fault is reported, never fatal
            log.exception("reprint %s of %s failed", document, self.item_id)
            text = err.text(session.lang) if isinstance(err, Kt1Error) else str(err)
            set_message(self.print_status, self.tr("Không in được {paper}: {reason}").format(
                paper=names[document].lower(), reason=text), WARNING_STYLE)
            return False
        if not printed:
            set_message(self.print_status, self.tr("Đã hủy in."), MUTED_STYLE)
            return False
        count = items.record_print(session.store, session.user, self.item_id, document)
        self.load()
        set_message(self.print_status, self.tr("Đã in {paper} (lần {count}).").format(
            paper=names[document].lower(), count=count), MUTED_STYLE)
        return True

    # -- helpers -------------------------------------------------------------
    def _row_name(self, key: str) -> str:
        return {
            "status": self.tr("Trạng thái"), "sender": self.tr("Cơ quan gửi"), "recipient": self.tr("Cơ quan nhận"),
            "address": self.tr("Địa chỉ nhận"), "kind": self.tr("Loại"), "weight": self.tr("Khối lượng"),
            "pieces": self.tr("Số kiện"), "secrecy": self.tr("Độ mật"), "seal": self.tr("Niêm phong nguyên vẹn"),
            "hoa_toc": self.tr("Hỏa tốc"), "hen_gio": self.tr("Hẹn giờ"), "scope": self.tr("Phạm vi"),
            "accepted": self.tr("Thời điểm nhận"), "deadline": self.tr("Hạn phát"), "fee": self.tr("Cước"),
            "clerk": self.tr("Giao dịch viên"), "counter": self.tr("Quầy"), "prints": self.tr("Số lần in"),
        }[key]

    def _event_name(self, event: dict) -> str:
        names = {
            "accepted": self.tr("Nhận gửi"),
            "printed_label": self.tr("In nhãn"),
            "printed_receipt": self.tr("In biên nhận"),
            "voided": self.tr("Hủy"),
            "corrected": self.tr("Điều chỉnh"),
            "bagged": self.tr("Vào túi"),
            "unbagged": self.tr("Lấy ra khỏi túi"),
            "dispatched": self.tr("Chuyển đi"),
            "received": self.tr("Đến nơi phát"),
            "missing": self.tr("Thiếu khi nhận túi"),
            "out_for_delivery": self.tr("Giao đi phát"),
            "delivered": self.tr("Đã phát"),
            "delivery_failed": self.tr("Phát không được"),
            "returned": self.tr("Chuyển hoàn"),
            "complaint": self.tr("Khiếu nại"),
            "complaint_answered": self.tr("Trả lời khiếu nại"),
        }
        return names.get(event["kind"], event["kind"])

    def _event_note(self, event: dict) -> str:
        details = event["details"] or {}
        notes = []
        if details.get("back_entry"):
            notes.append(self.tr("nhập bù"))
        if "count" in details:
            notes.append(self.tr("lần {n}").format(n=details["count"]))
        if details.get("copy"):
            notes.append(self.tr("bản sao"))
        for key in ("bag", "dispatch", "receipt", "complaint", "carrier"):
            if details.get(key):
                notes.append(str(details[key]))
        if details.get("receiver"):
            notes.append(self.tr("người nhận {name} ({role})").format(name=details["receiver"],
                                                                     role=details.get("role", "")))
        if details.get("damaged"):
            notes.append(self.tr("hư hỏng"))
        if details.get("extra"):
            notes.append(self.tr("thừa so với bảng kê"))
        if details.get("reason"):
            notes.append(self.tr("lý do: {reason}").format(reason=details["reason"]))
        if details.get("before"):
            notes.append(", ".join(f"{k}: {details['before'][k]} → {details['after'].get(k)}" for k in details["before"]))
        return ", ".join(notes)

    # -- a supervisor's work -------------------------------------------------------
    def void(self) -> bool:
        """Void the item (with a reason); its record and id stay."""
        from PySide6.QtWidgets import QInputDialog

        reason, ok = QInputDialog.getText(self, self.tr("Hủy bưu gửi {id}").format(id=self.item_id),
                                          self.tr("Lý do hủy (bắt buộc). Bưu gửi vẫn giữ số hiệu, không cấp lại:"))
        return ok and self.apply(lambda: corrections.void(self.session.store, self.session.user, self.item_id,
                                                          reason=reason, counter=self.session.counter["code"]),
                                 self.tr("Đã hủy bưu gửi."))

    def correct(self) -> bool:
        from .correction_dialog import CorrectionDialog

        dialog = CorrectionDialog(self.session, self.item, self)
        if not dialog.exec():
            return False
        self.load()
        set_message(self.print_status, self.tr("Đã điều chỉnh; in lại nhãn và biên nhận nếu cần."), MUTED_STYLE)
        return True

    def apply(self, work, done: str) -> bool:
        try:
            work()
        except Kt1Error as err:
            set_message(self.print_status, err.text(self.session.lang), WARNING_STYLE)
            return False
        self.load()
        set_message(self.print_status, done, MUTED_STYLE)
        return True

    def _store_changed(self, _action: str, entities) -> None:
        if "item" in entities and self.isVisible():
            self.load()


