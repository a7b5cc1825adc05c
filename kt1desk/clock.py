"""Time in Vietnam: every time the program stores is Asia/Ho_Chi_Minh with its offset."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

VN_TZ = ZoneInfo("Asia/Ho_Chi_Minh")


_replay = threading.local()


def now() -> datetime:
    """The current time in Vietnam. Tests replace this to freeze the clock."""
    moment = getattr(_replay, "moment", None)
    if moment is not None:
        return moment
    return datetime.now(VN_TZ).replace(microsecond=0)


@contextmanager
def replaying(moment: datetime) -> Iterator[None]:
    """Within this block, ``now()`` answers ``moment`` in this thread only: demo history is written through
    the real services as it would have been on its day, while the window's own thread keeps real time."""
    previous = getattr(_replay, "moment", None)
    _replay.moment = to_vn(moment).replace(microsecond=0)
    try:
        yield
    finally:
        _replay.moment = previous


def to_vn(moment: datetime) -> datetime:
    """A naive time is read as Vietnam time; an aware one is converted."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=VN_TZ)
    return moment.astimezone(VN_TZ)


def iso(moment: datetime) -> str:
    """ISO 8601 with the +07:00 offset: unambiguous and sorts as text."""
    return to_vn(moment).isoformat(timespec="seconds")


def parse_iso(text: str) -> datetime:
    return to_vn(datetime.fromisoformat(text))


# No time or date typed into the program lies outside this window: the edges of the calendar
# (year 1 or 9999, where an offset or a day added overflows) never reach the code that adds days.
EARLIEST = date(1900, 1, 1)
LATEST = date(2099, 12, 31)


def in_window(day: date) -> bool:
    return EARLIEST <= day <= LATEST


def parse_local(text: str) -> datetime:
    """Parse what a person types: 'YYYY-MM-DD HH:MM', 'DD/MM/YYYY HH:MM' or ISO 8601.

    ASCII digits only, within [EARLIEST, LATEST]. Raises ValueError with no message of its own;
    callers name the field.
    """
    text = (text or "").strip()
    if not text.isascii():
        raise ValueError(text)
    moment = None
    for pattern in ("%Y-%m-%d %H:%M", "%d/%m/%Y %H:%M", "%Y-%m-%d %H:%M:%S", "%d/%m/%Y %H:%M:%S"):
        try:
            moment = datetime.strptime(text, pattern)
            break
        except ValueError:
            pass
    if moment is None:
        moment = datetime.fromisoformat(text)
    if not in_window(moment.date()):
        raise ValueError(text)
    return to_vn(moment)


def parse_date(text: str) -> date:
    text = (text or "").strip()
    if text.isascii():
        for pattern in ("%Y-%m-%d", "%d/%m/%Y"):
            try:
                day = datetime.strptime(text, pattern).date()
            except ValueError:
                continue
            if in_window(day):
                return day
    raise ValueError(text)


def at(day: date, clock_time: time) -> datetime:
    return datetime.combine(day, clock_time, tzinfo=VN_TZ)
