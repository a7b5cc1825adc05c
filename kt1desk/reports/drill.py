"""The items behind a figure of the report: what a click on a number lists.

``items_for(store, period, key, limit)`` takes the same filters as ``figures.compute``, so the
rows it returns (without a limit) are exactly as many as the figure says. Keys:

    items  voided  kind:thu  mark:hoa_toc|hen_gio|none  secrecy:A|B|C|none  scope:noi-tinh|lien-tinh
    payment:cash|account|free  free:appendix-I|central-office  sender:CODE  destination:PROVINCE
    month:2019-05  after_hours  weekends  holidays  on_time  late
    refusals (rows of refusals)  complaints, complaints:answered|open|late (rows of complaints)
    agencies:eligible|used|unused (rows of agencies, for the adoption figure)

Item rows: id, accepted_at, sender_code, sender_name, recipient_name, recipient_province, kind,
secrecy, fee_vnd, vat_vnd, total_vnd, status.
"""

from __future__ import annotations

import json
from datetime import timedelta

from .. import clock
from ..errors import Kt1Error
from ..services import office as office_service
from ..services.calendar import calendar
from ..storage import Store
from . import figures
from .period import Period

ITEM_COLUMNS = ("id", "accepted_at", "sender_code", "sender_name", "recipient_name", "recipient_province", "kind",
                "secrecy", "fee_vnd", "vat_vnd", "total_vnd", "status")
_SELECT = ("SELECT i.id, i.accepted_at, i.sender_code, i.sender_name, i.recipient_name, i.recipient_province, "
           "i.kind, i.secrecy, i.fee_vnd, i.vat_vnd, i.fee_vnd + i.vat_vnd AS total_vnd, i.status FROM items AS i")
_IN_PERIOD = "i.accepted_at >= ? AND i.accepted_at < ?"
_KEPT = "i.status <> 'voided'"
# Each attempted item's first delivery attempt (kept by a trigger: kt1desk/schema_reports.py).
_FIRST_ATTEMPT = "JOIN item_first_attempts AS f ON f.accepted_at = i.accepted_at AND f.item_id = i.id"

# key → (SQL condition on i, the value's check) for the keys that are one column's value.
_COLUMN_KEYS = {
    "kind": ("i.kind = ?", figures.KINDS),
    "secrecy": ("i.secrecy = ?", figures.SECRECY),
    "scope": ("i.scope = ?", figures.SCOPES),
    "payment": ("i.payment = ?", figures.PAYMENTS),
    "free": ("i.free_reason = ?", figures.FREE_REASONS),
}
_MARKS = {"hoa_toc": "i.hoa_toc = 1", "hen_gio": "i.hen_gio_at IS NOT NULL",
          "none": "i.hoa_toc = 0 AND i.hen_gio_at IS NULL"}


def _bad(key: str) -> Kt1Error:
    return Kt1Error("report_key", "key", key=key)


def items_for(store: Store, period: Period, key: str, limit: int | None = None) -> list[dict]:
    """The rows behind figure ``key`` of ``compute(store, period)``; Kt1Error for an unknown key."""
    name, _, value = (key or "").partition(":")
    if name == "refusals" and not value:
        return _refusals(store, period, limit)
    if name == "complaints":
        return _complaints(store, period, value, limit)
    if name == "agencies":
        return _agencies(store, period, value, key)
    where, params, join = _item_filter(store, period, name, value, key)
    sql = f"{_SELECT} {join} WHERE {_IN_PERIOD} AND {where} ORDER BY i.accepted_at, i.id"
    args = [*period.bounds(), *params]
    if limit is not None:
        sql += " LIMIT ?"
        args.append(int(limit))
    return store.all(sql, args)


def _item_filter(store: Store, period: Period, name: str, value: str, key: str) -> tuple[str, list, str]:
    if name == "items" and not value:
        return _KEPT, [], ""
    if name == "voided" and not value:
        return "i.status = 'voided'", [], ""
    if name in _COLUMN_KEYS:
        condition, allowed = _COLUMN_KEYS[name]
        if name == "secrecy" and value == "none":
            return f"{_KEPT} AND i.secrecy IS NULL", [], ""
        if value not in allowed:
            raise _bad(key)
        return f"{_KEPT} AND {condition}", [value], ""
    if name == "mark":
        if value not in _MARKS:
            raise _bad(key)
        return f"{_KEPT} AND {_MARKS[value]}", [], ""
    if name == "sender" and value:
        return f"{_KEPT} AND i.sender_id = (SELECT id FROM agencies WHERE code = ?)", [value.strip().upper()], ""
    if name == "destination" and value:
        return f"{_KEPT} AND i.recipient_province = ?", [value], ""
    if name == "month" and value:
        if value not in period.months():
            raise _bad(key)
        return f"{_KEPT} AND substr(i.accepted_at, 1, 7) = ?", [value], ""
    if name in ("after_hours", "weekends", "holidays") and not value:
        return _outside_hours_filter(store, period, name)
    if name in ("on_time", "late") and not value:
        return f"{_KEPT} AND f.first_at {'<=' if name == 'on_time' else '>'} f.deadline", [], _FIRST_ATTEMPT
    raise _bad(key)


def _outside_hours_filter(store: Store, period: Period, name: str) -> tuple[str, list, str]:
    """The days of the period in the class asked for; after hours, the working days' hours outside each
    span of the dated settings (figures.compute cuts the period the same way)."""
    cal = calendar(store, period.end)
    wanted = {"weekends": "weekend", "holidays": "holiday", "after_hours": "working"}[name]
    if name != "after_hours":
        days = [d.isoformat() for d in _days(period) if figures.day_kind(cal, d) == wanted]
        return f"{_KEPT} AND substr(i.accepted_at, 1, 10) IN (SELECT value FROM json_each(?))", [json.dumps(days)], ""
    parts, params = [], []
    for first, last, start, end in figures.hours_spans(store, period):
        days = [d.isoformat() for d in _days(Period.range(first, last)) if figures.day_kind(cal, d) == wanted]
        parts.append("(substr(i.accepted_at, 1, 10) IN (SELECT value FROM json_each(?)) "
                     "AND (substr(i.accepted_at, 12, 5) < ? OR substr(i.accepted_at, 12, 5) >= ?))")
        params += [json.dumps(days), start.strftime("%H:%M"), end.strftime("%H:%M")]
    return f"{_KEPT} AND ({' OR '.join(parts)})", params, ""


def _days(period: Period):
    day = period.start
    while day <= period.end:
        yield day
        day += timedelta(days=1)


def _limited(sql: str, args: list, limit: int | None) -> tuple[str, list]:
    if limit is None:
        return sql, args
    return sql + " LIMIT ?", [*args, int(limit)]


def _refusals(store: Store, period: Period, limit: int | None) -> list[dict]:
    sql, args = _limited(
        "SELECT r.id, r.at, r.reason, r.secrecy, r.presented_by, u.login AS refused_by, c.code AS counter "
        "FROM refusals AS r LEFT JOIN users AS u ON u.id = r.refused_by LEFT JOIN counters AS c ON c.id = r.counter_id "
        "WHERE r.at >= ? AND r.at < ? ORDER BY r.at, r.id", list(period.bounds()), limit)
    return store.all(sql, args)


def _complaints(store: Store, period: Period, which: str, limit: int | None) -> list[dict]:
    today = clock.now().date().isoformat()
    late = ("CASE WHEN c.status = 'answered' THEN substr(c.answered_at, 1, 10) > c.answer_due "
            "ELSE c.answer_due < ? END")
    conditions = {"": "1", "answered": "c.status = 'answered'", "open": "c.status = 'open'", "late": f"({late})"}
    if which not in conditions:
        raise _bad(f"complaints:{which}")
    args = [today, *period.bounds()] + ([today] if which == "late" else [])
    sql, args = _limited(
        f"SELECT c.id, c.item_id, c.kind, c.lodged_at, c.lodged_by, c.status, c.answer_due, c.answered_at, "
        f"c.outcome, c.compensation_vnd, {late} AS late, i.sender_code, i.sender_name, i.recipient_name "
        f"FROM complaints AS c JOIN items AS i ON i.id = c.item_id "
        f"WHERE c.lodged_at >= ? AND c.lodged_at < ? AND {conditions[which]} ORDER BY c.lodged_at, c.id", args, limit)
    rows = store.all(sql, args)
    for row in rows:
        row["late"] = bool(row["late"])
    return rows


def _agencies(store: Store, period: Period, which: str, key: str) -> list[dict]:
    """The agencies behind the adoption figure, each with its items (not voided) in the period."""
    if which not in ("eligible", "used", "unused"):
        raise _bad(key)
    eligible = figures.eligible_agencies(store, period, office_service.get_office(store)["province"])
    counts = dict(store.conn.execute(
        "SELECT sender_id, COUNT(*) FROM items INDEXED BY items_accepted WHERE accepted_at >= ? AND accepted_at < ? "
        "AND status <> 'voided' GROUP BY sender_id", period.bounds()).fetchall())
    rows = [{"code": a["code"], "name": a["name"], "appendix": a["appendix"], "province": a["province"],
             "valid_from": a["valid_from"], "valid_to": a["valid_to"], "items": counts.get(a["id"], 0)}
            for a in eligible]
    if which == "used":
        rows = [r for r in rows if r["items"]]
    elif which == "unused":
        rows = [r for r in rows if not r["items"]]
    return sorted(rows, key=lambda r: (-r["items"], r["code"]))

