"""Voids and corrections: a supervisor's, always with a reason, the old record kept.

A voided item stays in the records under its id, marked voided, forever; ids
only ever move forward in a counter's serial block, so it is never issued again.
A correction changes what was typed wrong (weight, pieces, kind, sender,
recipient) while the item is still at the counter, prices it again from the
tariff of its acceptance day, and leaves an event that names the reason and
holds every old and new value — the item's first record stays as it was read.

Money: while the item's own shift is open, that shift's running totals follow
the change. Once that shift is closed (its Z cannot change), the difference is
booked in the supervisor's current shift as an adjustment, so each total still
adds up to its items.
"""

from __future__ import annotations

from .. import clock
from ..errors import FieldErrors, Kt1Error
from ..services import intake, manifests, office
from ..services.items import get_item
from ..services.users import require_role
from ..storage import Store, User
from ..text import fold
from . import shifts, states
from .common import required_text

SUPERVISORS = ("supervisor", "admin")
# What a correction may change, and what follows from it.
CORRECTABLE = ("sender", "recipient", "kind", "weight_g", "pieces")
_RECOMPUTED = ("sender_id", "sender_code", "sender_name", "recipient_id", "recipient_code", "recipient_name",
               "recipient_address", "recipient_province", "kind", "weight_g", "pieces", "scope", "deadline",
               "deadline_rule", "fee_vnd", "vat_rate_bp", "vat_vnd", "free_reason", "tariff_id", "payment")


def paid(item: dict) -> int:
    """What the payer pays for the item: the fee before VAT and the VAT."""
    return item["fee_vnd"] + (item.get("vat_vnd") or 0)


def _adjust(tx, item: dict, old: tuple[str, int], new: tuple[str, int]) -> list[dict]:
    """The money this change moves in the actor's shift: nothing while the item's own shift is still open."""
    if item["shift_id"] and tx.execute("SELECT status FROM shifts WHERE id = ?",
                                       (item["shift_id"],)).fetchone()[0] == "open":
        return []
    (old_payment, old_fee), (new_payment, new_fee) = old, new
    if old_payment == new_payment:
        moves = [{"payment": new_payment, "vnd": new_fee - old_fee}]
    else:
        moves = [{"payment": old_payment, "vnd": -old_fee}, {"payment": new_payment, "vnd": new_fee}]
    return [m for m in moves if m["vnd"]]


def void(store: Store, actor: User, item_id: str, *, reason: str, counter: str | None = None) -> dict:
    require_role(actor, *SUPERVISORS)
    item = get_item(store, item_id)
    states.check(item["id"], item["status"], "void")
    reason = required_text(reason, "reason", "Lý do hủy", "Reason for voiding", max_length=500)
    counter_row = office.get_counter(store, counter)
    fee = paid(item)
    with store.write(actor, "item.void") as tx:
        shift_id = shifts.shift_for(tx, actor, counter_row)
        adjust = _adjust(tx, item, (item["payment"], fee), (item["payment"], 0))
        off = manifests.release_open(tx, item["id"])
        states.move(tx, item["id"], "void", actor=actor, counter_id=counter_row["id"], shift_id=shift_id,
                    details={"reason": reason, "total_vnd": fee, "payment": item["payment"], "adjust": adjust}
                    | ({"from_manifest": off} if off else {}))
    return get_item(store, item["id"])


def correct(store: Store, actor: User, item_id: str, *, reason: str, counter: str | None = None,
            **changes) -> dict:
    """Correct what was typed wrong (keywords of CORRECTABLE); returns the item as it now is."""
    require_role(actor, *SUPERVISORS)
    unknown = set(changes) - set(CORRECTABLE)
    if unknown:
        raise TypeError(f"not correctable: {sorted(unknown)}")
    item = get_item(store, item_id)
    states.check(item["id"], item["status"], "correct")
    listed = store.scalar("SELECT m.id FROM manifest_items mi JOIN manifests m ON m.id = mi.manifest_id "
                          "WHERE mi.item_id = ? AND m.status = 'closed' LIMIT 1", (item["id"],))
    if listed:  # a closed manifest lists it as it was: the schema keeps such an item as it is
        raise Kt1Error("item_on_closed_manifest", "id", item=item["id"], manifest=listed)
    wanted = {"sender": item["sender_code"], "recipient": item["recipient_code"], "kind": item["kind"],
              "weight_g": item["weight_g"], "pieces": item["pieces"]}
    wanted.update({k: v for k, v in changes.items() if v not in (None, "")})
    errors = []
    try:
        reason = required_text(reason, "reason", "Lý do điều chỉnh", "Reason for the correction", max_length=500)
    except Kt1Error as err:
        errors.append(err)
    try:
        q = intake.quote(store, actor, **wanted, secrecy=item["secrecy"], hoa_toc=bool(item["hoa_toc"]),
                         hen_gio_at=item["hen_gio_at"], accepted_at=item["accepted_at"], history=True)
    except FieldErrors as err:
        errors = err.errors + errors
    if errors:  # every field that is wrong is named at once
        raise FieldErrors(errors)
    new = {
        "sender_id": q.sender["id"], "sender_code": q.sender["code"], "sender_name": q.sender["name"],
        "recipient_id": q.recipient["id"], "recipient_code": q.recipient["code"],
        "recipient_name": q.recipient["name"], "recipient_address": q.recipient.get("address") or "",
        "recipient_province": q.recipient["province"], "kind": q.kind, "weight_g": q.weight_g, "pieces": q.pieces,
        "scope": q.scope,
        # The deadline moves only with the scope: a later edit of the calendar does not shift it.
        "deadline": clock.iso(q.deadline) if q.scope != item["scope"] else item["deadline"],
        "deadline_rule": q.deadline_rule if q.scope != item["scope"] else item["deadline_rule"],
        "fee_vnd": q.fee.net, "vat_rate_bp": q.fee.vat_rate_bp, "vat_vnd": q.fee.vat,
        "free_reason": q.fee.free_reason, "tariff_id": q.fee.tariff_id,
        "payment": "free" if q.fee.free_reason else q.sender.get("billing") or "cash",
    }
    before = {k: item[k] for k in _RECOMPUTED if item[k] != new[k]}
    after = {k: new[k] for k in before}
    if not before:
        raise Kt1Error("nothing_to_correct", "id", item=item["id"])
    counter_row = office.get_counter(store, counter)
    with store.write(actor, "item.correct") as tx:
        states.check(item["id"], states.current_status(tx, item["id"]), "correct")
        shift_id = shifts.shift_for(tx, actor, counter_row)
        adjust = _adjust(tx, item, (item["payment"], paid(item)), (new["payment"], paid(new)))
        tx.execute(f"UPDATE items SET {', '.join(f'{k} = ?' for k in after)} WHERE id = ?",
                   list(after.values()) + [item["id"]])
        rowid = tx.execute("SELECT rowid FROM items WHERE id = ?", (item["id"],)).fetchone()[0]
        old_text, new_text = intake.search_text(item), intake.search_text(item | new)
        if old_text != new_text:
            tx.execute("INSERT INTO items_fts (items_fts, rowid, text) VALUES ('delete', ?, ?)", (rowid, old_text))
            tx.execute("INSERT INTO items_fts (rowid, text) VALUES (?, ?)", (rowid, new_text))
        off = None
        if fold(new["recipient_province"]) != fold(item["recipient_province"]):
            off = manifests.release_open(tx, item["id"])
        states.move(tx, item["id"], "correct", actor=actor, counter_id=counter_row["id"], shift_id=shift_id,
                    details={"reason": reason, "before": before, "after": after, "adjust": adjust}
                    | ({"from_manifest": off} if off else {}))
    return get_item(store, item["id"])
