"""The counter's side of sync: export, push, receipts, status, province bundles, forks.

Delivery is at least once and the province applies idempotently, so the effect is
exactly once. Nothing here marks an entry sent: only a receipt signed by a trusted
province key moves the checkpoint (``sync_peer``), and only forward.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable
from pathlib import Path

from .. import clock
from ..errors import Kt1Error
from . import bundle
from .changelog import head, set_origin
from .keys import counter_key, identity, make_counter_key, province_keys
from .registry import LOGGED

BATCH = 5000  # entries per bundle when pushing: one central transaction each
HTTP_TIMEOUT = 120


# -- where we are -------------------------------------------------------------------

def _peer(store, destination: str, counter_uuid: str) -> dict:
    row = store.one("SELECT * FROM sync_peer WHERE destination = ?", (destination,))
    if row is None or row["counter_uuid"] != counter_uuid:
        return {"destination": destination, "counter_uuid": counter_uuid, "confirmed_seq": 0, "confirmed_hash": "",
                "confirmed_at": None, "last_attempt_at": None, "last_error": row["last_error"] if row else None,
                "url": row["url"] if row else None}
    return row


def status(store) -> dict:
    """Pending entries, what the province last confirmed and when, the last error."""
    me = identity(store)
    top = head(store.conn)
    peer = _peer(store, me["province"], top.counter_uuid)
    applied = store.one("SELECT publication, applied_at FROM sync_applied ORDER BY publication DESC LIMIT 1")
    return {
        "counter_uuid": top.counter_uuid, "office": me["office"], "counter": me["counter"], "key_id": me["key_id"],
        "destination": me["province"], "destination_name": me["province_name"],
        "head_seq": top.seq, "pending": max(0, top.seq - peer["confirmed_seq"]),
        "confirmed_seq": peer["confirmed_seq"], "confirmed_at": peer["confirmed_at"],
        "last_attempt_at": peer["last_attempt_at"], "last_error": peer["last_error"], "url": peer["url"],
        "province_keys": len(province_keys(store)),
        "province_publication": applied["publication"] if applied else None,
        "province_applied_at": applied["applied_at"] if applied else None,
    }


def _note_attempt(store, destination: str, counter_uuid: str, *, error: str | None, url: str | None = None) -> None:
    with store.write(None, "sync.attempt") as tx:
        set_origin(tx, "sync")
        tx.execute(
            "INSERT INTO sync_peer (destination, counter_uuid, last_attempt_at, last_error, url) VALUES (?, ?, ?, ?, ?) "
            "ON CONFLICT (destination) DO UPDATE SET last_attempt_at = excluded.last_attempt_at, "
            "last_error = excluded.last_error, url = COALESCE(excluded.url, sync_peer.url)",
            (destination, counter_uuid, clock.iso(tx.now), error, url))


# -- bundles of changes -------------------------------------------------------------

def changes_bundle(store, first_seq: int, last_seq: int) -> tuple[bytes, dict]:
    """A signed bundle of this counter's entries first_seq..last_seq."""
    key = counter_key(store)
    me = identity(store)
    ident = store.one("SELECT * FROM sync_identity WHERE counter_uuid = ?", (key.counter_uuid,))
    base = ident["base_id"]
    with store._lock:
        rows = store.conn.execute(
            "SELECT seq, at, origin, actor, action, tbl, pk, op, row, prev_hash, hash FROM change_log "
            "WHERE id BETWEEN ? AND ? ORDER BY id", (base + first_seq, base + last_seq)).fetchall()
    if not rows or rows[0][0] != first_seq or rows[-1][0] != last_seq or len(rows) != last_seq - first_seq + 1:
        raise Kt1Error("log_broken", seq=first_seq)
    manifest = {
        "kind": "changes", "bundle_id": bundle.new_id(), "created_at": clock.iso(clock.now()),
        "key_id": key.key_id, "destination": me["province"],
        "source": {"counter_uuid": key.counter_uuid, "office": me["office"], "counter": me["counter"],
                   "predecessor": ident["predecessor"], "fork_seq": ident["fork_seq"]},
        "first_seq": first_seq, "last_seq": last_seq, "count": len(rows),
        "prev_hash": rows[0][9], "head_hash": rows[-1][10],
    }
    data = bundle.write(manifest, b"".join(bundle.entry_line(r) for r in rows), key.sign)
    return data, manifest


def pending_range(store) -> tuple[int, int]:
    me = identity(store)
    top = head(store.conn)
    return _peer(store, me["province"], top.counter_uuid)["confirmed_seq"] + 1, top.seq


def export(store, out: str | Path) -> dict:
    """Write every entry not yet confirmed by the province into one bundle file."""
    first, last = pending_range(store)
    if first > last:
        return {"file": None, "count": 0, "first_seq": None, "last_seq": None}
    data, manifest = changes_bundle(store, first, last)
    out = bundle.write_file(out, data, bundle_name(manifest))
    return {"file": str(out), "count": manifest["count"], "first_seq": first, "last_seq": last, "bytes": len(data),
            "bundle_id": manifest["bundle_id"]}


def bundle_name(manifest: dict) -> str:
    src = manifest["source"]
    return f"kt1-{src['office']}-{src['counter']}-{manifest['first_seq']:08d}-{manifest['last_seq']:08d}.kt1b"


# -- receipts -----------------------------------------------------------------------

def _trusted(store, b: bundle.Bundle) -> None:
    keys = province_keys(store)
    if not keys:
        raise Kt1Error("no_province_key")
    public_key = keys.get(b.manifest.get("key_id"))
    if public_key is None:
        raise Kt1Error("bundle_unknown_key", key_id=b.manifest.get("key_id", "?"))
    b.verify(public_key)


def ack(store, data: bytes) -> dict:
    """Apply a receipt from the province: move the checkpoint forward, or record the refusal it carries."""
    b = bundle.read(data)
    if b.kind != "receipt":
        raise Kt1Error("bundle_wrong_kind", kind=b.kind, expected="receipt")
    _trusted(store, b)
    m = b.manifest
    me = identity(store)
    top = head(store.conn)
    if m.get("counter_uuid") != top.counter_uuid:
        older = store.scalar("SELECT 1 FROM sync_identity WHERE counter_uuid = ?", (m.get("counter_uuid"),))
        if older:
            return {"status": "stale", "pushed": 0, "already_present": 0, "confirmed_seq": None}
        raise Kt1Error("receipt_not_ours")
    if m.get("status") == "refused":
        message = m.get("message") or {}
        text = message.get("vi") or m.get("code") or "?"
        _note_attempt(store, me["province"], top.counter_uuid, error=text)
        if m.get("code") == "fork":
            return {"status": "fork", **handle_fork(store, m)}
        raise Kt1Error("central_refused", reason={"vi": message.get("vi", text), "en": message.get("en", text)})
    seq, digest = int(m.get("confirmed_seq") or 0), m.get("confirmed_hash") or ""
    peer = _peer(store, me["province"], top.counter_uuid)
    if seq:
        ident = store.one("SELECT base_id FROM sync_identity WHERE counter_uuid = ?", (top.counter_uuid,))
        mine = store.scalar("SELECT hash FROM change_log WHERE id = ? AND counter_uuid = ? AND seq = ?",
                            (ident["base_id"] + seq, top.counter_uuid, seq))
        if mine != digest:
            raise Kt1Error("receipt_mismatch", seq=seq)
    moved = seq > peer["confirmed_seq"]
    with store.write(None, "sync.ack") as tx:
        set_origin(tx, "sync")
        now = clock.iso(tx.now)
        if moved:
            tx.execute(
                "INSERT INTO sync_peer (destination, counter_uuid, confirmed_seq, confirmed_hash, confirmed_at, "
                "last_attempt_at, last_error) VALUES (?, ?, ?, ?, ?, ?, NULL) ON CONFLICT (destination) DO UPDATE SET "
                "counter_uuid = excluded.counter_uuid, confirmed_seq = excluded.confirmed_seq, "
                "confirmed_hash = excluded.confirmed_hash, confirmed_at = excluded.confirmed_at, "
                "last_attempt_at = excluded.last_attempt_at, last_error = NULL",
                (me["province"], top.counter_uuid, seq, digest, now, now))
            tx.record("sync", me["province"], confirmed_seq=seq)
        else:
            tx.execute("UPDATE sync_peer SET last_attempt_at = ?, last_error = NULL WHERE destination = ?",
                       (now, me["province"]))
    return {"status": "accepted", "pushed": int(m.get("pushed") or 0),
            "already_present": int(m.get("already_present") or 0), "confirmed_seq": max(seq, peer["confirmed_seq"]),
            "moved": max(0, seq - peer["confirmed_seq"])}


def ack_file(store, path) -> dict:
    try:
        data = Path(path).read_bytes()
    except OSError as err:
        raise Kt1Error("file_unreadable", path=str(path), reason=err.strerror or str(err)) from None
    return ack(store, data)


# -- a fork: this database was restored from an old backup ------------------------------

def handle_fork(store, m: dict) -> dict:
    """The province holds entries this counter no longer has (a restore from an old backup).

    Nothing is merged over: the serial numbers the province saw are never issued again here,
    and this counter continues under a new identity (and a new key, to be registered with
    ``central trust``) whose first entries re-state every record changed since the fork.
    """
    fork = m.get("fork") or {}
    fork_seq = int(fork.get("seq") or 1)
    old = head(store.conn).counter_uuid
    new = str(uuid.uuid4())
    with store.write(None, "sync.fork") as tx:
        set_origin(tx, "sync")
        advanced = advance_serials(tx, m.get("serial_high") or [])
        last_id = tx.execute("SELECT COALESCE(MAX(id), 0) FROM change_log").fetchone()[0]
        tx.execute("INSERT INTO sync_identity (counter_uuid, base_id, created_at, predecessor, fork_seq) "
                   "VALUES (?, ?, ?, ?, ?)", (new, last_id, clock.iso(tx.now), old, fork_seq))
        touched = tx.execute("SELECT DISTINCT tbl, pk FROM change_log WHERE counter_uuid = ? AND seq >= ?",
                             (old, fork_seq)).fetchall()
        for tbl, pk in touched:
            spec = LOGGED.get(tbl)
            if spec is None:
                continue
            where = " AND ".join(f'"{k}" = ?' for k in spec.key)
            found = tx.execute(f'SELECT rowid FROM "{tbl}" WHERE {where}', json.loads(pk)).fetchone()
            tx.execute("INSERT INTO change_scratch (tbl, rid, pk, op) VALUES (?, ?, ?, ?)",
                       (tbl, found[0] if found else None, pk, "snapshot" if found else "delete"))
        tx.record("sync", old, event="fork", fork_seq=fork_seq, new_identity=new)
    key_id = make_counter_key(store)
    return {"fork_seq": fork_seq, "new_identity": new, "key_id": key_id, "restated": len(touched),
            "serial_blocks_advanced": advanced, "pushed": 0, "already_present": 0}


def advance_serials(tx, serial_high: list[dict]) -> int:
    """Move each serial block past the highest serial known to have been issued from it (by the
    province, by the database a restore replaced, or by the operator); returns how many moved."""
    advanced = 0
    for block in serial_high:
        cursor = tx.execute(
            "UPDATE serial_blocks SET next = MIN(last + 1, ?) WHERE indicator = ? AND first = ? AND last = ? "
            "AND next <= ?", (int(block["high"]) + 1, block["indicator"], int(block["first"]),
                              int(block["last"]), int(block["high"])))
        advanced += cursor.rowcount
    return advanced


def central_serial_high(store, url: str) -> list[dict]:
    """Ask the province service the highest serial it saw this counter (and its predecessors) issue,
    per block: a signed receipt (``GET /v1/counters/<uuid>/receipt``), checked with the province key."""
    counter_uuid = head(store.conn).counter_uuid
    base = url.rstrip("/")
    try:
        data = _http("GET", f"{base}/v1/counters/{counter_uuid}/receipt")
    except Kt1Error as err:
        if err.code == "push_http" and err.params.get("code") == 404:
            raise Kt1Error("central_unknown_counter", uuid=counter_uuid) from None
        raise
    b = bundle.read(data)
    if b.kind != "receipt":
        raise Kt1Error("bundle_wrong_kind", kind=b.kind, expected="receipt")
    _trusted(store, b)
    if b.manifest.get("counter_uuid") != counter_uuid:
        raise Kt1Error("receipt_not_ours")
    return list(b.manifest.get("serial_high") or [])


# -- over HTTP ------------------------------------------------------------------------

def _http(method: str, url: str, data: bytes | None = None) -> bytes:
    """One request with the standard library (a counter needs nothing else). Returns the body of any
    answer that carries a receipt, 2xx or not; raises Kt1Error when the service cannot be reached."""
    import urllib.error
    import urllib.request

    request = urllib.request.Request(url, data=data, method=method,
                                     headers={"Content-Type": "application/octet-stream",
                                              "User-Agent": "kt1desk-sync/1"})
    try:
        with urllib.request.urlopen(request, timeout=HTTP_TIMEOUT) as response:
            return response.read()
    except urllib.error.HTTPError as err:
        body = err.read()
        if body.startswith(bundle.MAGIC):
            return body
        raise Kt1Error("push_http", url=url, code=err.code, reason=body[:200].decode("utf-8", "replace")) from None
    except (urllib.error.URLError, OSError) as err:
        reason = getattr(err, "reason", None) or err
        raise Kt1Error("push_unreachable", url=url, reason=str(reason)) from None


def push(store, url: str, *, batch: int = BATCH, progress: Callable[[int, int], None] | None = None) -> dict:
    """Send every pending entry to ``central serve`` at ``url``, resumably, a batch per request.

    First asks what the province already holds (a signed receipt), so an acknowledgement lost
    last time costs nothing; then sends the rest. Returns pushed / already_present / pending.
    """
    base = url.rstrip("/")
    me = identity(store)
    before = status(store)["confirmed_seq"]
    pushed = 0
    try:
        try:
            ack(store, _http("GET", f"{base}/v1/counters/{head(store.conn).counter_uuid}/receipt"))
        except Kt1Error as err:
            # The province holds an entry this counter has otherwise (or not at all): a restore from an
            # old backup. Send what is pending anyway: the province answers with the fork and its details.
            if err.code != "receipt_mismatch":
                raise
        already = max(0, status(store)["confirmed_seq"] - before)
        total = status(store)["pending"]
        sent = 0
        while True:
            start, last = pending_range(store)
            if start > last:
                break
            last = min(last, start + batch - 1)
            data, _manifest = changes_bundle(store, start, last)
            answer = ack(store, _http("POST", f"{base}/v1/bundles", data))
            if answer["status"] == "fork":
                return {"pushed": pushed, "already_present": already, "pending": status(store)["pending"],
                        "fork": answer}
            if answer["moved"] == 0:
                raise Kt1Error("push_no_progress", seq=start)
            pushed += answer["pushed"]
            already += answer["already_present"]
            sent += answer["moved"]
            if progress is not None:
                progress(sent, total)
    except Kt1Error as err:
        _note_attempt(store, me["province"], head(store.conn).counter_uuid, error=err.text("vi"), url=base)
        raise
    _note_attempt(store, me["province"], head(store.conn).counter_uuid, error=None, url=base)
    return {"pushed": pushed, "already_present": already, "pending": status(store)["pending"]}


# -- the province's bundle: agencies, tariff, calendar swaps ---------------------------------

def apply_province(store, actor, data: bytes) -> dict:
    """Apply a signed province bundle, in publication order; applying one twice changes nothing.

    Any logged-in user may carry it in: the province signed it, and the entries it makes say
    'central' (the user who applied it is named beside).
    """
    from ..services import agencies

    b = bundle.read(data)
    if b.kind != "province":
        raise Kt1Error("bundle_wrong_kind", kind=b.kind, expected="province")
    _trusted(store, b)
    m = b.manifest
    me = identity(store)
    if m.get("destination") != me["province"]:
        raise Kt1Error("bundle_wrong_destination", destination=m.get("destination", "?"), here=me["province"])
    if store.scalar("SELECT 1 FROM sync_applied WHERE bundle_id = ?", (m["bundle_id"],)):
        return {"status": "already_applied", "publication": m["publication"]}
    latest = store.scalar("SELECT MAX(publication) FROM sync_applied") or 0
    if int(m["publication"]) <= latest:
        raise Kt1Error("province_out_of_order", publication=m["publication"], latest=latest)
    records = b.lines()
    counts = {"agencies": 0, "tariffs": 0, "swaps": 0}
    agency_rows = [agencies.validate(r["row"]) for r in records if r.get("t") == "agency"]
    with store.write(actor, "sync.apply_province") as tx:
        set_origin(tx, "central")
        # Agencies first without successors (a successor may be new in this very bundle), then as published.
        for clean in agency_rows:
            if not tx.execute("SELECT 1 FROM agencies WHERE code = ?", (clean["code"],)).fetchone():
                agencies._upsert(tx, dict(clean, successor_code=None))
        for clean in agency_rows:
            before = len(tx.changes)
            agencies._upsert(tx, clean)
            counts["agencies"] += len(tx.changes) > before
        for record in records:
            if record.get("t") == "tariff":
                if tx.execute("SELECT 1 FROM tariffs WHERE effective_from = ?", (record["effective_from"],)).fetchone():
                    continue  # a tariff once in force is never rewritten; a new one has a new date
                cursor = tx.execute("INSERT INTO tariffs (effective_from, name, is_sample, loaded_at) VALUES (?, ?, ?, ?)",
                                    (record["effective_from"], record["name"], int(record.get("is_sample", 0)),
                                     clock.iso(tx.now)))
                for max_g, noi, lien in record["bands"]:
                    tx.execute("INSERT INTO tariff_bands VALUES (?, ?, ?, ?)", (cursor.lastrowid, max_g, noi, lien))
                for rule, (noi, lien) in record["surcharges"].items():
                    tx.execute("INSERT INTO tariff_surcharges VALUES (?, ?, ?, ?)", (cursor.lastrowid, rule, noi, lien))
                tx.record("tariff", cursor.lastrowid, effective_from=record["effective_from"], source="province")
                counts["tariffs"] += 1
            elif record.get("t") == "swap":
                old = tx.execute("SELECT working, note FROM calendar_swaps WHERE day = ?", (record["day"],)).fetchone()
                if old != (int(record["working"]), record.get("note", "")):
                    tx.execute("INSERT INTO calendar_swaps (day, working, note) VALUES (?, ?, ?) ON CONFLICT (day) "
                               "DO UPDATE SET working = excluded.working, note = excluded.note",
                               (record["day"], int(record["working"]), record.get("note", "")))
                    tx.record("calendar_swap", record["day"], working=bool(record["working"]), source="province")
                    counts["swaps"] += 1
        if any(r.get("t") == "counter_key" for r in records) or "counter_keys" in m:
            from .peers import apply_published

            counts["counter_keys"] = apply_published(tx, [r.get("line", "") for r in records
                                                          if r.get("t") == "counter_key"])
        tx.execute("INSERT INTO sync_applied (bundle_id, key_id, publication, created_at, applied_at, counts) "
                   "VALUES (?, ?, ?, ?, ?, ?)", (m["bundle_id"], m["key_id"], int(m["publication"]), m["created_at"],
                                                 clock.iso(tx.now), json.dumps(counts)))
    return {"status": "applied", "publication": m["publication"], **counts}
