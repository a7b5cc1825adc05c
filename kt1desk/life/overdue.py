"""Overdue items: past their deadline (J + n, or the Hẹn giờ time) with no delivery attempt yet.

An attempt is a delivery or a failed delivery; an item returned or voided is
not overdue. The list goes by destination (the recipient's province) and by
how long past the deadline, oldest first.

An item dispatched to another province is that office's to deliver: this
office learns of its delivery only when records come back (sync). Such items
are counted apart ("away") and listed only when asked (``include_away``), so
that the list shows first what this office can still act on. Items accepted at
another office and announced here by their dispatch bundle (``transfer``) are
this office's to deliver: they are listed with the rest (``inbound``, with the
office they came from), from the moment the bundle is imported.
"""

from __future__ import annotations

from datetime import datetime

from .. import clock
from ..services import office
from ..storage import Store
from ..text import fold

# Statuses in which no delivery attempt has been made (out for delivery: the first attempt is under way).
WAITING = ("accepted", "bagged", "dispatched", "missing", "received", "out_for_delivery")
# (upper bound in days past the deadline, name)
AGES = [
    (1, {"vi": "dưới 1 ngày", "en": "under 1 day"}),
    (3, {"vi": "1–3 ngày", "en": "1–3 days"}),
    (7, {"vi": "3–7 ngày", "en": "3–7 days"}),
    (None, {"vi": "trên 7 ngày", "en": "over 7 days"}),
]


def age_bucket(days: float) -> int:
    for index, (upper, _name) in enumerate(AGES):
        if upper is None or days < upper:
            return index
    return len(AGES) - 1


def overdue(store: Store, now: datetime | None = None, *, include_away: bool = False, limit: int = 2000) -> dict:
    """{'items': [...oldest first, at most ``limit``], 'count': n, 'away': n, 'destinations': [{destination,
    count, ages: [n per AGES bucket]}]} — every overdue item counted, the list capped."""
    now = clock.to_vn(now or clock.now())
    home = fold(office.get_office(store)["province"])
    marks = ", ".join("?" for _ in WAITING)
    rows = store.all(
        f"SELECT i.id, i.status, i.deadline, i.accepted_at, i.recipient_code, i.recipient_name, i.recipient_province, "
        f"i.sender_code, i.secrecy, i.hoa_toc, i.hen_gio_at, i.inbound, i.origin_office FROM any_items i "
        f"WHERE i.status IN ({marks}) AND i.deadline < ? "
        f"AND NOT EXISTS (SELECT 1 FROM item_events e WHERE e.item_id = i.id AND e.kind = 'delivery_failed') "
        f"AND NOT EXISTS (SELECT 1 FROM inbound_events e WHERE e.item_id = i.id AND e.kind = 'delivery_failed') "
        f"ORDER BY i.deadline, i.inbound, i.seq", list(WAITING) + [clock.iso(now)])
    away = [r for r in rows if r["status"] == "dispatched" and fold(r["recipient_province"]) != home]
    if not include_away:
        rows = [r for r in rows if not (r["status"] == "dispatched" and fold(r["recipient_province"]) != home)]
    groups: dict[str, dict] = {}
    for row in rows:
        late = (now - clock.parse_iso(row["deadline"])).total_seconds() / 86400
        row["days_late"] = round(late, 1)
        row["age"] = age_bucket(late)
        group = groups.setdefault(fold(row["recipient_province"]), {
            "destination": row["recipient_province"], "count": 0, "ages": [0] * len(AGES)})
        group["count"] += 1
        group["ages"][row["age"]] += 1
    destinations = sorted(groups.values(), key=lambda g: (-g["count"], fold(g["destination"])))
    return {"at": clock.iso(now), "count": len(rows), "away": len(away), "items": rows[:limit],
            "destinations": destinations}
