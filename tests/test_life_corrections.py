"""Voids and corrections (supervisors, with a reason, the old record kept) and complaints within the law's windows."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime

import pytest
from life_support import accept, dispatched, snapshot

from kt1desk import clock, s10
from kt1desk.errors import FieldErrors, Kt1Error
from kt1desk.life import arrival, complaints, corrections, delivery
from kt1desk.services import items, manifests, settings


def at(*args) -> datetime:
    return datetime(*args, tzinfo=clock.VN_TZ)


# -- voids and corrections -------------------------------------------------------------------------

def test_a_void_keeps_the_record_and_its_id_forever(demo_store, clerk, supervisor):
    a, b = accept(demo_store, clerk, 2)
    (daily,) = manifests.prepare(demo_store, clerk, "2026-11-25", "Đắk Lắk")
    before = items.get_item(demo_store, a)
    with pytest.raises(Kt1Error) as err:
        corrections.void(demo_store, supervisor, a, reason="  ")
    assert err.value.code == "required"
    voided = corrections.void(demo_store, supervisor, a, reason="Nhận trùng với DK… của cùng người gửi")
    assert voided["status"] == "voided"
    assert {k: v for k, v in voided.items() if k != "status"} == {k: v for k, v in before.items() if k != "status"}
    event = items.events(demo_store, a)[-1]
    assert (event["kind"], event["user_login"]) == ("voided", "giamsat")
    assert event["details"]["reason"].startswith("Nhận trùng") and event["details"]["from_manifest"] == daily
    assert [r["id"] for r in manifests.get_manifest(demo_store, daily)["rows"]] == [b]
    [c] = accept(demo_store, clerk)
    assert int(c[2:10]) > int(a[2:10]) and items.search(demo_store, a)[0]["status"] == "voided"
    with pytest.raises(Kt1Error) as err:
        corrections.void(demo_store, supervisor, a, reason="lần nữa")
    assert err.value.code == "illegal_transition" and "Đã hủy" in err.value.text()


def test_a_correction_prices_again_and_names_the_old_values(demo_store, clerk, supervisor):
    [item_id] = accept(demo_store, clerk, weight_g=20)
    old = items.get_item(demo_store, item_id)
    before = snapshot(demo_store)
    for kwargs in (dict(weight_g="nặng"), dict(recipient="NOPE"), dict(pieces=0)):
        with pytest.raises(FieldErrors):
            corrections.correct(demo_store, supervisor, item_id, reason="sai", **kwargs)
    with pytest.raises(Kt1Error) as err:
        corrections.correct(demo_store, supervisor, item_id, reason="sai", weight_g=20)
    assert err.value.code == "nothing_to_correct"
    assert snapshot(demo_store) == before
    heavier = corrections.correct(demo_store, supervisor, item_id, reason="Cân lại tại quầy", weight_g="1,5 kg")
    assert heavier["weight_g"] == 1500 and heavier["fee_vnd"] > old["fee_vnd"]
    assert heavier["deadline"] == old["deadline"] and heavier["accepted_at"] == old["accepted_at"]
    event = items.events(demo_store, item_id)[-1]
    assert event["kind"] == "corrected" and event["details"]["reason"] == "Cân lại tại quầy"
    assert event["details"]["before"] == {"weight_g": 20, "fee_vnd": old["fee_vnd"], "vat_vnd": old["vat_vnd"]}
    assert event["details"]["after"] == {"weight_g": 1500, "fee_vnd": heavier["fee_vnd"], "vat_vnd": heavier["vat_vnd"]}
    assert event["details"]["adjust"] == []  # the clerk's shift is open: its totals follow by themselves
    # A wrong recipient: scope, deadline and what search finds follow.
    moved = corrections.correct(demo_store, supervisor, item_id, reason="Sai cơ quan nhận", recipient="BNV")
    assert (moved["recipient_code"], moved["scope"], moved["free_reason"]) == ("BNV", "lien-tinh", None)
    assert moved["deadline"] > old["deadline"]
    assert item_id in [r["id"] for r in items.find_items(demo_store, text="bo noi vu")]
    assert item_id not in [r["id"] for r in items.find_items(demo_store, text="so tai chinh")]


def test_only_an_item_still_at_the_counter_is_corrected_or_voided(demo_store, clerk, supervisor):
    [item_id] = accept(demo_store, clerk)
    dispatched(demo_store, clerk, [item_id])
    before = snapshot(demo_store)
    for attempt in (lambda: corrections.void(demo_store, supervisor, item_id, reason="x"),
                    lambda: corrections.correct(demo_store, supervisor, item_id, reason="x", weight_g=950)):
        with pytest.raises(Kt1Error) as err:
            attempt()
        assert err.value.code == "illegal_transition" and "Đã chuyển đi" in err.value.text()
    assert snapshot(demo_store) == before


# -- complaints ------------------------------------------------------------------------------------

def test_add_months_keeps_the_day_or_the_month_s_last():
    assert complaints.add_months(date(2026, 11, 27), 6) == date(2027, 5, 27)
    assert complaints.add_months(date(2026, 8, 31), 6) == date(2027, 2, 28)
    assert complaints.add_months(date(2027, 8, 31), 6) == date(2028, 2, 29)
    assert complaints.add_months(date(2026, 12, 31), 2) == date(2027, 2, 28)


def test_loss_and_delay_from_the_deadline_up_to_six_months(demo_store, clerk, frozen_now):
    [item_id] = accept(demo_store, clerk)  # deadline Friday 27/11/2026 12:00
    for kind in ("loss", "delay"):
        frozen_now(at(2026, 11, 27, 11, 59))
        with pytest.raises(Kt1Error) as err:
            complaints.lodge(demo_store, clerk, item_id, kind=kind, by="Văn phòng Sở Y tế")
        assert err.value.code == "complaint_too_early" and "27/11/2026 12:00" in err.value.text()
        frozen_now(at(2027, 5, 28, 0, 0))
        with pytest.raises(Kt1Error) as err:
            complaints.lodge(demo_store, clerk, item_id, kind=kind, by="Văn phòng Sở Y tế")
        assert err.value.code == "complaint_too_late" and "27/05/2027" in err.value.text()
        assert "6 months after the deadline" in err.value.text("en")
        frozen_now(at(2026, 11, 27, 12, 1))
        assert complaints.lodge(demo_store, clerk, item_id, kind=kind, by="Văn phòng Sở Y tế")["status"] == "open"
        frozen_now(at(2027, 5, 27, 23, 59))
        made = complaints.lodge(demo_store, clerk, item_id, kind=kind, by="Văn phòng Sở Y tế")
        assert made["window_ends"] == "2027-05-27"


def test_damage_and_fee_up_to_one_month_after_delivery(demo_store, clerk, frozen_now):
    [item_id] = accept(demo_store, clerk)
    with pytest.raises(Kt1Error) as err:
        complaints.lodge(demo_store, clerk, item_id, kind="damage", by="Sở Tài chính")
    assert err.value.code == "complaint_not_delivered"
    assert complaints.lodge(demo_store, clerk, item_id, kind="fee", by="Sở Y tế")["window_ends"] is None
    arrival.receive(demo_store, clerk, dispatched(demo_store, clerk, [item_id]), [item_id])
    frozen_now(at(2026, 11, 26, 10, 0))
    delivery.deliver(demo_store, clerk, item_id, receiver="Hoàng Thị Lan")
    for kind in ("damage", "fee"):
        frozen_now(at(2026, 12, 26, 23, 59))
        assert complaints.lodge(demo_store, clerk, item_id, kind=kind, by="Sở Tài chính")["window_ends"] == "2026-12-26"
        frozen_now(at(2026, 12, 27, 0, 1))
        with pytest.raises(Kt1Error) as err:
            complaints.lodge(demo_store, clerk, item_id, kind=kind, by="Sở Tài chính")
        assert err.value.code == "complaint_too_late" and "26/12/2026" in err.value.text()


def test_the_answer_is_due_within_the_office_s_target_and_never_past_two_months(demo_store, clerk, supervisor,
                                                                                 frozen_now):
    [item_id] = accept(demo_store, clerk)
    frozen_now(at(2026, 12, 31, 9, 0))
    first = complaints.lodge(demo_store, clerk, item_id, kind="loss", by="Sở Y tế")
    assert first["answer_due"] == "2027-01-30"  # the sample target: 30 days
    settings.put(demo_store, supervisor, "complaint_answer_days", "62")
    second = complaints.lodge(demo_store, clerk, item_id, kind="delay", by="Sở Y tế")
    assert second["answer_due"] == "2027-02-28"  # two months, not 62 days
    with pytest.raises(Kt1Error):
        settings.put(demo_store, supervisor, "complaint_answer_days", "90")
    frozen_now(at(2027, 1, 31, 9, 0))
    due = complaints.register(demo_store, due_only=True)
    assert [(c["id"], c["late"], c["days_left"]) for c in due] == [(first["id"], True, -1), (second["id"], False, 28)]
    with pytest.raises(Kt1Error) as err:
        complaints.answer(demo_store, clerk, first["id"], outcome="upheld")
    assert err.value.code == "role_required"
    for kwargs, code in ((dict(outcome="maybe"), "complaint_outcome"),
                         (dict(outcome="upheld", compensation="nhiều"), "cash_amount")):
        with pytest.raises(Kt1Error) as err:
            complaints.answer(demo_store, supervisor, first["id"], **kwargs)
        assert err.value.code == code
    answered = complaints.answer(demo_store, supervisor, first["id"], outcome="upheld", compensation="500.000",
                                 text="Bồi thường theo quy định")
    assert (answered["status"], answered["outcome"], answered["compensation_vnd"], answered["late"]) == \
        ("answered", "upheld", 500_000, True)
    assert [c["id"] for c in complaints.register(demo_store, due_only=True)] == [second["id"]]
    assert {c["id"] for c in complaints.register(demo_store)} == {first["id"], second["id"]}
    with pytest.raises(Kt1Error) as err:
        complaints.answer(demo_store, supervisor, first["id"], outcome="rejected")
    assert err.value.code == "complaint_answered"
    with pytest.raises(sqlite3.IntegrityError), demo_store.write(None, "test.raw") as tx:
        tx.execute("UPDATE complaints SET compensation_vnd = 0 WHERE id = ?", (first["id"],))
    kinds = [e["kind"] for e in items.events(demo_store, item_id)]
    assert kinds.count("complaint") == 2 and kinds[-1] == "complaint_answered"


def test_no_complaint_about_a_voided_item_or_of_an_unknown_kind(demo_store, clerk, supervisor):
    [item_id] = accept(demo_store, clerk)
    before = snapshot(demo_store)
    for kwargs, code in ((dict(kind="lost"), "complaint_kind"), (dict(kind="fee", by=""), "required")):
        with pytest.raises(Kt1Error) as err:
            complaints.lodge(demo_store, clerk, item_id, **({"by": "Sở Y tế"} | kwargs))
        assert err.value.code == code
    assert snapshot(demo_store) == before
    corrections.void(demo_store, supervisor, item_id, reason="nhận nhầm")
    with pytest.raises(Kt1Error) as err:
        complaints.lodge(demo_store, clerk, item_id, kind="fee", by="Sở Y tế")
    assert err.value.code == "complaint_voided"
    assert s10.is_valid(item_id)


def test_an_item_on_a_closed_manifest_is_voided_not_corrected(demo_store, clerk, supervisor):
    [item_id] = accept(demo_store, clerk)
    (daily,) = manifests.prepare(demo_store, clerk, "2026-11-25", "Đắk Lắk")
    manifests.close(demo_store, supervisor, daily)
    before = snapshot(demo_store)
    with pytest.raises(Kt1Error) as err:
        corrections.correct(demo_store, supervisor, item_id, reason="cân lại", weight_g=950)
    assert err.value.code == "item_on_closed_manifest" and daily in err.value.text()
    assert snapshot(demo_store) == before
    assert corrections.void(demo_store, supervisor, item_id, reason="cân sai, nhận lại")["status"] == "voided"
