"""The period a report covers: a day, a month, a quarter, a half-year, a year, or from–to.

``Period.parse`` reads what a person or a script types ("2019", "2019-05", "2019-Q2", "2019-H1",
"2019-05-07", "2019-01-01..2019-03-31", also "05/2019", "07/05/2019", "01/01/2019..31/03/2019");
a bad text raises ``Kt1Error('report_period')`` naming the forms it accepts. ``label(lang)`` is
the heading a report prints: "Quý II/2019", "6 tháng đầu năm 2019", "Từ 01/01/2019 đến 31/03/2019".
"""

from __future__ import annotations

import calendar as month_calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from .. import clock
from ..errors import Kt1Error, label

KINDS = ("day", "month", "quarter", "half", "year", "range")
_ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}
_MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
              "October", "November", "December")


def _month_end(year: int, month: int) -> date:
    return date(year, month, month_calendar.monthrange(year, month)[1])


def _bad(value: object) -> Kt1Error:
    return Kt1Error("report_period", "period", value=value)


def _check_year(year: int, value: object) -> int:
    if not (clock.EARLIEST.year <= year <= clock.LATEST.year):
        raise _bad(value)
    return year


def _dmy(day: date) -> str:
    return day.strftime("%d/%m/%Y")


@dataclass(frozen=True)
class Period:
    start: date
    end: date  # inclusive
    kind: str

    # -- makers ---------------------------------------------------------------------------------
    @classmethod
    def day(cls, day: date) -> "Period":
        return cls(day, day, "day")

    @classmethod
    def month(cls, year: int, month: int) -> "Period":
        _check_year(year, f"{year}-{month}")
        if not 1 <= month <= 12:
            raise _bad(f"{year}-{month}")
        return cls(date(year, month, 1), _month_end(year, month), "month")

    @classmethod
    def quarter(cls, year: int, quarter: int) -> "Period":
        _check_year(year, f"{year}-Q{quarter}")
        if not 1 <= quarter <= 4:
            raise _bad(f"{year}-Q{quarter}")
        first = 3 * (quarter - 1) + 1
        return cls(date(year, first, 1), _month_end(year, first + 2), "quarter")

    @classmethod
    def half(cls, year: int, half: int) -> "Period":
        _check_year(year, f"{year}-H{half}")
        if half not in (1, 2):
            raise _bad(f"{year}-H{half}")
        return cls(date(year, 1 if half == 1 else 7, 1), _month_end(year, 6 if half == 1 else 12), "half")

    @classmethod
    def year(cls, year: int) -> "Period":
        _check_year(year, year)
        return cls(date(year, 1, 1), date(year, 12, 31), "year")

    @classmethod
    def range(cls, start: date, end: date) -> "Period":
        if end < start:
            raise Kt1Error("report_range", "period", start=_dmy(start), end=_dmy(end))
        if not (clock.in_window(start) and clock.in_window(end)):
            raise _bad(f"{start.isoformat()}..{end.isoformat()}")
        return cls(start, end, "range")

    @classmethod
    def parse(cls, text: str) -> "Period":
        raw = text
        text = (text or "").strip()
        if not text.isascii():
            raise _bad(raw)
        upper = text.upper()
        try:
            if ".." in text:
                first, _, last = text.partition("..")
                return cls.range(clock.parse_date(first), clock.parse_date(last))
            if m := re.fullmatch(r"([0-9]{4})", text):
                return cls.year(int(m.group(1)))
            if m := re.fullmatch(r"([0-9]{4})-?Q([1-4])", upper):
                return cls.quarter(int(m.group(1)), int(m.group(2)))
            if m := re.fullmatch(r"([0-9]{4})-?H([12])", upper):
                return cls.half(int(m.group(1)), int(m.group(2)))
            if m := re.fullmatch(r"([0-9]{4})-([0-9]{1,2})", text):
                return cls.month(int(m.group(1)), int(m.group(2)))
            if m := re.fullmatch(r"([0-9]{1,2})/([0-9]{4})", text):
                return cls.month(int(m.group(2)), int(m.group(1)))
            return cls.day(clock.parse_date(text))
        except ValueError:
            raise _bad(raw) from None

    # -- what a report needs --------------------------------------------------------------------
    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def months(self) -> list[str]:
        """Every month the period touches, "2019-01" …, in order."""
        out, year, month = [], self.start.year, self.start.month
        while (year, month) <= (self.end.year, self.end.month):
            out.append(f"{year:04d}-{month:02d}")
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        return out

    def bounds(self) -> tuple[str, str]:
        """[low, high) on the stored acceptance text: local dates, every time stored with +07:00."""
        return self.start.isoformat(), (self.end + timedelta(days=1)).isoformat()

    def token(self) -> str:
        """What ``parse`` reads back to this period."""
        s = self.start
        if self.kind == "day":
            return s.isoformat()
        if self.kind == "month":
            return f"{s.year:04d}-{s.month:02d}"
        if self.kind == "quarter":
            return f"{s.year:04d}-Q{(s.month - 1) // 3 + 1}"
        if self.kind == "half":
            return f"{s.year:04d}-H{1 if s.month == 1 else 2}"
        if self.kind == "year":
            return f"{s.year:04d}"
        return f"{s.isoformat()}..{self.end.isoformat()}"

    def label(self, lang: str = "vi") -> str:
        s, en = self.start, lang == "en"
        if self.kind == "day":
            return f"{'Day' if en else 'Ngày'} {_dmy(s)}"
        if self.kind == "month":
            return f"{_MONTHS_EN[s.month - 1]} {s.year}" if en else f"Tháng {s.month}/{s.year}"
        if self.kind == "quarter":
            q = (s.month - 1) // 3 + 1
            return f"Q{q} {s.year}" if en else f"Quý {_ROMAN[q]}/{s.year}"
        if self.kind == "half":
            if s.month == 1:
                return f"First half of {s.year}" if en else f"6 tháng đầu năm {s.year}"
            return f"Second half of {s.year}" if en else f"6 tháng cuối năm {s.year}"
        if self.kind == "year":
            return f"Year {s.year}" if en else f"Năm {s.year}"
        return f"From {_dmy(s)} to {_dmy(self.end)}" if en else f"Từ {_dmy(s)} đến {_dmy(self.end)}"

    def labels(self) -> dict[str, str]:
        return label(self.label("vi"), self.label("en"))

    def as_dict(self) -> dict:
        return {"from": self.start.isoformat(), "to": self.end.isoformat(), "kind": self.kind,
                "label": self.labels()}
