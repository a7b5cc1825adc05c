"""The idle lock covers the window after the idle time and keeps the half-filled form for after the password."""

from __future__ import annotations

from conftest import PASSWORD
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit
from shell_support import focused, open_window, own_preferences, session_for  # noqa: F401

from kt1desk.services import settings


def half_filled(window) -> QLineEdit:
    """Something typed into the page on screen: the intake form's first field, or any field there is."""
    page = window.show_page("intake")
    edit = getattr(page, "sender_edit", None) or page.findChild(QLineEdit)
    if edit is None:  # placeholder page: give it a field to fill
        edit = QLineEdit(page)
        edit.show()
    edit.setFocus()
    edit.setText("TUDLK")
    return edit


def unlock(qtbot, window, password: str) -> None:
    overlay = window.idle_lock.overlay
    overlay.password.setText(password)
    qtbot.keyClick(overlay.password, Qt.Key.Key_Return)


def test_the_screen_locks_after_the_idle_time(qtbot, demo_store, clerk, open_window):
    window = open_window(session_for(demo_store, clerk), idle_ms=1500)  # room for a loaded machine to open it
    assert not window.locked
    qtbot.waitUntil(lambda: window.locked, timeout=5000)
    assert window.idle_lock.overlay.isVisible()
    assert window.idle_lock.overlay.geometry() == window.rect()


def test_unlocking_keeps_the_half_filled_form_and_its_focus(qtbot, demo_store, clerk, open_window):
    window = open_window(session_for(demo_store, clerk), idle_ms=200)
    edit = half_filled(window)
    qtbot.waitUntil(lambda: window.locked, timeout=3000)
    assert edit.text() == "TUDLK"  # nothing is thrown away by locking
    unlock(qtbot, window, PASSWORD)
    assert not window.locked
    assert edit.text() == "TUDLK"
    assert focused() is edit


def test_keys_do_not_reach_the_form_under_the_lock(qtbot, demo_store, clerk, open_window):
    window = open_window(session_for(demo_store, clerk))
    edit = half_filled(window)
    window.lock_now()
    qtbot.keyClick(edit, Qt.Key.Key_Backspace)
    qtbot.keyClick(edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    assert edit.text() == "TUDLK"
    qtbot.keyClick(window.idle_lock.overlay.password, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page_key() == "intake"  # page shortcuts are off while locked


def test_a_wrong_password_keeps_the_lock_and_says_why(qtbot, demo_store, clerk, open_window):
    window = open_window(session_for(demo_store, clerk))
    window.lock_now()
    unlock(qtbot, window, "sai-mat-khau")
    assert window.locked
    message = window.idle_lock.overlay.message
    assert message.text() == "Sai mật khẩu."  # no login field here to be wrong about
    panel = window.idle_lock.overlay.panel
    assert panel.height() >= panel.layout().totalHeightForWidth(panel.width())  # the panel grew: nothing cut off


def test_wrong_passwords_at_the_lock_count_like_at_login(qtbot, demo_store, clerk, open_window):
    window = open_window(session_for(demo_store, clerk))
    window.lock_now()
    for _ in range(3):
        unlock(qtbot, window, "sai-mat-khau")
    unlock(qtbot, window, PASSWORD)  # the right one, but the account waits now
    assert window.locked and "tạm khóa" in window.idle_lock.overlay.message.text()
    assert demo_store.scalar("SELECT failed_logins FROM users WHERE login = 'gdv1'") == 3


def test_the_idle_time_comes_from_the_office_setting(qtbot, demo_store, clerk, supervisor, open_window):
    settings.put(demo_store, supervisor, "idle_lock_minutes", "7")
    window = open_window(session_for(demo_store, clerk))
    assert window.idle_lock._timer.interval() == 7 * 60_000


def test_ctrl_l_locks_at_once(qtbot, demo_store, clerk, open_window):
    window = open_window(session_for(demo_store, clerk))
    half_filled(window)
    qtbot.keyClick(focused(), Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.locked


def test_an_open_item_view_is_hidden_under_the_lock_and_back_after_it(qtbot, demo_store, clerk, open_window):
    window = open_window(session_for(demo_store, clerk))
    from PySide6.QtWidgets import QDialog

    view = QDialog(window)
    view.open()  # window-modal, as the item view opens
    qtbot.waitExposed(view)
    window.lock_now()
    assert not view.isVisible()
    unlock(qtbot, window, PASSWORD)
    assert view.isVisible()


def test_another_clerk_takes_the_counter_over_at_the_lock(qtbot, demo_store, clerk, open_window):
    window = open_window(session_for(demo_store, clerk))
    intake = window.show_page("intake")
    intake.sender_edit.setText("TUDLK")
    intake.recipient_edit.setText("VPCP")  # half typed by the clerk leaving
    window.lock_now()
    overlay = window.idle_lock.overlay
    qtbot.mouseClick(overlay.switch_button, Qt.MouseButton.LeftButton)
    assert overlay.login.isVisible() and focused() is overlay.login
    assert "Bưu gửi đang nhập dở chưa lưu sẽ bị bỏ." in overlay.explain.text()
    qtbot.keyClicks(overlay.login, "giamsat")
    qtbot.keyClick(overlay.login, Qt.Key.Key_Return)
    overlay.password.setText("wrong")
    qtbot.keyClick(overlay.password, Qt.Key.Key_Return)
    assert overlay.message.text().startswith("Sai tên đăng nhập hoặc mật khẩu")
    assert window.locked and window.session.user.login == "gdv1"
    overlay.login.setText("giamsat")
    overlay.password.setText(PASSWORD)
    qtbot.keyClick(overlay.password, Qt.Key.Key_Return)
    assert not window.locked
    assert window.session.user.login == "giamsat"
    assert window.status_user.text() == "Trần Thị Bích Ngọc (kiểm soát viên)"
    intake = window.pages["intake"]
    assert intake.recipient_edit.text() == ""  # the previous clerk's half-typed item is not carried over
    assert intake.back_entry_check.isVisibleTo(intake)  # the page is made for a supervisor now
    window.lock_now()
    assert "Trần Thị Bích Ngọc (giamsat)" in window.idle_lock.overlay.who.text()
