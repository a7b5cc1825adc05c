"""Working days and J + n deadlines.

J is the acceptance day (the date stamp); n counts working days after J.
"J + 1.5" ends at noon of the second working day after J; "J + 1" at the end
of the first. Working days skip weekends, Vietnamese public holidays (the
``holidays`` package) and the local table of announced swaps, where a
supervisor adds days off and working Saturdays the government announces.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from functools import lru_cache

from .clock import at, to_vn

# Working days after J, by (class, scope). Secrecy A/B/C follow plain KT1.
DEADLINE_DAYS = {
    ("kt1", "noi-tinh"): 1.5,
    ("kt1", "lien-tinh"): 3.5,
    ("hoa_toc", "noi-tinh"): 1.0,
    ("hoa_toc", "lien-tinh"): 2.5,
}


@lru_cache(maxsize=64)
def _vn_holidays(year: int):
    import holidays  # imported when first needed: it is slow to import and start-up does not need it

    return holidays.country_holidays("VN", years=year)


@lru_cache(maxsize=64)
def _public_holidays(year: int) -> frozenset[date]:
    return frozenset(_vn_holidays(year).keys())


@lru_cache(maxsize=64)
def _worked_weekend_days(year: int) -> frozenset[date]:
    """Saturdays the government made working days in a swap the package knows (22/8/2026 for 31/8)."""
    known = _vn_holidays(year)
    return frozenset(d for d in getattr(known, "weekend_workdays", ()) if d.year == year)


@dataclass
class Calendar:
    """Which days are worked. ``swaps`` maps a date to True (worked) or False (day off)."""

    swaps: dict[date, bool] = field(default_factory=dict)
    day_end: time = time(17, 0)
    half_day_end: time = time(12, 0)

    def is_public_holiday(self, day: date) -> bool:
        return day in _public_holidays(day.year)

    def is_working_day(self, day: date) -> bool:
        if day in self.swaps:
            return self.swaps[day]
        if day.weekday() >= 5:
            return day in _worked_weekend_days(day.year)
        return not self.is_public_holiday(day)

    def holiday_name(self, day: date) -> str | None:
        import holidays

        names = holidays.country_holidays("VN", years=day.year, language="vi")
        return names.get(day)

    def nth_working_day_after(self, day: date, n: int) -> date:
        """The n-th working day strictly after ``day`` (n ≥ 1)."""
        current, found = day, 0
        while found < n:
            current += timedelta(days=1)
            if self.is_working_day(current):
                found += 1
        return current

    def j_day(self, accepted_at: datetime, cutoff: time | None = None) -> tuple[date, str]:
        """The day J counts from, and the rule that chose it.

        Without a cut-off (the default) J is the acceptance day. With the office's cut-off hour, an
        item accepted at or after it, or on a day off, counts from the next working day.
        """
        moment = to_vn(accepted_at)
        day = moment.date()
        if cutoff is None:
            return day, "acceptance-day"
        if not self.is_working_day(day):
            return self.nth_working_day_after(day, 1), "day-off"
        if moment.time() >= cutoff:
            return self.nth_working_day_after(day, 1), "after-cutoff"
        return day, "acceptance-day"

    def deadline(self, accepted_at: datetime | date, days: float) -> datetime:
        """J + days, as the moment by which the first delivery attempt is due (J: a date, or the
        acceptance time's day)."""
        whole = int(days)
        half = days - whole >= 0.5
        j = accepted_at if not isinstance(accepted_at, datetime) else to_vn(accepted_at).date()
        if half:
            return at(self.nth_working_day_after(j, whole + 1), self.half_day_end)
        return at(self.nth_working_day_after(j, max(whole, 1)), self.day_end)

    def is_after_hours(self, moment: datetime, day_start: time = time(7, 30)) -> bool:
        """Outside working hours: not a working day, or before the start / after the end of one."""
        moment = to_vn(moment)
        if not self.is_working_day(moment.date()):
            return True
        return not (day_start <= moment.time() < self.day_end)


def deadline_days(*, hoa_toc: bool, scope: str) -> float:
    return DEADLINE_DAYS[("hoa_toc" if hoa_toc else "kt1", scope)]
