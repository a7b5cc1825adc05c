"""Lookup: filters, sorting, folding, opening an item, and items saved elsewhere appearing."""

from __future__ import annotations

import pytest
from pages_support import make_session, show  # noqa: F401 (make_session is a fixture)
from PySide6.QtCore import Qt

from kt1desk.qt.lookup_page import LookupPage
from kt1desk.services import intake


@pytest.fixture
def page(qtbot, demo_store, clerk, make_session):
    page = LookupPage(make_session(demo_store, clerk))
    with qtbot.waitSignal(page.results_shown):
        show(qtbot, page)
    return page


def search(qtbot, page):
    with qtbot.waitSignal(page.results_shown):
        page.search()


def test_all_demo_items_are_listed_newest_first(page, demo_store):
    rows = page.rows_shown()
    assert len(rows) == demo_store.scalar("SELECT COUNT(*) FROM items") == 20
    assert [r["accepted_at"] for r in rows] == sorted((r["accepted_at"] for r in rows), reverse=True)
    assert page.count_label.text() == "20 bưu gửi"


def test_free_text_without_diacritics_finds_items_by_agency_name(qtbot, page, demo_store, clerk):
    intake.intake(demo_store, clerk, sender="SYT", recipient="TDTN", kind="thu", weight_g="90")
    with qtbot.waitSignal(page.results_shown):
        page.search_edit.setText("tinh doan")
    rows = page.rows_shown()
    assert rows and rows[0]["recipient_name"] == "Tỉnh đoàn Đắk Lắk"
    assert all("Tỉnh đoàn" in r["sender_name"] + r["recipient_name"] for r in rows)


def test_filter_by_agency_status_and_dates(qtbot, page, demo_store, clerk):
    agency = demo_store.one("SELECT sender_id, sender_code FROM items ORDER BY rowid LIMIT 1")
    with qtbot.waitSignal(page.results_shown):
        qtbot.keyClicks(page.agency_edit, agency["sender_code"].lower())
        qtbot.keyClick(page.agency_edit, Qt.Key.Key_Return)
    rows = page.rows_shown()
    assert rows and all(agency["sender_id"] in (r["sender_id"], r["recipient_id"]) for r in rows)
    page.agency_edit.clear()
    search(qtbot, page)
    with qtbot.waitSignal(page.results_shown):
        page.date_check.setChecked(True)
    assert all(r["accepted_at"][:10] >= "2026-10-26" for r in page.rows_shown())
    with qtbot.waitSignal(page.results_shown):
        page.status_combo.setCurrentIndex(page.status_combo.findData("voided"))
    assert page.rows_shown() == []


def test_sorting_by_weight_and_filtering_the_shown_rows(qtbot, page):
    weight_column = next(c for c in range(page.model.columnCount()) if page.model.columns[c].header == "Khối lượng")
    page.view.sortByColumn(weight_column, Qt.SortOrder.AscendingOrder)
    weights = [r["weight_g"] for r in page.rows_shown()]
    assert weights == sorted(weights)
    page.view.sortByColumn(weight_column, Qt.SortOrder.DescendingOrder)
    assert [r["weight_g"] for r in page.rows_shown()] == sorted(weights, reverse=True)
    qtbot.keyClicks(page.filter_edit, "chinh phu")  # folded: finds Văn phòng Chính phủ
    shown = page.rows_shown()
    assert all("Chính phủ" in r["sender_name"] + r["recipient_name"] for r in shown)
    assert page.count_label.text().endswith(f"/ 20 bưu gửi") or not shown


def test_an_item_saved_elsewhere_appears_after_the_changed_signal(qtbot, page, demo_store, clerk):
    with qtbot.waitSignal(page.results_shown):
        accepted = intake.intake(demo_store, clerk, sender="SYT", recipient="TUKH", kind="thu", weight_g="90")
    assert page.rows_shown()[0]["id"] == accepted.item["id"]


def test_enter_on_a_row_opens_the_item(qtbot, page):
    page.view.setFocus()
    first = page.rows_shown()[0]
    page.view.selectRow(0)
    qtbot.keyClick(page.view, Qt.Key.Key_Return)
    assert page.last_dialog is not None and page.last_dialog.item_id == first["id"]
    assert page.last_dialog.isVisible()


def test_typing_an_id_and_enter_opens_it_and_a_wrong_id_is_explained(qtbot, page):
    first = page.rows_shown()[0]
    qtbot.keyClicks(page.search_edit, first["id"].lower())
    qtbot.keyClick(page.search_edit, Qt.Key.Key_Return)
    assert page.last_dialog.item_id == first["id"]
    page.last_dialog.close()
    page.search_edit.setText("DK000000000VN")
    qtbot.keyClick(page.search_edit, Qt.Key.Key_Return)
    assert "DK000000000VN" in page.count_label.text()


def test_open_item_raises_for_an_unknown_id(page):
    from kt1desk.errors import Kt1Error

    with pytest.raises(Kt1Error):
        page.open_item("DK999999999VN")


def test_down_from_the_search_field_goes_to_the_results_and_esc_clears_it(qtbot, page):
    page.search_edit.setFocus()
    qtbot.keyClicks(page.search_edit, "abc")
    qtbot.keyClick(page.search_edit, Qt.Key.Key_Escape)
    assert page.search_edit.text() == ""
    search(qtbot, page)
    page.search_edit.setFocus()
    qtbot.keyClick(page.search_edit, Qt.Key.Key_Down)
    assert page.view.hasFocus() and page.view.currentIndex().row() == 0


def test_page_contract(page):
    assert page.page_title() == "Tra cứu"
    page.focus_first()
    assert page.search_edit.hasFocus()


def test_an_item_saved_by_another_program_appears_too(qtbot, demo_store, clerk, make_session):
    """The command line or a second window writes through its own connection: data_version notices it."""
    from kt1desk.qt.session import StoreEvents
    from kt1desk.storage import Store

    session = make_session(demo_store, clerk)
    session.events.detach()
    session.events = StoreEvents(demo_store, external_check_ms=50)
    page = LookupPage(session)
    with qtbot.waitSignal(page.results_shown):
        show(qtbot, page)
    other = Store(demo_store.path)
    try:
        accepted = intake.intake(other, clerk, sender="STC", recipient="BTC", kind="goi", weight_g="480")
    finally:
        other.close()
    qtbot.waitUntil(lambda: page.rows_shown() and page.rows_shown()[0]["id"] == accepted.item["id"], timeout=3000)
    session.events.detach()


def _column(page, header: str) -> int:
    return next(c for c in range(page.model.columnCount()) if page.model.columns[c].header == header)


def test_columns_keep_their_width_when_a_refresh_comes_while_a_filter_hides_every_row(qtbot, page, demo_store, clerk):
    ids = page.view.fontMetrics().horizontalAdvance(page.rows_shown()[0]["id"])
    qtbot.keyClicks(page.filter_edit, "khong co co quan nay")
    assert page.proxy.rowCount() == 0
    with qtbot.waitSignal(page.results_shown):  # an item saved meanwhile: the results come again
        intake.intake(demo_store, clerk, sender="SYT", recipient="TDTN", kind="thu", weight_g="90")
    page.filter_edit.clear()
    assert page.proxy.rowCount() == 21
    assert page.view.columnWidth(0) > ids  # "DK1000…" no more


def test_fee_and_deadline_are_on_screen_in_a_1280_px_window(qtbot, page):
    page.resize(1280 - 150, 700)  # the window less its navigation
    qtbot.wait(50)
    right_edge = page.view.viewport().width()
    for header in ("Số hiệu", "Cước", "Hạn phát"):
        column = _column(page, header)
        assert page.view.columnViewportPosition(column) + page.view.columnWidth(column) <= right_edge, header


def test_the_item_view_is_made_once_and_shows_the_next_item(qtbot, page, demo_store):
    from kt1desk.errors import Kt1Error

    first, second = (r["id"] for r in page.rows_shown()[:2])
    dialog = page.open_item(first)
    assert page.open_item(second) is dialog  # a scan opens the next item in the same window: no rebuilding
    assert dialog.item_id == second and second in dialog.windowTitle() and dialog.id_label.text() == second
    with pytest.raises(Kt1Error):
        page.open_item("DK000000000VN")
    assert dialog.item_id == second  # an unknown id changes nothing
    dialog.close()
