"""The one write path: pragmas, all or nothing, hooks inside the transaction, listeners after commit."""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

import platformdirs
import pytest

from kt1desk import storage
from kt1desk.life import shifts
from kt1desk.services import intake, office
from kt1desk.storage import Store, default_db_path

GOOD = dict(sender="TUDLK", recipient="STC", kind="thu", weight_g=20)


def snapshot(store):
    tables = [r["name"] for r in store.all("SELECT name FROM sqlite_master WHERE type = 'table'")]
    return {t: store.scalar(f'SELECT COUNT(*) FROM "{t}"') for t in tables} | {
        "serials": tuple(r["next"] for r in store.all("SELECT next FROM serial_blocks ORDER BY id"))}


def test_pragmas(demo_store):
    assert demo_store.scalar("PRAGMA journal_mode") == "wal"
    assert demo_store.scalar("PRAGMA synchronous") == 2  # FULL: a printed receipt survives a power cut
    assert demo_store.scalar("PRAGMA foreign_keys") == 1
    assert demo_store.scalar("PRAGMA busy_timeout") >= 1000
    assert Path(demo_store.path + "-wal").exists()


def test_pragmas_hold_for_every_new_connection(tmp_path):
    store = Store(tmp_path / "new.sqlite3")
    applied = store.scalar("SELECT COUNT(*) FROM _sqlite_migrations")
    again = Store(tmp_path / "new.sqlite3")  # migrations are not applied twice
    try:
        for s in (store, again):
            assert (s.scalar("PRAGMA journal_mode"), s.scalar("PRAGMA synchronous"), s.scalar("PRAGMA foreign_keys")) \
                == ("wal", 2, 1)
        assert applied >= 1
        assert again.scalar("SELECT COUNT(*) FROM _sqlite_migrations") == applied
    finally:
        store.close()
        again.close()


def test_foreign_keys_are_enforced(demo_store):
    with pytest.raises(sqlite3.IntegrityError):
        with demo_store.write(None, "test.bad_fk") as tx:
            tx.execute("INSERT INTO item_events (item_id, at, kind) VALUES ('DK000000005VN', 'x', 'y')")


def test_a_failing_service_leaves_nothing_half_written(demo_store, clerk):
    before = snapshot(demo_store)
    with pytest.raises(RuntimeError):
        with demo_store.write(clerk, "test.half") as tx:
            intake._insert(tx, clerk, intake.quote(demo_store, clerk, **GOOD), office.get_counter(demo_store),
                           90)
            assert tx.execute("SELECT COUNT(*) FROM items").fetchone()[0] == before["items"] + 1
            raise RuntimeError("power cut halfway")
    assert snapshot(demo_store) == before
    assert not demo_store.conn.in_transaction
    # The store is usable afterwards.
    assert intake.intake(demo_store, clerk, **GOOD).item["id"]


def test_the_schema_itself_refuses_what_the_counter_would(demo_store):
    item = demo_store.one("SELECT * FROM items LIMIT 1")
    for column, value in (("weight_g", 0), ("pieces", 0), ("kind", "hop"), ("scope", "x"), ("secrecy", "D")):
        with pytest.raises(sqlite3.IntegrityError):
            with demo_store.write(None, "test.check") as tx:
                tx.execute(f"UPDATE items SET {column} = ? WHERE id = ?", (value, item["id"]))
    with pytest.raises(sqlite3.IntegrityError):  # a secret item stored with a broken seal
        with demo_store.write(None, "test.check") as tx:
            tx.execute("UPDATE items SET secrecy = 'A', seal_intact = 0 WHERE id = ?", (item["id"],))
    with pytest.raises(sqlite3.IntegrityError):  # VAT below zero
        with demo_store.write(None, "test.check") as tx:
            tx.execute("UPDATE items SET vat_vnd = -1 WHERE id = ?", (item["id"],))
    assert demo_store.one("SELECT * FROM items WHERE id = ?", (item["id"],)) == item


def test_write_hooks_run_inside_the_transaction(demo_store, clerk, tmp_path):
    demo_store.conn.execute("CREATE TABLE outbox (id INTEGER PRIMARY KEY, action TEXT, entity_id TEXT, seen INTEGER)")
    outside = sqlite3.connect(demo_store.path)
    seen = []

    def hook(tx):
        # Inside: the hook sees the service's rows; another connection does not yet.
        for change in tx.changes:
            visible = tx.execute("SELECT COUNT(*) FROM items WHERE id = ?", (change.entity_id,)).fetchone()[0]
            tx.execute("INSERT INTO outbox (action, entity_id, seen) VALUES (?, ?, ?)",
                       (tx.action, change.entity_id, visible))
            seen.append(outside.execute("SELECT COUNT(*) FROM items WHERE id = ?", (change.entity_id,)).fetchone()[0])
        assert tx.actor == clerk

    shifts.open_shift(demo_store, clerk)  # as at login: the intake below writes the item alone
    demo_store.write_hooks.append(hook)
    item_id = intake.intake(demo_store, clerk, **GOOD).item["id"]
    assert demo_store.all("SELECT action, entity_id, seen FROM outbox") == \
        [{"action": "item.accept", "entity_id": item_id, "seen": 1}]
    assert seen == [0]
    # The journal row was written before the hooks ran, in the same transaction.
    assert demo_store.scalar("SELECT COUNT(*) FROM journal WHERE entity_id = ?", (item_id,)) == 1
    outside.close()


def test_a_hook_error_rolls_everything_back(demo_store, clerk):
    def failing(tx):
        tx.execute("UPDATE office SET name = 'hỏng' WHERE id = 1")
        raise RuntimeError("outbox full")

    demo_store.write_hooks.append(failing)
    before = snapshot(demo_store)
    name = demo_store.scalar("SELECT name FROM office")
    with pytest.raises(RuntimeError):
        intake.intake(demo_store, clerk, **GOOD)
    assert snapshot(demo_store) == before
    assert demo_store.scalar("SELECT name FROM office") == name
    demo_store.write_hooks.remove(failing)
    assert intake.intake(demo_store, clerk, **GOOD).item["id"]


def test_listeners_hear_after_commit_and_not_after_a_rollback(demo_store, clerk):
    heard = []

    def listener(action, entities):
        # Already committed: a separate connection sees the new item.
        other = sqlite3.connect(demo_store.path)
        try:
            count = other.execute("SELECT COUNT(*) FROM items").fetchone()[0]
        finally:
            other.close()
        heard.append((action, entities, count, demo_store.conn.in_transaction))

    shifts.open_shift(demo_store, clerk)  # as at login
    demo_store.listeners.append(listener)
    n = demo_store.scalar("SELECT COUNT(*) FROM items")
    intake.intake(demo_store, clerk, **GOOD)
    assert heard == [("item.accept", {"item"}, n + 1, False)]
    with pytest.raises(Exception):
        intake.intake(demo_store, clerk, **(GOOD | {"kind": "hop"}))
    with pytest.raises(RuntimeError):
        with demo_store.write(clerk, "test.fail") as tx:
            tx.record("item", "x")
            raise RuntimeError
    assert len(heard) == 1


def test_the_journal_names_who_did_each_change(demo_store, clerk, supervisor):
    from kt1desk.services import settings

    settings.put(demo_store, supervisor, "max_pieces", "50")
    row = demo_store.one("SELECT * FROM journal ORDER BY id DESC LIMIT 1")
    assert (row["user_id"], row["action"], row["entity"], row["entity_id"]) == \
        (supervisor.id, "setting.put", "setting", "max_pieces")
    assert row["at"] == "2026-11-25T09:30:00+07:00"


def test_another_process_commit_refreshes_cached_reference_data(demo_store, supervisor):
    from kt1desk.services import settings

    assert settings.get(demo_store, "max_pieces") == 99
    other = Store(demo_store.path)
    try:
        settings.put(other, supervisor, "max_pieces", "7")
    finally:
        other.close()
    assert settings.get(demo_store, "max_pieces") == 7


def test_default_path_comes_from_platformdirs_or_kt1desk_db(monkeypatch, tmp_path):
    monkeypatch.delenv("KT1DESK_DB", raising=False)
    expected = Path(platformdirs.user_data_dir("KT1Desk", appauthor=False)) / "kt1desk.sqlite3"
    assert default_db_path() == expected
    monkeypatch.setenv("KT1DESK_DB", str(tmp_path / "elsewhere" / "x.sqlite3"))
    assert default_db_path() == tmp_path / "elsewhere" / "x.sqlite3"
    store = storage.open_store()
    try:
        assert store.path == str(tmp_path / "elsewhere" / "x.sqlite3")
        assert (tmp_path / "elsewhere" / "x.sqlite3").exists()
    finally:
        store.close()
    if sys.platform.startswith("linux"):
        monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
        monkeypatch.delenv("KT1DESK_DB")
        assert default_db_path() == tmp_path / "xdg" / "KT1Desk" / "kt1desk.sqlite3"


def test_the_start_up_list_of_migrations_is_the_schema_s_own():
    from kt1desk import schema, schema_names

    assert tuple(m.name for m in schema.migrations._migrations) == schema_names.MIGRATIONS
