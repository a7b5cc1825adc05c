"""How money, weights and times are written for people, and weights typed by a clerk."""

from __future__ import annotations

from datetime import date, datetime, timezone

import pytest
from hypothesis import given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from kt1desk import formats
from kt1desk.clock import VN_TZ, iso, parse_iso, parse_local


@pytest.mark.parametrize("vnd, vi, en", [
    (45000, "45.000 đ", "45,000 VND"),
    (0, "0 đ", "0 VND"),
    (8000, "8.000 đ", "8,000 VND"),
    (300_000_000, "300.000.000 đ", "300,000,000 VND"),
    (999, "999 đ", "999 VND"),
])
def test_money(vnd, vi, en):
    assert formats.money(vnd) == vi
    assert formats.money(vnd, "en") == en


@pytest.mark.parametrize("grams, vi, en", [
    (1500, "1,5 kg", "1.5 kg"),
    (250, "250 g", "250 g"),
    (1000, "1 kg", "1 kg"),
    (30000, "30 kg", "30 kg"),
    (1234, "1,234 kg", "1.234 kg"),
    (1, "1 g", "1 g"),
])
def test_weight(grams, vi, en):
    assert formats.weight(grams) == vi
    assert formats.weight(grams, "en") == en


def test_moments_and_days_are_written_in_vietnam_time():
    assert formats.moment(datetime(2026, 11, 29, 14, 5, tzinfo=VN_TZ)) == "29/11/2026 14:05"
    assert formats.moment(datetime(2026, 11, 29, 7, 5, tzinfo=timezone.utc)) == "29/11/2026 14:05"
    assert formats.moment(datetime(2026, 11, 29, 14, 5)) == "29/11/2026 14:05"  # naive = Vietnam time
    assert formats.day(date(2026, 11, 29)) == "29/11/2026"
    assert formats.day(datetime(2026, 11, 28, 20, 0, tzinfo=timezone.utc)) == "29/11/2026"


def test_stored_times_are_iso_with_the_vietnam_offset():
    assert iso(datetime(2026, 11, 29, 14, 5, tzinfo=VN_TZ)) == "2026-11-29T14:05:00+07:00"
    assert iso(datetime(2026, 11, 29, 7, 5, 30, tzinfo=timezone.utc)) == "2026-11-29T14:05:30+07:00"
    assert parse_iso("2026-11-29T14:05:00+07:00") == datetime(2026, 11, 29, 14, 5, tzinfo=VN_TZ)
    assert parse_local("29/11/2026 14:05") == datetime(2026, 11, 29, 14, 5, tzinfo=VN_TZ)
    assert parse_local("2026-11-29 14:05") == datetime(2026, 11, 29, 14, 5, tzinfo=VN_TZ)
    with pytest.raises(ValueError):
        parse_local("29/11/2026 25:05")


@pytest.mark.parametrize("typed, unit, grams", [
    ("1500", "g", 1500),
    ("1.500", "g", 1500),       # dots group thousands
    ("1.500.000", "g", 1_500_000),
    ("1,5 kg", "g", 1500),      # decimal comma
    ("1,5kg", "g", 1500),
    ("1,5", "kg", 1500),
    ("0,25 kg", "g", 250),
    ("0,25", "kg", 250),
    ("250g", "g", 250),
    ("250 g", "g", 250),
    (" 20 ", "g", 20),
    ("2 KG", "g", 2000),
    ("1.5", "kg", 1500),
    (750, "g", 750),
])
def test_parse_weight_g(typed, unit, grams):
    assert formats.parse_weight_g(typed, unit) == grams


@pytest.mark.parametrize("typed, unit", [
    ("0", "g"), ("-5", "g"), ("abc", "g"), ("", "g"), ("1,2345 kg", "g"), ("0,5", "g"), ("nan", "g"),
    ("inf", "g"), ("1e400", "g"), (0, "g"), (-3, "g"),
])
def test_parse_weight_g_refuses_what_is_not_a_positive_whole_number_of_grams(typed, unit):
    with pytest.raises(ValueError):
        formats.parse_weight_g(typed, unit)


@hsettings(deadline=None)
@given(st.integers(min_value=1, max_value=50_000_000))
def test_a_weight_written_for_people_reads_back(grams):
    assert formats.parse_weight_g(formats.weight(grams)) == grams
    assert formats.parse_weight_g(formats.number(grams)) == grams
    assert formats.parse_weight_g(str(grams)) == grams


@hsettings(deadline=None)
@given(st.integers(min_value=0, max_value=10**12))
def test_money_groups_by_thousands(vnd):
    text = formats.money(vnd)
    assert text.endswith(" đ")
    assert int(text[:-2].replace(".", "")) == vnd
    assert all(len(g) == 3 for g in text[:-2].split(".")[1:])
