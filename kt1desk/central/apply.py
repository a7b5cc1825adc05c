"""One batch of a counter's entries into PostgreSQL, in one transaction (``ingest`` checked them first).

Lock the counter's cursor row; skip what another push committed meanwhile; require the first new
entry to be last+1 and to chain to the held hash; binary ``COPY`` the entries straight into
``kt1.change_log``; fold them into ``serial_blocks``, ``items``, ``item_events`` and ``records``
with set-based ``INSERT … SELECT … ON CONFLICT`` that read the batch back from ``change_log`` (the
rows were just written: no staging copy); move the cursor; commit.

Only each record's newest entry in the batch is folded (an item changed twice keeps its last
image): the older ones are passed as a list of sequence numbers to leave out, usually empty.
Statements a batch does not need (no serial block, no delete, no other record) are not sent.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable

from ..errors import Kt1Error

LOG_COLUMNS = ("counter_uuid", "seq", "at", "received_at", "origin", "actor", "action", "tbl", "pk", "op", "row",
               "prev_hash", "hash")
LOG_TYPES = ["uuid", "int8", "text", "timestamptz", "text", "text", "text", "text", "text", "text", "text", "text",
             "text"]
_COPY = f"COPY kt1.change_log ({', '.join(LOG_COLUMNS)}) FROM STDIN (FORMAT BINARY)"

# The batch as written to the change log a moment ago, less the entries a newer one of the same record
# replaces. ``received_at`` is the transaction's now(): it prunes to the month's partition.
_BATCH = ("kt1.change_log l WHERE l.counter_uuid = %(c)s AND l.received_at = %(t)s "
          "AND l.seq BETWEEN %(lo)s AND %(hi)s AND l.seq <> ALL(%(old)s)")
# Every entry of the batch (deletes are applied whether or not a newer entry follows, as ever).
_ALL = ("kt1.change_log l WHERE l.counter_uuid = %(c)s AND l.received_at = %(t)s "
        "AND l.seq BETWEEN %(lo)s AND %(hi)s")

# A held item belongs to this counter, or to the counter it continues (for changes made before the fork).
_OWNED = "(i.origin_counter = %(c)s OR (i.origin_counter = %(p)s AND i.src_seq < %(f)s) IS TRUE)"

# Serial blocks first: a successor takes over its predecessor's; a block overlapping another counter's
# is not taken (the exclusion constraint) and is reported.
_BLOCKS = [
    f"""CREATE TEMP TABLE kt1_blocks ON COMMIT DROP AS
       SELECT l.seq, l.op, l.row::jsonb AS r FROM {_BATCH} AND l.tbl = 'serial_blocks'""",
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
]

# S10 ids of the batch held by another counter: looked up only for the suspects (see _suspects).
_CLASH = f"""SELECT s.id, s.seq, i.origin_counter FROM unnest(%(ids)s::text[], %(seqs)s::bigint[]) AS s(id, seq)
       JOIN kt1.items i ON i.id = s.id WHERE NOT {_OWNED}"""
_CLASH_REPORT = """INSERT INTO kt1.conflicts (kind, counter_uuid, other_counter, subject, detail)
       SELECT 's10', %(c)s, x.other, x.id, jsonb_build_object('seq', x.seq)
       FROM unnest(%(ids)s::text[], %(seqs)s::bigint[], %(others)s::uuid[]) AS x(id, seq, other)
       ON CONFLICT (kind, counter_uuid, subject) DO NOTHING"""

# OFFSET 0 keeps the subquery whole, so each image is parsed to jsonb once, not once per field read.
_ITEMS = f"""INSERT INTO kt1.items (id, accepted_at, origin_counter, src_seq, status, sender_code, recipient_code,
                              recipient_province, fee_vnd, row)
       SELECT n.id, (n.r->>'accepted_at')::timestamptz, %(c)s, n.seq, n.r->>'status', n.r->>'sender_code',
              n.r->>'recipient_code', n.r->>'recipient_province', (n.r->>'fee_vnd')::bigint, n.r
       FROM (SELECT l.pk::jsonb->>0 AS id, l.seq, l.row::jsonb AS r FROM {_BATCH}
             AND l.tbl = 'items' AND l.op <> 'delete' OFFSET 0) n
       WHERE n.id <> ALL(%(clash)s::text[])
       ON CONFLICT (id, accepted_at) DO UPDATE SET origin_counter = excluded.origin_counter,
           src_seq = excluded.src_seq, status = excluded.status, sender_code = excluded.sender_code,
           recipient_code = excluded.recipient_code, recipient_province = excluded.recipient_province,
           fee_vnd = excluded.fee_vnd, row = excluded.row, updated_at = now()
       WHERE kt1.items.src_seq < excluded.src_seq OR kt1.items.origin_counter <> excluded.origin_counter"""
_ITEMS_DELETE = f"""DELETE FROM kt1.items i USING (SELECT l.pk::jsonb->>0 AS id FROM {_BATCH}
             AND l.tbl = 'items' AND l.op = 'delete') n
       WHERE i.id = n.id AND i.origin_counter = %(c)s"""
_EVENTS = f"""INSERT INTO kt1.item_events (counter_uuid, local_id, at, item_id, kind, src_seq, row)
       SELECT %(c)s, (r->>'id')::bigint, (r->>'at')::timestamptz, r->>'item_id', r->>'kind', seq, r
       FROM (SELECT l.seq, l.row::jsonb AS r FROM {_BATCH} AND l.tbl = 'item_events' AND l.op <> 'delete' OFFSET 0) n
       ON CONFLICT (counter_uuid, local_id, at) DO UPDATE SET item_id = excluded.item_id, kind = excluded.kind,
           src_seq = excluded.src_seq, row = excluded.row WHERE kt1.item_events.src_seq < excluded.src_seq"""
_EVENTS_DELETE = f"""DELETE FROM kt1.item_events e USING (SELECT l.pk FROM {_ALL}
             AND l.tbl = 'item_events' AND l.op = 'delete') s
       WHERE e.counter_uuid = %(c)s AND e.local_id = (s.pk::jsonb->>0)::bigint"""
# Every other record: its latest image per counter (a deleted one keeps a NULL image).
_RECORDS = f"""INSERT INTO kt1.records (counter_uuid, tbl, pk, src_seq, row)
       SELECT %(c)s, l.tbl, l.pk, l.seq, CASE WHEN l.op = 'delete' THEN NULL ELSE l.row::jsonb END
       FROM {_BATCH} AND l.tbl NOT IN ('items', 'item_events')
       ON CONFLICT (counter_uuid, tbl, pk) DO UPDATE SET src_seq = excluded.src_seq, row = excluded.row
       WHERE kt1.records.src_seq < excluded.src_seq"""


def _typed(sql: str) -> str:
    """Parameters in select lists need their types said."""
    return (sql.replace("%(c)s", "%(c)s::uuid").replace("%(p)s", "%(p)s::uuid").replace("%(f)s", "%(f)s::bigint")
            .replace("%(t)s", "%(t)s::timestamptz").replace("%(lo)s", "%(lo)s::bigint")
            .replace("%(hi)s", "%(hi)s::bigint").replace("%(old)s", "%(old)s::bigint[]"))


_BLOCKS = [_typed(s) for s in _BLOCKS]
_CLASH, _CLASH_REPORT, _ITEMS, _ITEMS_DELETE, _EVENTS, _EVENTS_DELETE, _RECORDS = (
    _typed(s) for s in (_CLASH, _CLASH_REPORT, _ITEMS, _ITEMS_DELETE, _EVENTS, _EVENTS_DELETE, _RECORDS))


def _item_id(pk: str):
    """``pk::jsonb->>0`` of an item's key, or None when it is not a one-string array."""
    if pk.startswith('["') and pk.endswith('"]') and '"' not in pk[2:-2] and "\\" not in pk:
        return pk[2:-2]  # the usual ["DK123456789VN"]: no escape inside
    try:
        key = json.loads(pk)
    except ValueError:
        return None
    return key[0] if isinstance(key, list) and key and isinstance(key[0], str) else None


def _suspects(conn, params: dict, items: list[tuple]) -> tuple[list[str], list[int]]:
    """The batch's new item images whose S10 id may be another counter's: an id inside a block central
    holds for this counter cannot be (blocks never overlap), so only the others — and every item of a
    counter continuing a fork — are looked up among the held items."""
    if params["p"] is not None:
        blocks = None
    else:
        blocks: dict[str, list[tuple[int, int]]] = {}
        for indicator, first, last in conn.execute(
                "SELECT indicator, first, last FROM kt1.serial_blocks WHERE counter_uuid = %s", (params["c"],)):
            blocks.setdefault(indicator, []).append((first, last))
    ids, seqs = [], []
    for e in items:
        item_id = _item_id(e[6])
        if blocks is not None and item_id is not None:
            serial = item_id[2:10]
            # As the SQL it replaces: left(id, 2) = indicator, substr(id, 3, 8) ~ '^[0-9]{8}$', within the block.
            if len(serial) == 8 and serial.isascii() and serial.isdigit():
                number = int(serial)
                inside = False
                for first, last in blocks.get(item_id[:2], ()):
                    if first <= number <= last:
                        inside = True
                        break
                if inside:
                    continue
        if item_id is None:
            # An odd key: let PostgreSQL read it exactly as the fold will.
            item_id = conn.execute("SELECT %s::jsonb->>0", (e[6],)).fetchone()[0]
            if item_id is None:
                continue
        ids.append(item_id)
        seqs.append(e[0])
    return ids, seqs


def apply_batch(conn, who: dict, entries: list[tuple], before_commit: Callable[[int], None] | None) -> int:
    """One transaction: returns how many entries were new (0 when another push took them meanwhile)."""
    counter_uuid = who["counter_uuid"]
    with conn.transaction():
        last_seq, last_hash, now = conn.execute(
            "SELECT last_seq, last_hash, now() FROM kt1.ingest_cursor WHERE counter_uuid = %s FOR UPDATE",
            (counter_uuid,)).fetchone()
        fresh = [e for e in entries if e[0] > last_seq]
        if not fresh:
            return 0
        if fresh[0][0] != last_seq + 1:
            raise Kt1Error("bundle_gap", held=last_seq, first=fresh[0][0], missing=f"{last_seq + 1}–{fresh[0][0] - 1}")
        if fresh[0][9] != last_hash:
            raise Kt1Error("bundle_fork", seq=fresh[0][0])
        # Short set-based statements: compiling them (JIT) costs more than running them.
        conn.execute("SET LOCAL jit = off")
        newest: dict[tuple[str, str], int] = {}
        for e in fresh:
            newest[(e[5], e[6])] = e[0]
        old = [e[0] for e in fresh if newest[(e[5], e[6])] != e[0]]
        tables = {(e[5], e[7] == "delete") for e in fresh}
        params = {"c": counter_uuid, "p": who["predecessor"], "f": who["fork_seq"], "t": now,
                  "lo": fresh[0][0], "hi": fresh[-1][0], "old": old}
        with conn.cursor() as cur:
            with cur.copy(_COPY) as copy:
                copy.set_types(LOG_TYPES)
                source = uuid.UUID(counter_uuid)
                write = copy.write_row
                for e in fresh:
                    write((source, e[0], e[1], now, *e[2:11]))
            if ("serial_blocks", False) in tables or ("serial_blocks", True) in tables:
                for statement in _BLOCKS:
                    cur.execute(statement, params)
            if ("items", False) in tables:
                skipped = set(old)
                suspects = _suspects(conn, params, [e for e in fresh if e[5] == "items" and e[7] != "delete"
                                                    and e[0] not in skipped])
                clash = cur.execute(_CLASH, params | {"ids": suspects[0], "seqs": suspects[1]}).fetchall() \
                    if suspects[0] else []
                if clash:
                    cur.execute(_CLASH_REPORT, params | {"ids": [x[0] for x in clash], "seqs": [x[1] for x in clash],
                                                         "others": [x[2] for x in clash]})
                cur.execute(_ITEMS, params | {"clash": sorted({x[0] for x in clash})})
            if ("items", True) in tables:
                cur.execute(_ITEMS_DELETE, params)
            if ("item_events", False) in tables:
                cur.execute(_EVENTS, params)
            if ("item_events", True) in tables:
                cur.execute(_EVENTS_DELETE, params)
            if any(t not in ("items", "item_events") for t, _ in tables):
                cur.execute(_RECORDS, params)
            cur.execute("UPDATE kt1.ingest_cursor SET last_seq = %s, last_hash = %s, updated_at = now() "
                        "WHERE counter_uuid = %s", (fresh[-1][0], fresh[-1][10], counter_uuid))
        if before_commit is not None:
            before_commit(fresh[-1][0])
    return len(fresh)
