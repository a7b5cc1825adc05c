"""A dispatch carried to the office that receives it: one signed bundle out, checked and stored at the other end.

The sending counter writes the dispatch, its bags for one destination (with their
seal numbers) and each bag's manifest rows into a ``dispatch`` bundle — the same
signed, self-contained ``.kt1b`` file as sync (docs/bundle-format.md) — signed by
the counter's own Ed25519 key. Each item travels with what the destination needs
to deliver it and nothing more: its id, kind, weight, pieces, secrecy letter and
marks, sender and recipient (code, name, address, province), when it was
accepted, its deadline and scope. Never a fee, a clerk, or anything of what is
inside.

The destination (``import_bundle``) believes the file only when its signature
verifies against a counter key it trusts (``kt1desk.sync.peers``), it is
addressed to this office's province (and, for a bag of local delivery, to this
office), and nothing in it collides with what this office holds. Anything else
is refused with a clear message and nothing is written; importing the same
dispatch again changes nothing. What it stores (``inbound_*``, schema 0008) is
then received against its manifest like a local bag (``arrival``), and its
items are delivered, failed and returned here (``delivery``).
"""

from __future__ import annotations

import json
from pathlib import Path

from .. import clock, s10
from ..errors import Kt1Error
from ..services import office
from ..services.users import require_role
from ..storage import Store, User
from ..sync import bundle
from ..sync.changelog import set_origin
from ..sync.keys import counter_key, identity
from ..text import fold, nfc
from . import dispatches

ANYONE = ("clerk", "supervisor", "admin")
KIND = "dispatch"
# What an item carries to the destination: its envelope, never a fee, a clerk or its contents.
ITEM_FIELDS = ("id", "kind", "weight_g", "pieces", "secrecy", "hoa_toc", "hen_gio_at", "sender_code", "sender_name",
               "sender_address", "sender_province", "recipient_code", "recipient_name", "recipient_address",
               "recipient_province", "accepted_at", "deadline", "scope")
BAG_FIELDS = ("id", "origin", "destination", "destination_fold", "manifest_id", "seal_no", "closed_at")
DISPATCH_FIELDS = ("id", "origin", "vehicle", "handed_at", "handed_by_name", "receiver_name")
MAX_ITEMS = 50_000


def _line(record: dict) -> bytes:
    return json.dumps(record, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode() + b"\n"


# -- the sending office ------------------------------------------------------------------------------

def _destinations(dispatch: dict, here: dict) -> dict[str, dict]:
    """The dispatch's bags by where they go: {(province fold, office or ''): [bags]}."""
    found: dict = {}
    for bag in dispatch["bags"]:
        office_code = here["code"] if bag["destination"] == here["code"] else ""
        found.setdefault((bag["destination_fold"], office_code), []).append(bag)
    return found


def bundle_for(store: Store, dispatch_id: str, destination: str | None = None) -> tuple[bytes, dict]:
    """The signed bundle of ``dispatch_id``'s bags for one destination (the only one, or ``destination``)."""
    dispatch = dispatches.get_dispatch(store, dispatch_id)
    here = office.get_office(store)
    groups = _destinations(dispatch, here)
    if destination:
        wanted = fold(destination)
        keys = ([k for k in groups if k[1] and k[1] == nfc(destination).upper()]
                or sorted((k for k in groups if k[0] == wanted), key=lambda k: k[1] != ""))
        if not keys:
            raise Kt1Error("dispatch_no_bag_for", "destination", id=dispatch["id"], destination=destination,
                           destinations=", ".join(sorted({b["destination"] for b in dispatch["bags"]})))
    else:
        keys = list(groups)
        if len(keys) > 1:
            raise Kt1Error("dispatch_many_destinations", "destination", id=dispatch["id"],
                           destinations=", ".join(sorted({b["destination"] for b in dispatch["bags"]})))
    province, office_code = keys[0]
    chosen = groups[(province, office_code)]
    key = counter_key(store)
    me = identity(store)
    lines = [_line({"t": "dispatch"} | {k: dispatch[k] for k in DISPATCH_FIELDS})]
    count = 0
    for bag in chosen:
        rows = store.all(
            "SELECT mi.row_no, i.*, s.address AS sender_address, s.province AS sender_province FROM manifest_items mi "
            "JOIN items i ON i.id = mi.item_id LEFT JOIN agencies s ON s.id = i.sender_id "
            "WHERE mi.manifest_id = ? ORDER BY mi.row_no", (bag["manifest_id"],))
        lines.append(_line({"t": "bag", "items": len(rows)} | {k: bag[k] for k in BAG_FIELDS}))
        for row in rows:
            lines.append(_line({"t": "item", "bag": bag["id"], "row_no": row["row_no"]}
                               | {k: row[k] if row[k] is not None or k in ("secrecy", "hen_gio_at") else ""
                                  for k in ITEM_FIELDS}))
            count += 1
    manifest = {"kind": KIND, "bundle_id": bundle.new_id(), "created_at": clock.iso(clock.now()),
                "key_id": key.key_id, "destination": province, "destination_office": office_code or None,
                "source": {"counter_uuid": key.counter_uuid, "office": me["office"], "counter": me["counter"],
                           "province": me["province"]},
                "dispatch": dispatch["id"], "bags": len(chosen), "items": count}
    return bundle.write(manifest, b"".join(lines), key.sign), manifest


def file_name(manifest: dict) -> str:
    return f"{manifest['dispatch']}-{manifest['destination'].replace(' ', '-')}.kt1b"


def export(store: Store, dispatch_id: str, out: str | Path, *, destination: str | None = None) -> dict:
    """Write the dispatch's bundle to ``out`` (a file, or a folder such as a USB stick: a named file in it)."""
    data, manifest = bundle_for(store, dispatch_id, destination)
    out = bundle.write_file(out, data, file_name(manifest))
    return {"file": str(out), "dispatch": manifest["dispatch"], "destination": manifest["destination"],
            "bags": manifest["bags"], "items": manifest["items"], "bytes": len(data), "bundle_id": manifest["bundle_id"],
            "key_id": manifest["key_id"]}


def export_all(store: Store, dispatch_id: str, folder: str | Path) -> list[dict]:
    """One bundle per destination of the dispatch, written into ``folder`` (the window's way: a USB stick)."""
    dispatch = dispatches.get_dispatch(store, dispatch_id)
    here = office.get_office(store)
    return [export(store, dispatch["id"], folder, destination=office_code or province)
            for province, office_code in _destinations(dispatch, here)]


# -- the receiving office ----------------------------------------------------------------------------

def _damaged(reason: str):
    return Kt1Error("bundle_damaged", reason=reason)


def _text(record: dict, name: str, *, empty: bool = False, limit: int = 300) -> str:
    value = record.get(name)
    if not isinstance(value, str) or (not empty and not value.strip()) or len(value) > limit:
        raise _damaged(name)
    return nfc(value)


def _moment(record: dict, name: str, *, null: bool = False) -> str | None:
    value = record.get(name)
    if value is None and null:
        return None
    try:
        clock.parse_iso(value)
    except (TypeError, ValueError):
        raise _damaged(name) from None
    return value


def _int(record: dict, name: str, low: int) -> int:
    value = record.get(name)
    if not isinstance(value, int) or isinstance(value, bool) or value < low:
        raise _damaged(name)
    return value


def _item(record: dict) -> dict:
    try:
        item_id = s10.parse(record.get("id") or "")
    except Kt1Error:
        raise _damaged("id") from None
    if record.get("kind") not in ("thu", "goi", "kien") or record.get("scope") not in ("noi-tinh", "lien-tinh") \
            or record.get("secrecy") not in (None, "A", "B", "C") or record.get("hoa_toc") not in (0, 1, True, False):
        raise _damaged("item")
    return {"id": item_id, "kind": record["kind"], "weight_g": _int(record, "weight_g", 1),
            "pieces": _int(record, "pieces", 1), "secrecy": record["secrecy"], "hoa_toc": int(record["hoa_toc"]),
            "hen_gio_at": _moment(record, "hen_gio_at", null=True), "scope": record["scope"],
            "sender_code": _text(record, "sender_code"), "sender_name": _text(record, "sender_name"),
            "sender_address": _text(record, "sender_address", empty=True),
            "sender_province": _text(record, "sender_province", empty=True),
            "recipient_code": _text(record, "recipient_code"), "recipient_name": _text(record, "recipient_name"),
            "recipient_address": _text(record, "recipient_address", empty=True),
            "recipient_province": _text(record, "recipient_province"),
            "accepted_at": _moment(record, "accepted_at"), "deadline": _moment(record, "deadline"),
            "bag": _text(record, "bag"), "row_no": _int(record, "row_no", 1)}


def read_bundle(store: Store, data: bytes) -> tuple[dict, dict, list[dict], list[dict]]:
    """Check a dispatch bundle for this office: (manifest, dispatch, bags, items), or a Kt1Error, nothing written."""
    from ..sync.peers import peer_key

    b = bundle.read(data)
    if b.kind != KIND:
        raise Kt1Error("bundle_wrong_kind", kind=b.kind or "?", expected=KIND)
    m = b.manifest
    peer, public_key = peer_key(store, m.get("key_id"))
    b.verify(public_key)
    source = m.get("source") if isinstance(m.get("source"), dict) else {}
    if (source.get("office") or "").upper() != peer["office"] or source.get("counter_uuid") != peer["counter_uuid"]:
        raise Kt1Error("bundle_wrong_key", key_id=m.get("key_id"))
    here = office.get_office(store)
    if m.get("destination") != fold(here["province"]) or m.get("destination_office") not in (None, here["code"]):
        shown = m.get("destination_office") or m.get("destination") or "?"
        raise Kt1Error("bundle_wrong_destination", destination=shown, here=f"{here['name']} ({here['code']})")
    records = b.lines()
    if len(records) > MAX_ITEMS or not records or not all(isinstance(r, dict) for r in records):
        raise _damaged("lines")
    heads = [r for r in records if r.get("t") == "dispatch"]
    if len(heads) != 1 or heads[0].get("id") != m.get("dispatch"):
        raise _damaged("dispatch")
    head = {k: _text(heads[0], k) for k in DISPATCH_FIELDS if k != "handed_at"} | {
        "handed_at": _moment(heads[0], "handed_at")}
    bag_list = [{k: _text(r, k) for k in BAG_FIELDS if k != "closed_at"}
                | {"closed_at": _moment(r, "closed_at"), "items": _int(r, "items", 0)}
                for r in records if r.get("t") == "bag"]
    item_list = [_item(r) for r in records if r.get("t") == "item"]
    bag_ids = [bg["id"] for bg in bag_list]
    if not bag_list or len(set(bag_ids)) != len(bag_ids) or len({i["id"] for i in item_list}) != len(item_list):
        raise _damaged("bags")
    for bag in bag_list:
        if bag["destination_fold"] != m["destination"] \
                or sum(1 for i in item_list if i["bag"] == bag["id"]) != bag["items"]:
            raise _damaged("bags")
    if any(i["bag"] not in bag_ids for i in item_list) or m.get("bags") != len(bag_list) \
            or m.get("items") != len(item_list):
        raise _damaged("items")
    return m, head | {"origin_office": peer["office"], "origin_counter": peer["counter"]}, bag_list, item_list


def import_bundle(store: Store, actor: User, data: bytes) -> dict:
    """Store what a dispatch bundle announces, all or nothing; the same dispatch twice changes nothing."""
    require_role(actor, *ANYONE)
    m, head, bag_list, item_list = read_bundle(store, data)
    result = {"dispatch": head["id"], "bundle_id": m["bundle_id"], "origin": head["origin_office"],
              "bags": [b["id"] for b in bag_list], "items": len(item_list)}
    held = store.one("SELECT bundle_id, imported_at FROM inbound_dispatches WHERE id = ?", (head["id"],))
    if held:
        return result | {"status": "already_imported", "imported_at": held["imported_at"]}
    if store.scalar("SELECT 1 FROM dispatches WHERE id = ?", (head["id"],)):
        raise Kt1Error("dispatch_is_local", id=head["id"])
    with store.write(actor, "dispatch.import") as tx:
        set_origin(tx, "sync")
        for bag in bag_list:
            if tx.execute("SELECT 1 FROM bags WHERE id = ? UNION ALL SELECT 1 FROM inbound_bags WHERE id = ?",
                          (bag["id"], bag["id"])).fetchone():
                raise Kt1Error("inbound_bag_known", id=bag["id"])
        for item in item_list:
            if tx.execute("SELECT 1 FROM items WHERE id = ?", (item["id"],)).fetchone():
                raise Kt1Error("inbound_item_local", item=item["id"])
            other = tx.execute("SELECT bag_id FROM inbound_items WHERE id = ?", (item["id"],)).fetchone()
            if other:
                raise Kt1Error("inbound_item_known", item=item["id"], bag=other[0])
        tx.execute(
            "INSERT INTO inbound_dispatches (id, bundle_id, key_id, origin_office, origin_counter, origin_uuid, "
            "origin_province, destination, vehicle, handed_at, handed_by_name, receiver_name, created_at, imported_at, "
            "imported_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (head["id"], m["bundle_id"], m["key_id"], head["origin_office"], head["origin_counter"],
             m["source"]["counter_uuid"], str(m["source"].get("province") or ""), m["destination"], head["vehicle"],
             head["handed_at"], head["handed_by_name"], head["receiver_name"], str(m.get("created_at") or ""),
             clock.iso(tx.now), actor.id))
        for bag in bag_list:
            tx.execute("INSERT INTO inbound_bags (id, dispatch_id, origin, destination, destination_fold, manifest_id, "
                       "seal_no, closed_at, items) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                       (bag["id"], head["id"], bag["origin"], bag["destination"], bag["destination_fold"],
                        bag["manifest_id"], bag["seal_no"], bag["closed_at"], bag["items"]))
        columns = ("id", "bag_id", "row_no", "origin_office", "origin_counter") + ITEM_FIELDS[1:]
        tx.store.conn.executemany(
            f"INSERT INTO inbound_items ({', '.join(columns)}) VALUES ({', '.join('?' for _ in columns)})",
            [(i["id"], i["bag"], i["row_no"], head["origin_office"], head["origin_counter"])
             + tuple(i[k] for k in ITEM_FIELDS[1:]) for i in item_list])
        tx.record("inbound_dispatch", head["id"], event="imported", origin=head["origin_office"],
                  bags=result["bags"], items=len(item_list), bundle=m["bundle_id"], key_id=m["key_id"])
    return result | {"status": "imported"}


def import_file(store: Store, actor: User, path) -> dict:
    return import_bundle(store, actor, bundle.read_bytes(path))


def list_inbound(store: Store, *, limit: int = 100) -> list[dict]:
    """Dispatches imported here, newest first, with their bags still to receive."""
    return store.all(
        "SELECT d.id, d.origin_office, d.vehicle, d.handed_at, d.imported_at, COUNT(b.id) AS bags, "
        "SUM(b.status = 'dispatched') AS waiting, SUM(b.items) AS items FROM inbound_dispatches d "
        "JOIN inbound_bags b ON b.dispatch_id = d.id GROUP BY d.id ORDER BY d.imported_at DESC, d.id DESC LIMIT ?",
        (limit,))
