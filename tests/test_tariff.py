"""The tariff: weight bands × scope, surcharges, who is free, versions by date, CSV import."""

from __future__ import annotations

import csv
from datetime import date, datetime

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from kt1desk.clock import VN_TZ
from kt1desk.errors import FieldErrors, Kt1Error, RowErrors
from kt1desk.paths import resource
from kt1desk.services import intake, tariff
from kt1desk.services.tariff import compute_fee, tariff_on
from kt1desk.storage import Store

TODAY = date(2026, 11, 25)
fixture_ok = hsettings(suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None, max_examples=150)


def sample_table():
    """The sample file read independently of the code under test."""
    bands, surcharges = [], {}
    with open(resource("sample/tariff_sample.csv"), encoding="utf-8") as f:
        rows = [ln for ln in f if not ln.startswith("#")]
    for row in csv.DictReader(rows):
        if row["rule"] == "band":
            bands.append((int(row["max_weight_g"]), int(row["noi_tinh_vnd"]), int(row["lien_tinh_vnd"])))
        else:
            surcharges[row["rule"]] = (int(row["noi_tinh_vnd"]), int(row["lien_tinh_vnd"]))
    return sorted(bands), surcharges


BANDS, SURCHARGES = sample_table()
SCOPE_COL = {"noi-tinh": 1, "lien-tinh": 2}


def expected_band(weight: int, scope: str) -> int:
    for band in BANDS:
        if weight <= band[0]:
            return band[SCOPE_COL[scope]]
    raise AssertionError("no band")


def fee(store, weight, scope="noi-tinh", appendix="II", **marks):
    return compute_fee(store, sender_appendix=appendix, weight_g=weight, scope=scope, day=TODAY, **marks)


def test_the_sample_is_loaded_and_marked_as_a_sample(demo_store):
    current = tariff_on(demo_store, TODAY)
    assert current.is_sample
    assert "MẪU" in current.name
    assert current.bands == BANDS
    assert current.surcharges == SURCHARGES
    assert len(BANDS) >= 5


@pytest.mark.parametrize("scope", ["noi-tinh", "lien-tinh"])
def test_every_band_boundary(demo_store, scope):
    col = SCOPE_COL[scope]
    assert fee(demo_store, 1, scope).net == BANDS[0][col]
    for i, band in enumerate(BANDS):
        at_limit = fee(demo_store, band[0], scope)
        assert at_limit.net == band[col], band
        assert at_limit.parts == {"band": band[col]}
        assert at_limit.free_reason is None and at_limit.tariff_id is not None
        if i + 1 < len(BANDS):
            assert fee(demo_store, band[0] + 1, scope).net == BANDS[i + 1][col], band
    with pytest.raises(Kt1Error) as err:
        fee(demo_store, BANDS[-1][0] + 1, scope)
    assert err.value.code == "no_band" and err.value.field == "weight_g"


@fixture_ok
@given(weight=st.integers(min_value=1, max_value=30_000), scope=st.sampled_from(["noi-tinh", "lien-tinh"]),
       hoa_toc=st.booleans(), hen_gio=st.booleans(), secrecy=st.sampled_from([None, "A", "B", "C"]))
def test_fee_is_band_plus_surcharges(demo_store, weight, scope, hoa_toc, hen_gio, secrecy):
    got = fee(demo_store, weight, scope, hoa_toc=hoa_toc, hen_gio=hen_gio, secrecy=secrecy)
    col = SCOPE_COL[scope] - 1
    want = expected_band(weight, scope)
    want += SURCHARGES["hoa_toc"][col] if hoa_toc else 0
    want += SURCHARGES["hen_gio"][col] if hen_gio else 0
    want += SURCHARGES[f"secrecy_{secrecy.lower()}"][col] if secrecy else 0
    assert got.net == want
    assert got.net == sum(got.parts.values())


@fixture_ok
@given(a=st.integers(min_value=1, max_value=30_000), b=st.integers(min_value=1, max_value=30_000))
def test_fee_never_falls_as_weight_rises_and_lien_tinh_costs_at_least_noi_tinh(demo_store, a, b):
    light, heavy = sorted((a, b))
    for scope in ("noi-tinh", "lien-tinh"):
        assert fee(demo_store, light, scope).net <= fee(demo_store, heavy, scope).net
    assert fee(demo_store, a, "noi-tinh").net <= fee(demo_store, a, "lien-tinh").net


@fixture_ok
@given(weight=st.integers(min_value=1, max_value=30_000), scope=st.sampled_from(["noi-tinh", "lien-tinh"]),
       appendix=st.sampled_from(["I", "TW"]), hoa_toc=st.booleans(), secrecy=st.sampled_from([None, "A"]))
def test_appendix_i_and_central_offices_pay_nothing(demo_store, weight, scope, appendix, hoa_toc, secrecy):
    got = fee(demo_store, weight, scope, appendix=appendix, hoa_toc=hoa_toc, secrecy=secrecy)
    assert got.net == 0
    assert got.free_reason == ("appendix-I" if appendix == "I" else "central-office")


def test_free_status_is_stored_with_the_item(demo_store, clerk):
    # Appendix I sender (Công an tỉnh), a central office sender (to anyone, between provinces), a paying one.
    cases = [("CAT", "TUDLK", 0, "appendix-I"), ("VPCP", "TUDLK", 0, "central-office"),
             ("VPTW", "UBNDHCM", 0, "central-office"), ("TUDLK", "VPCP", expected_band(480, "lien-tinh"), None)]
    for sender, recipient, total, reason in cases:
        item = intake.intake(demo_store, clerk, sender=sender, recipient=recipient, kind="goi", weight_g=480).item
        stored = demo_store.one("SELECT fee_vnd, free_reason, tariff_id FROM items WHERE id = ?", (item["id"],))
        assert (stored["fee_vnd"], stored["free_reason"]) == (total, reason), sender
        assert (stored["tariff_id"] is None) == (reason is not None)


def test_a_paying_item_gets_its_surcharges_in_intake(demo_store, clerk, frozen_now):
    q = intake.quote(demo_store, clerk, sender="TUDLK", recipient="STC", kind="thu", weight_g=20, secrecy="B",
                     hoa_toc=True)
    assert q.scope == "noi-tinh"
    assert q.fee.parts == {"band": BANDS[0][1], "hoa_toc": SURCHARGES["hoa_toc"][0], "secrecy": SURCHARGES["secrecy_b"][0]}
    q = intake.quote(demo_store, clerk, sender="TUDLK", recipient="TUKH", kind="thu", weight_g=20,
                     hen_gio_at="2026-11-27 10:00")
    assert q.scope == "lien-tinh"
    assert q.fee.net == BANDS[0][2] + SURCHARGES["hen_gio"][1]


def test_the_sample_surcharges_are_the_circulars_caps_and_each_secrecy_letter_has_its_own():
    """Circular 23/2017, before VAT: Hẹn giờ 18.182, Hỏa tốc 40.000, A 48.636, B 37.273, C 30.909 đ."""
    caps = {"hen_gio": 18182, "hoa_toc": 40000, "secrecy_a": 48636, "secrecy_b": 37273, "secrecy_c": 30909}
    assert SURCHARGES == {rule: (amount, amount) for rule, amount in caps.items()}


def test_one_secrecy_amount_serves_every_letter_and_a_letter_of_its_own_wins(demo_store, supervisor, tmp_path):
    one = tariff.import_csv(demo_store, supervisor, write(tmp_path / "one.csv", DOUBLE), effective_from=date(2027, 1, 1))
    assert {letter: one.secrecy_surcharge(letter, "noi-tinh") for letter in "ABC"} == {"A": 5000, "B": 5000, "C": 5000}
    mixed = write(tmp_path / "mixed.csv", DOUBLE + "secrecy_a,,9000,9500\n")
    two = tariff.import_csv(demo_store, supervisor, mixed, effective_from=date(2027, 2, 1))
    assert [two.secrecy_surcharge(letter, "lien-tinh") for letter in "ABC"] == [9500, 6000, 6000]


def test_a_tariff_without_a_surcharge_for_some_secrecy_letter_is_refused(tmp_path):
    text = DOUBLE.replace("secrecy,,5000,6000\n", "secrecy_a,,5000,6000\nsecrecy_c,,5000,6000\n")
    with pytest.raises(Kt1Error) as refused:
        tariff.read_csv(write(tmp_path / "t.csv", text))
    assert refused.value.code == "tariff_missing_surcharge" and "secrecy_b" in refused.value.text("vi")


def write(path, text):
    path.write_text(text, encoding="utf-8")
    return path


DOUBLE = """rule,max_weight_g,noi_tinh_vnd,lien_tinh_vnd
band,100,20000,30000
band,2000,50000,80000
band,30000,300000,500000
hoa_toc,,1000,2000
hen_gio,,3000,4000
secrecy,,5000,6000
"""


def test_tariff_versions_apply_by_acceptance_date(demo_store, clerk, supervisor, frozen_now, tmp_path):
    new = tariff.import_csv(demo_store, supervisor, write(tmp_path / "t.csv", DOUBLE), effective_from=date(2026, 12, 1))
    assert not new.is_sample and new.effective_from == "2026-12-01"
    assert fee(demo_store, 50).net == BANDS[1][1]
    assert compute_fee(demo_store, sender_appendix="II", weight_g=50, scope="noi-tinh", day=date(2026, 11, 30)).net \
        == BANDS[1][1]
    assert compute_fee(demo_store, sender_appendix="II", weight_g=50, scope="noi-tinh", day=date(2026, 12, 1)).net \
        == 20000
    assert compute_fee(demo_store, sender_appendix="II", weight_g=2001, scope="lien-tinh", day=date(2027, 6, 1),
                       hoa_toc=True).net == 500000 + 2000
    # An item accepted in December is priced by the new table; a back-entry of a November item by the old one.
    frozen_now(datetime(2026, 12, 2, 9, 0, tzinfo=VN_TZ))
    now_item = intake.intake(demo_store, clerk, sender="TUDLK", recipient="STC", kind="thu", weight_g=50).item
    old_item = intake.intake(demo_store, supervisor, sender="TUDLK", recipient="STC", kind="thu", weight_g=50,
                             accepted_at="2026-11-30 15:00").item
    assert (now_item["fee_vnd"], now_item["tariff_id"]) == (20000, new.id)
    assert old_item["fee_vnd"] == BANDS[1][1] and old_item["tariff_id"] != new.id
    with pytest.raises(Kt1Error) as err:
        tariff.import_csv(demo_store, supervisor, tmp_path / "t.csv", effective_from=date(2026, 12, 1))
    assert err.value.code == "tariff_exists"


def test_no_tariff_in_force_is_a_clear_error(tmp_path, frozen_now):
    store = Store(tmp_path / "empty.sqlite3")
    with pytest.raises(Kt1Error) as err:
        compute_fee(store, sender_appendix="II", weight_g=20, scope="noi-tinh", day=TODAY)
    assert err.value.code == "no_tariff"
    tariff.import_sample(store, None, effective_from=date(2027, 1, 1))
    with pytest.raises(Kt1Error):
        compute_fee(store, sender_appendix="II", weight_g=20, scope="noi-tinh", day=TODAY)
    assert compute_fee(store, sender_appendix="I", weight_g=20, scope="noi-tinh", day=TODAY).net == 0
    store.close()


def tariff_rows(store):
    return tuple(store.scalar(f"SELECT COUNT(*) FROM {t}") for t in ("tariffs", "tariff_bands", "tariff_surcharges",
                                                                     "journal"))


def test_csv_bad_lines_are_reported_by_line_number_and_nothing_is_stored(demo_store, supervisor, tmp_path):
    path = write(tmp_path / "bad.csv", "# a note on line 1\n"
                 "rule,max_weight_g,noi_tinh_vnd,lien_tinh_vnd\n"   # line 2
                 "band,100,20000,30000\n"                           # 3
                 "bnad,200,1,2\n"                                   # 4: unknown rule
                 "\n"                                               # 5
                 "band,500,abc,30000\n"                             # 6: not a number
                 "band,1000,40000,-5\n"                             # 7: negative
                 "hoa_toc,,1000,2000\nhen_gio,,1,1\nsecrecy,,1,1\n")
    before = tariff_rows(demo_store)
    with pytest.raises(RowErrors) as err:
        tariff.import_csv(demo_store, supervisor, path, effective_from=date(2027, 1, 1))
    assert [line for line, _ in err.value.rows] == [4, 6, 7]
    assert [e.code for _, e in err.value.rows] == ["tariff_rule", "tariff_amount", "tariff_amount"]
    text = err.value.text("vi")
    assert "dòng 4" in text and "dòng 6" in text and "dòng 7" in text and "abc" in text
    assert "line 6" in err.value.text("en")
    assert tariff_rows(demo_store) == before


@pytest.mark.parametrize("body, code", [
    ("rule,noi_tinh_vnd,lien_tinh_vnd\nband,1,2\n", "csv_header"),
    ("rule,max_weight_g,noi_tinh_vnd,lien_tinh_vnd\n", "csv_empty"),
    ("rule,max_weight_g,noi_tinh_vnd,lien_tinh_vnd\nband,500,1,1\nband,100,1,1\nhoa_toc,,1,1\nhen_gio,,1,1\n"
     "secrecy,,1,1\n", "tariff_bands"),
    ("rule,max_weight_g,noi_tinh_vnd,lien_tinh_vnd\nband,100,1,1\nband,100,2,2\nhoa_toc,,1,1\nhen_gio,,1,1\n"
     "secrecy,,1,1\n", "tariff_bands"),
    ("rule,max_weight_g,noi_tinh_vnd,lien_tinh_vnd\nhoa_toc,,1,1\nhen_gio,,1,1\nsecrecy,,1,1\n", "tariff_bands"),
    ("rule,max_weight_g,noi_tinh_vnd,lien_tinh_vnd\nband,100,1,1\nhoa_toc,,1,1\n", "tariff_missing_surcharge"),
])
def test_malformed_tariff_files_are_refused_whole(demo_store, supervisor, tmp_path, body, code):
    before = tariff_rows(demo_store)
    with pytest.raises(Kt1Error) as err:
        tariff.import_csv(demo_store, supervisor, write(tmp_path / "t.csv", body), effective_from=date(2027, 1, 1))
    assert err.value.code == code
    assert tariff_rows(demo_store) == before


def test_semicolons_bom_and_grouped_amounts_are_read(demo_store, supervisor, tmp_path):
    path = tmp_path / "t.csv"
    path.write_bytes(("\ufeffrule;max_weight_g;noi_tinh_vnd;lien_tinh_vnd\nband;30000;12.000;20.000\n"
                      "hoa_toc;;1.000;2.000\nhen_gio;;0;0\nsecrecy;;0;0\n").encode("utf-8"))
    loaded = tariff.import_csv(demo_store, supervisor, path, effective_from=date(2027, 1, 1))
    assert loaded.bands == [(30000, 12000, 20000)]
    assert loaded.surcharges["hoa_toc"] == (1000, 2000)


def test_only_supervisors_and_admins_load_a_tariff(demo_store, clerk, admin, tmp_path):
    path = write(tmp_path / "t.csv", DOUBLE)
    before = tariff_rows(demo_store)
    with pytest.raises(Kt1Error) as err:
        tariff.import_csv(demo_store, clerk, path, effective_from=date(2027, 1, 1))
    assert err.value.code == "role_required"
    assert tariff_rows(demo_store) == before
    tariff.import_csv(demo_store, admin, path, effective_from=date(2027, 1, 1))
    assert demo_store.one("SELECT user_id, action FROM journal WHERE entity = 'tariff' ORDER BY id DESC LIMIT 1") == \
        {"user_id": admin.id, "action": "tariff.import"}


def test_a_weight_over_the_limit_is_refused_before_pricing(demo_store, clerk):
    with pytest.raises(FieldErrors) as err:
        intake.quote(demo_store, clerk, sender="TUDLK", recipient="STC", kind="kien", weight_g=30001)
    assert [e.code for e in err.value.errors] == ["weight_range"]
