"""Delivery (phát): out for delivery, delivered and signed for, failed and tried again, or returned.

KT1 items go to the recipient agency's records office (văn thư): a delivery
records who received it, in what role, when, and their signature (their name
typed, and a picture from a signature pad where one is attached). An item
collected at the counter is delivered straight from "at the delivery office".
A failed attempt has a reason; the item goes out again, or back to its sender
(chuyển hoàn) with a reason. The service runs around the clock: outside working
hours, on weekends and holidays an item goes to the contact the recipient
agency named for that (``after_hours``), where this office's directory knows it.

An item accepted at another office and announced by its dispatch bundle
(``transfer``, ``inbound``) is delivered here the same way, once it has been
received against its bag's manifest.
"""

from __future__ import annotations

from datetime import datetime

from .. import clock, s10
from ..errors import Kt1Error
from ..services import office, settings
from ..services.calendar import calendar
from ..services.users import require_role
from ..storage import Store, User
from . import states
from .inbound import find as get_item
from .common import keep_signature, moment_given, required_text, typed_signature

ANYONE = ("clerk", "supervisor", "admin")
DEFAULT_ROLE = "Văn thư"


def _last_event_at(store: Store, item_id: str) -> datetime:
    return clock.parse_iso(store.scalar("SELECT MAX(at) FROM (SELECT at FROM item_events WHERE item_id = ? "
                                        "UNION ALL SELECT at FROM inbound_events WHERE item_id = ?)",
                                        (item_id, item_id)))


def carry(store: Store, actor: User, item_ids, *, carrier: str, counter: str | None = None) -> list[str]:
    """Send items out for delivery with ``carrier`` (who carries them), all or nothing."""
    require_role(actor, *ANYONE)
    carrier = required_text(carrier, "carrier", "Người đi phát", "Carrier")
    ids = list(dict.fromkeys(s10.parse(raw) for raw in item_ids))
    if not ids:
        raise Kt1Error("required", "id", label={"vi": "Số hiệu bưu gửi", "en": "Item id"})
    counter_id = office.get_counter(store, counter)["id"]
    with store.write(actor, "delivery.out") as tx:
        for item_id in ids:
            tried = tx.execute("SELECT (SELECT COUNT(*) FROM item_events WHERE item_id = ? AND kind = 'out_for_delivery')"
                               " + (SELECT COUNT(*) FROM inbound_events WHERE item_id = ? AND kind = 'out_for_delivery')",
                               (item_id, item_id)).fetchone()[0]
            states.move(tx, item_id, "carry", actor=actor, counter_id=counter_id,
                        details={"carrier": carrier, "attempt": tried + 1})
    return ids


def deliver(store: Store, actor: User, item_id: str, *, receiver: str, role: str | None = None, at=None,
            signature: str | None = None, signature_png: bytes | None = None, counter: str | None = None) -> dict:
    """Record the delivery: who received it (name, role), when, their signature."""
    require_role(actor, *ANYONE)
    item = get_item(store, item_id)
    states.check(item["id"], item["status"], "deliver")
    receiver = required_text(receiver, "receiver", "Người nhận", "Received by")
    role = required_text(role or DEFAULT_ROLE, "role", "Chức danh người nhận", "Receiver's role")
    typed = typed_signature(receiver, signature, "signature")
    when = moment_given(at, "at", "Thời điểm phát", "Delivery time", not_before=_last_event_at(store, item["id"]))
    counter_id = office.get_counter(store, counter)["id"]
    with store.write(actor, "delivery.deliver") as tx:
        details = {"receiver": receiver, "role": role, "signature": typed,
                   "signature_image": keep_signature(tx, signature_png)}
        if when is not None:
            details["recorded_at"] = clock.iso(tx.now)
        states.move(tx, item["id"], "deliver", actor=actor, counter_id=counter_id, at=when, details=details)
    return get_item(store, item["id"])


def fail(store: Store, actor: User, item_id: str, *, reason: str, counter: str | None = None) -> dict:
    """A delivery attempt that did not succeed, and why; the item can go out again or back to its sender."""
    return _with_reason(store, actor, item_id, "fail", reason, "delivery.fail", counter)


def return_to_sender(store: Store, actor: User, item_id: str, *, reason: str, counter: str | None = None) -> dict:
    """Chuyển hoàn: the item goes back to its sender, with the reason."""
    return _with_reason(store, actor, item_id, "return", reason, "delivery.return", counter)


def _with_reason(store: Store, actor: User, item_id: str, action: str, reason: str, journal: str,
                 counter: str | None) -> dict:
    require_role(actor, *ANYONE)
    item = get_item(store, item_id)
    states.check(item["id"], item["status"], action)
    reason = required_text(reason, "reason", "Lý do", "Reason", max_length=500)
    counter_id = office.get_counter(store, counter)["id"]
    with store.write(actor, journal) as tx:
        states.move(tx, item["id"], action, actor=actor, counter_id=counter_id, details={"reason": reason})
    return get_item(store, item["id"])


def after_hours(store: Store, item: dict, now: datetime | None = None) -> dict | None:
    """Outside working hours, on a weekend or a holiday: who at the recipient agency takes the item, else None."""
    now = clock.to_vn(now or clock.now())
    cal = calendar(store, now.date())
    if cal.is_public_holiday(now.date()):
        name = cal.holiday_name(now.date()) or ""
        why = {"vi": f"ngày lễ {name}".strip(), "en": f"public holiday {name}".strip()}
    elif not cal.is_working_day(now.date()):
        why = {"vi": "ngày nghỉ", "en": "a day off"}
    elif cal.is_after_hours(now, settings.get(store, "day_start", now.date())):
        why = {"vi": "ngoài giờ hành chính", "en": "after hours"}
    else:
        return None
    agency = store.one("SELECT code, name, after_hours_contact, after_hours_phone FROM agencies WHERE id = ?",
                       (item["recipient_id"],)) or {}
    return {"why": why, "agency": agency.get("name", item.get("recipient_name", "")),
            "contact": agency.get("after_hours_contact") or "", "phone": agency.get("after_hours_phone") or ""}


def attempts(store: Store, item_id: str) -> int:
    key = s10.normalise(item_id)
    return int(store.scalar("SELECT (SELECT COUNT(*) FROM item_events WHERE item_id = ? AND kind = 'delivery_failed') + "
                            "(SELECT COUNT(*) FROM inbound_events WHERE item_id = ? AND kind = 'delivery_failed')",
                            (key, key)) or 0)
