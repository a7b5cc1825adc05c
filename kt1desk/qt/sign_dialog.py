"""The moment of a hand-over: each side's name, the signature typed by the signer, and a signature-pad picture.

``SignDialog`` asks for the signers (and any other fields the hand-over needs),
then calls the core with what was typed; a refusal shows in the dialog and
nothing is written, so the clerk corrects and signs again.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtWidgets import (QDialogButtonBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout,
                               QWidget)

from ..errors import Kt1Error
from .base import BaseDialog
from .pagekit import ERROR_STYLE, scaled_font, set_message
from .session import Session
from .signature_pad import SignatureBox


@dataclass
class Signer:
    key: str
    title: str
    name: str = ""
    signs: bool = True  # types their name as a signature (and may sign on a pad)
    name_editable: bool = True


class SignDialog(BaseDialog):
    """``values()`` has ``<key>_name``, ``<key>_signature``, ``<key>_png`` for each signer and each extra field."""

    def __init__(self, session: Session, *, title: str, summary: str, signers: list[Signer], action: str,
                 act: Callable[[dict], object], fields: list[tuple[str, str, str]] = (), parent: QWidget | None = None):
        super().__init__("sign", parent)
        self.session = session
        self.act = act
        self.result_value = None
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        heading = QLabel(summary)
        heading.setWordWrap(True)
        heading.setFont(scaled_font(heading, 1.1, bold=True))
        layout.addWidget(heading)
        self.fields: dict[str, QLineEdit] = {}
        if fields:
            form = QFormLayout()
            for key, label, default in fields:
                self.fields[key] = QLineEdit(default)
                self.fields[key].setObjectName(key)
                form.addRow(label, self.fields[key])
            layout.addLayout(form)
        sides = QHBoxLayout()
        self.names: dict[str, QLineEdit] = {}
        self.signatures: dict[str, QLineEdit] = {}
        self.pads: dict[str, SignatureBox] = {}
        for signer in signers:
            box = QGroupBox(signer.title)
            form = QFormLayout(box)
            name = QLineEdit(signer.name)
            name.setObjectName(f"{signer.key}_name")
            name.setReadOnly(not signer.name_editable)
            form.addRow(self.tr("Họ tên"), name)
            self.names[signer.key] = name
            if signer.signs:
                typed = QLineEdit()
                typed.setObjectName(f"{signer.key}_signature")
                typed.setPlaceholderText(self.tr("người ký tự gõ họ tên của mình"))
                form.addRow(self.tr("Chữ ký (gõ tên)"), typed)
                self.signatures[signer.key] = typed
                pad = SignatureBox(self.tr("Ký trên bảng ký (nếu có)"))
                form.addRow(pad)
                self.pads[signer.key] = pad
            sides.addWidget(box)
        layout.addLayout(sides)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.hide()
        layout.addWidget(self.message)
        buttons = QDialogButtonBox()
        self.ok_button = buttons.addButton(action, QDialogButtonBox.ButtonRole.AcceptRole)
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("Hủy"))
        buttons.accepted.connect(self.confirm)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        first = next(iter(self.fields.values()), None) or next(
            (e for e in self.names.values() if not e.isReadOnly() and not e.text()), None) or next(
            iter(self.signatures.values()), None)
        if first is not None:
            first.setFocus()

    def values(self) -> dict:
        out = {key: edit.text() for key, edit in self.fields.items()}
        for key, edit in self.names.items():
            out[f"{key}_name"] = edit.text()
            out[f"{key}_signature"] = self.signatures[key].text() if key in self.signatures else None
            out[f"{key}_png"] = self.pads[key].png() if key in self.pads else None
        return out

    def confirm(self) -> None:
        try:
            self.result_value = self.act(self.values())
        except Kt1Error as err:
            set_message(self.message, err.text(self.session.lang), ERROR_STYLE)
            return
        self.accept()
