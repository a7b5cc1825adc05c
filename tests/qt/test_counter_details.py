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


def test_a_message_box_over_the_fresh_form_leaves_no_required_error_behind(qtbot, page, printing):
    """With no printer a message box opens right after the save: the focus leaves the emptied
    recipient field, which must not be taken for the clerk leaving it blank."""
    page.sender_edit.setText("TUDLK")
    page.recipient_edit.setText("VPCP")
    page.weight_edit.setText("250")
    with qtbot.waitSignal(page.item_saved):
        qtbot.keyClick(page.weight_edit, Qt.Key.Key_F9)
    assert focused() is page.recipient_edit
    page.recipient_edit.editingFinished.emit()  # what losing the focus to a message box does
    assert page.field_error("recipient") == ""
    page.save()  # trying to save the empty form does say what is missing
    assert page.field_error("recipient").startswith("Cơ quan nhận")


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


def test_with_no_printer_one_question_for_both_papers_and_the_panel_says_where_they_are(
        qtbot, demo_store, clerk, make_session, printing, monkeypatch, tmp_path):
    from kt1desk.qt import printing as qt_printing

    session = make_session(demo_store, clerk)
    session.print_pdf = None  # the real print path: Qt's printing, with no printer installed
    page = show(qtbot, IntakePage(session))
    monkeypatch.setattr(qt_printing, "available_printers", lambda: [])
    asked = []
    monkeypatch.setattr(qt_printing, "show_problem", lambda parent, title, text: asked.append(text) or True)
    monkeypatch.setattr(qt_printing, "ask_save_folder", lambda parent: str(tmp_path))
    page.sender_edit.setText("TUDLK")
    page.recipient_edit.setText("VPCP")
    page.weight_edit.setText("250")
    item_id = page.save()
    assert len(asked) == 1 and f"Nhãn {item_id}, Biên nhận {item_id}" in asked[0]
    assert sorted(p.name for p in tmp_path.glob("*.pdf")) == [f"Biên nhận {item_id}.pdf", f"Nhãn {item_id}.pdf"]
    status = page.labels["printStatus"].text()
    assert status.startswith("Chưa có máy in: đã lưu nhãn, biên nhận thành tệp PDF trong") and str(tmp_path) in status
    assert "Chưa in được" not in status
    item = items.get_item(demo_store, item_id)
    assert (item["label_prints"], item["receipt_prints"]) == (0, 0)  # saved is not printed


def test_the_refusal_asks_who_presented_the_item_and_will_not_go_on_without_it(qtbot):
    from kt1desk.qt.refusal import RefusalDialog

    dialog = RefusalDialog("A")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: focused() is dialog.presenter, timeout=1000)
    qtbot.mouseClick(dialog.refuse_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.error.text() == "Ghi tên người mang bưu gửi đến trước khi từ chối."
    dialog.presenter.setText("  Lê   Văn Tám ")  # (QTest cannot type letters beyond Latin-1)
    qtbot.keyClick(dialog.presenter, Qt.Key.Key_Return)
    assert dialog.result() == RefusalDialog.DialogCode.Accepted
    assert dialog.presented_by() == "Lê Văn Tám"
