"""Shared pieces of the sync tests: a PostgreSQL database of the test module's own, a central, counters.

PostgreSQL runs on 127.0.0.1:5432 (trust, user postgres) on these machines and in CI
(``.ci/run`` starts it where it is missing). Each test module gets a database with a
unique name, dropped afterwards: other engineers run tests on the same server at once.
With ``CI`` set a missing PostgreSQL fails the tests instead of skipping them.
"""

from __future__ import annotations

import json
import os
import shutil
import uuid
from dataclasses import dataclass
from pathlib import Path

import pytest

from kt1desk.demo import create_demo
from kt1desk.storage import Store
from kt1desk.sync import keys
from kt1desk.sync.changelog import Images
from kt1desk.sync.registry import LOGGED

ADMIN_DSN = os.environ.get("KT1_TEST_PG", "postgresql://postgres@127.0.0.1:5432/test")
PASSWORD = "kt1-test-pass"


def admin_connection():
    psycopg = pytest.importorskip("psycopg")
    try:
        return psycopg.connect(ADMIN_DSN, autocommit=True, connect_timeout=5)
    except psycopg.OperationalError as err:
        if os.environ.get("CI"):
            pytest.fail(f"PostgreSQL is needed for this test and is not reachable at {ADMIN_DSN}: {err}")
        pytest.skip(f"PostgreSQL not reachable at {ADMIN_DSN}")


@pytest.fixture(scope="module")
def pg_dsn():
    """A fresh database for this test module, dropped at the end."""
    admin = admin_connection()
    name = f"kt1t_{uuid.uuid4().hex[:12]}"
    admin.execute(f'CREATE DATABASE "{name}"')
    dsn = ADMIN_DSN.rsplit("/", 1)[0] + "/" + name
    try:
        yield dsn
    finally:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()


@dataclass
class Central:
    dsn: str
    key_dir: Path
    signer: object
    province: str = "dak lak"

    def conn(self):
        from kt1desk.central.db import connect

        return connect(self.dsn)

    def import_bundle(self, data: bytes, **kw):
        from kt1desk.central.ingest import ingest, receipt

        conn = self.conn()
        try:
            outcome = ingest(conn, data, province=self.province, **kw)
        finally:
            conn.close()
        return outcome, receipt(self.signer, outcome)

    def trust(self, store: Store) -> dict:
        from kt1desk.central import admin

        conn = self.conn()
        try:
            return admin.trust(conn, keys.counter_key_line(store))
        finally:
            conn.close()

    def query(self, sql: str, params=()) -> list[tuple]:
        conn = self.conn()
        try:
            return conn.execute(sql, params).fetchall()
        finally:
            conn.close()

    def count(self, table: str) -> int:
        return self.query(f"SELECT COUNT(*) FROM kt1.{table}")[0][0]


@pytest.fixture(scope="module")
def central(pg_dsn, tmp_path_factory):
    from kt1desk.central import schema, signing
    from kt1desk.central.db import connect

    key_dir = tmp_path_factory.mktemp("central-keys")
    conn = connect(pg_dsn)
    try:
        schema.create(conn, "dak lak")
        signer = signing.ensure_key(conn, key_dir, "dak lak")
    finally:
        conn.close()
    return Central(pg_dsn, key_dir, signer)


def make_counter(path: Path, central: Central | None = None, *, items: int = 10, seed: int = 2026,
                 blocks="fresh") -> Store:
    """A demo counter database that trusts the province key and (given ``central``) is registered there."""
    store = Store(path)
    if blocks == "fresh":
        blocks = fresh_blocks()
    if blocks is not None:
        import kt1desk.demo as demo

        saved = demo.DEMO_COUNTERS
        demo.DEMO_COUNTERS = blocks
        try:
            create_demo(store, password=PASSWORD, items=items, seed=seed)
        finally:
            demo.DEMO_COUNTERS = saved
    else:
        create_demo(store, password=PASSWORD, items=items, seed=seed)
    if central is not None:
        keys.trust_province_key(store, None, central.signer.key_line())
        central.trust(store)
    return store


def counter_images(store: Store) -> dict[tuple[str, str], dict]:
    """Every logged record of a counter as the change log images it: {(table, key): row}."""
    images = Images(store.conn)
    out = {}
    tables = {r["name"] for r in store.all("SELECT name FROM sqlite_master WHERE type = 'table'")}
    for table, spec in LOGGED.items():
        if table not in tables:
            continue
        keys_sql = "json_array(" + ", ".join(f'"{k}"' for k in spec.key) + ")"
        for pk, row in store.conn.execute(f'SELECT {keys_sql}, {images.select_list(table)} FROM "{table}"'):
            out[(table, pk)] = json.loads(row)
    return out


def central_images(central: Central, counter_uuid: str) -> dict[tuple[str, str], dict]:
    """The same records as central holds them (latest image per record)."""
    out = {}
    for row, in central.query("SELECT row FROM kt1.items WHERE origin_counter = %s", (counter_uuid,)):
        out[("items", json.dumps([row["id"]], ensure_ascii=False, separators=(",", ":")))] = row
    for row, in central.query("SELECT row FROM kt1.item_events WHERE counter_uuid = %s", (counter_uuid,)):
        out[("item_events", f"[{row['id']}]")] = row
    for tbl, pk, row in central.query("SELECT tbl, pk, row FROM kt1.records WHERE counter_uuid = %s AND row IS NOT NULL",
                                      (counter_uuid,)):
        out[(tbl, pk)] = row
    return out


def copy_database(src: Store, dest: Path) -> None:
    """A backup as a copy of the database file alone (the key folder is not in it)."""
    src.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    shutil.copyfile(src.path, dest)


_next_block = [20_000_000]


def fresh_blocks() -> list[tuple]:
    """Two serial blocks no other counter of this module uses (each module has a central of its own)."""
    start = _next_block[0]
    _next_block[0] += 200_000
    return [("Q01", "Quầy 1", start, start + 99_999), ("Q02", "Quầy 2", start + 100_000, start + 199_999)]
