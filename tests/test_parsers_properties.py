"""Property tests for what people type: numbers, weights, amounts, dates and times (issue 8).

Whatever the text, a parser either returns a value within its bounds or raises ValueError — never
another exception, never a value read from non-ASCII digits or a misplaced separator."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from hypothesis import example, given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from kt1desk import clock, formats

FAST = hsettings(deadline=None, max_examples=300)
# Text made of what a number could be made of, plus the look-alikes that must never count as one.
number_like = st.text(alphabet="0123456789.,  gGkK-+e_٢٥０２５", max_size=16)


@FAST
@given(st.one_of(st.text(max_size=20), number_like))
@example("1..5")
@example("1.2.3")
@example("٢٥٠")
@example("２５０")
@example("1e400")
def test_parse_weight_never_raises_anything_but_value_error(text):
    try:
        grams = formats.parse_weight_g(text)
    except ValueError:
        return
    assert isinstance(grams, int) and grams > 0
    assert text.isascii()
    assert ".." not in text


@FAST
@given(st.integers(min_value=1, max_value=10**9))
def test_every_way_a_clerk_writes_a_weight_reads_back(grams):
    assert formats.parse_weight_g(str(grams)) == grams
    assert formats.parse_weight_g(formats.number(grams)) == grams  # 1.500
    assert formats.parse_weight_g(formats.weight(grams)) == grams  # 1,5 kg
    assert formats.parse_weight_g(f"{grams} g") == grams


@FAST
@given(st.integers(min_value=1, max_value=10**6), st.sampled_from(["٠١٢٣٤٥٦٧٨٩", "０１２３４５６７８９", "०१२३४५६७८९"]))
def test_digits_of_other_scripts_are_never_numbers(value, digits):
    foreign = "".join(digits[int(d)] for d in str(value))
    for parse in (formats.parse_weight_g, formats.parse_amount_vnd, formats.parse_whole):
        with pytest.raises(ValueError):
            parse(foreign)


@FAST
@given(number_like)
@example("1000.5")
@example("1" + "0" * 30)
def test_parse_amount_is_whole_bounded_and_grouped_by_three(text):
    try:
        amount = formats.parse_amount_vnd(text, maximum=10**9)
    except ValueError:
        return
    assert 0 <= amount <= 10**9
    digits = text.strip().replace(".", "")
    assert int(digits) == amount
    groups = text.strip().split(".")
    assert all(len(g) == 3 for g in groups[1:]) and 1 <= len(groups[0]) <= (3 if len(groups) > 1 else 15)


@FAST
@given(st.integers(min_value=0, max_value=10**9))
def test_amounts_written_for_people_read_back(vnd):
    assert formats.parse_amount_vnd(formats.money(vnd)) == vnd
    assert formats.parse_amount_vnd(str(vnd)) == vnd


@FAST
@given(st.text(alphabet="0123456789,.%", max_size=8))
def test_percent_is_between_0_and_100_with_two_decimals_at_most(text):
    try:
        bp = formats.parse_percent_bp(text)
    except ValueError:
        return
    assert 0 <= bp <= 10_000


@FAST
@given(st.text(max_size=40))
@example("0001-01-01T00:00:00+14:00")
@example("9999-12-31T23:59:59-12:00")
@example("9999-12-31 23:59")
@example("٢٠٢٦-١١-٢٩ 10:00")
def test_times_typed_are_within_the_window_or_refused(text):
    try:
        moment = clock.parse_local(text)
    except ValueError:
        return
    assert clock.EARLIEST - timedelta(days=1) <= moment.date() <= clock.LATEST + timedelta(days=1)
    clock.iso(moment)  # and it can be stored
    moment + timedelta(days=400)  # and deadlines can be counted from it


@FAST
@given(st.datetimes(min_value=datetime(1900, 1, 2), max_value=datetime(2099, 12, 30)))
def test_times_in_the_window_read_back_in_every_form_a_clerk_types(moment):
    moment = moment.replace(second=0, microsecond=0)
    expected = moment.replace(tzinfo=clock.VN_TZ)
    assert clock.parse_local(moment.strftime("%Y-%m-%d %H:%M")) == expected
    assert clock.parse_local(moment.strftime("%d/%m/%Y %H:%M")) == expected
    assert clock.parse_local(clock.iso(expected)) == expected


@FAST
@given(st.one_of(st.text(max_size=20), st.dates().map(lambda d: d.isoformat()),
                 st.dates().map(lambda d: d.strftime("%d/%m/%Y"))))
@example("9999-12-31")
@example("0001-01-01")
def test_dates_typed_are_within_the_window_or_refused(text):
    try:
        day = clock.parse_date(text)
    except ValueError:
        return
    assert clock.EARLIEST <= day <= clock.LATEST
    day + timedelta(days=1)  # a manifest's day range never overflows


@FAST
@given(st.text(max_size=10))
def test_yes_no_is_a_known_word_or_refused(text):
    try:
        value = formats.parse_yes_no(text, default=True)
    except ValueError:
        assert text.strip().lower() not in formats._YES | formats._NO
        return
    assert value is (text.strip().lower() in formats._YES or not text.strip())


def test_dates_at_the_edges_of_the_window():
    assert clock.parse_date("1900-01-01") == date(1900, 1, 1)
    assert clock.parse_date("31/12/2099") == date(2099, 12, 31)
    for bad in ("1899-12-31", "2100-01-01", "9999-12-31", "0001-01-01"):
        with pytest.raises(ValueError):
            clock.parse_date(bad)
