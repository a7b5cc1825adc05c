"""Bags (túi KT1): opened for a destination, scanned full, sealed with a numbered seal, labelled.

A bag's list of items is its manifest (bảng kê, ``services.manifests``): the one
that goes into the bag and that the destination checks the bag against. So the
manifest's rules hold for bags too — an item is on one open manifest, hence in
one open bag, at most; closing the bag closes its manifest and the schema
refuses any later change. An item scanned into a bag that sat on an open daily
manifest moves to the bag's.

The destination is a province (as the recipients' provinces are written) or
this office's own code, which stands for its province (local delivery). Every
item must go there. A second scan of an item already in the bag says so and
adds nothing; an item in another open bag is refused, naming that bag.

A bag's id — ``T-<office>-<counter>-<YYYYMMDD>-<NNN>`` — is barcoded on its
label; the office code keeps it unique at the destination, the counter code
between counters working offline.
"""

from __future__ import annotations

import re
from datetime import datetime

from .. import clock, s10
from ..errors import Kt1Error
from ..formats import moment
from ..services import manifests, office, settings
from ..services.numbering import next_id
from ..services.users import require_role
from ..storage import Store, User
from ..text import fold, nfc
from . import states

ANYONE = ("clerk", "supervisor", "admin")
_SEAL = re.compile(r"^[A-Z0-9][A-Z0-9./-]{2,29}$")
BAG_STATUSES = {
    "open": {"vi": "Đang mở", "en": "Open"},
    "closed": {"vi": "Đã niêm phong", "en": "Sealed"},
    "dispatched": {"vi": "Đã giao chuyến thư", "en": "Dispatched"},
    "received": {"vi": "Đã nhận ở nơi đến", "en": "Received"},
}
BAG_SQL = ("SELECT b.*, (SELECT COUNT(*) FROM manifest_items mi WHERE mi.manifest_id = b.manifest_id) AS items, "
            "ou.full_name AS opened_by_name, cu.full_name AS closed_by_name FROM bags b "
            "LEFT JOIN users ou ON ou.id = b.opened_by LEFT JOIN users cu ON cu.id = b.closed_by")


# -- destinations ----------------------------------------------------------------------------------

def destinations(store: Store) -> list[str]:
    """The provinces items can go to (this office's first), as the directory writes them."""
    home = office.get_office(store)["province"]
    names = {fold(home): home}
    for row in store.all("SELECT DISTINCT province FROM agencies ORDER BY province"):
        names.setdefault(fold(row["province"]), row["province"])
    return [home] + sorted((n for k, n in names.items() if k != fold(home)), key=fold)


def resolve_destination(store: Store, text: str) -> tuple[str, str]:
    """(name shown, province the items must go to) for a province or this office's code."""
    wanted = nfc(text)
    here = office.get_office(store)
    if not wanted:
        raise Kt1Error("required", "destination", label={"vi": "Nơi đến", "en": "Destination"})
    if wanted.upper() == here["code"]:
        return here["code"], here["province"]
    for name in destinations(store):
        if fold(name) == fold(wanted):
            return name, name
    raise Kt1Error("unknown_destination", "destination", value=wanted, code=here["code"])


# -- reading ---------------------------------------------------------------------------------------

def get_bag(store: Store, bag_id: str, *, rows: bool = False) -> dict:
    bag = store.one(BAG_SQL + " WHERE b.id = ?", (normalise_id(bag_id),))
    if bag is None:
        raise Kt1Error("bag_not_found", "bag", value=bag_id)
    if rows:
        bag["rows"] = manifests.get_manifest(store, bag["manifest_id"])["rows"]
    return bag


def list_bags(store: Store, *, status: str | tuple[str, ...] | None = None, limit: int = 200) -> list[dict]:
    """Newest first."""
    statuses = (status,) if isinstance(status, str) else status
    where = f" WHERE b.status IN ({', '.join('?' for _ in statuses)})" if statuses else ""
    return store.all(BAG_SQL + where + " ORDER BY b.opened_at DESC, b.id DESC LIMIT ?",
                     list(statuses or ()) + [limit])


def destination_text(bag: dict, here: dict) -> str:
    """The destination as people read it: this office's code stands for its own delivery."""
    if bag["destination"] == here["code"]:
        return f"{here['name']} ({here['code']})"
    return bag["destination"]


def normalise_id(bag_id: str) -> str:
    return nfc(bag_id).upper().replace(" ", "")


def _when(text: str | None) -> str:
    return moment(clock.parse_iso(text)) if text else ""


def _must_be_open(bag: dict) -> None:
    if bag["status"] != "open":
        raise Kt1Error("bag_sealed", "bag", id=bag["id"], seal=bag["seal_no"], when=_when(bag["closed_at"]),
                       status=BAG_STATUSES[bag["status"]])


def _open_in_tx(tx, bag: dict) -> None:
    status = tx.execute("SELECT status FROM bags WHERE id = ?", (bag["id"],)).fetchone()[0]
    if status != "open":
        _must_be_open(get_bag(tx.store, bag["id"]))


# -- changing --------------------------------------------------------------------------------------

def open_bag(store: Store, actor: User, destination: str, *, counter: str | None = None) -> dict:
    require_role(actor, *ANYONE)
    shown, province = resolve_destination(store, destination)
    counter_row = office.get_counter(store, counter)
    here = office.get_office(store)
    with store.write(actor, "bag.open") as tx:
        day = clock.to_vn(tx.now).date()
        bag_id = next_id(tx, "bags", f"T-{here['code']}-{counter_row['code']}-{day:%Y%m%d}-")
        manifest_id = manifests.create_in(tx, actor, day, province, counter_row["code"])
        tx.execute("INSERT INTO bags (id, origin, destination, destination_fold, manifest_id, opened_at, opened_by) "
                   "VALUES (?, ?, ?, ?, ?, ?, ?)",
                   (bag_id, here["code"], shown, fold(province), manifest_id, clock.iso(tx.now), actor.id))
        tx.record("bag", bag_id, event="opened", destination=shown, manifest=manifest_id)
    return get_bag(store, bag_id)


def _bag_holding(tx, item_id: str) -> str | None:
    row = tx.execute("SELECT b.id FROM manifest_items mi JOIN bags b ON b.manifest_id = mi.manifest_id "
                     "WHERE mi.item_id = ? AND mi.is_open = 1", (item_id,)).fetchone()
    return row[0] if row else None


def add_items(store: Store, actor: User, bag_id: str, item_ids, *, counter: str | None = None) -> dict:
    """Scan items into an open bag, all or nothing. Returns {'added': [...], 'already': [...]}: an item
    scanned again is listed under 'already' and nothing is added for it."""
    require_role(actor, *ANYONE)
    bag = get_bag(store, bag_id)
    _must_be_open(bag)
    ids = list(dict.fromkeys(s10.parse(raw) for raw in item_ids))
    counter_id = office.get_counter(store, counter)["id"]
    added, already = [], []
    with store.write(actor, "bag.add") as tx:
        _open_in_tx(tx, bag)
        for item_id in ids:
            row = tx.execute("SELECT status, recipient_province FROM items WHERE id = ?", (item_id,)).fetchone()
            if row is None:
                raise Kt1Error("item_not_found", "id", value=item_id)
            status, province = row
            if status == "bagged":
                holder = _bag_holding(tx, item_id)
                if holder == bag["id"]:
                    already.append(item_id)
                    continue
                if holder:
                    raise Kt1Error("item_in_other_bag", "id", item=item_id, bag=holder)
            states.check(item_id, status, "bag")
            if fold(province) != bag["destination_fold"]:
                raise Kt1Error("item_wrong_bag", "id", item=item_id, province=province,
                               destination=bag["destination"])
            moved_from = manifests.release_open(tx, item_id)
            states.move(tx, item_id, "bag", actor=actor, counter_id=counter_id,
                        details={"bag": bag["id"]} | ({"from_manifest": moved_from} if moved_from else {}))
            added.append(item_id)
        manifests.append_in(tx, bag["manifest_id"], added)
        if added:
            tx.record("bag", bag["id"], event="items_added", items=added)
    return {"bag": bag["id"], "added": added, "already": already}


def remove_items(store: Store, actor: User, bag_id: str, item_ids, *, counter: str | None = None) -> list[str]:
    """Take items out of an open bag (a wrong scan); they are accepted again, ready for another bag."""
    require_role(actor, *ANYONE)
    bag = get_bag(store, bag_id)
    _must_be_open(bag)
    ids = list(dict.fromkeys(s10.normalise(raw) for raw in item_ids))
    counter_id = office.get_counter(store, counter)["id"]
    with store.write(actor, "bag.remove") as tx:
        _open_in_tx(tx, bag)
        manifests.remove_in(tx, bag["manifest_id"], ids)
        for item_id in ids:
            states.move(tx, item_id, "unbag", actor=actor, counter_id=counter_id, details={"bag": bag["id"]})
        tx.record("bag", bag["id"], event="items_removed", items=ids)
    return ids


def close_bag(store: Store, actor: User, bag_id: str, *, seal_no: str) -> dict:
    """Seal an open bag with its seal number; its manifest closes with it and neither can change again."""
    require_role(actor, *ANYONE)
    bag = get_bag(store, bag_id)
    _must_be_open(bag)
    seal = nfc(seal_no).upper()
    if not _SEAL.match(seal):
        raise Kt1Error("seal_no", "seal_no", value=seal_no)
    used = store.scalar("SELECT id FROM bags WHERE seal_no = ?", (seal,))
    if used:
        raise Kt1Error("seal_used", "seal_no", seal=seal, bag=used)
    if not bag["items"]:
        raise Kt1Error("bag_empty", "bag", id=bag["id"])
    with store.write(actor, "bag.close") as tx:
        _open_in_tx(tx, bag)
        count = tx.execute("SELECT COUNT(*) FROM manifest_items WHERE manifest_id = ?",
                           (bag["manifest_id"],)).fetchone()[0]
        manifests.close_in(tx, actor, bag["manifest_id"], count)
        tx.execute("UPDATE bags SET status = 'closed', seal_no = ?, closed_at = ?, closed_by = ? WHERE id = ?",
                   (seal, clock.iso(tx.now), actor.id, bag["id"]))
        tx.record("bag", bag["id"], event="closed", seal=seal, items=count)
    return get_bag(store, bag["id"])


# -- secret items first ----------------------------------------------------------------------------

def secret_queue(store: Store, now: datetime | None = None) -> list[dict]:
    """Secret items not yet handed over, oldest first, with the minutes they have waited and whether that is
    past the office's threshold (setting ``secret_wait_minutes``) — they leave at once in a dedicated vehicle."""
    now = now or clock.now()
    limit = settings.get(store, "secret_wait_minutes", now.date())
    rows = store.all(
        "SELECT i.id, i.secrecy, i.hoa_toc, i.recipient_code, i.recipient_name, i.recipient_province, "
        "i.accepted_at, i.status, (SELECT b.id FROM manifest_items mi JOIN bags b ON b.manifest_id = mi.manifest_id "
        "WHERE mi.item_id = i.id AND b.status IN ('open', 'closed') LIMIT 1) AS bag_id "
        "FROM items i WHERE i.immediate_dispatch = 1 AND i.status IN ('accepted', 'bagged') ORDER BY i.accepted_at")
    for row in rows:
        row["minutes"] = max(0, int((now - clock.parse_iso(row["accepted_at"])).total_seconds() // 60))
        row["late"] = row["minutes"] >= limit
    return rows
