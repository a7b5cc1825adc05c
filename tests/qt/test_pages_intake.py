"""The intake form, driven the way a clerk drives it: by the keyboard."""

from __future__ import annotations

from datetime import timedelta

import pytest
from pages_support import PrintCollector, make_session, printing, show  # noqa: F401 (fixtures)
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from kt1desk import clock
from kt1desk.qt.completer import AgencyCompleter
from kt1desk.qt.intake_page import IntakePage, to_qdatetime
from kt1desk.services import items


@pytest.fixture
def printer():
    return PrintCollector()


@pytest.fixture
def page(qtbot, demo_store, clerk, printer, make_session):
    return show(qtbot, IntakePage(make_session(demo_store, clerk, printer)))


def focused():
    return QApplication.focusWidget()


def type_into(qtbot, widget, text):
    widget.setFocus()
    widget.selectAll()
    qtbot.keyClicks(widget, text)


def fill(qtbot, page, *, sender="TUDLK", recipient="VPCP", weight="250", pieces=None):
    type_into(qtbot, page.sender_edit, sender)
    qtbot.keyClick(page.sender_edit, Qt.Key.Key_Tab)
    type_into(qtbot, page.recipient_edit, recipient)
    qtbot.keyClick(page.recipient_edit, Qt.Key.Key_Tab)
    type_into(qtbot, page.weight_edit, weight)
    qtbot.keyClick(page.weight_edit, Qt.Key.Key_Tab)
    if pieces is not None:
        type_into(qtbot, page.pieces_edit, pieces)
        qtbot.keyClick(page.pieces_edit, Qt.Key.Key_Tab)


# -- choosing agencies ------------------------------------------------------------

def test_typing_tinh_uy_without_diacritics_suggests_tinh_uy_dak_lak_first(qtbot, page):
    qtbot.keyClicks(page.sender_edit, "tinh uy")
    assert page.sender_completer.is_open()
    assert page.sender_completer.suggestions()[0] == "TUDLK"
    qtbot.keyClick(page.sender_edit, Qt.Key.Key_Return)
    assert page.sender_edit.text() == "TUDLK"
    assert "Tỉnh ủy Đắk Lắk" in page.labels["senderName"].text()


def test_d_is_folded_so_doan_finds_tinh_doan_and_dak_lak_finds_dak_lak(qtbot, demo_store):
    from PySide6.QtWidgets import QLineEdit

    edit = QLineEdit()
    qtbot.addWidget(edit)
    completer = AgencyCompleter(edit, demo_store)
    completer.suggest("tinh doan")
    assert completer.suggestions() == ["TDTN"]  # Tỉnh đoàn Đắk Lắk
    completer.suggest("uy ban nhan dan dak lak")
    assert "UBND" in completer.suggestions()


def test_arrow_keys_choose_another_suggestion_and_esc_only_closes_the_list(qtbot, page):
    qtbot.keyClicks(page.recipient_edit, "van phong")
    second = page.recipient_completer.suggestions()[1]
    qtbot.keyClick(page.recipient_edit, Qt.Key.Key_Down)
    qtbot.keyClick(page.recipient_edit, Qt.Key.Key_Escape)
    assert not page.recipient_completer.is_open()
    assert page.recipient_edit.text() == "van phong"  # Esc closed the list, it did not clear the form
    qtbot.keyClick(page.recipient_edit, Qt.Key.Key_Down)  # opens the list again
    qtbot.keyClick(page.recipient_edit, Qt.Key.Key_Down)
    qtbot.keyClick(page.recipient_edit, Qt.Key.Key_Return)
    assert page.recipient_edit.text() == second


# -- live feedback ----------------------------------------------------------------

def test_fee_scope_and_deadline_follow_the_typing(qtbot, page):
    fill(qtbot, page, sender="TUDLK", recipient="VPCP", weight="20")
    assert page.fee_text() == "11.000 đ"  # sample tariff, liên tỉnh, up to 20 g: 10.000 đ + VAT 10%
    assert "VAT\u00a010%\u00a01.000\u00a0đ" in page.labels["feeDetail"].text()
    assert page.labels["scopeValue"].text() == "Liên tỉnh"
    assert "J + 3,5" in page.labels["deadlineValue"].text()
    type_into(qtbot, page.weight_edit, "2")
    qtbot.keyClicks(page.weight_edit, "1")  # 21 g: next band, no Tab needed
    assert page.fee_text() == "17.600 đ"
    page.hoa_toc_check.setChecked(True)
    assert page.fee_text() == "61.600 đ"  # 16.000 + 40.000 (Hỏa tốc) = 56.000 đ before VAT
    assert "J + 2,5" in page.labels["deadlineValue"].text()


def test_a_free_sender_shows_mien_cuoc_and_why(qtbot, page):
    fill(qtbot, page, sender="CAT", recipient="TUDLK", weight="100")
    assert page.fee_text() == "Miễn cước"
    assert "Phụ lục I" in page.labels["feeDetail"].text()
    assert page.labels["scopeValue"].text() == "Nội tỉnh, nội thành"


def test_nothing_is_said_about_fields_the_clerk_has_not_reached(page):
    assert all(page.field_error(key) == "" for key in page.error_labels)
    assert page.fee_text() == "—"


# -- refusals, each next to its field -----------------------------------------------

def test_an_unknown_agency_is_named_next_to_the_recipient(qtbot, page):
    fill(qtbot, page, recipient="XYZ")
    assert page.field_error("recipient") == "Cơ quan nhận: không có cơ quan mã «XYZ» trong danh bạ."
    assert page.field_error("sender") == ""


def test_an_agency_that_has_ceased_names_its_successor(qtbot, page):
    fill(qtbot, page, sender="TUPY")  # Tỉnh ủy Phú Yên (cũ), merged into Đắk Lắk on 1/7/2025
    assert page.field_error("sender") == (
        "Cơ quan gửi: cơ quan «TUPY» đã ngừng hoạt động từ 30/06/2025; dùng mã TUDLK.")
    assert "đã ngừng hoạt động" in page.labels["senderName"].text()


def test_sender_and_recipient_must_differ(qtbot, page):
    fill(qtbot, page, sender="TUDLK", recipient="TUDLK")
    assert page.field_error("recipient") == "Cơ quan gửi và cơ quan nhận không được trùng nhau."


def test_a_weight_that_is_not_a_number_is_explained(qtbot, page):
    fill(qtbot, page, weight="abc")
    assert "Khối lượng phải là một số lớn hơn 0" in page.field_error("weight_g")
    assert "«abc»" in page.field_error("weight_g")


def test_a_weight_over_the_limit_is_refused(qtbot, page):
    fill(qtbot, page, weight="40 kg")
    assert page.field_error("weight_g") == "Khối lượng phải lớn hơn 0 và không quá 30.000 g."


def test_zero_pieces_is_refused(qtbot, page):
    fill(qtbot, page, pieces="0")
    assert page.field_error("pieces") == "Số kiện phải là số nguyên từ 1 đến 99."


def test_hen_gio_too_early_names_the_earliest_time(qtbot, page, frozen_now):
    fill(qtbot, page, recipient="VPCP")
    page.hen_gio_check.setChecked(True)
    page.hen_gio_edit.setDateTime(to_qdatetime(frozen_now() + timedelta(hours=2)))
    assert page.field_error("hen_gio_at") == (
        "Hẹn giờ phải sau thời điểm nhận ít nhất 24 giờ (liên tỉnh): sớm nhất 26/11/2026 09:30.")


def test_hoa_toc_and_hen_gio_combine_and_their_surcharges_add(qtbot, page):
    fill(qtbot, page)
    page.hoa_toc_check.setChecked(True)
    page.hen_gio_check.setChecked(True)
    assert page.field_error("hen_gio_at") == ""
    detail = page.labels["feeDetail"].text()
    assert "Hỏa\u00a0tốc" in detail and "Hẹn\u00a0giờ" in detail and "VAT" in detail


def test_a_clerk_may_not_back_enter_and_does_not_see_the_field(page):
    assert page.back_entry_check.isHidden()
    assert page.values()["accepted_at"] is None


def test_a_supervisor_back_enters_an_item_accepted_earlier(qtbot, demo_store, supervisor, frozen_now, make_session):
    page = show(qtbot, IntakePage(make_session(demo_store, supervisor)))
    assert not page.back_entry_check.isHidden()
    fill(qtbot, page)
    page.back_entry_check.setChecked(True)
    page.accepted_edit.setDateTime(to_qdatetime(frozen_now() + timedelta(days=1)))
    assert page.field_error("accepted_at") == "Thời điểm nhận không được ở tương lai."
    page.accepted_edit.setDateTime(to_qdatetime(frozen_now() - timedelta(hours=3)))
    item_id = page.save()
    item = items.get_item(demo_store, item_id)
    assert item["back_entry"] == 1 and item["accepted_at"].startswith("2026-11-25T06:30")


def test_save_with_errors_stores_nothing_and_shows_every_error(qtbot, page, demo_store):
    before = demo_store.scalar("SELECT COUNT(*) FROM items")
    page.pieces_edit.setText("0")
    qtbot.keyClick(page.sender_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert demo_store.scalar("SELECT COUNT(*) FROM items") == before
    assert page.field_error("sender") == "Cơ quan gửi: bắt buộc phải nhập."
    assert page.field_error("recipient") == "Cơ quan nhận: bắt buộc phải nhập."
    assert page.field_error("pieces")
    assert focused() is page.sender_edit


def test_a_secret_item_with_a_broken_seal_is_refused_and_the_refusal_recorded(qtbot, page, demo_store):
    asked = []
    page.confirm_refusal = lambda letter: asked.append(letter) or "Nguyễn Văn Tư, Sở Y tế"
    fill(qtbot, page)
    page.secrecy_combo.setCurrentIndex(page.secrecy_combo.findData("B"))
    assert not page.seal_check.isChecked()  # the clerk must tick it: nothing assumed
    before = demo_store.scalar("SELECT COUNT(*) FROM items")
    with qtbot.waitSignal(page.item_refused):
        qtbot.keyClick(page.weight_edit, Qt.Key.Key_F9)
    assert asked == ["B"]
    assert demo_store.scalar("SELECT COUNT(*) FROM items") == before
    refusal = items.refusals(demo_store)[0]
    assert (refusal["reason"], refusal["secrecy"], refusal["refused_by_login"]) == ("seal-broken", "B", "gdv1")
    assert refusal["presented_by"] == "Nguyễn Văn Tư, Sở Y tế"
    message = "Bưu gửi mật B có niêm phong không nguyên vẹn: từ chối nhận, đã ghi nhận việc từ chối."
    assert page.field_error("secrecy") == message
    assert page.labels["lastInfo"].text() == message
    assert page.sender_edit.text() == "TUDLK"


def test_a_broken_seal_not_confirmed_stores_nothing_and_returns_to_the_seal(qtbot, page, demo_store):
    page.confirm_refusal = lambda letter: None
    fill(qtbot, page)
    page.secrecy_combo.setCurrentIndex(page.secrecy_combo.findData("A"))
    assert page.save() is None
    assert items.refusals(demo_store) == []
    assert focused() is page.seal_check


# -- saving with the keyboard only ------------------------------------------------------

def test_an_item_is_entered_and_saved_with_the_keyboard_only(qtbot, page, demo_store, printer, printing):
    """Type, Enter, Tab and Ctrl+Enter only: the item is stored, printed and the form is ready again."""
    qtbot.keyClicks(focused(), "tinh uy")
    qtbot.keyClick(focused(), Qt.Key.Key_Return)  # pick Tỉnh ủy Đắk Lắk
    qtbot.keyClick(focused(), Qt.Key.Key_Return)  # next field
    assert focused() is page.recipient_edit
    qtbot.keyClicks(focused(), "van phong chinh phu")
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    assert focused() is page.kind_combo
    qtbot.keyClick(focused(), Qt.Key.Key_Down)  # Gói
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    assert focused() is page.weight_edit
    qtbot.keyClicks(focused(), "1,5")
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    qtbot.keyClick(focused(), Qt.Key.Key_Down)  # kg
    assert page.weight_unit.currentData() == "kg"
    assert page.fee_text() == "66.000 đ"  # 60.000 đ before VAT
    with qtbot.waitSignal(page.item_saved) as saved:
        qtbot.keyClick(focused(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    item_id = saved.args[0]
    item = items.get_item(demo_store, item_id)
    assert (item["sender_code"], item["recipient_code"], item["kind"]) == ("TUDLK", "VPCP", "goi")
    assert item["weight_g"] == 1500 and item["fee_vnd"] == 60000 and item["clerk_login"] == "gdv1"
    assert page.labels["lastId"].text() == item_id
    # ready for the next item from the same sender
    assert page.sender_edit.text() == "TUDLK"
    assert page.recipient_edit.text() == "" and page.weight_edit.text() == ""
    assert focused() is page.recipient_edit
    assert printer.types() == ["label", "receipt"]
    assert all(pdf.startswith(b"%PDF") for _t, pdf, _title in printer.documents)
    item = items.get_item(demo_store, item_id)
    assert (item["label_prints"], item["receipt_prints"]) == (1, 1)
    assert page.labels["printStatus"].text() == "Đã in nhãn và biên nhận."


def test_without_the_paper_module_the_item_is_still_accepted(qtbot, page, demo_store, monkeypatch):
    import sys

    monkeypatch.setitem(sys.modules, "kt1desk.printing", None)  # import fails
    fill(qtbot, page)
    item_id = page.save()
    assert items.get_item(demo_store, item_id)["label_prints"] == 0
    assert "in lại ở mục Tra cứu" in page.labels["printStatus"].text()


def test_grams_with_thousands_dot_are_read_as_grams(qtbot, page, demo_store):
    fill(qtbot, page, weight="1.500")
    assert page.labels["weightShown"].text() == "= 1,5 kg"
    item_id = page.save()
    assert items.get_item(demo_store, item_id)["weight_g"] == 1500


def test_a_failed_print_loses_nothing(qtbot, demo_store, clerk, make_session, printing):
    page = show(qtbot, IntakePage(make_session(demo_store, clerk, PrintCollector(works=False))))
    fill(qtbot, page)
    item_id = page.save()
    assert items.get_item(demo_store, item_id)["status"] == "accepted"
    assert "in lại ở mục Tra cứu" in page.labels["printStatus"].text()
    assert page.labels["lastId"].text() == item_id


def test_esc_starts_over(qtbot, page):
    fill(qtbot, page)
    qtbot.keyClick(page.weight_edit, Qt.Key.Key_Escape)
    assert page.sender_edit.text() == "" and page.weight_edit.text() == ""
    assert focused() is page.sender_edit


def test_a_counter_whose_serial_block_runs_low_says_so_after_saving(qtbot, demo_store, clerk, make_session):
    from kt1desk.services import office, settings

    office.add_counter(demo_store, None, code="Q09", name="Quầy 9", first=12_000_000, last=12_000_009)
    settings.put(demo_store, None, "serial_warn_percent", "10", clock.now().date())
    session = make_session(demo_store, clerk)
    session.counter = office.get_counter(demo_store, "Q09")
    page = show(qtbot, IntakePage(session))
    fill(qtbot, page)
    item_id = page.save()
    assert items.get_item(demo_store, item_id)["counter_code"] == "Q09"
    assert page.labels["warningsLabel"].text() == "Quầy Q09 đã dùng 10% dải số hiệu (còn 9 số)."


def test_tab_goes_through_the_form_in_reading_order(qtbot, page):
    expected = [page.recipient_edit, page.kind_combo, page.weight_edit, page.weight_unit, page.pieces_edit,
                page.secrecy_combo, page.hoa_toc_check, page.hen_gio_check, page.save_button, page.clear_button]
    page.sender_edit.setFocus()
    seen = []
    for _ in expected:
        qtbot.keyClick(focused(), Qt.Key.Key_Tab)
        seen.append(focused())
    assert seen == expected  # disabled fields (seal, Hẹn giờ time, back-entry) are skipped


def test_enter_on_a_check_box_moves_on_and_enter_on_the_save_button_saves(qtbot, page, demo_store):
    fill(qtbot, page)
    page.hoa_toc_check.setFocus()
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    assert focused() is page.hen_gio_check
    page.save_button.setFocus()
    with qtbot.waitSignal(page.item_saved) as saved:
        qtbot.keyClick(page.save_button, Qt.Key.Key_Return)
    assert items.get_item(demo_store, saved.args[0])["recipient_code"] == "VPCP"


def test_only_the_sender_line_says_who_pays(qtbot, page):
    # The fee follows the sender's appendix: a free recipient (VPCP) must not read "miễn cước".
    fill(qtbot, page, sender="TUDLK", recipient="VPCP")
    assert "trả cước" in page.labels["senderName"].text()
    assert "Văn phòng Chính phủ" in page.labels["recipientName"].text()
    assert "cước" not in page.labels["recipientName"].text()
    assert page.fee_text() != "Miễn cước"
