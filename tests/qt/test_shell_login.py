"""Login: the right password lets the clerk in; wrong ones are counted, and then the clerk must wait."""

from __future__ import annotations

from conftest import PASSWORD
from PySide6.QtCore import Qt
from shell_support import own_preferences  # noqa: F401 (autouse fixture)

from kt1desk.qt.login import LoginDialog
from kt1desk.services import office


def login_dialog(qtbot, store, **kwargs) -> LoginDialog:
    dialog = LoginDialog(store, office=office.get_office(store), **kwargs)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def type_login(qtbot, dialog: LoginDialog, login: str, password: str) -> None:
    dialog.login_edit.clear()
    qtbot.keyClicks(dialog.login_edit, login)
    qtbot.keyClick(dialog.login_edit, Qt.Key.Key_Tab)
    qtbot.keyClicks(dialog.password_edit, password)
    qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)


def test_the_right_password_logs_the_clerk_in_with_the_keyboard_only(qtbot, demo_store):
    dialog = login_dialog(qtbot, demo_store)
    type_login(qtbot, dialog, "gdv1", PASSWORD)
    assert dialog.result() == LoginDialog.DialogCode.Accepted
    assert dialog.user.login == "gdv1" and dialog.user.role == "clerk"


def test_a_wrong_password_says_so_in_vietnamese_and_empties_the_password(qtbot, demo_store):
    dialog = login_dialog(qtbot, demo_store)
    type_login(qtbot, dialog, "gdv1", "sai-mat-khau")
    assert dialog.result() != LoginDialog.DialogCode.Accepted and dialog.user is None
    assert dialog.message.text() == "Sai tên đăng nhập hoặc mật khẩu."
    assert dialog.message.isVisible()
    assert dialog.password_edit.text() == ""
    assert dialog.focusWidget() is dialog.password_edit


def test_an_unknown_login_gets_the_same_message_as_a_wrong_password(qtbot, demo_store):
    dialog = login_dialog(qtbot, demo_store)
    type_login(qtbot, dialog, "khongco", PASSWORD)
    assert dialog.message.text() == "Sai tên đăng nhập hoặc mật khẩu."


def test_after_three_wrong_passwords_the_account_waits_and_the_message_says_how_long(qtbot, demo_store):
    dialog = login_dialog(qtbot, demo_store)
    for _ in range(3):
        type_login(qtbot, dialog, "gdv1", "sai-mat-khau")
    # Even the right password must wait now (the clock is frozen, so the wait has not passed).
    type_login(qtbot, dialog, "gdv1", PASSWORD)
    assert dialog.result() != LoginDialog.DialogCode.Accepted
    assert dialog.message.text() == "Tài khoản «gdv1» tạm khóa sau 3 lần sai; thử lại sau 6 giây."
    assert not dialog.login_button.isEnabled()


def test_the_lockout_message_is_english_when_the_ui_is(qtbot, demo_store):
    dialog = login_dialog(qtbot, demo_store, lang="en")
    for _ in range(4):
        type_login(qtbot, dialog, "gdv1", "wrong-password")
    assert dialog.message.text().startswith("Account “gdv1” is locked after 3 failed attempts")


def test_the_wait_counts_down_and_the_login_button_comes_back(qtbot, demo_store, frozen_now):
    from datetime import timedelta

    dialog = login_dialog(qtbot, demo_store)
    for _ in range(4):
        type_login(qtbot, dialog, "gdv1", "sai-mat-khau")
    assert not dialog.login_button.isEnabled()
    dialog.retry_wait._tick.setInterval(20)  # the countdown runs on the wall clock; make a second short
    qtbot.waitUntil(lambda: "thử lại sau 5 giây" in dialog.message.text(), timeout=2000)
    qtbot.waitUntil(dialog.login_button.isEnabled, timeout=2000)
    assert dialog.message.text() == ""
    frozen_now(frozen_now() + timedelta(seconds=10))
    type_login(qtbot, dialog, "gdv1", PASSWORD)
    assert dialog.result() == LoginDialog.DialogCode.Accepted
