"""The report over a period: one dict of figures (the contract in REPORTS-CONTRACT.md), read only.

Items count by their acceptance time, voided ones apart (``voided``). Fees are before VAT; the VAT
is what each item stored (the rate of its day). After hours, weekends and holidays are disjoint and
sum to the items accepted outside working time: a holiday is a public holiday of the VN calendar or
a day off the office's swap table announces; a weekend is a Saturday or Sunday that is neither a
holiday nor a worked day (a swap, or a worked Saturday the calendar knows); after hours is a working
day before its start or from its end (the dated settings ``day_start`` and ``day_end`` of that day,
as the status bar decides "ngoài giờ").

A figure the office keeps no records for is None and named in ``no_data``: the on-time rate when no
item of the period has a known first delivery attempt, complaints when the register never held one.

Speed: a year of a million items is a handful of grouped passes over the ``items_accepted`` range
(no loop over items in Python); days are classified in Python once each.
"""

from __future__ import annotations

from datetime import date, time

from .. import clock
from ..services import office as office_service
from ..services import settings
from ..services.calendar import calendar
from ..storage import Store
from ..text import fold
from .period import Period

PAYMENTS = ("cash", "account", "free")
FREE_REASONS = ("appendix-I", "central-office")
KINDS = ("thu", "goi", "kien")
SECRECY = ("A", "B", "C")
SCOPES = ("noi-tinh", "lien-tinh")
# The first delivery attempt: delivered, or a delivery that failed.
ATTEMPTS = ("delivered", "delivery_failed")

IN_PERIOD = "accepted_at >= ? AND accepted_at < ?"
KEPT = "status <> 'voided'"


def _money(items=0, fees=0, vat=0) -> dict:
    return {"items": items, "fees_vnd": fees, "vat_vnd": vat, "total_vnd": fees + vat}


def _pct(part: int, whole: int) -> float | None:
    return round(100.0 * part / whole, 1) if whole else None


# -- the grouped passes --------------------------------------------------------------------------

# Everything that is a count or a sum by a column of the item itself: one pass, a few hundred groups.
_CUBE_SQL = f"""
    SELECT substr(accepted_at, 1, 7), status = 'voided', payment, free_reason, kind, hoa_toc,
           hen_gio_at IS NOT NULL, secrecy, scope, COUNT(*), SUM(pieces), SUM(fee_vnd), SUM(vat_vnd)
    FROM items INDEXED BY items_accepted WHERE {IN_PERIOD}
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9"""

_SENDER_SQL = f"""
    SELECT sender_id, COUNT(*), SUM(fee_vnd), SUM(vat_vnd)
    FROM items INDEXED BY items_accepted WHERE {IN_PERIOD} AND {KEPT} GROUP BY sender_id"""

_DESTINATION_SQL = f"""
    SELECT recipient_province, COUNT(*), SUM(fee_vnd)
    FROM items INDEXED BY items_accepted WHERE {IN_PERIOD} AND {KEPT} GROUP BY recipient_province"""

# Per day: before the day's start, within, from its end (the bounds are "HH:MM" texts).
_DAY_SQL = f"""
    SELECT substr(accepted_at, 1, 10),
           CASE WHEN substr(accepted_at, 12, 5) < ? THEN 0 WHEN substr(accepted_at, 12, 5) < ? THEN 1 ELSE 2 END,
           COUNT(*)
    FROM items INDEXED BY items_accepted WHERE {IN_PERIOD} AND {KEPT} GROUP BY 1, 2"""

_ON_TIME_SQL = f"""
    SELECT COUNT(*), COALESCE(SUM(f.first_at <= i.deadline), 0)
    FROM (SELECT item_id, MIN(at) AS first_at FROM item_events
          WHERE kind IN ('delivered', 'delivery_failed') GROUP BY item_id) AS f
    JOIN items AS i ON i.id = f.item_id
    WHERE i.accepted_at >= ? AND i.accepted_at < ? AND i.status <> 'voided'"""


def compute(store: Store, period: Period) -> dict:
    """The report dict for ``period`` (see REPORTS-CONTRACT.md). Reads only."""
    office = office_service.get_office(store)
    lo, hi = period.bounds()
    report: dict = {
        "period": period.as_dict(),
        "office": {"code": office["code"], "name": office["name"], "province": office["province"]},
        "generated_at": clock.now().replace(tzinfo=None).isoformat(timespec="seconds"),
    }
    with store.reading():
        report.update(_cube(store, period, lo, hi))
        report.update(_senders_and_destinations(store, lo, hi))
        report.update(_outside_hours(store, period))
        report.update(_on_time(store, lo, hi))
        report["refusals"] = int(store.scalar("SELECT COUNT(*) FROM refusals WHERE at >= ? AND at < ?", (lo, hi)))
        report["complaints"] = complaints(store, lo, hi)
        report.update(adoption(store, period, office["province"]))
    report["no_data"] = [key for key in ("on_time", "complaints", "adoption_pct") if report[key] is None]
    return report


def _cube(store: Store, period: Period, lo: str, hi: str) -> dict:
    items = voided = pieces = fees = vat = 0
    by_payment = {p: _money() for p in PAYMENTS}
    free = {r: 0 for r in FREE_REASONS}
    by_kind = {k: {"items": 0, "fees_vnd": 0} for k in KINDS}
    by_mark = {"hoa_toc": 0, "hen_gio": 0, "none": 0}
    by_secrecy = {s: 0 for s in (*SECRECY, "none")}
    by_scope = {s: 0 for s in SCOPES}
    months = {m: _money() for m in period.months()}
    for (month, is_void, payment, free_reason, kind, hoa_toc, hen_gio, secrecy, scope,
         n, n_pieces, fee, tax) in store.conn.execute(_CUBE_SQL, (lo, hi)):
        if is_void:
            voided += n
            continue
        items += n
        pieces += n_pieces
        fees += fee
        vat += tax
        pay = by_payment[payment]
        pay["items"] += n
        pay["fees_vnd"] += fee
        pay["vat_vnd"] += tax
        if free_reason:
            free[free_reason] += n
        by_kind[kind]["items"] += n
        by_kind[kind]["fees_vnd"] += fee
        if hoa_toc:
            by_mark["hoa_toc"] += n
        if hen_gio:
            by_mark["hen_gio"] += n
        if not hoa_toc and not hen_gio:
            by_mark["none"] += n
        by_secrecy[secrecy or "none"] += n
        by_scope[scope] += n
        row = months[month]
        row["items"] += n
        row["fees_vnd"] += fee
        row["vat_vnd"] += tax
    for row in (*by_payment.values(), *months.values()):
        row["total_vnd"] = row["fees_vnd"] + row["vat_vnd"]
    return {
        "items": items, "voided": voided, "pieces": pieces, "fees_vnd": fees, "vat_vnd": vat,
        "total_vnd": fees + vat, "by_payment": by_payment, "free": free, "by_kind": by_kind, "by_mark": by_mark,
        "by_secrecy": by_secrecy, "by_scope": by_scope,
        "by_month": [{"month": m, **row} for m, row in months.items()],
    }


def _senders_and_destinations(store: Store, lo: str, hi: str) -> dict:
    names = {r[0]: (r[1], r[2]) for r in store.conn.execute("SELECT id, code, name FROM agencies")}
    senders = []
    for sender_id, n, fee, tax in store.conn.execute(_SENDER_SQL, (lo, hi)):
        code, name = names.get(sender_id, ("?", "?"))
        senders.append({"code": code, "name": name, **_money(n, fee, tax)})
    senders.sort(key=lambda r: (-r["items"], r["code"]))
    destinations = [{"province": p, "items": n, "fees_vnd": fee}
                    for p, n, fee in store.conn.execute(_DESTINATION_SQL, (lo, hi))]
    destinations.sort(key=lambda r: (-r["items"], fold(r["province"])))
    return {"by_sender": senders, "by_destination": destinations}


# -- after hours, weekends, holidays --------------------------------------------------------------

def hours_spans(store: Store, period: Period) -> list[tuple[date, date, time, time]]:
    """(first day, last day, day start, day end): the period cut where the dated settings change."""
    changes = sorted({period.start} | {
        date.fromisoformat(r[0]) for r in store.conn.execute(
            "SELECT effective_from FROM settings WHERE key IN ('day_start', 'day_end') "
            "AND effective_from > ? AND effective_from <= ?", (period.start.isoformat(), period.end.isoformat()))})
    spans = []
    for i, first in enumerate(changes):
        last = changes[i + 1].fromordinal(changes[i + 1].toordinal() - 1) if i + 1 < len(changes) else period.end
        spans.append((first, last, settings.get(store, "day_start", first), settings.get(store, "day_end", first)))
    return spans


def day_kind(cal, day: date) -> str:
    """'holiday', 'weekend' or 'working': the day's place in the office's calendar."""
    if cal.is_public_holiday(day) or cal.swaps.get(day) is False:
        return "holiday"
    if cal.is_working_day(day):
        return "working"
    return "weekend"


def _outside_hours(store: Store, period: Period) -> dict:
    cal = calendar(store, period.end)
    counts = {"after_hours": 0, "weekends": 0, "holidays": 0}
    kinds: dict[str, str] = {}
    for first, last, start, end in hours_spans(store, period):
        lo, hi = Period.range(first, last).bounds()
        for day_text, bucket, n in store.conn.execute(_DAY_SQL, (start.strftime("%H:%M"), end.strftime("%H:%M"),
                                                                  lo, hi)):
            kind = kinds.get(day_text)
            if kind is None:
                kind = kinds[day_text] = day_kind(cal, date.fromisoformat(day_text))
            if kind == "holiday":
                counts["holidays"] += n
            elif kind == "weekend":
                counts["weekends"] += n
            elif bucket != 1:
                counts["after_hours"] += n
    return counts


# -- on time, complaints, adoption ---------------------------------------------------------------

def _on_time(store: Store, lo: str, hi: str) -> dict:
    known, on_time = store.conn.execute(_ON_TIME_SQL, (lo, hi)).fetchone()
    if not known:
        return {"on_time": None, "on_time_pct": None}
    return {"on_time": {"known": known, "on_time": on_time}, "on_time_pct": _pct(on_time, known)}


def complaints(store: Store, lo: str, hi: str) -> dict | None:
    """Complaints lodged in the period; None when the office's register never held one."""
    if store.scalar("SELECT 1 FROM complaints LIMIT 1") is None:
        return None
    today = clock.now().date().isoformat()
    row = store.conn.execute(
        "SELECT COUNT(*), COALESCE(SUM(status = 'answered'), 0), "
        "COALESCE(SUM(CASE WHEN status = 'answered' THEN substr(answered_at, 1, 10) > answer_due "
        "ELSE answer_due < ? END), 0), COALESCE(SUM(status = 'open'), 0), COALESCE(SUM(compensation_vnd), 0) "
        "FROM complaints WHERE lodged_at >= ? AND lodged_at < ?", (today, lo, hi)).fetchone()
    return dict(zip(("lodged", "answered", "late", "open", "compensation_vnd"), row))


def eligible_agencies(store: Store, period: Period, province: str) -> list[dict]:
    """Agencies of the office's province, Appendix I or II, in force on some day of the period."""
    home = fold(province)
    rows = store.all(
        "SELECT id, code, name, appendix, province, valid_from, valid_to FROM agencies "
        "WHERE appendix IN ('I', 'II') AND (valid_from IS NULL OR valid_from <= ?) "
        "AND (valid_to IS NULL OR valid_to >= ?) ORDER BY code", (period.end.isoformat(), period.start.isoformat()))
    return [r for r in rows if fold(r["province"]) == home]


_SENT_SQL = ("SELECT 1 FROM items INDEXED BY items_sender WHERE sender_id = ? AND accepted_at >= ? "
             "AND accepted_at < ? AND status <> 'voided' LIMIT 1")


def agencies_used(store: Store, period: Period, eligible: list[dict]) -> list[dict]:
    """The eligible agencies that sent at least one item (not voided) in the period: one index probe each."""
    lo, hi = period.bounds()
    return [a for a in eligible if store.conn.execute(_SENT_SQL, (a["id"], lo, hi)).fetchone()]


def adoption(store: Store, period: Period, province: str) -> dict:
    eligible = eligible_agencies(store, period, province)
    used = agencies_used(store, period, eligible)
    first = store.scalar("SELECT MIN(accepted_at) FROM items")
    by_year = []
    if first:
        for year in range(int(first[:4]), period.end.year + 1):
            whole = Period.year(year)
            e = eligible_agencies(store, whole, province)
            u = agencies_used(store, whole, e)
            by_year.append({"year": year, "used": len(u), "eligible": len(e), "pct": _pct(len(u), len(e))})
    return {"agencies_used": len(used), "agencies_eligible": len(eligible),
            "adoption_pct": _pct(len(used), len(eligible)), "adoption_by_year": by_year}
