"""The login dialog: the core counts wrong passwords and makes the next try wait; the dialog says so."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QWidget

from ..errors import Kt1Error
from ..services import users
from ..storage import Store, User
from .base import BaseDialog
from .pagekit import MUTED_STYLE, child, scaled_font, set_message


class RetryWait(QObject):
    """After too many wrong passwords: the button is off and the message counts the seconds down.

    The core decides the wait (``login_locked`` with ``seconds``); this only shows it.
    """

    def __init__(self, button: QPushButton, message: QLabel, lang: str):
        super().__init__(button)
        self.button = button
        self.message = message
        self.lang = lang
        self._error: Kt1Error | None = None
        self._left = 0
        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self._count_down)

    def start(self, err: Kt1Error) -> None:
        self._error = err
        self._left = int(err.params.get("seconds", 1))
        self.button.setEnabled(False)
        self._tick.start()

    def _count_down(self) -> None:
        self._left -= 1
        if self._left <= 0 or self._error is None:
            self._tick.stop()
            self.button.setEnabled(True)
            set_message(self.message, None)
            return
        params = dict(self._error.params, seconds=self._left)
        set_message(self.message, Kt1Error(self._error.code, **params).text(self.lang))


class LoginDialog(BaseDialog):
    """Asks for login and password; ``user`` holds who logged in once it is accepted."""

    def __init__(self, store: Store, *, lang: str = "vi", office: dict | None = None, login: str = "",
                 hint: str = "", parent: QWidget | None = None):
        super().__init__("login", parent)
        self.store = store
        self.lang = lang
        self.user: User | None = None
        self.form = self.load_form("login_dialog.ui")
        self.setWindowTitle(self.tr("KT1 Desk — Đăng nhập"))
        self.login_edit = child(self.form, QLineEdit, "login")
        self.password_edit = child(self.form, QLineEdit, "password")
        self.message = child(self.form, QLabel, "message")
        self.hint = child(self.form, QLabel, "hint")
        self.login_button = child(self.form, QPushButton, "login_button")
        self.quit_button = child(self.form, QPushButton, "quit_button")
        office_label = child(self.form, QLabel, "office")
        office_label.setFont(scaled_font(office_label, 1.25, bold=True))
        if office:
            office_label.setText(f"{office['name']} ({office['code']})")
        else:
            office_label.hide()
        set_message(self.message, None)
        set_message(self.hint, hint, MUTED_STYLE)
        self.login_edit.setText(login)
        self.login_button.clicked.connect(self.try_login)
        self.quit_button.clicked.connect(self.reject)
        self.retry_wait = RetryWait(self.login_button, self.message, lang)
        self.setMinimumWidth(480)
        (self.password_edit if login else self.login_edit).setFocus()

    def try_login(self) -> None:
        if not self.login_button.isEnabled():
            return
        try:
            self.user = users.authenticate(self.store, self.login_edit.text(), self.password_edit.text())
        except Kt1Error as err:
            self.user = None
            set_message(self.message, err.text(self.lang))
            self.password_edit.clear()
            if err.code == "login_locked":
                self.retry_wait.start(err)  # nothing to try until the wait is over
            (self.login_edit if err.code == "user_inactive" else self.password_edit).setFocus()
            return
        set_message(self.message, None)
        self.accept()
