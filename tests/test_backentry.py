"""Back-entry: items taken on paper during an outage, entered later by a supervisor with their real time."""

from __future__ import annotations

import pytest

from kt1desk import s10
from kt1desk.errors import FieldErrors, Kt1Error, RowErrors
from kt1desk.services import backentry, intake, items

GOOD = dict(sender="TUDLK", recipient="STC", kind="thu", weight_g=20)
HEADER = "accepted_at,sender,recipient,kind,weight_g,pieces,secrecy,seal_intact,hoa_toc,hen_gio_at\n"


def snapshot(store):
    tables = [r["name"] for r in store.all("SELECT name FROM sqlite_master WHERE type = 'table'")]
    return {t: store.scalar(f'SELECT COUNT(*) FROM "{t}"') for t in tables} | {
        "serials": tuple(r["next"] for r in store.all("SELECT next FROM serial_blocks ORDER BY id"))}


def write(tmp_path, body):
    path = tmp_path / "paper.csv"
    path.write_text(body, encoding="utf-8")
    return path


def test_a_supervisor_back_enters_with_the_real_time_and_the_deadline_runs_from_it(demo_store, supervisor):
    # Friday 20/11 15:00, entered Wednesday 25/11 09:30. Nội tỉnh J + 1.5: Mon 23 is the first
    # working day, Tue 24/11 is a holiday, so noon of Wed 25.
    item = intake.intake(demo_store, supervisor, **GOOD, accepted_at="20/11/2026 15:00").item
    stored = items.get_item(demo_store, item["id"])
    assert stored["accepted_at"] == "2026-11-20T15:00:00+07:00"
    assert stored["entered_at"] == "2026-11-25T09:30:00+07:00"
    assert stored["back_entry"] == 1
    assert stored["deadline"] == "2026-11-25T12:00:00+07:00"
    assert stored["clerk_id"] == supervisor.id
    [event] = items.events(demo_store, item["id"])
    assert event["at"] == "2026-11-20T15:00:00+07:00" and event["details"] == {"back_entry": True}
    journal = demo_store.one("SELECT * FROM journal ORDER BY id DESC LIMIT 1")
    assert journal["at"] == "2026-11-25T09:30:00+07:00" and journal["user_id"] == supervisor.id
    assert '"back_entry": true' in journal["details"]


def test_only_a_supervisor_or_admin_back_enters(demo_store, clerk, admin, tmp_path):
    before = snapshot(demo_store)
    with pytest.raises(FieldErrors) as err:
        intake.intake(demo_store, clerk, **GOOD, accepted_at="2026-11-24 08:00")
    assert [(e.code, e.field) for e in err.value.errors] == [("back_entry_role", "accepted_at")]
    assert "kiểm soát viên" in err.value.text("vi")
    path = write(tmp_path, HEADER + "2026-11-24 08:00,TUDLK,STC,thu,20,,,,,\n")
    with pytest.raises(Kt1Error) as err:
        backentry.import_items(demo_store, clerk, path)
    assert err.value.code == "role_required"
    assert snapshot(demo_store) == before
    assert len(backentry.import_items(demo_store, admin, path)) == 1


def test_times_in_the_future_or_too_old_are_refused(demo_store, supervisor):
    for when, code in (("2026-11-25 10:00", "accepted_future"), ("2026-09-01 10:00", "accepted_too_old"),
                       ("hôm qua", "bad_datetime")):
        before = snapshot(demo_store)
        with pytest.raises(FieldErrors) as err:
            intake.intake(demo_store, supervisor, **GOOD, accepted_at=when)
        assert [(e.code, e.field) for e in err.value.errors] == [(code, "accepted_at")]
        assert snapshot(demo_store) == before
    # A few minutes ahead (another PC's clock) is tolerated.
    assert intake.intake(demo_store, supervisor, **GOOD, accepted_at="2026-11-25 09:33").item["back_entry"] == 1


def test_a_bulk_file_is_entered_in_order_with_consecutive_ids(demo_store, supervisor, tmp_path):
    path = write(tmp_path, "# giấy nhận gửi ngày 24/11\n" + HEADER +
                 "2026-11-23 08:05,TUDLK,STC,thu,20,,,,,\n"
                 "23/11/2026 08:10,UBND,VPCP,goi,\"1,5 kg\",2,C,1,,\n"
                 "2026-11-23 08:15,CAT,TUKH,thư,45,,,,x,\n"
                 "2026-11-23 08:20,SYT,STC,kien,3200,1,,0,,2026-11-23 14:00\n")
    before = snapshot(demo_store)
    ids = backentry.import_items(demo_store, supervisor, path)
    assert len(ids) == 4
    serials = [int(s10.parse(i)[2:10]) for i in ids]
    assert serials == list(range(serials[0], serials[0] + 4))
    rows = [items.get_item(demo_store, i) for i in ids]
    assert [r["accepted_at"][:16] for r in rows] == ["2026-11-23T08:05", "2026-11-23T08:10", "2026-11-23T08:15",
                                                     "2026-11-23T08:20"]
    assert all(r["back_entry"] == 1 and r["entered_at"] == "2026-11-25T09:30:00+07:00" for r in rows)
    assert (rows[1]["weight_g"], rows[1]["pieces"], rows[1]["secrecy"], rows[1]["immediate_dispatch"]) == \
        (1500, 2, "C", 1)
    assert rows[2]["hoa_toc"] == 1 and rows[2]["free_reason"] == "appendix-I" and rows[2]["scope"] == "lien-tinh"
    assert rows[2]["deadline"] == "2026-11-27T12:00:00+07:00"   # J=Mon 23, J+2.5: Wed 25, Thu 26, Fri 27 noon (24 is a holiday)
    assert rows[3]["hen_gio_at"] == "2026-11-23T14:00:00+07:00" and rows[3]["seal_intact"] == 0
    after = snapshot(demo_store)
    assert after["items"] == before["items"] + 4 and after["item_events"] == before["item_events"] + 4
    assert demo_store.scalar("SELECT COUNT(*) FROM journal WHERE action = 'item.back_entry' AND entity = 'item'") == 4


def test_a_bad_bulk_file_reports_every_bad_row_and_issues_no_id(demo_store, supervisor, tmp_path):
    path = write(tmp_path, HEADER +
                 "2026-11-23 08:05,TUDLK,STC,thu,20,,,,,\n"            # 2: good
                 "2026-11-23 08:10,NOPE,STC,thu,20,,,,,\n"             # 3: unknown sender
                 "2026-11-23 08:15,TUDLK,STC,hop,0,0,,,,\n"            # 4: kind, weight, pieces
                 "\n"                                                   # 5: blank
                 "2026-11-23 08:20,TUDLK,STC,thu,20,,B,0,,\n"          # 6: secret, seal broken
                 ",TUDLK,STC,thu,20,,,,,\n"                            # 7: no time
                 "2026-12-24 08:00,TUDLK,STC,thu,20,,,,,\n"            # 8: future
                 "2026-11-23 08:30,TUDLK,STC,thu,20,,,,maybe,\n"  # 9: Hỏa tốc neither yes nor no
                 "2026-11-23 08:35,CAT,VPCP,goi,250,,,,,\n")           # 10: good
    before = snapshot(demo_store)
    with pytest.raises(RowErrors) as err:
        backentry.import_items(demo_store, supervisor, path)
    by_line = {}
    for line, e in err.value.rows:
        by_line.setdefault(line, set()).add(e.code)
    assert by_line == {3: {"unknown_agency"}, 4: {"kind", "weight_not_number", "pieces"}, 6: {"seal_broken_row"},
                       7: {"bad_datetime"}, 8: {"accepted_future"}, 9: {"yes_no"}}
    assert err.value.params["count"] == 6
    text = err.value.text("vi")
    assert text.splitlines()[0] == "6 dòng lỗi, không có gì được ghi:"
    for n in by_line:
        assert f"dòng {n}:" in text
    # All or nothing: no item, no event, no id used up, no refusal claimed for the paper item.
    assert snapshot(demo_store) == before


def test_a_broken_store_midway_rolls_the_whole_file_back(demo_store, supervisor, tmp_path):
    """Even a failure after the checks (here: the block runs out on row 3) leaves nothing behind."""
    from kt1desk.services import office

    admin_like = supervisor
    office.add_counter(demo_store, None, code="Q05", name="Quầy 5", first=40_000_000, last=40_000_001)
    path = write(tmp_path, HEADER + "".join(f"2026-11-23 08:{m:02d},TUDLK,STC,thu,20,,,,,\n" for m in range(3)))
    before = snapshot(demo_store)
    with pytest.raises(Kt1Error) as err:
        backentry.import_items(demo_store, admin_like, path, counter="Q05")
    assert err.value.code == "serial_exhausted"
    assert snapshot(demo_store) == before
