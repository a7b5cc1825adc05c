"""The item's life on the command line, run for real: exit 0 done, 2 bad input or illegal transition, nothing written."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from test_cli import count, digest, run
from test_paper_support import codes, plumber_pages, rasters


@pytest.fixture(scope="module")
def life_template(tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("life-cli") / "demo.sqlite3"
    run("demo", "--items", "12", db=db, check=0)
    return db


@pytest.fixture
def db(life_template, tmp_path) -> Path:
    copy = tmp_path / "kt1.sqlite3"
    for suffix in ("", "-wal", "-shm"):
        if Path(str(life_template) + suffix).exists():
            shutil.copy(str(life_template) + suffix, str(copy) + suffix)
    return copy


def as_json(result) -> dict | list:
    return json.loads(result.stdout)


def refused(db, *args, user="gdv1", says=()):
    """Exit 2, the message in Vietnamese on stderr, and nothing written."""
    before = digest(db)
    result = run(*args, "--user", user, db=db, check=2)
    for text in says:
        assert text in result.stderr, (text, result.stderr)
    assert "Traceback" not in result.stderr
    assert digest(db) == before
    return result


def test_an_item_s_whole_life_on_the_command_line(db, tmp_path):
    made = [as_json(run("intake", "--user", "gdv1", "--sender", "SYT", "--recipient", "STC", "--kind", "thu",
                        "--weight", "20", "--json", db=db, check=0))["id"] for _ in range(3)]
    a, b, c = made
    bag = as_json(run("bag", "open", "--destination", "dak lak", "--user", "gdv1", "--json", db=db, check=0))["id"]
    added = run("bag", "add", bag, a, b, "--user", "gdv1", db=db, check=0)
    assert a in added.stdout and b in added.stdout
    before = digest(db)
    again = run("bag", "add", bag, a.lower(), "--user", "gdv1", db=db, check=0)
    assert "đã có trong túi này" in again.stdout and digest(db) == before
    refused(db, "bag", "open", "--destination", "Narnia", says=["Narnia"])
    out = tmp_path / "bag.pdf"
    closed = as_json(run("bag", "close", bag, "--seal", "NP-CLI-0001", "--out", out, "--user", "gdv1", "--json",
                         db=db, check=0))
    assert closed["status"] == "closed" and closed["seal_no"] == "NP-CLI-0001"
    assert codes(rasters(out.read_bytes())[0]) == [bag] and "NP-CLI-0001" in plumber_pages(out.read_bytes())[0]
    refused(db, "bag", "close", bag, "--seal", "NP-CLI-0002", says=[bag, "niêm phong"])  # close a bag twice
    refused(db, "bag", "add", bag, c, says=[bag])
    dispatch = as_json(run("dispatch", "create", "--bags", f"{bag},", "--vehicle", "47C-000.01", "--receiver",
                           "Lê Văn Tài", "--user", "gdv1", "--json", db=db, check=0))
    assert dispatch["id"].startswith("CT-BDDLK-Q01-") and [x["id"] for x in dispatch["bags"]] == [bag]
    received = as_json(run("receive", bag, "--items", a, "--user", "gdv1", "--json", db=db, check=0))
    assert received["received"] == [a] and received["missing"] == [b] and received["extra"] == []
    refused(db, "receive", bag, "--items", a, says=[bag])
    run("deliver", a, "--receiver", "Hoàng Thị Lan", "--role", "Văn thư", "--user", "gdv1", db=db, check=0)
    refused(db, "deliver", a, "--receiver", "Hoàng Thị Lan", says=[a, "Đã phát"])  # deliver twice
    refused(db, "fail", c, "--reason", "vắng", says=[c, "Đã nhận"])
    refused(db, "return", c, "--reason", "x", says=[c])
    refused(db, "void", c, "--reason", "nhận nhầm", says=["kiểm soát viên", "gdv1"])  # a clerk cannot void
    run("void", c, "--reason", "nhận nhầm", "--user", "giamsat", db=db, check=0)
    refused(db, "deliver", c, "--receiver", "Lan", says=[c, "Đã hủy"])  # deliver a voided item
    shown = as_json(run("show", a, "--json", db=db, check=0))
    assert shown["status"] == "delivered"
    assert [e["kind"] for e in shown["events"]] == ["accepted", "bagged", "dispatched", "received", "delivered"]
    assert shown["events"][-1]["details"]["receiver"] == "Hoàng Thị Lan"
    assert as_json(run("show", b, "--json", db=db, check=0))["status"] == "missing"
    lodged = as_json(run("complaint", "open", a, "--kind", "fee", "--by", "Văn phòng Sở Y tế", "--user", "gdv1",
                         "--json", db=db, check=0))
    refused(db, "complaint", "open", b, "--kind", "loss", "--by", "Sở Y tế", says=["còn trong hạn phát"])
    refused(db, "complaint", "open", b, "--kind", "theft", "--by", "Sở Y tế", says=["theft"])
    due = as_json(run("complaint", "list", "--due", "--user", "gdv1", "--json", db=db, check=0))
    [mine] = [x for x in due if x["id"] == lodged["id"]]  # (the demo has a complaint of its own to answer)
    assert mine["late"] is False and mine["item_id"] == a
    overdue = as_json(run("overdue", "--user", "gdv1", "--json", db=db, check=0))
    assert {"count", "away", "items", "destinations"} <= set(overdue)


def test_a_shift_reported_and_closed_on_the_command_line(db, tmp_path):
    for sender in ("SYT", "SYT", "CAT"):
        run("intake", "--user", "gdv1", "--sender", sender, "--recipient", "STC", "--kind", "thu", "--weight", "20",
            db=db, check=0)
    x = as_json(run("shift", "report", "--user", "gdv1", "--json", db=db, check=0))
    assert x["kind"] == "X" and x["items"]["count"] == 3 and x["payments"]["free"]["count"] == 1
    assert [line["sender_code"] for line in x["lines"]] == ["SYT", "SYT", "CAT"]
    expected = x["cash_expected_vnd"]
    refused(db, "shift", "close", "--cash", str(expected - 1000), says=["lý do"])
    refused(db, "shift", "close", "--cash", "nhiều", says=["nhiều"])
    z = as_json(run("shift", "close", "--cash", str(expected - 1000), "--reason", "Thiếu tiền lẻ", "--user", "gdv1",
                    "--json", db=db, check=0))
    assert (z["kind"], z["discrepancy_vnd"], z["discrepancy_reason"]) == ("Z", -1000, "Thiếu tiền lẻ")
    shift_id = z["shift"]["id"]
    refused(db, "shift", "report", says=["chưa có ca đang mở"])
    refused(db, "shift", "close", "--shift", shift_id, user="giamsat", says=[shift_id, "đã chốt"])
    first, second = tmp_path / "z1.pdf", tmp_path / "z2.pdf"
    run("shift", "report", "--shift", shift_id, "--out", first, "--user", "gdv1", db=db, check=0)
    run("shift", "report", "--shift", shift_id, "--out", second, "--user", "giamsat", db=db, check=0)
    assert "BẢN IN LẠI" not in "".join(plumber_pages(first.read_bytes()))
    assert "BẢN IN LẠI · lần in thứ 2" in "".join(plumber_pages(second.read_bytes()))
    assert count(db, f"SELECT COUNT(*) FROM shift_prints WHERE shift_id = '{shift_id}'") == 2
    en = run("shift", "close", "--shift", shift_id, "--user", "giamsat", "--lang", "en", db=db, check=2)
    assert "cannot change" in en.stderr
