"""Taking a counter's bundle into PostgreSQL: verify everything first, then one transaction per batch.

For each batch: lock the counter's cursor row; skip the entries central already holds; require
the first new one to be last+1 and to chain to the held hash; COPY the batch into a staging
table, append it to ``kt1.change_log`` and fold it into ``items``, ``item_events``,
``serial_blocks`` and ``records`` with ``INSERT … SELECT … ON CONFLICT``; move the cursor;
commit. A refusal (damaged, unknown or revoked key, wrong address, gap, fork) applies nothing
and says why; a fork and two counters claiming one S10 id or overlapping serial blocks are
recorded in ``kt1.conflicts`` and never merged over.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from .. import clock
from ..errors import Kt1Error
from ..sync import bundle
from ..sync.changelog import _HEADER
from ..sync.keys import public_from_b64
from .schema import ensure_partitions, month_start, next_month

try:
    from psycopg.types.json import Jsonb
except ImportError:  # the counter never imports this module; central needs psycopg
    Jsonb = None

BATCH = 5000
STAGE_COLUMNS = ("seq", "at", "origin", "actor", "action", "tbl", "pk", "op", "row", "prev_hash", "hash")
_MONTH = {"items": re.compile(r'"accepted_at":"(\d{4})-(\d{2})'), "item_events": re.compile(r'"at":"(\d{4})-(\d{2})')}

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
                or not all(isinstance(v, str) for v in (e[1], e[2], e[5], e[6], e[7], e[10])) \
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
            taken = _apply_batch(conn, who, fresh[start:start + batch], before_commit)
            outcome.pushed += taken
            outcome.already_present += len(fresh[start:start + batch]) - taken
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


def _prepare_partitions(conn, entries: list[tuple]) -> None:
    today = conn.execute("SELECT current_date").fetchone()[0]  # central's clock, in Vietnam's time
    horizon = next_month(month_start(today))
    ensure_partitions(conn, "change_log", {month_start(today), horizon}, horizon=horizon)
    for table, pattern in _MONTH.items():
        months = set()
        for e in entries:
            if e[5] == table and e[8]:
                found = pattern.search(e[8])
                if found:
                    months.add(date(int(found[1]), int(found[2]), 1))
        if months:
            ensure_partitions(conn, table, months, horizon=horizon)


# A held item belongs to this counter, or to the counter it continues (for changes made before the fork).
_OWNED = "(i.origin_counter = %(c)s OR (i.origin_counter = %(p)s AND i.src_seq < %(f)s) IS TRUE)"

# Each statement reads the staging table's ``latest`` rows only: the newest entry of each record in the
# batch (an item changed twice keeps only its last image), flagged while the batch was made.
_FOLD = [
    # Serial blocks first: a successor takes over its predecessor's; a block overlapping another
    # counter's is not taken (the exclusion constraint) and is reported.
    """CREATE TEMP TABLE kt1_blocks ON COMMIT DROP AS
       SELECT seq, op, row::jsonb AS r FROM kt1_stage WHERE tbl = 'serial_blocks' AND latest""",
    """UPDATE kt1.serial_blocks b SET counter_uuid = %(c)s, local_id = (n.r->>'id')::bigint
       FROM kt1_blocks n WHERE b.counter_uuid = %(p)s AND b.indicator = n.r->>'indicator'
         AND b.first = (n.r->>'first')::int AND b.last = (n.r->>'last')::int""",
    """UPDATE kt1.serial_blocks b SET next = GREATEST(b.next, (n.r->>'next')::int), src_seq = n.seq
       FROM kt1_blocks n WHERE b.counter_uuid = %(c)s AND b.local_id = (n.r->>'id')::bigint""",
    """INSERT INTO kt1.serial_blocks (counter_uuid, local_id, indicator, first, last, next, src_seq)
       SELECT %(c)s, (r->>'id')::bigint, r->>'indicator', (r->>'first')::int, (r->>'last')::int,
              (r->>'next')::int, seq FROM kt1_blocks n WHERE op <> 'delete'
       ON CONFLICT DO NOTHING""",
    """INSERT INTO kt1.conflicts (kind, counter_uuid, other_counter, subject, detail)
       SELECT 'serial_block', %(c)s, o.counter_uuid, n.r->>'indicator' || ' ' || (n.r->>'first') || '-' || (n.r->>'last'),
              jsonb_build_object('other_first', o.first, 'other_last', o.last, 'seq', n.seq)
       FROM kt1_blocks n JOIN kt1.serial_blocks o ON o.indicator = n.r->>'indicator'
         AND int4range(o.first, o.last, '[]') && int4range((n.r->>'first')::int, (n.r->>'last')::int, '[]')
         AND o.counter_uuid <> %(c)s
       WHERE n.op <> 'delete' AND NOT EXISTS (SELECT 1 FROM kt1.serial_blocks b WHERE b.counter_uuid = %(c)s
                                             AND b.local_id = (n.r->>'id')::bigint)
       ON CONFLICT (kind, counter_uuid, subject) DO NOTHING""",
    # S10 ids claimed by another counter. An id inside a block central holds for this counter cannot be
    # another counter's (blocks never overlap): only the others — from a block refused above, or any
    # item of a counter continuing a fork — are looked up among the held items.
    f"""CREATE TEMP TABLE kt1_items_clash ON COMMIT DROP AS
       WITH suspect AS MATERIALIZED (
           SELECT n.id, n.seq FROM kt1_items_new n WHERE n.op <> 'delete' AND (%(p)s IS NOT NULL OR NOT EXISTS (
               SELECT 1 FROM kt1.serial_blocks b WHERE b.counter_uuid = %(c)s AND b.indicator = left(n.id, 2)
                 AND substr(n.id, 3, 8) ~ '^[0-9]{{8}}$' AND substr(n.id, 3, 8)::int BETWEEN b.first AND b.last)))
       SELECT s.id, s.seq, i.origin_counter FROM suspect s JOIN kt1.items i ON i.id = s.id WHERE NOT {_OWNED}""",
    """INSERT INTO kt1.conflicts (kind, counter_uuid, other_counter, subject, detail)
       SELECT 's10', %(c)s, origin_counter, id, jsonb_build_object('seq', seq) FROM kt1_items_clash
       ON CONFLICT (kind, counter_uuid, subject) DO NOTHING""",
    """INSERT INTO kt1.items (id, accepted_at, origin_counter, src_seq, status, sender_code, recipient_code,
                              recipient_province, fee_vnd, row)
       SELECT n.id, (n.r->>'accepted_at')::timestamptz, %(c)s, n.seq, n.r->>'status', n.r->>'sender_code',
              n.r->>'recipient_code', n.r->>'recipient_province', (n.r->>'fee_vnd')::bigint, n.r
       FROM kt1_items_new n WHERE n.op <> 'delete' AND NOT EXISTS (SELECT 1 FROM kt1_items_clash x WHERE x.id = n.id)
       ON CONFLICT (id, accepted_at) DO UPDATE SET origin_counter = excluded.origin_counter,
           src_seq = excluded.src_seq, status = excluded.status, sender_code = excluded.sender_code,
           recipient_code = excluded.recipient_code, recipient_province = excluded.recipient_province,
           fee_vnd = excluded.fee_vnd, row = excluded.row, updated_at = now()
       WHERE kt1.items.src_seq < excluded.src_seq OR kt1.items.origin_counter <> excluded.origin_counter""",
    """DELETE FROM kt1.items i USING kt1_items_new n
       WHERE n.op = 'delete' AND i.id = n.id AND i.origin_counter = %(c)s""",
    """INSERT INTO kt1.item_events (counter_uuid, local_id, at, item_id, kind, src_seq, row)
       SELECT %(c)s, (r->>'id')::bigint, (r->>'at')::timestamptz, r->>'item_id', r->>'kind', seq, r
       FROM kt1_stage WHERE tbl = 'item_events' AND latest AND op <> 'delete'
       ON CONFLICT (counter_uuid, local_id, at) DO UPDATE SET item_id = excluded.item_id, kind = excluded.kind,
           src_seq = excluded.src_seq, row = excluded.row WHERE kt1.item_events.src_seq < excluded.src_seq""",
    """DELETE FROM kt1.item_events e USING kt1_stage s
       WHERE s.tbl = 'item_events' AND s.op = 'delete' AND e.counter_uuid = %(c)s
         AND e.local_id = (s.pk::jsonb->>0)::bigint""",
    # Every other record: its latest image per counter (a deleted one keeps a NULL image).
    """INSERT INTO kt1.records (counter_uuid, tbl, pk, src_seq, row)
       SELECT %(c)s, tbl, pk, seq, CASE WHEN op = 'delete' THEN NULL ELSE row::jsonb END
       FROM kt1_stage WHERE tbl NOT IN ('items', 'item_events') AND latest
       ON CONFLICT (counter_uuid, tbl, pk) DO UPDATE SET src_seq = excluded.src_seq, row = excluded.row
       WHERE kt1.records.src_seq < excluded.src_seq""",
]

# Parameters in select lists need their types said.
_FOLD = [s.replace("%(c)s", "%(c)s::uuid").replace("%(p)s", "%(p)s::uuid").replace("%(f)s", "%(f)s::bigint")
         for s in _FOLD]
STAGE_TYPES = ["int8", "text", "text", "text", "text", "text", "text", "text", "text", "text", "text", "bool", "jsonb"]
_PARSED = ("items", "item_events")


def _as_is(text: str) -> str:
    return text


def _stage(conn) -> None:
    """The staging table (and a view of its newest item images), once per connection; emptied at each commit."""
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS kt1_stage (seq bigint, at text, origin text, actor text, "
                 "action text, tbl text, pk text, op text, row text, prev_hash text, hash text, latest boolean, "
                 "r jsonb) ON COMMIT DELETE ROWS")
    conn.execute("CREATE OR REPLACE TEMP VIEW kt1_items_new AS SELECT pk::jsonb->>0 AS id, seq, op, r "
                 "FROM kt1_stage WHERE tbl = 'items' AND latest")


def _apply_batch(conn, who: dict, entries: list[tuple], before_commit) -> int:
    """One transaction: returns how many entries were new (0 when another push took them meanwhile)."""
    counter_uuid = who["counter_uuid"]
    params = {"c": counter_uuid, "p": who["predecessor"], "f": who["fork_seq"]}
    with conn.transaction():
        last_seq, last_hash = conn.execute(
            "SELECT last_seq, last_hash FROM kt1.ingest_cursor WHERE counter_uuid = %s FOR UPDATE",
            (counter_uuid,)).fetchone()
        fresh = [e for e in entries if e[0] > last_seq]
        if not fresh:
            return 0
        if fresh[0][0] != last_seq + 1:
            raise Kt1Error("bundle_gap", held=last_seq, first=fresh[0][0], missing=f"{last_seq + 1}–{fresh[0][0] - 1}")
        if fresh[0][9] != last_hash:
            raise Kt1Error("bundle_fork", seq=fresh[0][0])
        _stage(conn)
        newest = {(e[5], e[6]): e[0] for e in fresh}
        with conn.cursor() as cur:
            with cur.copy(f"COPY kt1_stage ({', '.join(STAGE_COLUMNS)}, latest, r) FROM STDIN (FORMAT BINARY)") as copy:
                copy.set_types(STAGE_TYPES)
                for e in fresh:
                    latest = newest[(e[5], e[6])] == e[0]
                    # Items and events are parsed once, here, for the tables they are folded into.
                    image = Jsonb(e[8], dumps=_as_is) if latest and e[8] and e[5] in _PARSED else None
                    copy.write_row((*e, latest, image))
            cur.execute("INSERT INTO kt1.change_log (counter_uuid, seq, at, received_at, origin, actor, action, tbl, "
                        "pk, op, row, prev_hash, hash) SELECT %(c)s::uuid, seq, at, now(), origin, actor, action, tbl, pk, "
                        "op, row, prev_hash, hash FROM kt1_stage", params)
            for statement in _FOLD:
                cur.execute(statement, params)
            cur.execute("UPDATE kt1.ingest_cursor SET last_seq = %s, last_hash = %s, updated_at = now() "
                        "WHERE counter_uuid = %s", (fresh[-1][0], fresh[-1][10], counter_uuid))
        if before_commit is not None:
            before_commit(fresh[-1][0])
    return len(fresh)
