"""Counter keys this office trusts for the dispatch bundles other offices send it.

A dispatch bundle (``kt1desk dispatch export``) is signed by the sending counter's
own Ed25519 key, the key the province registered with ``central trust``. The
receiving office must know that key before it believes the bundle. Two ways in:

- **from the province**: the province's signed bundle (``central publish`` →
  ``kt1desk sync apply``) carries the key lines of every counter registered there
  and not revoked, so the counters of one province trust one another with no
  step of their own; a key revoked at the province is retired here at the next
  publication;
- **by an admin**: ``kt1desk sync trust-peer LINE`` trusts one counter's key line
  (``kt1desk sync key`` at the sender), read out or carried over — the way for
  a counter of another province. Read the key id aloud on the phone to check it
  arrived whole.

Only public keys are kept (``sync_peer_keys``, logged: trusting a key is a
visible event). A key is trusted for the office and counter its line names: a
bundle signed with it that claims another office is refused.
"""

from __future__ import annotations

from .. import clock
from ..errors import Kt1Error
from .changelog import set_origin
from .keys import parse_key_line, public_from_b64


def trust_peer(store, actor, line: str) -> dict:
    """An admin trusts a sending counter's key line; trusting it again changes nothing."""
    from ..services.users import require_role

    require_role(actor, "admin")
    fields = parse_key_line(line)
    if fields["role"] != "counter":
        raise Kt1Error("key_line_role", expected="counter")
    held = store.one("SELECT key_id, retired_at FROM sync_peer_keys WHERE key_id = ?", (fields["key_id"],))
    if held and held["retired_at"] is None:
        return {"key_id": fields["key_id"], "office": fields["office"], "counter": fields["counter"], "new": False}
    with store.write(actor, "sync.trust_peer") as tx:
        _put(tx, fields, "admin")
    return {"key_id": fields["key_id"], "office": fields["office"], "counter": fields["counter"], "new": True}


def _put(tx, fields: dict, source: str) -> None:
    tx.execute(
        "INSERT INTO sync_peer_keys (key_id, office, counter, counter_uuid, province, public_key, source, added_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (key_id) DO UPDATE SET retired_at = NULL, source = excluded.source",
        (fields["key_id"], fields["office"].upper(), fields["counter"].upper(), fields["uuid"], fields["province"],
         fields["ed25519"], source, clock.iso(tx.now)))
    tx.record("peer_key", fields["key_id"], office=fields["office"], counter=fields["counter"], source=source)


def apply_published(tx, lines: list[str]) -> int:
    """Inside a province bundle's write: trust the counter keys it lists, retire those it no longer lists
    (revoked at the province). Keys an admin trusted by hand are left as they are. Returns how many changed."""
    set_origin(tx, "central")
    wanted = {}
    for line in lines:
        try:
            fields = parse_key_line(line)
        except Kt1Error:
            continue  # one bad line must not stop the agencies and tariffs; it is simply not trusted
        if fields["role"] == "counter":
            wanted[fields["key_id"]] = fields
    changed = 0
    held = {r[0]: (r[1], r[2]) for r in tx.execute("SELECT key_id, source, retired_at FROM sync_peer_keys")}
    for key_id, fields in wanted.items():
        if key_id not in held or held[key_id][1] is not None:
            _put(tx, fields, "province")
            changed += 1
    for key_id, (source, retired) in held.items():
        if source == "province" and retired is None and key_id not in wanted:
            tx.execute("UPDATE sync_peer_keys SET retired_at = ? WHERE key_id = ?", (clock.iso(tx.now), key_id))
            tx.record("peer_key", key_id, event="retired", source="province")
            changed += 1
    return changed


def peer_key(store, key_id: str) -> tuple[dict, object]:
    """The trusted key with this id and its public key object; Kt1Error('bundle_unknown_key') otherwise."""
    row = store.one("SELECT * FROM sync_peer_keys WHERE key_id = ? AND retired_at IS NULL", (key_id,))
    if row is None:
        raise Kt1Error("dispatch_unknown_key", key_id=key_id or "?")
    return row, public_from_b64(row["public_key"])


def list_peers(store) -> list[dict]:
    return store.all("SELECT key_id, office, counter, province, source, added_at, retired_at FROM sync_peer_keys "
                     "ORDER BY retired_at IS NOT NULL, office, counter")
