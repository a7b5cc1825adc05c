"""How numbers, money, weights and dates are written for people (Vietnamese first)."""

from __future__ import annotations

import math
from datetime import date, datetime

from .clock import to_vn


def _group(number: int, sep: str) -> str:
    return f"{number:,}".replace(",", sep)


def money(vnd: int, lang: str = "vi") -> str:
    """45000 → '45.000 đ' (vi) or '45,000 VND' (en)."""
    if lang == "en":
        return f"{_group(int(vnd), ',')} VND"
    return f"{_group(int(vnd), '.')} đ"


def number(value: int, lang: str = "vi") -> str:
    return _group(int(value), "," if lang == "en" else ".")


def weight(grams: int, lang: str = "vi") -> str:
    """1500 → '1,5 kg'; under a kilogram in grams: 250 → '250 g'."""
    if grams < 1000:
        return f"{grams} g"
    kg = f"{grams / 1000:.3f}".rstrip("0").rstrip(".")
    return f"{kg if lang == 'en' else kg.replace('.', ',')} kg"


def day(value: date | datetime) -> str:
    if isinstance(value, datetime):
        value = to_vn(value)
    return value.strftime("%d/%m/%Y")


def moment(value: datetime) -> str:
    return to_vn(value).strftime("%d/%m/%Y %H:%M")


def parse_weight_g(text: str | int, unit: str = "g") -> int:
    """What a clerk types as a weight, in grams: '1500', '1.500' (thousands), '1,5 kg', '250g', '1,5' with unit='kg'.

    Raises ValueError when it is not a positive amount that comes to whole grams.
    """
    if isinstance(text, int):
        grams = text
    else:
        raw = str(text).strip().lower().replace(" ", "")
        if raw.endswith("kg"):
            unit, raw = "kg", raw[:-2]
        elif raw.endswith("g"):
            unit, raw = "g", raw[:-1]
        if "," in raw:  # Vietnamese: comma is the decimal mark, dots group thousands
            raw = raw.replace(".", "").replace(",", ".")
        elif raw.count(".") == 1 and len(raw.split(".")[1]) == 3 and unit == "g":
            raw = raw.replace(".", "")  # 1.500 g
        elif raw.count(".") > 1:
            raw = raw.replace(".", "")
        value = float(raw)  # ValueError for anything else
        grams_f = value * (1000 if unit == "kg" else 1)
        if not math.isfinite(grams_f) or abs(grams_f - round(grams_f)) > 1e-6:
            raise ValueError(text)
        grams = round(grams_f)
    if grams <= 0:
        raise ValueError(text)
    return grams
