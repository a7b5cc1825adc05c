"""Finding items: by id as a scanner types it, by folded text over the agencies' names, newest first."""

from __future__ import annotations

import unicodedata
from datetime import date, timedelta

import pytest

from kt1desk.errors import Kt1Error
from kt1desk.services import agencies, intake, items
from kt1desk.text import fold

NFD = lambda s: unicodedata.normalize("NFD", s)  # noqa: E731


def accept(store, actor, sender, recipient, **extra):
    return intake.intake(store, actor, sender=sender, recipient=recipient, kind="thu", weight_g=20, **extra).item


def test_an_id_is_found_however_it_is_typed(demo_store, clerk):
    item_id = accept(demo_store, clerk, "TUDLK", "VPCP")["id"]
    for typed in (item_id, item_id.lower(), f" {item_id[:2]} {item_id[2:6]} {item_id[6:]} ",
                  "-".join([item_id[:2], item_id[2:11], item_id[11:]]).lower(), item_id + "\n"):
        assert items.get_item(demo_store, typed)["id"] == item_id
        assert [i["id"] for i in items.search(demo_store, typed)] == [item_id]
    with pytest.raises(Kt1Error) as err:
        items.get_item(demo_store, "DK999999999VN")
    assert err.value.code == "item_not_found" and "DK999999999VN" in err.value.text("vi")
    # A well-formed id of no item finds nothing (and no name search is run on it).
    assert items.search(demo_store, "dk 99999999 9 vn") == []


def test_the_ids_text_is_also_searchable(demo_store, clerk):
    item_id = accept(demo_store, clerk, "TUDLK", "VPCP")["id"]
    assert item_id in [i["id"] for i in items.search(demo_store, item_id[:10].lower())]


def test_text_search_folds_vietnamese(demo_store, clerk):
    to_tu = accept(demo_store, clerk, "STC", "TUDLK")["id"]
    to_kh = accept(demo_store, clerk, "STC", "TUKH")["id"]
    for query in ("tinh uy", "TỈNH ỦY", NFD("tỉnh ủy"), "Tinh Uy", "tinh, uy!", "tinh u"):
        found = [i["id"] for i in items.search(demo_store, query)]
        assert to_tu in found and to_kh in found, query
        for hit in items.search(demo_store, query):
            words = fold(" ".join((hit["sender_name"], hit["recipient_name"]))).split()
            assert any(w.startswith("tinh") for w in words) and any(w.startswith("u") for w in words), query
    for query in ("khanh hoa", "Khánh Hoà", "khánh hòa", NFD("KHÁNH HOÀ")):
        assert [i["id"] for i in items.search(demo_store, query)] == [to_kh], query
    # Every word must match: a name with "tinh" and "uy" but not "khanh" is left out.
    assert to_tu not in [i["id"] for i in items.search(demo_store, "tinh uy khanh")]


def test_d_with_stroke_folds_to_d(demo_store, clerk):
    item_id = accept(demo_store, clerk, "STC", "TUDLK")["id"]
    for query in ("dak lak", "Đắk Lắk", "ĐẮK", "dắk"):
        assert item_id in [i["id"] for i in items.search(demo_store, query)], query


def test_search_by_agency_code(demo_store, clerk):
    item_id = accept(demo_store, clerk, "STC", "UBNDHCM")["id"]
    found = items.search(demo_store, "ubndhcm")
    assert found[0]["id"] == item_id
    assert all("UBNDHCM" in (i["sender_code"], i["recipient_code"]) for i in found)


def test_newest_first_and_limited(demo_store, clerk, frozen_now):
    start = frozen_now()
    ids = []
    for k in range(5):
        frozen_now(start + timedelta(minutes=k))
        ids.append(accept(demo_store, clerk, "STC", "TUKH")["id"])
    found = [i["id"] for i in items.search(demo_store, "khanh hoa")]
    assert found == list(reversed(ids))
    assert [i["id"] for i in items.search(demo_store, "khanh hoa", limit=2)] == [ids[4], ids[3]]
    accepted = [i["accepted_at"] for i in items.search(demo_store, "khanh hoa")]
    assert accepted == sorted(accepted, reverse=True)


def test_many_matches_come_back_newest_first(demo_store, clerk):
    # The demo history has items from many agencies; the newest of "tinh" matches come first.
    found = items.search(demo_store, "dak lak", limit=500)
    rowids = [demo_store.scalar("SELECT rowid FROM items WHERE id = ?", (i["id"],)) for i in found]
    assert len(found) >= 10 and rowids == sorted(rowids, reverse=True)
    everything = demo_store.all("SELECT id FROM items ORDER BY rowid DESC")
    expected = [r["id"] for r in everything if "dak lak" in fold(
        " ".join(demo_store.one("SELECT sender_name, recipient_name, sender_code, recipient_code FROM items "
                                "WHERE id = ?", (r["id"],)).values()))]
    assert [i["id"] for i in found] == expected


def test_nothing_to_search_finds_nothing(demo_store):
    for query in ("   ", ",.;", "zzzqqq", "tinh uy zzz"):
        assert items.search(demo_store, query) == []


def test_text_search_combines_with_filters(demo_store, clerk, frozen_now):
    start = frozen_now()
    tu = agencies.get_agency(demo_store, "TUDLK")
    a = accept(demo_store, clerk, "TUDLK", "TUKH")["id"]
    frozen_now(start + timedelta(days=1))
    b = accept(demo_store, clerk, "STC", "TUKH")["id"]
    assert [i["id"] for i in items.find_items(demo_store, text="khanh hoa", agency_id=tu["id"])] == [a]
    assert [i["id"] for i in items.find_items(demo_store, text="khanh hoa", date_from=date(2026, 11, 26))] == [b]
    assert [i["id"] for i in items.find_items(demo_store, text="khanh hoa", date_to=date(2026, 11, 25))] == [a]
    assert items.find_items(demo_store, text="khanh hoa", status="voided") == []
    assert [i["id"] for i in items.find_items(demo_store, agency_id=tu["id"], date_from=date(2026, 11, 25))] == [a]


def test_a_renamed_agency_keeps_old_items_findable_by_the_name_they_were_accepted_under(demo_store, clerk,
                                                                                          supervisor):
    item_id = accept(demo_store, clerk, "STC", "TUKH")["id"]
    agencies.save_agency(demo_store, supervisor, {"code": "TUKH", "name": "Tỉnh ủy Khánh Hòa (mới)",
                                                  "appendix": "II", "province": "Khánh Hòa"})
    assert items.get_item(demo_store, item_id)["recipient_name"] == "Tỉnh ủy Khánh Hòa"
    assert item_id in [i["id"] for i in items.search(demo_store, "khanh hoa")]
