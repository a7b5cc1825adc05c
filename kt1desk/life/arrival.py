"""Receipt at the destination: a bag, or a dispatch's bags, checked item by item against the manifest.

The clerk scans the bag's label (or names the dispatch), then every item taken
out of it. What was listed and scanned is received; listed and not scanned is
missing; scanned and not listed is extra (an item known here and still on its
way is received all the same; one unknown here is recorded by its id alone).
Any may be marked damaged. The receipt record lists every line and is signed
by both sides — names typed, pictures from a signature pad where attached —
and never changes afterwards. Only bags dispatched to this office (its
province) can be received here, and each once.

A bag made at another office is known here from its dispatch bundle
(``transfer``: ``kt1desk dispatch import``): its manifest rows are the
``inbound_items`` it announced, received, missed and then delivered here just
as local ones. A bag neither made here nor imported cannot be checked against
a manifest: import its dispatch's bundle first.
"""

from __future__ import annotations

from .. import clock, s10
from ..errors import Kt1Error
from ..services import office
from ..services.numbering import next_id
from ..services.users import require_role
from ..storage import Store, User
from ..text import fold, nfc
from . import bags, dispatches, states
from .common import keep_signature, required_text, typed_signature

ANYONE = ("clerk", "supervisor", "admin")


def expected(store: Store, target: str) -> dict:
    """What arrives with ``target`` (a bag or a dispatch id) and may be received here: the bags and their rows,
    and who handed it over (the dispatch's receiver). A bag or dispatch that came from another office is
    known from its imported bundle (``inbound``: True).

    Raises a clear Kt1Error for anything that cannot be received here.
    """
    key = bags.normalise_id(target)
    here = office.get_office(store)
    if not key:
        raise Kt1Error("required", "target", label={"vi": "Số hiệu túi hoặc chuyến thư", "en": "Bag or dispatch id"})
    bag = store.one("SELECT id FROM bags WHERE id = ?", (key,))
    if bag:
        found = bags.get_bag(store, key, rows=True)
        _receivable(found, here)
        return {"kind": "bag", "id": found["id"], "dispatch_id": found["dispatch_id"], "bags": [found],
                "inbound": False, "deliverer": _deliverer(store, found["dispatch_id"], False)}
    if store.one("SELECT id FROM inbound_bags WHERE id = ?", (key,)):
        found = _inbound_bag(store, key)
        if found["status"] == "received":
            raise Kt1Error("bag_received", "target", id=found["id"], receipt=found["receipt_id"])
        return {"kind": "bag", "id": found["id"], "dispatch_id": found["dispatch_id"], "bags": [found],
                "inbound": True, "deliverer": _deliverer(store, found["dispatch_id"], True)}
    if store.one("SELECT id FROM inbound_dispatches WHERE id = ?", (key,)):
        ours = [_inbound_bag(store, r["id"]) for r in
                store.all("SELECT id FROM inbound_bags WHERE dispatch_id = ? ORDER BY id", (key,))]
        waiting = [b for b in ours if b["status"] == "dispatched"]
        if not waiting:
            raise Kt1Error("bag_received", "target", id=ours[0]["id"], receipt=ours[0]["receipt_id"])
        return {"kind": "dispatch", "id": key, "dispatch_id": key, "bags": waiting, "inbound": True,
                "deliverer": _deliverer(store, key, True)}
    if not store.one("SELECT id FROM dispatches WHERE id = ?", (key,)):
        raise Kt1Error("nothing_to_receive", "target", value=target)
    dispatch = dispatches.get_dispatch(store, key)
    ours = [b for b in dispatch["bags"] if b["destination_fold"] == fold(here["province"])]
    if not ours:
        raise Kt1Error("dispatch_not_for_us", "target", id=dispatch["id"], office=here["code"])
    waiting = [b for b in ours if b["status"] == "dispatched"]
    if not waiting:
        raise Kt1Error("bag_received", "target", id=ours[0]["id"], receipt=ours[0]["receipt_id"])
    return {"kind": "dispatch", "id": dispatch["id"], "dispatch_id": dispatch["id"],
            "bags": [bags.get_bag(store, b["id"], rows=True) for b in waiting], "inbound": False,
            "deliverer": dispatch["receiver_name"]}


def _inbound_bag(store: Store, bag_id: str) -> dict:
    bag = store.one("SELECT * FROM inbound_bags WHERE id = ?", (bag_id,))
    bag["rows"] = store.all("SELECT id, row_no, recipient_code, recipient_name, sender_name, secrecy, kind, weight_g "
                            "FROM inbound_items WHERE bag_id = ? ORDER BY row_no", (bag_id,))
    return bag


def _deliverer(store: Store, dispatch_id: str | None, inbound: bool) -> str:
    if not dispatch_id:
        return ""
    table = "inbound_dispatches" if inbound else "dispatches"
    return store.scalar(f"SELECT receiver_name FROM {table} WHERE id = ?", (dispatch_id,)) or ""


def _receivable(bag: dict, here: dict) -> None:
    if bag["destination_fold"] != fold(here["province"]):
        raise Kt1Error("bag_not_for_us", "target", id=bag["id"], destination=bag["destination"], office=here["code"])
    if bag["status"] == "received":
        raise Kt1Error("bag_received", "target", id=bag["id"], receipt=bag["receipt_id"])
    if bag["status"] != "dispatched":
        raise Kt1Error("bag_not_dispatched", "target", id=bag["id"], status=bags.BAG_STATUSES[bag["status"]])


def receive(store: Store, actor: User, target: str, item_ids, *, damaged=(), deliverer: str | None = None,
            deliverer_signature: str | None = None, receiver: str | None = None,
            receiver_signature: str | None = None, deliverer_png: bytes | None = None,
            receiver_png: bytes | None = None, note: str = "", counter: str | None = None) -> dict:
    """Receive ``target`` with the items scanned out of it; returns the receipt with its missing and extra."""
    require_role(actor, *ANYONE)
    arriving = expected(store, target)
    scanned = list(dict.fromkeys(s10.parse(raw) for raw in item_ids))
    broken = list(dict.fromkeys(s10.parse(raw) for raw in damaged))
    scanned += [i for i in broken if i not in scanned]
    listed = {row["id"]: bag["id"] for bag in arriving["bags"] for row in bag["rows"]}
    if deliverer is None:
        deliverer = arriving["deliverer"]
    deliverer = required_text(deliverer, "deliverer", "Người giao (bên giao)", "Handed over by")
    receiver = required_text(receiver or actor.full_name, "receiver", "Người nhận (bên nhận)", "Received by")
    deliverer_typed = typed_signature(deliverer, deliverer_signature, "deliverer_signature")
    receiver_typed = typed_signature(receiver, receiver_signature, "receiver_signature")
    counter_row = office.get_counter(store, counter)
    here = office.get_office(store)
    single_bag = arriving["bags"][0]["id"] if arriving["kind"] == "bag" else None
    result = {"received": [], "missing": [], "extra": [], "damaged": broken, "bags": [b["id"] for b in arriving["bags"]]}
    with store.write(actor, "receipt.create") as tx:
        bag_table = "inbound_bags" if arriving["inbound"] else "bags"
        for bag in arriving["bags"]:
            status = tx.execute(f"SELECT status FROM {bag_table} WHERE id = ?", (bag["id"],)).fetchone()[0]
            if status == "received":
                raise Kt1Error("bag_received", "target", id=bag["id"],
                               receipt=tx.execute(f"SELECT receipt_id FROM {bag_table} WHERE id = ?",
                                                  (bag["id"],)).fetchone()[0])
            if status != "dispatched":
                _receivable(bags.get_bag(store, bag["id"]), here)
        day = clock.to_vn(tx.now).date()
        receipt_id = next_id(tx, "receipts", f"NH-{here['code']}-{counter_row['code']}-{day:%Y%m%d}-", 2)
        tx.execute(
            "INSERT INTO receipts (id, dispatch_id, received_at, received_by, receiver_name, receiver_signature, "
            "receiver_signature_image, deliverer_name, deliverer_signature, deliverer_signature_image, note) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (receipt_id, arriving["dispatch_id"], clock.iso(tx.now), actor.id, receiver, receiver_typed,
             keep_signature(tx, receiver_png), deliverer, deliverer_typed, keep_signature(tx, deliverer_png),
             nfc(note)))
        lines = []
        for item_id, bag_id in listed.items():
            hurt = item_id in broken
            if item_id in scanned:
                outcome, action = "received", "receive"
            else:
                outcome, action = "missing", "miss"
            # An item already received (found as an extra in another bag) keeps its state; the line still says
            # what this bag held.
            if states.current_status(tx, item_id) in states.ACTIONS[action].sources:
                states.move(tx, item_id, action, actor=actor, counter_id=counter_row["id"],
                            details={"receipt": receipt_id, "bag": bag_id} | ({"damaged": True} if hurt else {}))
            result[outcome].append(item_id)
            lines.append((receipt_id, item_id, bag_id, outcome, int(hurt)))
        for item_id in scanned:
            if item_id in listed:
                continue
            row = tx.execute("SELECT status FROM items WHERE id = ? UNION ALL "
                             "SELECT status FROM inbound_items WHERE id = ?", (item_id, item_id)).fetchone()
            if row and row[0] in states.ACTIONS["receive"].sources:
                states.move(tx, item_id, "receive", actor=actor, counter_id=counter_row["id"],
                            details={"receipt": receipt_id, "extra": True} | ({"damaged": True} if item_id in broken else {}))
            result["extra"].append(item_id)
            lines.append((receipt_id, item_id, single_bag, "extra", int(item_id in broken)))
        tx.store.conn.executemany("INSERT INTO receipt_lines (receipt_id, item_id, bag_id, outcome, damaged) "
                                  "VALUES (?, ?, ?, ?, ?)", lines)
        for bag in arriving["bags"]:
            tx.execute(f"UPDATE {bag_table} SET status = 'received', receipt_id = ? WHERE id = ?",
                       (receipt_id, bag["id"]))
        tx.record("receipt", receipt_id, event="received", bags=result["bags"], received=len(result["received"]),
                  missing=result["missing"], extra=result["extra"], damaged=broken)
    return {"receipt": receipt_id, "dispatch": arriving["dispatch_id"]} | result


def get_receipt(store: Store, receipt_id: str) -> dict:
    key = bags.normalise_id(receipt_id)
    row = store.one("SELECT r.*, u.login AS received_by_login FROM receipts r JOIN users u ON u.id = r.received_by "
                    "WHERE r.id = ?", (key,))
    if row is None:
        raise Kt1Error("receipt_not_found", "receipt", value=receipt_id)
    row["bags"] = store.all(bags.BAG_SQL + " WHERE b.receipt_id = ? ORDER BY b.id", (key,))
    row["bags"] += store.all("SELECT *, 1 AS inbound FROM inbound_bags WHERE receipt_id = ? ORDER BY id", (key,))
    row["origin"] = store.scalar("SELECT origin_office FROM inbound_dispatches WHERE id = ?", (row["dispatch_id"],))
    row["lines"] = store.all(
        "SELECT l.item_id, l.bag_id, l.outcome, l.damaged, i.sender_name, i.recipient_name, i.kind, i.weight_g, "
        "i.secrecy FROM receipt_lines l LEFT JOIN any_items i ON i.id = l.item_id WHERE l.receipt_id = ? "
        "ORDER BY l.outcome = 'received', l.bag_id, l.item_id", (key,))
    return row


def list_receipts(store: Store, *, limit: int = 100) -> list[dict]:
    return store.all(
        "SELECT r.id, r.dispatch_id, r.received_at, r.receiver_name, r.deliverer_name, "
        "SUM(l.outcome = 'received') AS received, SUM(l.outcome = 'missing') AS missing, "
        "SUM(l.outcome = 'extra') AS extra, SUM(l.damaged) AS damaged FROM receipts r "
        "LEFT JOIN receipt_lines l ON l.receipt_id = r.id GROUP BY r.id ORDER BY r.received_at DESC, r.id DESC LIMIT ?",
        (limit,))
