"""Small things a clerk meets every day, each once seen on screen: focus, suggestions, messages, dates, printers."""

from __future__ import annotations

import pytest
from pages_support import PrintCollector, make_session, printing, show  # noqa: F401 (fixtures)
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from shell_support import own_preferences  # noqa: F401 (autouse fixture)

from kt1desk.qt.directory_page import DirectoryPage
from kt1desk.qt.intake_page import IntakePage
from kt1desk.services import items


def focused():
    return QApplication.focusWidget()


@pytest.fixture
def page(qtbot, demo_store, clerk, make_session):
    return show(qtbot, IntakePage(make_session(demo_store, clerk, PrintCollector())))


def test_after_f9_in_the_weight_field_the_fresh_form_shows_no_error(qtbot, page, printing):
    page.sender_edit.setText("TUDLK")
    page.recipient_edit.setText("VPCP")
    page.weight_edit.setFocus()
    qtbot.keyClicks(page.weight_edit, "250")
    with qtbot.waitSignal(page.item_saved):
        qtbot.keyClick(page.weight_edit, Qt.Key.Key_F9)
    assert page.weight_edit.text() == ""
    assert page.field_error("weight_g") == ""
    assert focused() is page.recipient_edit


def test_tab_takes_the_highlighted_suggestion_of_several(qtbot, page):
    page.sender_edit.setFocus()
    qtbot.keyClicks(page.sender_edit, "so")
    suggestions = page.sender_completer.suggestions()
    assert len(suggestions) > 2
    qtbot.keyClick(page.sender_edit, Qt.Key.Key_Down)
    qtbot.keyClick(page.sender_edit, Qt.Key.Key_Down)
    qtbot.keyClick(page.sender_edit, Qt.Key.Key_Tab)
    assert page.sender_edit.text() == suggestions[2]
    assert focused() is page.recipient_edit
    assert page.labels["senderName"].text()  # the agency is resolved


@pytest.mark.parametrize("editing", [False, True])
def test_the_agency_dialog_opens_with_the_focus_in_its_first_field(qtbot, demo_store, supervisor, make_session,
                                                                   editing):
    page = show(qtbot, DirectoryPage(make_session(demo_store, supervisor)))
    from kt1desk.services import agencies

    dialog = page.edit_agency(agencies.get_agency(demo_store, "SYT") if editing else None)
    qtbot.waitExposed(dialog)
    first = dialog.edits["name" if editing else "code"]
    qtbot.waitUntil(lambda: focused() is first, timeout=1000)
    qtbot.keyClick(first, Qt.Key.Key_Space)  # a space is text, never "Hủy"
    assert dialog.isVisible()


def test_the_user_dialog_opens_with_the_focus_in_the_login(qtbot, demo_store, admin, make_session):
    page = show(qtbot, DirectoryPage(make_session(demo_store, admin)))
    dialog = page.add_user()
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(lambda: focused() is dialog.login, timeout=1000)
    qtbot.keyClicks(dialog.login, "gdv 2")
    assert dialog.isVisible() and dialog.login.text() == "gdv 2"


def test_the_item_view_says_nothing_of_a_seal_for_an_item_that_is_not_secret(qtbot, demo_store, clerk, make_session):
    from kt1desk.qt.item_dialog import ItemDialog

    plain = demo_store.scalar("SELECT id FROM items WHERE secrecy IS NULL LIMIT 1")
    secret = demo_store.scalar("SELECT id FROM items WHERE secrecy IS NOT NULL LIMIT 1")
    session = make_session(demo_store, clerk)
    dialog = ItemDialog(session, plain)
    qtbot.addWidget(dialog)
    with pytest.raises(KeyError):
        dialog.field("Niêm phong nguyên vẹn")
    dialog = ItemDialog(session, secret)
    qtbot.addWidget(dialog)
    assert dialog.field("Niêm phong nguyên vẹn") == "có"
    assert items.get_item(demo_store, secret)["seal_intact"] == 1
