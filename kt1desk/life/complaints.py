"""Complaints (khiếu nại, Postal Law 2010 art. 38): lodged in writing within the law's windows, answered once.

Loss or delay: from the end of the item's deadline up to 6 months after it.
Damage or a fee dispute: up to 1 month after delivery (or after the item came
back to its sender); damage only once it has been delivered. A complaint lodged
outside its window is refused, saying the dates. The answer is due within the
office's target (setting ``complaint_answer_days``), never later than the law's
two months; its outcome and any compensation are recorded by a supervisor, and
an answered complaint never changes. The register shows what is due and late.
"""

from __future__ import annotations

import calendar as month_calendar
import json
from datetime import date, datetime, timedelta

from .. import clock
from ..errors import Kt1Error
from ..formats import day as day_text
from ..formats import moment
from ..services import office, settings
from ..services.items import get_item
from ..services.numbering import next_id
from ..services.users import require_role
from ..storage import Store, User
from ..text import nfc
from .common import moment_given, required_text
from .shifts import parse_cash

ANYONE = ("clerk", "supervisor", "admin")
SUPERVISORS = ("supervisor", "admin")
KINDS = {
    "loss": {"vi": "Mất", "en": "Loss"},
    "delay": {"vi": "Chậm", "en": "Delay"},
    "damage": {"vi": "Hư hỏng", "en": "Damage"},
    "fee": {"vi": "Cước", "en": "Fee"},
}
OUTCOMES = {
    "upheld": {"vi": "Chấp nhận", "en": "Upheld"},
    "partly": {"vi": "Chấp nhận một phần", "en": "Partly upheld"},
    "rejected": {"vi": "Không chấp nhận", "en": "Rejected"},
}
# Months after the start of the window (the deadline, or the delivery) within which a complaint may be lodged.
WINDOW_MONTHS = {"loss": 6, "delay": 6, "damage": 1, "fee": 1}
LAW_ANSWER_MONTHS = 2


def add_months(day: date, months: int) -> date:
    """The same day ``months`` later, or the last day of that month (31/8 + 6 months = 28/2 or 29/2)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, month_calendar.monthrange(year, month)[1]))


def _delivered_at(store: Store, item_id: str) -> datetime | None:
    at = store.scalar("SELECT at FROM item_events WHERE item_id = ? AND kind IN ('delivered', 'returned') "
                      "ORDER BY id DESC LIMIT 1", (item_id,))
    return clock.parse_iso(at) if at else None


def window(store: Store, item: dict, kind: str) -> tuple[datetime | None, date | None]:
    """(earliest moment, last day) a complaint of ``kind`` about ``item`` may be lodged; None where open."""
    if kind in ("loss", "delay"):
        deadline = clock.parse_iso(item["deadline"])
        return deadline, add_months(deadline.date(), WINDOW_MONTHS[kind])
    delivered = _delivered_at(store, item["id"])
    if delivered is None:
        return None, None
    return None, add_months(delivered.date(), WINDOW_MONTHS[kind])


def answer_due(store: Store, lodged: datetime) -> date:
    """The office's target, within the law's ceiling of two months."""
    target = lodged.date() + timedelta(days=settings.get(store, "complaint_answer_days", lodged.date()))
    return min(target, add_months(lodged.date(), LAW_ANSWER_MONTHS))


def lodge(store: Store, actor: User, item_id: str, *, kind: str, by: str, at=None,
          counter: str | None = None) -> dict:
    """Record a written complaint; ``by`` is the complainant's name as written, ``at`` when it was received."""
    require_role(actor, *ANYONE)
    kind = nfc(kind).lower()
    if kind not in KINDS:
        raise Kt1Error("complaint_kind", "kind", value=kind)
    by = required_text(by, "by", "Người khiếu nại", "Complainant")
    item = get_item(store, item_id)
    if item["status"] == "voided":
        raise Kt1Error("complaint_voided", "id", item=item["id"])
    lodged = moment_given(at, "at", "Ngày nhận đơn khiếu nại", "Complaint received on") or clock.now()
    earliest, last_day = window(store, item, kind)
    if kind == "damage" and last_day is None:
        raise Kt1Error("complaint_not_delivered", "kind", item=item["id"])
    if earliest is not None and lodged < earliest:
        raise Kt1Error("complaint_too_early", "kind", item=item["id"], kind=KINDS[kind],
                       deadline=moment_text(earliest))
    if last_day is not None and lodged.date() > last_day:
        raise Kt1Error("complaint_too_late", "kind", item=item["id"], kind=KINDS[kind],
                       months={"vi": f"{WINDOW_MONTHS[kind]} tháng",
                               "en": f"{WINDOW_MONTHS[kind]} month" + ("s" if WINDOW_MONTHS[kind] > 1 else "")},
                       last=day_text(last_day),
                       start={"vi": "hạn phát" if kind in ("loss", "delay") else "ngày phát",
                              "en": "the deadline" if kind in ("loss", "delay") else "delivery"})
    counter_row = office.get_counter(store, counter)
    due = answer_due(store, lodged)
    with store.write(actor, "complaint.lodge") as tx:
        day = clock.to_vn(tx.now).date()
        complaint_id = next_id(tx, "complaints", f"KN-{counter_row['code']}-{day:%Y%m%d}-", 2)
        tx.execute("INSERT INTO complaints (id, item_id, kind, lodged_at, lodged_by, received_by, window_ends, "
                   "answer_due) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                   (complaint_id, item["id"], kind, clock.iso(lodged), by, actor.id,
                    last_day.isoformat() if last_day else None, due.isoformat()))
        tx.execute("INSERT INTO item_events (item_id, at, kind, user_id, counter_id, details) VALUES (?, ?, ?, ?, ?, ?)",
                   (item["id"], clock.iso(lodged), "complaint", actor.id, counter_row["id"],
                    json.dumps({"complaint": complaint_id, "kind": kind, "by": by}, ensure_ascii=False)))
        tx.record("complaint", complaint_id, event="lodged", item=item["id"], kind=kind, by=by, due=due.isoformat())
    return get_complaint(store, complaint_id)


def answer(store: Store, actor: User, complaint_id: str, *, outcome: str, text: str = "",
           compensation=0) -> dict:
    """Record the answer (supervisor): outcome, what was said, any compensation in đồng."""
    require_role(actor, *SUPERVISORS)
    complaint = get_complaint(store, complaint_id)
    if complaint["status"] != "open":
        raise Kt1Error("complaint_answered", "complaint", id=complaint["id"], when=moment_text(
            clock.parse_iso(complaint["answered_at"])))
    outcome = nfc(outcome).lower()
    if outcome not in OUTCOMES:
        raise Kt1Error("complaint_outcome", "outcome", value=outcome)
    amount = parse_cash(compensation) or 0
    with store.write(actor, "complaint.answer") as tx:
        tx.execute("UPDATE complaints SET status = 'answered', answered_at = ?, answered_by = ?, outcome = ?, "
                   "compensation_vnd = ?, answer = ? WHERE id = ? AND status = 'open'",
                   (clock.iso(tx.now), actor.id, outcome, amount, nfc(text), complaint["id"]))
        tx.execute("INSERT INTO item_events (item_id, at, kind, user_id, details) VALUES (?, ?, ?, ?, ?)",
                   (complaint["item_id"], clock.iso(tx.now), "complaint_answered", actor.id,
                    json.dumps({"complaint": complaint["id"], "outcome": outcome, "compensation_vnd": amount})))
        tx.record("complaint", complaint["id"], event="answered", outcome=outcome, compensation=amount)
    return get_complaint(store, complaint["id"])


_COMPLAINT_SQL = ("SELECT c.*, i.sender_code, i.sender_name, i.recipient_code, i.recipient_name, i.status AS item_status, "
                  "u.login AS received_by_login, a.login AS answered_by_login FROM complaints c "
                  "JOIN items i ON i.id = c.item_id JOIN users u ON u.id = c.received_by "
                  "LEFT JOIN users a ON a.id = c.answered_by")


def get_complaint(store: Store, complaint_id: str) -> dict:
    row = store.one(_COMPLAINT_SQL + " WHERE c.id = ?", (nfc(complaint_id).upper(),))
    if row is None:
        raise Kt1Error("complaint_not_found", "complaint", value=complaint_id)
    return _with_standing(row, clock.now())


def register(store: Store, *, due_only: bool = False, now: datetime | None = None, limit: int = 500) -> list[dict]:
    """The register: every complaint newest first, or (``due_only``) the open ones by due date, late first."""
    now = clock.to_vn(now or clock.now())
    if due_only:
        rows = store.all(_COMPLAINT_SQL + " WHERE c.status = 'open' ORDER BY c.answer_due, c.id LIMIT ?", (limit,))
    else:
        rows = store.all(_COMPLAINT_SQL + " ORDER BY c.lodged_at DESC, c.id DESC LIMIT ?", (limit,))
    return [_with_standing(r, now) for r in rows]


def _with_standing(row: dict, now: datetime) -> dict:
    """Days left to answer (negative: late), and whether it is (or was answered) late."""
    due = date.fromisoformat(row["answer_due"])
    if row["status"] == "open":
        row["days_left"] = (due - clock.to_vn(now).date()).days
        row["late"] = row["days_left"] < 0
    else:
        row["days_left"] = None
        row["late"] = clock.parse_iso(row["answered_at"]).date() > due
    return row


def moment_text(value: datetime) -> str:
    return moment(value)
