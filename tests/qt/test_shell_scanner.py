"""A barcode scanner types an id fast and ends with Enter: the item opens, the focused field gets nothing."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QVBoxLayout, QWidget
from shell_support import (PERSON_GAP_MS, TEST_SCAN_GAP_MS, focused, open_window, own_preferences, scan,  # noqa: F401
                           session_for, type_slowly)

from kt1desk.qt.scanner import ScannerFilter
from kt1desk.services import items

ITEM_ID = "DK473124829VN"


@pytest.fixture
def field(qtbot):
    """A plain form with two fields and a scanner filter that records what it recognises."""
    host = QWidget()
    layout = QVBoxLayout(host)
    first, second = QLineEdit(), QLineEdit()
    layout.addWidget(first)
    layout.addWidget(second)
    qtbot.addWidget(host)
    host.show()
    qtbot.waitExposed(host)
    host.activateWindow()
    first.setFocus()
    scans: list[str] = []
    scanner = ScannerFilter(scans.append, max_gap_ms=TEST_SCAN_GAP_MS)
    QApplication.instance().installEventFilter(scanner)
    yield first, second, scanner, scans
    QApplication.instance().removeEventFilter(scanner)


def test_a_scanned_id_is_recognised_and_never_typed_into_the_field(qtbot, field):
    first, _second, scanner, scans = field
    entered = []
    first.returnPressed.connect(lambda: entered.append(first.text()))
    scan(qtbot, first, ITEM_ID)
    qtbot.waitUntil(lambda: scans == [ITEM_ID], timeout=1000)
    qtbot.wait(TEST_SCAN_GAP_MS + 30)  # past the gap: anything held back would be typed by now
    assert first.text() == ""
    assert entered == []  # the field did not see the scanner's Enter either


def test_a_scanned_id_in_lower_case_with_spaces_is_normalised(qtbot, field):
    first, _second, _scanner, scans = field
    scan(qtbot, first, "dk 473124829 vn")
    qtbot.waitUntil(lambda: scans == [ITEM_ID], timeout=1000)
    assert first.text() == ""


def test_shift_around_each_capital_is_part_of_the_scan_not_its_end(qtbot, field):
    """A USB scanner (and xdotool) presses and releases Shift around every capital: Key_Shift, no text."""
    first, _second, scanner, scans = field
    shift = Qt.KeyboardModifier.ShiftModifier
    for ch in "DK473124829VN":
        if ch.isupper():
            qtbot.keyPress(first, Qt.Key.Key_Shift, shift)
        qtbot.keyClick(first, ch, shift if ch.isupper() else Qt.KeyboardModifier.NoModifier)
        if ch.isupper():
            qtbot.keyRelease(first, Qt.Key.Key_Shift)
        assert first.text() == ""  # nothing reaches the field while the run goes on
    qtbot.keyClick(first, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: scans == [ITEM_ID], timeout=1000)
    qtbot.wait(TEST_SCAN_GAP_MS + 30)
    assert first.text() == "" and not scanner.holding


def test_a_person_typing_capitals_with_shift_gets_every_letter_in_order(qtbot, field):
    first, _second, _scanner, scans = field
    shift = Qt.KeyboardModifier.ShiftModifier
    for ch in "Tinh Uy":
        if ch.isupper():
            qtbot.keyPress(first, Qt.Key.Key_Shift, shift)
            qtbot.wait(PERSON_GAP_MS)  # Shift held a while, as people do
            qtbot.keyClick(first, ch, shift)
            qtbot.keyRelease(first, Qt.Key.Key_Shift)
        else:
            qtbot.keyClick(first, ch)
        qtbot.wait(PERSON_GAP_MS)
    assert first.text() == "Tinh Uy"
    assert scans == []


def test_slow_typing_goes_into_the_field_even_when_it_is_an_id(qtbot, field):
    first, _second, _scanner, scans = field
    type_slowly(qtbot, first, ITEM_ID)
    qtbot.keyClick(first, Qt.Key.Key_Return)
    qtbot.wait(TEST_SCAN_GAP_MS + 30)
    assert first.text() == ITEM_ID
    assert scans == []


def test_fast_text_that_is_not_an_id_reaches_the_field_in_order_before_enter(qtbot, field):
    first, _second, _scanner, scans = field
    entered = []
    first.returnPressed.connect(lambda: entered.append(first.text()))
    scan(qtbot, first, "tinh uy")
    assert entered == ["tinh uy"]
    assert scans == []


def test_tab_after_fast_typing_types_the_held_keys_first_then_moves_on(qtbot, field):
    first, second, _scanner, _scans = field
    for ch in "250":
        qtbot.keyClick(first, ch)
    qtbot.keyClick(first, Qt.Key.Key_Tab)
    assert first.text() == "250"
    assert focused() is second


def test_held_keys_appear_within_the_gap_when_nothing_follows(qtbot, field):
    first, _second, scanner, _scans = field
    qtbot.keyClick(first, "7")
    assert scanner.holding
    qtbot.waitUntil(lambda: first.text() == "7", timeout=2000)


def test_ctrl_shortcuts_pass_untouched(qtbot, field):
    first, _second, _scanner, _scans = field
    first.setText("abc")
    first.selectAll()
    qtbot.keyClick(first, Qt.Key.Key_X, Qt.KeyboardModifier.ControlModifier)  # cut
    assert first.text() == ""


# -- in the main window ------------------------------------------------------------------------

def test_a_scan_into_the_intake_form_opens_the_item_in_lookup_and_leaves_the_form_alone(qtbot, demo_store, clerk,
                                                                                     open_window):
    item_id = demo_store.scalar("SELECT id FROM items ORDER BY accepted_at DESC LIMIT 1")
    window = open_window(session_for(demo_store, clerk))
    window.show_page("intake")
    target = focused()
    assert target is not None
    before = target.text() if isinstance(target, QLineEdit) else None
    opened = []
    lookup = window.pages["lookup"]
    original = getattr(lookup, "open_item", None)
    if original is not None:
        lookup.open_item = lambda value: (opened.append(value), original(value))
    scan(qtbot, target, item_id)
    if original is None:  # the lookup page has not landed: the window says it cannot open the item
        qtbot.waitUntil(lambda: item_id in window.statusBar().currentMessage(), timeout=2000)
    else:
        qtbot.waitUntil(lambda: window.current_page_key() == "lookup", timeout=2000)
        assert opened == [item_id]
    qtbot.wait(TEST_SCAN_GAP_MS + 30)
    if before is not None:
        assert target.text() == before
    assert items.get_item(demo_store, item_id)["id"] == item_id


def test_a_scan_while_the_screen_is_locked_is_dropped(qtbot, demo_store, clerk, open_window):
    item_id = demo_store.scalar("SELECT id FROM items LIMIT 1")
    window = open_window(session_for(demo_store, clerk))
    window.show_page("intake")
    window.lock_now()
    password = window.idle_lock.overlay.password
    qtbot.waitUntil(lambda: focused() is password, timeout=1000)
    scan(qtbot, password, item_id)
    qtbot.wait(TEST_SCAN_GAP_MS + 30)
    assert password.text() == ""
    assert window.current_page_key() == "intake"


def test_text_from_an_input_method_comes_after_the_keys_typed_before_it(qtbot, field):
    from PySide6.QtGui import QInputMethodEvent

    first, _second, _scanner, _scans = field
    qtbot.keyClick(first, "t")  # held for a moment
    QApplication.sendEvent(first, QInputMethodEvent("", []))  # nothing composed yet: just flushes
    event = QInputMethodEvent()
    event.setCommitString("ỉ")
    QApplication.sendEvent(first, event)
    assert first.text() == "tỉ"


def test_a_scanned_id_the_counter_does_not_know_is_said_in_the_status_bar(qtbot, demo_store, clerk, open_window):
    window = open_window(session_for(demo_store, clerk))
    target = focused()
    scan(qtbot, target, ITEM_ID)  # a valid S10 id, but not an item of this database
    qtbot.waitUntil(lambda: "Không tìm thấy bưu gửi" in window.statusBar().currentMessage(), timeout=2000)
    assert ITEM_ID in window.statusBar().currentMessage()
