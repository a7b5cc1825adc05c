"""UPU S10 ids: the check digit, parsing what a scanner or clerk types, domestic service indicators."""

from __future__ import annotations

import re
import string

import pytest
from hypothesis import given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from kt1desk import s10
from kt1desk.errors import Kt1Error

WEIGHTS = [8, 6, 4, 2, 3, 5, 9, 7]


def upu_check_digit(serial: int) -> int:
    """The rule as UPU S10 writes it, spelled out independently of the code under test."""
    digits = [int(ch) for ch in f"{serial:08d}"]
    total = sum(d * w for d, w in zip(digits, WEIGHTS))
    c = 11 - (total % 11)
    if c == 10:
        return 0
    if c == 11:
        return 5
    return c


def test_the_published_example():
    assert s10.check_digit(47312482) == 9
    assert s10.check_digit("47312482") == 9
    assert s10.make_id("DK", 47312482) == "DK473124829VN"
    assert s10.parse("DK473124829VN") == "DK473124829VN"


@pytest.mark.parametrize("serial, expected", [
    (0, 5),          # sum 0 → 11 − 0 = 11 → 5
    (99999999, 5),   # sum 9 × 44 = 396 ≡ 0 (mod 11) → 11 → 5
    (1, 4),          # sum 7 → 11 − 7 = 4
    (10000000, 3),   # sum 8 → 3
    (47312482, 9),   # DOMAIN.md
])
def test_hand_computed_check_digits(serial, expected):
    assert s10.check_digit(serial) == expected
    assert upu_check_digit(serial) == expected


def test_both_special_cases_occur_and_are_mapped():
    tens = next(s for s in range(1, 10_000) if 11 - sum(int(d) * w for d, w in zip(f"{s:08d}", WEIGHTS)) % 11 == 10)
    elevens = next(s for s in range(1, 10_000) if sum(int(d) * w for d, w in zip(f"{s:08d}", WEIGHTS)) % 11 == 0)
    assert s10.check_digit(tens) == 0
    assert s10.check_digit(elevens) == 5


@hsettings(deadline=None)
@given(st.integers(min_value=s10.SERIAL_MIN, max_value=s10.SERIAL_MAX))
def test_check_digit_of_every_serial_matches_the_upu_rule(serial):
    digit = s10.check_digit(serial)
    assert 0 <= digit <= 9
    assert digit == upu_check_digit(serial)


@hsettings(deadline=None)
@given(st.integers(min_value=0, max_value=99_999_999), st.sampled_from(["DK", "BA", "ZZ", "GD", "NP"]))
def test_made_ids_are_well_formed_and_parse_back(serial, indicator):
    item_id = s10.make_id(indicator, serial)
    assert re.fullmatch(r"[A-Z]{2}\d{9}VN", item_id)
    assert item_id[2:10] == f"{serial:08d}"
    assert int(item_id[10]) == upu_check_digit(serial)
    assert s10.parse(item_id) == item_id
    assert s10.is_valid(item_id)


@hsettings(deadline=None)
@given(st.integers(min_value=0, max_value=99_999_999), st.integers(min_value=1, max_value=9))
def test_a_wrong_check_digit_is_refused_naming_the_right_id(serial, delta):
    right = s10.make_id("DK", serial)
    wrong_digit = (int(right[10]) + delta) % 10
    wrong = right[:10] + str(wrong_digit) + "VN"
    with pytest.raises(Kt1Error) as err:
        s10.parse(wrong)
    assert err.value.code == "s10_check"
    assert err.value.field == "id"
    assert err.value.params["expected"] == right
    assert right in err.value.text("vi") and right in err.value.text("en")
    assert not s10.is_valid(wrong)
    assert s10.looks_like_id(wrong)  # shaped like an id: search still treats it as one


@pytest.mark.parametrize("typed", [
    "dk473124829vn", "DK 4731 2482 9 VN", "dk-473124829-vn", "  DK473124829VN\n", "Dk.4731.2482.9.Vn",
    "DK_473124829_VN", "\tdk 473 124 829 vn ",
])
def test_parse_forgives_case_spaces_and_dashes(typed):
    assert s10.parse(typed) == "DK473124829VN"
    assert s10.normalise(typed) == "DK473124829VN"


@hsettings(deadline=None)
@given(st.integers(min_value=0, max_value=99_999_999),
       st.lists(st.sampled_from([" ", "-", "  ", "\t"]), min_size=13, max_size=13),
       st.lists(st.booleans(), min_size=13, max_size=13))
def test_parse_forgives_any_mix_of_noise_and_case(serial, seps, lowers):
    item_id = s10.make_id("DK", serial)
    typed = "".join((ch.lower() if low else ch) + sep for ch, sep, low in zip(item_id, seps, lowers))
    assert s10.parse(typed) == item_id


@pytest.mark.parametrize("text", ["", "DK47312482VN", "DK4731248299VN", "D473124829VN", "DK473124829V",
                                  "DKA73124829VN", "1K473124829VN", "hello"])
def test_malformed_ids_are_refused_as_malformed(text):
    with pytest.raises(Kt1Error) as err:
        s10.parse(text)
    assert err.value.code == "bad_s10"
    assert not s10.looks_like_id(text)


# -- service indicators ------------------------------------------------------

def domestic(indicator: str) -> bool:
    """DOMAIN.md: BA–BZ, DA–DZ, GA, GD, NA–NZ, PA–PZ, ZA–ZZ are for domestic use."""
    a, b = indicator
    return a in "BDNPZ" or indicator in ("GA", "GD")


ALL_PAIRS = [a + b for a in string.ascii_uppercase for b in string.ascii_uppercase]


def test_every_two_letter_indicator_is_classified_as_domain_md_says():
    accepted = [p for p in ALL_PAIRS if s10.is_domestic_indicator(p)]
    assert accepted == [p for p in ALL_PAIRS if domestic(p)]
    assert len(accepted) == 5 * 26 + 2


@pytest.mark.parametrize("indicator", ["BA", "BZ", "DA", "DK", "DZ", "GA", "GD", "NA", "NZ", "PA", "PZ", "ZA", "ZZ",
                                       "dk", " pz "])
def test_domestic_indicators_are_accepted(indicator):
    assert s10.validate_indicator(indicator) == indicator.strip().upper()


@pytest.mark.parametrize("indicator", ["GB", "GC", "GZ", "JA", "KA", "SA", "TA", "WA", "EE", "CP", "RR", "LA", "UA",
                                       "", "D", "DKX", "D1"])
def test_reserved_and_international_indicators_are_refused(indicator):
    with pytest.raises(Kt1Error) as err:
        s10.validate_indicator(indicator)
    assert err.value.code == "service_indicator"
    assert err.value.field == "service_indicator"


def test_init_office_refuses_a_reserved_indicator(tmp_path, frozen_now):
    from kt1desk.errors import FieldErrors
    from kt1desk.services import office
    from kt1desk.storage import Store

    store = Store(tmp_path / "x.sqlite3")
    with pytest.raises(FieldErrors) as err:
        office.init_office(store, None, code="BD", name="Bưu điện", province="Đắk Lắk", service_indicator="KA")
    assert [e.code for e in err.value.errors] == ["service_indicator"]
    assert store.scalar("SELECT COUNT(*) FROM office") == 0
    office.init_office(store, None, code="BD", name="Bưu điện", province="Đắk Lắk", service_indicator="pz")
    assert office.get_office(store)["service_indicator"] == "PZ"
    store.close()
