"""Accepting an item: every rule of DOMAIN.md, enforced by the one intake service call."""

from __future__ import annotations

import json
import re
import unicodedata
from datetime import date, datetime, timedelta

import pytest

from kt1desk import clock, s10
from kt1desk.clock import VN_TZ
from kt1desk.errors import FieldErrors, ItemRefused, Kt1Error
from kt1desk.life import shifts
from kt1desk.services import agencies, intake, items, settings, tariff

NOW = datetime(2026, 11, 25, 9, 30, tzinfo=VN_TZ)  # the frozen clock of conftest
NFD = lambda s: unicodedata.normalize("NFD", s)  # noqa: E731
GOOD = dict(sender="TUDLK", recipient="STC", kind="thu", weight_g=20)


def snapshot(store) -> dict:
    """Row count of every table and the serial counters: what 'nothing written' is checked against."""
    tables = [r["name"] for r in store.all("SELECT name FROM sqlite_master WHERE type = 'table'")]
    counts = {t: store.scalar(f'SELECT COUNT(*) FROM "{t}"') for t in tables}
    counts["serials"] = tuple(r["next"] for r in store.all("SELECT next FROM serial_blocks ORDER BY id"))
    return counts


def refused(store, actor, **fields) -> FieldErrors:
    before = snapshot(store)
    with pytest.raises(FieldErrors) as err:
        intake.intake(store, actor, **(GOOD | fields))
    assert snapshot(store) == before, "a refused intake wrote something"
    return err.value


def codes(err: FieldErrors) -> list[tuple[str, str]]:
    return [(e.code, e.field) for e in err.errors]


def test_an_accepted_item_is_stored_with_its_event_and_journal(demo_store, clerk):
    shift = shifts.open_shift(demo_store, clerk)  # as at login
    before = snapshot(demo_store)
    accepted = intake.intake(demo_store, clerk, **GOOD)
    item_id = accepted.item["id"]
    assert s10.parse(item_id) == item_id and item_id.startswith("DK")
    row = items.get_item(demo_store, item_id)
    assert row["accepted_at"] == "2026-11-25T09:30:00+07:00"
    assert row["entered_at"] == row["accepted_at"] and row["back_entry"] == 0
    assert row["deadline"] == "2026-11-27T12:00:00+07:00"  # nội tỉnh J + 1.5: Friday noon
    assert (row["scope"], row["kind"], row["weight_g"], row["pieces"]) == ("noi-tinh", "thu", 20, 1)
    assert (row["sender_code"], row["recipient_code"], row["recipient_name"]) == ("TUDLK", "STC", "Sở Tài chính")
    assert row["recipient_address"].startswith("07 Lê Thánh Tông")
    assert row["clerk_id"] == clerk.id and row["clerk_login"] == "gdv1"
    assert row["status"] == "accepted" and row["immediate_dispatch"] == 0 and row["secrecy"] is None
    assert row["shift_id"] == shift["id"] and row["payment"] == "account"  # Tỉnh ủy pays monthly (sample directory)
    after = snapshot(demo_store)
    for table, grew in (("items", 1), ("item_events", 1), ("journal", 1), ("refusals", 0), ("agencies", 0)):
        assert after[table] == before[table] + grew, table
    [event] = items.events(demo_store, item_id)
    assert (event["kind"], event["user_login"], event["at"]) == ("accepted", "gdv1", row["accepted_at"])
    journal = demo_store.one("SELECT * FROM journal ORDER BY id DESC LIMIT 1")
    assert (journal["user_id"], journal["action"], journal["entity"], journal["entity_id"]) == \
        (clerk.id, "item.accept", "item", item_id)
    assert json.loads(journal["details"])["event"] == "accepted"


def test_the_three_kinds_and_nothing_else(demo_store, clerk):
    for kind, code in [("thu", "thu"), ("thư", "thu"), ("THƯ", "thu"), ("gói", "goi"), ("goi", "goi"),
                       ("kiện", "kien"), ("KIEN", "kien"), (NFD("kiện"), "kien")]:
        assert intake.intake(demo_store, clerk, **(GOOD | {"kind": kind})).item["kind"] == code, kind
    for kind in ["hop", "", "letter", "thu goi", None]:
        err = refused(demo_store, clerk, kind=kind)
        assert codes(err) == [("kind", "kind")]
        assert "Loại" in err.text("vi") and "thư, gói" in err.text("vi")
        assert "Kind" in err.text("en")


def test_a_weight_must_be_a_positive_whole_number_of_grams(demo_store, clerk):
    for weight in [0, -1, "0", "-5", "abc", "", "0,0001 kg", None, "1,5 g", "inf"]:
        err = refused(demo_store, clerk, weight_g=weight)
        assert codes(err) == [("weight_not_number", "weight_g")], weight
        assert "Khối lượng" in err.text("vi") and "Weight" in err.text("en")


def test_the_weight_limit_is_inclusive_and_configurable(demo_store, clerk, supervisor):
    limit = settings.get(demo_store, "max_weight_g")
    assert limit == 30000
    assert intake.intake(demo_store, clerk, **(GOOD | {"kind": "kien", "weight_g": limit})).item["weight_g"] == limit
    err = refused(demo_store, clerk, kind="kien", weight_g=limit + 1)
    assert codes(err) == [("weight_range", "weight_g")] and "30.000 g" in err.text("vi")
    assert intake.intake(demo_store, clerk, **(GOOD | {"weight_g": "1,5 kg"})).item["weight_g"] == 1500
    settings.put(demo_store, supervisor, "max_weight_g", "20000")
    err = refused(demo_store, clerk, kind="kien", weight_g=20001)
    assert "20.000 g" in err.text("vi") and "20,000" not in err.text("vi")


def test_pieces_must_be_at_least_one(demo_store, clerk):
    for pieces in [0, -1, "x", "1.5", 100, ""]:
        err = refused(demo_store, clerk, pieces=pieces)
        assert codes(err) == [("pieces", "pieces")], pieces
        assert "Số kiện" in err.text("vi") and "Pieces" in err.text("en")
    for pieces in [1, "2", 99]:
        assert intake.intake(demo_store, clerk, **(GOOD | {"pieces": pieces})).item["pieces"] == int(pieces)


def test_unknown_sender_and_recipient_are_named(demo_store, clerk):
    err = refused(demo_store, clerk, sender="NOPE", recipient="ZZZ")
    assert codes(err) == [("unknown_agency", "sender"), ("unknown_agency", "recipient")]
    assert "Cơ quan gửi" in err.text("vi") and "NOPE" in err.text("vi")
    assert "Cơ quan nhận" in err.text("vi") and "ZZZ" in err.text("vi")
    assert "Sender" in err.text("en") and "Recipient" in err.text("en")
    assert set(err.by_field()) == {"sender", "recipient"}
    assert codes(refused(demo_store, clerk, sender="")) == [("required", "sender")]
    assert codes(refused(demo_store, clerk, sender="TUDLK", recipient="tudlk")) == [("same_agency", "recipient")]


def test_an_agency_that_has_ceased_is_refused_and_its_successor_suggested(demo_store, clerk):
    # TUPY (Tỉnh ủy Phú Yên) ended on 30/6/2025 when Phú Yên merged into Đắk Lắk; successor TUDLK.
    err = refused(demo_store, clerk, sender="TUPY")
    assert codes(err) == [("agency_inactive", "sender")]
    assert "TUDLK" in err.text("vi") and "use code TUDLK" in err.text("en") and "30/06/2025" in err.text("vi")
    err = refused(demo_store, clerk, recipient="tupy")
    assert codes(err) == [("agency_inactive", "recipient")]


def test_an_agency_not_yet_in_force_is_refused(demo_store, clerk, supervisor):
    agencies.save_agency(demo_store, supervisor, {"code": "SMOI", "name": "Sở Mới", "appendix": "II",
                                                  "province": "Đắk Lắk", "valid_from": "2027-01-01"})
    assert codes(refused(demo_store, clerk, recipient="SMOI")) == [("agency_inactive", "recipient")]


def test_a_back_entry_checks_agencies_on_the_acceptance_day(demo_store, supervisor):
    # TUPY still existed in June 2025... but that is older than back-entry allows; move the clock.
    settings.put(demo_store, supervisor, "back_entry_max_days", "600")
    item = intake.intake(demo_store, supervisor, **(GOOD | {"sender": "TUPY", "accepted_at": "2025-06-30 10:00"})).item
    assert item["sender_code"] == "TUPY" and item["back_entry"] == 1


def test_secret_items_are_queued_for_immediate_dispatch(demo_store, clerk):
    for letter in ["A", "B", "C", "b"]:
        item = intake.intake(demo_store, clerk, **(GOOD | {"secrecy": letter})).item
        stored = items.get_item(demo_store, item["id"])
        assert stored["secrecy"] == letter.upper()
        assert stored["immediate_dispatch"] == 1 and stored["seal_intact"] == 1
        assert item["id"] in [i["id"] for i in items.waiting_dispatch(demo_store)]
    # A plain item is not flagged.
    plain = intake.intake(demo_store, clerk, **GOOD).item
    assert plain["immediate_dispatch"] == 0
    assert plain["id"] not in [i["id"] for i in items.waiting_dispatch(demo_store)]


def test_other_secrecy_values_are_refused(demo_store, clerk):
    for letter in ["D", "mật", "Tối mật", "AB"]:
        err = refused(demo_store, clerk, secrecy=letter)
        assert codes(err) == [("secrecy", "secrecy")]
        assert "Độ mật" in err.text("vi") and "Secrecy" in err.text("en")


def test_a_mat_item_with_a_broken_seal_is_refused_and_the_refusal_is_recorded(demo_store, clerk, frozen_now):
    before = snapshot(demo_store)
    with pytest.raises(ItemRefused) as err:
        intake.intake(demo_store, clerk, **(GOOD | {"secrecy": "C", "weight_g": 240}), seal_intact=False,
                      presented_by=NFD("Nguyễn Văn An"))
    assert err.value.code == "seal_broken"
    assert "từ chối" in err.value.text("vi") and "refused" in err.value.text("en")
    after = snapshot(demo_store)
    # Nothing about the item: no item, no event, no id used up.
    for table in ("items", "item_events", "items_fts"):
        assert after[table] == before[table], table
    assert after["serials"] == before["serials"]
    assert after["refusals"] == before["refusals"] + 1
    refusal = demo_store.one("SELECT * FROM refusals WHERE id = ?", (err.value.refusal_id,))
    assert refusal["at"] == "2026-11-25T09:30:00+07:00"
    assert refusal["reason"] == "seal-broken"
    assert refusal["refused_by"] == clerk.id
    assert refusal["presented_by"] == "Nguyễn Văn An" and unicodedata.is_normalized("NFC", refusal["presented_by"])
    assert refusal["secrecy"] == "C"
    # The refusals table can hold nothing else about the item.
    columns = {r["name"] for r in demo_store.all("PRAGMA table_info(refusals)")}
    assert columns == {"id", "at", "reason", "secrecy", "refused_by", "presented_by", "counter_id", "shift_id"}
    journal = demo_store.one("SELECT * FROM journal ORDER BY id DESC LIMIT 1")
    assert (journal["user_id"], journal["action"], journal["entity"]) == (clerk.id, "item.refuse", "refusal")
    for word in ("TUDLK", "STC", "240", "Sở Tài chính"):
        assert word not in journal["details"]
    assert items.refusals(demo_store)[0]["refused_by_login"] == "gdv1"


def test_every_secrecy_level_is_refused_with_a_broken_seal(demo_store, clerk):
    for letter in ["A", "B"]:
        n = demo_store.scalar("SELECT COUNT(*) FROM items")
        with pytest.raises(ItemRefused):
            intake.intake(demo_store, clerk, **(GOOD | {"secrecy": letter}), seal_intact=False,
                          presented_by="Trần Văn Bảo")
        assert demo_store.scalar("SELECT COUNT(*) FROM items") == n
        assert demo_store.one("SELECT secrecy, presented_by FROM refusals ORDER BY id DESC LIMIT 1") == \
            {"secrecy": letter, "presented_by": "Trần Văn Bảo"}


def test_a_plain_item_with_a_broken_seal_is_accepted_and_the_seal_state_kept(demo_store, clerk):
    item = intake.intake(demo_store, clerk, **GOOD, seal_intact=False).item
    assert items.get_item(demo_store, item["id"])["seal_intact"] == 0


# -- Hẹn giờ and Hỏa tốc ------------------------------------------------------

HEN_GIO_CASES = [
    ("STC", 4, "nội thành"),        # same province, inner city
    ("UBNDBH", 12, "ngoại thành"),  # same province, suburban
    ("TUKH", 24, "liên tỉnh"),      # another province
    ("VPCP", 24, "liên tỉnh"),
]


def test_hen_gio_lead_time(demo_store, clerk):
    for case in HEN_GIO_CASES:
        check_hen_gio(demo_store, clerk, *case)


def check_hen_gio(demo_store, clerk, recipient, hours, zone_vi):
    earliest = NOW + timedelta(hours=hours)
    too_soon = earliest - timedelta(minutes=1)
    err = refused(demo_store, clerk, recipient=recipient, hen_gio_at=too_soon.strftime("%Y-%m-%d %H:%M"))
    assert codes(err) == [("hen_gio_lead", "hen_gio_at")]
    assert f"{hours} giờ" in err.text("vi") and zone_vi in err.text("vi")
    assert earliest.strftime("%d/%m/%Y %H:%M") in err.text("vi")
    assert f"{hours} h" in err.text("en")
    item = intake.intake(demo_store, clerk, **(GOOD | {"recipient": recipient}),
                         hen_gio_at=earliest.strftime("%d/%m/%Y %H:%M")).item
    assert item["hen_gio_at"] == clock.iso(earliest)
    assert item["deadline"] == clock.iso(earliest)  # delivered at the time asked


def test_hen_gio_lead_runs_from_the_real_acceptance_time_of_a_back_entry(demo_store, supervisor):
    err = refused(demo_store, supervisor, accepted_at="2026-11-24 08:00", hen_gio_at="2026-11-24 11:59")
    assert codes(err) == [("hen_gio_lead", "hen_gio_at")]
    item = intake.intake(demo_store, supervisor, **GOOD, accepted_at="2026-11-24 08:00",
                         hen_gio_at="2026-11-24 12:00").item
    assert item["deadline"] == "2026-11-24T12:00:00+07:00"


def test_a_bad_hen_gio_time_is_named(demo_store, clerk):
    err = refused(demo_store, clerk, hen_gio_at="ngày mai")
    assert codes(err) == [("bad_datetime", "hen_gio_at")]
    assert "Hẹn giờ" in err.text("vi") and "ngày mai" in err.text("vi")


def test_hoa_toc_hen_gio_and_secrecy_combine_and_their_surcharges_add(demo_store, clerk):
    # "KT1 Hỏa tốc Hẹn giờ - B" exists: each mark is its own field, each adds its surcharge.
    item = intake.intake(demo_store, clerk, **GOOD, hoa_toc=True, hen_gio_at="2026-11-30 10:00", secrecy="B").item
    stored = demo_store.one("SELECT * FROM items WHERE id = ?", (item["id"],))
    assert (stored["hoa_toc"], stored["hen_gio_at"], stored["secrecy"]) == (1, "2026-11-30T10:00:00+07:00", "B")
    assert stored["deadline"] == "2026-11-30T10:00:00+07:00" and stored["deadline_rule"] == "hen-gio"
    t = tariff.tariff_on(demo_store, date(2026, 11, 25))
    scope = stored["scope"]
    expected = t.band_price(20, scope) + t.surcharge("hoa_toc", scope) + t.surcharge("hen_gio", scope) \
        + t.surcharge("secrecy_b", scope)
    assert stored["fee_vnd"] == expected
    assert stored["vat_rate_bp"] == 1000 and stored["vat_vnd"] == (expected * 1000 + 5000) // 10000


def test_scope_and_deadline(demo_store, clerk):
    for recipient, hoa_toc, scope, deadline in [
        ("STC", False, "noi-tinh", "2026-11-27T12:00:00+07:00"),
        ("STC", True, "noi-tinh", "2026-11-26T17:00:00+07:00"),
        ("UBNDTH", False, "noi-tinh", "2026-11-27T12:00:00+07:00"),   # Tuy Hòa: Phú Yên merged into Đắk Lắk
        ("VPCP", False, "lien-tinh", "2026-12-01T12:00:00+07:00"),
        ("VPCP", True, "lien-tinh", "2026-11-30T12:00:00+07:00"),
        ("UBNDHCM", False, "lien-tinh", "2026-12-01T12:00:00+07:00"),
    ]:
        item = intake.intake(demo_store, clerk, **(GOOD | {"recipient": recipient, "hoa_toc": hoa_toc})).item
        assert (item["scope"], item["deadline"], item["hoa_toc"]) == (scope, deadline, int(hoa_toc)), recipient


def test_scope_compares_provinces_folded(demo_store, clerk, supervisor):
    agencies.save_agency(demo_store, supervisor, {"code": "XDLK", "name": "Xã thử", "appendix": "II",
                                                  "province": NFD("đắk lắk")})
    stored = agencies.get_agency(demo_store, "XDLK")
    assert stored["province"] == "đắk lắk" and unicodedata.is_normalized("NFC", stored["province"])
    assert intake.intake(demo_store, clerk, **(GOOD | {"recipient": "XDLK"})).item["scope"] == "noi-tinh"


# -- nothing written, messages, schema -----------------------------------------

def test_several_bad_fields_are_all_reported_at_once_and_nothing_is_written(demo_store, clerk):
    err = refused(demo_store, clerk, sender="NOPE", kind="hop", weight_g=0, pieces=0, secrecy="X")
    assert {f for _, f in codes(err)} == {"sender", "kind", "weight_g", "pieces", "secrecy"}
    vi, en = err.text("vi"), err.text("en")
    for word in ("Cơ quan gửi", "Loại", "Khối lượng", "Số kiện", "Độ mật"):
        assert word in vi
    for word in ("Sender", "Kind", "Weight", "Pieces", "Secrecy"):
        assert word in en


def test_an_exhausted_block_writes_nothing(demo_store, clerk):
    demo_store.conn.execute("UPDATE serial_blocks SET next = last + 1")
    before = snapshot(demo_store)
    with pytest.raises(Kt1Error) as err:
        intake.intake(demo_store, clerk, **GOOD)
    assert err.value.code == "serial_exhausted"
    assert snapshot(demo_store) == before


def test_no_actor_no_item(demo_store):
    before = snapshot(demo_store)
    with pytest.raises(Kt1Error) as err:
        intake.intake(demo_store, None, **GOOD)
    assert err.value.code == "role_required"
    assert snapshot(demo_store) == before


FORBIDDEN = re.compile(r"content|noi_dung|nội|document|doc_?no|so_van_ban|van_ban|summary|trich_yeu|subject|"
                       r"title|abstract|body|description|ghi_chu", re.I)


def test_no_column_for_contents_document_number_or_summary_exists_anywhere(demo_store):
    tables = [r["name"] for r in demo_store.all("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")]
    assert {"items", "refusals", "item_events", "journal", "agencies"} <= set(tables)
    seen = 0
    for table in tables:
        for column in demo_store.all(f'PRAGMA table_info("{table}")'):
            seen += 1
            assert not FORBIDDEN.search(column["name"]), f"{table}.{column['name']}"
    assert seen > 100
    fts = demo_store.scalar("SELECT sql FROM sqlite_master WHERE name = 'items_fts'")
    assert "content=''" in fts.replace(" ", "")


def test_intake_takes_no_contents_either(demo_store, clerk):
    for name in ("contents", "document_number", "summary"):
        with pytest.raises(TypeError):
            intake.intake(demo_store, clerk, **GOOD, **{name: "Công văn số 123/UBND"})


def test_what_intake_stores_is_nfc(demo_store, clerk, supervisor):
    agencies.save_agency(demo_store, supervisor, {"code": "NFDX", "name": NFD("Ủy ban nhân dân xã Hòa Đồng"),
                                                  "appendix": "II", "province": NFD("Đắk Lắk"),
                                                  "address": NFD("Thôn 1, xã Hòa Đồng")})
    item = intake.intake(demo_store, clerk, **(GOOD | {"recipient": "nfdx", "kind": NFD("gói")})).item
    stored = items.get_item(demo_store, item["id"])
    for key in ("recipient_name", "recipient_address", "recipient_province", "sender_name"):
        assert unicodedata.is_normalized("NFC", stored[key]), key
    assert stored["recipient_name"] == "Ủy ban nhân dân xã Hòa Đồng"
    assert stored["scope"] == "noi-tinh"
    assert [i["id"] for i in items.search(demo_store, "hoa dong")] == [item["id"]]


def test_quote_writes_nothing_and_agrees_with_intake(demo_store, clerk):
    before = snapshot(demo_store)
    q = intake.quote(demo_store, clerk, **(GOOD | {"recipient": "VPCP", "secrecy": "A"}))
    assert snapshot(demo_store) == before
    item = intake.intake(demo_store, clerk, **(GOOD | {"recipient": "VPCP", "secrecy": "A"})).item
    assert (item["fee_vnd"], item["deadline"], item["scope"]) == (q.fee.net, clock.iso(q.deadline), q.scope)
