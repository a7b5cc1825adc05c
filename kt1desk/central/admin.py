"""Registering counters' keys, revoking them, and the province's view of where every counter stands."""

from __future__ import annotations

from ..errors import Kt1Error
from ..sync.keys import parse_key_line
from .db import require_schema


def trust(conn, line: str) -> dict:
    """Register a counter's key line (``kt1desk sync key``); the counter and its cursor are made if new."""
    province = require_schema(conn)
    fields = parse_key_line(line)
    if fields["role"] != "counter":
        raise Kt1Error("key_line_role", expected="counter")
    if fields["province"] != province:
        raise Kt1Error("bundle_wrong_destination", destination=fields["province"], here=province)
    with conn.transaction():
        predecessor = fields.get("predecessor") or None
        if predecessor and not conn.execute("SELECT 1 FROM kt1.counters WHERE counter_uuid = %s",
                                            (predecessor,)).fetchone():
            predecessor = None
        conn.execute(
            "INSERT INTO kt1.counters (counter_uuid, office, counter, province, predecessor, fork_seq) "
            "VALUES (%s, %s, %s, %s, %s, %s) ON CONFLICT (counter_uuid) DO UPDATE SET office = excluded.office, "
            "counter = excluded.counter", (fields["uuid"], fields["office"], fields["counter"], province, predecessor,
                                           int(fields["fork_seq"]) if fields.get("fork_seq") else None))
        conn.execute("INSERT INTO kt1.ingest_cursor (counter_uuid) VALUES (%s) ON CONFLICT DO NOTHING",
                     (fields["uuid"],))
        held = conn.execute("SELECT counter_uuid::text, revoked_at FROM kt1.counter_keys WHERE key_id = %s",
                            (fields["key_id"],)).fetchone()
        if held is not None and held[0] != fields["uuid"]:
            raise Kt1Error("bundle_wrong_key", key_id=fields["key_id"])
        if held is None:
            conn.execute("INSERT INTO kt1.counter_keys (key_id, counter_uuid, public_key) VALUES (%s, %s, %s)",
                         (fields["key_id"], fields["uuid"], fields["ed25519"]))
    return {"key_id": fields["key_id"], "counter_uuid": fields["uuid"], "office": fields["office"],
            "counter": fields["counter"], "revoked": bool(held and held[1])}


def revoke(conn, key_id: str) -> None:
    require_schema(conn)
    with conn.transaction():
        cursor = conn.execute("UPDATE kt1.counter_keys SET revoked_at = now() WHERE key_id = %s AND revoked_at IS NULL",
                              (key_id,))
        if cursor.rowcount == 0 and not conn.execute("SELECT 1 FROM kt1.counter_keys WHERE key_id = %s",
                                                     (key_id,)).fetchone():
            raise Kt1Error("central_revoke_unknown", key_id=key_id)


def status(conn) -> dict:
    """Per counter: the last sequence, items, pending gaps and conflicts."""
    province = require_schema(conn)
    counters = []
    for row in conn.execute(
            "SELECT c.counter_uuid::text, c.office, c.counter, c.predecessor::text, k.last_seq, k.updated_at, "
            "(SELECT COUNT(*) FROM kt1.items i WHERE i.origin_counter = c.counter_uuid), "
            "(SELECT COUNT(*) FROM kt1.conflicts f WHERE f.counter_uuid = c.counter_uuid AND f.kind <> 'gap') "
            "FROM kt1.counters c LEFT JOIN kt1.ingest_cursor k USING (counter_uuid) ORDER BY c.office, c.counter, "
            "c.registered_at").fetchall():
        gaps = [{"from": g[0]["held"] + 1, "to": g[0]["first"] - 1} for g in conn.execute(
            "SELECT detail FROM kt1.conflicts WHERE kind = 'gap' AND counter_uuid = %s "
            "AND (detail->>'first')::bigint > %s + 1 ORDER BY id", (row[0], row[4] or 0)).fetchall()]
        counters.append({"counter_uuid": row[0], "office": row[1], "counter": row[2], "predecessor": row[3],
                         "last_seq": row[4] or 0, "last_at": row[5].isoformat() if row[5] else None,
                         "items": row[6], "conflicts": row[7], "pending_gaps": gaps})
    conflicts = [{"kind": r[0], "counter_uuid": r[1], "other_counter": r[2], "subject": r[3], "detail": r[4],
                  "seen_at": r[5].isoformat()}
                 for r in conn.execute("SELECT kind, counter_uuid::text, other_counter::text, subject, detail, seen_at "
                                       "FROM kt1.conflicts WHERE kind <> 'gap' ORDER BY id").fetchall()]
    totals = conn.execute("SELECT (SELECT COUNT(*) FROM kt1.items), (SELECT COUNT(*) FROM kt1.change_log)").fetchone()
    conn.commit()
    return {"province": province, "counters": counters, "conflicts": conflicts, "items": totals[0],
            "entries": totals[1]}
