"""Shifts: totals equal the sums of their items, X and Z from one computation, atomic close, closed stays closed."""

from __future__ import annotations

import random
import sqlite3
import threading
import time
from datetime import timedelta

import pytest
from life_support import accept, snapshot
from test_paper_support import codes, plumber_pages, rasters

from kt1desk.errors import ItemRefused, Kt1Error
from kt1desk.life import corrections, shifts
from kt1desk.printing import shift_report_pdf
from kt1desk.services import intake, office
from kt1desk.storage import Store

# (sender, what it pays): SYT pays cash, TUDLK has a monthly account, CAT (Appendix I) and VPTW (TW) are free.
SENDERS = {"SYT": "cash", "TUDLK": "account", "CAT": "free", "VPTW": "free"}
RECIPIENTS = ("STC", "SGDDT", "BNV", "UBNDGL")
AMOUNT_KEYS = ("count", "fee_vnd", "vat_vnd", "total_vnd")


def sums_of_items(store, shift_id: str) -> dict:
    """What the totals must be, added up here from the items themselves."""
    rows = store.all("SELECT payment, fee_vnd, vat_vnd, status, free_reason FROM items WHERE shift_id = ?", (shift_id,))
    for r in rows:
        r["total_vnd"] = r["fee_vnd"] + r["vat_vnd"]
    live = [r for r in rows if r["status"] != "voided"]

    def summed(chosen):
        return {"count": len(chosen)} | {k: sum(r[k] for r in chosen) for k in ("fee_vnd", "vat_vnd", "total_vnd")}

    out = {p: summed([r for r in live if r["payment"] == p]) for p in ("cash", "account", "free")}
    out["voided"] = summed([r for r in rows if r["status"] == "voided"])
    out["reasons"] = {}
    for r in live:
        if r["free_reason"]:
            out["reasons"][r["free_reason"]] = out["reasons"].get(r["free_reason"], 0) + 1
    return out


def test_a_shift_opens_at_login_once_per_user_and_counter(demo_store, clerk, supervisor):
    first = shifts.open_shift(demo_store, clerk)
    assert first["id"] == "CA-Q01-20261125-01" and first["status"] == "open" and first["user_login"] == "gdv1"
    assert shifts.open_shift(demo_store, clerk)["id"] == first["id"]  # logging in again: the same shift
    assert shifts.open_shift(demo_store, supervisor)["id"] == "CA-Q01-20261125-02"
    assert shifts.open_shift(demo_store, clerk, "Q02")["id"] == "CA-Q02-20261125-01"
    [item_id] = accept(demo_store, clerk)
    assert demo_store.scalar("SELECT shift_id FROM items WHERE id = ?", (item_id,)) == first["id"]


def test_shift_totals_equal_the_sums_of_their_items(demo_store, clerk, supervisor):
    for seed in (1, 2, 3):  # each a shift of its own, closed before the next opens
        _totals_of_a_random_shift(demo_store, clerk, supervisor, random.Random(seed))


def _totals_of_a_random_shift(demo_store, clerk, supervisor, rng):
    shift = shifts.open_shift(demo_store, clerk)
    made = []
    for _ in range(rng.randrange(8, 20)):
        sender = rng.choice(list(SENDERS))
        item = intake.intake(demo_store, clerk, sender=sender, recipient=rng.choice(RECIPIENTS),
                             kind=rng.choice(["thu", "goi", "kien"]), weight_g=rng.choice([20, 240, 950, 3200]),
                             secrecy=rng.choice([None, None, "C"]), hoa_toc=rng.random() < 0.2).item
        assert item["payment"] == SENDERS[sender]
        made.append(item["id"])
    for item_id in rng.sample(made, 2):
        corrections.void(demo_store, supervisor, item_id, reason="nhận nhầm")
    corrections.correct(demo_store, supervisor, next(i for i in made if demo_store.scalar(
        "SELECT status FROM items WHERE id = ?", (i,)) == "accepted"), reason="cân lại", weight_g=1500)
    with pytest.raises(ItemRefused):
        intake.intake(demo_store, clerk, sender="SYT", recipient="STC", kind="thu", weight_g=20, secrecy="A",
                      seal_intact=False, presented_by="Phan Văn Giao")
    x = shifts.report(demo_store, clerk, shift["id"])
    want = sums_of_items(demo_store, shift["id"])
    assert x["kind"] == "X"
    for payment in ("cash", "account", "free"):
        assert {k: x["payments"][payment][k] for k in AMOUNT_KEYS} == want[payment], payment
    assert x["payments"]["free"]["reasons"] == want["reasons"]
    assert {k: x["voided"][k] for k in AMOUNT_KEYS} == want["voided"]
    assert x["items"]["count"] == sum(want[p]["count"] for p in ("cash", "account", "free"))
    assert x["cash_expected_vnd"] == want["cash"]["total_vnd"]  # no adjustments: every change was in this shift
    assert x["paid_vnd"] == want["cash"]["total_vnd"] + want["account"]["total_vnd"]
    assert want["cash"]["vat_vnd"] > 0 or want["cash"]["count"] == 0  # VAT is in what the clerk collects
    assert x["refusals"]["count"] == 1 and x["refusals"]["rows"][0]["presented_by"] == "Phan Văn Giao"
    assert [line[0] for line in x["lines"]] == made
    z = shifts.close(demo_store, clerk, cash_counted=want["cash"]["total_vnd"])
    # The Z is the same computation, frozen: only the closing facts are added.
    for key in ("items", "payments", "voided", "adjustments", "refusals", "cash_expected_vnd", "lines"):
        assert z[key] == x[key], key
    assert (z["kind"], z["cash_counted_vnd"], z["discrepancy_vnd"]) == ("Z", want["cash"]["total_vnd"], 0)
    assert shifts.report(demo_store, clerk, shift["id"]) == z


def test_changes_to_a_closed_shifts_items_are_booked_in_the_current_shift(demo_store, clerk, supervisor, frozen_now):
    cash, other = accept(demo_store, clerk, 2)  # SYT pays cash
    fee = demo_store.scalar("SELECT fee_vnd + vat_vnd FROM items WHERE id = ?", (cash,))
    old = shifts.close(demo_store, clerk, cash_counted=2 * fee)
    frozen_now(frozen_now() + timedelta(hours=2))
    corrections.void(demo_store, supervisor, cash, reason="nhận trùng")
    corrected = corrections.correct(demo_store, supervisor, other, reason="cân lại", weight_g=3200)
    delta = corrected["fee_vnd"] + corrected["vat_vnd"] - fee
    assert shifts.report(demo_store, clerk, old["shift"]["id"]) == old  # the closed Z does not move
    mine = shifts.current(demo_store, supervisor)
    x = shifts.report(demo_store, supervisor, mine["id"])
    assert x["items"]["count"] == 0
    assert [(r["item_id"], r["kind"], r["vnd"]) for r in x["adjustments"]["rows"]] == \
        [(cash, "voided", -fee), (other, "corrected", delta)]
    assert x["cash_expected_vnd"] == delta - fee


def test_closing_is_atomic_while_items_keep_coming(demo_store, clerk):
    shift = shifts.open_shift(demo_store, clerk)
    other = Store(demo_store.path)  # a second window of the same clerk, on its own connection
    made, errors = [], []

    def take_items():
        try:
            for _ in range(25):
                made.append(intake.intake(other, clerk, sender="SYT", recipient="STC", kind="thu", weight_g=20).item)
                time.sleep(0.01)  # a busy counter, not a tight loop: the close lands between two items
        except BaseException as err:  # noqa: BLE001 - reported below
            errors.append(err)

    worker = threading.Thread(target=take_items)
    worker.start()
    while len(made) < 8:
        time.sleep(0.001)
    z = shifts.close(demo_store, clerk)
    worker.join()
    other.close()
    assert not errors
    in_z = {line[0] for line in z["lines"]}
    after = [i for i in made if i["shift_id"] != shift["id"]]
    assert in_z == {i["id"] for i in made if i["shift_id"] == shift["id"]}
    assert len(in_z) + len(after) == 25 and len(in_z) >= 8
    if after:  # whatever the timing: nothing is lost, nothing lands in the closed shift
        assert {i["shift_id"] for i in after} == {shifts.current(demo_store, clerk)["id"]}
    assert demo_store.scalar("SELECT COUNT(*) FROM items WHERE shift_id = ?", (shift["id"],)) == len(in_z)


def test_a_closed_shift_cannot_change(demo_store, clerk, supervisor):
    shift = shifts.open_shift(demo_store, clerk)
    accept(demo_store, clerk)
    shifts.close(demo_store, clerk)
    before = snapshot(demo_store)
    with pytest.raises(Kt1Error) as err:
        shifts.close(demo_store, supervisor, shift["id"])
    assert err.value.code == "shift_closed" and shift["id"] in err.value.text()
    assert snapshot(demo_store) == before
    for sql in ("UPDATE shifts SET cash_counted_vnd = 0 WHERE id = ?", "DELETE FROM shifts WHERE id = ?",
                "UPDATE items SET shift_id = NULL WHERE shift_id = ?"):
        with pytest.raises(sqlite3.IntegrityError), demo_store.write(None, "test.raw") as tx:
            tx.execute(sql, (shift["id"],))
    with pytest.raises(sqlite3.IntegrityError, match="shift closed"), demo_store.write(None, "test.raw") as tx:
        tx.execute("INSERT INTO refusals (at, reason, refused_by, presented_by, shift_id) VALUES ('x', 'y', ?, 'z', ?)",
                   (clerk.id, shift["id"]))
    assert snapshot(demo_store) == before
    # The clerk goes on working: a new shift opens with the next item.
    [item_id] = accept(demo_store, clerk)
    assert demo_store.scalar("SELECT shift_id FROM items WHERE id = ?", (item_id,)) == "CA-Q01-20261125-02"


def test_a_declared_cash_difference_needs_a_reason_and_is_kept_as_declared(demo_store, clerk):
    shift = shifts.open_shift(demo_store, clerk)
    accept(demo_store, clerk, 3)
    expected = shifts.report(demo_store, clerk, shift["id"])["cash_expected_vnd"]
    before = snapshot(demo_store)
    with pytest.raises(Kt1Error) as err:
        shifts.close(demo_store, clerk, cash_counted=expected - 5000)
    assert err.value.code == "cash_reason" and "không bị đưa về 0" in err.value.text("vi")
    assert snapshot(demo_store) == before and shifts.get_shift(demo_store, shift["id"])["status"] == "open"
    z = shifts.close(demo_store, clerk, cash_counted=f"{expected - 5000:,}".replace(",", ".") + " đ",
                     reason="Thiếu tiền lẻ")
    assert (z["cash_expected_vnd"], z["cash_counted_vnd"], z["discrepancy_vnd"]) == (expected, expected - 5000, -5000)
    row = shifts.get_shift(demo_store, shift["id"])
    assert (row["cash_counted_vnd"], row["discrepancy_reason"]) == (expected - 5000, "Thiếu tiền lẻ")


@pytest.mark.parametrize("typed,amount", [("1500000", 1_500_000), ("1.500.000", 1_500_000), ("1.500.000 đ", 1_500_000),
                                          ("0", 0), ("", None), (250, 250)])
def test_cash_is_read_as_a_clerk_types_it(typed, amount):
    assert shifts.parse_cash(typed) == amount


@pytest.mark.parametrize("typed", ["1,5", "abc", "-5", "1.50.000", "1e6", "12.5"])
def test_anything_else_is_not_cash(typed):
    with pytest.raises(Kt1Error) as err:
        shifts.parse_cash(typed)
    assert err.value.code == "cash_amount"


def test_a_clerk_closes_and_sees_only_their_own_shift(demo_store, clerk, supervisor):
    mine = shifts.open_shift(demo_store, supervisor)
    before = snapshot(demo_store)
    for attempt in (lambda: shifts.close(demo_store, clerk, mine["id"]),
                    lambda: shifts.report(demo_store, clerk, mine["id"])):
        with pytest.raises(Kt1Error) as err:
            attempt()
        assert err.value.code == "role_required"
    assert snapshot(demo_store) == before
    theirs = shifts.open_shift(demo_store, clerk)
    assert [s["id"] for s in shifts.list_shifts(demo_store, clerk)] == [theirs["id"]]
    z = shifts.close(demo_store, supervisor, theirs["id"])  # a clerk who went home without closing
    assert z["closed_by_login"] == "giamsat" and z["shift"]["user_login"] == "gdv1"


def test_the_z_paper_and_its_reprint(demo_store, clerk, supervisor):
    shift = shifts.open_shift(demo_store, clerk)
    accept(demo_store, clerk, 2)
    accept(demo_store, clerk, sender="CAT")
    the_office = office.get_office(demo_store)
    x_text = "\n".join(plumber_pages(shift_report_pdf(shifts.report(demo_store, clerk, shift["id"]), the_office)))
    assert "BÁO CÁO X — TẠM TÍNH" in x_text and "BẢN IN LẠI" not in x_text
    expected = shifts.report(demo_store, clerk, shift["id"])["cash_expected_vnd"]
    z = shifts.close(demo_store, clerk, cash_counted=expected + 2000, reason="Khách bỏ lại tiền thừa")
    with pytest.raises(Kt1Error):
        shifts.record_z_print(demo_store, clerk, shifts.open_shift(demo_store, clerk)["id"])  # an open shift has no Z
    assert shifts.record_z_print(demo_store, clerk, shift["id"]) == 1
    first = shift_report_pdf(z, the_office, print_no=1)
    assert shifts.record_z_print(demo_store, supervisor, shift["id"]) == 2
    again = shift_report_pdf(shifts.report(demo_store, supervisor, shift["id"]), the_office, print_no=2)
    first_text, again_text = "\n".join(plumber_pages(first)), "\n".join(plumber_pages(again))
    assert "BÁO CÁO Z — CHỐT CA" in first_text and "BẢN IN LẠI" not in first_text
    assert "BẢN IN LẠI · lần in thứ 2" in again_text
    for text in (first_text, again_text):
        assert "+2.000 đ" in text and "Khách bỏ lại tiền thừa" in text and "Miễn cước" in text
        assert "Cơ quan công an" not in text  # names of agencies are not needed: codes only
        for line in z["lines"]:
            assert line[0] in text
    assert codes(rasters(first, dpi=200)[0])[0] == shift["id"]
