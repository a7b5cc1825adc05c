"""The province's PostgreSQL schema ``kt1`` (see docs/central.md for the why and the sizing).

Keys start with the counter (``counter_uuid``) wherever a table grows with the
counters, so that a move to Citus distributes on that column with no change of key.
The big tables are partitioned by month: ``change_log`` by the month central accepted
the entry, ``items`` by the month the item was accepted at the counter,
``item_events`` by the month of the event. Partitions are made as months arrive;
a DEFAULT partition takes what a wrong clock dates too far ahead.
"""

from __future__ import annotations

from datetime import date

SCHEMA_VERSION = 1

DDL = [
    "CREATE EXTENSION IF NOT EXISTS btree_gist",
    "CREATE SCHEMA IF NOT EXISTS kt1",
    "CREATE TABLE IF NOT EXISTS kt1.meta (key text PRIMARY KEY, value text NOT NULL)",
    # The province's own signing keys (receipts, province bundles). Private keys live in files.
    """CREATE TABLE IF NOT EXISTS kt1.province_keys (
        key_id text PRIMARY KEY,
        public_key text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        retired_at timestamptz)""",
    """CREATE TABLE IF NOT EXISTS kt1.counters (
        counter_uuid uuid PRIMARY KEY,
        office text NOT NULL,
        counter text NOT NULL,
        province text NOT NULL,
        predecessor uuid REFERENCES kt1.counters,
        fork_seq bigint,
        registered_at timestamptz NOT NULL DEFAULT now())""",
    """CREATE TABLE IF NOT EXISTS kt1.counter_keys (
        key_id text PRIMARY KEY,
        counter_uuid uuid NOT NULL REFERENCES kt1.counters,
        public_key text NOT NULL,
        added_at timestamptz NOT NULL DEFAULT now(),
        not_after timestamptz,
        revoked_at timestamptz)""",
    # Serial blocks as the counters report them; two counters' blocks never overlap.
    """CREATE TABLE IF NOT EXISTS kt1.serial_blocks (
        counter_uuid uuid NOT NULL REFERENCES kt1.counters,
        local_id bigint NOT NULL,
        indicator text NOT NULL,
        first integer NOT NULL,
        last integer NOT NULL,
        next integer NOT NULL,
        src_seq bigint NOT NULL,
        PRIMARY KEY (counter_uuid, local_id),
        CONSTRAINT serial_blocks_apart EXCLUDE USING gist (indicator WITH =, int4range(first, last, '[]') WITH &&))""",
    # Where each counter's log stands at central: the row every ingest locks.
    """CREATE TABLE IF NOT EXISTS kt1.ingest_cursor (
        counter_uuid uuid PRIMARY KEY REFERENCES kt1.counters,
        last_seq bigint NOT NULL DEFAULT 0,
        last_hash text NOT NULL DEFAULT '',
        updated_at timestamptz)""",
    """CREATE TABLE IF NOT EXISTS kt1.bundle_receipts (
        bundle_id uuid PRIMARY KEY,
        counter_uuid uuid NOT NULL,
        first_seq bigint NOT NULL,
        last_seq bigint NOT NULL,
        pushed integer NOT NULL,
        already_present integer NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now())""",
    # One row per entry; ``row`` is the image's exact text (the bytes that were hashed: chains can be
    # verified again at central; cast to jsonb to query it). (counter_uuid, seq) is unique: the primary key within a month, and across
    # months the ingest protocol, which appends exactly last+1 under the cursor's row lock.
    """CREATE TABLE IF NOT EXISTS kt1.change_log (
        counter_uuid uuid NOT NULL,
        seq bigint NOT NULL,
        at text NOT NULL,
        received_at timestamptz NOT NULL,
        origin text NOT NULL,
        actor text,
        action text NOT NULL,
        tbl text NOT NULL,
        pk text NOT NULL,
        op text NOT NULL,
        row text,
        prev_hash text NOT NULL,
        hash text NOT NULL,
        PRIMARY KEY (counter_uuid, seq, received_at)) PARTITION BY RANGE (received_at)""",
    "CREATE TABLE IF NOT EXISTS kt1.change_log_default PARTITION OF kt1.change_log DEFAULT",
    # One row per item: its latest state, with the counter it came from and the entry that said so.
    """CREATE TABLE IF NOT EXISTS kt1.items (
        id text NOT NULL,
        accepted_at timestamptz NOT NULL,
        origin_counter uuid NOT NULL,
        src_seq bigint NOT NULL,
        status text NOT NULL,
        sender_code text,
        recipient_code text,
        recipient_province text,
        fee_vnd bigint,
        row jsonb NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (id, accepted_at)) PARTITION BY RANGE (accepted_at)""",
    "CREATE TABLE IF NOT EXISTS kt1.items_default PARTITION OF kt1.items DEFAULT",
    "CREATE INDEX IF NOT EXISTS items_origin ON kt1.items (origin_counter, accepted_at)",
    """CREATE TABLE IF NOT EXISTS kt1.item_events (
        counter_uuid uuid NOT NULL,
        local_id bigint NOT NULL,
        at timestamptz NOT NULL,
        item_id text NOT NULL,
        kind text NOT NULL,
        src_seq bigint NOT NULL,
        row jsonb NOT NULL,
        PRIMARY KEY (counter_uuid, local_id, at)) PARTITION BY RANGE (at)""",
    "CREATE TABLE IF NOT EXISTS kt1.item_events_default PARTITION OF kt1.item_events DEFAULT",
    "CREATE INDEX IF NOT EXISTS item_events_item ON kt1.item_events (item_id)",
    # The latest image of every other logged record (users, agencies, manifests, refusals …), per counter.
    """CREATE TABLE IF NOT EXISTS kt1.records (
        counter_uuid uuid NOT NULL,
        tbl text NOT NULL,
        pk text NOT NULL,
        src_seq bigint NOT NULL,
        row jsonb,
        PRIMARY KEY (counter_uuid, tbl, pk))""",
    # Forks, two counters claiming one S10 id, overlapping blocks, gaps: reported, never merged over.
    """CREATE TABLE IF NOT EXISTS kt1.conflicts (
        id bigserial PRIMARY KEY,
        kind text NOT NULL,
        counter_uuid uuid NOT NULL,
        other_counter uuid,
        subject text NOT NULL,
        detail jsonb NOT NULL DEFAULT '{}',
        seen_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (kind, counter_uuid, subject))""",
    # What the province publishes to its counters (agencies, tariffs, calendar swaps).
    """CREATE TABLE IF NOT EXISTS kt1.ref_agencies (
        code text PRIMARY KEY, row jsonb NOT NULL, updated_at timestamptz NOT NULL DEFAULT now())""",
    """CREATE TABLE IF NOT EXISTS kt1.ref_tariffs (
        effective_from date PRIMARY KEY, name text NOT NULL, is_sample boolean NOT NULL,
        bands jsonb NOT NULL, surcharges jsonb NOT NULL)""",
    """CREATE TABLE IF NOT EXISTS kt1.ref_swaps (
        day date PRIMARY KEY, working boolean NOT NULL, note text NOT NULL DEFAULT '')""",
    """CREATE TABLE IF NOT EXISTS kt1.publications (
        publication bigserial PRIMARY KEY,
        bundle_id uuid NOT NULL UNIQUE,
        key_id text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        summary jsonb NOT NULL)""",
]

PARTITIONED = ("change_log", "items", "item_events")
# Months outside this window (a wrong clock) stay in the DEFAULT partition.
FIRST_MONTH = date(2000, 1, 1)


def month_start(day: date) -> date:
    return day.replace(day=1)


def next_month(day: date) -> date:
    return date(day.year + (day.month == 12), day.month % 12 + 1, 1)


def ensure_partitions(conn, table: str, months: set[date], *, horizon: date) -> None:
    """Make the monthly partitions that ``months`` need (in their own short transactions)."""
    existing = {r[0] for r in conn.execute(
        "SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid "
        "JOIN pg_class p ON p.oid = i.inhparent JOIN pg_namespace n ON n.oid = p.relnamespace "
        "WHERE n.nspname = 'kt1' AND p.relname = %s", (table,))}
    conn.commit()
    key = {"change_log": "received_at", "items": "accepted_at", "item_events": "at"}[table]
    for month in sorted(months):
        name = f"{table}_{month:%Y_%m}"
        if name in existing or month < FIRST_MONTH or month > horizon:
            continue
        end = next_month(month)
        with conn.transaction():
            # A month the DEFAULT partition already holds rows of stays there (it cannot be split now).
            held = conn.execute(f"SELECT 1 FROM kt1.{table}_default WHERE {key} >= %s AND {key} < %s LIMIT 1",
                                (month, end)).fetchone()
            if held is None:
                conn.execute(f"CREATE TABLE IF NOT EXISTS kt1.{name} PARTITION OF kt1.{table} "
                             f"FOR VALUES FROM ('{month.isoformat()}') TO ('{end.isoformat()}')")


def create(conn, province: str) -> None:
    """Create or bring up to date the schema; idempotent."""
    with conn.transaction():
        conn.execute("SELECT pg_advisory_xact_lock(90009)")  # two `central init` at once
        for statement in DDL:
            conn.execute(statement)
        conn.execute("INSERT INTO kt1.meta (key, value) VALUES ('schema_version', %s) "
                     "ON CONFLICT (key) DO UPDATE SET value = excluded.value", (str(SCHEMA_VERSION),))
        conn.execute("INSERT INTO kt1.meta (key, value) VALUES ('province', %s) ON CONFLICT (key) DO NOTHING",
                     (province,))


def province_of(conn) -> str | None:
    try:
        row = conn.execute("SELECT value FROM kt1.meta WHERE key = 'province'").fetchone()
    except Exception:
        conn.rollback()
        return None
    return row[0] if row else None
