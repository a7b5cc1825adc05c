"""``kt1desk audit verify``: re-compute the chain and compare every record with its last logged image.

Two passes. The chain: every entry of each identity, in order, must carry seq = previous + 1,
the previous entry's hash, and the hash its own fields give. The records: every row of every
logged table, imaged exactly as the change log images it, must equal its last logged image, and
every record the log says exists must exist. A row edited, added or deleted behind the program's
back (with its triggers dropped first) fails the second pass; an entry edited or removed, the first.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import time
from dataclasses import dataclass, field
from pathlib import Path

from .changelog import _HEADER, Images
from .registry import LOGGED


@dataclass
class Finding:
    kind: str  # 'chain' | 'changed' | 'added' | 'deleted' | 'checkpoint'
    tbl: str | None = None
    pk: str | None = None
    seq: int | None = None
    counter_uuid: str | None = None

    def text(self, lang: str = "vi") -> str:
        vi = lang != "en"
        if self.kind == "chain":
            return (f"Nhật ký thay đổi bị sửa hoặc thiếu tại bản ghi số {self.seq} ({self.counter_uuid})." if vi else
                    f"The change log was edited or cut at entry {self.seq} ({self.counter_uuid}).")
        if self.kind == "checkpoint":
            return (f"Bản ghi số {self.seq} mà tỉnh đã xác nhận không còn như cũ." if vi else
                    f"Entry {self.seq}, confirmed by the province, is no longer what it was.")
        what = {"changed": ("bị sửa ngoài chương trình", "was changed outside the program"),
                "added": ("được thêm ngoài chương trình", "was added outside the program"),
                "deleted": ("bị xóa ngoài chương trình", "was deleted outside the program")}[self.kind]
        return (f"Bản ghi {self.tbl} {self.pk} {what[0]}." if vi else f"Record {self.tbl} {self.pk} {what[1]}.")

    def as_dict(self) -> dict:
        return {k: v for k, v in self.__dict__.items() if v is not None}


@dataclass
class Report:
    entries: int = 0
    records: int = 0
    seconds: float = 0.0
    findings: list[Finding] = field(default_factory=list)

    @property
    def intact(self) -> bool:
        return not self.findings

    @property
    def rate(self) -> float:
        return self.entries / self.seconds if self.seconds else 0.0


# The row image comes as bytes (CAST … AS BLOB): it is hashed as it is, never decoded and encoded again.
_CHAIN_SQL = ("SELECT counter_uuid, seq, at, origin, actor, action, tbl, pk, op, CAST(row AS BLOB), prev_hash, hash "
              "FROM change_log")
# The whole hash input built by SQLite, as bytes: json_array writes exactly what changelog's _HEADER writes
# (compact, non-ASCII as it is, the same escapes — compared for every code point), so Python only hashes.
# An entry whose hash does not match this way is checked again the exact way (_hash_of) before it is
# reported: a SQLite that wrote JSON differently would cost time, never a false finding.
_FAST_SQL = ("SELECT id, counter_uuid, seq, prev_hash, hash, CAST(json_array(counter_uuid, seq, at, origin, actor, "
             "action, tbl, pk, op, prev_hash) || char(10) || COALESCE(row, '') AS BLOB) FROM change_log")


def _hash_of(row: tuple) -> str:
    """``changelog.entry_hash`` of a row read with _CHAIN_SQL (same bytes, fewer copies)."""
    header = _HEADER([row[0], row[1], row[2], row[3], row[4], row[5], row[6], row[7], row[8], row[10]])
    return hashlib.sha256(header.encode() + b"\n" + (row[9] or b"")).hexdigest()


def _hashed_wrong(conn, entry_id: int) -> bool:
    row = conn.execute(_CHAIN_SQL + " WHERE id = ?", (entry_id,)).fetchone()
    return _hash_of(row) != row[11]


def _walk(conn, where: str, args: tuple):
    """Every entry in id order as (counter_uuid, seq, prev_hash, hash, hashed_right).

    The fast way (_FAST_SQL) unless SQLite refuses it (a value JSON cannot hold, in a log someone
    rebuilt without its STRICT types): then the exact way, entry by entry, as the counter hashed them."""
    sha256 = hashlib.sha256
    seen = 0
    try:
        for entry_id, counter_uuid, seq, prev, digest, data in conn.execute(
                f"{_FAST_SQL} {where} ORDER BY id", args):
            seen += 1
            yield counter_uuid, seq, prev, digest, sha256(data).hexdigest() == digest \
                or not _hashed_wrong(conn, entry_id)
        return
    except sqlite3.OperationalError:
        pass
    for n, row in enumerate(conn.execute(f"{_CHAIN_SQL} {where} ORDER BY id", args)):
        if n >= seen:
            yield row[0], row[1], row[10], row[11], _hash_of(row) == row[11]


def _chain(conn, report: Report, limit: int) -> None:
    last: dict[str, tuple[int, str]] = {}
    count = 0
    for counter_uuid, seq, prev, digest, hashed_right in _walk(conn, "", ()):
        count += 1
        prev_seq, prev_hash = last.get(counter_uuid, (0, ""))
        if seq != prev_seq + 1 or prev != prev_hash or not hashed_right:
            report.findings.append(Finding("chain", seq=seq, counter_uuid=counter_uuid))
            if len(report.findings) >= limit:
                break
        last[counter_uuid] = (seq, digest)
    report.entries = count
    _checkpoints(conn, last, report)


def _checkpoints(conn, last: dict, report: Report) -> None:
    """What the province confirmed must still be in the log as it was confirmed."""
    for peer in conn.execute("SELECT counter_uuid, confirmed_seq, confirmed_hash FROM sync_peer WHERE confirmed_seq > 0"):
        held = last.get(peer[0])
        found = conn.execute("SELECT hash FROM change_log WHERE counter_uuid = ? AND seq = ?", peer[:2]).fetchone() \
            if held else None
        if found is None or found[0] != peer[2]:
            report.findings.append(Finding("checkpoint", seq=peer[1], counter_uuid=peer[0]))


def _keyed_uniquely(conn, table: str, key: tuple[str, ...]) -> bool:
    """Whether SQLite itself keeps the key of ``table`` unique, never NULL and of its declared type (a STRICT
    table; an INTEGER PRIMARY KEY, or NOT NULL columns under a unique index): then two records never share
    a key, and a key read back from its JSON array is the key itself."""
    listed = conn.execute(f'PRAGMA table_list("{table}")').fetchone()
    if listed is None or not listed[5]:
        return False
    columns = {r[1]: r for r in conn.execute(f'PRAGMA table_info("{table}")')}
    if len(key) == 1 and key[0] in columns and columns[key[0]][2].upper() == "INTEGER" and columns[key[0]][5] == 1 \
            and sum(1 for r in columns.values() if r[5]) == 1:
        return True  # the rowid itself
    if not all(k in columns and columns[k][3] for k in key):
        return False
    for index in conn.execute(f'PRAGMA index_list("{table}")').fetchall():
        if index[2] and not index[4] and {r[2] for r in conn.execute(f'PRAGMA index_info("{index[1]}")')} == set(key):
            return True
    return False


def _records(conn, report: Report, limit: int, only: tuple[str, ...] | None = None) -> None:
    """Compare in SQL: the last logged image of each record (found through the (tbl, pk) index)
    against the record as it is now, imaged exactly as the change log images it."""
    images = Images(conn)
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    conn.execute("DROP TABLE IF EXISTS temp.audit_last")
    conn.execute("CREATE TEMP TABLE audit_last (pk TEXT PRIMARY KEY, id INTEGER NOT NULL, op TEXT NOT NULL) "
                 "WITHOUT ROWID")
    try:
        for table, spec in LOGGED.items():
            if table not in tables or len(report.findings) >= limit or (only is not None and table not in only):
                continue
            conn.execute("DELETE FROM temp.audit_last")
            # op is a bare column: SQLite takes it from the row of MAX(id), here from the index alone.
            conn.execute("INSERT INTO temp.audit_last SELECT pk, MAX(id), op FROM change_log WHERE tbl = ? GROUP BY pk",
                         (table,))
            keys = "json_array(" + ", ".join(f't."{k}"' for k in spec.key) + ")"
            current = f'SELECT {keys} AS pk, {images.select_list(table)} AS row FROM "{table}" t'
            joined = (f"FROM ({current}) c LEFT JOIN temp.audit_last l ON l.pk = c.pk "
                      f"LEFT JOIN change_log e ON e.id = l.id")
            records = conn.execute(f'SELECT COUNT(*) FROM "{table}"').fetchone()[0]
            report.records += records
            # The usual case in one pass: every record equals the image of a last entry that is not a
            # delete. Then the records and those entries pair off one to one, and when there are as many
            # live entries as records, no logged record is missing: the search for deleted ones is skipped.
            if _keyed_uniquely(conn, table, spec.key) and conn.execute(
                    f"SELECT 1 {joined} WHERE e.row IS NOT c.row OR l.op = 'delete' LIMIT 1").fetchone() is None \
                    and records == conn.execute(
                        "SELECT COUNT(*) FROM temp.audit_last WHERE op != 'delete'").fetchone()[0]:
                continue
            for pk, logged in conn.execute(f"SELECT c.pk, l.id {joined} WHERE e.row IS NOT c.row LIMIT ?",
                                           (limit - len(report.findings),)):
                report.findings.append(Finding("added" if logged is None else "changed", table, pk))
            by_key = " AND ".join(f't."{k}" = json_extract(l.pk, \'$[{i}]\')' for i, k in enumerate(spec.key))
            for (pk,) in conn.execute(
                    f"SELECT l.pk FROM temp.audit_last l WHERE l.op != 'delete' "
                    f'AND NOT EXISTS (SELECT 1 FROM "{table}" t WHERE {by_key}) LIMIT ?',
                    (limit - len(report.findings),)):
                report.findings.append(Finding("deleted", table, pk))
    finally:
        conn.execute("DROP TABLE IF EXISTS temp.audit_last")


def _read_only(path: str) -> sqlite3.Connection:
    conn = sqlite3.connect(Path(path).resolve().as_uri() + "?mode=ro", uri=True, timeout=30)
    conn.execute("PRAGMA busy_timeout=30000")
    return conn


def _chain_range(path: str, lo: int, hi: int, limit: int) -> dict:
    """One worker's share of the chain: entries lo..hi, checked in themselves; the edges are stitched after."""
    conn = _read_only(path)
    try:
        first: dict[str, tuple[int, str]] = {}
        last: dict[str, tuple[int, str]] = {}
        bad: list[tuple[int, str]] = []
        count = 0
        for counter_uuid, seq, prev, digest, hashed_right in _walk(conn, "WHERE id BETWEEN ? AND ?", (lo, hi)):
            count += 1
            held = last.get(counter_uuid)
            if held is None:
                first[counter_uuid] = (seq, prev)
                linked = True
            else:
                linked = seq == held[0] + 1 and prev == held[1]
            if (not linked or not hashed_right) and len(bad) < limit:
                bad.append((seq, counter_uuid))
            last[counter_uuid] = (seq, digest)
        return {"first": first, "last": last, "bad": bad, "count": count}
    finally:
        conn.close()


def _records_apart(path: str, only: tuple[str, ...], limit: int) -> Report:
    """One worker's share of the records pass: these tables, in a snapshot of its own (each table is
    compared with its own entries, so a snapshot per table is all that consistency needs)."""
    conn = _read_only(path)
    try:
        conn.execute("PRAGMA temp_store=MEMORY")
        conn.execute("BEGIN")
        part = Report()
        _records(conn, part, limit, only)
        return part
    finally:
        conn.close()


def _parallel(store, report: Report, limit: int, workers: int) -> None:
    """Both passes on every core: the chain over id ranges (hashing is the cost) and the records by
    table, in worker processes; the chain's ranges are stitched in order afterwards. The log is
    append-only, so every range below the top taken here is final."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    top = store.conn.execute("SELECT COALESCE(MAX(id), 0) FROM change_log").fetchone()[0]
    # Three chain pieces a worker: the records tasks (the items the longest) go first, and the chain's
    # pieces fill in behind them, so the workers finish together.
    step = top // (3 * workers) + 1
    ranges = [(lo, min(top, lo + step - 1)) for lo in range(1, top + 1, step)]
    big = ("items", "item_events")  # the two tables that grow with the items, each a task of its own
    groups = [(t,) for t in big] + [tuple(t for t in LOGGED if t not in big)]
    # spawn, not fork: a child forked from a process with threads (the window) could inherit a held lock.
    with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn")) as pool:
        records = [pool.submit(_records_apart, store.path, group, limit) for group in groups]
        chains = [pool.submit(_chain_range, store.path, lo, hi, limit) for lo, hi in ranges]
        parts = [c.result() for c in chains]
        record_parts = [r.result() for r in records]
    state: dict[str, tuple[int, str]] = {}
    for part in parts:
        for counter_uuid, (seq, prev) in part["first"].items():
            held = state.get(counter_uuid, (0, ""))
            if seq != held[0] + 1 or prev != held[1]:
                report.findings.append(Finding("chain", seq=seq, counter_uuid=counter_uuid))
        report.findings += [Finding("chain", seq=seq, counter_uuid=u) for seq, u in part["bad"]]
        state.update(part["last"])
        report.entries += part["count"]
    _checkpoints(store.conn, state, report)
    for part in record_parts:
        report.records += part.records
        report.findings += part.findings
    del report.findings[limit:]


def verify(store, *, limit: int = 20, parallel_from: int = 200_000) -> Report:
    """Check the whole log and every record; at most ``limit`` findings are collected.

    A big log (``parallel_from`` entries or more, in a database file) is checked on every core
    (``_parallel``).
    """
    report = Report()
    started = time.perf_counter()
    with store._lock:
        size = store.conn.execute("SELECT COALESCE(MAX(id), 0) FROM change_log").fetchone()[0]
    workers = min(4, os.cpu_count() or 1)
    if store.path != ":memory:" and size >= parallel_from and workers > 1:
        with store._lock:
            _parallel(store, report, limit, workers)
    else:
        with store._lock:
            conn = store.conn
            conn.execute("BEGIN")  # one consistent snapshot for both passes
            try:
                _chain(conn, report, limit)
                if len(report.findings) < limit:
                    _records(conn, report, limit)
            finally:
                conn.execute("ROLLBACK")
    report.seconds = time.perf_counter() - started
    return report


def verify_chain(conn: sqlite3.Connection, *, limit: int = 20, records: bool = False) -> Report:
    """The chain pass (and what the province confirmed) over a connection of its own, in one snapshot:
    how a backup copy, which nobody writes, is checked; with ``records`` the records pass too (a file
    about to be restored: a record whose bytes changed no longer matches its logged image).
    No change log: nothing to find."""
    report = Report()
    started = time.perf_counter()
    if conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'change_log'").fetchone():
        conn.execute("BEGIN")
        try:
            _chain(conn, report, limit)
            if records and report.intact:
                _records(conn, report, limit)
        finally:
            conn.execute("ROLLBACK")
    report.seconds = time.perf_counter() - started
    return report
