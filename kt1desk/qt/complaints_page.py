"""Khiếu nại: written complaints lodged within the law's windows, the register of what is due and late, answers.

Anyone at the counter records a complaint (the item scanned or typed, its kind,
the complainant's name, the day the letter came); the core refuses one outside
its window, saying the dates. A supervisor records the answer — outcome and any
compensation — and sets the office's answer target (the law's ceiling is two
months). Late rows are red.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDateTime, Qt, Signal
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDateTimeEdit, QGridLayout, QGroupBox, QHBoxLayout, QLabel,
                               QLineEdit, QPushButton, QSpinBox, QVBoxLayout, QWidget)

from .. import clock, formats, s10
from ..errors import Kt1Error
from ..life import complaints
from ..services import settings
from .lifekit import RefreshWhenSeen, TintedRows, when
from .pagekit import ERROR_STYLE, MUTED_STYLE, WARNING_STYLE, Column, scaled_font, selected_row, set_message, table_view
from .session import Session


def _qdatetime(value: datetime) -> QDateTime:
    value = clock.to_vn(value)
    return QDateTime.fromString(value.strftime("%Y-%m-%d %H:%M"), "yyyy-MM-dd HH:mm")


class ComplaintsPage(RefreshWhenSeen, QWidget):
    refreshed = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        lang = self.lang = session.lang
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 10)

        new = QGroupBox(self.tr("Ghi khiếu nại bằng văn bản"))
        grid = QGridLayout(new)
        self.item_edit = QLineEdit()
        self.item_edit.setObjectName("complaintItem")
        self.item_edit.setPlaceholderText(self.tr("quét hoặc gõ số hiệu"))
        self.kind = QComboBox()
        self.kind.setObjectName("complaintKind")
        for code, names in complaints.KINDS.items():
            self.kind.addItem(names[lang], code)
        self.by_edit = QLineEdit()
        self.by_edit.setObjectName("complaintBy")
        self.by_edit.setPlaceholderText(self.tr("họ tên, cơ quan người khiếu nại"))
        self.lodged = QDateTimeEdit()
        self.lodged.setObjectName("complaintLodged")
        self.lodged.setDisplayFormat("dd/MM/yyyy HH:mm")
        self.lodged.setCalendarPopup(True)
        self.lodge_button = QPushButton(self.tr("&Ghi khiếu nại"))
        for column, (label, widget) in enumerate(((self.tr("Bưu gửi"), self.item_edit), (self.tr("Loại"), self.kind),
                                                  (self.tr("Người khiếu nại"), self.by_edit),
                                                  (self.tr("Nhận đơn lúc"), self.lodged))):
            caption = QLabel(label)
            caption.setStyleSheet(MUTED_STYLE)
            grid.addWidget(caption, 0, column)
            grid.addWidget(widget, 1, column)
        grid.addWidget(self.lodge_button, 1, 4)
        grid.setColumnStretch(2, 1)
        layout.addWidget(new)

        row = QHBoxLayout()
        title = QLabel(self.tr("Sổ khiếu nại"))
        title.setFont(scaled_font(title, 1.05, bold=True))
        row.addWidget(title)
        self.due_only = QCheckBox(self.tr("Chỉ khiếu nại còn phải trả lời"))
        self.due_only.setObjectName("dueOnly")
        self.due_only.setChecked(True)
        row.addWidget(self.due_only)
        row.addStretch(1)
        row.addWidget(QLabel(self.tr("Hạn trả lời")))
        self.target = QSpinBox()
        self.target.setObjectName("answerDays")
        self.target.setRange(1, 62)
        self.target.setSuffix(self.tr(" ngày"))
        self.target.setEnabled(session.can_supervise)
        self.target.setToolTip(self.tr("Mục tiêu của bưu cục; luật cho tối đa 2 tháng. Kiểm soát viên đổi được."))
        row.addWidget(self.target)
        layout.addLayout(row)
        self.model = TintedRows([
            Column(self.tr("Số"), lambda r: r["id"]),
            Column(self.tr("Bưu gửi"), lambda r: r["item_id"]),
            Column(self.tr("Loại"), lambda r: complaints.KINDS[r["kind"]][lang]),
            Column(self.tr("Người khiếu nại"), lambda r: r["lodged_by"]),
            Column(self.tr("Nhận đơn"), lambda r: when(r["lodged_at"]), lambda r: r["lodged_at"]),
            Column(self.tr("Hạn trả lời"), lambda r: formats.day(clock.parse_date(r["answer_due"])),
                   lambda r: r["answer_due"]),
            Column(self.tr("Tình trạng"), self._standing),
            Column(self.tr("Bồi thường"), lambda r: formats.money(r["compensation_vnd"], lang)
                   if r["compensation_vnd"] else "", lambda r: r["compensation_vnd"], Qt.AlignmentFlag.AlignRight),
        ], late=lambda r: r["late"], parent=self)
        self.view = table_view(self.model)
        self.view.setObjectName("complaintsView")
        self.view.setSortingEnabled(False)
        layout.addWidget(self.view, 1)

        self.answer_box = QGroupBox(self.tr("Trả lời khiếu nại đã chọn (kiểm soát viên)"))
        answer = QHBoxLayout(self.answer_box)
        self.outcome = QComboBox()
        self.outcome.setObjectName("outcome")
        for code, names in complaints.OUTCOMES.items():
            self.outcome.addItem(names[lang], code)
        self.compensation = QLineEdit()
        self.compensation.setObjectName("compensation")
        self.compensation.setPlaceholderText(self.tr("bồi thường, đồng"))
        self.compensation.setMaximumWidth(130)
        self.answer_text = QLineEdit()
        self.answer_text.setObjectName("answerText")
        self.answer_text.setPlaceholderText(self.tr("nội dung trả lời"))
        self.answer_button = QPushButton(self.tr("Ghi &trả lời"))
        for widget, stretch in ((self.outcome, 0), (self.compensation, 0), (self.answer_text, 1),
                                (self.answer_button, 0)):
            answer.addWidget(widget, stretch)
        self.answer_box.setVisible(session.can_supervise)
        layout.addWidget(self.answer_box)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.hide()
        layout.addWidget(self.message)

        self.lodge_button.clicked.connect(self.lodge)
        self.answer_button.clicked.connect(self.answer)
        self.due_only.toggled.connect(lambda _on: self.refresh())
        self.target.editingFinished.connect(self._save_target)
        if session.events is not None:
            session.events.changed.connect(self._store_changed)
        self.refresh()

    def page_title(self) -> str:
        return self.tr("Khiếu nại")

    def focus_first(self) -> None:
        self.item_edit.setFocus()

    def accept_scan(self, item_id: str) -> bool:
        """A scanned item fills the new complaint's item."""
        self.item_edit.setText(item_id)
        self.by_edit.setFocus()
        return True

    def _standing(self, row: dict) -> str:
        if row["status"] == "answered":
            outcome = complaints.OUTCOMES[row["outcome"]][self.lang]
            return outcome + (self.tr(" (trả lời muộn)") if row["late"] else "")
        if row["late"]:
            return self.tr("QUÁ HẠN {n} ngày").format(n=-row["days_left"])
        return self.tr("còn {n} ngày").format(n=row["days_left"])

    def refresh(self) -> None:
        store = self.session.store
        self.model.set_rows(complaints.register(store, due_only=self.due_only.isChecked()))
        self.view.resizeColumnsToContents()
        if not self.target.hasFocus():
            self.target.setValue(settings.get(store, "complaint_answer_days"))
        if not self.lodged.hasFocus():
            self.lodged.setDateTime(_qdatetime(clock.now()))
        self.refreshed.emit()

    def lodge(self) -> dict | None:
        s = self.session
        value = self.lodged.dateTime()
        lodged = datetime(value.date().year(), value.date().month(), value.date().day(), value.time().hour(),
                          value.time().minute(), tzinfo=clock.VN_TZ)
        try:
            made = complaints.lodge(s.store, s.user, s10.normalise(self.item_edit.text()) or self.item_edit.text(),
                                    kind=self.kind.currentData(), by=self.by_edit.text(), at=lodged,
                                    counter=s.counter["code"])
        except Kt1Error as err:
            set_message(self.message, err.text(self.lang), ERROR_STYLE)
            return None
        self.item_edit.clear()
        self.by_edit.clear()
        self.refresh()
        set_message(self.message, self.tr("Đã ghi khiếu nại {id}; hạn trả lời {due}.").format(
            id=made["id"], due=formats.day(clock.parse_date(made["answer_due"]))), MUTED_STYLE)
        return made

    def answer(self) -> dict | None:
        row = selected_row(self.view)
        if row is None:
            set_message(self.message, self.tr("Chọn khiếu nại cần trả lời."), WARNING_STYLE)
            return None
        try:
            done = complaints.answer(self.session.store, self.session.user, row["id"],
                                     outcome=self.outcome.currentData(), text=self.answer_text.text(),
                                     compensation=self.compensation.text() or 0)
        except Kt1Error as err:
            set_message(self.message, err.text(self.lang), ERROR_STYLE)
            return None
        self.compensation.clear()
        self.answer_text.clear()
        self.refresh()
        set_message(self.message, self.tr("Đã ghi trả lời khiếu nại {id}.").format(id=done["id"]), MUTED_STYLE)
        return done

    def _save_target(self) -> None:
        value = str(self.target.value())
        if not self.session.can_supervise or value == str(settings.get(self.session.store, "complaint_answer_days")):
            return
        try:
            settings.put(self.session.store, self.session.user, "complaint_answer_days", value)
        except Kt1Error as err:
            set_message(self.message, err.text(self.lang), ERROR_STYLE)

    def _store_changed(self, _action: str, entities) -> None:
        if not entities & {"complaint", "setting"}:
            return
        self.store_changed()
