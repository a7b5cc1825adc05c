"""J + n deadlines in working days: weekends, holidays VN (Tết by the lunar calendar), announced swaps."""

from __future__ import annotations

import math
from datetime import date, datetime, time, timedelta, timezone

import holidays
import pytest
from hypothesis import given, settings as hsettings
from hypothesis import strategies as st

from kt1desk.clock import VN_TZ
from kt1desk.workdays import DEADLINE_DAYS, Calendar, deadline_days


def vn(y, m, d, hh=10, mm=0) -> datetime:
    return datetime(y, m, d, hh, mm, tzinfo=VN_TZ)


CAL = Calendar()


def test_the_table_of_domain_md():
    assert deadline_days(hoa_toc=False, scope="noi-tinh") == 1.5
    assert deadline_days(hoa_toc=False, scope="lien-tinh") == 3.5
    assert deadline_days(hoa_toc=True, scope="noi-tinh") == 1.0
    assert deadline_days(hoa_toc=True, scope="lien-tinh") == 2.5


@pytest.mark.parametrize("accepted, days, expected", [
    # An ordinary week: Wed 25/11/2026.
    (vn(2026, 11, 25, 9, 30), 1.0, vn(2026, 11, 26, 17)),
    (vn(2026, 11, 25, 9, 30), 1.5, vn(2026, 11, 27, 12)),
    (vn(2026, 11, 25, 9, 30), 2.5, vn(2026, 11, 30, 12)),   # Thu, Fri, (weekend), Mon noon
    (vn(2026, 11, 25, 9, 30), 3.5, vn(2026, 12, 1, 12)),
    # Late in the day or early: J is the date stamp, the hour does not matter.
    (vn(2026, 11, 25, 23, 59), 1.0, vn(2026, 11, 26, 17)),
    (vn(2026, 11, 25, 0, 1), 1.5, vn(2026, 11, 27, 12)),
    # Weekends: accepted Friday, and accepted on a Saturday (the service runs 7 days a week).
    (vn(2026, 11, 27, 16), 1.0, vn(2026, 11, 30, 17)),
    (vn(2026, 11, 27, 16), 1.5, vn(2026, 12, 1, 12)),
    (vn(2026, 11, 28, 10), 1.0, vn(2026, 11, 30, 17)),
    (vn(2026, 11, 29, 10), 3.5, vn(2026, 12, 3, 12)),
    # 24/11 (Vietnam Cultural Day, new from 2026) is a holiday: Mon 23/11 → Wed 25/11.
    (vn(2026, 11, 23, 10), 1.0, vn(2026, 11, 25, 17)),
    # Tết 2026: eve Mon 16/2, 17–20/2 off, then the weekend: Fri 13/2 → first working day Mon 23/2.
    (vn(2026, 2, 13, 15), 1.0, vn(2026, 2, 23, 17)),
    (vn(2026, 2, 13, 15), 1.5, vn(2026, 2, 24, 12)),
    (vn(2026, 2, 13, 15), 2.5, vn(2026, 2, 25, 12)),
    (vn(2026, 2, 13, 15), 3.5, vn(2026, 2, 26, 12)),
    (vn(2026, 2, 17, 8), 1.0, vn(2026, 2, 23, 17)),  # accepted on Tết itself
    # Tết 2027: 4–10/2 off. Wed 3/2/2027 → Thu 11/2.
    (vn(2027, 2, 3, 10), 1.0, vn(2027, 2, 11, 17)),
    (vn(2027, 2, 3, 10), 1.5, vn(2027, 2, 12, 12)),
    (vn(2027, 2, 3, 10), 3.5, vn(2027, 2, 16, 12)),   # Thu 11, Fri 12, Mon 15, Tue 16
    # 30/4 and 1/5 (2026: Thu and Fri): Wed 29/4 → Mon 4/5.
    (vn(2026, 4, 29, 10), 1.0, vn(2026, 5, 4, 17)),
    (vn(2026, 4, 29, 10), 2.5, vn(2026, 5, 6, 12)),
    # 2/9 (2026: 31/8 swapped off, 1/9 and 2/9): Fri 28/8 → Thu 3/9.
    (vn(2026, 8, 28, 10), 1.0, vn(2026, 9, 3, 17)),
    (vn(2026, 8, 28, 10), 3.5, vn(2026, 9, 8, 12)),
    # ... and the Saturday worked for that swap, 22/8/2026, is a working day.
    (vn(2026, 8, 21, 10), 1.0, vn(2026, 8, 22, 17)),
    (vn(2026, 8, 21, 10), 1.5, vn(2026, 8, 24, 12)),
    # Giỗ Tổ Hùng Vương 2026 falls on Sunday 26/4 and is observed Monday 27/4.
    (vn(2026, 4, 24, 10), 1.0, vn(2026, 4, 28, 17)),
])
def test_deadlines(accepted, days, expected):
    assert CAL.deadline(accepted, days) == expected


def test_tet_2026_days_are_off_and_the_week_after_is_worked():
    for d in (16, 17, 18, 19, 20, 21, 22):
        assert not CAL.is_working_day(date(2026, 2, d)), d
    for d in (13, 23, 24):
        assert CAL.is_working_day(date(2026, 2, d)), d
    assert CAL.is_public_holiday(date(2026, 2, 17))
    assert not CAL.is_public_holiday(date(2026, 2, 21))  # a Saturday, not a holiday


def test_acceptance_day_is_taken_in_vietnam_time():
    # 23:30 UTC on Tue 24/11 is 06:30 on Wed 25/11 in Vietnam: J = Wed.
    utc = datetime(2026, 11, 24, 23, 30, tzinfo=timezone.utc)
    assert CAL.deadline(utc, 1.0) == vn(2026, 11, 26, 17)
    # A naive time is Vietnam time.
    assert CAL.deadline(datetime(2026, 11, 25, 6, 30), 1.0) == vn(2026, 11, 26, 17)
    assert CAL.deadline(utc, 1.0).utcoffset() == timedelta(hours=7)


def test_local_swap_table_declared_day_off():
    # Fri 25/12/2026 → Mon 28/12 normally; the province declares Mon 28/12 a day off.
    plain = Calendar()
    swapped = Calendar(swaps={date(2026, 12, 28): False})
    assert plain.deadline(vn(2026, 12, 25), 1.0) == vn(2026, 12, 28, 17)
    assert swapped.deadline(vn(2026, 12, 25), 1.0) == vn(2026, 12, 29, 17)
    assert swapped.deadline(vn(2026, 12, 25), 1.5) == vn(2026, 12, 30, 12)


def test_local_swap_table_worked_saturday():
    swapped = Calendar(swaps={date(2026, 11, 28): True})
    assert not Calendar().is_working_day(date(2026, 11, 28))
    assert swapped.is_working_day(date(2026, 11, 28))
    assert swapped.deadline(vn(2026, 11, 27), 1.0) == vn(2026, 11, 28, 17)
    assert swapped.deadline(vn(2026, 11, 27), 1.5) == vn(2026, 11, 30, 12)


def test_a_swap_can_also_make_a_public_holiday_worked():
    swapped = Calendar(swaps={date(2026, 4, 30): True})
    assert swapped.deadline(vn(2026, 4, 29), 1.0) == vn(2026, 4, 30, 17)


def test_day_end_and_noon_are_parameters():
    cal = Calendar(day_end=time(16, 30), half_day_end=time(11, 30))
    assert cal.deadline(vn(2026, 11, 25), 1.0) == vn(2026, 11, 26, 16, 30)
    assert cal.deadline(vn(2026, 11, 25), 1.5) == vn(2026, 11, 27, 11, 30)


def test_day_end_and_noon_come_from_the_settings_a_supervisor_changes(demo_store, clerk, supervisor, frozen_now):
    from kt1desk.services import intake, settings

    before = intake.quote(demo_store, clerk, sender="TUDLK", recipient="STC", kind="thu", weight_g=20)
    assert before.deadline == vn(2026, 11, 27, 12)
    hoa = intake.quote(demo_store, clerk, sender="TUDLK", recipient="STC", kind="thu", weight_g=20, hoa_toc=True)
    assert hoa.deadline == vn(2026, 11, 26, 17)
    # New values from tomorrow on: today's items keep the old ones.
    settings.put(demo_store, supervisor, "half_day_end", "11:00", effective_from=date(2026, 11, 26))
    settings.put(demo_store, supervisor, "day_end", "16:30", effective_from=date(2026, 11, 26))
    today = intake.quote(demo_store, clerk, sender="TUDLK", recipient="STC", kind="thu", weight_g=20)
    assert today.deadline == vn(2026, 11, 27, 12)
    frozen_now(vn(2026, 11, 26, 9))
    tomorrow = intake.quote(demo_store, clerk, sender="TUDLK", recipient="STC", kind="thu", weight_g=20)
    assert tomorrow.deadline == vn(2026, 11, 30, 11)
    hoa = intake.quote(demo_store, clerk, sender="TUDLK", recipient="STC", kind="thu", weight_g=20, hoa_toc=True)
    assert hoa.deadline == vn(2026, 11, 27, 16, 30)


def test_a_swap_recorded_by_a_supervisor_moves_deadlines(demo_store, clerk, supervisor, frozen_now):
    from kt1desk.errors import Kt1Error
    from kt1desk.services import calendar, intake

    frozen_now(vn(2026, 12, 25, 10))
    q = intake.quote(demo_store, clerk, sender="TUDLK", recipient="STC", kind="thu", weight_g=20, hoa_toc=True)
    assert q.deadline == vn(2026, 12, 28, 17)
    with pytest.raises(Kt1Error) as err:
        calendar.set_swap(demo_store, clerk, day="28/12/2026", working=False)
    assert err.value.code == "role_required"
    calendar.set_swap(demo_store, supervisor, day="28/12/2026", working=False, note="Nghỉ bù")
    q = intake.quote(demo_store, clerk, sender="TUDLK", recipient="STC", kind="thu", weight_g=20, hoa_toc=True)
    assert q.deadline == vn(2026, 12, 29, 17)
    assert calendar.list_swaps(demo_store) == [{"day": "2026-12-28", "working": 0, "note": "Nghỉ bù"}]


# -- properties --------------------------------------------------------------

def reference_working_day(day: date, swaps: dict[date, bool]) -> bool:
    if day in swaps:
        return swaps[day]
    known = holidays.country_holidays("VN", years=day.year)
    if day.weekday() >= 5:
        return day in known.weekend_workdays
    return day not in known


moments = st.datetimes(min_value=datetime(2025, 1, 1), max_value=datetime(2027, 12, 20)).map(
    lambda d: d.replace(tzinfo=VN_TZ))
day_counts = st.sampled_from(sorted(set(DEADLINE_DAYS.values())))
swap_tables = st.dictionaries(st.dates(min_value=date(2025, 1, 1), max_value=date(2028, 1, 31)), st.booleans(),
                              max_size=8)


@hsettings(max_examples=300, deadline=None)
@given(moments, day_counts, swap_tables)
def test_deadline_is_the_nth_working_day_after_j(accepted, days, swaps):
    cal = Calendar(swaps=swaps)
    due = cal.deadline(accepted, days)
    j = accepted.date()
    n = math.ceil(days)  # 1.5 → noon of the 2nd working day; 1 → end of the 1st
    assert due.date() > j
    assert reference_working_day(due.date(), swaps)
    worked_between = [j + timedelta(days=k) for k in range(1, (due.date() - j).days)
                      if reference_working_day(j + timedelta(days=k), swaps)]
    assert len(worked_between) == n - 1
    assert due.time() == (time(12) if days % 1 else time(17))
    assert due.tzinfo is not None and due.utcoffset() == timedelta(hours=7)


@hsettings(max_examples=200, deadline=None)
@given(moments, moments, day_counts)
def test_a_later_acceptance_never_has_an_earlier_deadline(a, b, days):
    first, second = sorted((a, b))
    assert CAL.deadline(first, days) <= CAL.deadline(second, days)


@hsettings(max_examples=200, deadline=None)
@given(st.datetimes(min_value=datetime(2026, 2, 9), max_value=datetime(2026, 2, 22)).map(
    lambda d: d.replace(tzinfo=VN_TZ)), day_counts)
def test_no_deadline_falls_in_tet_2026(accepted, days):
    due = CAL.deadline(accepted, days)
    assert not date(2026, 2, 16) <= due.date() <= date(2026, 2, 22)
    if accepted.date() >= date(2026, 2, 14):
        assert due.date() >= date(2026, 2, 23)


@hsettings(deadline=None)
@given(moments)
def test_hoa_toc_is_never_later_than_plain(accepted):
    for scope in ("noi-tinh", "lien-tinh"):
        assert CAL.deadline(accepted, deadline_days(hoa_toc=True, scope=scope)) <= \
            CAL.deadline(accepted, deadline_days(hoa_toc=False, scope=scope))
    assert CAL.deadline(accepted, 1.5) <= CAL.deadline(accepted, 3.5)
