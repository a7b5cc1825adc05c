"""Counter → HTTP (central serve under waitress) → PostgreSQL: resumable, idempotent pushes."""

from __future__ import annotations

import json
import socket
import threading
import time

import pytest

from kt1desk import cli
from kt1desk.errors import Kt1Error
from kt1desk.life import shifts
from kt1desk.services import intake
from kt1desk.sync import client, keys

from sync_support import admin_connection, central, central_images, counter_images, make_counter, pg_dsn  # noqa: F401

GOOD = dict(sender="TUDLK", recipient="STC", kind="thu", weight_g=20)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(central):
    """central serve on a free local port, in this process (so a test can cut its database link)."""
    waitress = pytest.importorskip("waitress")
    from kt1desk.central.service import App

    app = App(central.dsn, central.signer, max_body=4 * 1024 * 1024)
    port = free_port()
    instance = waitress.create_server(app, host="127.0.0.1", port=port, threads=2,
                                      max_request_body_size=app.max_body)
    thread = threading.Thread(target=instance.run, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                break
        except OSError:
            time.sleep(0.05)
    yield app, url
    instance.close()


@pytest.fixture
def counter(tmp_path, central, frozen_now):
    store = make_counter(tmp_path / "a.sqlite3", central, items=15)
    yield store
    store.close()


def test_round_trip_over_http_holds_every_record_and_a_second_push_sends_nothing(counter, central, server, capsys):
    _app, url = server
    shifts.open_shift(counter, _clerk(counter))  # as at login: the intake below writes the item alone
    pending = client.status(counter)["pending"]
    assert cli.main(["--db", counter.path, "sync", "push", "--url", url, "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result == {"pushed": pending, "already_present": 0, "pending": 0}
    assert counter_images(counter) == central_images(central, keys.identity(counter)["uuid"])
    assert client.push(counter, url) == {"pushed": 0, "already_present": 0, "pending": 0}
    intake.intake(counter, _clerk(counter), **GOOD)
    assert client.push(counter, url)["pushed"] == 3
    assert counter_images(counter) == central_images(central, keys.identity(counter)["uuid"])


def _clerk(store):
    from kt1desk.services.users import get_user

    return get_user(store, "gdv1")


def test_the_link_cut_before_commit_ten_times_then_resumed_with_exact_counts(counter, central, server):
    app, url = server
    pending = client.status(counter)["pending"]
    cuts = []

    def cut(_seq):
        # From a second connection, kill the backend that is about to commit this batch.
        if len(cuts) < 10:
            admin = admin_connection()
            victims = admin.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'kt1desk-central' "
                "AND datname = %s", (central.dsn.rsplit("/", 1)[1],)).fetchall()
            admin.close()
            cuts.append(len(victims))
            time.sleep(0.05)  # the termination reaches the backend before it commits

    app.before_commit = cut
    try:
        for attempt in range(10):
            with pytest.raises(Kt1Error) as err:
                client.push(counter, url, batch=10)
            assert err.value.code == "push_http"
            assert client.status(counter)["pending"] == pending  # nothing confirmed, nothing half-applied
            assert central.query("SELECT COUNT(*) FROM kt1.change_log WHERE counter_uuid = %s",
                                 (keys.identity(counter)["uuid"],))[0][0] == 0
            assert client.status(counter)["last_error"]
        result = client.push(counter, url, batch=10)
    finally:
        app.before_commit = None
    assert len(cuts) == 10 and all(cuts)
    assert result == {"pushed": pending, "already_present": 0, "pending": 0}
    uuid_ = keys.identity(counter)["uuid"]
    assert central.query("SELECT COUNT(*), COUNT(DISTINCT seq), MAX(seq) FROM kt1.change_log WHERE counter_uuid = %s",
                         (uuid_,))[0] == (pending, pending, pending)
    assert counter_images(counter) == central_images(central, uuid_)
    assert client.status(counter)["last_error"] is None


def test_a_lost_acknowledgement_costs_nothing(counter, central, server, monkeypatch):
    _app, url = server
    shifts.open_shift(counter, _clerk(counter))  # as at login: the intake below writes the item alone
    pending = client.status(counter)["pending"]
    real_ack = client.ack
    lost = []

    def ack_lost_on_the_way(store, data):
        if not lost and b'"kind":"receipt"' in data and b'"pushed":0' not in data:
            lost.append(True)
            raise Kt1Error("push_unreachable", url=url, reason="connection reset")
        return real_ack(store, data)

    monkeypatch.setattr(client, "ack", ack_lost_on_the_way)
    with pytest.raises(Kt1Error):
        client.push(counter, url)
    assert client.status(counter)["pending"] == pending  # central has it all; the counter does not know yet
    monkeypatch.setattr(client, "ack", real_ack)
    assert client.push(counter, url) == {"pushed": 0, "already_present": pending, "pending": 0}
    # The same bundle sent again by hand: already present, nothing changes.
    data, _ = client.changes_bundle(counter, 1, pending)
    outcome, _ = central.import_bundle(data)
    assert (outcome.pushed, outcome.already_present) == (0, pending)


def test_refusals_over_http_are_clear_and_unreachable_is_not_an_error_of_the_counter(tmp_path, central, server,
                                                                                 frozen_now):
    _app, url = server
    stranger = make_counter(tmp_path / "s.sqlite3", None, items=1)
    keys.trust_province_key(stranger, None, central.signer.key_line())
    with pytest.raises(Kt1Error) as err:
        client.push(stranger, url)
    assert err.value.code == "push_http" and "404" in err.value.text("en")
    with pytest.raises(Kt1Error) as err:
        client.push(stranger, f"http://127.0.0.1:{free_port()}")
    assert err.value.code == "push_unreachable"
    assert "USB" in err.value.text("en")
    central.trust(stranger)
    from kt1desk.central import admin

    conn = central.conn()
    admin.revoke(conn, keys.identity(stranger)["key_id"])
    conn.close()
    with pytest.raises(Kt1Error) as err:
        client.push(stranger, url)
    assert err.value.code == "central_refused" and "revoked" in err.value.text("en")
    stranger.close()


def test_the_service_bounds_request_sizes(server):
    import http.client
    import urllib.request

    app, url = server
    host, port = url.rsplit("/", 1)[1].split(":")
    conn = http.client.HTTPConnection(host, int(port), timeout=30)
    conn.putrequest("POST", "/v1/bundles")
    conn.putheader("Content-Length", str(app.max_body + 1))
    conn.endheaders()  # the body is never sent: the size alone is refused
    assert conn.getresponse().status == 413
    conn.close()
    with urllib.request.urlopen(f"{url}/v1/health", timeout=30) as answer:
        assert answer.read() == b"ok\n"


def test_central_serve_from_the_command_line(tmp_path, central, counter):
    """The real command: waitress in its own process, found healthy, pushed to, stopped."""
    import subprocess
    import sys
    import urllib.request

    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "kt1desk", "central", "serve", "--dsn", central.dsn,
                             "--key-dir", str(central.key_dir), "--port", str(port), "--threads", "2"],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        url = f"http://127.0.0.1:{port}"
        for _ in range(200):
            try:
                with urllib.request.urlopen(f"{url}/v1/health", timeout=2) as answer:
                    if answer.read() == b"ok\n":
                        break
            except OSError:
                time.sleep(0.1)
        pending = client.status(counter)["pending"]
        assert client.push(counter, url) == {"pushed": pending, "already_present": 0, "pending": 0}
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def test_a_restored_counter_pushing_learns_of_the_fork(tmp_path, central, server, frozen_now):
    import shutil
    from datetime import timedelta

    from kt1desk.storage import Store
    from sync_support import copy_database

    _app, url = server
    path = tmp_path / "r.sqlite3"
    store = make_counter(path, central, items=3)
    client.push(store, url)
    copy_database(store, tmp_path / "backup.sqlite3")
    lost = [intake.intake(store, _clerk(store), **GOOD).item["id"] for _ in range(2)]
    client.push(store, url)
    store.close()
    for suffix in ("-wal", "-shm"):
        (tmp_path / f"r.sqlite3{suffix}").unlink(missing_ok=True)
    shutil.copyfile(tmp_path / "backup.sqlite3", path)
    store = Store(path)
    frozen_now(frozen_now() + timedelta(hours=1))
    settings_changed = store.scalar("SELECT COUNT(*) FROM change_log")
    from kt1desk.services import settings

    settings.put(store, None, "max_pieces", "40")  # anything the restored counter records
    assert store.scalar("SELECT COUNT(*) FROM change_log") == settings_changed + 1
    result = client.push(store, url)
    assert result["fork"]["status"] == "fork" and result["pushed"] == 0
    central.trust(store)  # the new identity's key line, registered by the province
    assert client.push(store, url)["pending"] == 0
    fresh = intake.intake(store, _clerk(store), **GOOD).item["id"]
    assert fresh not in lost and int(fresh[2:10]) > max(int(i[2:10]) for i in lost)
    store.close()


def test_a_counter_restored_on_a_new_machine_asks_central_where_its_serials_stood(tmp_path, central, server,
                                                                                    frozen_now):
    """Issue 12: ``kt1desk restore --central URL`` moves the serial blocks past what the province saw."""
    from kt1desk.backup import copy, restore
    from kt1desk.services import users

    _app, url = server
    store = make_counter(tmp_path / "old-pc.sqlite3", central, items=3)
    client.push(store, url)
    (tmp_path / "usb").mkdir()
    backup = copy.take(store, tmp_path / "usb")["file"]
    lost = [intake.intake(store, _clerk(store), **GOOD).item["id"] for _ in range(4)]
    client.push(store, url)  # the province saw them; then the old PC's disk died
    store.close()
    new_pc = tmp_path / "new-pc" / "kt1.sqlite3"
    new_pc.parent.mkdir()
    done = restore.restore(new_pc, backup, authenticate=lambda s: users.get_user(s, "admin"), central=url)
    assert done["serials_confirmed"] and done["serial_sources"] == ["central"] and done["blocks_moved"] == 1
    from kt1desk.storage import Store

    restored = Store(new_pc)
    try:
        fresh = intake.intake(restored, _clerk(restored), **GOOD).item["id"]
        assert int(fresh[2:10]) == max(int(i[2:10]) for i in lost) + 1
    finally:
        restored.close()
