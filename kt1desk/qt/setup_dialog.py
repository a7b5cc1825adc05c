"""First start on an empty database: the office, this machine's counter and the admin — or demo data.

Then (not for demo data) the agency directory and the tariff, in ``first_day.FirstDayPanel``.
"""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import (QApplication, QLabel, QLineEdit, QPushButton, QSizePolicy, QStackedWidget,
                               QVBoxLayout, QWidget)

from ..errors import FieldErrors, Kt1Error
from ..services import office, settings, users
from ..storage import Store
from .base import BaseDialog, grow_to_fit
from .pagekit import child, load_form, scrolled, set_message
from .tasks import run_task

FIELDS = ("office_code", "office_name", "province", "postal_code", "service_indicator", "counter_code",
          "counter_name", "serial_first", "serial_last", "admin_login", "admin_name", "admin_password",
          "admin_password2")
# Where a core error's field shows in this form.
FIELD_OF_ERROR = {"login": "admin_login", "password": "admin_password", "full_name": "admin_name",
                  "counter": "counter_code", "serial": "serial_first", "role": "admin_login"}
DEMO_ITEMS = 300


class SetupDialog(BaseDialog):
    """Accepted once the database holds an office, a counter and an admin.

    ``login`` is the account to offer at the login that follows; ``used_demo``
    says whether the demo data was chosen.
    """

    def __init__(self, store: Store, *, lang: str = "vi", parent: QWidget | None = None,
                 demo_items: int = DEMO_ITEMS):
        super().__init__("setup", parent)
        self.store = store
        self.lang = lang
        self.demo_items = demo_items
        self.login = ""
        self.used_demo = False
        self.first_day = None  # step 2, made once the office exists
        # Each step scrolls on a screen too small for it (1366×768 at 125 % leaves 614 px).
        self.steps = QStackedWidget()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.steps)
        first = QWidget()
        self.form = load_form("setup_dialog.ui", first)
        self.form.layout().setContentsMargins(20, 18, 20, 16)
        self.form.layout().setSpacing(10)
        self.steps.addWidget(scrolled(first))
        self.setWindowTitle(self.tr("KT1 Desk — Khởi tạo bưu cục"))
        self.edits = {name: child(self.form, QLineEdit, name) for name in FIELDS}
        self.errors = {name: child(self.form, QLabel, name + "_error") for name in FIELDS}
        self.message = child(self.form, QLabel, "message")
        self.create_button = child(self.form, QPushButton, "create_button")
        self.demo_button = child(self.form, QPushButton, "demo_button")
        self.quit_button = child(self.form, QPushButton, "quit_button")
        self.create_button.clicked.connect(self.create_office)
        self.demo_button.clicked.connect(self.create_demo)
        self.quit_button.clicked.connect(self.reject)
        for edit in self.edits.values():
            edit.setMinimumWidth(220)
        for lbl in self.errors.values():  # wrap at the width of the field, not at a narrow default
            lbl.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.message.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        # Set again now the buttons are inside the dialog: Enter in a field means "Khởi tạo", never "demo data".
        self.create_button.setDefault(True)
        for button in (self.demo_button, self.quit_button):
            button.setAutoDefault(False)
        hint = first.sizeHint()
        self.resize(max(hint.width(), 860), hint.height() + 4)
        self.edits["office_code"].setFocus()

    def value(self, name: str) -> str:
        return self.edits[name].text().strip()

    def show_errors(self, by_field: dict[str, str], general: str | None = None) -> None:
        for name, lbl in self.errors.items():
            set_message(lbl, by_field.get(name))
        set_message(self.message, general)
        grow_to_fit(self, self.form)
        for name in FIELDS:
            if name in by_field:
                self.edits[name].setFocus()
                self.edits[name].selectAll()
                break

    def _check_own_fields(self) -> dict[str, str]:
        """What the core cannot check before it starts writing: counter, serial block, the repeated password."""
        problems: dict[str, str] = {}
        if not re.fullmatch(r"[A-Za-z0-9_-]{1,20}", self.value("counter_code")):
            problems["counter_code"] = self.tr("Mã quầy: 1–20 chữ không dấu, số hoặc gạch, ví dụ Q01.")
        first, last = self.value("serial_first"), self.value("serial_last")
        if not (re.fullmatch(r"\d{8}", first) and re.fullmatch(r"\d{8}", last) and int(first) <= int(last)):
            problems["serial_first"] = Kt1Error("serial_block", first=first or "?", last=last or "?").text(self.lang)
        if not re.fullmatch(r"[A-Za-z0-9._-]{2,32}", self.value("admin_login")):
            problems["admin_login"] = Kt1Error("bad_login").text(self.lang)
        if not self.value("admin_name"):
            problems["admin_name"] = Kt1Error("required", label={"vi": "Họ tên", "en": "Full name"}).text(self.lang)
        password = self.edits["admin_password"].text()
        if len(password) < users.MIN_PASSWORD:
            problems["admin_password"] = Kt1Error("weak_password", min=users.MIN_PASSWORD).text(self.lang)
        elif password != self.edits["admin_password2"].text():
            problems["admin_password2"] = self.tr("Hai lần nhập mật khẩu không giống nhau.")
        return problems

    def _office_errors(self, err: Kt1Error) -> dict[str, str]:
        errors = err.errors if isinstance(err, FieldErrors) else [err]
        out: dict[str, str] = {}
        for one in errors:
            key = FIELD_OF_ERROR.get(one.field or "", one.field or "")
            out[key] = (out[key] + " " if key in out else "") + one.text(self.lang)
        return out

    def create_office(self) -> None:
        problems = self._check_own_fields()
        if problems:
            self.show_errors(problems)
            return
        try:
            # One write: a refusal half way (a bad login, an overlapping block) leaves nothing behind.
            with self.store.write(None, "office.setup"):
                office.init_office(self.store, None, code=self.value("office_code"),
                                   name=self.value("office_name"), province=self.value("province"),
                                   postal_code=self.value("postal_code"),
                                   service_indicator=self.value("service_indicator") or "DK")
                office.add_counter(self.store, None, code=self.value("counter_code"),
                                   name=self.value("counter_name") or self.value("counter_code"),
                                   first=int(self.value("serial_first")), last=int(self.value("serial_last")))
                settings.put(self.store, None, "this_counter", self.value("counter_code").upper())
                users.create_user(self.store, None, login=self.value("admin_login"),
                                  full_name=self.value("admin_name"), role="admin",
                                  password=self.edits["admin_password"].text())
        except Kt1Error as err:
            self.show_errors(self._office_errors(err))
            return
        self.login = self.value("admin_login")
        self.show_first_day()

    def show_first_day(self) -> None:
        """Step 2: the agency directory and the tariff (the admin just made loads them)."""
        from .first_day import FirstDayPanel

        self.first_day = FirstDayPanel(self.store, users.get_user(self.store, self.login), self.lang)
        self.first_day.finished.connect(self.accept)
        self.steps.addWidget(scrolled(self.first_day))
        self.steps.setCurrentIndex(1)
        self.setWindowTitle(self.tr("KT1 Desk — Danh bạ và bảng cước"))
        self.first_day.agency_file_button.setFocus()

    def create_demo(self) -> None:
        password = self.edits["admin_password"].text()
        if len(password) < users.MIN_PASSWORD:
            self.show_errors({"admin_password": Kt1Error("weak_password", min=users.MIN_PASSWORD).text(self.lang)},
                             self.tr("Dữ liệu thử dùng mật khẩu bạn nhập cho mọi tài khoản thử: hãy nhập mật khẩu trước."))
            return
        from ..demo import create_demo

        self.show_errors({})
        self.setEnabled(False)
        QApplication.setOverrideCursor(QCursor(Qt.CursorShape.WaitCursor))

        def done(_result) -> None:
            QApplication.restoreOverrideCursor()
            self.setEnabled(True)
            self.login = "gdv1"
            self.used_demo = True
            self.accept()

        def failed(err: BaseException) -> None:
            QApplication.restoreOverrideCursor()
            self.setEnabled(True)
            text = err.text(self.lang) if isinstance(err, Kt1Error) else str(err)
            self.show_errors({}, text)

        run_task(self, lambda: create_demo(self.store, password=password, items=self.demo_items),
                 on_done=done, on_error=failed, progress_text=self.tr("Đang tạo dữ liệu thử…"))
