"""At the destination and on delivery: the receipt record, delivery and its retries, after hours, overdue."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta

import pytest
from life_support import HOME, accept, bag_of, dispatched, seal, snapshot
from test_paper_support import codes, plumber_pages, rasters

from kt1desk import clock
from kt1desk.errors import Kt1Error
from kt1desk.life import arrival, bags, delivery, dispatches, overdue
from kt1desk.printing import arrival_pdf, dispatch_pdf
from kt1desk.services import items


def test_a_bag_received_against_its_manifest(demo_store, clerk):
    a, b, c = accept(demo_store, clerk, 3)
    [elsewhere] = accept(demo_store, clerk)
    bag_id = dispatched(demo_store, clerk, [a, b, c])
    other_bag = dispatched(demo_store, clerk, [elsewhere])
    stranger = "DK473124829VN"  # a valid id this office never saw
    result = arrival.receive(demo_store, clerk, bag_id, [a, elsewhere, stranger], damaged=[b])
    assert result["received"] == [a, b] and result["missing"] == [c] and result["extra"] == [elsewhere, stranger]
    assert result["damaged"] == [b] and result["bags"] == [bag_id]
    assert result["dispatch"] == bags.get_bag(demo_store, bag_id)["dispatch_id"]
    status = {i: items.get_item(demo_store, i)["status"] for i in (a, b, c, elsewhere)}
    assert status == {a: "received", b: "received", c: "missing", elsewhere: "received"}
    assert items.events(demo_store, b)[-1]["details"] == {"receipt": result["receipt"], "bag": bag_id, "damaged": True}
    assert items.events(demo_store, elsewhere)[-1]["details"]["extra"] is True
    receipt = arrival.get_receipt(demo_store, result["receipt"])
    assert receipt["deliverer_name"] == "Lê Văn Tài" and receipt["receiver_name"] == "Nguyễn Văn Hùng"  # both sides
    lines = {line["item_id"]: (line["outcome"], line["damaged"]) for line in receipt["lines"]}
    assert lines == {a: ("received", 0), b: ("received", 1), c: ("missing", 0), elsewhere: ("extra", 0),
                     stranger: ("extra", 0)}
    assert bags.get_bag(demo_store, bag_id)["status"] == "received"
    assert bags.get_bag(demo_store, other_bag)["status"] == "dispatched"  # its own receipt is still to come
    # The missing item turns up in a later bag: received then.
    later = arrival.receive(demo_store, clerk, other_bag, [c])
    assert later["missing"] == [elsewhere] and later["extra"] == [c]  # as the bag held them...
    assert items.get_item(demo_store, c)["status"] == "received"
    assert items.get_item(demo_store, elsewhere)["status"] == "received"  # ...and the item, found before, stays
    for sql in ("UPDATE receipt_lines SET outcome = 'received'", "DELETE FROM receipts",
                "UPDATE receipts SET note = 'x'"):
        with pytest.raises(sqlite3.IntegrityError), demo_store.write(None, "test.raw") as tx:
            tx.execute(sql)
    pdf = arrival_pdf(demo_store, result["receipt"])
    text = " ".join(" ".join(plumber_pages(pdf)).split())
    for word in ("BIÊN BẢN NHẬN TÚI THƯ KT1", bag_id, "THIẾU", c, "THỪA", elsewhere, stranger, "HƯ HỎNG", b,
                 "(không có ở bưu cục này)", "Ký (gõ tên): Lê Văn Tài", "Ký (gõ tên): Nguyễn Văn Hùng"):
        assert word in text, word
    assert codes(rasters(pdf, dpi=200)[0])[0] == result["receipt"]


def test_a_dispatch_is_received_by_its_bags_for_this_office(demo_store, clerk):
    a, b = accept(demo_store, clerk, 2)
    [far] = accept(demo_store, clerk, recipient="BNV")
    home = bag_of(demo_store, clerk, [a, b])
    away = bag_of(demo_store, clerk, [far], destination="Hà Nội")
    for bag_id in (home, away):
        bags.close_bag(demo_store, clerk, bag_id, seal_no=seal())
    d = dispatches.create(demo_store, clerk, [home, away], vehicle="47C-000.01", receiver="Lê Văn Tài")
    expected = arrival.expected(demo_store, d["id"])
    assert expected["kind"] == "dispatch" and [bag["id"] for bag in expected["bags"]] == [home]
    result = arrival.receive(demo_store, clerk, d["id"].lower(), [a, b], deliverer="Trần Minh Quang")
    assert result["bags"] == [home] and result["missing"] == [] and result["extra"] == []
    assert bags.get_bag(demo_store, away)["status"] == "dispatched"
    with pytest.raises(Kt1Error) as err:
        arrival.receive(demo_store, clerk, d["id"], [])
    assert err.value.code == "bag_received"
    text = "\n".join(plumber_pages(dispatch_pdf(demo_store, d["id"])))
    for word in ("BIÊN BẢN GIAO CHUYẾN THƯ KT1", home, away, "47C-000.01", "Ký (gõ tên): Lê Văn Tài", "Hà Nội"):
        assert word in text, word
    with pytest.raises(Kt1Error) as err:
        arrival.receive(demo_store, clerk, "CT-NOWHERE", [])
    assert err.value.code == "nothing_to_receive"


def test_delivery_failed_then_delivered_and_a_return(demo_store, clerk, frozen_now):
    a, b, c = accept(demo_store, clerk, 3)
    bag_id = dispatched(demo_store, clerk, [a, b, c])
    arrival.receive(demo_store, clerk, bag_id, [a, b, c])
    delivery.carry(demo_store, clerk, [a, b], carrier="Nguyễn Thị Mai")
    delivery.fail(demo_store, clerk, a, reason="Văn thư vắng")
    assert delivery.attempts(demo_store, a) == 1
    delivery.carry(demo_store, clerk, [a], carrier="Đỗ Văn Bình")
    assert items.events(demo_store, a)[-1]["details"] == {"carrier": "Đỗ Văn Bình", "attempt": 2}
    frozen_now(frozen_now() + timedelta(hours=1))  # the delivery is noted an hour later
    done = delivery.deliver(demo_store, clerk, a, receiver="Hoàng Thị Lan", at=frozen_now() - timedelta(minutes=10))
    assert done["status"] == "delivered"
    event = items.events(demo_store, a)[-1]
    assert event["kind"] == "delivered" and event["at"] == clock.iso(frozen_now() - timedelta(minutes=10))
    assert event["details"]["receiver"] == "Hoàng Thị Lan" and event["details"]["role"] == "Văn thư"
    assert event["details"]["recorded_at"] == clock.iso(frozen_now())
    # Collected at the counter: delivered straight from "received", with the receiver's role.
    assert delivery.deliver(demo_store, clerk, c, receiver="Vũ Minh Châu", role="Chánh Văn phòng")["status"] == "delivered"
    before = snapshot(demo_store)
    for kwargs, code in ((dict(receiver=""), "required"), (dict(receiver="Lan", signature="Hoa"), "signature_mismatch"),
                         (dict(receiver="Lan", at="2030-01-01 09:00"), "time_future"),
                         (dict(receiver="Lan", at="2026-11-20 09:00"), "time_too_early"),
                         (dict(receiver="Lan", at="hôm qua"), "bad_datetime")):
        with pytest.raises(Kt1Error) as err:
            delivery.deliver(demo_store, clerk, b, **kwargs)
        assert err.value.code == code, kwargs
    with pytest.raises(Kt1Error) as err:
        delivery.fail(demo_store, clerk, b, reason=" ")
    assert err.value.code == "required"
    assert snapshot(demo_store) == before
    delivery.fail(demo_store, clerk, b, reason="Cơ quan đã giải thể")
    returned = delivery.return_to_sender(demo_store, clerk, b, reason="Cơ quan đã giải thể, không có đơn vị kế thừa")
    assert returned["status"] == "returned"
    with pytest.raises(Kt1Error) as err:
        bags.add_items(demo_store, clerk, bags.open_bag(demo_store, clerk, HOME)["id"], [b])  # bag a return
    assert err.value.code == "illegal_transition" and "Đã chuyển hoàn" in err.value.text()


AFTER_HOURS = [
    (datetime(2026, 11, 25, 9, 30), None),  # a Wednesday morning
    (datetime(2026, 11, 25, 18, 15), "ngoài giờ hành chính"),
    (datetime(2026, 11, 28, 10, 0), "ngày nghỉ"),  # a Saturday
    (datetime(2026, 9, 2, 10, 0), "ngày lễ"),  # National Day
]


def test_after_hours_the_recipient_agency_s_contact_is_shown(demo_store, clerk):
    [item_id] = accept(demo_store, clerk)
    item = items.get_item(demo_store, item_id)
    for moment, why in AFTER_HOURS:
        contact = delivery.after_hours(demo_store, item, clock.to_vn(moment))
        if why is None:
            assert contact is None
            continue
        assert contact["why"]["vi"].startswith(why), moment
        assert (contact["agency"], contact["contact"], contact["phone"]) == ("Sở Tài chính", "Ông Phạm Quốc Hưng",
                                                                             "0905 111 207")


def test_overdue_on_a_clock_moved_forward(demo_store, clerk, supervisor, frozen_now):
    start = frozen_now()  # Wednesday 25/11/2026 09:30: nội tỉnh J + 1.5 ends on Friday 27/11 at noon
    late, delivered, failed = accept(demo_store, clerk, 3)
    [far] = accept(demo_store, clerk, recipient="BNV")  # liên tỉnh: J + 3.5
    assert items.get_item(demo_store, late)["deadline"] == "2026-11-27T12:00:00+07:00"
    bag_id = dispatched(demo_store, clerk, [delivered, failed])
    arrival.receive(demo_store, clerk, bag_id, [delivered, failed])
    delivery.deliver(demo_store, clerk, delivered, receiver="Hoàng Thị Lan")
    delivery.carry(demo_store, clerk, [failed], carrier="Nguyễn Thị Mai")
    delivery.fail(demo_store, clerk, failed, reason="Văn thư vắng")  # an attempt was made: not overdue
    mine = {late, delivered, failed, far}

    def found_now(**kwargs):
        """Overdue among this test's items (the demo's old items are long overdue whatever the clock)."""
        result = overdue.overdue(demo_store, **kwargs)
        return [r for r in result["items"] if r["id"] in mine], result

    frozen_now(datetime(2026, 11, 27, 11, 59, tzinfo=clock.VN_TZ))
    assert found_now()[0] == []
    frozen_now(datetime(2026, 11, 27, 12, 1, tzinfo=clock.VN_TZ))
    rows, result = found_now()
    assert [r["id"] for r in rows] == [late] and rows[0]["age"] == 0
    home = next(g for g in result["destinations"] if g["destination"] == HOME)
    assert home["ages"][0] == 1  # only ours is less than a day late
    dispatched(demo_store, clerk, [far], destination="Hà Nội")
    frozen_now(datetime(2026, 12, 8, 9, 0, tzinfo=clock.VN_TZ))  # J + 3.5 of the liên tỉnh item is long past
    rows, result = found_now()
    assert [r["id"] for r in rows] == [late] and result["away"] == 1
    assert rows[0]["age"] == 3 and rows[0]["days_late"] == pytest.approx(10.9, abs=0.05)
    rows, result = found_now(include_away=True)
    assert [r["id"] for r in rows] == [late, far] and "Hà Nội" in {g["destination"] for g in result["destinations"]}
    assert start < frozen_now()
