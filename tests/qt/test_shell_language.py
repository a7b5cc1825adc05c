"""Vietnamese by default; English through the compiled Qt translation, switched in settings and remembered."""

from __future__ import annotations

from PySide6.QtWidgets import QPushButton
from shell_support import open_window, own_preferences, session_for, settle_status  # noqa: F401

from kt1desk.qt.app import choose_language, install_language
from kt1desk.qt.base import saved_language
from kt1desk.qt.login import LoginDialog
from kt1desk.qt.settings_dialog import SettingsDialog
from kt1desk.qt.setup_dialog import SetupDialog


def test_the_program_speaks_vietnamese_unless_told_otherwise(qtbot, demo_store):
    install_language(choose_language(None))
    dialog = LoginDialog(demo_store)
    qtbot.addWidget(dialog)
    assert dialog.login_button.text() == "Đăng nhập"
    assert dialog.windowTitle() == "KT1 Desk — Đăng nhập"


def test_the_designer_forms_and_the_code_come_out_in_english(qtbot, demo_store, tmp_path):
    install_language("en")
    dialog = LoginDialog(demo_store, lang="en")
    qtbot.addWidget(dialog)
    assert dialog.login_button.text() == "Log in"
    assert dialog.quit_button.text() == "Quit"
    assert dialog.windowTitle() == "KT1 Desk — Log in"
    setup = SetupDialog(demo_store, lang="en")
    qtbot.addWidget(setup)
    assert setup.demo_button.text() == "Use &demo data"
    assert setup.form.findChild(QPushButton, "create_button").text() == "Set up"


def test_switching_to_english_in_settings_changes_the_open_window_and_is_remembered(qtbot, demo_store, supervisor,
                                                                                  open_window):
    session = session_for(demo_store, supervisor)
    window = open_window(session)
    assert window.nav_buttons["lookup"].text() == "Tra cứu"
    dialog = SettingsDialog(session, window)
    qtbot.addWidget(dialog)
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    dialog.save()
    settle_status(qtbot, window)
    assert session.lang == "en"
    assert saved_language() == "en"
    assert choose_language(None) == "en"
    assert window.nav_buttons["intake"].text() == "Intake"
    assert window.nav_buttons["lookup"].text() == "Lookup"
    assert window.nav_buttons["directory"].text() == "Directory"
    assert window.later_buttons["bags"].text() == "Bags"
    assert window.later_buttons["bags"].toolTip() == "Bags — coming later"
    assert window.settings_button.text() == "Settings…"
    assert window.status_user.text() == "Trần Thị Bích Ngọc (supervisor)"


def test_a_supervisor_changes_the_idle_minutes_and_the_lock_follows(qtbot, demo_store, supervisor, open_window):
    session = session_for(demo_store, supervisor)
    window = open_window(session)
    dialog = SettingsDialog(session, window)
    qtbot.addWidget(dialog)
    dialog.idle.setValue(12)
    dialog.save()
    assert dialog.idle_changed
    window.idle_lock.set_interval_ms(None)
    assert window.idle_lock._timer.interval() == 12 * 60_000


def test_a_clerk_sees_the_idle_minutes_but_cannot_change_them(qtbot, demo_store, clerk):
    dialog = SettingsDialog(session_for(demo_store, clerk))
    qtbot.addWidget(dialog)
    assert not dialog.idle.isEnabled()
