"""The status bar: who, which counter, which office, holiday or after hours — and no count it cannot keep honest."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtWidgets import QLabel
from shell_support import open_window, own_preferences, session_for, settle_status  # noqa: F401

from kt1desk import clock
from kt1desk.services import calendar as calendar_service


def test_the_status_bar_names_the_clerk_the_counter_and_the_office(qtbot, demo_store, clerk, open_window):
    window = open_window(session_for(demo_store, clerk))
    assert window.status_user.text() == "Nguyễn Văn Hùng (giao dịch viên)"
    assert window.status_counter.text() == "Quầy 1 (Q01)"
    assert window.status_office.text() == "BDDLK · Bưu điện tỉnh Đắk Lắk"


def test_a_working_wednesday_morning_shows_neither_holiday_nor_after_hours(qtbot, demo_store, clerk, open_window):
    window = open_window(session_for(demo_store, clerk))  # frozen at Wed 25/11/2026 09:30
    assert window.status_day.isHidden()


def test_national_day_shows_ngay_le_with_its_name(qtbot, demo_store, clerk, open_window, frozen_now):
    frozen_now(datetime(2026, 9, 2, 10, 0, tzinfo=clock.VN_TZ))
    window = open_window(session_for(demo_store, clerk))
    assert window.status_day.isVisible()
    assert window.status_day.text().startswith("Ngày lễ: ")
    assert "Quốc khánh" in window.status_day.text()


def test_tet_shows_ngay_le(qtbot, demo_store, clerk, open_window, frozen_now):
    frozen_now(datetime(2026, 2, 17, 8, 0, tzinfo=clock.VN_TZ))
    window = open_window(session_for(demo_store, clerk))
    assert window.status_day.text().startswith("Ngày lễ: ")


def test_evening_and_weekend_show_ngoai_gio(qtbot, demo_store, clerk, open_window, frozen_now):
    frozen_now(datetime(2026, 11, 25, 19, 15, tzinfo=clock.VN_TZ))
    window = open_window(session_for(demo_store, clerk))
    assert window.status_day.text() == "Ngoài giờ hành chính"
    frozen_now(datetime(2026, 11, 28, 10, 0, tzinfo=clock.VN_TZ))  # a Saturday
    window.refresh_status()
    settle_status(qtbot, window)
    assert window.status_day.text() == "Ngoài giờ hành chính"


def test_the_status_bar_counts_what_the_province_has_not_confirmed(qtbot, demo_store, clerk, open_window):
    from kt1desk.sync.changelog import pending_count

    window = open_window(session_for(demo_store, clerk))
    pending = pending_count(demo_store)
    assert pending > 0  # the demo's records are all still on this counter
    assert window.status_unsynced.text() == f"Chưa đồng bộ: {pending:,} bản ghi".replace(",", ".")


def test_an_announced_day_off_shows_at_once(qtbot, demo_store, clerk, supervisor, open_window):
    window = open_window(session_for(demo_store, clerk))  # Wed 25/11/2026 09:30, a working day
    assert window.status_day.isHidden()
    calendar_service.set_swap(demo_store, supervisor, day="2026-11-25", working=False, note="nghỉ bù")
    qtbot.waitUntil(lambda: window.status_day.text() == "Ngoài giờ hành chính", timeout=3000)
