"""The change log: every write appends one hash-chained entry per changed record, in the same transaction.

Capture cannot be forgotten by a service: SQLite triggers on every logged table
(``registry.LOGGED``) note the table, rowid, key and operation in
``change_scratch``; ``flush`` — run by ``Store.write()`` after the other hooks,
before COMMIT — reads the net change per record, takes its whole row image
(``json_object`` over the table's columns as they are now, less the ``never``
columns), and appends the entries. A rolled-back write leaves nothing, so the
per-counter sequence has no gaps; two triggers make the log append-only.

An entry's hash is SHA-256 over ``canonical header + "\n" + row image`` where the
header is the JSON array ``[counter, seq, at, origin, actor, action, tbl, pk, op,
prev_hash]``: the previous entry's hash is inside, so the entries form a chain.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from dataclasses import dataclass

from .. import clock
from .registry import LOGGED

ORIGINS = ("clerk", "supervisor", "admin", "system", "sync", "central")
ENTRY_COLUMNS = ("counter_uuid", "seq", "at", "origin", "actor", "action", "tbl", "pk", "op", "row",
                 "prev_hash", "hash")


def _header_encoder():
    """The hash header's JSON encoder, made once: it runs on every entry written, sent and checked.

    ``JSONEncoder.encode`` builds its C encoder anew at every call (half the time of a short list); this
    is the same C encoder with the same arguments, built once, and used only when it writes a sample
    exactly as ``encode`` does; otherwise (no accelerator, another signature) the plain ``encode``."""
    plain = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))
    make = getattr(json.encoder, "c_make_encoder", None)
    try:
        encode = make(None, plain.default, json.encoder.encode_basestring, None, ":", ",", False, False, True)

        def header(values: list) -> str:
            return "".join(encode(values, 0))

        sample = ["c0ffee", 7, "2026-11-29T09:00:00+07:00", "clerk", None, "Đắk Lắk \"\\\n\x01\u2028", 1.5, True, ""]
        if header(sample) == plain.encode(sample):
            return header
    except (TypeError, ValueError):  # another Python's accelerator, or none at all
        pass
    return plain.encode


_HEADER = _header_encoder()


def entry_hash(counter_uuid: str, seq: int, at: str, origin: str, actor: str | None, action: str, tbl: str,
               pk: str, op: str, row: str | None, prev_hash: str) -> str:
    header = _HEADER([counter_uuid, seq, at, origin, actor, action, tbl, pk, op, prev_hash])
    return hashlib.sha256((header + "\n" + (row or "")).encode()).hexdigest()


def set_origin(tx, origin: str) -> None:
    """Say that this write was made by the sync machinery ('sync') or applied from the province ('central')."""
    if origin not in ORIGINS:
        raise ValueError(origin)
    tx.log_origin = origin


# -- capture triggers --------------------------------------------------------

def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _keys(prefix: str, key: tuple[str, ...]) -> str:
    return "json_array(" + ", ".join(f"{prefix}.{_quote(k)}" for k in key) + ")"


def _trigger_sql(table: str, key: tuple[str, ...]) -> dict[str, str]:
    t = _quote(table)
    insert = "INSERT INTO change_scratch (tbl, rid, pk, op) VALUES"
    return {
        f"kt1log_{table}_ins": f"CREATE TRIGGER kt1log_{table}_ins AFTER INSERT ON {t} BEGIN "
                               f"{insert} ('{table}', NEW.rowid, {_keys('NEW', key)}, 'insert'); END",
        # A changed key is the old record gone and a new one made.
        f"kt1log_{table}_upd": f"CREATE TRIGGER kt1log_{table}_upd AFTER UPDATE ON {t} BEGIN "
                               f"INSERT INTO change_scratch (tbl, rid, pk, op) "
                               f"SELECT '{table}', OLD.rowid, {_keys('OLD', key)}, 'delete' WHERE {_keys('OLD', key)} IS NOT {_keys('NEW', key)}; "
                               f"{insert} ('{table}', NEW.rowid, {_keys('NEW', key)}, 'update'); END",
        f"kt1log_{table}_del": f"CREATE TRIGGER kt1log_{table}_del AFTER DELETE ON {t} BEGIN "
                               f"{insert} ('{table}', OLD.rowid, {_keys('OLD', key)}, 'delete'); END",
    }


def install_capture(conn: sqlite3.Connection) -> int:
    """Create the capture triggers a logged table lacks; a table seen for the first time also gets a
    baseline of the rows it already holds (never again: a later baseline would hide edits).

    Returns how many baseline rows were noted (the next flush logs them as 'snapshot').
    """
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    triggers = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    if "change_scratch" not in tables:
        return 0
    noted = 0
    enrolled = {r[0] for r in conn.execute("SELECT tbl FROM sync_capture")}
    for table, spec in LOGGED.items():
        if table not in tables:
            continue
        wanted = _trigger_sql(table, spec.key)
        if set(wanted) <= triggers and table in enrolled:
            continue
        conn.execute("BEGIN IMMEDIATE")
        try:
            for name, sql in wanted.items():
                if name not in triggers:
                    conn.execute(sql)
            if table not in enrolled:
                cursor = conn.execute(
                    f"INSERT INTO change_scratch (tbl, rid, pk, op) SELECT '{table}', rowid, "
                    f"{_keys(_quote(table), spec.key)}, 'snapshot' FROM {_quote(table)} ORDER BY rowid")
                noted += cursor.rowcount
                conn.execute("INSERT INTO sync_capture (tbl, enrolled_at) VALUES (?, ?)", (table, clock.iso(clock.now())))
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    return noted


# -- row images ----------------------------------------------------------------

class Images:
    """The SQL that reads a record's image, per table, remade when the schema changes."""

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn
        self._version = -1
        self._sql: dict[str, str] = {}

    def select_list(self, table: str) -> str:
        """``json_object(...)`` over the table's current columns, less those never logged."""
        never = set(LOGGED[table].never)
        columns = [r[1] for r in self.conn.execute(f"PRAGMA table_info({_quote(table)})") if r[1] not in never]
        return "json_object(" + ", ".join(f"'{c}', {_quote(c)}" for c in columns) + ")"

    def sql(self, table: str) -> str:
        version = self.conn.execute("PRAGMA schema_version").fetchone()[0]
        if version != self._version:
            self._sql.clear()
            self._version = version
        sql = self._sql.get(table)
        if sql is None:
            sql = self._sql[table] = f"SELECT {self.select_list(table)} FROM {_quote(table)} WHERE rowid = ?"
        return sql


# -- the hook --------------------------------------------------------------------

@dataclass
class Head:
    counter_uuid: str
    base_id: int  # local id before this identity's entry 1
    last_id: int
    seq: int
    hash: str


def head(conn: sqlite3.Connection) -> Head:
    """The current identity and the last entry of the log."""
    counter_uuid, base_id = conn.execute(
        "SELECT counter_uuid, base_id FROM sync_identity ORDER BY id DESC LIMIT 1").fetchone()
    last = conn.execute("SELECT id, seq, hash, counter_uuid FROM change_log ORDER BY id DESC LIMIT 1").fetchone()
    if last is None or last[3] != counter_uuid:
        return Head(counter_uuid, base_id, last[0] if last else 0, 0, "")
    return Head(counter_uuid, base_id, last[0], last[1], last[2])


_LAST_IMAGE_SQL = "SELECT row FROM change_log WHERE id = (SELECT MAX(last) FROM (" + " UNION ALL ".join(
    f"SELECT MAX(id) AS last FROM change_log WHERE tbl = ?1 AND pk = ?2 AND op = '{op}'"
    for op in ("insert", "update", "delete", "snapshot")) + "))"


class ChangeLog:
    """Appends the entries of one write; installed on every store by ``attach``."""

    def __init__(self, store):
        self.store = store
        self.images = Images(store.conn)

    def __call__(self, tx) -> None:
        conn = self.store.conn
        noted = conn.execute("SELECT tbl, rid, pk, op FROM change_scratch ORDER BY id").fetchall()
        if not noted:
            return
        conn.execute("DELETE FROM change_scratch")
        # The net change per record: the first operation says whether it is new, the last whether it is gone.
        net: dict[tuple[str, str], list] = {}
        for tbl, rid, pk, op in noted:
            seen = net.get((tbl, pk))
            if seen is None:
                net[(tbl, pk)] = [op, rid, op]
            else:
                seen[1], seen[2] = rid, op
        top = head(conn)
        seq, prev, uuid_ = top.seq, top.hash, top.counter_uuid
        at = clock.iso(tx.now)
        actor = tx.actor.login if tx.actor else None
        origin = getattr(tx, "log_origin", None) or (tx.actor.role if tx.actor else "system")
        action = tx.action
        rows = []
        images = self.images
        for (tbl, pk), (first, rid, last) in net.items():
            row = None
            if last != "delete":
                found = conn.execute(images.sql(tbl), (rid,)).fetchone()
                row = found[0] if found else None
            if row is None:
                if first == "insert":
                    continue  # made and removed within this write: nothing happened
                op = "delete"
            else:
                op = "snapshot" if first == "snapshot" else "insert" if first == "insert" else "update"
                if op == "update" and row == self._last_image(tbl, pk):
                    continue  # written but not changed (a count reset to what it was): nothing to tell
            seq += 1
            digest = entry_hash(uuid_, seq, at, origin, actor, action, tbl, pk, op, row, prev)
            rows.append((uuid_, seq, at, origin, actor, action, tbl, pk, op, row, prev, digest))
            prev = digest
        conn.executemany(f"INSERT INTO change_log ({', '.join(ENTRY_COLUMNS)}) VALUES ({', '.join('?' * 12)})", rows)


    def _last_image(self, tbl: str, pk: str) -> str | None:
        # The record's newest entry, found in O(log n): one MAX per operation, each read off the end of its
        # run in change_log_record (tbl, pk, op, rowid). "ORDER BY id DESC LIMIT 1" sorted every entry the
        # record ever had — a serial block's row gains one at every intake, so each intake grew slower.
        found = self.store.conn.execute(_LAST_IMAGE_SQL, (tbl, pk)).fetchone()
        return found[0] if found else None


def attach(store) -> None:
    """Install the change log on a store: triggers for every logged table, the hook, and a first flush
    of anything noted outside a write (a baseline of rows that existed before the log, a migration)."""
    conn = store.conn
    if not conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'change_log'").fetchone():
        return
    store.change_log = ChangeLog(store)
    install_capture(conn)
    if conn.execute("SELECT 1 FROM change_scratch LIMIT 1").fetchone():
        with store.write(None, "sync.baseline"):
            pass


def pending_count(store, destination: str | None = None) -> int:
    """Entries of the current identity not yet confirmed by the province."""
    with store._lock:
        top = head(store.conn)
        confirmed = store.conn.execute(
            "SELECT MAX(confirmed_seq) FROM sync_peer WHERE counter_uuid = ?"
            + (" AND destination = ?" if destination else ""),
            (top.counter_uuid, destination) if destination else (top.counter_uuid,)).fetchone()[0] or 0
    return max(0, top.seq - confirmed)
