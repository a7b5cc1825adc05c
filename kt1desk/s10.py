"""UPU S10 item ids: ``DK473124829VN`` = service indicator, 8-digit serial, check digit, country."""

from __future__ import annotations

import re

from .errors import Kt1Error

COUNTRY = "VN"
WEIGHTS = (8, 6, 4, 2, 3, 5, 9, 7)
SERIAL_MIN, SERIAL_MAX = 0, 99_999_999
# Ranges S10 leaves for domestic use. J, K, S, T and W are reserved as first letters.
_DOMESTIC = re.compile(r"^(B[A-Z]|D[A-Z]|GA|GD|N[A-Z]|P[A-Z]|Z[A-Z])$")
_ID = re.compile(r"^([A-Z]{2})([0-9]{8})([0-9])([A-Z]{2})$")
# What a scanner or a clerk may type: spaces, dashes, lower case.
_NOISE = re.compile(r"[\s\-_.]+")


def check_digit(serial: int | str) -> int:
    """S10 check digit of an 8-digit serial (47312482 → 9)."""
    digits = f"{int(serial):08d}"
    total = sum(int(d) * w for d, w in zip(digits, WEIGHTS))
    c = 11 - total % 11
    return {10: 0, 11: 5}.get(c, c)


def is_domestic_indicator(indicator: str) -> bool:
    return bool(_DOMESTIC.match((indicator or "").upper()))


def validate_indicator(indicator: str) -> str:
    indicator = (indicator or "").strip().upper()
    if not is_domestic_indicator(indicator):
        raise Kt1Error("service_indicator", "service_indicator", value=indicator)
    return indicator


def make_id(indicator: str, serial: int) -> str:
    return f"{indicator}{serial:08d}{check_digit(serial)}{COUNTRY}"


def normalise(text: str) -> str:
    """Forgive what a scanner or keyboard adds: case, spaces, dashes."""
    return _NOISE.sub("", text or "").upper()


def looks_like_id(text: str) -> bool:
    """True for anything shaped like an S10 id, whatever its check digit."""
    return bool(_ID.match(normalise(text)))


def parse(text: str) -> str:
    """Return the normalised id, or raise Kt1Error naming what is wrong."""
    value = normalise(text)
    match = _ID.match(value)
    if not match:
        raise Kt1Error("bad_s10", "id", value=text)
    expected = check_digit(match.group(2))
    if int(match.group(3)) != expected:
        raise Kt1Error("s10_check", "id", value=value, expected=make_id(match.group(1), int(match.group(2))))
    return value


def is_valid(text: str) -> bool:
    try:
        parse(text)
    except Kt1Error:
        return False
    return True
