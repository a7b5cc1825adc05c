"""The office's working calendar: the holidays package plus the local table of announced swaps."""

from __future__ import annotations

from datetime import date

from .. import clock
from ..errors import Kt1Error, label
from ..storage import Store, User
from ..text import bad_char_error, nfc
from ..workdays import Calendar
from . import settings
from .users import require_role


def calendar(store: Store, on: date | None = None) -> Calendar:
    """The calendar in force; the day end and noon come from the settings of ``on``."""
    on = on or clock.now().date()

    def load() -> Calendar:
        swaps = {date.fromisoformat(r["day"]): bool(r["working"]) for r in store.all("SELECT day, working FROM calendar_swaps")}
        return Calendar(swaps=swaps, day_end=settings.get(store, "day_end", on),
                        half_day_end=settings.get(store, "half_day_end", on))

    return store.cached(f"calendar:{on.isoformat()}", load)


def set_swap(store: Store, actor: User | None, *, day: str | date, working: bool, note: str = "") -> None:
    """Record an announced swap: a day off (working=False) or a worked weekend day (working=True)."""
    if actor is not None:
        require_role(actor, "supervisor", "admin")
    if not isinstance(day, date):
        try:
            day = clock.parse_date(day)
        except ValueError:
            raise Kt1Error("bad_date", "day", label=label("Ngày", "Day"), value=day) from None
    hidden = bad_char_error(note, "note", label("Ghi chú", "Note"))
    if hidden:
        raise hidden
    with store.write(actor, "calendar.swap") as tx:
        tx.execute("INSERT INTO calendar_swaps (day, working, note) VALUES (?, ?, ?) "
                   "ON CONFLICT (day) DO UPDATE SET working = excluded.working, note = excluded.note",
                   (day.isoformat(), int(working), nfc(note)))
        tx.record("calendar_swap", day.isoformat(), working=working, note=nfc(note))


def list_swaps(store: Store) -> list[dict]:
    return store.all("SELECT day, working, note FROM calendar_swaps ORDER BY day")


def remove_swap(store: Store, actor: User | None, *, day: date) -> None:
    if actor is not None:
        require_role(actor, "supervisor", "admin")
    with store.write(actor, "calendar.swap_remove") as tx:
        tx.execute("DELETE FROM calendar_swaps WHERE day = ?", (day.isoformat(),))
        tx.record("calendar_swap", day.isoformat(), event="removed")
