"""The legal transitions of an item, checked before anything is written.

Each action moves an item from one of its ``sources`` to ``target`` and leaves
an event of its own in ``item_events``. Anything else — deliver a voided item,
bag a returned one — is refused with a message naming the item and its state,
and nothing changes. The schema holds the same pairs (``item_transitions``) and
refuses any other change of status, whatever code path tries.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from .. import clock
from ..errors import Kt1Error
from ..services.items import STATUSES


@dataclass(frozen=True)
class Action:
    sources: tuple[str, ...]
    target: str
    event: str
    # What is being done, for "cannot …" messages (vi: a verb; en: a past participle).
    vi: str
    en: str


ACTIONS: dict[str, Action] = {
    "bag": Action(("accepted",), "bagged", "bagged", "cho vào túi", "put in a bag"),
    "unbag": Action(("bagged",), "accepted", "unbagged", "lấy ra khỏi túi", "taken out of a bag"),
    "dispatch": Action(("bagged",), "dispatched", "dispatched", "chuyển đi", "dispatched"),
    "receive": Action(("dispatched", "missing"), "received", "received", "nhận tại nơi phát",
                      "received at the delivery office"),
    "miss": Action(("dispatched",), "missing", "missing", "ghi thiếu", "recorded as missing"),
    "carry": Action(("received", "delivery_failed"), "out_for_delivery", "out_for_delivery", "giao đi phát",
                    "sent out for delivery"),
    "deliver": Action(("received", "out_for_delivery"), "delivered", "delivered", "phát", "delivered"),
    "fail": Action(("out_for_delivery",), "delivery_failed", "delivery_failed", "ghi phát không thành công",
                   "recorded as a failed delivery"),
    "return": Action(("received", "delivery_failed"), "returned", "returned", "chuyển hoàn", "returned to the sender"),
    "void": Action(("accepted",), "voided", "voided", "hủy", "voided"),
    "correct": Action(("accepted",), "accepted", "corrected", "điều chỉnh", "corrected"),
}


def transitions() -> set[tuple[str, str]]:
    """Every (from, to) pair some action allows (what the schema's item_transitions must hold)."""
    return {(source, a.target) for a in ACTIONS.values() for source in a.sources if source != a.target}


def status_name(status: str) -> dict[str, str]:
    return STATUSES.get(status, {"vi": status, "en": status})


def check(item_id: str, status: str, action: str) -> None:
    """Raise Kt1Error('illegal_transition') unless ``action`` may start from ``status``."""
    act = ACTIONS[action]
    if status not in act.sources:
        allowed = {lang: ", ".join(f"«{status_name(s)['vi']}»" if lang == "vi" else f"“{status_name(s)['en']}”"
                                   for s in act.sources) for lang in ("vi", "en")}
        raise Kt1Error("illegal_transition", "status", item=item_id, status=status_name(status),
                       action={"vi": act.vi, "en": act.en}, allowed=allowed)


def _where(tx, item_id: str) -> tuple[str, str, str]:
    """(status, items table, events table): an item accepted here, or one that arrived from another office."""
    row = tx.execute("SELECT status FROM items WHERE id = ?", (item_id,)).fetchone()
    if row is not None:
        return row[0], "items", "item_events"
    row = tx.execute("SELECT status FROM inbound_items WHERE id = ?", (item_id,)).fetchone()
    if row is not None:
        return row[0], "inbound_items", "inbound_events"
    raise Kt1Error("item_not_found", "id", value=item_id)


def current_status(tx, item_id: str) -> str:
    return _where(tx, item_id)[0]


def move(tx, item_id: str, action: str, *, actor, counter_id: int | None, details: dict | None = None,
         at=None, shift_id: str | None = None) -> None:
    """Move one item inside the caller's write, its status read again under the write lock.

    ``at`` is when it happened when that is not now (a delivery noted later); the journal keeps the
    moment it was recorded. An item that arrived from another office (``inbound_items``) moves along
    the same transitions; its events are ``inbound_events``.
    """
    status, table, events = _where(tx, item_id)
    check(item_id, status, action)
    act = ACTIONS[action]
    tx.execute(f"UPDATE {table} SET status = ? WHERE id = ?", (act.target, item_id))
    details = details or {}
    tx.execute(
        f"INSERT INTO {events} (item_id, at, kind, user_id, counter_id, shift_id, details) VALUES (?, ?, ?, ?, ?, ?, ?)",
        (item_id, clock.iso(at or tx.now), act.event, actor.id if actor else None, counter_id, shift_id,
         json.dumps(details, ensure_ascii=False)))
    tx.record("item", item_id, event=act.event, **details)
