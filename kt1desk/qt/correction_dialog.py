"""A supervisor corrects what was typed wrong on an item still at the counter, with the reason.

The fields start from the item as it is; the core prices it again and keeps the
old values in the correction's event. Errors show under each field.
"""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from ..life import corrections
from ..services.intake import KINDS
from .completer import AgencyCompleter
from .directory_page import FormDialog
from .session import Session


class CorrectionDialog(FormDialog):
    def __init__(self, session: Session, item: dict, parent: QWidget | None = None):
        super().__init__("correct_item", session, parent)
        self.item = item
        self.setWindowTitle(self.tr("Điều chỉnh bưu gửi {id}").format(id=item["id"]))
        self.sender = self.add_field("sender", self.tr("Cơ quan gửi"), QLineEdit(item["sender_code"]))
        self.recipient = self.add_field("recipient", self.tr("Cơ quan nhận"), QLineEdit(item["recipient_code"]))
        self.completers = [AgencyCompleter(edit, session.store, lang=session.lang)
                           for edit in (self.sender, self.recipient)]
        self.kind = self.add_field("kind", self.tr("Loại"), QComboBox())
        for code, names in KINDS.items():
            self.kind.addItem(names.get(session.lang, names["vi"]), code)
        self.kind.setCurrentIndex(self.kind.findData(item["kind"]))
        self.weight = self.add_field("weight_g", self.tr("Khối lượng (g)"), QLineEdit(str(item["weight_g"])))
        self.pieces = self.add_field("pieces", self.tr("Số kiện"), QLineEdit(str(item["pieces"])))
        self.reason = self.add_field("reason", self.tr("Lý do điều chỉnh"), QLineEdit())
        self.reason.setPlaceholderText(self.tr("bắt buộc — ghi vào diễn biến của bưu gửi"))
        self.buttons.button(self.buttons.StandardButton.Save).setText(self.tr("Điều chỉnh"))
        self.resize(520, 360)
        self.reason.setFocus()

    def write(self) -> None:
        self.saved = corrections.correct(
            self.session.store, self.session.user, self.item["id"], reason=self.reason.text(),
            counter=self.session.counter["code"], sender=self.sender.text(), recipient=self.recipient.text(),
            kind=self.kind.currentData(), weight_g=self.weight.text(), pieces=self.pieces.text())
