"""Vietnamese by default; English through the compiled Qt translation, switched in settings and remembered."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox, QLineEdit, QMessageBox, QPushButton
from shell_support import open_window, own_preferences, session_for, settle_status  # noqa: F401

from kt1desk.qt.app import choose_language, install_language
from kt1desk.qt.base import save_language, saved_language
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
    assert window.nav_buttons["reports"].text() == "Reports"
    assert window.nav_buttons["reports"].toolTip() == "Reports (shortcut Ctrl+0)"
    assert window.nav_buttons["bags"].text() == "Bags"
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


def test_every_page_switches_at_once_and_what_was_typed_stays(qtbot, demo_store, supervisor, open_window):
    session = session_for(demo_store, supervisor)
    window = open_window(session)
    lookup = window.show_page("lookup")
    lookup.search_edit.setText("so y te")
    intake = window.show_page("intake")
    intake.sender_edit.setText("TUDLK")
    intake.recipient_edit.setText("VPCP")
    intake.weight_edit.setText("250")
    intake.hoa_toc_check.setChecked(True)
    dialog = SettingsDialog(session, window)
    qtbot.addWidget(dialog)
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    dialog.save()
    intake = window.pages["intake"]
    assert window.stack.currentWidget() is intake
    assert intake.save_button.text() == "Save and print   (Ctrl+Enter)"
    assert intake.kind_combo.currentText() == "Letter"
    typed = (intake.sender_edit.text(), intake.recipient_edit.text(), intake.weight_edit.text())
    assert typed == ("TUDLK", "VPCP", "250")
    assert intake.hoa_toc_check.isChecked()
    assert intake.fee_text().endswith(" VND")  # 1,000 VND: English numbers too
    lookup = window.show_page("lookup")
    assert lookup.search_edit.text() == "so y te"
    assert lookup.model.columns[0].header == "Item id"
    window.lock_now()
    assert window.idle_lock.overlay.unlock_button.text() == "Unlock"


def test_a_language_on_the_command_line_wins_over_the_one_saved(qtbot):
    save_language("en")
    assert choose_language(None) == "en"
    assert choose_language("vi") == "vi"


def test_qt_own_buttons_and_menus_speak_vietnamese(qtbot):
    install_language("vi")
    yes_no = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
    box = QMessageBox(QMessageBox.Icon.Warning, "KT1 Desk", "?", yes_no)
    qtbot.addWidget(box)
    assert sorted(b.text() for b in box.buttons()) == ["&Có", "&Không"]
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(buttons)
    assert [b.text() for b in buttons.buttons()] == ["Đồng ý", "Hủy"]
    edit = QLineEdit()
    qtbot.addWidget(edit)
    menu = edit.createStandardContextMenu()
    assert "&Dán\tCtrl+V" in [a.text() for a in menu.actions()]
    install_language("en")
    english = QMessageBox(QMessageBox.Icon.Warning, "", "", QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    qtbot.addWidget(english)
    assert sorted(b.text() for b in english.buttons()) == ["&No", "&Yes"]


def test_every_catalogue_entry_is_translated():
    import xml.etree.ElementTree as ET

    from kt1desk.paths import resource

    for name in ("kt1desk_en.ts", "qtbase_vi.ts"):
        root = ET.parse(resource("translations") / name).getroot()
        left = [m.findtext("source") for m in root.iter("message")
                if m.find("translation").get("type") == "unfinished" or not m.findtext("translation")]
        assert left == [], name
