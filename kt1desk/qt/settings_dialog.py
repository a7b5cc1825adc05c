"""Settings of this machine (language) and of the office (idle lock minutes, supervisors only)."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLabel, QPushButton, QSpinBox, QWidget

from ..errors import Kt1Error
from ..services import settings
from .base import BaseDialog, save_language
from .pagekit import MUTED_STYLE, child, set_message
from .session import Session

LANGUAGES = (("vi", "Tiếng Việt"), ("en", "English"))  # each in its own language, never translated


class SettingsDialog(BaseDialog):
    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__("settings", parent)
        self.session = session
        self.idle_changed = False
        self.language_changed = False
        self.form = self.load_form("settings_dialog.ui")
        self.setWindowTitle(self.tr("KT1 Desk — Cài đặt"))
        self.language = child(self.form, QComboBox, "language")
        for code, name in LANGUAGES:
            self.language.addItem(name, code)
        self.language.setCurrentIndex(0 if session.lang != "en" else 1)
        language_note = child(self.form, QLabel, "language_note")
        set_message(language_note, language_note.text(), MUTED_STYLE)
        self.idle = child(self.form, QSpinBox, "idle_minutes")
        self.idle_value = settings.get(session.store, "idle_lock_minutes")
        self.idle.setValue(self.idle_value)
        self.idle.setEnabled(session.can_supervise)
        note = child(self.form, QLabel, "idle_note")
        set_message(note, self.tr("Thời gian tự khóa áp dụng cho mọi quầy của bưu cục.")
                    if session.can_supervise else
                    self.tr("Chỉ kiểm soát viên hoặc quản trị được đổi thời gian tự khóa."), MUTED_STYLE)
        self.message = child(self.form, QLabel, "message")
        self.idle_error = child(self.form, QLabel, "idle_minutes_error")
        set_message(self.message, None)
        set_message(self.idle_error, None)
        child(self.form, QPushButton, "ok_button").clicked.connect(self.save)
        child(self.form, QPushButton, "cancel_button").clicked.connect(self.reject)
        self.setMinimumWidth(460)
        self.language.setFocus()

    def save(self) -> None:
        if self.session.can_supervise and self.idle.value() != self.idle_value:
            try:
                settings.put(self.session.store, self.session.user, "idle_lock_minutes", str(self.idle.value()))
            except Kt1Error as err:
                set_message(self.idle_error, err.text(self.session.lang))
                return
            self.idle_changed = True
        lang = self.language.currentData()
        if lang != self.session.lang:
            from .app import switch_language

            save_language(lang)
            switch_language(self.session, lang)
            self.language_changed = True
        self.accept()
