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

Speed (a year of a million items): items are stored in the order they were taken, so the rows of a
month lie between the smallest and the largest rowid its index entries name. A scan of that rowid
range (the acceptance time checked again, for back-entries) reads the table in order, about twice as
fast as fetching row by row through the index. One such pass per month, with no GROUP BY, gives
every sum; one more, grouped by one integer (sender and recipient), gives senders and destinations;
the voided, after-hours, weekend and holiday counts and adoption come from the indexes alone, and
the on-time rate from each item's first attempt, which a trigger keeps (``schema_reports``).
``bench/bench_reports.py`` measures it against one plain query of the same sums.
"""

from __future__ import annotations

from datetime import date, time, timedelta

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


def _money(items=0, fees=0, vat=0) -> dict:
    return {"items": items, "fees_vnd": fees, "vat_vnd": vat, "total_vnd": fees + vat}


def _pct(part: int, whole: int) -> float | None:
    return round(100.0 * part / whole, 1) if whole else None


def compute(store: Store, period: Period) -> dict:
    """The report dict for ``period`` (see REPORTS-CONTRACT.md). Reads only, in one read transaction."""
    office = office_service.get_office(store)
    lo, hi = period.bounds()
    report: dict = {
        "period": period.as_dict(),
        "office": {"code": office["code"], "name": office["name"], "province": office["province"]},
        "generated_at": clock.now().replace(tzinfo=None).isoformat(timespec="seconds"),
    }
    with store.reading():
        passes = _passes(store, period)
        report.update(_figures(store, period, passes))
        report.update(_senders_and_destinations(store, period, passes["rowids"]))
        report.update(_outside_hours(store, period))
        report.update(_on_time(store, period))
        report["refusals"] = int(store.scalar("SELECT COUNT(*) FROM refusals WHERE at >= ? AND at < ?", (lo, hi)))
        report["complaints"] = complaints(store, lo, hi)
        report.update(adoption(store, period, office["province"]))
    report["no_data"] = [key for key in ("on_time", "complaints", "adoption_pct") if report[key] is None]
    return report


# -- the passes over the items --------------------------------------------------------------------

_ROWIDS_SQL = ("SELECT MIN(rowid), MAX(rowid) FROM items INDEXED BY items_accepted "
               "WHERE accepted_at >= ? AND accepted_at < ?")
_RANGE = "rowid BETWEEN ? AND ? AND accepted_at >= ? AND accepted_at < ? AND status <> 'voided'"
_PASS_SQL = f"""
    SELECT COUNT(*), SUM(pieces), SUM(fee_vnd), SUM(vat_vnd),
           SUM(payment = 'cash'), SUM(CASE WHEN payment = 'cash' THEN fee_vnd END),
           SUM(CASE WHEN payment = 'cash' THEN vat_vnd END),
           SUM(payment = 'account'), SUM(CASE WHEN payment = 'account' THEN fee_vnd END),
           SUM(CASE WHEN payment = 'account' THEN vat_vnd END),
           SUM(free_reason = 'appendix-I'),
           SUM(kind = 'thu'), SUM(CASE WHEN kind = 'thu' THEN fee_vnd END),
           SUM(kind = 'goi'), SUM(CASE WHEN kind = 'goi' THEN fee_vnd END),
           SUM(hoa_toc), SUM(hen_gio_at IS NOT NULL), SUM(hoa_toc = 0 AND hen_gio_at IS NULL),
           SUM(secrecy = 'A'), SUM(secrecy = 'B'), SUM(secrecy = 'C'), SUM(scope = 'noi-tinh')
    FROM items NOT INDEXED WHERE {_RANGE}"""
_PASS_FIELDS = ("items", "pieces", "fees", "vat", "cash", "cash_fees", "cash_vat", "account", "account_fees",
                "account_vat", "appendix_i", "thu", "thu_fees", "goi", "goi_fees", "hoa_toc", "hen_gio", "no_mark",
                "A", "B", "C", "noi_tinh")
# Per sender and recipient: one integer key (a group on several columns costs far more), the recipient's
# province as stored on the items (MIN = MAX unless it changed within the period: then asked again).
_PAIRS_SQL = f"""
    SELECT sender_id * 4294967296 + recipient_id AS pair, MIN(recipient_province), MAX(recipient_province),
           COUNT(*), SUM(fee_vnd), SUM(vat_vnd)
    FROM items NOT INDEXED WHERE {_RANGE} GROUP BY pair"""
_PAIR_PROVINCES_SQL = """
    SELECT recipient_province, COUNT(*), SUM(fee_vnd) FROM items INDEXED BY items_recipient
    WHERE recipient_id = ? AND accepted_at >= ? AND accepted_at < ? AND status <> 'voided' AND sender_id = ?
    GROUP BY recipient_province"""
# Items kept (not voided) accepted in [lo, hi): two counts the indexes answer alone.
_KEPT_COUNT_SQL = ("SELECT (SELECT COUNT(*) FROM items INDEXED BY items_accepted WHERE accepted_at >= ?1 "
                   "AND accepted_at < ?2) - (SELECT COUNT(*) FROM items INDEXED BY items_status "
                   "WHERE status = 'voided' AND accepted_at >= ?1 AND accepted_at < ?2)")
_VOIDED_SQL = ("SELECT COUNT(*) FROM items INDEXED BY items_status WHERE status = 'voided' "
               "AND accepted_at >= ? AND accepted_at < ?")


def _rowids(conn, lo: str, hi: str) -> tuple[int, int] | None:
    first, last = conn.execute(_ROWIDS_SQL, (lo, hi)).fetchone()
    return None if first is None else (first, last)


def month_bounds(period: Period) -> list[tuple[str, str, str]]:
    """(month, low, high) for each month of the period, cut to the period."""
    lo, hi = period.bounds()
    out = []
    for month in period.months():
        year, mon = int(month[:4]), int(month[5:])
        following = f"{year + 1:04d}-01" if mon == 12 else f"{year:04d}-{mon + 1:02d}"
        out.append((month, max(lo, f"{month}-01"), min(hi, f"{following}-01")))
    return out


def _passes(store: Store, period: Period) -> dict:
    """The sums of the period, per month and in all, with the rowid range the period's items lie in."""
    conn = store.conn
    months: dict[str, dict] = {}
    totals = [0] * len(_PASS_FIELDS)
    first = last = None
    for month, lo, hi in month_bounds(period):
        in_month = [0] * len(_PASS_FIELDS)
        rowids = _rowids(conn, lo, hi)
        if rowids is not None:
            in_month = [v or 0 for v in conn.execute(_PASS_SQL, (*rowids, lo, hi)).fetchone()]
            first = rowids[0] if first is None else min(first, rowids[0])
            last = rowids[1] if last is None else max(last, rowids[1])
        months[month] = dict(zip(_PASS_FIELDS, in_month))
        totals = [a + b for a, b in zip(totals, in_month)]
    return {"months": months, "totals": dict(zip(_PASS_FIELDS, totals)),
            "rowids": None if first is None else (first, last)}


def _figures(store: Store, period: Period, passes: dict) -> dict:
    """The report's sums; what one pass does not count is the rest (free is neither cash nor account:
    the schema keeps payment 'free' exactly when free_reason is set)."""
    t = passes["totals"]
    free_items = t["items"] - t["cash"] - t["account"]
    free_fees = t["fees"] - t["cash_fees"] - t["account_fees"]
    free_vat = t["vat"] - t["cash_vat"] - t["account_vat"]
    lo, hi = period.bounds()
    return {
        "items": t["items"], "voided": int(store.conn.execute(_VOIDED_SQL, (lo, hi)).fetchone()[0]),
        "pieces": t["pieces"], "fees_vnd": t["fees"], "vat_vnd": t["vat"], "total_vnd": t["fees"] + t["vat"],
        "by_payment": {"cash": _money(t["cash"], t["cash_fees"], t["cash_vat"]),
                       "account": _money(t["account"], t["account_fees"], t["account_vat"]),
                       "free": _money(free_items, free_fees, free_vat)},
        "free": {"appendix-I": t["appendix_i"], "central-office": free_items - t["appendix_i"]},
        "by_kind": {"thu": {"items": t["thu"], "fees_vnd": t["thu_fees"]},
                    "goi": {"items": t["goi"], "fees_vnd": t["goi_fees"]},
                    "kien": {"items": t["items"] - t["thu"] - t["goi"],
                             "fees_vnd": t["fees"] - t["thu_fees"] - t["goi_fees"]}},
        "by_mark": {"hoa_toc": t["hoa_toc"], "hen_gio": t["hen_gio"], "none": t["no_mark"]},
        "by_secrecy": {"A": t["A"], "B": t["B"], "C": t["C"], "none": t["items"] - t["A"] - t["B"] - t["C"]},
        "by_scope": {"noi-tinh": t["noi_tinh"], "lien-tinh": t["items"] - t["noi_tinh"]},
        "by_month": [{"month": m, **_money(r["items"], r["fees"], r["vat"])} for m, r in passes["months"].items()],
    }


def _senders_and_destinations(store: Store, period: Period, rowids: tuple[int, int] | None) -> dict:
    senders: dict[int, list[int]] = {}
    provinces: dict[str, list[int]] = {}

    def add(province: str, n: int, fee: int) -> None:
        acc = provinces.setdefault(province, [0, 0])
        acc[0] += n
        acc[1] += fee

    lo, hi = period.bounds()
    for pair, low, high, n, fee, tax in ([] if rowids is None else
                                         store.conn.execute(_PAIRS_SQL, (*rowids, lo, hi)).fetchall()):
        sender_id, recipient_id = divmod(pair, 4294967296)
        acc = senders.setdefault(sender_id, [0, 0, 0])
        acc[0] += n
        acc[1] += fee
        acc[2] += tax
        if low == high:
            add(low, n, fee)
        else:  # the recipient moved province within the period (34 provinces since 1/7/2025)
            for province, k, f in store.conn.execute(_PAIR_PROVINCES_SQL, (recipient_id, lo, hi, sender_id)):
                add(province, k, f)
    names = {r[0]: (r[1], r[2]) for r in store.conn.execute("SELECT id, code, name FROM agencies")}
    by_sender = [{"code": names.get(i, ("?", "?"))[0], "name": names.get(i, ("?", "?"))[1], **_money(n, fee, tax)}
                 for i, (n, fee, tax) in senders.items()]
    by_sender.sort(key=lambda r: (-r["items"], r["code"]))
    by_destination = [{"province": p, "items": n, "fees_vnd": fee} for p, (n, fee) in provinces.items()]
    by_destination.sort(key=lambda r: (-r["items"], fold(r["province"])))
    return {"by_sender": by_sender, "by_destination": by_destination}


# -- after hours, weekends, holidays --------------------------------------------------------------

def hours_spans(store: Store, period: Period) -> list[tuple[date, date, time, time]]:
    """(first day, last day, day start, day end): the period cut where the dated settings change."""
    changes = sorted({period.start} | {
        date.fromisoformat(r[0]) for r in store.conn.execute(
            "SELECT effective_from FROM settings WHERE key IN ('day_start', 'day_end') "
            "AND effective_from > ? AND effective_from <= ?", (period.start.isoformat(), period.end.isoformat()))})
    spans = []
    for i, first in enumerate(changes):
        last = changes[i + 1] - timedelta(days=1) if i + 1 < len(changes) else period.end
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
    """Counted from the indexes alone: the items of each day off, and of each working day's hours
    before its start and from its end; a run of ranges of one figure is counted as one range."""
    cal = calendar(store, period.end)
    ranges: list[list[str]] = []  # [figure, low, high]

    def add(figure: str, lo: str, hi: str) -> None:
        if ranges and ranges[-1][0] == figure and ranges[-1][2] == lo:
            ranges[-1][2] = hi
        else:
            ranges.append([figure, lo, hi])

    for first, last, start, end in hours_spans(store, period):
        day = first
        while day <= last:
            text, following = day.isoformat(), (day + timedelta(days=1)).isoformat()
            kind = day_kind(cal, day)
            if kind == "working":
                add("after_hours", text, f"{text}T{start.strftime('%H:%M')}")
                add("after_hours", f"{text}T{end.strftime('%H:%M')}", following)
            else:
                add("holidays" if kind == "holiday" else "weekends", text, following)
            day += timedelta(days=1)
    counts = {"after_hours": 0, "weekends": 0, "holidays": 0}
    for figure, lo, hi in ranges:
        if lo < hi:
            counts[figure] += store.conn.execute(_KEPT_COUNT_SQL, (lo, hi)).fetchone()[0]
    return counts


# -- on time, complaints, adoption ---------------------------------------------------------------

# Each attempted item's first delivery attempt is kept beside it (kt1desk/schema_reports.py), keyed by
# acceptance time: the period's rows are one range. A voided item never had an attempt (voided only
# from 'accepted').
_ON_TIME_SQL = ("SELECT COUNT(*), COALESCE(SUM(first_at <= deadline), 0) FROM item_first_attempts "
                "WHERE accepted_at >= ? AND accepted_at < ?")


def _on_time(store: Store, period: Period) -> dict:
    """The deadline against the first delivery attempt, where one is known."""
    known, on_time = store.conn.execute(_ON_TIME_SQL, period.bounds()).fetchone()
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
