"""The province's bundle carries its counters' keys: a dispatch from one counter is trusted at another of the province."""

from __future__ import annotations

from life_support import accept, seal

from kt1desk.central import admin, publish
from kt1desk.life import arrival, bags, dispatches, transfer
from kt1desk.services.users import get_user
from kt1desk.sync import bundle, client, keys

from sync_support import central, fresh_blocks, make_counter, pg_dsn  # noqa: F401


def test_counters_of_one_province_trust_each_other_through_the_published_bundle(tmp_path, central, frozen_now):
    sender = make_counter(tmp_path / "sender.sqlite3", central, items=2)
    # Another machine of the province (its counters named apart, as an office numbers its counters).
    blocks = [(code, name, first, last) for code, (_c, name, first, last) in zip(("Q03", "Q04"), fresh_blocks())]
    receiver = make_counter(tmp_path / "receiver.sqlite3", central, items=2, blocks=blocks)
    try:
        clerk, far_clerk = get_user(sender, "gdv1"), get_user(receiver, "gdv1")
        items = accept(sender, clerk, 2)
        bag = bags.open_bag(sender, clerk, "Đắk Lắk")
        bags.add_items(sender, clerk, bag["id"], items)
        bags.close_bag(sender, clerk, bag["id"], seal_no=seal())
        sent = dispatches.create(sender, clerk, [bag["id"]], vehicle="47C-000.01", receiver="Lê Văn Tài")
        data, _ = transfer.bundle_for(sender, sent["id"])

        conn = central.conn()
        try:
            published, manifest = publish.publish(conn, central.signer)
        finally:
            conn.close()
        assert manifest["counter_keys"] >= 2
        lines = [r["line"] for r in bundle.read(published).lines() if r.get("t") == "counter_key"]
        assert keys.counter_key_line(sender) in lines and keys.counter_key_line(receiver) in lines
        applied = client.apply_province(receiver, far_clerk, published)
        assert applied["counter_keys"] >= 2
        assert transfer.import_bundle(receiver, far_clerk, data)["status"] == "imported"
        assert arrival.receive(receiver, far_clerk, sent["id"], items)["received"] == items

        # The province revokes the sender's key: the next publication retires it here.
        sender_key = keys.identity(sender)["key_id"]
        conn = central.conn()
        try:
            admin.revoke(conn, sender_key)
            again, _ = publish.publish(conn, central.signer)
        finally:
            conn.close()
        client.apply_province(receiver, far_clerk, again)
        assert receiver.scalar("SELECT retired_at FROM sync_peer_keys WHERE key_id = ?", (sender_key,)) is not None
    finally:
        sender.close()
        receiver.close()
