"""The agency directory: CSV import all or nothing, history of changes, mergers with a successor."""

from __future__ import annotations

import json
import unicodedata

import pytest

from kt1desk.errors import FieldErrors, Kt1Error, RowErrors
from kt1desk.paths import resource
from kt1desk.services import agencies
from kt1desk.services.agencies import CSV_OPTIONAL, CSV_REQUIRED

HEADER = "code,name,appendix,address,province,postal_code,zone,after_hours_contact,after_hours_phone," \
         "valid_from,valid_to,successor_code,billing"


def write(tmp_path, text, name="a.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def state(store):
    return (store.scalar("SELECT COUNT(*) FROM agencies"), store.scalar("SELECT COUNT(*) FROM agency_history"),
            store.scalar("SELECT COUNT(*) FROM journal"),
            store.scalar("SELECT group_concat(code || name || updated_at) FROM agencies"))


def test_the_documented_header_is_the_one_read():
    assert set(HEADER.split(",")) == set(CSV_REQUIRED + CSV_OPTIONAL)
    with open(resource("sample/agencies_daklak.csv"), encoding="utf-8") as f:
        header = next(ln for ln in f if not ln.startswith("#")).strip()
    assert header == HEADER


def test_the_sample_directory(demo_store):
    rows = agencies.list_agencies(demo_store)
    assert len(rows) >= 40
    assert {r["appendix"] for r in rows} == {"I", "II", "TW"}
    assert {r["code"] for r in rows if r["appendix"] == "TW"} == {"VPTW", "VPCTN", "VPQH", "VPCP"}
    assert all(r["province"] == "Hà Nội" for r in rows if r["appendix"] == "TW")
    assert len({r["province"] for r in rows}) >= 4
    assert all(r["after_hours_contact"] for r in rows if r["valid_to"] is None)
    assert all(unicodedata.is_normalized("NFC", r["name"]) for r in rows)
    provinces = [r["province"] for r in rows]
    from kt1desk.text import fold
    assert [fold(p) for p in provinces] == sorted(fold(p) for p in provinces)


def test_import_adds_then_reports_changes_and_keeps_the_old_version(demo_store, supervisor, tmp_path):
    first = write(tmp_path, HEADER + "\n"
                  "SNX,Sở Nội vụ,II,12 Lê Duẩn,Đắk Lắk,63000,noi-thanh,Ông A,0905 000 001,,,\n"
                  "SXY,Sở Xây dựng,II,,Đắk Lắk,,,,,,,\n")
    assert agencies.import_csv(demo_store, supervisor, first) == {"added": 2, "changed": 0, "unchanged": 0}
    snv = agencies.get_agency(demo_store, "SNX")
    assert (snv["name"], snv["zone"], snv["after_hours_contact"]) == ("Sở Nội vụ", "noi-thanh", "Ông A")
    again = agencies.import_csv(demo_store, supervisor, first)
    assert again == {"added": 0, "changed": 0, "unchanged": 2}
    history_before = demo_store.scalar("SELECT COUNT(*) FROM agency_history")
    renamed = write(tmp_path, HEADER + "\n"
                    "SNX,Sở Nội vụ tỉnh Đắk Lắk,II,15 Lê Duẩn,Đắk Lắk,63000,noi-thanh,Bà B,0905 000 002,,,\n"
                    "SXY,Sở Xây dựng,II,,Đắk Lắk,,,,,,,\n", "b.csv")
    assert agencies.import_csv(demo_store, supervisor, renamed) == {"added": 0, "changed": 1, "unchanged": 1}
    now = agencies.get_agency(demo_store, "SNX")
    assert (now["name"], now["address"], now["id"]) == ("Sở Nội vụ tỉnh Đắk Lắk", "15 Lê Duẩn", snv["id"])
    assert now["name_fold"] == "so noi vu tinh dak lak"
    [old] = demo_store.all("SELECT * FROM agency_history WHERE agency_id = ?", (snv["id"],))
    assert demo_store.scalar("SELECT COUNT(*) FROM agency_history") == history_before + 1
    data = json.loads(old["data"])
    assert (data["name"], data["address"], data["after_hours_contact"]) == ("Sở Nội vụ", "12 Lê Duẩn", "Ông A")
    journal = demo_store.one("SELECT * FROM journal WHERE entity = 'agency' AND entity_id = 'SNX' ORDER BY id DESC LIMIT 1")
    assert journal["user_id"] == supervisor.id
    assert set(json.loads(journal["details"])["fields"]) == {"name", "address", "after_hours_contact",
                                                             "after_hours_phone"}


def test_bad_rows_are_all_reported_with_line_numbers_and_nothing_is_stored(demo_store, supervisor, tmp_path):
    path = write(tmp_path, "# danh bạ thử\n" + HEADER + "\n"          # lines 1, 2
                 "SNX,Sở Nội vụ,II,,Đắk Lắk,,,,,,,\n"                   # 3: good
                 "s n v 2,Sở X,II,,Đắk Lắk,,,,,,,\n"                    # 4: bad code
                 "SYT2,,III,,Đắk Lắk,6300,dao,,,,,\n"                   # 5: no name, appendix, postal code, zone
                 "SNX,Sở Nội vụ lần hai,II,,Đắk Lắk,,,,,,,\n"           # 6: duplicate code
                 "SCU,Sở Cũ,II,,Đắk Lắk,,,,,2020-01-01,31/02/2025,\n"   # 7: bad date
                 "SCU2,Sở Cũ 2,II,,Đắk Lắk,,,,,,2025-06-30,KHONGCO\n"   # 8: unknown successor
                 "STT,Sở Thông tin,I,,Đắk Lắk,,,,,,,\n")                # 9: good
    before = state(demo_store)
    with pytest.raises(RowErrors) as err:
        agencies.import_csv(demo_store, supervisor, path)
    lines = [line for line, _ in err.value.rows]
    assert sorted(set(lines)) == [4, 5, 6, 7, 8]
    assert lines == sorted(lines)
    assert err.value.params["count"] == 5
    assert {e.code for line, e in err.value.rows if line == 5} == {"required", "appendix", "postal_code", "zone"}
    assert [e.code for line, e in err.value.rows if line == 6] == ["csv_duplicate"]
    assert [e.code for line, e in err.value.rows if line == 7] == ["bad_date"]
    assert [e.code for line, e in err.value.rows if line == 8] == ["unknown_successor"]
    vi = err.value.text("vi")
    assert vi.startswith("5 dòng lỗi, không có gì được ghi")
    for n in (4, 5, 6, 7, 8):
        assert f"dòng {n}:" in vi
    assert "line 8:" in err.value.text("en") and "KHONGCO" in err.value.text("en")
    assert state(demo_store) == before
    assert agencies.get_agency(demo_store, "SNX") is None and agencies.get_agency(demo_store, "STT") is None


def test_a_missing_column_names_the_column(demo_store, supervisor, tmp_path):
    before = state(demo_store)
    with pytest.raises(Kt1Error) as err:
        agencies.import_csv(demo_store, supervisor, write(tmp_path, "code,name,province\nX1,Y,Đắk Lắk\n"))
    assert err.value.code == "csv_header" and "appendix" in err.value.text("vi")
    assert "code, name, appendix, province" in err.value.text("en")
    with pytest.raises(Kt1Error) as err:
        agencies.import_csv(demo_store, supervisor, tmp_path / "missing.csv")
    assert err.value.code == "file_unreadable"
    assert state(demo_store) == before


def test_a_merger_points_at_its_successor_even_later_in_the_same_file(demo_store, supervisor, tmp_path):
    path = write(tmp_path, HEADER + "\n"
                 "SGTVT,Sở Giao thông vận tải,II,,Đắk Lắk,,,,,,2025-02-28,SXDM\n"
                 "SXDM,Sở Xây dựng (sau hợp nhất),II,,Đắk Lắk,,,,,2025-03-01,,\n")
    assert agencies.import_csv(demo_store, supervisor, path)["added"] == 2
    old = agencies.get_agency(demo_store, "SGTVT")
    assert (old["valid_to"], old["successor_code"]) == ("2025-02-28", "SXDM")
    from datetime import date
    assert not agencies.is_active(old, date(2025, 3, 1)) and agencies.is_active(old, date(2025, 2, 28))
    assert [a["code"] for a in agencies.list_agencies(demo_store, include_inactive=False)].count("SGTVT") == 0


def test_save_agency_checks_fields_and_successor(demo_store, supervisor):
    with pytest.raises(FieldErrors) as err:
        agencies.save_agency(demo_store, supervisor, {"code": "Đ1", "name": "", "appendix": "IV", "province": ""})
    assert {e.field for e in err.value.errors} == {"code", "name", "appendix", "province"}
    with pytest.raises(Kt1Error) as err:
        agencies.save_agency(demo_store, supervisor, {"code": "ABC", "name": "A", "appendix": "II",
                                                      "province": "Đắk Lắk", "successor_code": "NOPE"})
    assert err.value.code == "unknown_successor"
    assert agencies.get_agency(demo_store, "ABC") is None


def test_dates_in_vietnamese_order_are_read(demo_store, supervisor, tmp_path):
    agencies.import_csv(demo_store, supervisor, write(tmp_path, HEADER + "\n"
                                                      "SCU,Sở Cũ,II,,Đắk Lắk,,,,,01/01/2020,30/06/2025,TUDLK\n"))
    row = agencies.get_agency(demo_store, "scu")
    assert (row["valid_from"], row["valid_to"]) == ("2020-01-01", "2025-06-30")
