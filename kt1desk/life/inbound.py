"""Items that arrived from another office, read as local items are: for lookup, delivery, overdue and ``show``.

An item accepted here is a row of ``items``; one accepted at another office and
announced by its dispatch bundle (``transfer``) is a row of ``inbound_items``,
with its life here in ``inbound_events``. ``find`` and ``events`` give either
in the same shape (an inbound item says ``inbound`` and where it came from), so
that the delivery page, ``kt1desk show`` and the services need not ask which.
"""

from __future__ import annotations

import json

from .. import s10
from ..errors import Kt1Error
from ..services import items
from ..storage import Store

_INBOUND_SQL = (
    "SELECT i.*, 1 AS inbound, a.id AS recipient_id, b.dispatch_id, b.seal_no, b.status AS bag_status, "
    "b.receipt_id, d.origin_office AS dispatch_origin, d.vehicle, d.handed_at, d.imported_at "
    "FROM inbound_items i JOIN inbound_bags b ON b.id = i.bag_id JOIN inbound_dispatches d ON d.id = b.dispatch_id "
    "LEFT JOIN agencies a ON a.code = i.recipient_code WHERE i.id = ?")


def find(store: Store, item_id: str) -> dict:
    """The item with this id, accepted here or arrived from another office; Kt1Error('item_not_found')."""
    try:
        item = items.get_item(store, item_id)
    except Kt1Error as err:
        if err.code != "item_not_found":
            raise
        found = store.one(_INBOUND_SQL, (s10.normalise(item_id),))
        if found is None:
            raise
        return found
    item["inbound"] = 0
    return item


def is_inbound(store: Store, item_id: str) -> bool:
    return bool(store.scalar("SELECT 1 FROM inbound_items WHERE id = ?", (s10.normalise(item_id),)))


def events(store: Store, item_id: str) -> list[dict]:
    """The item's events in order: a local item's, or what happened to an inbound one here."""
    key = s10.normalise(item_id)
    if not is_inbound(store, key):
        return items.events(store, key)
    rows = store.all(
        "SELECT e.id, e.at, e.kind, e.details, u.login AS user_login, u.full_name AS user_name, c.code AS counter_code "
        "FROM inbound_events e LEFT JOIN users u ON u.id = e.user_id LEFT JOIN counters c ON c.id = e.counter_id "
        "WHERE e.item_id = ? ORDER BY e.id", (key,))
    for row in rows:
        row["details"] = json.loads(row["details"] or "{}")
    return rows


def origin_json(item: dict) -> dict:
    """Where an inbound item came from, for ``show --json`` (empty for a local item)."""
    if not item.get("inbound"):
        return {"inbound": False}
    return {"inbound": True, "origin_office": item["origin_office"], "origin_counter": item["origin_counter"],
            "bag": item["bag_id"], "dispatch": item["dispatch_id"], "sender_address": item["sender_address"],
            "recipient_address": item["recipient_address"]}


def text(item: dict, lang: str) -> str:
    """An item accepted at another office: its envelope and where it came from (no fee: that office's)."""
    from .. import clock, formats
    from ..services.intake import KINDS

    vi = lang != "en"
    marks = [m for m in (item.get("secrecy"), "Hỏa tốc" if item.get("hoa_toc") else None,
                         f"Hẹn giờ {formats.moment(clock.parse_iso(item['hen_gio_at']))}" if item.get("hen_gio_at") else None) if m]
    return "\n".join([
        f"{item['id']}  [{item['status']}]  " + (f"nhận gửi tại {item['origin_office']}, túi {item['bag_id']}" if vi else
                                                 f"accepted at {item['origin_office']}, bag {item['bag_id']}"),
        f"  {'Gửi' if vi else 'From'}: {item['sender_code']} — {item['sender_name']}",
        f"  {'Nhận' if vi else 'To'}:  {item['recipient_code']} — {item['recipient_name']}, {item['recipient_address']} "
        f"({item['recipient_province']})",
        f"  {KINDS[item['kind']][lang]}, {formats.weight(item['weight_g'], lang)}, {item['pieces']} "
        f"{'kiện' if vi else 'piece(s)'}" + (f", {', '.join(marks)}" if marks else ""),
        f"  {'Nhận lúc' if vi else 'Accepted'}: {formats.moment(clock.parse_iso(item['accepted_at']))}"
        f"   {'Hạn phát' if vi else 'Deadline'}: {formats.moment(clock.parse_iso(item['deadline']))}",
    ])
