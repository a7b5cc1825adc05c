"""Settings of this machine (language), of the office (idle lock minutes, supervisors only), where the
data lives and its backups (folder and how many are kept: supervisors; "back up now": anyone), and,
after a restore, where the serials stood (admins)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QComboBox, QFileDialog, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit,
                               QPushButton, QSpinBox, QWidget)

from .. import location
from ..errors import Kt1Error
from ..services import settings
from .base import BaseDialog, save_language
from .pagekit import MUTED_STYLE, child, set_message
from .session import Session
from .tasks import run_task

OK_STYLE = "color: #1b6e20;"

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
        self._add_data_section()
        child(self.form, QPushButton, "ok_button").clicked.connect(self.save)
        child(self.form, QPushButton, "cancel_button").clicked.connect(self.reject)
        self.setMinimumWidth(520)
        self.language.setFocus()

    # -- where the data lives, backups, serials after a restore ------------------------------------
    def _add_data_section(self) -> None:
        store, can_edit = self.session.store, self.session.can_supervise
        box = QGroupBox(self.tr("Dữ liệu và sao lưu"))
        self.data_box = box
        layout = QFormLayout(box)
        self.db_path = QLabel(store.path)
        self.db_path.setObjectName("db_path")
        self.db_path.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.db_path.setWordWrap(True)
        layout.addRow(self.tr("Cơ sở dữ liệu"), self.db_path)
        self.db_where = QLabel(self._where_text())
        self.db_where.setWordWrap(True)
        self.db_where.setStyleSheet(MUTED_STYLE)
        layout.addRow("", self.db_where)
        self.backup_folder_value = settings.get(store, "backup_folder")
        self.backup_folder = QLineEdit(self.backup_folder_value)
        self.backup_folder.setObjectName("backup_folder")
        self.backup_folder.setPlaceholderText(self.tr("USB hoặc ổ mạng, ví dụ E:\\KT1"))
        self.backup_folder.setEnabled(can_edit)
        browse = QPushButton(self.tr("Chọn…"))
        browse.setEnabled(can_edit)
        browse.clicked.connect(self._choose_folder)
        row = QHBoxLayout()
        row.addWidget(self.backup_folder, 1)
        row.addWidget(browse)
        folder_label = QLabel(self.tr("Thư mục &sao lưu"))
        folder_label.setBuddy(self.backup_folder)
        layout.addRow(folder_label, row)
        self.backup_keep_value = settings.get(store, "backup_keep")
        self.backup_keep = QSpinBox()
        self.backup_keep.setObjectName("backup_keep")
        self.backup_keep.setRange(1, 1000)
        self.backup_keep.setValue(min(self.backup_keep_value, 1000))
        self.backup_keep.setSuffix(self.tr(" bản gần nhất"))
        self.backup_keep.setEnabled(can_edit)
        layout.addRow(self.tr("Giữ lại"), self.backup_keep)
        self.backup_button = QPushButton(self.tr("Sao lưu &ngay"))
        self.backup_button.setObjectName("backup_button")
        self.backup_button.clicked.connect(self.backup_now)
        layout.addRow("", self.backup_button)
        self.backup_result = QLabel()
        self.backup_result.setObjectName("backup_result")
        self.backup_result.setWordWrap(True)
        set_message(self.backup_result, None)
        layout.addRow("", self.backup_result)
        note = QLabel(self.tr("Bản sao lưu được kiểm tra ngay sau khi ghi, và cũng được tạo mỗi lần chốt ca. "
                              "Khóa ký của quầy không bao giờ nằm trong bản sao lưu."))
        note.setWordWrap(True)
        note.setStyleSheet(MUTED_STYLE)
        layout.addRow("", note)
        self.serials_edit = None
        pending = store.one("SELECT backup_as_of FROM restores WHERE serials_confirmed_at IS NULL LIMIT 1")
        if pending is not None:
            warning = QLabel(self.tr("Quầy vừa được khôi phục từ bản sao lưu: chưa cấp số hiệu mới cho tới khi quản "
                                     "trị nhập số hiệu trên biên nhận hoặc nhãn in gần nhất."))
            warning.setWordWrap(True)
            set_message(warning, warning.text())
            layout.addRow("", warning)
            self.serials_edit = QLineEdit()
            self.serials_edit.setObjectName("last_id")
            self.serials_edit.setPlaceholderText("DK123456785VN")
            self.serials_edit.setEnabled(self.session.is_admin)
            confirm = QPushButton(self.tr("Xác nhận số hiệu"))
            confirm.setObjectName("confirm_serials")
            confirm.setEnabled(self.session.is_admin)
            confirm.clicked.connect(self.confirm_serials)
            row = QHBoxLayout()
            row.addWidget(self.serials_edit, 1)
            row.addWidget(confirm)
            layout.addRow(self.tr("Số hiệu cuối cùng đã cấp"), row)
        main = self.form.layout()
        main.insertWidget(max(0, main.indexOf(self.message)), box)

    def _where_text(self) -> str:
        path = self.session.store.path
        if location.is_machine_database(path):
            return self.tr("Cơ sở dữ liệu chung của máy này: mọi người dùng máy đều làm việc trên nó.")
        if str(location.user_data_dir()) in path:
            return self.tr("Thư mục dữ liệu riêng của người dùng đang đăng nhập máy.")
        return self.tr("Do lựa chọn --db hoặc biến KT1DESK_DB chỉ ra.")

    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Chọn thư mục sao lưu"), self.backup_folder.text())
        if folder:
            self.backup_folder.setText(folder)

    def backup_now(self) -> None:
        """Into the folder on screen (saved first when it changed), off the GUI thread."""
        from ..backup import copy

        if not self._save_backup_settings():
            return
        folder = self.backup_folder.text().strip() or None
        keep = self.backup_keep.value()
        store, lang = self.session.store, self.session.lang
        self.backup_button.setEnabled(False)
        set_message(self.backup_result, self.tr("Đang sao lưu…"), MUTED_STYLE)

        def done(result: dict) -> None:
            from ..backup.cli import backup_text

            self.backup_button.setEnabled(True)
            set_message(self.backup_result, backup_text(result, lang), OK_STYLE)

        def failed(err: BaseException) -> None:
            self.backup_button.setEnabled(True)
            set_message(self.backup_result, err.text(lang) if isinstance(err, Kt1Error) else str(err))

        run_task(self, lambda: copy.take(store, folder, keep=keep), on_done=done, on_error=failed)

    def _save_backup_settings(self) -> bool:
        if not self.session.can_supervise:
            return True
        changes = [("backup_folder", self.backup_folder.text().strip(), self.backup_folder_value),
                   ("backup_keep", self.backup_keep.value(), self.backup_keep_value)]
        try:
            for key, value, before in changes:
                if value != before:
                    settings.put(self.session.store, self.session.user, key, str(value))
        except Kt1Error as err:
            set_message(self.backup_result, err.text(self.session.lang))
            return False
        self.backup_folder_value, self.backup_keep_value = changes[0][1], changes[1][1]
        return True

    def confirm_serials(self) -> None:
        from ..backup import restore

        try:
            highs = restore.last_id_high(self.session.store, self.serials_edit.text())
            restore.confirm_serials(self.session.store, self.session.user, highs=highs, source="operator")
        except Kt1Error as err:
            set_message(self.backup_result, err.text(self.session.lang))
            return
        set_message(self.backup_result, self.tr("Đã xác nhận: quầy cấp số hiệu mới tiếp sau số đã nhập."), OK_STYLE)

    def save(self) -> None:
        if not self._save_backup_settings():
            return
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
