"""Serial blocks: each counter issues ids from its own blocks, warns when low, refuses cleanly when empty."""

from __future__ import annotations

import threading

import pytest

from kt1desk import s10
from kt1desk.errors import Kt1Error
from kt1desk.services import intake, office, settings
from kt1desk.storage import Store

GOOD = dict(sender="TUDLK", recipient="STC", kind="thu", weight_g=20)


def serial_of(item_id: str) -> int:
    return int(s10.parse(item_id)[2:10])


def snapshot(store):
    tables = [r["name"] for r in store.all("SELECT name FROM sqlite_master WHERE type = 'table'")]
    return {t: store.scalar(f'SELECT COUNT(*) FROM "{t}"') for t in tables} | {
        "serials": tuple(r["next"] for r in store.all("SELECT next FROM serial_blocks ORDER BY id"))}


def test_two_counters_never_issue_the_same_id(demo_store, clerk):
    issued = {"Q01": [], "Q02": []}
    for i in range(40):
        counter = "Q01" if i % 3 else "Q02"
        issued[counter].append(intake.intake(demo_store, clerk, **GOOD, counter=counter).item["id"])
    all_ids = issued["Q01"] + issued["Q02"]
    assert len(set(all_ids)) == len(all_ids)
    assert all(10_000_000 <= serial_of(i) <= 10_999_999 for i in issued["Q01"])
    assert all(11_000_000 <= serial_of(i) <= 11_999_999 for i in issued["Q02"])
    # Each counter issues its serials in order, one after the other.
    q1 = [serial_of(i) for i in issued["Q01"]]
    assert q1 == list(range(q1[0], q1[0] + len(q1)))
    stored = demo_store.all("SELECT i.id, c.code FROM items i JOIN counters c ON c.id = i.counter_id")
    assert len({r["id"] for r in stored}) == len(stored)


def test_two_counters_on_their_own_copies_offline_still_never_collide(demo_store, clerk, tmp_path):
    """Two PCs each with its own database file: the blocks, not a shared table, keep ids apart."""
    import shutil

    demo_store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    copy = tmp_path / "other-pc.sqlite3"
    shutil.copy(demo_store.path, copy)
    other = Store(copy)
    try:
        a = [intake.intake(demo_store, clerk, **GOOD, counter="Q01").item["id"] for _ in range(15)]
        b = [intake.intake(other, clerk, **GOOD, counter="Q02").item["id"] for _ in range(15)]
    finally:
        other.close()
    assert not set(a) & set(b)


def test_concurrent_writers_on_one_file_get_distinct_ids(demo_store, clerk):
    path = demo_store.path
    results, errors = [], []

    def work(counter):
        store = Store(path)
        try:
            for _ in range(10):
                results.append(intake.intake(store, clerk, **GOOD, counter=counter).item["id"])
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)
        finally:
            store.close()

    threads = [threading.Thread(target=work, args=(c,)) for c in ("Q01", "Q01", "Q02")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert len(results) == 30 and len(set(results)) == 30


def small_counter(store, admin, first=20_000_000, size=10):
    return office.add_counter(store, admin, code="Q03", name="Quầy 3", first=first, last=first + size - 1)


def test_a_warning_at_90_percent_then_a_clean_refusal_when_exhausted(demo_store, clerk, admin):
    small_counter(demo_store, admin)
    warnings = []
    for n in range(1, 11):
        accepted = intake.intake(demo_store, clerk, **GOOD, counter="Q03")
        assert serial_of(accepted.item["id"]) == 20_000_000 + n - 1
        warnings.append(accepted.warnings)
    assert all(w == [] for w in warnings[:8])  # 80 % used: quiet
    [ninth] = warnings[8]
    assert ninth.code == "serial_low" and ninth.params == {"counter": "Q03", "percent": 90, "left": 1}
    assert "90%" in ninth.text("vi") and "Q03" in ninth.text("en")
    assert warnings[9][0].params["percent"] == 100 and warnings[9][0].params["left"] == 0
    before = snapshot(demo_store)
    with pytest.raises(Kt1Error) as err:
        intake.intake(demo_store, clerk, **GOOD, counter="Q03")
    assert err.value.code == "serial_exhausted" and "Q03" in err.value.text("vi")
    assert snapshot(demo_store) == before
    assert [r for r in office.list_counters(demo_store) if r["code"] == "Q03"][0]["left"] == 0


def test_the_warning_threshold_is_a_setting(demo_store, clerk, admin, supervisor):
    small_counter(demo_store, admin)
    settings.put(demo_store, supervisor, "serial_warn_percent", "50")
    got = [intake.intake(demo_store, clerk, **GOOD, counter="Q03").warnings for _ in range(5)]
    assert got[3] == [] and got[4][0].params["percent"] == 50


def test_a_new_block_continues_where_the_old_one_ends(demo_store, clerk, admin):
    small_counter(demo_store, admin, size=2)
    first = [intake.intake(demo_store, clerk, **GOOD, counter="Q03").item["id"] for _ in range(2)]
    with pytest.raises(Kt1Error):
        intake.intake(demo_store, clerk, **GOOD, counter="Q03")
    office.add_block(demo_store, admin, counter="Q03", first=30_000_000, last=30_000_099)
    nxt = intake.intake(demo_store, clerk, **GOOD, counter="Q03")
    assert [serial_of(i) for i in first] == [20_000_000, 20_000_001]
    assert serial_of(nxt.item["id"]) == 30_000_000
    assert nxt.warnings == []  # 3 of 102 used
    row = [r for r in office.list_counters(demo_store) if r["code"] == "Q03"][0]
    assert (row["size"], row["left"]) == (102, 99)


def test_an_unfinished_block_is_used_up_before_the_next(demo_store, clerk, admin):
    small_counter(demo_store, admin, size=3)
    office.add_block(demo_store, admin, counter="Q03", first=30_000_000, last=30_000_099)
    serials = [serial_of(intake.intake(demo_store, clerk, **GOOD, counter="Q03").item["id"]) for _ in range(4)]
    assert serials == [20_000_000, 20_000_001, 20_000_002, 30_000_000]


def test_overlapping_blocks_are_refused(demo_store, admin):
    for first, last, clash in [
        (10_500_000, 10_500_010, "Q01"),   # inside Q01's block
        (9_999_990, 10_000_000, "Q01"),    # touching its first serial
        (11_999_999, 12_000_100, "Q02"),   # touching Q02's last serial
        (9_000_000, 12_500_000, "Q01"),    # around both
    ]:
        before = snapshot(demo_store)
        with pytest.raises(Kt1Error) as err:
            office.add_block(demo_store, admin, counter="Q02" if clash == "Q01" else "Q01", first=first, last=last)
        assert err.value.code == "serial_overlap" and err.value.params["counter"] == clash
        assert clash in err.value.text("vi")
        assert snapshot(demo_store) == before


def test_a_new_counter_cannot_take_an_existing_block(demo_store, admin):
    before = snapshot(demo_store)
    with pytest.raises(Kt1Error) as err:
        office.add_counter(demo_store, admin, code="Q09", name="Quầy 9", first=10_999_999, last=11_000_005)
    assert err.value.code == "serial_overlap"
    assert snapshot(demo_store) == before  # not even the counter


def test_malformed_blocks_are_refused(demo_store, admin):
    for first, last in [(5, 4), (-1, 10), (99_999_990, 100_000_000), ("abc", 10)]:
        before = snapshot(demo_store)
        with pytest.raises(Kt1Error) as err:
            office.add_block(demo_store, admin, counter="Q01", first=first, last=last)
        assert err.value.code == "serial_block"
        assert snapshot(demo_store) == before


def test_only_an_admin_gives_blocks(demo_store, clerk, supervisor):
    for actor in (clerk, supervisor):
        with pytest.raises(Kt1Error) as err:
            office.add_block(demo_store, actor, counter="Q01", first=40_000_000, last=40_000_010)
        assert err.value.code == "role_required"
    assert demo_store.scalar("SELECT COUNT(*) FROM serial_blocks WHERE first = 40000000") == 0
