"""Dispatches (chuyến thư): sealed bags handed over to a vehicle, signed by the one who takes them.

A dispatch records both sides' names, the vehicle, the time of the hand-over
and the receiver's signature — the name typed by the receiver, and a picture
from a signature pad where one is attached. Its bags and their items move to
"dispatched" in the same write; the dispatch itself never changes afterwards.
Its id, ``CT-<office>-<counter>-<YYYYMMDD>-<NN>``, is unique at the
destination as bag ids are.
"""

from __future__ import annotations

from .. import clock
from ..errors import Kt1Error
from ..services import office
from ..services.numbering import next_id
from ..services.users import require_role
from ..storage import Store, User
from ..text import nfc
from . import bags, states
from .common import keep_signature, moment_given, required_text, typed_signature

ANYONE = ("clerk", "supervisor", "admin")


def create(store: Store, actor: User, bag_ids, *, vehicle: str, receiver: str, signature: str | None = None,
           handed_by: str | None = None, at=None, signature_png: bytes | None = None,
           counter: str | None = None) -> dict:
    """Hand sealed bags over to a vehicle. ``signature`` is the receiver's typed name (their name when not
    given); ``at`` the time of the hand-over when it is not now."""
    require_role(actor, *ANYONE)
    wanted = list(dict.fromkeys(bags.normalise_id(b) for b in bag_ids if nfc(b)))
    if not wanted:
        raise Kt1Error("required", "bags", label={"vi": "Túi", "en": "Bags"})
    found = [bags.get_bag(store, b) for b in wanted]
    for bag in found:
        _must_be_sealed(bag)
    vehicle = required_text(vehicle, "vehicle", "Xe / phương tiện", "Vehicle")
    receiver = required_text(receiver, "receiver", "Người nhận chuyến thư", "Receiver")
    handed_by = required_text(handed_by or actor.full_name, "handed_by", "Người giao", "Handed over by")
    typed = typed_signature(receiver, signature, "signature")
    latest = max(clock.parse_iso(b["closed_at"]) for b in found)
    when = moment_given(at, "at", "Thời điểm giao", "Hand-over time", not_before=latest)
    counter_row = office.get_counter(store, counter)
    here = office.get_office(store)
    with store.write(actor, "dispatch.create") as tx:
        handed_at = when or tx.now
        day = clock.to_vn(tx.now).date()
        dispatch_id = next_id(tx, "dispatches", f"CT-{here['code']}-{counter_row['code']}-{day:%Y%m%d}-", 2)
        tx.execute(
            "INSERT INTO dispatches (id, origin, vehicle, handed_at, handed_by, handed_by_name, receiver_name, "
            "receiver_signature, receiver_signature_image, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (dispatch_id, here["code"], vehicle, clock.iso(handed_at), actor.id, handed_by, receiver, typed,
             keep_signature(tx, signature_png), clock.iso(tx.now)))
        count = 0
        for bag in found:
            status = tx.execute("SELECT status FROM bags WHERE id = ?", (bag["id"],)).fetchone()[0]
            if status != "closed":
                _must_be_sealed(bags.get_bag(store, bag["id"]))
            tx.execute("UPDATE bags SET status = 'dispatched', dispatch_id = ? WHERE id = ?", (dispatch_id, bag["id"]))
            for (item_id,) in tx.execute("SELECT item_id FROM manifest_items WHERE manifest_id = ? ORDER BY row_no",
                                         (bag["manifest_id"],)).fetchall():
                states.move(tx, item_id, "dispatch", actor=actor, counter_id=counter_row["id"], at=handed_at,
                            details={"dispatch": dispatch_id, "bag": bag["id"]})
                count += 1
        tx.record("dispatch", dispatch_id, event="handed_over", bags=wanted, items=count, vehicle=vehicle,
                  receiver=receiver)
    return get_dispatch(store, dispatch_id)


def _must_be_sealed(bag: dict) -> None:
    if bag["status"] == "open":
        raise Kt1Error("bag_not_sealed", "bags", id=bag["id"])
    if bag["status"] != "closed":
        raise Kt1Error("bag_dispatched", "bags", id=bag["id"], dispatch=bag["dispatch_id"])


def get_dispatch(store: Store, dispatch_id: str) -> dict:
    key = bags.normalise_id(dispatch_id)
    row = store.one("SELECT d.*, u.login AS handed_by_login FROM dispatches d JOIN users u ON u.id = d.handed_by "
                    "WHERE d.id = ?", (key,))
    if row is None:
        raise Kt1Error("dispatch_not_found", "dispatch", value=dispatch_id)
    row["bags"] = store.all(bags.BAG_SQL + " WHERE b.dispatch_id = ? ORDER BY b.id", (key,))
    return row


def list_dispatches(store: Store, *, limit: int = 100) -> list[dict]:
    """Newest first, with how many bags and items each carried."""
    return store.all(
        "SELECT d.id, d.vehicle, d.handed_at, d.handed_by_name, d.receiver_name, COUNT(DISTINCT b.id) AS bags, "
        "COUNT(mi.item_id) AS items FROM dispatches d LEFT JOIN bags b ON b.dispatch_id = d.id "
        "LEFT JOIN manifest_items mi ON mi.manifest_id = b.manifest_id GROUP BY d.id "
        "ORDER BY d.handed_at DESC, d.id DESC LIMIT ?", (limit,))
