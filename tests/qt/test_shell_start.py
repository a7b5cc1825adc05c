"""``kt1desk`` with no command: an empty database leads through setup and login to the main window."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication
from shell_support import own_preferences  # noqa: F401 (autouse fixture)

from kt1desk.qt import app
from kt1desk.qt.login import LoginDialog
from kt1desk.qt.main_window import MainWindow
from kt1desk.qt.setup_dialog import SetupDialog
from kt1desk.services import office


def test_first_start_runs_setup_then_login_then_the_main_window(qtbot, tmp_path, frozen_now, monkeypatch):
    seen = {}

    def setup_exec(dialog: SetupDialog) -> int:
        for name, value in dict(office_code="BDPY", office_name="Bưu điện tỉnh Phú Yên", province="Đắk Lắk",
                                admin_name="Lê Thị Mai", admin_password="matkhau1",
                                admin_password2="matkhau1").items():
            dialog.edits[name].setText(value)
        dialog.create_button.click()
        # A real office's first day: step 2, the samples (marked MẪU) taken to start with.
        seen["step2"] = dialog.windowTitle()
        assert dialog.first_day.use_sample_agencies() and dialog.first_day.use_sample_tariff()
        dialog.first_day.finish_button.click()
        return dialog.result()

    def login_exec(dialog: LoginDialog) -> int:
        seen["offered_login"] = dialog.login_edit.text()
        dialog.password_edit.setText("matkhau1")
        dialog.login_button.click()
        return dialog.result()

    def event_loop(_app) -> int:
        window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible())
        seen["title"] = window.windowTitle()
        seen["user"] = window.status_user.text()
        seen["notice"] = window.pages["intake"].setup_notice.isVisible()
        return 0

    monkeypatch.setattr(SetupDialog, "exec", setup_exec)
    monkeypatch.setattr(LoginDialog, "exec", login_exec)
    monkeypatch.setattr(QApplication, "exec", event_loop)
    db = tmp_path / "kt1.sqlite3"
    assert app.run(db_path=db, lang="vi", counter=None) == 0
    assert seen["step2"] == "KT1 Desk — Danh bạ và bảng cước"
    assert seen["offered_login"] == "admin"
    assert seen["notice"] is False  # directory and tariff are there: nothing to warn of
    assert seen["user"] == "Lê Thị Mai (quản trị)"
    assert seen["title"].startswith("KT1 Desk — Nhận gửi")


def test_giving_up_at_login_ends_the_program_with_1(qtbot, demo_store, monkeypatch):
    monkeypatch.setattr(LoginDialog, "exec", lambda dialog: 0)
    assert office.is_initialised(demo_store)
    assert app.run(db_path=demo_store.path, lang="vi", counter=None) == 1


def test_an_unknown_counter_on_the_command_line_is_said_in_vietnamese(qtbot, demo_store, monkeypatch):
    shown = []
    monkeypatch.setattr(app.QMessageBox, "critical", lambda _parent, _title, text: shown.append(text))
    assert app.run(db_path=demo_store.path, lang="vi", counter="Q99") == 2
    assert shown == ["Không có quầy «Q99»."]


def test_a_database_that_cannot_be_opened_is_said_in_a_dialog_with_the_clis_exit_status(qtbot, tmp_path,
                                                                                        monkeypatch):
    shown = []
    monkeypatch.setattr(app.QMessageBox, "critical", lambda _parent, _title, text: shown.append(text))
    empty = tmp_path / "empty.sqlite3"
    empty.write_bytes(b"")
    not_db = tmp_path / "notes.sqlite3"
    not_db.write_text("not a database " * 100)
    for path, status, words in ((empty, 10, "rỗng (0 byte)"), (not_db, 10, "không phải cơ sở dữ liệu"),
                                (tmp_path, 10, "thư mục")):
        before = path.read_bytes() if path.is_file() else None
        assert app.run(db_path=path, lang="vi", counter=None) == status
        assert words in shown[-1]
        if before is not None:
            assert path.read_bytes() == before
