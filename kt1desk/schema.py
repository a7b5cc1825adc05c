"""Schema versions of the counter database (sqlite-utils Migrations).

Rules the data must always obey are CHECK constraints here too, so that no
code path, present or future, can store an item the counter would refuse.
There is deliberately no column for an item's contents, document number or
summary: the program records only what is on the outer envelope.
"""

from __future__ import annotations

import re

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

migrations = Migrations("kt1desk")

_V1 = [
    """CREATE TABLE office (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        code TEXT NOT NULL,
        name TEXT NOT NULL,
        province TEXT NOT NULL,
        postal_code TEXT NOT NULL DEFAULT '',
        service_indicator TEXT NOT NULL,
        created_at TEXT NOT NULL
    ) STRICT""",
    """CREATE TABLE counters (
        id INTEGER PRIMARY KEY,
        code TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        active INTEGER NOT NULL DEFAULT 1,
        created_at TEXT NOT NULL
    ) STRICT""",
    # Each counter draws ids from its own blocks, so counters offline never collide.
    """CREATE TABLE serial_blocks (
        id INTEGER PRIMARY KEY,
        counter_id INTEGER NOT NULL REFERENCES counters(id),
        indicator TEXT NOT NULL,
        first INTEGER NOT NULL,
        last INTEGER NOT NULL,
        next INTEGER NOT NULL,
        assigned_at TEXT NOT NULL,
        CHECK (0 <= first AND first <= last AND last <= 99999999),
        CHECK (next BETWEEN first AND last + 1)
    ) STRICT""",
    "CREATE INDEX serial_blocks_counter ON serial_blocks(counter_id, id)",
    """CREATE TABLE users (
        id INTEGER PRIMARY KEY,
        login TEXT NOT NULL UNIQUE COLLATE NOCASE,
        full_name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('clerk', 'supervisor', 'admin')),
        password_hash TEXT NOT NULL,
        active INTEGER NOT NULL DEFAULT 1,
        failed_logins INTEGER NOT NULL DEFAULT 0,
        last_failed_at TEXT,
        created_at TEXT NOT NULL
    ) STRICT""",
    """CREATE TABLE agencies (
        id INTEGER PRIMARY KEY,
        code TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        name_fold TEXT NOT NULL,
        appendix TEXT NOT NULL CHECK (appendix IN ('I', 'II', 'TW')),
        address TEXT NOT NULL DEFAULT '',
        province TEXT NOT NULL,
        postal_code TEXT NOT NULL DEFAULT '',
        zone TEXT NOT NULL DEFAULT 'noi-thanh' CHECK (zone IN ('noi-thanh', 'ngoai-thanh')),
        after_hours_contact TEXT NOT NULL DEFAULT '',
        after_hours_phone TEXT NOT NULL DEFAULT '',
        valid_from TEXT,
        valid_to TEXT,
        successor_code TEXT,
        updated_at TEXT NOT NULL
    ) STRICT""",
    # The earlier versions of an agency: names and addresses change, mergers happen.
    """CREATE TABLE agency_history (
        id INTEGER PRIMARY KEY,
        agency_id INTEGER NOT NULL REFERENCES agencies(id),
        data TEXT NOT NULL,
        replaced_at TEXT NOT NULL
    ) STRICT""",
    """CREATE TABLE tariffs (
        id INTEGER PRIMARY KEY,
        effective_from TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        is_sample INTEGER NOT NULL DEFAULT 0,
        loaded_at TEXT NOT NULL
    ) STRICT""",
    """CREATE TABLE tariff_bands (
        tariff_id INTEGER NOT NULL REFERENCES tariffs(id),
        max_weight_g INTEGER NOT NULL CHECK (max_weight_g > 0),
        noi_tinh_vnd INTEGER NOT NULL CHECK (noi_tinh_vnd >= 0),
        lien_tinh_vnd INTEGER NOT NULL CHECK (lien_tinh_vnd >= 0),
        PRIMARY KEY (tariff_id, max_weight_g)
    ) STRICT""",
    """CREATE TABLE tariff_surcharges (
        tariff_id INTEGER NOT NULL REFERENCES tariffs(id),
        rule TEXT NOT NULL CHECK (rule IN ('hoa_toc', 'hen_gio', 'secrecy')),
        noi_tinh_vnd INTEGER NOT NULL CHECK (noi_tinh_vnd >= 0),
        lien_tinh_vnd INTEGER NOT NULL CHECK (lien_tinh_vnd >= 0),
        PRIMARY KEY (tariff_id, rule)
    ) STRICT""",
    # Announced swaps: a day off that is not in the holidays package, or a worked Saturday.
    """CREATE TABLE calendar_swaps (
        day TEXT PRIMARY KEY,
        working INTEGER NOT NULL CHECK (working IN (0, 1)),
        note TEXT NOT NULL DEFAULT ''
    ) STRICT""",
    # Configurable figures, each value in force from a date on.
    """CREATE TABLE settings (
        key TEXT NOT NULL,
        effective_from TEXT NOT NULL,
        value TEXT NOT NULL,
        PRIMARY KEY (key, effective_from)
    ) STRICT""",
    """CREATE TABLE items (
        id TEXT PRIMARY KEY,
        counter_id INTEGER NOT NULL REFERENCES counters(id),
        clerk_id INTEGER NOT NULL REFERENCES users(id),
        sender_id INTEGER NOT NULL REFERENCES agencies(id),
        sender_code TEXT NOT NULL,
        sender_name TEXT NOT NULL,
        recipient_id INTEGER NOT NULL REFERENCES agencies(id),
        recipient_code TEXT NOT NULL,
        recipient_name TEXT NOT NULL,
        recipient_address TEXT NOT NULL,
        recipient_province TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('thu', 'goi', 'kien')),
        weight_g INTEGER NOT NULL CHECK (weight_g > 0),
        pieces INTEGER NOT NULL CHECK (pieces >= 1),
        secrecy TEXT CHECK (secrecy IN ('A', 'B', 'C')),
        seal_intact INTEGER NOT NULL DEFAULT 1 CHECK (secrecy IS NULL OR seal_intact = 1),
        hoa_toc INTEGER NOT NULL DEFAULT 0,
        hen_gio_at TEXT,
        scope TEXT NOT NULL CHECK (scope IN ('noi-tinh', 'lien-tinh')),
        accepted_at TEXT NOT NULL,
        entered_at TEXT NOT NULL,
        back_entry INTEGER NOT NULL DEFAULT 0,
        deadline TEXT NOT NULL,
        fee_vnd INTEGER NOT NULL CHECK (fee_vnd >= 0),
        free_reason TEXT CHECK (free_reason IN ('appendix-I', 'central-office')),
        tariff_id INTEGER REFERENCES tariffs(id),
        status TEXT NOT NULL DEFAULT 'accepted',
        immediate_dispatch INTEGER NOT NULL DEFAULT 0,
        label_prints INTEGER NOT NULL DEFAULT 0,
        receipt_prints INTEGER NOT NULL DEFAULT 0,
        CHECK (hoa_toc = 0 OR hen_gio_at IS NULL),
        CHECK (free_reason IS NULL OR fee_vnd = 0)
    ) STRICT""",
    "CREATE INDEX items_accepted ON items(accepted_at)",
    "CREATE INDEX items_sender ON items(sender_id, accepted_at)",
    "CREATE INDEX items_recipient ON items(recipient_id, accepted_at)",
    "CREATE INDEX items_status ON items(status, accepted_at)",
    # Secret items wait here, flagged, until they leave (a short list: a partial index).
    "CREATE INDEX items_waiting ON items(accepted_at) WHERE immediate_dispatch = 1 AND status = 'accepted'",
    # Folded names for search; contentless: the text lives in items, the index holds only terms.
    """CREATE VIRTUAL TABLE items_fts USING fts5(
        text, content='', tokenize='unicode61', prefix='2 3'
    )""",
    """CREATE TABLE item_events (
        id INTEGER PRIMARY KEY,
        item_id TEXT NOT NULL REFERENCES items(id),
        at TEXT NOT NULL,
        kind TEXT NOT NULL,
        user_id INTEGER REFERENCES users(id),
        counter_id INTEGER REFERENCES counters(id),
        details TEXT NOT NULL DEFAULT '{}'
    ) STRICT""",
    "CREATE INDEX item_events_item ON item_events(item_id, id)",
    # A refused secret item: when, why, who refused, who presented it. Nothing else.
    """CREATE TABLE refusals (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        reason TEXT NOT NULL,
        secrecy TEXT CHECK (secrecy IN ('A', 'B', 'C')),
        refused_by INTEGER NOT NULL REFERENCES users(id),
        presented_by TEXT NOT NULL,
        counter_id INTEGER REFERENCES counters(id)
    ) STRICT""",
    # Who changed what, one row per change, written by the one write path.
    """CREATE TABLE journal (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        user_id INTEGER REFERENCES users(id),
        action TEXT NOT NULL,
        entity TEXT NOT NULL,
        entity_id TEXT NOT NULL,
        details TEXT NOT NULL DEFAULT '{}'
    ) STRICT""",
    "CREATE INDEX journal_entity ON journal(entity, entity_id)",
]


@migrations(name="0001_counter_core")
def _v1(db: Database) -> None:
    for statement in _V1:
        db.execute(statement)


def migrate(db: Database) -> None:
    migrations.apply(db)


# Daily manifests (bảng kê): one per destination province and day. A closed manifest is
# immutable (triggers refuse any change); a correction is a new manifest naming the old one.
# manifest_items.is_open mirrors the manifest's state so that a partial UNIQUE index keeps an
# item on one open manifest only.
_V2 = [
    """CREATE TABLE manifests (
        id TEXT PRIMARY KEY,
        day TEXT NOT NULL,
        destination TEXT NOT NULL,
        destination_fold TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
        corrects TEXT REFERENCES manifests(id),
        reason TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        created_by INTEGER REFERENCES users(id),
        closed_at TEXT,
        closed_by INTEGER REFERENCES users(id),
        CHECK ((status = 'open') = (closed_at IS NULL))
    ) STRICT""",
    "CREATE INDEX manifests_day ON manifests(day, destination_fold)",
    "CREATE INDEX manifests_corrects ON manifests(corrects) WHERE corrects IS NOT NULL",
    """CREATE TABLE manifest_items (
        manifest_id TEXT NOT NULL REFERENCES manifests(id),
        row_no INTEGER NOT NULL CHECK (row_no >= 1),
        item_id TEXT NOT NULL REFERENCES items(id),
        is_open INTEGER NOT NULL DEFAULT 1 CHECK (is_open IN (0, 1)),
        PRIMARY KEY (manifest_id, row_no),
        UNIQUE (manifest_id, item_id)
    ) STRICT""",
    "CREATE INDEX manifest_items_item ON manifest_items(item_id)",
    "CREATE UNIQUE INDEX manifest_items_one_open ON manifest_items(item_id) WHERE is_open = 1",
    """CREATE TRIGGER manifests_closed_update BEFORE UPDATE ON manifests WHEN OLD.status = 'closed'
        BEGIN SELECT RAISE(ABORT, 'manifest closed'); END""",
    """CREATE TRIGGER manifests_closed_delete BEFORE DELETE ON manifests WHEN OLD.status = 'closed'
        BEGIN SELECT RAISE(ABORT, 'manifest closed'); END""",
    """CREATE TRIGGER manifest_items_closed_insert BEFORE INSERT ON manifest_items
        WHEN (SELECT status FROM manifests WHERE id = NEW.manifest_id) = 'closed'
        BEGIN SELECT RAISE(ABORT, 'manifest closed'); END""",
    """CREATE TRIGGER manifest_items_closed_update BEFORE UPDATE ON manifest_items
        WHEN (SELECT status FROM manifests WHERE id = OLD.manifest_id) = 'closed'
        BEGIN SELECT RAISE(ABORT, 'manifest closed'); END""",
    """CREATE TRIGGER manifest_items_closed_delete BEFORE DELETE ON manifest_items
        WHEN (SELECT status FROM manifests WHERE id = OLD.manifest_id) = 'closed'
        BEGIN SELECT RAISE(ABORT, 'manifest closed'); END""",
]


@migrations(name="0002_manifests")
def _v2(db: Database) -> None:
    for statement in _V2:
        db.execute(statement)


# Issue 8: marks combine, VAT recorded per item, the rule that set the deadline, guard triggers.
_HOA_TOC_HEN_GIO_CHECK = "CHECK (hoa_toc = 0 OR hen_gio_at IS NULL),"
_V3 = [
    # Amounts of the tariff are before VAT: what the item was charged is kept as it was that day.
    # NULL rate: stored before VAT was recorded (fee_vnd was then the whole charge, vat_vnd 0).
    "ALTER TABLE items ADD COLUMN vat_rate_bp INTEGER CHECK (vat_rate_bp IS NULL OR vat_rate_bp BETWEEN 0 AND 10000)",
    "ALTER TABLE items ADD COLUMN vat_vnd INTEGER NOT NULL DEFAULT 0 CHECK (vat_vnd >= 0)",
    # Which rule set the deadline: J = acceptance day, the next working day (after the office's
    # cut-off hour, or accepted on a day off), or the Hẹn giờ time itself.
    "ALTER TABLE items ADD COLUMN deadline_rule TEXT NOT NULL DEFAULT 'acceptance-day' "
    "CHECK (deadline_rule IN ('acceptance-day', 'after-cutoff', 'day-off', 'hen-gio'))",
    "UPDATE items SET deadline_rule = 'hen-gio' WHERE hen_gio_at IS NOT NULL",
]


def _drop_table_check(db: Database, table: str, clause: str) -> None:
    """Remove one CHECK constraint in place, as SQLite documents for changes that leave the stored
    rows as they are (https://sqlite.org/lang_altertable.html, "making other kinds of table schema
    changes"): no copy of a table that may hold millions of items."""
    conn = db.conn
    sql = conn.execute("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", (table,)).fetchone()[0]
    if clause not in sql:
        return
    new_sql = re.sub(r"\n\s*" + re.escape(clause), "", sql, count=1)
    version = conn.execute("PRAGMA schema_version").fetchone()[0]
    conn.execute("PRAGMA writable_schema = ON")
    try:
        conn.execute("UPDATE sqlite_master SET sql = ? WHERE type = 'table' AND name = ?", (new_sql, table))
        conn.execute(f"PRAGMA schema_version = {version + 1}")
    finally:
        conn.execute("PRAGMA writable_schema = OFF")


def _replace_in_table_sql(db: Database, table: str, old: str, new: str) -> None:
    """Change a table's declaration in place (a CHECK widened: every stored row still obeys it),
    the same documented way as ``_drop_table_check``."""
    conn = db.conn
    sql = conn.execute("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", (table,)).fetchone()[0]
    if old not in sql:
        return
    version = conn.execute("PRAGMA schema_version").fetchone()[0]
    conn.execute("PRAGMA writable_schema = ON")
    try:
        conn.execute("UPDATE sqlite_master SET sql = ? WHERE type = 'table' AND name = ?",
                     (sql.replace(old, new, 1), table))
        conn.execute(f"PRAGMA schema_version = {version + 1}")
    finally:
        conn.execute("PRAGMA writable_schema = OFF")


@migrations(name="0003_marks_vat_guards")
def _v3(db: Database) -> None:
    from . import schema_guard

    # "KT1 Hỏa tốc Hẹn giờ" exists: the marks combine.
    _drop_table_check(db, "items", _HOA_TOC_HEN_GIO_CHECK)
    for statement in _V3:
        db.execute(statement)
    schema_guard.install(db.conn)
# The change log (issue 9): one hash-chained entry per changed record, appended in the same
# transaction as the write (kt1desk.sync.changelog), never changed nor deleted. Capture triggers on
# the logged tables (kt1desk.sync.registry) are installed by the store at start, not here, so that a
# table added by a later migration needs only its line in the registry.
_V4 = [
    # This database's identity as a source of records. A new identity follows a fork (a restore from an
    # old backup that the province detected); base_id is the local log id just before its entry 1.
    """CREATE TABLE sync_identity (
        id INTEGER PRIMARY KEY,
        counter_uuid TEXT NOT NULL UNIQUE,
        base_id INTEGER NOT NULL,
        created_at TEXT NOT NULL,
        predecessor TEXT,
        fork_seq INTEGER
    ) STRICT""",
    """CREATE TABLE change_log (
        id INTEGER PRIMARY KEY,
        counter_uuid TEXT NOT NULL,
        seq INTEGER NOT NULL CHECK (seq >= 1),
        at TEXT NOT NULL,
        origin TEXT NOT NULL,
        actor TEXT,
        action TEXT NOT NULL,
        tbl TEXT NOT NULL,
        pk TEXT NOT NULL,
        op TEXT NOT NULL CHECK (op IN ('insert', 'update', 'delete', 'snapshot')),
        row TEXT,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL
    ) STRICT""",
    # A record's entries, newest last: audit verify finds each record's last entry (and whether it was a
    # delete) from the index alone.
    "CREATE INDEX change_log_record ON change_log(tbl, pk, op)",
    """CREATE TRIGGER change_log_no_update BEFORE UPDATE ON change_log
        BEGIN SELECT RAISE(ABORT, 'change_log is append-only'); END""",
    """CREATE TRIGGER change_log_no_delete BEFORE DELETE ON change_log
        BEGIN SELECT RAISE(ABORT, 'change_log is append-only'); END""",
    # What the capture triggers saw during the current write; emptied by the hook before commit.
    """CREATE TABLE change_scratch (
        id INTEGER PRIMARY KEY,
        tbl TEXT NOT NULL,
        rid INTEGER,
        pk TEXT NOT NULL,
        op TEXT NOT NULL
    ) STRICT""",
    # The tables whose rows the log has covered since they were enrolled (a baseline is taken once:
    # triggers dropped later are put back without one, so edits made meanwhile stay visible to audit).
    """CREATE TABLE sync_capture (
        tbl TEXT PRIMARY KEY,
        enrolled_at TEXT NOT NULL
    ) STRICT""",
    # Public keys only: the private key lives in a file beside the database, never in it.
    """CREATE TABLE sync_keys (
        key_id TEXT PRIMARY KEY,
        counter_uuid TEXT NOT NULL,
        public_key TEXT NOT NULL,
        created_at TEXT NOT NULL,
        retired_at TEXT
    ) STRICT""",
    # The province keys this counter trusts for receipts and province bundles.
    """CREATE TABLE sync_province_keys (
        key_id TEXT PRIMARY KEY,
        province TEXT NOT NULL,
        public_key TEXT NOT NULL,
        added_at TEXT NOT NULL,
        retired_at TEXT
    ) STRICT""",
    # Per destination: what it confirmed (only a signed receipt moves this), and the last attempt.
    """CREATE TABLE sync_peer (
        destination TEXT PRIMARY KEY,
        counter_uuid TEXT NOT NULL,
        confirmed_seq INTEGER NOT NULL DEFAULT 0,
        confirmed_hash TEXT NOT NULL DEFAULT '',
        confirmed_at TEXT,
        last_attempt_at TEXT,
        last_error TEXT,
        url TEXT
    ) STRICT""",
    # Province bundles applied here (agencies, tariff, calendar), in publication order.
    """CREATE TABLE sync_applied (
        bundle_id TEXT PRIMARY KEY,
        key_id TEXT NOT NULL,
        publication INTEGER NOT NULL,
        created_at TEXT NOT NULL,
        applied_at TEXT NOT NULL,
        counts TEXT NOT NULL DEFAULT '{}'
    ) STRICT""",
]


@migrations(name="0004_change_log")
def _v4(db: Database) -> None:
    import uuid

    from . import clock

    for statement in _V4:
        db.execute(statement)
    db.execute("INSERT INTO sync_identity (counter_uuid, base_id, created_at) VALUES (?, 0, ?)",
               (str(uuid.uuid4()), clock.iso(clock.now())))


@migrations(name="0005_item_life")
def _v5(db: Database) -> None:
    from .schema_life import V5

    for statement in V5:
        db.execute(statement)


# Issue 12: every restore from a backup, and whether the serials the counter may issue next are
# known to be past every id it issued after that backup (until then it issues none).
_V6 = [
    """CREATE TABLE restores (
        id INTEGER PRIMARY KEY,
        restored_at TEXT NOT NULL,
        restored_by TEXT,
        file TEXT NOT NULL,
        file_sha256 TEXT NOT NULL,
        backup_as_of TEXT,
        backup_head_seq INTEGER NOT NULL DEFAULT 0,
        kept_as TEXT,
        serials_confirmed_at TEXT,
        serials_source TEXT,
        serials_detail TEXT NOT NULL DEFAULT '{}'
    ) STRICT""",
]


@migrations(name="0006_restores")
def _v6(db: Database) -> None:
    for statement in _V6:
        db.execute(statement)


# The secrecy surcharge per letter (Circular 23/2017: A 48.636, B 37.273, C 30.909 đ before VAT).
_SURCHARGE_RULES_V1 = "CHECK (rule IN ('hoa_toc', 'hen_gio', 'secrecy'))"
_SURCHARGE_RULES_V7 = "CHECK (rule IN ('hoa_toc', 'hen_gio', 'secrecy', 'secrecy_a', 'secrecy_b', 'secrecy_c'))"


@migrations(name="0007_secrecy_letters")
def _v7(db: Database) -> None:
    _replace_in_table_sql(db, "tariff_surcharges", _SURCHARGE_RULES_V1, _SURCHARGE_RULES_V7)


@migrations(name="0008_inbound")
def _v8(db: Database) -> None:
    from .schema_inbound import RECEIPT_FK, RECEIPT_LINE_FK, V8

    for table, old, new in (RECEIPT_FK, RECEIPT_LINE_FK):
        _replace_in_table_sql(db, table, old, new)
    for statement in V8:
        db.execute(statement)


# Issue 11: each item's first delivery attempt, kept by a trigger for the on-time rate of reports.
@migrations(name="0009_first_attempts")
def _v9(db: Database) -> None:
    from .schema_reports import REBUILD, V9

    for statement in V9 + REBUILD:
        db.execute(statement)
