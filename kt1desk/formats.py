"""How numbers, money, weights and dates are written for people (Vietnamese first)."""

from __future__ import annotations

import re
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


# What a Vietnamese clerk types as a number: ASCII digits only (no ٢٥٠ or ２５０), dots grouping
# thousands in threes (1.500), a comma for the decimals (1,5). Nothing else is read as a number.
_WHOLE = r"(?:[0-9]{1,3}(?:\.[0-9]{3})+|[0-9]+)"
_NUMBER = re.compile(rf"({_WHOLE})(?:,([0-9]+))?")
# With the unit kg a point may also be the decimal mark when it is not a thousands group: 1.5 kg.
_KG_POINT = re.compile(r"([0-9]+)\.([0-9]{1,2})")
_UNIT = re.compile(r"(.*?)\s*(kg|g)?", re.IGNORECASE | re.DOTALL)
MAX_DIGITS = 15  # no amount, weight or count a counter sees comes near this


def _decimal(text: str, *, kg_point: bool = False) -> tuple[int, str]:
    """(whole part, decimal digits) of a number as typed, or ValueError."""
    match = _NUMBER.fullmatch(text)
    if match:
        whole, decimals = match.group(1).replace(".", ""), match.group(2) or ""
    else:
        match = _KG_POINT.fullmatch(text) if kg_point else None
        if not match:
            raise ValueError(text)
        whole, decimals = match.group(1), match.group(2)
    if len(whole) + len(decimals) > MAX_DIGITS:
        raise ValueError(text)
    return int(whole), decimals


def parse_whole(text: str | int, *, minimum: int = 0, maximum: int = 10**12) -> int:
    """A whole number as typed ('1.500' or '1500'), within [minimum, maximum]; ValueError otherwise."""
    if isinstance(text, bool):
        raise ValueError(text)
    if isinstance(text, int):
        value = text
    else:
        value, decimals = _decimal(str(text).strip())
        if decimals:
            raise ValueError(text)
    if not minimum <= value <= maximum:
        raise ValueError(text)
    return value


def parse_amount_vnd(text: str | int, maximum: int = 10**9) -> int:
    """An amount of đồng: whole, ≥ 0, at most ``maximum`` ('45.000', '45000', '45.000 đ')."""
    if isinstance(text, str):
        text = re.sub(r"\s*(đ|d|vnd|vnđ)$", "", text.strip(), flags=re.IGNORECASE)
    return parse_whole(text, minimum=0, maximum=maximum)


def parse_weight_g(text: str | int, unit: str = "g") -> int:
    """What a clerk types as a weight, in grams: '1500', '1.500' (thousands), '1,5 kg', '250g', '1,5' with unit='kg'.

    Raises ValueError when it is not a positive amount that comes to whole grams.
    """
    if isinstance(text, bool):
        raise ValueError(text)
    if isinstance(text, int):
        grams = text
    else:
        match = _UNIT.fullmatch(str(text).strip())
        raw, typed_unit = match.group(1), (match.group(2) or unit).lower()
        whole, decimals = _decimal(raw, kg_point=typed_unit == "kg")
        scale = 1000 if typed_unit == "kg" else 1
        # Whole grams only: 1,5 kg is 1500 g, 1,2345 kg and 0,5 g are not.
        if len(decimals) > (3 if scale == 1000 else 0) or (decimals and int(decimals) * scale % 10 ** len(decimals)):
            raise ValueError(text)
        grams = whole * scale + (int(decimals) * scale // 10 ** len(decimals) if decimals else 0)
    if grams <= 0:
        raise ValueError(text)
    return grams


_YES = {"1", "x", "yes", "y", "true", "co", "có", "c"}
_NO = {"", "0", "no", "n", "false", "khong", "không", "k"}


def parse_yes_no(text: str | None, *, default: bool) -> bool:
    """A yes/no column of a file: có/x/1/yes or không/0/no (empty: ``default``); ValueError otherwise."""
    word = (text or "").strip().lower()
    if not word:
        return default
    if word in _YES:
        return True
    if word in _NO:
        return False
    raise ValueError(text)


def parse_percent_bp(text: str) -> int:
    """A rate in per cent as typed ('10', '8', '5,5'), in hundredths of a per cent (10 % → 1000)."""
    whole, decimals = _decimal(str(text).strip().rstrip("%").strip())
    if len(decimals) > 2:
        raise ValueError(text)
    value = whole * 100 + int((decimals + "00")[:2])
    if value > 10_000:
        raise ValueError(text)
    return value


def percent(bp: int, lang: str = "vi") -> str:
    """1000 → '10%', 550 → '5,5%' (vi) or '5.5%' (en)."""
    text = f"{bp / 100:.2f}".rstrip("0").rstrip(".")
    return (text if lang == "en" else text.replace(".", ",")) + "%"


def fee_with_vat(item: dict, lang: str = "vi") -> str:
    """What a paying item was charged: before VAT, the VAT at its rate, the total
    ('45.000 đ chưa VAT + VAT 10% 4.500 đ = 49.500 đ'); items stored before VAT was recorded: one amount."""
    if item.get("vat_rate_bp") is None:
        return money(item["fee_vnd"], lang)
    vi = lang != "en"
    return (f"{money(item['fee_vnd'], lang)} {'chưa VAT' if vi else 'before VAT'} + "
            f"VAT {percent(item['vat_rate_bp'], lang)} {money(item['vat_vnd'], lang)} = "
            f"{money(item['fee_vnd'] + item['vat_vnd'], lang)}")
