"""The directory: clerks read it, supervisors edit agencies and load tariffs, admins manage users."""

from __future__ import annotations

import pytest
from pages_support import make_session, show  # noqa: F401 (fixture)

from kt1desk.qt.directory_page import DirectoryPage
from kt1desk.services import agencies, tariff, users


@pytest.fixture
def page_for(qtbot, demo_store, make_session):
    def make(user):
        return show(qtbot, DirectoryPage(make_session(demo_store, user)))

    return make


def codes(page):
    return [page.agency_proxy.index(r, 0).data() for r in range(page.agency_proxy.rowCount())]


def test_a_clerk_reads_the_directory_and_cannot_edit(page_for, clerk, demo_store):
    page = page_for(clerk)
    assert page.agency_model.rowCount() == demo_store.scalar("SELECT COUNT(*) FROM agencies")
    for name in ("add_agency_button", "import_agency_button", "import_tariff_button", "add_user_button"):
        assert not hasattr(page, name)
    assert page.user_model.rowCount() == 3
    assert page.tariff_model.rowCount() == 1
    assert page.band_model.index(0, 0).data() == "đến 20 g"
    assert page.band_model.index(0, 1).data() == "8.000 đ"


def test_the_agency_filter_folds_vietnamese(qtbot, page_for, clerk):
    page = page_for(clerk)
    qtbot.keyClicks(page.agency_filter, "tinh doan")
    # every column is searched: HĐND's after-hours contact is "Văn phòng Đoàn ĐBQH và HĐND" in "tỉnh Đắk Lắk"
    assert sorted(codes(page)) == ["HDND", "TDTN"]
    page.agency_filter.clear()
    qtbot.keyClicks(page.agency_filter, "tinh uy dak")
    assert "TUDLK" in codes(page) and "TUKH" not in codes(page)
    assert page.agency_count.text().endswith("cơ quan")


def test_a_supervisor_edits_an_agency_and_sees_errors_beside_the_fields(qtbot, page_for, supervisor, demo_store):
    page = page_for(supervisor)
    assert not hasattr(page, "add_user_button")  # users are the admin's
    dialog = page.edit_agency(agencies.get_agency(demo_store, "SYT"))
    dialog.edits["postal_code"].setText("123")
    dialog.save()
    assert dialog.errors["postal_code"].text() == "Mã bưu chính phải có 5 chữ số (bạn nhập «123»)."
    assert agencies.get_agency(demo_store, "SYT")["postal_code"] == "63000"
    dialog.edits["postal_code"].setText("63001")
    dialog.edits["after_hours_phone"].setText("0905 999 999")
    with qtbot.waitSignal(page.loaded):
        dialog.save()
    assert agencies.get_agency(demo_store, "SYT")["after_hours_phone"] == "0905 999 999"
    row = next(r for r in page.agency_model.rows if r["code"] == "SYT")
    assert row["after_hours_phone"] == "0905 999 999"


def test_a_supervisor_imports_agencies_and_a_tariff_from_csv(qtbot, page_for, supervisor, demo_store, tmp_path):
    page = page_for(supervisor)
    agency_file = tmp_path / "agencies.csv"
    agency_file.write_text("code,name,appendix,province\nSTTTT,Sở Thông tin cũ,II,Đắk Lắk\n", encoding="utf-8")
    with qtbot.waitSignal(page.loaded, check_params_cb=lambda which: which == "agency"):
        page.import_agencies(agency_file)
    assert "STTTT" in [r["code"] for r in page.agency_model.rows]
    assert page.message.text() == "Đã nhập danh bạ: thêm 1, sửa 0, không đổi 0."
    bad = tmp_path / "bad.csv"
    bad.write_text("code,name,appendix,province\nx,,IV,\n", encoding="utf-8")
    page.import_agencies(bad)
    qtbot.waitUntil(lambda: "dòng lỗi" in page.message.text())
    from datetime import date

    from kt1desk.paths import resource
    with qtbot.waitSignal(page.loaded, check_params_cb=lambda which: which == "tariff"):
        page.import_tariff(resource("sample/tariff_sample.csv"), date(2027, 1, 1), "Bảng cước 2027")
    assert [t.name for t in tariff.list_tariffs(demo_store)][-1] == "Bảng cước 2027"
    assert page.tariff_model.rowCount() == 2


def test_an_admin_adds_and_disables_a_user(qtbot, page_for, admin, demo_store):
    page = page_for(admin)
    dialog = page.add_user()
    dialog.login.setText("gdv2")
    dialog.full_name.setText("Lê Thị Mai")
    dialog.password.setText("123")
    dialog.save()
    assert dialog.errors["password"].text() == "Mật khẩu phải có ít nhất 6 ký tự."
    dialog.password.setText("mat-khau-dai")
    with qtbot.waitSignal(page.loaded):
        dialog.save()
    assert users.get_user(demo_store, "gdv2").full_name == "Lê Thị Mai"
    row = next(i for i, r in enumerate(page.user_model.rows) if r["login"] == "gdv2")
    page.user_view.selectRow(page.user_proxy.mapFromSource(page.user_model.index(row, 0)).row())
    with qtbot.waitSignal(page.loaded):
        page.toggle_user()
    assert demo_store.scalar("SELECT active FROM users WHERE login = 'gdv2'") == 0
