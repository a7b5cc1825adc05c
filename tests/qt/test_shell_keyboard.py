"""Keyboard first: every job is a Ctrl+digit away, and no shortcut is a key a scanner could type."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractButton
from shell_support import focused, open_window, own_preferences, session_for  # noqa: F401

from kt1desk.qt.main_window import PAGES

PLAIN = Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier


def single_printable_keys(sequence: QKeySequence) -> list[str]:
    found = []
    for index in range(sequence.count()):
        combination = sequence[index]
        modifiers = combination.keyboardModifiers() & ~PLAIN
        text = QKeySequence(combination.key()).toString()
        if modifiers == Qt.KeyboardModifier.NoModifier and len(text) == 1 and text.isprintable():
            found.append(sequence.toString())
    return found


def test_ctrl_digits_open_each_job_with_the_cursor_in_its_first_field(qtbot, demo_store, supervisor, open_window):
    window = open_window(session_for(demo_store, supervisor))
    for index, (key, _module, _cls) in reversed(list(enumerate(PAGES))):
        digit = Qt.Key(Qt.Key.Key_0 + (index + 1) % 10)  # Ctrl+1 … Ctrl+9, then Ctrl+0 for the tenth (Báo cáo)
        qtbot.keyClick(focused() or window, digit, Qt.KeyboardModifier.ControlModifier)
        assert window.current_page_key() == key
        assert window.nav_buttons[key].isChecked()
        assert focused() is not None and window.pages[key].isAncestorOf(focused())


def test_no_shortcut_anywhere_in_the_window_is_a_single_printable_key(qtbot, demo_store, admin, open_window):
    window = open_window(session_for(demo_store, admin))
    for key, _module, _cls in PAGES:
        window.show_page(key)  # every page made, with its own shortcuts
    offending = []
    for shortcut in window.findChildren(QShortcut):
        offending += single_printable_keys(shortcut.key())
    for action in window.findChildren(QAction):
        for sequence in action.shortcuts():
            offending += single_printable_keys(sequence)
    for button in window.findChildren(QAbstractButton):
        offending += single_printable_keys(button.shortcut())  # "&Lưu" is Alt+L: fine
    assert offending == []


def test_reports_is_the_tenth_job_on_ctrl_0_and_nothing_is_left_for_later(qtbot, demo_store, clerk, open_window):
    window = open_window(session_for(demo_store, clerk))
    assert [key for key, _m, _c in PAGES][-1] == "reports"
    assert window.later_buttons == {} and window.later_heading.isHidden()
    assert window.nav_buttons["reports"].isEnabled()
    assert window.nav_buttons["reports"].toolTip() == "Báo cáo (phím tắt Ctrl+0) — chỉ dành cho kiểm soát viên"
    assert window.nav_buttons["complaints"].toolTip() == "Khiếu nại (phím tắt Ctrl+9)"
    assert window.settings_button.isEnabled()


def test_closing_over_unsaved_input_asks_first_and_no_keeps_the_window(qtbot, demo_store, clerk, open_window):
    window = open_window(session_for(demo_store, clerk))
    intake = window.pages["intake"]
    intake.has_unsaved_input = lambda: True  # what a page says when the clerk has typed something
    asked = []
    window.confirm_close = lambda titles: asked.append(titles) or False
    window.close()
    assert window.isVisible()
    assert asked == [["Nhận gửi"]]
    window.confirm_close = lambda titles: True
    window.close()
    assert not window.isVisible()
