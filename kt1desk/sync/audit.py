"""``kt1desk audit verify``: re-compute the chain and compare every record with its last logged image.

Two passes. The chain: every entry of each identity, in order, must carry seq = previous + 1,
the previous entry's hash, and the hash its own fields give. The records: every row of every
logged table, imaged exactly as the change log images it, must equal its last logged image, and
every record the log says exists must exist. A row edited, added or deleted behind the program's
back (with its triggers dropped first) fails the second pass; an entry edited or removed, the first.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from .changelog import Images, entry_hash
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


def _chain(conn, report: Report, limit: int) -> None:
    last: dict[str, tuple[int, str]] = {}
    cursor = conn.execute("SELECT counter_uuid, seq, at, origin, actor, action, tbl, pk, op, row, prev_hash, hash "
                          "FROM change_log ORDER BY id")
    count = 0
    for row in cursor:
        count += 1
        counter_uuid, seq = row[0], row[1]
        prev_seq, prev_hash = last.get(counter_uuid, (0, ""))
        if seq != prev_seq + 1 or row[10] != prev_hash or entry_hash(*row[:11]) != row[11]:
            report.findings.append(Finding("chain", seq=seq, counter_uuid=counter_uuid))
            if len(report.findings) >= limit:
                break
        last[counter_uuid] = (seq, row[11])
    report.entries = count
    for peer in conn.execute("SELECT counter_uuid, confirmed_seq, confirmed_hash FROM sync_peer WHERE confirmed_seq > 0"):
        held = last.get(peer[0])
        found = conn.execute("SELECT hash FROM change_log WHERE counter_uuid = ? AND seq = ?", peer[:2]).fetchone() \
            if held else None
        if found is None or found[0] != peer[2]:
            report.findings.append(Finding("checkpoint", seq=peer[1], counter_uuid=peer[0]))


def _records(conn, report: Report, limit: int) -> None:
    """Compare in SQL: the last logged image of each record (found through the (tbl, pk) index)
    against the record as it is now, imaged exactly as the change log images it."""
    images = Images(conn)
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    conn.execute("DROP TABLE IF EXISTS temp.audit_last")
    conn.execute("CREATE TEMP TABLE audit_last (pk TEXT PRIMARY KEY, id INTEGER NOT NULL) WITHOUT ROWID")
    try:
        for table, spec in LOGGED.items():
            if table not in tables or len(report.findings) >= limit:
                continue
            conn.execute("DELETE FROM temp.audit_last")
            conn.execute("INSERT INTO temp.audit_last SELECT pk, MAX(id) FROM change_log WHERE tbl = ? GROUP BY pk",
                         (table,))
            keys = "json_array(" + ", ".join(f't."{k}"' for k in spec.key) + ")"
            current = f'SELECT {keys} AS pk, {images.select_list(table)} AS row FROM "{table}" t'
            for pk, logged in conn.execute(
                    f"SELECT c.pk, l.id FROM ({current}) c LEFT JOIN temp.audit_last l ON l.pk = c.pk "
                    f"LEFT JOIN change_log e ON e.id = l.id WHERE e.row IS NOT c.row LIMIT ?",
                    (limit - len(report.findings),)):
                report.findings.append(Finding("added" if logged is None else "changed", table, pk))
            by_key = " AND ".join(f't."{k}" = json_extract(l.pk, \'$[{i}]\')' for i, k in enumerate(spec.key))
            for (pk,) in conn.execute(
                    f"SELECT l.pk FROM temp.audit_last l JOIN change_log e ON e.id = l.id WHERE e.op != 'delete' "
                    f'AND NOT EXISTS (SELECT 1 FROM "{table}" t WHERE {by_key}) LIMIT ?',
                    (limit - len(report.findings),)):
                report.findings.append(Finding("deleted", table, pk))
            report.records += conn.execute(f'SELECT COUNT(*) FROM "{table}"').fetchone()[0]
    finally:
        conn.execute("DROP TABLE IF EXISTS temp.audit_last")


def verify(store, *, limit: int = 20) -> Report:
    """Check the whole log and every record; at most ``limit`` findings are collected."""
    report = Report()
    started = time.perf_counter()
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
