"""Every state of an item's life and every illegal transition: refused, named, and nothing changed."""

from __future__ import annotations

import sqlite3

import pytest
from life_support import HOME, accept, bag_of, dispatched, seal, snapshot, walk

from kt1desk.errors import Kt1Error
from kt1desk.life import arrival, bags, corrections, delivery, dispatches, states
from kt1desk.services import items
from kt1desk.services.items import STATUSES

ITEM_ACTIONS = ("bag", "carry", "deliver", "fail", "return", "void", "correct")


def attempt(store, clerk, supervisor, item_id: str, action: str, bag_id: str):
    if action == "bag":
        return bags.add_items(store, clerk, bag_id, [item_id])
    if action == "carry":
        return delivery.carry(store, clerk, [item_id], carrier="Nguyễn Thị Mai")
    if action == "deliver":
        return delivery.deliver(store, clerk, item_id, receiver="Hoàng Thị Lan", role="Văn thư")
    if action == "fail":
        return delivery.fail(store, clerk, item_id, reason="vắng văn thư")
    if action == "return":
        return delivery.return_to_sender(store, clerk, item_id, reason="cơ quan giải thể")
    if action == "void":
        return corrections.void(store, supervisor, item_id, reason="nhận nhầm")
    return corrections.correct(store, supervisor, item_id, reason="cân lại", weight_g=950)


def test_the_schema_holds_exactly_the_transitions_the_core_checks(demo_store):
    stored = {(r["from_status"], r["to_status"]) for r in demo_store.all("SELECT * FROM item_transitions")}
    assert stored == states.transitions()
    assert {s for pair in stored for s in pair} == set(STATUSES)
    # Every state is reachable from "accepted".
    reach, todo = {"accepted"}, ["accepted"]
    while todo:
        here = todo.pop()
        for a, b in stored:
            if a == here and b not in reach:
                reach.add(b)
                todo.append(b)
    assert reach == set(STATUSES)


def test_every_state_and_every_item_action_from_it(demo_store, clerk, supervisor):
    for status, action in ((s, a) for s in STATUSES for a in ITEM_ACTIONS):
        [item_id] = accept(demo_store, clerk)
        walk(demo_store, clerk, supervisor, item_id, status)
        assert items.get_item(demo_store, item_id)["status"] == status
        bag_id = bags.open_bag(demo_store, clerk, HOME)["id"]
        legal = status in states.ACTIONS[action].sources
        before = snapshot(demo_store)
        if legal:
            attempt(demo_store, clerk, supervisor, item_id, action, bag_id)
            assert items.get_item(demo_store, item_id)["status"] == states.ACTIONS[action].target, (status, action)
            assert items.events(demo_store, item_id)[-1]["kind"] == states.ACTIONS[action].event
            continue
        with pytest.raises(Kt1Error) as err:
            attempt(demo_store, clerk, supervisor, item_id, action, bag_id)
        text_vi, text_en = err.value.text("vi"), err.value.text("en")
        assert item_id in text_vi and item_id in text_en
        if (status, action) == ("bagged", "bag"):  # in another open bag: that bag is named
            assert err.value.code == "item_in_other_bag" and "T-BDDLK-Q01-" in text_vi
        else:
            assert err.value.code == "illegal_transition", (status, action, err.value.code)
            assert STATUSES[status]["vi"] in text_vi and STATUSES[status]["en"] in text_en, text_en
        assert snapshot(demo_store) == before, (status, action)


def test_the_state_machine_refuses_every_other_move_and_rolls_back(demo_store, clerk, supervisor):
    for status in STATUSES:
        [item_id] = accept(demo_store, clerk)
        walk(demo_store, clerk, supervisor, item_id, status)
        _refuses_every_other_move(demo_store, clerk, item_id, status)


def _refuses_every_other_move(demo_store, clerk, item_id, status):
    for action, act in states.ACTIONS.items():
        if status in act.sources:
            continue
        before = snapshot(demo_store)
        with pytest.raises(Kt1Error) as err, demo_store.write(clerk, "test.move") as tx:
            states.move(tx, item_id, action, actor=clerk, counter_id=None)
        assert err.value.code == "illegal_transition" and item_id in err.value.text(), (status, action)
        assert snapshot(demo_store) == before, (status, action)


def test_the_schema_itself_refuses_an_illegal_status(demo_store, clerk, supervisor):
    [item_id] = accept(demo_store, clerk)
    corrections.void(demo_store, supervisor, item_id, reason="nhận nhầm")
    for target in ("accepted", "delivered", "bagged", "nonsense"):
        with pytest.raises(sqlite3.IntegrityError, match="illegal item transition"), \
                demo_store.write(None, "test.raw") as tx:
            tx.execute("UPDATE items SET status = ? WHERE id = ?", (target, item_id))
    with pytest.raises(sqlite3.IntegrityError, match="born accepted"), demo_store.write(None, "test.raw") as tx:
        tx.execute("INSERT INTO items SELECT * FROM items WHERE id = ?", (item_id,))
    with pytest.raises(sqlite3.IntegrityError, match="kept three years"), demo_store.write(None, "test.raw") as tx:
        tx.execute("DELETE FROM items WHERE id = ?", (item_id,))
    assert items.get_item(demo_store, item_id)["status"] == "voided"


def test_bags_refuse_what_their_state_does_not_allow(demo_store, clerk):
    a, b = accept(demo_store, clerk, 2)
    bag_id = bag_of(demo_store, clerk, [a])
    before = snapshot(demo_store)
    for attempt_, code in (
        (lambda: dispatches.create(demo_store, clerk, [bag_id], vehicle="X", receiver="Lê Văn Tài"), "bag_not_sealed"),
        (lambda: arrival.receive(demo_store, clerk, bag_id, [a]), "bag_not_dispatched"),
    ):
        with pytest.raises(Kt1Error) as err:
            attempt_()
        assert err.value.code == code and bag_id in err.value.text()
    assert snapshot(demo_store) == before
    bags.close_bag(demo_store, clerk, bag_id, seal_no=seal())
    before = snapshot(demo_store)
    for attempt_, code in (
        (lambda: bags.close_bag(demo_store, clerk, bag_id, seal_no=seal()), "bag_sealed"),  # close a bag twice
        (lambda: bags.add_items(demo_store, clerk, bag_id, [b]), "bag_sealed"),
        (lambda: bags.remove_items(demo_store, clerk, bag_id, [a]), "bag_sealed"),
    ):
        with pytest.raises(Kt1Error) as err:
            attempt_()
        assert err.value.code == code and bag_id in err.value.text("vi") and bag_id in err.value.text("en")
    assert snapshot(demo_store) == before
    dispatches.create(demo_store, clerk, [bag_id], vehicle="47C-000.01", receiver="Lê Văn Tài")
    with pytest.raises(Kt1Error) as err:
        dispatches.create(demo_store, clerk, [bag_id], vehicle="47C-000.01", receiver="Lê Văn Tài")
    assert err.value.code == "bag_dispatched"
    arrival.receive(demo_store, clerk, bag_id, [a])
    with pytest.raises(Kt1Error) as err:
        arrival.receive(demo_store, clerk, bag_id, [a])
    assert err.value.code == "bag_received"


def test_a_bag_not_dispatched_to_this_office_is_not_received_here(demo_store, clerk):
    [item_id] = accept(demo_store, clerk, recipient="BNV")  # Hà Nội
    bag_id = dispatched(demo_store, clerk, [item_id], destination="Hà Nội")
    before = snapshot(demo_store)
    with pytest.raises(Kt1Error) as err:
        arrival.receive(demo_store, clerk, bag_id, [item_id])
    assert err.value.code == "bag_not_for_us"
    assert "Hà Nội" in err.value.text("vi") and "BDDLK" in err.value.text("vi") and bag_id in err.value.text("en")
    assert snapshot(demo_store) == before
    assert items.get_item(demo_store, item_id)["status"] == "dispatched"


def test_clerks_cannot_do_supervisor_work_through_the_core(demo_store, clerk):
    [item_id] = accept(demo_store, clerk)
    before = snapshot(demo_store)
    for attempt_ in (lambda: corrections.void(demo_store, clerk, item_id, reason="x"),
                     lambda: corrections.correct(demo_store, clerk, item_id, reason="x", weight_g=950)):
        with pytest.raises(Kt1Error) as err:
            attempt_()
        assert err.value.code == "role_required" and "gdv1" in err.value.text()
    assert snapshot(demo_store) == before


def test_demo_history_times_carry_minutes_into_hours():
    # The demo's k-th delivery of a busy morning is at 9:05 + 7k minutes: k = 9 is 10:08, not an error.
    from datetime import date

    from kt1desk.demo_life import _at

    moment = _at(date(2026, 11, 27), 9, 5 + 7 * 9)
    assert (moment.hour, moment.minute) == (10, 8)
