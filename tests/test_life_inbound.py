"""Items accepted at one office, received and delivered at another: the dispatch bundle, receipt, delivery, overdue."""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime, timedelta

import pytest
from inbound_support import FAR, hanoi_office, send, to_hanoi, trust
from life_support import accept, seal, snapshot
from test_paper_support import plumber_pages

from kt1desk import clock
from kt1desk.errors import Kt1Error
from kt1desk.life import arrival, bags, delivery, dispatches, inbound, overdue, transfer
from kt1desk.printing import arrival_pdf
from kt1desk.services.users import get_user
from kt1desk.sync import audit, bundle, keys, peers
from kt1desk.sync.changelog import head


@pytest.fixture
def hanoi(tmp_path, demo_store):
    store = hanoi_office(tmp_path / "hanoi.sqlite3")
    yield store
    store.close()


@pytest.fixture
def hn_admin(hanoi):
    return get_user(hanoi, "admin")


@pytest.fixture
def hn_clerk(hanoi):
    return get_user(hanoi, "gdv1")


def export(store, dispatch_id, tmp_path, name="d.kt1b", **kw) -> bytes:
    done = transfer.export(store, dispatch_id, tmp_path / name, **kw)
    return (tmp_path / name).read_bytes() if done else b""


def test_a_dispatch_travels_to_another_office_and_its_items_are_received_and_delivered(
        demo_store, clerk, hanoi, hn_admin, hn_clerk, tmp_path, frozen_now):
    a, b, c, d, e = to_hanoi(demo_store, clerk, 5)
    [f] = to_hanoi(demo_store, clerk, 1)
    [secret] = to_hanoi(demo_store, clerk, 1, secrecy="B", hoa_toc=True)
    first = send(demo_store, clerk, [[a, b, c], [d, e, secret]])
    second = send(demo_store, clerk, [[f]])
    data = export(demo_store, first["id"], tmp_path)
    # What travels: the envelope, never a fee, a clerk or a shift.
    body = bundle.read(data).lines()
    item_line = next(x for x in body if x["t"] == "item" and x["id"] == secret)
    assert item_line["secrecy"] == "B" and item_line["hoa_toc"] == 1 and item_line["recipient_code"] == "BNV"
    assert item_line["sender_address"] and item_line["recipient_address"] == "8 Tôn Thất Thuyết, Cầu Giấy"
    assert not {"fee_vnd", "clerk_id", "shift_id", "total_vnd", "payment"} & set(item_line)
    assert [x["seal_no"] for x in body if x["t"] == "bag"] == [bg["seal_no"] for bg in first["bags"]]

    trust(demo_store, hanoi, hn_admin)
    done = transfer.import_bundle(hanoi, hn_clerk, data)
    assert done["status"] == "imported" and done["items"] == 6 and done["origin"] == "BDDLK"
    transfer.import_bundle(hanoi, hn_clerk, export(demo_store, second["id"], tmp_path, "second.kt1b"))
    assert hanoi.scalar("SELECT COUNT(*) FROM items") == 0  # another office's items are not this office's items
    assert inbound.find(hanoi, a)["status"] == "dispatched"
    # An item not yet received here cannot be delivered, sent out or returned.
    for act in (lambda: delivery.deliver(hanoi, hn_clerk, a, receiver="Hoàng Văn Nam"),
                lambda: delivery.carry(hanoi, hn_clerk, [a], carrier="Ngô Văn Bình"),
                lambda: delivery.return_to_sender(hanoi, hn_clerk, a, reason="x")):
        with pytest.raises(Kt1Error) as err:
            act()
        assert err.value.code == "illegal_transition" and a in err.value.text("en")

    # Receive the first dispatch: c missing, f extra (it came in the second one), b damaged.
    expected = arrival.expected(hanoi, first["id"])
    assert expected["inbound"] and expected["deliverer"] == "Lê Văn Tài"
    assert [r["id"] for bag in expected["bags"] for r in bag["rows"]] == [a, b, c, d, e, secret]
    result = arrival.receive(hanoi, hn_clerk, first["id"], [a, b, d, e, secret, f], damaged=[b])
    assert result["received"] == [a, b, d, e, secret] and result["missing"] == [c]
    assert result["extra"] == [f] and result["damaged"] == [b]
    assert {i: inbound.find(hanoi, i)["status"] for i in (a, b, c, f)} == {
        a: "received", b: "received", c: "missing", f: "received"}
    assert inbound.events(hanoi, b)[-1]["details"]["damaged"] is True
    receipt = arrival.get_receipt(hanoi, result["receipt"])
    assert receipt["origin"] == "BDDLK" and {bg["id"] for bg in receipt["bags"]} == {bg["id"] for bg in first["bags"]}
    lines = {line["item_id"]: (line["outcome"], line["damaged"], line["recipient_name"]) for line in receipt["lines"]}
    assert lines[c] == ("missing", 0, "Bộ Nội vụ") and lines[f] == ("extra", 0, "Bộ Nội vụ")
    assert lines[b] == ("received", 1, "Bộ Nội vụ")
    text = " ".join(" ".join(plumber_pages(arrival_pdf(hanoi, result["receipt"]))).split())
    for word in ("BIÊN BẢN NHẬN TÚI THƯ KT1", first["id"], "THIẾU", c, "THỪA", f, "HƯ HỎNG", "Bưu cục gửi BDDLK",
                 "Ký (gõ tên): Lê Văn Tài", "Ký (gõ tên): Phạm Thu Hà"):
        assert word in text, word
    with pytest.raises(Kt1Error) as err:
        arrival.receive(hanoi, hn_clerk, first["id"], [a])
    assert err.value.code == "bag_received"
    # The second dispatch's bag, by the barcode on its label: f, found before as an extra, is listed here.
    [second_bag] = second["bags"]
    assert arrival.expected(hanoi, second_bag["id"].lower())["kind"] == "bag"
    later = arrival.receive(hanoi, hn_clerk, second_bag["id"], [f])
    assert later["received"] == [f] and later["missing"] == [] and inbound.find(hanoi, f)["status"] == "received"
    assert hanoi.scalar("SELECT status FROM inbound_bags WHERE id = ?", (second_bag["id"],)) == "received"

    # Delivery here: one delivered, one failed then out again, one returned to its sender.
    delivered = delivery.deliver(hanoi, hn_clerk, a, receiver="Hoàng Văn Nam", role="Văn thư")
    assert delivered["status"] == "delivered" and delivered["inbound"]
    delivery.carry(hanoi, hn_clerk, [d], carrier="Ngô Văn Bình")
    assert delivery.fail(hanoi, hn_clerk, d, reason="Văn thư cơ quan vắng")["status"] == "delivery_failed"
    assert delivery.attempts(hanoi, d) == 1
    delivery.carry(hanoi, hn_clerk, [d], carrier="Ngô Văn Bình")
    assert inbound.events(hanoi, d)[-1]["details"] == {"carrier": "Ngô Văn Bình", "attempt": 2}
    returned = delivery.return_to_sender(hanoi, hn_clerk, e, reason="Cơ quan đã chuyển trụ sở")
    assert returned["status"] == "returned" and returned["sender_name"]
    with pytest.raises(Kt1Error) as err:
        delivery.deliver(hanoi, hn_clerk, e, receiver="Hoàng Văn Nam")
    assert err.value.code == "illegal_transition"
    with pytest.raises(Kt1Error) as err:
        delivery.deliver(hanoi, hn_clerk, c, receiver="Hoàng Văn Nam")  # missing: received first
    assert err.value.code == "illegal_transition"
    kinds = [ev["kind"] for ev in inbound.events(hanoi, d)]
    assert kinds == ["received", "out_for_delivery", "delivery_failed", "out_for_delivery"]
    # The schema refuses what the services would: an illegal move, an edit, a delete.
    for sql in (f"UPDATE inbound_items SET status = 'delivered' WHERE id = '{c}'",
                f"UPDATE inbound_items SET recipient_name = 'x' WHERE id = '{a}'",
                f"DELETE FROM inbound_items WHERE id = '{a}'", "DELETE FROM inbound_events",
                "UPDATE inbound_dispatches SET vehicle = 'x'"):
        with pytest.raises(sqlite3.IntegrityError), hanoi.write(None, "test.raw") as tx:
            tx.execute(sql)
    # Every record went through the one write path: logged, and the audit finds nothing amiss.
    logged = {r["tbl"] for r in hanoi.all("SELECT DISTINCT tbl FROM change_log")}
    assert {"inbound_dispatches", "inbound_bags", "inbound_items", "inbound_events", "sync_peer_keys"} <= logged
    assert audit.verify(hanoi).intact


def test_inbound_items_are_overdue_at_the_destination_on_a_moved_clock(
        demo_store, clerk, hanoi, hn_admin, hn_clerk, tmp_path, frozen_now):
    a, b, c = to_hanoi(demo_store, clerk, 3)
    sent = send(demo_store, clerk, [[a, b, c]])
    trust(demo_store, hanoi, hn_admin)
    transfer.import_bundle(hanoi, hn_clerk, export(demo_store, sent["id"], tmp_path))
    assert overdue.overdue(hanoi)["count"] == 0
    arrival.receive(hanoi, hn_clerk, sent["id"], [a, b])
    delivery.carry(hanoi, hn_clerk, [b], carrier="Ngô Văn Bình")
    delivery.fail(hanoi, hn_clerk, b, reason="vắng")  # an attempt was made: not overdue
    deadline = clock.parse_iso(inbound.find(hanoi, a)["deadline"])
    frozen_now(deadline + timedelta(days=4))
    found = overdue.overdue(hanoi)
    assert [(r["id"], r["status"], r["inbound"], r["origin_office"]) for r in found["items"]] == [
        (a, "received", 1, "BDDLK"), (c, "missing", 1, "BDDLK")]
    assert found["destinations"] == [{"destination": FAR, "count": 2, "ages": [0, 0, 2, 0]}]
    # At the sending office they are away: dispatched to another province, no news of delivery yet.
    assert {r["id"] for r in overdue.overdue(demo_store, include_away=True)["items"]} >= {a, b, c}
    assert overdue.overdue(demo_store)["away"] >= 3


def test_after_hours_contact_of_an_inbound_item_comes_from_the_local_directory(
        demo_store, clerk, hanoi, hn_admin, hn_clerk, tmp_path, frozen_now):
    [a] = to_hanoi(demo_store, clerk, 1)
    sent = send(demo_store, clerk, [[a]])
    trust(demo_store, hanoi, hn_admin)
    transfer.import_bundle(hanoi, hn_clerk, export(demo_store, sent["id"], tmp_path))
    arrival.receive(hanoi, hn_clerk, sent["id"], [a])
    item = inbound.find(hanoi, a)
    assert delivery.after_hours(hanoi, item, datetime(2026, 11, 25, 10, 0, tzinfo=clock.VN_TZ)) is None
    night = delivery.after_hours(hanoi, item, datetime(2026, 11, 28, 10, 0, tzinfo=clock.VN_TZ))  # a Saturday
    assert night["agency"] == "Bộ Nội vụ" and night["contact"] == "Trực ban Văn phòng Bộ"
    assert night["phone"] == "024 6282 0000"


def _flip(data: bytes, at: int) -> bytes:
    return data[:at] + bytes([data[at] ^ 0x01]) + data[at + 1:]


def test_a_bundle_is_refused_unless_signed_whole_by_a_trusted_key_and_addressed_here(
        demo_store, clerk, hanoi, hn_admin, hn_clerk, tmp_path, frozen_now):
    items = to_hanoi(demo_store, clerk, 2)
    sent = send(demo_store, clerk, [items])
    data = export(demo_store, sent["id"], tmp_path)
    before = snapshot(hanoi)
    log_before = head(hanoi.conn).seq

    def refused(payload: bytes, code: str) -> None:
        with pytest.raises(Kt1Error) as err:
            transfer.import_bundle(hanoi, hn_clerk, payload)
        assert err.value.code == code, err.value.code
        assert snapshot(hanoi) == before and head(hanoi.conn).seq == log_before  # nothing written, nothing logged

    refused(data, "dispatch_unknown_key")  # nobody trusted the Đắk Lắk counter yet
    trust(demo_store, hanoi, hn_admin)
    before, log_before = snapshot(hanoi), head(hanoi.conn).seq
    refused(_flip(data, len(data) - 10), "bundle_body_hash")
    refused(data[:-7], "bundle_truncated")
    manifest_at = data.index(b'"destination":"') + len('"destination":"')
    refused(_flip(data, manifest_at), "bundle_signature")  # an edited manifest
    refused(b"PK\x03\x04 not a bundle", "bundle_not_bundle")
    # Signed by the right office's key, but the bags go elsewhere (Đắk Lắk's own province).
    [local] = accept(demo_store, clerk, 1)
    home = send(demo_store, clerk, [[local]], destination="Đắk Lắk")
    refused(export(demo_store, home["id"], tmp_path, "home.kt1b"), "bundle_wrong_destination")
    # Signed by a trusted key, but claiming to come from another office.
    key = keys.counter_key(demo_store)
    m = dict(bundle.read(data).manifest)
    m["source"] = dict(m["source"], office="BDHCM")
    forged = bundle.write({k: v for k, v in m.items() if not k.startswith("body_") and k != "format"},
                          bundle.read(data).body_raw(), key.sign)
    refused(forged, "bundle_wrong_key")
    # A province's kind of bundle is not a dispatch.
    changes = bundle.write({"kind": "changes", "bundle_id": "x", "key_id": key.key_id, "destination": "ha noi"}, b"",
                           key.sign)
    refused(changes, "bundle_wrong_kind")
    # The same dispatch twice: the second changes nothing.
    assert transfer.import_bundle(hanoi, hn_clerk, data)["status"] == "imported"
    after = snapshot(hanoi), head(hanoi.conn).seq
    again = transfer.import_bundle(hanoi, hn_clerk, export(demo_store, sent["id"], tmp_path, "again.kt1b"))
    assert again["status"] == "already_imported" and (snapshot(hanoi), head(hanoi.conn).seq) == after
    # The sending office cannot import its own dispatch: it receives its bags directly.
    peers.trust_peer(demo_store, get_user(demo_store, "admin"), keys.counter_key_line(demo_store))
    with pytest.raises(Kt1Error) as err:
        transfer.import_bundle(demo_store, clerk, export(demo_store, home["id"], tmp_path, "own.kt1b"))
    assert err.value.code == "dispatch_is_local"


def test_a_dispatch_with_bags_for_two_provinces_is_exported_one_destination_at_a_time(
        demo_store, clerk, tmp_path, frozen_now):
    [far] = to_hanoi(demo_store, clerk, 1)
    [near] = accept(demo_store, clerk, 1, recipient="TUDN")  # Thành ủy Đà Nẵng
    made = []
    for item, where in ((far, FAR), (near, "Đà Nẵng")):
        bag = bags.open_bag(demo_store, clerk, where)
        bags.add_items(demo_store, clerk, bag["id"], [item])
        bags.close_bag(demo_store, clerk, bag["id"], seal_no=seal())
        made.append(bag["id"])
    d = dispatches.create(demo_store, clerk, made, vehicle="29A-123.45", receiver="Lê Văn Tài")
    with pytest.raises(Kt1Error) as err:
        transfer.export(demo_store, d["id"], tmp_path)
    assert err.value.code == "dispatch_many_destinations" and "Đà Nẵng" in err.value.text("vi")
    done = transfer.export(demo_store, d["id"], tmp_path, destination="da nang")
    assert done["file"].endswith(".kt1b") and done["items"] == 1 and done["destination"] == "da nang"
    lines = bundle.read((tmp_path / done["file"].split("/")[-1]).read_bytes()).lines()
    assert [x["id"] for x in lines if x["t"] == "item"] == [near]
    with pytest.raises(Kt1Error) as err:
        transfer.export(demo_store, d["id"], tmp_path, destination="Huế")
    assert err.value.code == "dispatch_no_bag_for"


def test_the_province_bundle_carries_its_counters_keys_and_retires_revoked_ones(
        demo_store, clerk, admin, tmp_path, frozen_now):
    """A counter of the same province trusts a sender through the province's signed bundle, with no step of its own."""
    from cryptography.hazmat.primitives.asymmetric import ed25519

    from kt1desk.sync import client, keys, peers

    province = ed25519.Ed25519PrivateKey.generate()
    keys.trust_province_key(demo_store, admin, keys.province_key_line("Đắk Lắk", province.public_key()))
    peer = ed25519.Ed25519PrivateKey.generate()
    line = (f"kt1desk-key/1;role=counter;office=BDBMT;counter=Q01;uuid=0b5c1e0e-7c55-4a4b-9a38-3f0c2f4c1a01;"
            f"province=dak lak;ed25519={keys.public_b64(peer.public_key())}")

    def publication(n: int, lines: list[str]) -> bytes:
        body = b"".join(json.dumps({"t": "counter_key", "line": x}).encode() + b"\n" for x in lines)
        return bundle.write({"kind": "province", "bundle_id": f"pub-{n}", "created_at": clock.iso(clock.now()),
                             "key_id": keys.public_key_id(province.public_key()), "destination": "dak lak",
                             "publication": n, "agencies": 0, "tariffs": 0, "swaps": 0, "counter_keys": len(lines)},
                            body, province.sign)

    assert client.apply_province(demo_store, clerk, publication(1, [line, "garbage"]))["counter_keys"] == 1
    key_id = keys.public_key_id(peer.public_key())
    row = demo_store.one("SELECT office, source, retired_at FROM sync_peer_keys WHERE key_id = ?", (key_id,))
    assert row == {"office": "BDBMT", "source": "province", "retired_at": None}
    client.apply_province(demo_store, clerk, publication(2, []))  # revoked at the province
    assert demo_store.scalar("SELECT retired_at FROM sync_peer_keys WHERE key_id = ?", (key_id,)) is not None
    with pytest.raises(Kt1Error) as err:
        peers.peer_key(demo_store, key_id)
    assert err.value.code == "dispatch_unknown_key"
    with pytest.raises(Kt1Error) as err:
        peers.trust_peer(demo_store, clerk, line)  # an admin's decision
    assert err.value.code == "role_required"
    assert peers.trust_peer(demo_store, admin, line)["new"] is True  # an admin trusts it again by hand
    assert peers.trust_peer(demo_store, admin, line)["new"] is False
    client.apply_province(demo_store, clerk, publication(3, []))  # a key an admin trusted stays
    assert peers.peer_key(demo_store, key_id)[0]["source"] == "admin"
