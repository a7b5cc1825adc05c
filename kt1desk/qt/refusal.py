"""Refusing a secret item whose seal is not intact: the clerk confirms and names who presented it.

The refusal is recorded (time, reason, who refused, who presented it) and nothing
else about the item — DOMAIN.md. The name is required: a refusal without it
would be a record nobody could follow up.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from .base import BaseDialog
from .pagekit import ERROR_STYLE, WARNING_STYLE, scaled_font, set_message


class RefusalDialog(BaseDialog):
    """``presented_by()`` once accepted. "Quay lại" (Esc) goes back to the form with nothing recorded."""

    def __init__(self, letter: str, parent: QWidget | None = None):
        super().__init__("refusal", parent)
        self.setWindowTitle(self.tr("Niêm phong không nguyên vẹn"))
        layout = QVBoxLayout(self)
        heading = QLabel(self.tr("Từ chối nhận bưu gửi mật {letter}").format(letter=letter))
        heading.setFont(scaled_font(heading, 1.25, bold=True))
        heading.setStyleSheet(WARNING_STYLE)
        layout.addWidget(heading)
        text = QLabel(self.tr("Bưu gửi mật {letter} có niêm phong không nguyên vẹn thì không được nhận. Việc từ "
                              "chối được ghi lại: thời điểm, lý do, người từ chối và người mang bưu gửi đến — "
                              "không ghi gì về bưu gửi.").format(letter=letter))
        text.setWordWrap(True)
        layout.addWidget(text)
        form = QFormLayout()
        self.presenter = QLineEdit()
        self.presenter.setMaxLength(120)
        self.presenter.setPlaceholderText(self.tr("họ tên, cơ quan — ví dụ: Nguyễn Văn A, Sở Y tế"))
        form.addRow(self.tr("Người &mang đến"), self.presenter)
        layout.addLayout(form)
        self.error = QLabel()
        self.error.setWordWrap(True)
        layout.addWidget(self.error)
        set_message(self.error, None)
        buttons = QDialogButtonBox()
        self.refuse_button = buttons.addButton(self.tr("&Từ chối nhận"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.back_button = buttons.addButton(self.tr("&Quay lại"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self._refuse)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.back_button.setDefault(False)
        self.refuse_button.setAutoDefault(False)
        self.presenter.returnPressed.connect(self._refuse)
        self.presenter.setFocus(Qt.FocusReason.OtherFocusReason)
        self.resize(520, self.sizeHint().height())

    def presented_by(self) -> str:
        return " ".join(self.presenter.text().split())

    def _refuse(self) -> None:
        if not self.presented_by():
            set_message(self.error, self.tr("Ghi tên người mang bưu gửi đến trước khi từ chối."), ERROR_STYLE)
            self.presenter.setFocus()
            return
        self.accept()


def ask_refusal(parent: QWidget, letter: str) -> str | None:
    """The name of who presented the item, once the clerk confirms the refusal; None to go back."""
    dialog = RefusalDialog(letter, parent)
    return dialog.presented_by() if dialog.exec() else None
