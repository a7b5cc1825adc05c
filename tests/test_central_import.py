"""Counter → file → central PostgreSQL, and the receipt back: exactly once, tamper-evident, conflicts reported."""

from __future__ import annotations

import json
import shutil
from datetime import timedelta

import pytest

from kt1desk import cli
from kt1desk.errors import Kt1Error
from kt1desk.services import intake, office
from kt1desk.storage import Store
from kt1desk.sync import audit, bundle, client, keys

from sync_support import central, central_images, copy_database, counter_images, make_counter, pg_dsn  # noqa: F401

GOOD = dict(sender="TUDLK", recipient="STC", kind="thu", weight_g=20)


@pytest.fixture
def counter(tmp_path, central, frozen_now):
    store = make_counter(tmp_path / "a.sqlite3", central, items=12)
    yield store
    store.close()


def clerk_of(store):
    from kt1desk.services.users import get_user

    return get_user(store, "gdv1")


def send(store, central, *, export_to=None):
    """Export everything pending, import it at central, apply the receipt: the USB round trip."""
    first, last = client.pending_range(store)
    data, manifest = client.changes_bundle(store, first, last)
    outcome, answer = central.import_bundle(data)
    return outcome, client.ack(store, answer), data


def uuid_of(store):
    return keys.identity(store)["uuid"]


def snapshot(central):
    return {t: central.count(t) for t in ("change_log", "items", "item_events", "records", "serial_blocks")}


def test_round_trip_by_file_holds_every_record(counter, central, tmp_path):
    done = client.export(counter, tmp_path)
    assert done["count"] == client.status(counter)["pending"] > 0
    outcome, answer = central.import_bundle((tmp_path / done["file"]).read_bytes())
    assert (outcome.status, outcome.pushed, outcome.already_present) == ("accepted", done["count"], 0)
    ack = client.ack(counter, answer)
    assert ack["confirmed_seq"] == done["last_seq"]
    assert client.status(counter)["pending"] == 0
    assert counter_images(counter) == central_images(central, uuid_of(counter))
    held = central.query("SELECT COUNT(*), MIN(seq), MAX(seq) FROM kt1.change_log WHERE counter_uuid = %s",
                         (uuid_of(counter),))[0]
    assert held == (done["count"], 1, done["last_seq"])
    # The checkpoint is part of what audit verify checks.
    assert audit.verify(counter).intact
    # Nothing pending: export writes no file.
    assert client.export(counter, tmp_path / "again.kt1b")["file"] is None


def test_importing_the_same_bundle_twice_changes_nothing(counter, central):
    outcome, _ack, data = send(counter, central)
    before = snapshot(central)
    again, answer = central.import_bundle(data)
    assert (again.status, again.pushed, again.already_present) == ("accepted", 0, outcome.pushed)
    assert snapshot(central) == before
    assert client.ack(counter, answer)["moved"] == 0


def test_overlapping_batches_and_an_item_changed_twice(counter, central, supervisor):
    send(counter, central)
    item = intake.intake(counter, clerk_of(counter), **GOOD).item
    for n in (1, 2):  # two writes, two entries for one item; central keeps only the newest
        with counter.write(supervisor, "test.reprint") as tx:
            tx.execute("UPDATE items SET label_prints = ? WHERE id = ?", (n, item["id"]))
    first, last = client.pending_range(counter)
    older, _ = client.changes_bundle(counter, first - 3, last)  # overlaps what central holds
    outcome, answer = central.import_bundle(older)
    assert (outcome.pushed, outcome.already_present) == (last - first + 1, 3)
    row = central.query("SELECT row FROM kt1.items WHERE id = %s", (item["id"],))[0][0]
    assert row["label_prints"] == 2
    client.ack(counter, answer)
    assert counter_images(counter) == central_images(central, uuid_of(counter))


def test_a_large_import_is_split_into_batches(counter, central):
    first, last = client.pending_range(counter)
    data, _ = client.changes_bundle(counter, first, last)
    commits = []
    outcome, _ = central.import_bundle(data, batch=7, before_commit=commits.append)
    assert outcome.pushed == last
    assert commits == list(range(7, last + 1, 7)) + ([last] if last % 7 else [])
    assert central.query("SELECT last_seq FROM kt1.ingest_cursor WHERE counter_uuid = %s",
                         (uuid_of(counter),))[0][0] == last


def _tampered(data: bytes, how: str) -> bytes:
    header, rest = data.split(b"\n", 1)
    line, rest = rest.split(b"\n", 1)
    if how == "flip":
        return data[:-40] + bytes([data[-40] ^ 0x01]) + data[-39:]
    if how == "cut":
        return data[: len(data) - 25]
    if how == "manifest":
        manifest = json.loads(line)
        manifest["count"] -= 1
        manifest["last_seq"] -= 1
        return header + b"\n" + bundle.canonical(manifest) + b"\n" + rest
    raise ValueError(how)


@pytest.mark.parametrize("how, code", [("flip", "bundle_body_hash"), ("cut", "bundle_truncated"),
                                       ("manifest", "bundle_signature")])
def test_a_tampered_bundle_is_refused_and_nothing_applied(counter, central, how, code):
    first, last = client.pending_range(counter)
    data, _ = client.changes_bundle(counter, first, last)
    before = snapshot(central)
    outcome, _ = central.import_bundle(_tampered(data, how))
    assert (outcome.status, outcome.error.code) == ("refused", code)
    assert snapshot(central) == before
    assert outcome.error.text("vi") and outcome.error.text("en")


def test_an_entry_changed_in_transit_is_refused(counter, central):
    first, last = client.pending_range(counter)
    data, manifest = client.changes_bundle(counter, first, last)
    lines = [list(e[:11]) for e in bundle.entries(bundle.read(data))]
    lines[4][8] = lines[4][8].replace('"', "'", 1) if lines[4][8] else "{}"
    body = b"".join(bundle.entry_line(line) for line in lines)
    forged = bundle.write({k: v for k, v in manifest.items()}, body, keys.counter_key(counter).sign)
    outcome, _ = central.import_bundle(forged)
    assert (outcome.status, outcome.error.code, outcome.error.params["seq"]) == ("refused", "bundle_chain", 5)


def test_unknown_and_revoked_keys_and_a_wrong_address_are_refused(tmp_path, central, frozen_now):
    stranger = make_counter(tmp_path / "s.sqlite3", None, items=2)
    keys.trust_province_key(stranger, None, central.signer.key_line())
    data, _ = client.changes_bundle(stranger, *client.pending_range(stranger))
    before = snapshot(central)
    outcome, answer = central.import_bundle(data)
    assert outcome.error.code == "bundle_unknown_key"
    with pytest.raises(Kt1Error) as err:  # the refusal travels back and is shown, nothing moves
        client.ack(stranger, answer)
    assert err.value.code == "central_refused"
    assert client.status(stranger)["last_error"]

    central.trust(stranger)
    from kt1desk.central import admin

    conn = central.conn()
    admin.revoke(conn, keys.identity(stranger)["key_id"])
    conn.close()
    outcome, _ = central.import_bundle(data)
    assert outcome.error.code == "bundle_revoked_key"

    keys.make_counter_key(stranger)  # a new key, registered: accepted again
    central.trust(stranger)
    manifest = bundle.read(data).manifest
    elsewhere = bundle.write(dict(manifest, destination="gia lai", key_id=keys.counter_key(stranger).key_id),
                             bundle.read(data).body_raw(), keys.counter_key(stranger).sign)
    outcome, _ = central.import_bundle(elsewhere)
    assert outcome.error.code == "bundle_wrong_destination"
    assert snapshot(central) == before
    outcome, _ = central.import_bundle(client.changes_bundle(stranger, *client.pending_range(stranger))[0])
    assert outcome.status == "accepted"
    stranger.close()


def test_a_bundle_past_a_gap_is_refused_naming_the_gap(counter, central):
    first, last = client.pending_range(counter)
    later, _ = client.changes_bundle(counter, 6, last)
    outcome, _ = central.import_bundle(later)
    assert outcome.error.code == "bundle_gap"
    assert "1–5" in outcome.error.text("vi")
    from kt1desk.central import admin

    conn = central.conn()
    mine = next(c for c in admin.status(conn)["counters"] if c["counter_uuid"] == uuid_of(counter))
    assert mine["pending_gaps"] == [{"from": 1, "to": 5}]
    earlier, _ = client.changes_bundle(counter, 1, 5)
    assert central.import_bundle(earlier)[0].pushed == 5
    assert central.import_bundle(later)[0].pushed == last - 5
    mine = next(c for c in admin.status(conn)["counters"] if c["counter_uuid"] == uuid_of(counter))
    conn.close()
    assert mine["pending_gaps"] == [] and mine["last_seq"] == last


def test_two_counters_into_one_central_and_a_clash_reported_never_merged(tmp_path, central, frozen_now):
    a = make_counter(tmp_path / "a.sqlite3", central, items=6, seed=1)
    b = make_counter(tmp_path / "b.sqlite3", central, items=6, seed=2)
    for store in (a, b):
        send(store, central)
        assert counter_images(store) == central_images(central, uuid_of(store))
    # A third counter set up with A's serial blocks by mistake: same S10 ids.
    blocks = [(r["code"], r["code"], r["first"], r["last"]) for r in a.all(
        "SELECT c.code, b.first, b.last FROM serial_blocks b JOIN counters c ON c.id = b.counter_id ORDER BY b.id")]
    clash = make_counter(tmp_path / "c.sqlite3", central, items=6, seed=3, blocks=blocks)
    a_items = {r[0]: r[1] for r in central.query("SELECT id, row FROM kt1.items WHERE origin_counter = %s",
                                                 (uuid_of(a),))}
    outcome, _, _ = send(clash, central)
    assert outcome.status == "accepted"
    conflicts = central.query("SELECT kind, subject, other_counter::text FROM kt1.conflicts WHERE counter_uuid = %s",
                              (uuid_of(clash),))
    kinds = {k for k, _s, _o in conflicts}
    assert kinds == {"serial_block", "s10"}
    assert {s for k, s, _o in conflicts if k == "s10"} == set(a_items) & {
        r["id"] for r in clash.all("SELECT id FROM items")}
    assert all(o == uuid_of(a) for _k, _s, o in conflicts)
    # A's items are exactly as A sent them.
    assert {r[0]: r[1] for r in central.query("SELECT id, row FROM kt1.items WHERE origin_counter = %s",
                                              (uuid_of(a),))} == a_items
    for store in (a, b, clash):
        store.close()


def test_a_counter_restored_from_an_old_backup_forks_and_never_reissues_a_serial(tmp_path, central, frozen_now):
    path = tmp_path / "a.sqlite3"
    store = make_counter(path, central, items=5)
    send(store, central)
    copy_database(store, tmp_path / "backup.sqlite3")
    clerk = clerk_of(store)
    lost = [intake.intake(store, clerk, **GOOD).item["id"] for _ in range(3)]
    send(store, central)
    old_uuid = uuid_of(store)
    store.close()
    for suffix in ("-wal", "-shm"):
        (tmp_path / f"a.sqlite3{suffix}").unlink(missing_ok=True)
    shutil.copyfile(tmp_path / "backup.sqlite3", path)  # the disk died; the backup comes back (same machine)

    store = Store(path)
    assert audit.verify(store).intact  # the restored database is consistent in itself
    frozen_now(frozen_now() + timedelta(hours=2))
    # One item taken before anyone noticed: it reuses the first lost serial.
    early = intake.intake(store, clerk, **GOOD).item["id"]
    assert early == lost[0]
    first, last = client.pending_range(store)
    data, _ = client.changes_bundle(store, first, last)
    before = snapshot(central)
    outcome, answer = central.import_bundle(data)
    assert (outcome.status, outcome.code) == ("refused", "fork")
    assert snapshot(central) == before
    assert central.query("SELECT subject FROM kt1.conflicts WHERE kind = 'fork' AND counter_uuid = %s",
                         (old_uuid,)) == [(f"seq {outcome.fork['seq']}",)]
    fork = client.ack(store, answer)
    assert fork["status"] == "fork" and fork["serial_blocks_advanced"] >= 1
    assert uuid_of(store) != old_uuid
    # The new identity's key line names what it continues; once trusted its records flow again.
    line = keys.counter_key_line(store)
    assert f"predecessor={old_uuid}" in line
    central.trust(store)
    outcome, answer, _ = send(store, central)
    assert outcome.status == "accepted"
    # Every serial the province saw is behind this counter now.
    fresh = [intake.intake(store, clerk, **GOOD).item["id"] for _ in range(3)]
    assert not set(fresh) & set(lost)
    assert int(fresh[0][2:10]) > max(int(i[2:10]) for i in lost)
    outcome, _, _ = send(store, central)
    assert outcome.status == "accepted"
    # The one serial issued twice is a reported conflict; central's original item was not merged over.
    s10 = central.query("SELECT subject FROM kt1.conflicts WHERE kind = 's10' AND counter_uuid = %s",
                        (uuid_of(store),))
    assert s10 == [(early,)]
    origin = central.query("SELECT origin_counter::text FROM kt1.items WHERE id = %s", (early,))
    assert origin == [(old_uuid,)]
    assert audit.verify(store).intact
    store.close()


def test_the_central_command_line(tmp_path, central, counter, capsys):
    dsn = ["--dsn", central.dsn, "--key-dir", str(central.key_dir)]
    assert cli.main(["central", "init", *dsn, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["line"] == central.signer.key_line()
    assert cli.main(["--db", counter.path, "sync", "export", "--out", str(tmp_path / "b.kt1b")]) == 0
    capsys.readouterr()
    assert cli.main(["central", "import", str(tmp_path / "b.kt1b"), *dsn, "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["status"] == "accepted" and result["pushed"] > 0
    assert cli.main(["--db", counter.path, "sync", "ack", result["receipt"], "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["pending"] == 0
    assert cli.main(["central", "import", str(tmp_path / "b.kt1b"), *dsn]) == 0
    assert "0 bản ghi mới" in capsys.readouterr().out
    (tmp_path / "bad.kt1b").write_bytes(b"PK\x03\x04 not a bundle")
    assert cli.main(["central", "import", str(tmp_path / "bad.kt1b"), *dsn, "--lang", "en"]) == 2
    assert "not a KT1 sync bundle" in capsys.readouterr().out
    assert cli.main(["central", "status", *dsn, "--json"]) == 0
    status = json.loads(capsys.readouterr().out)
    assert any(c["counter_uuid"] == uuid_of(counter) and c["items"] == counter.scalar("SELECT COUNT(*) FROM items")
               for c in status["counters"])
    assert cli.main(["--db", counter.path, "sync", "status", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["pending"] == 0


def test_the_province_bundle_reaches_the_counter_in_order(tmp_path, central, counter, capsys):
    from kt1desk.central import publish

    (tmp_path / "agencies.csv").write_text(
        "code,name,appendix,province,valid_to,successor_code\n"
        "SNN,Sở Nông nghiệp và Môi trường,II,Đắk Lắk,,\n"
        "STC,Sở Tài chính (cũ),II,Đắk Lắk,2026-11-01,SNN\n", encoding="utf-8")
    (tmp_path / "swaps.csv").write_text("day,working,note\n2027-01-02,1,làm bù\n", encoding="utf-8")
    conn = central.conn()
    first, _ = publish.publish(conn, central.signer, agencies_csv=tmp_path / "agencies.csv",
                               swaps_csv=tmp_path / "swaps.csv")
    second, manifest = publish.publish(conn, central.signer)
    conn.close()
    (tmp_path / "p2.kt1b").write_bytes(second)
    admin = ["--user", "admin"]
    import os

    os.environ["KT1DESK_PASSWORD"] = "kt1-test-pass"
    try:
        assert cli.main(["--db", counter.path, "sync", "apply", str(tmp_path / "p2.kt1b"), *admin]) == 0
        assert "Đã áp dụng" in capsys.readouterr().out
        merged = counter.one("SELECT * FROM agencies WHERE code = 'STC'")
        assert (merged["successor_code"], merged["valid_to"]) == ("SNN", "2026-11-01")
        assert counter.scalar("SELECT working FROM calendar_swaps WHERE day = '2027-01-02'") == 1
        assert counter.one("SELECT origin, action FROM change_log WHERE tbl = 'agencies' AND pk = '[\"STC\"]' "
                           "ORDER BY id DESC LIMIT 1") == {"origin": "central", "action": "sync.apply_province"}
        assert cli.main(["--db", counter.path, "sync", "apply", str(tmp_path / "p2.kt1b"), *admin]) == 0
        assert "trước đây" in capsys.readouterr().out
        (tmp_path / "p1.kt1b").write_bytes(first)
        assert cli.main(["--db", counter.path, "--lang", "en", "sync", "apply", str(tmp_path / "p1.kt1b"), *admin]) == 2
        assert "older than the one applied" in capsys.readouterr().err
    finally:
        del os.environ["KT1DESK_PASSWORD"]
    assert audit.verify(counter).intact
