"""Daily manifests (bảng kê): the list that travels with the mail to one destination.

Destination = the recipient's PROVINCE. A manifest goes into the bag that a
dispatch carries to one destination post office; for KT1 outside the three
central hubs that is the provincial post office of the recipient's province,
which then delivers to the agency (and items for our own province go on the
manifest of our own province, for local delivery). Grouping by agency would
give dozens of one-line manifests per day and does not match how bags are
made up. Provinces are compared folded ("Dak Lak" = "Đắk Lắk"); the name shown
is the one stored on the items.

One manifest per destination and day while it is open: ``prepare`` puts the
day's items that are on no manifest yet onto the open manifest of their
destination (creating it if need be; after one is closed, later items go on a
new one — the next bag). Rows are numbered 1, 2, 3 … in acceptance order.

A manifest's id (barcoded on its paper) is ``BK-YYYYMMDD-<counter>-NNN``: the
counter code keeps ids distinct between counters that work offline.

Closing (supervisor) makes it immutable — triggers in the schema refuse any
change to a closed manifest or its rows. A correction (supervisor) is a new
manifest that names the old one (``corrects``), with the reason, the old rows
less those removed plus those added; it is closed in its turn. An item can be
on one OPEN manifest only (a partial unique index, checked here first for a
clear message). An item removed by a correction goes on a later manifest with
``add_items``; ``prepare`` only picks items that were never on a manifest.
"""

from __future__ import annotations

import sqlite3
from datetime import date, datetime, time, timedelta

from .. import clock, formats, s10
from ..errors import Kt1Error
from ..storage import Store, User
from ..text import bad_char_error, fold, nfc
from .numbering import next_id
from .office import get_counter
from .users import require_role

ANYONE = ("clerk", "supervisor", "admin")
SUPERVISORS = ("supervisor", "admin")

_ROWS_SQL = (
    "SELECT mi.row_no, i.id, i.sender_code, i.sender_name, i.recipient_code, i.recipient_name, "
    "i.recipient_province, i.kind, i.weight_g, i.pieces, i.secrecy, i.hoa_toc, i.hen_gio_at, i.accepted_at, "
    "i.status FROM manifest_items mi JOIN items i ON i.id = mi.item_id WHERE mi.manifest_id = ? ORDER BY mi.row_no"
)


def _day_range(day: date) -> tuple[str, str]:
    return clock.iso(clock.at(day, time(0))), clock.iso(clock.at(day + timedelta(days=1), time(0)))


def _as_day(day: date | datetime | str) -> date:
    if isinstance(day, datetime):
        return clock.to_vn(day).date()
    if isinstance(day, date):
        return day
    try:
        return clock.parse_date(str(day))
    except ValueError:
        raise Kt1Error("bad_date", "day", label={"vi": "Ngày", "en": "Date"}, value=day) from None


def get_manifest(store: Store, manifest_id: str, *, rows: bool = True) -> dict:
    """The manifest with its rows (items joined), what it corrects and what corrected it."""
    key = nfc(manifest_id).upper()
    manifest = store.one(
        "SELECT m.*, cu.full_name AS created_by_name, ku.full_name AS closed_by_name, "
        "(SELECT n.id FROM manifests n WHERE n.corrects = m.id ORDER BY n.created_at DESC, n.id DESC LIMIT 1) "
        "AS corrected_by, b.id AS bag_id, b.seal_no FROM manifests m LEFT JOIN users cu ON cu.id = m.created_by "
        "LEFT JOIN users ku ON ku.id = m.closed_by LEFT JOIN bags b ON b.manifest_id = m.id WHERE m.id = ?", (key,))
    if manifest is None:
        raise Kt1Error("manifest_not_found", "manifest", value=manifest_id)
    if rows:
        manifest["rows"] = store.all(_ROWS_SQL, (key,))
    return manifest


def for_day(store: Store, day, destination: str | None = None) -> list[dict]:
    """The manifests of a day (all destinations, or one), without rows, by destination then id."""
    d = _as_day(day)
    found = store.all("SELECT id, destination, destination_fold, status, corrects FROM manifests WHERE day = ? "
                      "ORDER BY destination_fold, created_at, id", (d.isoformat(),))
    if destination:
        want = fold(destination)
        found = [m for m in found if m["destination_fold"] == want]
    return found


def unlisted(store: Store, day, destination: str | None = None) -> list[dict]:
    """Accepted items of the day that were never on a manifest, in acceptance order."""
    start, end = _day_range(_as_day(day))
    rows = store.all(
        "SELECT i.id, i.recipient_province, i.accepted_at FROM items i WHERE i.accepted_at >= ? AND i.accepted_at < ? "
        "AND i.status = 'accepted' AND NOT EXISTS (SELECT 1 FROM manifest_items mi WHERE mi.item_id = i.id) "
        "ORDER BY i.accepted_at, i.rowid", (start, end))
    if destination:
        want = fold(destination)
        rows = [r for r in rows if fold(r["recipient_province"]) == want]
    return rows


def _new_id(tx, day: date, counter_code: str) -> str:
    return next_id(tx, "manifests", f"BK-{day:%Y%m%d}-{counter_code}-")


def _create(tx, actor: User, day: date, destination: str, counter_code: str, *, corrects: str | None = None,
            reason: str = "") -> str:
    manifest_id = _new_id(tx, day, counter_code)
    tx.execute(
        "INSERT INTO manifests (id, day, destination, destination_fold, status, corrects, reason, created_at, "
        "created_by) VALUES (?, ?, ?, ?, 'open', ?, ?, ?, ?)",
        (manifest_id, day.isoformat(), nfc(destination), fold(destination), corrects, nfc(reason),
         clock.iso(tx.now), actor.id))
    tx.record("manifest", manifest_id, event="created", day=day.isoformat(), destination=nfc(destination),
              corrects=corrects, reason=nfc(reason))
    return manifest_id


def _append(tx, manifest_id: str, item_ids: list[str]) -> None:
    if not item_ids:
        return
    start = tx.execute("SELECT COALESCE(MAX(row_no), 0) FROM manifest_items WHERE manifest_id = ?",
                       (manifest_id,)).fetchone()[0]
    try:
        tx.execute("SAVEPOINT manifest_append")
        tx.store.conn.executemany(
            "INSERT INTO manifest_items (manifest_id, row_no, item_id, is_open) VALUES (?, ?, ?, 1)",
            [(manifest_id, start + k, item_id) for k, item_id in enumerate(item_ids, 1)])
        tx.execute("RELEASE manifest_append")
    except sqlite3.IntegrityError:  # raced with another writer: say which item
        tx.execute("ROLLBACK TO manifest_append")
        tx.execute("RELEASE manifest_append")
        _check_not_open(tx, item_ids, manifest_id)
        raise
    tx.record("manifest", manifest_id, event="items_added", items=item_ids)


def _check_not_open(tx, item_ids: list[str], except_manifest: str | None = None) -> None:
    for item_id in item_ids:
        row = tx.execute("SELECT manifest_id FROM manifest_items WHERE item_id = ? AND is_open = 1",
                         (item_id,)).fetchone()
        if row and row[0] != except_manifest:
            raise Kt1Error("item_on_open_manifest", "items", item=item_id, manifest=row[0])


def prepare(store: Store, actor: User, day, destination: str | None = None, *,
            counter: str | None = None) -> list[str]:
    """Put the day's items that are on no manifest yet onto the open manifest of their destination.

    Returns the ids of every manifest of that day (for ``destination`` only when given), old and new,
    ordered by destination. Raises Kt1Error('manifest_nothing') when there is nothing to list at all.
    """
    require_role(actor, *ANYONE)
    d = _as_day(day)
    todo: dict[str, list[dict]] = {}
    for row in unlisted(store, d, destination):
        todo.setdefault(fold(row["recipient_province"]), []).append(row)
    if todo:
        counter_code = get_counter(store, counter)["code"]
        with store.write(actor, "manifest.prepare") as tx:
            for key, rows in todo.items():
                found = tx.execute("SELECT id FROM manifests WHERE day = ? AND destination_fold = ? AND "
                                   "status = 'open' AND corrects IS NULL AND id NOT IN (SELECT manifest_id FROM bags) "
                                   "ORDER BY created_at, id LIMIT 1",
                                   (d.isoformat(), key)).fetchone()
                manifest_id = found[0] if found else _create(tx, actor, d, rows[0]["recipient_province"],
                                                             counter_code)
                _append(tx, manifest_id, [r["id"] for r in rows])
    ids = [m["id"] for m in for_day(store, d, destination)]
    if not ids:
        where = {"vi": f" đi {nfc(destination)}", "en": f" for {nfc(destination)}"} if destination else ""
        raise Kt1Error("manifest_nothing", date=formats.day(d), destination=where)
    return ids


def _not_a_bag(manifest: dict) -> None:
    if manifest["bag_id"]:
        raise Kt1Error("manifest_of_bag", "manifest", id=manifest["id"], bag=manifest["bag_id"])


def _open_manifest(store: Store, manifest_id: str) -> dict:
    manifest = get_manifest(store, manifest_id, rows=False)
    _not_a_bag(manifest)
    if manifest["status"] == "closed":
        raise Kt1Error("manifest_closed", id=manifest["id"], when=formats.moment(clock.parse_iso(manifest["closed_at"])))
    return manifest


def _checked_items(store: Store, manifest: dict, item_ids) -> list[str]:
    out = []
    for raw in item_ids:
        item = store.one("SELECT id, status, recipient_province FROM items WHERE id = ?", (s10.normalise(raw),))
        if item is None:
            raise Kt1Error("item_not_found", "items", value=raw)
        if item["status"] != "accepted":
            raise Kt1Error("item_not_accepted", "items", item=item["id"], status=item["status"])
        if fold(item["recipient_province"]) != manifest["destination_fold"]:
            raise Kt1Error("item_wrong_destination", "items", item=item["id"], province=item["recipient_province"],
                           destination=manifest["destination"])
        if item["id"] not in out:
            out.append(item["id"])
    return out


def add_items(store: Store, actor: User, manifest_id: str, item_ids) -> None:
    """Add items to an OPEN manifest (each must be on no other open manifest)."""
    require_role(actor, *ANYONE)
    manifest = _open_manifest(store, manifest_id)
    ids = _checked_items(store, manifest, item_ids)
    with store.write(actor, "manifest.add") as tx:
        _check_not_open(tx, ids, except_manifest=None)
        _append(tx, manifest["id"], ids)


def remove_items(store: Store, actor: User, manifest_id: str, item_ids) -> None:
    """Take items off an OPEN manifest; the rows left are numbered again 1, 2, 3 …"""
    require_role(actor, *ANYONE)
    manifest = _open_manifest(store, manifest_id)
    keys = [s10.normalise(i) for i in item_ids]
    with store.write(actor, "manifest.remove") as tx:
        remove_in(tx, manifest["id"], keys)


def _renumber(tx, manifest_id: str) -> None:
    left = [r[0] for r in tx.execute("SELECT item_id FROM manifest_items WHERE manifest_id = ? ORDER BY row_no",
                                     (manifest_id,)).fetchall()]
    tx.execute("DELETE FROM manifest_items WHERE manifest_id = ?", (manifest_id,))
    tx.store.conn.executemany("INSERT INTO manifest_items (manifest_id, row_no, item_id, is_open) VALUES (?, ?, ?, 1)",
                              [(manifest_id, k, item_id) for k, item_id in enumerate(left, 1)])


def close(store: Store, actor: User, manifest_id: str) -> dict:
    """Close a manifest (supervisor): from now on nothing about it can change."""
    require_role(actor, *SUPERVISORS)
    manifest = _open_manifest(store, manifest_id)
    count = store.scalar("SELECT COUNT(*) FROM manifest_items WHERE manifest_id = ?", (manifest["id"],))
    if not count:
        raise Kt1Error("manifest_close_empty", id=manifest["id"])
    with store.write(actor, "manifest.close") as tx:
        close_in(tx, actor, manifest["id"], count)
    return get_manifest(store, manifest["id"])


def correct(store: Store, actor: User, manifest_id: str, *, reason: str, add=(), remove=(),
            counter: str | None = None) -> str:
    """A correcting manifest for a CLOSED one (supervisor): its rows less ``remove`` plus ``add``.

    The new manifest names the old one and the reason; it is open until a supervisor closes it.
    """
    require_role(actor, *SUPERVISORS)
    old = get_manifest(store, manifest_id)
    _not_a_bag(old)
    if old["status"] != "closed":
        raise Kt1Error("manifest_open_correct", id=old["id"])
    if old["corrected_by"]:
        raise Kt1Error("manifest_corrected", id=old["id"], newer=old["corrected_by"])
    reason_label = {"vi": "Lý do điều chỉnh", "en": "Reason for the correction"}
    hidden = bad_char_error(reason, "reason", reason_label)
    if hidden:
        raise hidden
    if not nfc(reason):
        raise Kt1Error("required", "reason", label=reason_label)
    present = [r["id"] for r in old["rows"]]
    removed = [s10.normalise(i) for i in remove]
    for key in removed:
        if key not in present:
            raise Kt1Error("item_not_on_manifest", "items", item=key, id=old["id"])
    added = [i for i in _checked_items(store, old, add) if i not in present]
    keep = [i for i in present if i not in removed] + added
    counter_code = get_counter(store, counter)["code"]
    with store.write(actor, "manifest.correct") as tx:
        _check_not_open(tx, keep)
        new_id = _create(tx, actor, date.fromisoformat(old["day"]), old["destination"], counter_code,
                         corrects=old["id"], reason=reason)
        _append(tx, new_id, keep)
        tx.record("manifest", old["id"], event="corrected", by=new_id, added=added, removed=removed)
    return new_id



# -- inside another service's write: a bag's list of items is its manifest (kt1desk.life.bags) ------------

def create_in(tx, actor: User, day: date, destination: str, counter_code: str) -> str:
    """A new open manifest for ``destination`` (a province), inside the caller's write."""
    return _create(tx, actor, day, destination, counter_code)


def append_in(tx, manifest_id: str, item_ids: list[str]) -> None:
    """Rows at the end of an open manifest; an item already on another open manifest is refused."""
    _append(tx, manifest_id, item_ids)


def remove_in(tx, manifest_id: str, item_ids: list[str]) -> None:
    """Take items off an open manifest; the rows left are numbered again 1, 2, 3 …"""
    for key in item_ids:
        if tx.execute("DELETE FROM manifest_items WHERE manifest_id = ? AND item_id = ?",
                      (manifest_id, key)).rowcount == 0:
            raise Kt1Error("item_not_on_manifest", "items", item=key, id=manifest_id)
    _renumber(tx, manifest_id)
    tx.record("manifest", manifest_id, event="items_removed", items=item_ids)


def close_in(tx, actor: User, manifest_id: str, count: int) -> None:
    """Close an open manifest of ``count`` rows: from now on the schema refuses any change to it."""
    tx.execute("UPDATE manifest_items SET is_open = 0 WHERE manifest_id = ?", (manifest_id,))
    tx.execute("UPDATE manifests SET status = 'closed', closed_at = ?, closed_by = ? WHERE id = ?",
               (clock.iso(tx.now), actor.id, manifest_id))
    tx.record("manifest", manifest_id, event="closed", items=count)


def release_open(tx, item_id: str) -> str | None:
    """Take an item off the open daily manifest (not a bag's) it is listed on, if any: it is going into a bag,
    and the bag's manifest is what travels with it. Returns that manifest's id."""
    row = tx.execute("SELECT mi.manifest_id FROM manifest_items mi WHERE mi.item_id = ? AND mi.is_open = 1 "
                     "AND mi.manifest_id NOT IN (SELECT manifest_id FROM bags)", (item_id,)).fetchone()
    if row is None:
        return None
    remove_in(tx, row[0], [item_id])
    return row[0]
