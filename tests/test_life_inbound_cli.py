"""Dispatch bundles on the command line, two offices in two databases: exit 0 done, 2 bad input, 3 refused."""

from __future__ import annotations

import json

from inbound_support import hanoi_office
from test_cli import PASSWORD, digest, run


def out(result) -> dict:
    return json.loads(result.stdout)


def test_export_trust_import_receive_deliver_on_the_command_line(tmp_path):
    sender, receiver = tmp_path / "daklak.sqlite3", tmp_path / "hanoi.sqlite3"
    run("demo", "--items", "3", db=sender, check=0)
    hanoi_office(receiver, PASSWORD).close()
    a, b, c = (out(run("intake", "--user", "gdv1", "--sender", "SYT", "--recipient", "BNV", "--kind", "thu",
                       "--weight", "20", "--json", db=sender, check=0))["id"] for _ in range(3))
    bag = out(run("bag", "open", "--destination", "Hà Nội", "--user", "gdv1", "--json", db=sender, check=0))["id"]
    run("bag", "add", bag, a, b, c, "--user", "gdv1", db=sender, check=0)
    run("bag", "close", bag, "--seal", "NP-HN-0001", "--user", "gdv1", db=sender, check=0)
    dispatch = out(run("dispatch", "create", "--bags", bag, "--vehicle", "29A-123.45", "--receiver", "Lê Văn Tài",
                       "--user", "gdv1", "--json", db=sender, check=0))["id"]
    stick = tmp_path / "usb"
    stick.mkdir()
    exported = out(run("dispatch", "export", dispatch, "--out", stick, "--user", "gdv1", "--json", db=sender, check=0))
    assert exported["items"] == 3 and exported["bags"] == 1 and exported["destination"] == "ha noi"
    file = stick / exported["file"].split("/")[-1]
    assert file.exists() and not list(stick.glob("*.part"))
    run("dispatch", "export", "CT-NOWHERE", "--out", stick, "--user", "gdv1", db=sender, check=2)

    # Not trusted yet: refused, nothing written, no traceback.
    before = digest(receiver)
    result = run("--lang", "en", "dispatch", "import", file, "--user", "gdv1", db=receiver, check=3)
    assert "does not trust" in result.stderr and "Traceback" not in result.stderr and digest(receiver) == before
    line = out(run("sync", "key", "--json", db=sender, check=0))["line"]
    run("sync", "trust-peer", line, "--user", "gdv1", db=receiver, check=2)  # a clerk may not
    assert digest(receiver) == before
    trusted = out(run("sync", "trust-peer", line, "--user", "admin", "--json", db=receiver, check=0))
    assert trusted["office"] == "BDDLK" and trusted["new"] is True

    data = file.read_bytes()
    flipped = tmp_path / "flipped.kt1b"
    flipped.write_bytes(data[:-5] + bytes([data[-5] ^ 1]) + data[-4:])
    cut = tmp_path / "cut.kt1b"
    cut.write_bytes(data[:-100])
    before = digest(receiver)
    for bad in (flipped, cut):
        result = run("dispatch", "import", bad, "--user", "gdv1", db=receiver, check=3)
        assert "không nạp gì" in result.stderr or "không áp dụng gì" in result.stderr, result.stderr
    run("dispatch", "import", tmp_path / "absent.kt1b", "--user", "gdv1", db=receiver, check=2)
    assert digest(receiver) == before

    imported = out(run("dispatch", "import", file, "--user", "gdv1", "--json", db=receiver, check=0))
    assert imported["status"] == "imported" and imported["bags"] == [bag] and imported["items"] == 3
    after = digest(receiver)
    again = run("dispatch", "import", file, "--user", "gdv1", db=receiver, check=0)
    assert "trước đây" in again.stdout and digest(receiver) == after
    listed = out(run("dispatch", "inbound", "--user", "gdv1", "--json", db=receiver, check=0))
    assert [(r["id"], r["waiting"], r["items"]) for r in listed] == [(dispatch, 1, 3)]

    received = out(run("receive", dispatch, "--items", a, b, "--damaged", b, "--user", "gdv1", "--json",
                       db=receiver, check=0))
    assert received["received"] == [a, b] and received["missing"] == [c] and received["damaged"] == [b]
    run("deliver", a, "--receiver", "Hoàng Văn Nam", "--user", "gdv1", db=receiver, check=0)
    before = digest(receiver)
    result = run("deliver", c, "--receiver", "Hoàng Văn Nam", "--user", "gdv1", db=receiver, check=2)
    assert c in result.stderr and digest(receiver) == before  # missing: it must be received first
    run("out", b, "--carrier", "Ngô Văn Bình", "--user", "gdv1", db=receiver, check=0)
    run("fail", b, "--reason", "Văn thư cơ quan vắng", "--user", "gdv1", db=receiver, check=0)
    run("return", b, "--reason", "Cơ quan đã chuyển trụ sở", "--user", "gdv1", db=receiver, check=0)
    shown = out(run("show", a, "--user", "gdv1", "--json", db=receiver, check=0))
    assert shown["status"] == "delivered" and shown["inbound"] is True and shown["origin_office"] == "BDDLK"
    assert [e["kind"] for e in shown["events"]] == ["received", "delivered"]
    assert shown["events"][-1]["details"]["receiver"] == "Hoàng Văn Nam" and "fee_vnd" not in shown
    text = run("show", b, "--user", "gdv1", db=receiver, check=0).stdout
    assert "BDDLK" in text and "delivery_failed" in text and "returned" in text
    # At the sending office the items are its own, still on their way.
    assert out(run("show", a, "--user", "gdv1", "--json", db=sender, check=0))["status"] == "dispatched"
    run("audit", "verify", db=receiver, check=0)
