"""Schema 0005: the item's life after acceptance — shifts, bags, dispatches, receipt, delivery, complaints.

The rules the records must always obey are here as well as in ``kt1desk/life``,
so that no code path can break them: an item moves only along the legal
transitions (the ``item_transitions`` table, the same pairs as
``kt1desk.life.states.ACTIONS``), is born ``accepted`` and is never deleted
within the three years records are kept; a closed shift, a sealed bag, a
dispatch, a receipt record and an answered complaint never change.

Every new record is keyed so that it names itself across machines: ids carry
the counter's code (and, for what travels to another office — bags and
dispatches — the office's code); signatures are keyed by the SHA-256 of the
picture.
"""

from __future__ import annotations

# (from, to): the legal moves of an item. kt1desk.life.states checks the same pairs first, with a
# message naming the item and its state; a test keeps the two lists equal.
ITEM_TRANSITIONS = [
    ("accepted", "bagged"), ("bagged", "accepted"), ("bagged", "dispatched"),
    ("dispatched", "received"), ("dispatched", "missing"), ("missing", "received"),
    ("received", "out_for_delivery"), ("delivery_failed", "out_for_delivery"),
    ("received", "delivered"), ("out_for_delivery", "delivered"),
    ("out_for_delivery", "delivery_failed"),
    ("received", "returned"), ("delivery_failed", "returned"),
    ("accepted", "voided"),
]

_BAG_FIXED = ("id", "origin", "destination", "destination_fold", "manifest_id", "opened_at", "opened_by")
_BAG_SEALED = ("seal_no", "closed_at", "closed_by")


def _changed(columns) -> str:
    return " OR ".join(f"NEW.{c} IS NOT OLD.{c}" for c in columns)


def _immutable(table: str, message: str) -> list[str]:
    return [
        f"""CREATE TRIGGER {table}_no_update BEFORE UPDATE ON {table}
            BEGIN SELECT RAISE(ABORT, '{message}'); END""",
        f"""CREATE TRIGGER {table}_no_delete BEFORE DELETE ON {table}
            BEGIN SELECT RAISE(ABORT, '{message}'); END""",
    ]


def _closed_shift_guard(table: str) -> str:
    return f"""CREATE TRIGGER {table}_shift_open BEFORE INSERT ON {table}
        WHEN NEW.shift_id IS NOT NULL AND (SELECT status FROM shifts WHERE id = NEW.shift_id) IS NOT 'open'
        BEGIN SELECT RAISE(ABORT, 'shift closed'); END"""


V5 = [
    # -- the legal moves of an item ---------------------------------------------------------
    """CREATE TABLE item_transitions (
        from_status TEXT NOT NULL,
        to_status TEXT NOT NULL,
        PRIMARY KEY (from_status, to_status)
    ) STRICT""",
    "INSERT INTO item_transitions (from_status, to_status) VALUES "
    + ", ".join(f"('{a}', '{b}')" for a, b in ITEM_TRANSITIONS),
    """CREATE TRIGGER items_status_legal BEFORE UPDATE OF status ON items
        WHEN NEW.status IS NOT OLD.status AND NOT EXISTS (
            SELECT 1 FROM item_transitions WHERE from_status = OLD.status AND to_status = NEW.status)
        BEGIN SELECT RAISE(ABORT, 'illegal item transition'); END""",
    """CREATE TRIGGER items_born_accepted BEFORE INSERT ON items WHEN NEW.status IS NOT 'accepted'
        BEGIN SELECT RAISE(ABORT, 'an item is born accepted'); END""",
    # Records are kept at least three years from acceptance (DOMAIN.md): nothing younger is deleted.
    """CREATE TRIGGER items_kept BEFORE DELETE ON items
        WHEN substr(OLD.accepted_at, 1, 10) > date('now', '-3 years')
        BEGIN SELECT RAISE(ABORT, 'items are kept three years'); END""",
    # Secret items wait until they leave: accepted, or in a bag not yet handed over.
    "CREATE INDEX items_secret_waiting ON items(accepted_at) "
    "WHERE immediate_dispatch = 1 AND status IN ('accepted', 'bagged')",

    # -- shifts (ca) ----------------------------------------------------------------------------
    # A clerk's shift at a counter: opened at login (or by the first item), closed with the Z report,
    # which is kept as it was computed (reprints come from it). A declared cash count that differs
    # from the expected cash needs a reason; it is recorded as declared, never forced to zero.
    """CREATE TABLE shifts (
        id TEXT PRIMARY KEY,
        counter_id INTEGER NOT NULL REFERENCES counters(id),
        user_id INTEGER NOT NULL REFERENCES users(id),
        status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
        opened_at TEXT NOT NULL,
        closed_at TEXT,
        closed_by INTEGER REFERENCES users(id),
        cash_expected_vnd INTEGER,
        cash_counted_vnd INTEGER CHECK (cash_counted_vnd IS NULL OR cash_counted_vnd >= 0),
        discrepancy_reason TEXT NOT NULL DEFAULT '',
        report TEXT,
        CHECK ((status = 'open') = (closed_at IS NULL)),
        CHECK (status = 'open' OR (report IS NOT NULL AND cash_expected_vnd IS NOT NULL)),
        CHECK (cash_counted_vnd IS NULL OR cash_counted_vnd = cash_expected_vnd OR discrepancy_reason <> '')
    ) STRICT""",
    "CREATE UNIQUE INDEX shifts_one_open ON shifts(user_id, counter_id) WHERE status = 'open'",
    "CREATE INDEX shifts_counter ON shifts(counter_id, opened_at)",
    """CREATE TRIGGER shifts_closed_update BEFORE UPDATE ON shifts WHEN OLD.status = 'closed'
        BEGIN SELECT RAISE(ABORT, 'shift closed'); END""",
    """CREATE TRIGGER shifts_no_delete BEFORE DELETE ON shifts
        BEGIN SELECT RAISE(ABORT, 'shifts are kept'); END""",
    # Every print of a Z report: the first is the original, any later one is a reprint.
    """CREATE TABLE shift_prints (
        shift_id TEXT NOT NULL REFERENCES shifts(id),
        n INTEGER NOT NULL CHECK (n >= 1),
        at TEXT NOT NULL,
        user_id INTEGER REFERENCES users(id),
        PRIMARY KEY (shift_id, n)
    ) STRICT""",
    """CREATE TRIGGER shift_prints_closed BEFORE INSERT ON shift_prints
        WHEN (SELECT status FROM shifts WHERE id = NEW.shift_id) IS NOT 'closed'
        BEGIN SELECT RAISE(ABORT, 'a Z report exists once the shift is closed'); END""",
    *_immutable("shift_prints", "prints are kept"),

    # What belongs to a shift: the items it accepted, the refusals it made, the money events (voids and
    # corrections of items whose own shift is closed). An item's shift never changes.
    "ALTER TABLE items ADD COLUMN shift_id TEXT REFERENCES shifts(id)",
    "CREATE INDEX items_shift ON items(shift_id) WHERE shift_id IS NOT NULL",
    _closed_shift_guard("items"),
    """CREATE TRIGGER items_shift_fixed BEFORE UPDATE OF shift_id ON items WHEN NEW.shift_id IS NOT OLD.shift_id
        BEGIN SELECT RAISE(ABORT, 'an item keeps its shift'); END""",
    "ALTER TABLE refusals ADD COLUMN shift_id TEXT REFERENCES shifts(id)",
    _closed_shift_guard("refusals"),
    "ALTER TABLE item_events ADD COLUMN shift_id TEXT REFERENCES shifts(id)",
    "CREATE INDEX item_events_shift ON item_events(shift_id) WHERE shift_id IS NOT NULL",
    _closed_shift_guard("item_events"),

    # Who pays: free (Appendix I, the four central offices), on the agency's monthly account, or cash
    # at the counter. Fixed at acceptance from the sender's billing, so a later change of contract
    # does not rewrite a closed shift.
    "ALTER TABLE agencies ADD COLUMN billing TEXT NOT NULL DEFAULT 'cash' CHECK (billing IN ('cash', 'account'))",
    "ALTER TABLE items ADD COLUMN payment TEXT NOT NULL DEFAULT 'cash' CHECK (payment IN ('cash', 'account', 'free'))",
    "UPDATE items SET payment = 'free' WHERE free_reason IS NOT NULL",
    """CREATE TRIGGER items_payment_insert BEFORE INSERT ON items
        WHEN (NEW.payment = 'free') IS NOT (NEW.free_reason IS NOT NULL)
        BEGIN SELECT RAISE(ABORT, 'payment free exactly when the item is free'); END""",
    """CREATE TRIGGER items_payment_update BEFORE UPDATE OF payment, free_reason ON items
        WHEN (NEW.payment = 'free') IS NOT (NEW.free_reason IS NOT NULL)
        BEGIN SELECT RAISE(ABORT, 'payment free exactly when the item is free'); END""",

    # -- signatures from a signature pad, keyed by the SHA-256 of the picture --------------------
    # The picture as base64 text: a record's image in the change log is JSON, which holds no BLOB.
    """CREATE TABLE signatures (
        sha256 TEXT PRIMARY KEY CHECK (length(sha256) = 64),
        png_base64 TEXT NOT NULL,
        at TEXT NOT NULL
    ) STRICT""",
    *_immutable("signatures", "signatures are kept"),

    # -- dispatches (chuyến thư): closed bags handed to a vehicle, signed by who takes them ------
    """CREATE TABLE dispatches (
        id TEXT PRIMARY KEY,
        origin TEXT NOT NULL,
        vehicle TEXT NOT NULL CHECK (vehicle <> ''),
        handed_at TEXT NOT NULL,
        handed_by INTEGER NOT NULL REFERENCES users(id),
        handed_by_name TEXT NOT NULL CHECK (handed_by_name <> ''),
        receiver_name TEXT NOT NULL CHECK (receiver_name <> ''),
        receiver_signature TEXT NOT NULL CHECK (receiver_signature <> ''),
        receiver_signature_image TEXT REFERENCES signatures(sha256),
        recorded_at TEXT NOT NULL
    ) STRICT""",
    *_immutable("dispatches", "a dispatch is kept as handed over"),

    # -- receipt at the destination: the record both sides sign, line by line ------------------
    """CREATE TABLE receipts (
        id TEXT PRIMARY KEY,
        dispatch_id TEXT REFERENCES dispatches(id),
        received_at TEXT NOT NULL,
        received_by INTEGER NOT NULL REFERENCES users(id),
        receiver_name TEXT NOT NULL CHECK (receiver_name <> ''),
        receiver_signature TEXT NOT NULL CHECK (receiver_signature <> ''),
        receiver_signature_image TEXT REFERENCES signatures(sha256),
        deliverer_name TEXT NOT NULL CHECK (deliverer_name <> ''),
        deliverer_signature TEXT NOT NULL CHECK (deliverer_signature <> ''),
        deliverer_signature_image TEXT REFERENCES signatures(sha256),
        note TEXT NOT NULL DEFAULT ''
    ) STRICT""",
    *_immutable("receipts", "a receipt record is kept as signed"),
    # item_id is not a foreign key: an extra item found in a bag may be unknown at this office.
    """CREATE TABLE receipt_lines (
        receipt_id TEXT NOT NULL REFERENCES receipts(id),
        item_id TEXT NOT NULL,
        bag_id TEXT REFERENCES bags(id),
        outcome TEXT NOT NULL CHECK (outcome IN ('received', 'missing', 'extra')),
        damaged INTEGER NOT NULL DEFAULT 0 CHECK (damaged IN (0, 1)),
        CHECK (outcome <> 'missing' OR damaged = 0),
        PRIMARY KEY (receipt_id, item_id)
    ) STRICT""",
    "CREATE INDEX receipt_lines_item ON receipt_lines(item_id)",
    *_immutable("receipt_lines", "a receipt record is kept as signed"),

    # -- bags (túi): items scanned in, sealed with a numbered seal, handed over, received ---------
    # A bag's list of items is its manifest (bảng kê): manifest_items, with its one-open-manifest
    # rule, keeps an item in one open bag at most; closing the bag closes its manifest.
    """CREATE TABLE bags (
        id TEXT PRIMARY KEY,
        origin TEXT NOT NULL,
        destination TEXT NOT NULL,
        destination_fold TEXT NOT NULL,
        manifest_id TEXT NOT NULL UNIQUE REFERENCES manifests(id),
        status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed', 'dispatched', 'received')),
        opened_at TEXT NOT NULL,
        opened_by INTEGER REFERENCES users(id),
        seal_no TEXT,
        closed_at TEXT,
        closed_by INTEGER REFERENCES users(id),
        dispatch_id TEXT REFERENCES dispatches(id),
        receipt_id TEXT REFERENCES receipts(id),
        CHECK ((status = 'open') = (seal_no IS NULL)),
        CHECK ((status = 'open') = (closed_at IS NULL)),
        CHECK ((status IN ('dispatched', 'received')) = (dispatch_id IS NOT NULL)),
        CHECK ((status = 'received') = (receipt_id IS NOT NULL))
    ) STRICT""",
    "CREATE UNIQUE INDEX bags_seal ON bags(seal_no) WHERE seal_no IS NOT NULL",
    "CREATE INDEX bags_status ON bags(status, opened_at)",
    "CREATE INDEX bags_dispatch ON bags(dispatch_id) WHERE dispatch_id IS NOT NULL",
    f"""CREATE TRIGGER bags_legal BEFORE UPDATE ON bags
        WHEN ({_changed(_BAG_FIXED)})
          OR (OLD.status <> 'open' AND ({_changed(_BAG_SEALED)}))
          OR (OLD.dispatch_id IS NOT NULL AND NEW.dispatch_id IS NOT OLD.dispatch_id)
          OR (OLD.receipt_id IS NOT NULL AND NEW.receipt_id IS NOT OLD.receipt_id)
          OR (NEW.status IS NOT OLD.status AND (OLD.status, NEW.status) NOT IN
              (VALUES ('open', 'closed'), ('closed', 'dispatched'), ('dispatched', 'received')))
        BEGIN SELECT RAISE(ABORT, 'bag sealed'); END""",
    """CREATE TRIGGER bags_no_delete BEFORE DELETE ON bags
        BEGIN SELECT RAISE(ABORT, 'bags are kept'); END""",

    # -- complaints (khiếu nại, Postal Law art. 38): lodged in writing, answered once --------------
    """CREATE TABLE complaints (
        id TEXT PRIMARY KEY,
        item_id TEXT NOT NULL REFERENCES items(id),
        kind TEXT NOT NULL CHECK (kind IN ('loss', 'delay', 'damage', 'fee')),
        lodged_at TEXT NOT NULL,
        lodged_by TEXT NOT NULL CHECK (lodged_by <> ''),
        received_by INTEGER NOT NULL REFERENCES users(id),
        window_ends TEXT,
        answer_due TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'answered')),
        answered_at TEXT,
        answered_by INTEGER REFERENCES users(id),
        outcome TEXT CHECK (outcome IN ('upheld', 'partly', 'rejected')),
        compensation_vnd INTEGER NOT NULL DEFAULT 0 CHECK (compensation_vnd >= 0),
        answer TEXT NOT NULL DEFAULT '',
        CHECK ((status = 'open') = (answered_at IS NULL)),
        CHECK ((status = 'open') = (outcome IS NULL))
    ) STRICT""",
    "CREATE INDEX complaints_item ON complaints(item_id)",
    "CREATE INDEX complaints_open ON complaints(answer_due) WHERE status = 'open'",
    """CREATE TRIGGER complaints_answered BEFORE UPDATE ON complaints WHEN OLD.status = 'answered'
        BEGIN SELECT RAISE(ABORT, 'complaint answered'); END""",
    """CREATE TRIGGER complaints_no_delete BEFORE DELETE ON complaints
        BEGIN SELECT RAISE(ABORT, 'complaints are kept'); END""",
]
