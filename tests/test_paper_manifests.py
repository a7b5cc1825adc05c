"""Manifest rules: closed is immutable, a correction names the old one, an item on one open manifest only."""

from __future__ import annotations

import json
import sqlite3
from datetime import timedelta

import pytest
from test_paper_support import make_items, plumber_pages

from kt1desk import clock
from kt1desk.errors import Kt1Error
from kt1desk.printing import manifest_pdf
from kt1desk.services import manifests

LOCAL = [("SYT", "thu", 20, 1, None, False, None), ("MTTQ", "goi", 480, 2, "C", False, None)]


@pytest.fixture
def today():
    return clock.now().date()


@pytest.fixture
def opened(demo_store, clerk, today):
    ids = make_items(demo_store, clerk, 5, templates=LOCAL)
    (manifest_id,) = manifests.prepare(demo_store, clerk, today)
    return manifest_id, ids


def test_prepare_lists_the_days_items_once_in_order(demo_store, clerk, opened, today):
    manifest_id, ids = opened
    m = manifests.get_manifest(demo_store, manifest_id)
    assert manifest_id == f"BK-{today:%Y%m%d}-Q01-001"
    assert [r["id"] for r in m["rows"]] == ids and [r["row_no"] for r in m["rows"]] == [1, 2, 3, 4, 5]
    assert m["status"] == "open" and m["destination"] == "Đắk Lắk"
    # Again: nothing new, the same manifest, no duplicate rows.
    assert manifests.prepare(demo_store, clerk, today) == [manifest_id]
    assert len(manifests.get_manifest(demo_store, manifest_id)["rows"]) == 5
    # Later items join the open manifest at the end.
    later = make_items(demo_store, clerk, 2, templates=LOCAL, start=clock.now() - timedelta(seconds=5))
    manifests.prepare(demo_store, clerk, today)
    assert [r["id"] for r in manifests.get_manifest(demo_store, manifest_id)["rows"]][-2:] == later
    # Every write is journalled with its actor.
    journal = demo_store.all("SELECT user_id, action, details FROM journal WHERE entity = 'manifest' AND entity_id = ?",
                             (manifest_id,))
    assert {j["action"] for j in journal} == {"manifest.prepare"} and {j["user_id"] for j in journal} == {clerk.id}
    assert json.loads(journal[-1]["details"])["items"] == later


def test_nothing_to_list_is_a_clear_message(demo_store, clerk, today):
    with pytest.raises(Kt1Error) as err:
        manifests.prepare(demo_store, clerk, today)
    assert err.value.code == "manifest_nothing"
    assert "Không có bưu gửi nào nhận ngày 25/11/2026" in err.value.text("vi")
    assert "No items accepted on 25/11/2026" in err.value.text("en")


def test_closing_is_for_supervisors_and_makes_it_immutable(demo_store, clerk, supervisor, opened, today):
    manifest_id, ids = opened
    with pytest.raises(Kt1Error) as err:
        manifests.close(demo_store, clerk, manifest_id)
    assert err.value.code == "role_required"
    closed = manifests.close(demo_store, supervisor, manifest_id)
    assert closed["status"] == "closed" and closed["closed_by"] == supervisor.id
    before = manifest_pdf(demo_store, [manifest_id])
    # The service refuses...
    for attempt in (lambda: manifests.add_items(demo_store, supervisor, manifest_id, ids[:1]),
                    lambda: manifests.remove_items(demo_store, supervisor, manifest_id, ids[:1]),
                    lambda: manifests.close(demo_store, supervisor, manifest_id)):
        with pytest.raises(Kt1Error) as err:
            attempt()
        assert err.value.code == "manifest_closed"
        assert manifest_id in err.value.text("vi") and "bảng kê điều chỉnh" in err.value.text("vi")
    # ...and so does the database itself, whatever code path tries.
    for sql, params in (("UPDATE manifests SET destination = 'X' WHERE id = ?", (manifest_id,)),
                        ("UPDATE manifests SET status = 'open', closed_at = NULL WHERE id = ?", (manifest_id,)),
                        ("DELETE FROM manifests WHERE id = ?", (manifest_id,)),
                        ("UPDATE manifest_items SET row_no = row_no + 10 WHERE manifest_id = ?", (manifest_id,)),
                        ("DELETE FROM manifest_items WHERE manifest_id = ?", (manifest_id,)),
                        ("INSERT INTO manifest_items (manifest_id, row_no, item_id, is_open) "
                         f"VALUES (?, 99, '{ids[0]}', 0)", (manifest_id,))):
        with pytest.raises(sqlite3.IntegrityError, match="manifest closed"):
            with demo_store.write(supervisor, "test.tamper") as tx:
                tx.execute(sql, params)
    after = manifests.get_manifest(demo_store, manifest_id)
    assert [r["id"] for r in after["rows"]] == ids and after["status"] == "closed"
    text = plumber_pages(before)[0]
    assert "ĐÃ CHỐT lúc 25/11/2026 09:30 bởi Trần Thị Bích Ngọc" in text


def test_correction_names_the_old_manifest_and_is_for_supervisors(demo_store, clerk, supervisor, opened, today):
    manifest_id, ids = opened
    with pytest.raises(Kt1Error) as err:
        manifests.correct(demo_store, supervisor, manifest_id, reason="x")
    assert err.value.code == "manifest_open_correct"
    manifests.close(demo_store, supervisor, manifest_id)
    with pytest.raises(Kt1Error) as err:
        manifests.correct(demo_store, clerk, manifest_id, reason="Thiếu bưu gửi", remove=[ids[0]])
    assert err.value.code == "role_required"
    with pytest.raises(Kt1Error) as err:
        manifests.correct(demo_store, supervisor, manifest_id, reason="  ", remove=[ids[0]])
    assert err.value.code == "required"
    new_id = manifests.correct(demo_store, supervisor, manifest_id, reason="Bưu gửi chưa đi chuyến này",
                               remove=[ids[0]])
    new = manifests.get_manifest(demo_store, new_id)
    assert new["corrects"] == manifest_id and new["status"] == "open" and new_id != manifest_id
    assert [r["id"] for r in new["rows"]] == ids[1:] and [r["row_no"] for r in new["rows"]] == [1, 2, 3, 4]
    old = manifests.get_manifest(demo_store, manifest_id)
    assert old["corrected_by"] == new_id and [r["id"] for r in old["rows"]] == ids  # the old one is untouched
    text = " ".join(plumber_pages(manifest_pdf(demo_store, [new_id])))
    assert f"Điều chỉnh bảng kê {manifest_id} — lý do: Bưu gửi chưa đi chuyến này" in text
    assert f"Đã được điều chỉnh bằng bảng kê {new_id}" in " ".join(plumber_pages(manifest_pdf(demo_store, [manifest_id])))
    # Only the newest manifest of a chain is corrected.
    manifests.close(demo_store, supervisor, new_id)
    with pytest.raises(Kt1Error) as err:
        manifests.correct(demo_store, supervisor, manifest_id, reason="again")
    assert err.value.code == "manifest_corrected" and new_id in err.value.text("en")
    third = manifests.correct(demo_store, supervisor, new_id, reason="Bổ sung", add=[ids[0]])
    assert [r["id"] for r in manifests.get_manifest(demo_store, third)["rows"]] == ids[1:] + ids[:1]


def test_an_item_is_on_one_open_manifest_only(demo_store, clerk, supervisor, opened, today):
    manifest_id, ids = opened
    manifests.close(demo_store, supervisor, manifest_id)
    correction = manifests.correct(demo_store, supervisor, manifest_id, reason="Sửa số kiện")  # open, has ids
    later = make_items(demo_store, clerk, 1, templates=LOCAL, start=clock.now() - timedelta(seconds=2))
    listed = manifests.prepare(demo_store, clerk, today)  # a new bag: the first was closed
    (second,) = [m for m in listed if m not in (manifest_id, correction)]
    assert len(listed) == 3
    assert (manifest_id[-4:], correction[-4:], second[-4:]) == ("-001", "-002", "-003")  # numbered per day and counter
    assert [r["id"] for r in manifests.get_manifest(demo_store, second)["rows"]] == later
    with pytest.raises(Kt1Error) as err:
        manifests.add_items(demo_store, clerk, second, [ids[2]])
    assert err.value.code == "item_on_open_manifest"
    assert correction in err.value.text("vi") and ids[2] in err.value.text("en")
    # The database keeps the rule too.
    with pytest.raises(sqlite3.IntegrityError):
        with demo_store.write(clerk, "test.tamper") as tx:
            tx.execute("INSERT INTO manifest_items (manifest_id, row_no, item_id, is_open) VALUES (?, 50, ?, 1)",
                       (second, ids[2]))
    # Taken off the open correction, the item may go on the other manifest.
    manifests.remove_items(demo_store, supervisor, correction, [ids[2]])
    manifests.add_items(demo_store, clerk, second, [ids[2]])
    assert [r["id"] for r in manifests.get_manifest(demo_store, second)["rows"]] == later + [ids[2]]


def test_items_for_another_destination_are_refused(demo_store, clerk, opened):
    manifest_id, _ = opened
    (hanoi_item,) = make_items(demo_store, clerk, 1, templates=[("BNV", "thu", 20, 1, None, False, None)])
    with pytest.raises(Kt1Error) as err:
        manifests.add_items(demo_store, clerk, manifest_id, [hanoi_item])
    assert err.value.code == "item_wrong_destination" and "Hà Nội" in err.value.text("vi")


def test_empty_manifest_cannot_be_closed(demo_store, clerk, supervisor, opened):
    manifest_id, ids = opened
    manifests.remove_items(demo_store, clerk, manifest_id, ids)
    with pytest.raises(Kt1Error) as err:
        manifests.close(demo_store, supervisor, manifest_id)
    assert err.value.code == "manifest_close_empty"
    text = plumber_pages(manifest_pdf(demo_store, [manifest_id]))[0]
    assert "Không có bưu gửi nào" in text and "Tổng cộng 0 bưu gửi" in text
