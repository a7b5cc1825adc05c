"""Schema 0008: dispatches that arrive from another office, their bags and items, and the items' life here.

An item accepted at another office is that office's record: its row in ``items``,
its serial, its fee and its shift stay there, and the province already holds it
under the sending counter's identity. So it is not copied into ``items`` here
(which would make two counters claim one S10 id at central, and count another
office's fees in this office's shifts); it is an ``inbound_items`` row, made
from the sending counter's signed dispatch bundle (``kt1desk dispatch import``),
and its life at this office — received, missing, out for delivery, delivered,
failed, returned — is ``inbound_events``, moved along the same legal
transitions as a local item (``item_transitions``). ``any_items`` is the one
list of both, for lookup, the delivery work list, receipts and overdue.

What arrived is kept as it arrived: dispatches, bags (but for their receipt)
and the items' particulars never change; an inbound item is born
``dispatched`` (on its way here) and is never deleted.
"""

from __future__ import annotations

_ITEM_FIXED = ("id", "bag_id", "row_no", "origin_office", "origin_counter", "sender_code", "sender_name",
               "sender_address", "sender_province", "recipient_code", "recipient_name", "recipient_address",
               "recipient_province", "kind", "weight_g", "pieces", "secrecy", "hoa_toc", "hen_gio_at", "scope",
               "accepted_at", "deadline")
_BAG_FIXED = ("id", "dispatch_id", "origin", "destination", "destination_fold", "manifest_id", "seal_no",
              "closed_at", "items")


def _changed(columns) -> str:
    return " OR ".join(f"NEW.{c} IS NOT OLD.{c}" for c in columns)


V8 = [
    # One row per dispatch bundle imported: who sent it, signed with which key, handed to whom.
    """CREATE TABLE inbound_dispatches (
        id TEXT PRIMARY KEY,
        bundle_id TEXT NOT NULL UNIQUE,
        key_id TEXT NOT NULL,
        origin_office TEXT NOT NULL,
        origin_counter TEXT NOT NULL,
        origin_uuid TEXT NOT NULL,
        origin_province TEXT NOT NULL,
        destination TEXT NOT NULL,
        vehicle TEXT NOT NULL,
        handed_at TEXT NOT NULL,
        handed_by_name TEXT NOT NULL,
        receiver_name TEXT NOT NULL,
        created_at TEXT NOT NULL,
        imported_at TEXT NOT NULL,
        imported_by INTEGER REFERENCES users(id)
    ) STRICT""",
    """CREATE TRIGGER inbound_dispatches_no_update BEFORE UPDATE ON inbound_dispatches
        BEGIN SELECT RAISE(ABORT, 'an inbound dispatch is kept as it arrived'); END""",
    """CREATE TRIGGER inbound_dispatches_no_delete BEFORE DELETE ON inbound_dispatches
        BEGIN SELECT RAISE(ABORT, 'an inbound dispatch is kept as it arrived'); END""",
    """CREATE TABLE inbound_bags (
        id TEXT PRIMARY KEY,
        dispatch_id TEXT NOT NULL REFERENCES inbound_dispatches(id),
        origin TEXT NOT NULL,
        destination TEXT NOT NULL,
        destination_fold TEXT NOT NULL,
        manifest_id TEXT NOT NULL,
        seal_no TEXT NOT NULL,
        closed_at TEXT NOT NULL,
        items INTEGER NOT NULL CHECK (items >= 0),
        status TEXT NOT NULL DEFAULT 'dispatched' CHECK (status IN ('dispatched', 'received')),
        receipt_id TEXT REFERENCES receipts(id),
        CHECK ((status = 'received') = (receipt_id IS NOT NULL))
    ) STRICT""",
    "CREATE INDEX inbound_bags_dispatch ON inbound_bags(dispatch_id)",
    f"""CREATE TRIGGER inbound_bags_legal BEFORE UPDATE ON inbound_bags
        WHEN ({_changed(_BAG_FIXED)}) OR OLD.status = 'received'
        BEGIN SELECT RAISE(ABORT, 'an inbound bag is kept as it arrived'); END""",
    """CREATE TRIGGER inbound_bags_no_delete BEFORE DELETE ON inbound_bags
        BEGIN SELECT RAISE(ABORT, 'bags are kept'); END""",
    # The particulars the destination needs to deliver an item: what is on its envelope, nothing inside.
    """CREATE TABLE inbound_items (
        id TEXT PRIMARY KEY,
        bag_id TEXT NOT NULL REFERENCES inbound_bags(id),
        row_no INTEGER NOT NULL CHECK (row_no >= 1),
        origin_office TEXT NOT NULL,
        origin_counter TEXT NOT NULL,
        sender_code TEXT NOT NULL,
        sender_name TEXT NOT NULL,
        sender_address TEXT NOT NULL DEFAULT '',
        sender_province TEXT NOT NULL DEFAULT '',
        recipient_code TEXT NOT NULL,
        recipient_name TEXT NOT NULL,
        recipient_address TEXT NOT NULL,
        recipient_province TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('thu', 'goi', 'kien')),
        weight_g INTEGER NOT NULL CHECK (weight_g > 0),
        pieces INTEGER NOT NULL CHECK (pieces >= 1),
        secrecy TEXT CHECK (secrecy IN ('A', 'B', 'C')),
        hoa_toc INTEGER NOT NULL DEFAULT 0 CHECK (hoa_toc IN (0, 1)),
        hen_gio_at TEXT,
        scope TEXT NOT NULL CHECK (scope IN ('noi-tinh', 'lien-tinh')),
        accepted_at TEXT NOT NULL,
        deadline TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'dispatched',
        UNIQUE (bag_id, row_no)
    ) STRICT""",
    "CREATE INDEX inbound_items_status ON inbound_items(status, deadline)",
    """CREATE TRIGGER inbound_items_born_dispatched BEFORE INSERT ON inbound_items
        WHEN NEW.status IS NOT 'dispatched'
        BEGIN SELECT RAISE(ABORT, 'an inbound item arrives dispatched'); END""",
    """CREATE TRIGGER inbound_items_status_legal BEFORE UPDATE OF status ON inbound_items
        WHEN NEW.status IS NOT OLD.status AND NOT EXISTS (
            SELECT 1 FROM item_transitions WHERE from_status = OLD.status AND to_status = NEW.status)
        BEGIN SELECT RAISE(ABORT, 'illegal item transition'); END""",
    f"""CREATE TRIGGER inbound_items_fixed BEFORE UPDATE ON inbound_items WHEN {_changed(_ITEM_FIXED)}
        BEGIN SELECT RAISE(ABORT, 'an inbound item is kept as it arrived'); END""",
    """CREATE TRIGGER inbound_items_no_delete BEFORE DELETE ON inbound_items
        BEGIN SELECT RAISE(ABORT, 'items are kept three years'); END""",
    # The item's life at this office, as item_events are for local items.
    """CREATE TABLE inbound_events (
        id INTEGER PRIMARY KEY,
        item_id TEXT NOT NULL REFERENCES inbound_items(id),
        at TEXT NOT NULL,
        kind TEXT NOT NULL,
        user_id INTEGER REFERENCES users(id),
        counter_id INTEGER REFERENCES counters(id),
        shift_id TEXT REFERENCES shifts(id),
        details TEXT NOT NULL DEFAULT '{}'
    ) STRICT""",
    "CREATE INDEX inbound_events_item ON inbound_events(item_id, id)",
    """CREATE TRIGGER inbound_events_no_update BEFORE UPDATE ON inbound_events
        BEGIN SELECT RAISE(ABORT, 'events are kept'); END""",
    """CREATE TRIGGER inbound_events_no_delete BEFORE DELETE ON inbound_events
        BEGIN SELECT RAISE(ABORT, 'events are kept'); END""",
    # Counter keys this office trusts for dispatch bundles: from the province's bundle (its counters'
    # registered keys) or trusted by an admin (a counter of another province, its line read out).
    """CREATE TABLE sync_peer_keys (
        key_id TEXT PRIMARY KEY,
        office TEXT NOT NULL,
        counter TEXT NOT NULL,
        counter_uuid TEXT NOT NULL,
        province TEXT NOT NULL,
        public_key TEXT NOT NULL,
        source TEXT NOT NULL CHECK (source IN ('admin', 'province')),
        added_at TEXT NOT NULL,
        retired_at TEXT
    ) STRICT""",
    # Both kinds of item as one list: what lookup, delivery, receipts and overdue read.
    """CREATE VIEW any_items AS
        SELECT id, 0 AS inbound, status, sender_code, sender_name, recipient_id, recipient_code, recipient_name,
               recipient_address, recipient_province, kind, weight_g, pieces, secrecy, hoa_toc, hen_gio_at, scope,
               accepted_at, deadline, NULL AS origin_office, NULL AS bag_id, rowid AS seq FROM items
        UNION ALL
        SELECT i.id, 1, i.status, i.sender_code, i.sender_name, a.id, i.recipient_code, i.recipient_name,
               i.recipient_address, i.recipient_province, i.kind, i.weight_g, i.pieces, i.secrecy, i.hoa_toc,
               i.hen_gio_at, i.scope, i.accepted_at, i.deadline, i.origin_office, i.bag_id, i.rowid
        FROM inbound_items i LEFT JOIN agencies a ON a.code = i.recipient_code""",
]

# A receipt of a bag that came from another office names that office's dispatch and bags: the local
# foreign keys (to this office's own dispatches and bags) are dropped, as they cannot hold them.
RECEIPT_FK = ("receipts", "dispatch_id TEXT REFERENCES dispatches(id),", "dispatch_id TEXT,")
RECEIPT_LINE_FK = ("receipt_lines", "bag_id TEXT REFERENCES bags(id),", "bag_id TEXT,")
