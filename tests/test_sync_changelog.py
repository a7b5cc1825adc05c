"""The change log on the counter: every write logged in its own transaction, gap-free, chained, append-only."""

from __future__ import annotations

import json
import os
import sqlite3
import stat

import pytest

from kt1desk import cli
from kt1desk.errors import Kt1Error
from kt1desk.life import shifts
from kt1desk.services import agencies, intake, settings, users
from kt1desk.storage import Store
from kt1desk.sync import audit, changelog, keys
from kt1desk.sync.changelog import entry_hash

GOOD = dict(sender="TUDLK", recipient="STC", kind="thu", weight_g=20)


def entries(store, after=0):
    return store.all("SELECT * FROM change_log WHERE id > ? ORDER BY id", (after,))


def last_id(store):
    return store.scalar("SELECT COALESCE(MAX(id), 0) FROM change_log")


def test_an_intake_logs_its_records_in_the_same_write(demo_store, clerk):
    shifts.open_shift(demo_store, clerk)  # as at login: the intake below writes the item alone
    before = last_id(demo_store)
    item = intake.intake(demo_store, clerk, **GOOD).item
    new = entries(demo_store, before)
    assert {(e["tbl"], e["op"]) for e in new} == {("items", "insert"), ("item_events", "insert"),
                                                  ("serial_blocks", "update")}
    logged = next(e for e in new if e["tbl"] == "items")
    assert json.loads(logged["row"]) == {k: v for k, v in demo_store.one("SELECT * FROM items WHERE id = ?",
                                                                          (item["id"],)).items()}
    assert logged["pk"] == json.dumps([item["id"]])
    assert (logged["origin"], logged["actor"], logged["action"]) == ("clerk", "gdv1", "item.accept")
    # gap-free and chained
    seqs = [e["seq"] for e in entries(demo_store)]
    assert seqs == list(range(1, len(seqs) + 1))
    for prev, entry in zip(entries(demo_store), entries(demo_store)[1:]):
        assert entry["prev_hash"] == prev["hash"]
    assert logged["hash"] == entry_hash(*[logged[c] for c in changelog.ENTRY_COLUMNS[:11]])


def test_a_rolled_back_write_leaves_no_entry_and_no_gap(demo_store, clerk):
    before = last_id(demo_store)
    with pytest.raises(RuntimeError):
        with demo_store.write(clerk, "test.half") as tx:
            tx.execute("UPDATE office SET name = 'x'")
            raise RuntimeError("power cut")
    assert last_id(demo_store) == before
    assert demo_store.scalar("SELECT COUNT(*) FROM change_scratch") == 0
    intake.intake(demo_store, clerk, **GOOD)
    assert [e["seq"] for e in entries(demo_store)] == list(range(1, last_id(demo_store) + 1))


def test_capture_cannot_be_forgotten_and_a_record_changed_twice_is_one_entry(demo_store, supervisor):
    before = last_id(demo_store)
    with demo_store.write(supervisor, "test.raw") as tx:  # no tx.record: the triggers still see it
        tx.execute("UPDATE agencies SET address = 'a' WHERE code = 'STC'")
        tx.execute("UPDATE agencies SET address = 'b' WHERE code = 'STC'")
        tx.execute("INSERT INTO calendar_swaps (day, working) VALUES ('2026-12-31', 0)")
        tx.execute("DELETE FROM calendar_swaps WHERE day = '2026-12-31'")  # made and gone: nothing happened
    new = entries(demo_store, before)
    assert [(e["tbl"], e["pk"], e["op"], e["origin"]) for e in new] == [("agencies", '["STC"]', "update", "supervisor")]
    assert json.loads(new[0]["row"])["address"] == "b"


def test_a_password_hash_is_never_logged(demo_store, admin):
    users.set_password(demo_store, admin, login="gdv1", password="another-pass")
    logged = [json.loads(e["row"]) for e in entries(demo_store) if e["tbl"] == "users"]
    assert logged and all("password_hash" not in row for row in logged)
    raw = demo_store.scalar("SELECT password_hash FROM users WHERE login = 'gdv1'")
    assert not demo_store.scalar("SELECT COUNT(*) FROM change_log WHERE instr(row, ?) > 0", (raw,))
    assert not demo_store.scalar("SELECT COUNT(*) FROM change_log WHERE row LIKE '%argon2%'")


def test_the_log_is_append_only(demo_store):
    for sql in ("UPDATE change_log SET row = '{}' WHERE id = 1", "DELETE FROM change_log WHERE id = 1"):
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            demo_store.conn.execute(sql)


def test_origins_say_who_made_the_entry(demo_store, clerk):
    settings.put(demo_store, None, "max_pieces", "50")
    setup = entries(demo_store)[-1]
    assert (setup["origin"], setup["actor"]) == ("system", None)
    with demo_store.write(None, "test.sync") as tx:
        changelog.set_origin(tx, "central")
        tx.execute("UPDATE agencies SET address = 'c' WHERE code = 'STC'")
    assert entries(demo_store)[-1]["origin"] == "central"


def test_a_table_added_to_the_registry_gets_triggers_and_a_baseline(tmp_path, monkeypatch, frozen_now):
    store = Store(tmp_path / "t.sqlite3")
    store.conn.execute("CREATE TABLE later_things (id INTEGER PRIMARY KEY, opened_at TEXT NOT NULL) STRICT")
    store.conn.execute("INSERT INTO later_things (opened_at) VALUES ('2026-11-25T07:30:00+07:00')")
    store.close()
    from kt1desk.sync import registry

    monkeypatch.setitem(registry.LOGGED, "later_things", registry.Logged(("id",)))
    store = Store(tmp_path / "t.sqlite3")
    try:
        baseline = [e for e in entries(store) if e["tbl"] == "later_things"]
        assert [(e["op"], e["pk"]) for e in baseline] == [("snapshot", "[1]")]
        with store.write(None, "later.open") as tx:
            tx.execute("INSERT INTO later_things (opened_at) VALUES ('2026-11-25T13:00:00+07:00')")
        assert entries(store)[-1]["tbl"] == "later_things" and entries(store)[-1]["op"] == "insert"
        assert audit.verify(store).intact
    finally:
        store.close()


def test_an_existing_database_gets_a_baseline_when_the_log_arrives(tmp_path, frozen_now):
    """A database made before migration 0004: its rows are logged once as snapshots, then verify is clean."""
    store = Store(tmp_path / "old.sqlite3")
    from kt1desk.demo import create_demo

    create_demo(store, password="kt1-test-pass", items=5)
    conn = store.conn
    for name, in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'kt1log_%'").fetchall():
        conn.execute(f"DROP TRIGGER {name}")
    for table in ("change_log", "change_scratch", "sync_capture", "sync_identity", "sync_keys", "sync_province_keys", "sync_peer",
                  "sync_applied"):
        conn.execute(f"DROP TABLE {table}")
    conn.execute("DELETE FROM _sqlite_migrations WHERE name = '0004_change_log'")
    items = store.scalar("SELECT COUNT(*) FROM items")
    store.close()
    store = Store(tmp_path / "old.sqlite3")
    try:
        assert store.scalar("SELECT COUNT(*) FROM change_log WHERE tbl = 'items' AND op = 'snapshot'") == items
        assert audit.verify(store).intact
    finally:
        store.close()


# -- keys -------------------------------------------------------------------------------

def test_init_makes_a_key_beside_the_database_readable_only_by_its_owner(tmp_path, frozen_now, monkeypatch, capsys):
    monkeypatch.setenv("KT1DESK_PASSWORD", "kt1-test-pass")
    db = tmp_path / "office.sqlite3"
    assert cli.main(["--db", str(db), "init", "--office-code", "BDX", "--office-name", "Bưu điện X",
                     "--province", "Đắk Lắk", "--admin", "boss"]) == 0
    folder = keys.keys_dir(db)
    files = list(folder.iterdir())
    assert len(files) == 1 and files[0].suffix == ".key"
    if os.name == "posix":
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700
        assert stat.S_IMODE(files[0].stat().st_mode) == 0o600
    # the database holds the public key only, never the private one
    raw = db.read_bytes()
    assert b"PRIVATE KEY" not in raw and files[0].read_bytes() not in raw
    capsys.readouterr()
    assert cli.main(["--db", str(db), "sync", "key"]) == 0
    line = capsys.readouterr().out.strip()
    fields = keys.parse_key_line(line)
    assert (fields["role"], fields["office"], fields["counter"], fields["key_id"]) == \
        ("counter", "BDX", "Q01", files[0].stem)


def test_a_restored_database_without_its_key_file_says_so(demo_store, tmp_path):
    folder = keys.keys_dir(demo_store.path)
    for f in folder.iterdir():
        f.unlink()
    with pytest.raises(Kt1Error) as err:
        keys.counter_key(demo_store)
    assert err.value.code == "counter_key_missing"
    old = keys.identity(demo_store)["key_id"]
    new = keys.make_counter_key(demo_store)
    assert new != old and keys.counter_key(demo_store).key_id == new
    assert demo_store.scalar("SELECT retired_at FROM sync_keys WHERE key_id = ?", (old,))


def test_a_key_file_others_can_read_is_refused(demo_store):
    if os.name != "posix":
        pytest.skip("file modes are POSIX")
    path = next(keys.keys_dir(demo_store.path).iterdir())
    os.chmod(path, 0o644)
    with pytest.raises(Kt1Error) as err:
        keys.counter_key(demo_store)
    assert err.value.code == "key_file_open"


# -- audit verify ------------------------------------------------------------------------------

def _behind_the_back(store, *sql):
    """What someone with an SQLite tool does: drop the triggers first, then edit."""
    conn = sqlite3.connect(store.path)
    for name, in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'").fetchall():
        conn.execute(f'DROP TRIGGER "{name}"')
    for statement in sql:
        conn.execute(statement)
    conn.commit()
    conn.close()


def test_audit_verify_is_clean_then_finds_each_kind_of_tampering(demo_store, clerk, capsys):
    intake.intake(demo_store, clerk, **GOOD)
    assert cli.main(["--db", demo_store.path, "audit", "verify", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["intact"] is True
    victim = demo_store.scalar("SELECT id FROM items ORDER BY rowid LIMIT 1")
    _behind_the_back(demo_store,
                     f"UPDATE items SET weight_g = weight_g + 1 WHERE id = '{victim}'",
                     "INSERT INTO calendar_swaps (day, working) VALUES ('2027-01-02', 1)",
                     "DELETE FROM item_events WHERE id = 3")
    assert cli.main(["--db", demo_store.path, "--lang", "en", "audit", "verify", "--json"]) == 1
    found = json.loads(capsys.readouterr().out)
    kinds = {(f["kind"], f["tbl"], f["pk"]) for f in found["findings"]}
    assert kinds == {("changed", "items", json.dumps([victim])), ("added", "calendar_swaps", '["2027-01-02"]'),
                     ("deleted", "item_events", "[3]")}
    assert cli.main(["--db", demo_store.path, "--lang", "en", "audit", "verify"]) == 1
    assert f"Record items [\"{victim}\"] was changed outside the program." in capsys.readouterr().out


def test_audit_verify_finds_an_edited_or_removed_log_entry(demo_store, capsys):
    _behind_the_back(demo_store, "UPDATE change_log SET actor = 'someone' WHERE seq = 5")
    report = audit.verify(demo_store)
    assert [(f.kind, f.seq) for f in report.findings][:1] == [("chain", 5)]
    _behind_the_back(demo_store, "UPDATE change_log SET actor = NULL WHERE seq = 5",
                     "DELETE FROM change_log WHERE seq = 9")
    report = audit.verify(demo_store)
    assert [(f.kind, f.seq) for f in report.findings][:1] == [("chain", 10)]


def test_the_parallel_audit_finds_the_same(demo_store):
    """A big log is checked in worker processes; the findings are those of the single pass."""
    assert audit.verify(demo_store, parallel_from=1).intact
    victim = demo_store.scalar("SELECT id FROM items ORDER BY rowid DESC LIMIT 1")
    _behind_the_back(demo_store, f"UPDATE items SET weight_g = weight_g + 1 WHERE id = '{victim}'",
                     "UPDATE change_log SET actor = 'x' WHERE seq = 7", "DELETE FROM item_events WHERE id = 2")
    single = audit.verify(demo_store)
    parallel = audit.verify(demo_store, parallel_from=1)
    assert parallel.entries == single.entries and parallel.records == single.records
    assert sorted(f.text("en") for f in parallel.findings) == sorted(f.text("en") for f in single.findings)
    assert {f.kind for f in parallel.findings} == {"chain", "changed", "deleted"}


def test_audit_hash_input_built_by_sqlite_is_checked_again_the_exact_way(demo_store, monkeypatch):
    """The chain pass hashes what SQLite's json_array builds; an entry that does not match that way is
    checked again with the counter's own encoder before anything is reported."""
    assert audit.verify(demo_store).intact
    # A SQLite that wrote the header differently (here: a space after the first comma) finds nothing more…
    monkeypatch.setattr(audit, "_FAST_SQL", audit._FAST_SQL.replace("json_array(counter_uuid, seq,",
                                                                     "json_array(counter_uuid, ' ' || seq,"))
    report = audit.verify(demo_store)
    assert report.intact and report.entries == demo_store.scalar("SELECT COUNT(*) FROM change_log")
    # … and still finds a real edit, at the same entry.
    _behind_the_back(demo_store, "UPDATE change_log SET action = 'x' WHERE seq = 4")
    assert [(f.kind, f.seq) for f in audit.verify(demo_store).findings][:1] == [("chain", 4)]
    assert [(f.kind, f.seq) for f in audit.verify(demo_store, parallel_from=1).findings][:1] == [("chain", 4)]


def test_audit_finds_a_record_deleted_and_another_added_under_the_same_count(demo_store):
    """The records pass skips its search for deleted records only when every record pairs off with a live
    last entry; one deleted and one added keep the count and are both found."""
    victim = demo_store.scalar("SELECT id FROM item_events ORDER BY id LIMIT 1")
    top = demo_store.scalar("SELECT MAX(id) FROM item_events")
    _behind_the_back(demo_store,
                     f"INSERT INTO item_events (id, item_id, at, kind, user_id, counter_id, details) "
                     f"SELECT {top + 100}, item_id, at, kind, user_id, counter_id, details FROM item_events "
                     f"WHERE id = {victim}",
                     f"DELETE FROM item_events WHERE id = {victim}")
    for report in (audit.verify(demo_store), audit.verify(demo_store, parallel_from=1)):
        kinds = {(f.kind, f.tbl, f.pk) for f in report.findings}
        assert kinds == {("added", "item_events", f"[{top + 100}]"), ("deleted", "item_events", f"[{victim}]")}


def test_a_records_last_image_is_found_without_reading_all_its_entries(demo_store, clerk):
    # A serial block's row gains an entry at every intake: finding its newest must not sort them all,
    # or every intake grows slower as the counter works (it did: 0.74 ms of a 1.35 ms intake at 1,900).
    shifts.open_shift(demo_store, clerk)
    for _ in range(3):
        intake.intake(demo_store, clerk, **GOOD)
    log = changelog.ChangeLog(demo_store)
    for tbl, pk in demo_store.conn.execute("SELECT DISTINCT tbl, pk FROM change_log").fetchall():
        newest = demo_store.scalar("SELECT row FROM change_log WHERE tbl = ? AND pk = ? ORDER BY id DESC LIMIT 1",
                                   (tbl, pk))
        assert log._last_image(tbl, pk) == newest, (tbl, pk)
    assert log._last_image("items", '["DK000000000VN"]') is None
    plan = " ".join(r[-1] for r in demo_store.conn.execute("EXPLAIN QUERY PLAN " + changelog._LAST_IMAGE_SQL,
                                                          ("serial_blocks", "[1]")))
    assert "TEMP B-TREE" not in plan and "SCAN change_log" not in plan, plan
