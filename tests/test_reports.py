"""Reports over a year like Phú Yên's 2019 (tests/report_support.py): 25 of 44 agencies, 6,587 items.

Every total is checked against the database's own sums, the after-hours/weekend/holiday counts
against a classification written here independently (the ``holidays`` package and the swap table
read directly), and hand-picked acceptance times around Tết and 2/9 against what the calendar says.
"""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime, time

import holidays
import pytest
from report_support import (CEASED_2018, ITEMS, NEVER_COUNT, NEW_2019, VOIDED_2019, build_phu_yen, clock_at,
                            intake_at, setup_office, vn)

from kt1desk.errors import ItemRefused, Kt1Error
from kt1desk.reports.drill import items_for
from kt1desk.reports.figures import compute
from kt1desk.reports.period import Period
from kt1desk.storage import Store

Y2019 = Period.year(2019)
KEPT_2019 = "status <> 'voided' AND accepted_at >= '2019-01-01' AND accepted_at < '2020-01-01'"


@pytest.fixture(scope="module")
def phu_yen(tmp_path_factory):
    store = build_phu_yen(tmp_path_factory.mktemp("phu-yen") / "kt1.sqlite3")
    yield store
    store.close()


@pytest.fixture(scope="module")
def report(phu_yen):
    return compute(phu_yen, Y2019)


def sql(store, query, params=()):
    return store.conn.execute(query, params).fetchall()


# -- adoption --------------------------------------------------------------------------------------

def test_25_of_44_agencies_is_56_8_per_cent(phu_yen, report):
    assert report["items"] == ITEMS[2019] == 6587
    assert report["voided"] == VOIDED_2019
    assert (report["agencies_used"], report["agencies_eligible"], report["adoption_pct"]) == (25, 44, 56.8)
    assert report["adoption_by_year"] == [
        {"year": 2017, "used": 15, "eligible": 44, "pct": 34.1},
        {"year": 2018, "used": 25, "eligible": 44, "pct": 56.8},
        {"year": 2019, "used": 25, "eligible": 44, "pct": 56.8},
    ]
    eligible = {a["code"] for a in items_for(phu_yen, Y2019, "agencies:eligible")}
    assert NEW_2019[0] in eligible and CEASED_2018[0] not in eligible
    assert not eligible & {code for code, *_ in NEVER_COUNT}
    used = items_for(phu_yen, Y2019, "agencies:used")
    assert len(used) == 25 and sum(a["items"] for a in used) == 6587
    assert len(items_for(phu_yen, Y2019, "agencies:unused")) == 19
    # The agency created on 1/7/2019 is eligible for the second half only; the one that ceased in 2018 for 2018.
    h1 = compute(phu_yen, Period.half(2019, 1))
    assert h1["agencies_eligible"] == 43 and h1["agencies_used"] == 24 and h1["adoption_pct"] == 55.8
    assert compute(phu_yen, Period.half(2018, 2))["agencies_eligible"] == 43
    assert compute(phu_yen, Period.half(2018, 1))["agencies_eligible"] == 44


# -- totals are the database's own sums ------------------------------------------------------------

def test_totals_equal_the_database_sums(phu_yen, report):
    (n, pieces, fees, vat), = sql(phu_yen, f"SELECT COUNT(*), SUM(pieces), SUM(fee_vnd), SUM(vat_vnd) FROM items "
                                           f"WHERE {KEPT_2019}")
    assert (report["items"], report["pieces"], report["fees_vnd"], report["vat_vnd"]) == (n, pieces, fees, vat)
    assert report["total_vnd"] == fees + vat and fees > 100_000_000
    # VAT is what each item stored: 10 % until 30/9/2019, 8 % from 1/10/2019, never one rate for all.
    rates = dict(sql(phu_yen, f"SELECT vat_rate_bp, COUNT(*) FROM items WHERE {KEPT_2019} AND vat_rate_bp "
                              f"IS NOT NULL GROUP BY 1"))
    assert set(rates) == {1000, 800}
    assert report["vat_vnd"] != round(report["fees_vnd"] * 0.1)
    by_month = {m: (c, f, v) for m, c, f, v in sql(
        phu_yen, f"SELECT substr(accepted_at, 1, 7), COUNT(*), SUM(fee_vnd), SUM(vat_vnd) FROM items "
                 f"WHERE {KEPT_2019} GROUP BY 1")}
    assert [r["month"] for r in report["by_month"]] == [f"2019-{m:02d}" for m in range(1, 13)]
    for row in report["by_month"]:
        assert (row["items"], row["fees_vnd"], row["vat_vnd"]) == by_month[row["month"]]
        assert row["total_vnd"] == row["fees_vnd"] + row["vat_vnd"]
    for payment, (c, f, v) in {p: (c, f, v) for p, c, f, v in sql(
            phu_yen, f"SELECT payment, COUNT(*), SUM(fee_vnd), SUM(vat_vnd) FROM items WHERE {KEPT_2019} "
                     f"GROUP BY 1")}.items():
        assert report["by_payment"][payment] == {"items": c, "fees_vnd": f, "vat_vnd": v, "total_vnd": f + v}
    assert report["by_payment"]["free"]["fees_vnd"] == 0 and report["by_payment"]["account"]["items"] > 0
    free = dict(sql(phu_yen, f"SELECT free_reason, COUNT(*) FROM items WHERE {KEPT_2019} AND free_reason "
                             f"IS NOT NULL GROUP BY 1"))
    assert report["free"] == {"appendix-I": free.get("appendix-I", 0), "central-office": free.get("central-office", 0)}
    assert report["free"]["appendix-I"] == report["by_payment"]["free"]["items"] > 0
    for column, key in (("kind", "by_kind"), ("scope", "by_scope")):
        counts = dict(sql(phu_yen, f"SELECT {column}, COUNT(*) FROM items WHERE {KEPT_2019} GROUP BY 1"))
        got = {k: (v["items"] if isinstance(v, dict) else v) for k, v in report[key].items()}
        assert got == {k: counts.get(k, 0) for k in got}
    secrecy = dict(sql(phu_yen, f"SELECT COALESCE(secrecy, 'none'), COUNT(*) FROM items WHERE {KEPT_2019} GROUP BY 1"))
    assert report["by_secrecy"] == {k: secrecy.get(k, 0) for k in ("A", "B", "C", "none")}
    (hoa_toc, none), = sql(phu_yen, f"SELECT SUM(hoa_toc), SUM(hoa_toc = 0 AND hen_gio_at IS NULL) FROM items "
                                    f"WHERE {KEPT_2019}")
    assert report["by_mark"] == {"hoa_toc": hoa_toc, "hen_gio": 0, "none": none}
    senders = {code: (c, f, v) for code, c, f, v in sql(
        phu_yen, f"SELECT sender_code, COUNT(*), SUM(fee_vnd), SUM(vat_vnd) FROM items WHERE {KEPT_2019} GROUP BY 1")}
    assert {r["code"]: (r["items"], r["fees_vnd"], r["vat_vnd"]) for r in report["by_sender"]} == senders
    assert [r["items"] for r in report["by_sender"]] == sorted((r["items"] for r in report["by_sender"]), reverse=True)
    destinations = dict(sql(phu_yen, f"SELECT recipient_province, COUNT(*) FROM items WHERE {KEPT_2019} GROUP BY 1"))
    assert {r["province"]: r["items"] for r in report["by_destination"]} == destinations
    # Nothing recorded yet: no delivery attempt, no complaint ever: "no data", never 0.
    assert report["on_time"] is None and report["on_time_pct"] is None and report["complaints"] is None
    assert report["no_data"] == ["on_time", "complaints"]
    assert report["refusals"] == 0


def _classify_independently(store) -> Counter:
    """After hours / weekends / holidays of every 2019 item, from the holidays package and the swap table read
    here: day_start 07:30 until 31/5/2019 and 08:00 from 1/6/2019 (setup_office), day_end 17:00."""
    vn_days = holidays.country_holidays("VN", years=2019)
    worked_saturdays = set(getattr(vn_days, "weekend_workdays", ()))
    swaps = {date.fromisoformat(d): bool(w) for d, w in sql(store, "SELECT day, working FROM calendar_swaps")}
    counts = Counter()
    for (accepted_at,) in sql(store, f"SELECT accepted_at FROM items WHERE {KEPT_2019}"):
        moment = datetime.fromisoformat(accepted_at)
        day = moment.date()
        if day in vn_days or swaps.get(day) is False:
            counts["holidays"] += 1
        elif day.weekday() >= 5 and not swaps.get(day) and day not in worked_saturdays:
            counts["weekends"] += 1
        else:
            start = time(8, 0) if day >= date(2019, 6, 1) else time(7, 30)
            if not start <= moment.time() < time(17, 0):
                counts["after_hours"] += 1
    return counts


def test_after_hours_weekends_and_holidays_of_the_year(phu_yen, report):
    expected = _classify_independently(phu_yen)
    assert min(expected.values()) > 20
    assert {k: report[k] for k in ("after_hours", "weekends", "holidays")} == dict(expected)


@pytest.mark.parametrize("key", ["items", "voided", "kind:goi", "mark:hoa_toc", "mark:none", "secrecy:A",
                                 "secrecy:none", "scope:lien-tinh", "payment:account", "free:appendix-I",
                                 "month:2019-02", "after_hours", "weekends", "holidays"])
def test_the_items_behind_a_figure_are_as_many_as_it_says(phu_yen, report, key):
    rows = items_for(phu_yen, Y2019, key)
    name, _, value = key.partition(":")
    figure = {
        "items": report["items"], "voided": report["voided"], "after_hours": report["after_hours"],
        "weekends": report["weekends"], "holidays": report["holidays"],
    }.get(key)
    if figure is None:
        table = {"kind": report["by_kind"], "mark": report["by_mark"], "secrecy": report["by_secrecy"],
                 "scope": report["by_scope"], "payment": report["by_payment"], "free": report["free"],
                 "month": {m["month"]: m for m in report["by_month"]}}[name]
        figure = table[value]["items"] if isinstance(table[value], dict) else table[value]
    assert figure > 0 and len(rows) == figure
    assert set(rows[0]) == {"id", "accepted_at", "sender_code", "sender_name", "recipient_name", "recipient_province",
                            "kind", "secrecy", "fee_vnd", "vat_vnd", "total_vnd", "status"}
    assert all(r["total_vnd"] == r["fee_vnd"] + r["vat_vnd"] for r in rows)
    assert all((r["status"] == "voided") == (key == "voided") for r in rows)
    assert len(items_for(phu_yen, Y2019, key, limit=5)) == 5


def test_sender_and_destination_drill(phu_yen, report):
    top = report["by_sender"][0]
    rows = items_for(phu_yen, Y2019, f"sender:{top['code'].lower()}")
    assert len(rows) == top["items"] and {r["sender_code"] for r in rows} == {top["code"]}
    assert sum(r["fee_vnd"] for r in rows) == top["fees_vnd"]
    dest = report["by_destination"][-1]
    assert len(items_for(phu_yen, Y2019, f"destination:{dest['province']}")) == dest["items"]
    for bad in ("kind:bưu thiếp", "month:2020-01", "nothing", "mark:", "agencies:all", "complaints:x"):
        with pytest.raises(Kt1Error) as err:
            items_for(phu_yen, Y2019, bad)
        assert err.value.code == "report_key" and bad in err.value.text("vi")


# -- hand-picked times: Tết 2019, 2/9, a Saturday, a swap day, hours ----------------------------------

# (moment, what it is). Tết 2019 in the VN calendar is Mon 4/2 – Fri 8/2 (the weekends around it are
# weekends); 2/9/2019 is a Monday, 1/9 a Sunday; 5/1/2019 a Saturday the government made a working day;
# 12/10/2019 a Saturday the office's swap table makes a working day, 30/12/2019 a day off it announces.
# From 1/6/2019 the working day starts at 08:00 (a dated setting).
PICKED = [
    (vn(2019, 2, 1, 10), None), (vn(2019, 2, 2, 9), "weekends"), (vn(2019, 2, 3, 15), "weekends"),
    (vn(2019, 2, 4, 8), "holidays"), (vn(2019, 2, 5, 10), "holidays"), (vn(2019, 2, 8, 23), "holidays"),
    (vn(2019, 2, 9, 9), "weekends"), (vn(2019, 2, 10, 9), "weekends"),
    (vn(2019, 2, 11, 6, 59), "after_hours"), (vn(2019, 2, 11, 7, 30), None), (vn(2019, 2, 11, 16, 59), None),
    (vn(2019, 2, 11, 17, 0), "after_hours"), (vn(2019, 2, 11, 17, 31), "after_hours"),
    (vn(2019, 1, 5, 9), None), (vn(2019, 5, 31, 7, 45), None), (vn(2019, 6, 3, 7, 45), "after_hours"),
    (vn(2019, 9, 1, 10), "weekends"), (vn(2019, 9, 2, 10), "holidays"), (vn(2019, 9, 3, 10), None),
    (vn(2019, 9, 7, 10), "weekends"),
    (vn(2019, 10, 12, 10), None), (vn(2019, 10, 12, 18), "after_hours"), (vn(2019, 12, 30, 10), "holidays"),
]


@pytest.fixture(scope="module")
def picked(tmp_path_factory):
    """The Phú Yên office with only the hand-picked items, each accepted through the real intake service."""
    store = setup_office(tmp_path_factory.mktemp("picked") / "kt1.sqlite3")
    ids = [intake_at(store, moment)["id"] for moment, _ in PICKED]
    yield store, ids
    store.close()


def test_hand_picked_times(picked):
    store, ids = picked
    report = compute(store, Y2019)
    expected = Counter(kind for _, kind in PICKED if kind)
    assert report["items"] == len(PICKED)
    assert {k: report[k] for k in ("after_hours", "weekends", "holidays")} == {
        "after_hours": 5, "weekends": 6, "holidays": 5} == {k: expected[k] for k in ("after_hours", "weekends", "holidays")}
    for kind in ("after_hours", "weekends", "holidays"):
        listed = {r["id"] for r in items_for(store, Y2019, kind)}
        assert listed == {i for i, (_, k) in zip(ids, PICKED) if k == kind}
    tet = compute(store, Period.range(date(2019, 2, 2), date(2019, 2, 10)))
    assert (tet["items"], tet["holidays"], tet["weekends"], tet["after_hours"]) == (7, 3, 4, 0)
    assert [m["items"] for m in tet["by_month"]] == [7] and tet["by_month"][0]["month"] == "2019-02"
    day = compute(store, Period.day(date(2019, 2, 11)))
    assert (day["items"], day["after_hours"]) == (5, 3)
    assert compute(store, Period.month(2019, 3))["items"] == 0


def test_voided_items_leave_every_figure_but_voided(tmp_path):
    from kt1desk.life import corrections
    from kt1desk.services import users

    store = setup_office(tmp_path / "kt1.sqlite3")
    kept = intake_at(store, vn(2019, 9, 2, 9))
    gone = intake_at(store, vn(2019, 9, 2, 10), sender="TUPY")
    with clock_at(vn(2019, 9, 2, 11)):
        corrections.void(store, users.get_user(store, "giamsat"), gone["id"], reason="nhận nhầm")
    report = compute(store, Period.month(2019, 9))
    assert (report["items"], report["voided"], report["holidays"]) == (1, 1, 1)
    assert report["fees_vnd"] == kept["fee_vnd"] and report["agencies_used"] == 1
    assert [r["code"] for r in report["by_sender"]] == ["SYTPY"]
    assert [r["id"] for r in items_for(store, Period.month(2019, 9), "voided")] == [gone["id"]]
    assert [r["id"] for r in items_for(store, Period.month(2019, 9), "holidays")] == [kept["id"]]
    store.close()


# -- on time, refusals, complaints -----------------------------------------------------------------

def test_on_time_refusals_and_complaints(tmp_path):
    from kt1desk.life import arrival, bags, complaints, delivery, dispatches
    from kt1desk.services import users

    store = setup_office(tmp_path / "kt1.sqlite3")
    clerk, boss = users.get_user(store, "gdv1"), users.get_user(store, "giamsat")
    # Accepted Mon 11/3/2019 09:00, nội tỉnh: J + 1.5 ends Wed 13/3/2019 at noon.
    a, b, c, d = (intake_at(store, vn(2019, 3, 11, 9))["id"] for _ in range(4))
    period = Period.month(2019, 3)
    first = compute(store, period)
    assert first["on_time"] is None and first["on_time_pct"] is None and "on_time" in first["no_data"]
    assert first["complaints"] is None and "complaints" in first["no_data"]
    with clock_at(vn(2019, 3, 11, 10)):
        bag = bags.open_bag(store, clerk, "Phú Yên")["id"]
        bags.add_items(store, clerk, bag, [a, b, c, d])
        bags.close_bag(store, clerk, bag, seal_no="NP-PY-0001")
        dispatches.create(store, clerk, [bag], vehicle="78C-000.01", receiver="Lê Văn Tài")
    with clock_at(vn(2019, 3, 11, 14)):
        arrival.receive(store, clerk, bag, [a, b, c, d])
        delivery.carry(store, clerk, [a, b, c], carrier="Trần Văn Phát")
    with clock_at(vn(2019, 3, 12, 10)):
        delivery.deliver(store, clerk, a, receiver="Hoàng Thị Lan")          # on time
        delivery.fail(store, clerk, c, reason="văn thư vắng")                # first attempt on time, failed
    with clock_at(vn(2019, 3, 20, 9)):
        delivery.deliver(store, clerk, b, receiver="Hoàng Thị Lan")          # late
        delivery.carry(store, clerk, [c], carrier="Trần Văn Phát")
        delivery.deliver(store, clerk, c, receiver="Hoàng Thị Lan")          # its first attempt was on time
        with pytest.raises(ItemRefused):
            intake_at(store, vn(2019, 3, 20, 9), secrecy="B", seal_intact=False, presented_by="Phạm Văn Mang")
    report = compute(store, period)
    assert report["on_time"] == {"known": 3, "on_time": 2} and report["on_time_pct"] == 66.7  # d: not yet attempted
    assert report["on_time"] == _on_time_from_events(store, "2019-03-01", "2019-04-01")
    assert {r["id"] for r in items_for(store, period, "on_time")} == {a, c}
    assert [r["id"] for r in items_for(store, period, "late")] == [b]
    assert report["refusals"] == 1 and len(items_for(store, period, "refusals")) == 1
    assert items_for(store, period, "refusals")[0]["presented_by"] == "Phạm Văn Mang"
    # A complaint about the late item, lodged in April: March says 0 lodged (the register has rows), April 1.
    with clock_at(vn(2019, 4, 2, 9)):
        lodged = complaints.lodge(store, clerk, b, kind="delay", by="Văn phòng Sở Y tế")
    march = compute(store, period)
    assert march["complaints"] == {"lodged": 0, "answered": 0, "late": 0, "open": 0, "compensation_vnd": 0}
    april = compute(store, Period.month(2019, 4))
    assert april["complaints"]["lodged"] == 1 and april["complaints"]["open"] == 1
    assert april["complaints"]["late"] == 1  # due long before today and never answered
    with clock_at(vn(2019, 4, 10, 9)):
        complaints.answer(store, boss, lodged["id"], outcome="partly", text="Xin lỗi", compensation="50.000")
    april = compute(store, Period.month(2019, 4))
    assert april["complaints"] == {"lodged": 1, "answered": 1, "late": 0, "open": 0, "compensation_vnd": 50_000}
    assert [r["id"] for r in items_for(store, Period.month(2019, 4), "complaints")] == [lodged["id"]]
    assert items_for(store, Period.month(2019, 4), "complaints:late") == []
    store.close()


def _on_time_from_events(store, lo: str, hi: str) -> dict:
    """The on-time figure computed here from the raw events, not from the table the trigger keeps."""
    (known, on_time), = sql(store, """
        SELECT COUNT(*), SUM(f.first_at <= i.deadline) FROM items AS i
        JOIN (SELECT item_id, MIN(at) AS first_at FROM item_events WHERE kind IN ('delivered', 'delivery_failed')
              GROUP BY item_id) AS f ON f.item_id = i.id
        WHERE i.accepted_at >= ? AND i.accepted_at < ? AND i.status <> 'voided'""", (lo, hi))
    return {"known": known, "on_time": on_time or 0}


def test_first_attempts_are_kept_by_a_trigger_and_rebuilt_when_it_was_missing(tmp_path):
    """The table of first attempts (migration 0009) follows the events: filled as attempts happen, made again
    from the events when its trigger had been dropped, and by the migration itself."""
    import sqlite3

    from kt1desk.life import arrival, bags, delivery, dispatches
    from kt1desk.services import users

    path = tmp_path / "kt1.sqlite3"
    store = setup_office(path)
    clerk = users.get_user(store, "gdv1")
    ids = [intake_at(store, vn(2019, 3, 11, 9))["id"] for _ in range(3)]
    with clock_at(vn(2019, 3, 11, 10)):
        bag = bags.open_bag(store, clerk, "Phú Yên")["id"]
        bags.add_items(store, clerk, bag, ids)
        bags.close_bag(store, clerk, bag, seal_no="NP-PY-0002")
        dispatches.create(store, clerk, [bag], vehicle="78C-000.02", receiver="Lê Văn Tài")
    with clock_at(vn(2019, 3, 11, 14)):
        arrival.receive(store, clerk, bag, ids)
        delivery.deliver(store, clerk, ids[0], receiver="Hoàng Thị Lan")
    rows = sql(store, "SELECT item_id, first_at, deadline FROM item_first_attempts")
    assert rows == [(ids[0], "2019-03-11T14:00:00+07:00", "2019-03-13T12:00:00+07:00")]
    store.close()
    raw = sqlite3.connect(path)
    raw.execute("DROP TRIGGER item_events_first_attempt")
    raw.execute("INSERT INTO item_events (item_id, at, kind) VALUES (?, '2019-03-20T09:00:00+07:00', 'delivered')",
                (ids[1],))
    raw.commit()
    assert raw.execute("SELECT COUNT(*) FROM item_first_attempts").fetchone()[0] == 1
    raw.close()
    store = Store(path)  # the guard puts the trigger back and the table is made again from the events
    assert compute(store, Period.month(2019, 3))["on_time"] == {"known": 2, "on_time": 1} == _on_time_from_events(
        store, "2019-03-01", "2019-04-01")
    store.close()
    raw = sqlite3.connect(path)
    raw.executescript("DROP TRIGGER item_events_first_attempt; DROP TRIGGER items_first_attempt_gone; "
                      "DROP TABLE item_first_attempts; "
                      "DELETE FROM _sqlite_migrations WHERE name = '0009_first_attempts';")
    raw.close()
    store = Store(path)  # an older database: the migration makes the table from the events it holds
    assert len(sql(store, "SELECT * FROM item_first_attempts")) == 2
    assert compute(store, Period.month(2019, 3))["on_time"] == {"known": 2, "on_time": 1}
    store.close()


def test_a_fresh_office_reports_zeros_and_no_data(tmp_path):
    store = setup_office(tmp_path / "kt1.sqlite3")
    report = compute(store, Period.year(2019))
    assert report["items"] == 0 and report["fees_vnd"] == 0 and len(report["by_month"]) == 12
    assert report["agencies_eligible"] == 44 and report["agencies_used"] == 0 and report["adoption_pct"] == 0.0
    assert report["adoption_by_year"] == [] and report["on_time"] is None
    store.close()


def test_a_reopened_store_reads_the_same(phu_yen, report):
    again = Store(phu_yen.path)
    try:
        other = compute(again, Y2019)
    finally:
        again.close()
    assert {k: v for k, v in other.items() if k != "generated_at"} == {
        k: v for k, v in report.items() if k != "generated_at"}


def test_days_in_the_period_only(phu_yen):
    last_day = compute(phu_yen, Period.day(date(2019, 12, 31)))
    (n,), = sql(phu_yen, "SELECT COUNT(*) FROM items WHERE status <> 'voided' AND accepted_at LIKE '2019-12-31%'")
    assert last_day["items"] == n
    q = compute(phu_yen, Period.quarter(2019, 4))
    assert [m["month"] for m in q["by_month"]] == ["2019-10", "2019-11", "2019-12"]
    assert sum(compute(phu_yen, Period.quarter(2019, k))["items"] for k in (1, 2, 3, 4)) == ITEMS[2019]

