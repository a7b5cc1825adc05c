"""Demo history lived through the real services, each step on its own day and hour (``clock.replaying``).

It runs inside the demo's one write (each service's write joins it, stamped with the replayed moment),
so a demo interrupted half way still leaves nothing.

Every day a clerk opens a shift at each counter used, accepts that day's items
and closes the shift with its Z (one day with a small cash difference, declared
with its reason). At the end of the day the items leave: one bag per
destination, sealed, and one dispatch. Bags for this province arrive the next
working morning; their items go out and are delivered to the agencies' records
offices — a few only at the second attempt, one returned to its sender. The
newest day's items still wait at the counter.
"""

from __future__ import annotations

import random
from collections import defaultdict
from datetime import date, datetime, time, timedelta

from . import clock
from .life import arrival, bags, complaints, delivery, dispatches, shifts
from .services.intake import _insert
from .storage import Store, User
from .text import fold

DRIVERS = ("Lê Văn Tài", "Trần Minh Quang", "Phạm Đức Long")
VEHICLES = ("47C-012.34", "47C-156.78")
CARRIERS = ("Nguyễn Thị Mai", "Đỗ Văn Bình")
RECEIVERS = (("Hoàng Thị Lan", "Văn thư"), ("Vũ Minh Châu", "Văn thư"), ("Lê Thị Hoa", "Chánh Văn phòng"))
NO_WARNING = 101


def _at(day: date, hour: int, minute: int = 0) -> datetime:
    """``minute`` may run past 59 (a busy morning's k-th delivery): it carries into the hours."""
    hour, minute = hour + minute // 60, minute % 60
    return clock.at(day, time(min(hour, 23), minute))


def replay_history(store: Store, clerk: User, entries: list[tuple], rng: random.Random) -> None:
    """``entries``: (quote, counter row) in acceptance order."""
    days: dict[date, list[tuple]] = defaultdict(list)
    for q, counter in entries:
        days[clock.to_vn(q.accepted_at).date()].append((q, counter))
    ordered = sorted(days)
    odd_day = rng.choice(ordered) if ordered else None
    now = clock.now()
    for day in ordered:
        accepted = _work_a_day(store, clerk, days[day], cash_short=day == odd_day)
        if day == ordered[-1]:
            continue  # the newest items still wait at the counter
        home = _send_off(store, clerk, day, accepted, rng)
        if home:  # the last bag sent has arrived but is not out yet: the delivery page has work
            _deliver(store, clerk, home, day + timedelta(days=1), now, rng, out=len(ordered) < 2 or day != ordered[-2])
    _complaints(store, clerk, now)


def _work_a_day(store: Store, clerk: User, entries: list[tuple], *, cash_short: bool) -> list[dict]:
    by_counter: dict[str, list[tuple]] = defaultdict(list)
    for q, counter in entries:
        by_counter[counter["code"]].append((q, counter))
    accepted = []
    for code, work in by_counter.items():
        first, last = work[0][0].accepted_at, work[-1][0].accepted_at
        with clock.replaying(first - timedelta(minutes=10)):
            shift = shifts.open_shift(store, clerk, code)
        with clock.replaying(last), store.write(clerk, "item.accept") as tx:
            for q, counter in work:
                tx.now = q.accepted_at  # each item recorded when it was taken
                accepted.append(_insert(tx, clerk, q, counter, NO_WARNING, shift["id"]).item)
        closing = max(_at(last.date(), 17, 5), last + timedelta(minutes=5))
        with clock.replaying(closing):
            expected = shifts.compute(store, shift["id"])["cash_expected_vnd"]
            short = 10_000 if cash_short and expected >= 10_000 else 0
            shifts.close(store, clerk, shift["id"], cash_counted=expected - short,
                         reason="Thiếu 10.000 đ tiền lẻ, đã báo kiểm soát viên" if short else "")
    return accepted


def _send_off(store: Store, clerk: User, day: date, accepted: list[dict], rng: random.Random) -> dict | None:
    """One sealed bag per destination and one dispatch; returns the bag for this province, if any."""
    last = max(clock.parse_iso(i["accepted_at"]) for i in accepted)
    moment = max(_at(day, 16, 10), last + timedelta(minutes=10))
    home_fold = fold(store.one("SELECT province FROM office")["province"])
    groups: dict[str, list[dict]] = defaultdict(list)
    for item in accepted:
        groups[item["recipient_province"]].append(item)
    made, home = [], None
    for province, group in sorted(groups.items(), key=lambda g: fold(g[0])):
        with clock.replaying(moment):
            bag = bags.open_bag(store, clerk, province)
            bags.add_items(store, clerk, bag["id"], [i["id"] for i in group])
            bag = bags.close_bag(store, clerk, bag["id"], seal_no=f"NP{day:%y%m%d}{len(made) + 1:02d}")
        made.append(bag["id"])
        if fold(province) == home_fold:
            home = bag
        moment += timedelta(minutes=3)
    with clock.replaying(moment + timedelta(minutes=15)):
        dispatches.create(store, clerk, made, vehicle=rng.choice(VEHICLES), receiver=rng.choice(DRIVERS))
    return home


def _deliver(store: Store, clerk: User, bag: dict, day: date, now: datetime, rng: random.Random, *,
             out: bool = True) -> None:
    """The bag arrives the next morning; its items go out, most are delivered, a few need a second try."""
    if _at(day, 8) > now:
        return
    items = [r["id"] for r in bags.get_bag(store, bag["id"], rows=True)["rows"]]
    with clock.replaying(_at(day, 8)):
        arrival.receive(store, clerk, bag["id"], items)
    if not out:
        return
    carrier = rng.choice(CARRIERS)
    with clock.replaying(_at(day, 8, 30)):
        delivery.carry(store, clerk, items, carrier=carrier)
    again = []
    for k, item_id in enumerate(items):
        with clock.replaying(_at(day, 9, 5 + 7 * k)):
            if rng.random() < 0.06:
                delivery.fail(store, clerk, item_id, reason="Văn thư cơ quan vắng, hẹn phát lại")
                again.append(item_id)
            else:
                name, role = rng.choice(RECEIVERS)
                delivery.deliver(store, clerk, item_id, receiver=name, role=role)
    next_day = day + timedelta(days=1)
    if not again or _at(next_day, 9) > now:
        return
    for k, item_id in enumerate(again):
        with clock.replaying(_at(next_day, 8, 30 + k)):
            if rng.random() < 0.2:
                delivery.return_to_sender(store, clerk, item_id, reason="Cơ quan nhận đã giải thể, không có đơn vị kế thừa")
                continue
            delivery.carry(store, clerk, [item_id], carrier=carrier)
        with clock.replaying(_at(next_day, 9, 10 + k)):
            name, role = rng.choice(RECEIVERS)
            delivery.deliver(store, clerk, item_id, receiver=name, role=role)


def _complaints(store: Store, clerk: User, now: datetime) -> None:
    """A delay complaint still to answer, and a damage complaint answered with compensation."""
    from .services.users import get_user

    late = store.one("SELECT id, deadline FROM items WHERE status = 'dispatched' AND deadline < ? "
                     "ORDER BY deadline DESC LIMIT 1", (clock.iso(now - timedelta(days=3)),))
    if late:
        with clock.replaying(now - timedelta(days=2)):
            complaints.lodge(store, clerk, late["id"], kind="delay", by="Văn phòng Tỉnh ủy Đắk Lắk")
    delivered = store.one("SELECT item_id, at FROM item_events WHERE kind = 'delivered' AND at < ? "
                          "ORDER BY at DESC LIMIT 1", (clock.iso(now - timedelta(days=20)),))
    supervisor = get_user(store, "giamsat")
    if delivered and supervisor:
        when = clock.parse_iso(delivered["at"])
        with clock.replaying(when + timedelta(days=5)):
            lodged = complaints.lodge(store, clerk, delivered["item_id"], kind="damage", by="Văn thư Sở Tài chính")
        with clock.replaying(when + timedelta(days=12)):
            complaints.answer(store, supervisor, lodged["id"], outcome="partly", compensation=50_000,
                              text="Bì thư rách khi vận chuyển; bồi thường theo quy định.")
