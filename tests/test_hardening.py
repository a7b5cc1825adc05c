"""Issue 8 in the core: storage failures as messages, closed manifests closed on every path, the rules
that changed (marks combine, VAT per item, the cut-off rule), search that collects only its page."""

from __future__ import annotations

import os
import sqlite3
from datetime import datetime, timedelta

import pytest

from kt1desk import clock, dbfile, schema_guard
from kt1desk.dbfile import StorageError
from kt1desk.errors import FieldErrors, Kt1Error
from kt1desk.services import backentry, intake, items, manifests, office, settings
from kt1desk.storage import Store
from kt1desk.text import fold

GOOD = dict(sender="TUDLK", recipient="STC", kind="thu", weight_g=20)


def counts(store):
    return {t: store.scalar(f"SELECT COUNT(*) FROM {t}") for t in ("items", "item_events", "journal", "refusals")} | {
        "serials": tuple(r["next"] for r in store.all("SELECT next FROM serial_blocks ORDER BY id"))}


# -- storage failures -------------------------------------------------------------------------

def test_a_full_disk_is_a_message_and_loses_nothing(demo_store, clerk):
    before = counts(demo_store)
    pages = demo_store.scalar("PRAGMA page_count")
    demo_store.conn.execute(f"PRAGMA max_page_count = {pages}")  # the file cannot grow: as a full disk
    with pytest.raises(StorageError) as err:
        for _ in range(200):
            intake.intake(demo_store, clerk, **GOOD)
    assert err.value.code == "db_disk_full" and err.value.exit_code == dbfile.EXIT_DISK_FULL
    assert "đầy" in err.value.text("vi") and "full" in err.value.text("en")
    assert not demo_store.conn.in_transaction
    demo_store.conn.execute("PRAGMA max_page_count = 1073741823")
    after = counts(demo_store)
    assert after["items"] == after["item_events"] >= before["items"]  # what was saved is whole


def test_a_read_only_database_is_named_before_anything_is_tried(tmp_path, monkeypatch):
    path = tmp_path / "kt1.sqlite3"
    Store(path).close()
    real = os.access
    monkeypatch.setattr(dbfile.os, "access", lambda p, m: False if m == os.W_OK else real(p, m))
    with pytest.raises(StorageError) as err:
        Store(path)
    assert err.value.code == "db_read_only" and err.value.exit_code == dbfile.EXIT_NO_ACCESS


@pytest.mark.parametrize("name, code", [("SQLITE_NOTADB", "db_not_database"), ("SQLITE_CORRUPT", "db_damaged"),
                                        ("SQLITE_BUSY", "db_locked"), ("SQLITE_FULL", "db_disk_full"),
                                        ("SQLITE_READONLY", "db_read_only"), ("SQLITE_CANTOPEN", "db_no_access"),
                                        ("SQLITE_IOERR_WRITE", "db_io"), ("SQLITE_CONSTRAINT_CHECK", None)])
def test_what_sqlite_says_becomes_a_message_with_its_exit_status(name, code):
    err = sqlite3.OperationalError("x")
    err.sqlite_errorname = name
    translated = dbfile.translate(err, "/x.sqlite3")
    assert (translated.code if translated else None) == code
    if translated:
        assert translated.text("vi") and translated.text("en") and translated.exit_code >= 10


def test_the_exit_statuses_are_distinct():
    statuses = [dbfile.EXIT_NOT_DATABASE, dbfile.EXIT_DAMAGED, dbfile.EXIT_LOCKED, dbfile.EXIT_DISK_FULL,
                dbfile.EXIT_NO_ACCESS, dbfile.EXIT_IO]
    assert len(set(statuses)) == len(statuses) and not {0, 1, 2, 3} & set(statuses)


# -- one write: joined writes, hooks once -------------------------------------------------------

def test_writes_inside_a_write_join_it_and_the_hooks_run_once(demo_store, supervisor):
    seen = []
    demo_store.write_hooks.append(lambda tx: seen.append([(c.action, c.entity) for c in tx.changes]))
    with demo_store.write(supervisor, "outer"):
        settings.put(demo_store, supervisor, "cutoff_time", "16:00")
        with pytest.raises(Kt1Error):
            settings.put(demo_store, supervisor, "cutoff_time", "x")  # refused: its savepoint only
        settings.put(demo_store, supervisor, "vat_percent", "8")
    assert seen == [[("setting.put", "setting"), ("setting.put", "setting")]]
    actions = [r["action"] for r in demo_store.all("SELECT action FROM journal ORDER BY id DESC LIMIT 2")]
    assert actions == ["setting.put", "setting.put"]
    with pytest.raises(RuntimeError):
        with demo_store.write(supervisor, "outer"):
            settings.put(demo_store, supervisor, "cutoff_time", "17:00")
            raise RuntimeError
    assert settings.raw(demo_store, "cutoff_time") == "16:00"  # the whole outer write rolled back


# -- closed manifests, and the items on them ---------------------------------------------------

@pytest.fixture
def closed(demo_store, clerk, supervisor):
    item = intake.intake(demo_store, clerk, **GOOD).item
    [manifest_id] = manifests.prepare(demo_store, clerk, clock.now().date(), "Đắk Lắk")
    manifests.close(demo_store, supervisor, manifest_id)
    return manifest_id, item["id"]


CLOSED_PATHS = [
    "REPLACE INTO manifests (id, day, destination, destination_fold, status, created_at) "
    "VALUES (:m, '2026-11-25', 'Đắk Lắk', 'dak lak', 'open', 'x')",
    "INSERT OR REPLACE INTO manifests (id, day, destination, destination_fold, status, created_at) "
    "VALUES (:m, '2026-11-25', 'Đắk Lắk', 'dak lak', 'open', 'x')",
    "UPDATE manifests SET status = 'open', closed_at = NULL WHERE id = :m",
    "DELETE FROM manifests WHERE id = :m",
    "UPDATE manifest_items SET is_open = 1 WHERE manifest_id = :m",
    "DELETE FROM manifest_items WHERE manifest_id = :m",
    "REPLACE INTO manifest_items (manifest_id, row_no, item_id, is_open) VALUES (:m, 1, :i, 1)",
    "UPDATE items SET weight_g = 999 WHERE id = :i",
    "UPDATE items SET recipient_name = 'Khác' WHERE id = :i",
    "UPDATE items SET hoa_toc = 1 WHERE id = :i",
    "UPDATE items SET id = 'DK999999999VN' WHERE id = :i",
    "DELETE FROM items WHERE id = :i",
]


def test_a_closed_manifest_and_its_items_cannot_change_by_any_path(demo_store, closed):
    manifest_id, item_id = closed
    rows_before = demo_store.all(manifests._ROWS_SQL, (manifest_id,))
    for sql in CLOSED_PATHS:
        for foreign_keys in ("ON", "OFF"):  # whatever a tool connected by hand has set
            conn = sqlite3.connect(demo_store.path)
            conn.execute(f"PRAGMA foreign_keys = {foreign_keys}")
            # (deleting the item is refused first by the rule that keeps items three years)
            with pytest.raises(sqlite3.IntegrityError, match="closed|kept three years"):
                conn.execute(sql, {"m": manifest_id, "i": item_id})
            conn.rollback()
            conn.close()
    assert demo_store.all(manifests._ROWS_SQL, (manifest_id,)) == rows_before
    assert demo_store.scalar("SELECT status FROM manifests WHERE id = ?", (manifest_id,)) == "closed"


def test_the_later_life_of_an_item_on_a_closed_manifest_still_goes_on(demo_store, closed, clerk):
    _manifest_id, item_id = closed
    assert items.record_print(demo_store, clerk, item_id, "label") == 1
    with demo_store.write(None, "test.status") as tx:
        tx.execute("UPDATE items SET status = 'voided' WHERE id = ?", (item_id,))


def test_guard_triggers_dropped_or_changed_by_hand_come_back_at_start(demo_store, closed):
    manifest_id, item_id = closed
    path = demo_store.path
    demo_store.close()
    conn = sqlite3.connect(path)
    conn.execute("DROP TRIGGER manifests_closed_update")
    conn.execute("DROP TRIGGER items_closed_update")
    conn.execute("DROP TRIGGER manifests_closed_replace")
    conn.execute("CREATE TRIGGER manifests_closed_replace BEFORE INSERT ON manifests WHEN 0 BEGIN SELECT 1; END")
    conn.commit()
    conn.close()
    store = Store(path)
    try:
        assert schema_guard.missing(store.conn) == []
        with pytest.raises(sqlite3.IntegrityError):
            with store.write(None, "test.reopen") as tx:
                tx.execute("UPDATE manifests SET status = 'open', closed_at = NULL WHERE id = ?", (manifest_id,))
        with pytest.raises(sqlite3.IntegrityError):
            with store.write(None, "test.edit") as tx:
                tx.execute("UPDATE items SET weight_g = 1 WHERE id = ?", (item_id,))
    finally:
        store.close()


def test_the_item_life_guards_dropped_by_hand_come_back_at_start(demo_store):
    """Migration 0005's triggers (legal status moves, three years' keeping, closed shifts …) too."""
    item_id = demo_store.scalar("SELECT id FROM items WHERE status = 'accepted' LIMIT 1")
    path = demo_store.path
    demo_store.close()
    conn = sqlite3.connect(path)
    conn.execute("DROP TRIGGER items_status_legal")
    conn.execute("DROP TRIGGER items_kept")
    conn.execute("DROP TRIGGER shifts_closed_update")
    conn.commit()
    assert {"items_status_legal", "items_kept", "shifts_closed_update"} <= set(schema_guard.missing(conn))
    conn.close()
    store = Store(path)
    try:
        assert schema_guard.missing(store.conn) == []
        with pytest.raises(sqlite3.IntegrityError):
            with store.write(None, "test.jump") as tx:
                tx.execute("UPDATE items SET status = 'delivered' WHERE id = ?", (item_id,))
        with pytest.raises(sqlite3.IntegrityError):
            with store.write(None, "test.delete") as tx:
                tx.execute("DELETE FROM items WHERE id = ?", (item_id,))
    finally:
        store.close()


# -- the rules that changed ---------------------------------------------------------------------

def test_a_vat_rate_change_applies_from_its_day_and_never_rewrites_what_was_charged(demo_store, clerk, supervisor,
                                                                                   frozen_now):
    before = intake.intake(demo_store, clerk, **GOOD).item
    settings.put(demo_store, supervisor, "vat_percent", "8", effective_from=clock.now().date() + timedelta(days=1))
    same_day = intake.intake(demo_store, clerk, **GOOD).item
    frozen_now(clock.now() + timedelta(days=1))
    after = intake.intake(demo_store, clerk, **GOOD).item
    assert (before["vat_rate_bp"], same_day["vat_rate_bp"], after["vat_rate_bp"]) == (1000, 1000, 800)
    assert after["fee_vnd"] == before["fee_vnd"] and after["vat_vnd"] == (before["fee_vnd"] * 8 + 50) // 100
    stored = demo_store.one("SELECT vat_rate_bp, vat_vnd FROM items WHERE id = ?", (before["id"],))
    assert stored == {"vat_rate_bp": 1000, "vat_vnd": before["vat_vnd"]}


def test_vat_is_rounded_half_up_to_whole_dong():
    from kt1desk.services.tariff import vat_of

    assert vat_of(18_182, 1000) == 1_818 and 18_182 + vat_of(18_182, 1000) == 20_000
    assert vat_of(5, 1000) == 1 and vat_of(4, 1000) == 0 and vat_of(0, 1000) == 0


@pytest.mark.parametrize("when, cutoff, rule, deadline", [
    # Wednesday 25/11/2026; nội tỉnh J + 1.5. Off by default: J is the acceptance day.
    (datetime(2026, 11, 25, 16, 30), "", "acceptance-day", "2026-11-27T12:00:00+07:00"),
    (datetime(2026, 11, 25, 15, 59), "16:00", "acceptance-day", "2026-11-27T12:00:00+07:00"),
    (datetime(2026, 11, 25, 16, 0), "16:00", "after-cutoff", "2026-11-30T12:00:00+07:00"),
    # Saturday 28/11: a day off counts from Monday 30/11.
    (datetime(2026, 11, 28, 9, 0), "16:00", "day-off", "2026-12-02T12:00:00+07:00"),
])
def test_the_cut_off_rule_is_the_offices_choice_and_the_item_says_which_rule_set_its_deadline(
        demo_store, supervisor, frozen_now, when, cutoff, rule, deadline):
    if cutoff:
        settings.put(demo_store, supervisor, "cutoff_time", cutoff, effective_from=clock.now().date() - timedelta(days=5))
    frozen_now(when.replace(tzinfo=clock.VN_TZ))
    item = intake.intake(demo_store, supervisor, **GOOD).item
    stored = demo_store.one("SELECT accepted_at, deadline, deadline_rule FROM items WHERE id = ?", (item["id"],))
    assert stored == {"accepted_at": clock.iso(when), "deadline": deadline, "deadline_rule": rule}


def test_hidden_characters_are_refused_in_every_name_code_and_address(demo_store, supervisor, admin):
    from kt1desk.services import agencies, users

    for field in ("name", "province", "address", "code", "after_hours_contact"):
        values = {"code": "HNX", "name": "Sở Mới", "appendix": "II", "province": "Hà Nội", "address": "1 Phố"}
        values[field] = values.get(field, "Ông A") + "\u202e"
        with pytest.raises(FieldErrors) as err:
            agencies.save_agency(demo_store, supervisor, values)
        assert [(e.code, e.field) for e in err.value.errors] == [("bad_char", field)]
    with pytest.raises(FieldErrors):
        users.create_user(demo_store, admin, login="moi", full_name="Nguyễn\u200bVăn", role="clerk",
                          password="secret-1")
    with pytest.raises(Kt1Error) as err:
        intake.intake(demo_store, supervisor, **GOOD, secrecy="A", seal_intact=False, presented_by="Ông\x00A")
    assert err.value.code == "bad_char"
    assert demo_store.scalar("SELECT COUNT(*) FROM refusals WHERE presented_by LIKE '%' || char(0) || '%'") == 0


def test_an_empty_office_path_refuses_hidden_characters(tmp_path):
    store = Store(tmp_path / "kt1.sqlite3")
    try:
        with pytest.raises(FieldErrors) as err:
            office.init_office(store, None, code="BD", name="Bưu điện", province="Hà N\u202eội")
        assert err.value.errors[0].code == "bad_char"
        assert not office.is_initialised(store)
    finally:
        store.close()


def test_a_secret_refusal_records_who_presented_it(demo_store, clerk):
    from kt1desk.errors import ItemRefused

    with pytest.raises(ItemRefused):
        intake.intake(demo_store, clerk, **GOOD, secrecy="B", seal_intact=False, presented_by="Ông Trần Văn B")
    assert demo_store.scalar("SELECT presented_by FROM refusals ORDER BY id DESC LIMIT 1") == "Ông Trần Văn B"


# -- search collects only its page --------------------------------------------------------------

def _by_hand(store, query: str, limit: int) -> list[str]:
    """Every word typed starts a word of the folded id, codes or names; newest first."""
    words = [w for w in fold(query).replace(",", " ").split() if w]
    found = []
    for row in store.all("SELECT rowid, * FROM items ORDER BY rowid DESC"):
        hay = intake.search_text(row).split()
        if all(any(h.startswith(w) for h in hay) for w in words):
            found.append(row["id"])
    return found[:limit]


def test_search_finds_what_a_scan_finds_newest_first(demo_store):
    for query in ("tinh uy", "so tai", "van phong", "ủy ban", "cong an tinh", "Bộ Tài chính", "t", "d", "dk", "dk1",
                  "dk10000", "u b", "n", "xyz", "tòa án", "đắk lắk"):
        assert [i["id"] for i in items.search(demo_store, query, limit=7)] == _by_hand(demo_store, query, 7), query


def test_the_search_limit_is_bounded():
    for bad in ("0", "-1", "1001", str(10**30), "١٠", "abc", "1.5"):
        with pytest.raises(Kt1Error) as err:
            items.checked_limit(bad)
        assert err.value.code == "limit_range"
    assert items.checked_limit("50") == 50 and items.checked_limit(1000) == 1000


# -- back-entry: one short write, or nothing ----------------------------------------------------

def test_a_back_entry_that_fails_at_the_last_moment_leaves_nothing_and_issues_no_id(demo_store, supervisor,
                                                                                    tmp_path):
    path = tmp_path / "paper.csv"
    path.write_text("accepted_at,sender,recipient,kind,weight_g\n" +
                    "".join(f"2026-11-2{d} 08:0{d},TUDLK,STC,thu,20\n" for d in range(1, 5)), encoding="utf-8")
    before = counts(demo_store)

    def crash(tx):
        raise RuntimeError("power cut")

    demo_store.write_hooks.append(crash)
    with pytest.raises(RuntimeError):
        backentry.import_items(demo_store, supervisor, path)
    demo_store.write_hooks.remove(crash)
    assert counts(demo_store) == before
    assert schema_guard.missing(demo_store.conn) == []
    seen_by_others = []
    demo_store.write_hooks.append(lambda tx: seen_by_others.append(
        sqlite3.connect(demo_store.path).execute("SELECT COUNT(*) FROM items").fetchone()[0]))
    ids = backentry.import_items(demo_store, supervisor, path)
    assert seen_by_others == [before["items"]]  # nothing of the import shows before its commit
    serials = [int(i[2:10]) for i in ids]
    assert serials == list(range(serials[0], serials[0] + 4))  # the ids the rolled-back try took, not others
    assert counts(demo_store)["items"] == before["items"] + 4
    assert schema_guard.missing(demo_store.conn) == []  # the guard lifted for the insert is back
    for item_id in ids:
        assert items.search(demo_store, item_id)[0]["id"] == item_id
        assert items.events(demo_store, item_id)[0]["details"] == {"back_entry": True}


def test_a_back_entry_issues_ids_in_acceptance_order_and_returns_them_in_file_order(demo_store, supervisor,
                                                                                   tmp_path):
    times = ["2026-11-24 10:00", "2026-11-20 08:00", "2026-11-23 09:00", "2026-11-20 08:00"]
    path = tmp_path / "paper.csv"
    path.write_text("accepted_at,sender,recipient,kind,weight_g\n" +
                    "".join(f"{t},TUDLK,STC,thu,{20 + k}\n" for k, t in enumerate(times)), encoding="utf-8")
    ids = backentry.import_items(demo_store, supervisor, path)
    stored = [demo_store.one("SELECT accepted_at, weight_g FROM items WHERE id = ?", (i,)) for i in ids]
    assert [s["weight_g"] for s in stored] == [20, 21, 22, 23]  # each id is its own line's
    by_time = sorted(range(4), key=lambda k: (times[k], k))
    assert [ids[k] for k in by_time] == sorted(ids)  # serials follow the acceptance times
