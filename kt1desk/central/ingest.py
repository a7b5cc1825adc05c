"""Taking a counter's bundle into PostgreSQL: verify everything first, then one transaction per batch.

For each batch: lock the counter's cursor row; skip the entries central already holds; require
the first new one to be last+1 and to chain to the held hash; COPY the batch into
``kt1.change_log`` and fold it into ``items``, ``item_events``, ``serial_blocks`` and
``records`` with ``INSERT … SELECT … ON CONFLICT`` (``apply.py``); move the cursor; commit.
A refusal (damaged, unknown or revoked key, wrong address, gap, fork) applies nothing and says
why; a fork and two counters claiming one S10 id or overlapping serial blocks are recorded in
``kt1.conflicts`` and never merged over.
"""

from __future__ import annotations

import gc
import hashlib
import re
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date

from .. import clock
from ..errors import Kt1Error
from ..sync import bundle
from ..sync.changelog import _HEADER
from ..sync.keys import public_from_b64
from .apply import apply_batch
from .schema import ensure_partitions, month_start, next_month

BATCH = 5000
_MONTH = {"items": re.compile(r'"accepted_at":"(\d{4})-(\d{2})'), "item_events": re.compile(r'"at":"(\d{4})-(\d{2})')}
_MARKER = {"items": '"accepted_at":"', "item_events": '"at":"'}

# HTTP status for each refusal: the service answers with it, the receipt says the rest.
HTTP_STATUS = {"bundle_not_bundle": 400, "bundle_version": 400, "bundle_damaged": 400, "bundle_truncated": 400,
               "bundle_body_hash": 400, "bundle_chain": 400, "bundle_too_big": 413, "bundle_wrong_kind": 400,
               "bundle_signature": 403, "bundle_unknown_key": 403, "bundle_revoked_key": 403,
               "bundle_expired_key": 403, "bundle_wrong_key": 403, "bundle_wrong_destination": 421,
               "bundle_gap": 409, "bundle_fork": 409}


@dataclass
class Outcome:
    """What an import did: the receipt's content."""

    counter_uuid: str | None
    status: str = "accepted"  # 'accepted' | 'refused'
    confirmed_seq: int = 0
    confirmed_hash: str = ""
    pushed: int = 0
    already_present: int = 0
    error: Kt1Error | None = None
    fork: dict | None = None
    serial_high: list = field(default_factory=list)
    bundle_id: str | None = None

    @property
    def code(self) -> str | None:
        if self.error is None:
            return None
        return "fork" if self.error.code == "bundle_fork" else self.error.code

    @property
    def http_status(self) -> int:
        return 200 if self.error is None else HTTP_STATUS.get(self.error.code, 400)

    def as_dict(self) -> dict:
        out = {"status": self.status, "counter_uuid": self.counter_uuid, "pushed": self.pushed,
               "already_present": self.already_present, "confirmed_seq": self.confirmed_seq}
        if self.error is not None:
            out |= {"code": self.code, "message": {"vi": self.error.text("vi"), "en": self.error.text("en")}}
        if self.fork:
            out["fork"] = self.fork
        return out


def receipt(signer, outcome: Outcome) -> bytes:
    """The signed answer a counter applies with ``sync ack`` (or reads from the HTTP response)."""
    manifest = {"kind": "receipt", "bundle_id": bundle.new_id(), "created_at": clock.iso(clock.now()),
                "key_id": signer.key_id, "destination": outcome.counter_uuid, "counter_uuid": outcome.counter_uuid,
                "answers": outcome.bundle_id, "confirmed_seq": outcome.confirmed_seq,
                "confirmed_hash": outcome.confirmed_hash} | outcome.as_dict()
    if outcome.serial_high:
        manifest["serial_high"] = outcome.serial_high
    return bundle.write(manifest, b"", signer.sign)


def cursor_of(conn, counter_uuid: str) -> tuple[int, str] | None:
    row = conn.execute("SELECT last_seq, last_hash FROM kt1.ingest_cursor WHERE counter_uuid = %s",
                       (counter_uuid,)).fetchone()
    conn.commit()
    return (row[0], row[1]) if row else None


# -- checks before anything is written ------------------------------------------------------

def _check_key(conn, m: dict, b: bundle.Bundle) -> dict:
    source = m.get("source") or {}
    row = conn.execute("SELECT k.counter_uuid::text, k.public_key, k.revoked_at, k.not_after, c.predecessor::text, "
                       "c.fork_seq FROM kt1.counter_keys k JOIN kt1.counters c USING (counter_uuid) "
                       "WHERE k.key_id = %s", (m.get("key_id"),)).fetchone()
    conn.commit()
    if row is None:
        raise Kt1Error("bundle_unknown_key", key_id=m.get("key_id", "?"))
    counter_uuid, public_key, revoked_at, not_after, predecessor, fork_seq = row
    b.verify(public_from_b64(public_key))
    if counter_uuid != source.get("counter_uuid"):
        raise Kt1Error("bundle_wrong_key", key_id=m["key_id"])
    if revoked_at is not None:
        raise Kt1Error("bundle_revoked_key", key_id=m["key_id"], when=clock.iso(revoked_at))
    created = m.get("created_at", "")
    if not_after is not None and (not created or clock.parse_iso(created) > not_after):
        raise Kt1Error("bundle_expired_key", key_id=m["key_id"], when=clock.iso(not_after), created=created)
    return {"counter_uuid": counter_uuid, "predecessor": predecessor, "fork_seq": fork_seq}


def _check_entries(counter_uuid: str, m: dict, lines: list[tuple]) -> list[tuple]:
    """Every entry well-formed, in sequence, chained, hashed as it says; the whole bundle or nothing.
    Returns the entries as (seq, at, origin, actor, action, tbl, pk, op, row, prev_hash, hash)."""
    first, last = m.get("first_seq"), m.get("last_seq")
    if not isinstance(first, int) or not isinstance(last, int) or len(lines) != last - first + 1 \
            or len(lines) != m.get("count"):
        raise Kt1Error("bundle_damaged", reason="count")
    prev = m.get("prev_hash", "")
    sha256, header = hashlib.sha256, _HEADER
    entries = []
    for expected, e in enumerate(lines, start=first):
        if e[0] != expected or e[9] != prev \
                or not (isinstance(e[1], str) and isinstance(e[2], str) and isinstance(e[5], str)
                        and isinstance(e[6], str) and isinstance(e[7], str) and isinstance(e[10], str)) \
                or sha256(header([counter_uuid, *e[:8], e[9]]).encode() + b"\n" + e[11]).hexdigest() != e[10]:
            raise Kt1Error("bundle_chain", seq=expected)
        prev = e[10]
        entries.append(e[:11])
    if prev != m.get("head_hash"):
        raise Kt1Error("bundle_chain", seq=last)
    return entries


def _held_hashes(conn, counter_uuid: str, first: int, last: int) -> dict[int, str]:
    rows = conn.execute("SELECT seq, hash FROM kt1.change_log WHERE counter_uuid = %s AND seq BETWEEN %s AND %s",
                        (counter_uuid, first, last)).fetchall()
    conn.commit()
    return dict(rows)


def serial_high(conn, counter_uuid: str) -> list[dict]:
    """The highest serial central knows this counter (and its lineage) issued, per block."""
    rows = conn.execute(
        "WITH RECURSIVE lineage(u) AS (SELECT %s::uuid UNION SELECT c.predecessor FROM kt1.counters c "
        "JOIN lineage l ON c.counter_uuid = l.u WHERE c.predecessor IS NOT NULL) "
        "SELECT indicator, first, last, next - 1 FROM kt1.serial_blocks WHERE counter_uuid IN (SELECT u FROM lineage) "
        "AND next > first", (counter_uuid,)).fetchall()
    conn.commit()
    return [{"indicator": r[0], "first": r[1], "last": r[2], "high": r[3]} for r in rows]


def _record(conn, kind: str, counter_uuid: str, subject: str, detail: dict, other: str | None = None) -> None:
    from psycopg.types.json import Jsonb

    with conn.transaction():
        conn.execute("INSERT INTO kt1.conflicts (kind, counter_uuid, other_counter, subject, detail) "
                     "VALUES (%s, %s, %s, %s, %s) ON CONFLICT (kind, counter_uuid, subject) DO NOTHING",
                     (kind, counter_uuid, other, subject, Jsonb(detail)))


def _fork_point(conn, counter_uuid: str, entries: list[tuple], held_last: int) -> int | None:
    """The first entry of the bundle that central holds with another hash, or None."""
    top = min(entries[-1][0], held_last)
    if top < entries[0][0]:
        return None
    held = _held_hashes(conn, counter_uuid, entries[0][0], top)
    for entry in entries:
        if entry[0] > top:
            break
        if held.get(entry[0]) != entry[10]:
            return entry[0]
    return None


# -- the import ------------------------------------------------------------------------

def ingest(conn, data: bytes, *, province: str, batch: int = BATCH,
           before_commit: Callable[[int], None] | None = None) -> Outcome:
    """Import one bundle. Never raises for a bad bundle: the outcome says what was refused."""
    try:
        b = bundle.read(data)
    except Kt1Error as err:
        return Outcome(None, "refused", error=err)
    m = b.manifest
    source = m.get("source") if isinstance(m.get("source"), dict) else {}
    outcome = Outcome(source.get("counter_uuid"), bundle_id=m.get("bundle_id"))
    try:
        if b.kind != "changes":
            raise Kt1Error("bundle_wrong_kind", kind=b.kind, expected="changes")
        who = _check_key(conn, m, b)
        counter_uuid = who["counter_uuid"]
        if m.get("destination") != province:
            raise Kt1Error("bundle_wrong_destination", destination=m.get("destination", "?"), here=province)
        held = cursor_of(conn, counter_uuid) or (0, "")
        last_seq = m.get("last_seq")
        # A bundle central already holds whole: one lookup, nothing decompressed.
        if isinstance(last_seq, int) and 0 < last_seq <= held[0]:
            held_hash = held[1] if last_seq == held[0] else _held_hashes(conn, counter_uuid, last_seq, last_seq).get(last_seq)
            if held_hash == m.get("head_hash"):
                outcome.already_present = int(m.get("count") or 0)
                outcome.confirmed_seq, outcome.confirmed_hash = held
                return outcome
        _take(conn, who, m, b, held, outcome, batch, before_commit)
    except Kt1Error as err:
        outcome.status, outcome.error = "refused", err
    finally:
        if outcome.counter_uuid:
            current = None
            try:
                current = cursor_of(conn, outcome.counter_uuid)
            except Exception:
                pass
            if current is not None:
                outcome.confirmed_seq, outcome.confirmed_hash = current
    if outcome.error is None and outcome.bundle_id:
        with conn.transaction():
            conn.execute("INSERT INTO kt1.bundle_receipts (bundle_id, counter_uuid, first_seq, last_seq, pushed, "
                         "already_present) VALUES (%s, %s, %s, %s, %s, %s) ON CONFLICT (bundle_id) DO UPDATE SET "
                         "pushed = kt1.bundle_receipts.pushed + excluded.pushed, received_at = now()",
                         (outcome.bundle_id, outcome.counter_uuid, m.get("first_seq"), m.get("last_seq"),
                          outcome.pushed, outcome.already_present))
    return outcome


@contextmanager
def _collector_paused():
    """A bundle is 100,000s of small tuples, none of which can be part of a cycle; the cyclic collector
    would wake thousands of times to scan them for nothing (a third of the parsing time)."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def _take(conn, who: dict, m: dict, b: bundle.Bundle, held: tuple[int, str], outcome: Outcome, batch: int,
          before_commit) -> None:
    """Check every entry, then refuse a fork or a gap, or apply what is new, batch by batch."""
    counter_uuid = who["counter_uuid"]
    source = m.get("source") if isinstance(m.get("source"), dict) else {}
    with _collector_paused():
        entries = _check_entries(counter_uuid, m, bundle.entries(b))
    fork_seq = _fork_point(conn, counter_uuid, entries, held[0])
    if fork_seq is None and entries[0][0] == held[0] + 1 and entries[0][9] != held[1]:
        fork_seq = entries[0][0]
    if fork_seq is not None:
        outcome.fork = {"seq": fork_seq, "central_seq": held[0]}
        _record(conn, "fork", counter_uuid, f"seq {fork_seq}",
                {"fork_seq": fork_seq, "central_seq": held[0], "bundle_id": m.get("bundle_id"),
                 "office": source.get("office"), "counter": source.get("counter")})
        outcome.serial_high = serial_high(conn, counter_uuid)
        raise Kt1Error("bundle_fork", seq=fork_seq)
    if entries[0][0] > held[0] + 1:
        missing = f"{held[0] + 1}–{entries[0][0] - 1}"
        _record(conn, "gap", counter_uuid, f"from {held[0] + 1}",
                {"held": held[0], "first": entries[0][0], "bundle_id": m.get("bundle_id")})
        raise Kt1Error("bundle_gap", held=held[0], first=entries[0][0], missing=missing)
    outcome.already_present = sum(1 for e in entries if e[0] <= held[0])
    fresh = [e for e in entries if e[0] > held[0]]
    _prepare_partitions(conn, fresh)
    for start in range(0, len(fresh), batch):
        taken = apply_batch(conn, who, fresh[start:start + batch], before_commit)
        outcome.pushed += taken
        outcome.already_present += len(fresh[start:start + batch]) - taken


def _months(table: str, rows: list[str]) -> set[date]:
    """The months images of ``table`` are partitioned by (``_MONTH``). The text after the pattern's first
    marker is gathered first (a few distinct values) and read once each; an image where that text is not a
    month is searched whole, exactly as the pattern says."""
    marker, pattern = _MARKER[table], _MONTH[table]
    skip = len(marker)

    def after(row: str) -> str | None:
        at = row.find(marker)
        return None if at < 0 else row[at + skip:at + skip + 7]

    months, wrong = set(), set()
    for text in {after(row) for row in rows}:
        found = pattern.match(marker + text) if text is not None else None
        if found:
            months.add(date(int(found[1]), int(found[2]), 1))
        else:
            wrong.add(text)
    if wrong:
        months |= {date(int(f[1]), int(f[2]), 1) for f in (pattern.search(row) for row in rows if after(row) in wrong)
                   if f}
    return months


def _prepare_partitions(conn, entries: list[tuple]) -> None:
    today = conn.execute("SELECT current_date").fetchone()[0]  # central's clock, in Vietnam's time
    horizon = next_month(month_start(today))
    ensure_partitions(conn, "change_log", {month_start(today), horizon}, horizon=horizon)
    images: dict[str, list[str]] = {table: [] for table in _MONTH}
    for e in entries:
        if e[5] in images and e[8]:
            images[e[5]].append(e[8])
    for table, rows in images.items():
        months = _months(table, rows)
        if months:
            ensure_partitions(conn, table, months, horizon=horizon)
