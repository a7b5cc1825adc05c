"""The counter's day in one test: log in, take an item with the keyboard only, print its papers, scan it back."""

from __future__ import annotations

import importlib
import io

import pytest
from conftest import PASSWORD
from PySide6.QtCore import Qt
from shell_support import (TEST_SCAN_GAP_MS, Printed, focused, open_window, own_preferences, scan,  # noqa: F401
                           session_for, texts_in)

from kt1desk.qt.login import LoginDialog
from kt1desk.services import items, office


def printing_ready() -> bool:
    try:
        module = importlib.import_module("kt1desk.printing")
    except ImportError:
        return False
    return hasattr(module, "label_pdf") and hasattr(module, "receipt_pdf")


def pdf_text(pdf: bytes) -> str:
    import pdfplumber

    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        return "\n".join(page.extract_text() or "" for page in doc.pages)


def key(qtbot, k, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(focused(), k, modifier)


def test_log_in_take_an_item_by_keyboard_print_it_and_scan_it_back(qtbot, demo_store, open_window):
    pytest.importorskip("kt1desk.qt.intake_page")
    pytest.importorskip("kt1desk.qt.lookup_page")

    # -- log in, keyboard only
    login = LoginDialog(demo_store, office=office.get_office(demo_store))
    qtbot.addWidget(login)
    login.show()
    qtbot.waitExposed(login)
    qtbot.keyClicks(login.login_edit, "gdv1")
    qtbot.keyClick(login.login_edit, Qt.Key.Key_Tab)
    qtbot.keyClicks(login.password_edit, PASSWORD)
    qtbot.keyClick(login.password_edit, Qt.Key.Key_Return)
    assert login.result() == LoginDialog.DialogCode.Accepted

    # -- the main window opens on intake, the cursor in the first field
    printer = Printed()
    window = open_window(session_for(demo_store, login.user, printer=printer))
    intake = window.pages["intake"]
    assert window.current_page_key() == "intake"
    assert focused() is intake.sender_edit

    # -- fill the form with the keyboard only (the scanner filter is on, as in real use)
    qtbot.keyClicks(focused(), "tinh uy")
    key(qtbot, Qt.Key.Key_Return)  # pick Tỉnh ủy Đắk Lắk
    key(qtbot, Qt.Key.Key_Return)  # next field
    assert focused() is intake.recipient_edit
    qtbot.keyClicks(focused(), "van phong chinh phu")
    key(qtbot, Qt.Key.Key_Return)
    key(qtbot, Qt.Key.Key_Return)
    assert focused() is intake.kind_combo
    key(qtbot, Qt.Key.Key_Down)  # Gói
    key(qtbot, Qt.Key.Key_Return)
    assert focused() is intake.weight_edit
    qtbot.keyClicks(focused(), "1,5")
    key(qtbot, Qt.Key.Key_Return)
    key(qtbot, Qt.Key.Key_Down)  # kg
    assert intake.fee_text() == "66.000 đ"  # 60.000 đ before VAT
    with qtbot.waitSignal(intake.item_saved, timeout=5000) as saved:
        key(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    item_id = saved.args[0]
    item = items.get_item(demo_store, item_id)
    assert (item["sender_code"], item["recipient_code"], item["weight_g"]) == ("TUDLK", "VPCP", 1500)
    assert item["clerk_login"] == "gdv1"
    assert item_id in window.statusBar().currentMessage()

    # -- the form is ready for the next item, the cursor in the recipient
    assert focused() is intake.recipient_edit and intake.recipient_edit.text() == ""

    # -- scan the new id into that field: the item opens, the field stays empty
    scan(qtbot, focused(), item_id)
    lookup = window.pages["lookup"]
    qtbot.waitUntil(lambda: getattr(lookup, "last_dialog", None) is not None
                    and lookup.last_dialog.isVisible(), timeout=3000)
    assert window.current_page_key() == "lookup"
    assert item_id in texts_in(lookup.last_dialog) or item_id in lookup.last_dialog.windowTitle()
    qtbot.wait(TEST_SCAN_GAP_MS + 30)
    assert intake.recipient_edit.text() == ""

    # -- the label and the receipt were produced, each naming the item
    if not printing_ready():
        pytest.xfail("kt1desk.printing (label_pdf, receipt_pdf) has not landed: no papers to check yet")
    assert [doc_type for doc_type, _pdf, _title in printer.documents] == ["label", "receipt"]
    for _doc_type, pdf, _title in printer.documents:
        assert pdf.startswith(b"%PDF")
        assert item_id in pdf_text(pdf)
