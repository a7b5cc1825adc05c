"""A real office's first day: setup without demo data leads to the directory and the tariff, and intake says
what is missing until both are there. Samples are marked MẪU wherever a fee priced by them shows."""

from __future__ import annotations

from datetime import timedelta

import pytest
from pages_support import PrintCollector, make_session, show  # noqa: F401 (fixtures)
from shell_support import own_preferences  # noqa: F401 (autouse fixture)

from kt1desk import clock
from kt1desk.paths import resource
from kt1desk.qt.intake_page import IntakePage
from kt1desk.qt.item_dialog import ItemDialog
from kt1desk.qt.lookup_page import LookupPage
from kt1desk.qt.setup_dialog import SetupDialog
from kt1desk.services import agencies, tariff, users
from kt1desk.storage import Store


@pytest.fixture
def store(tmp_path, frozen_now):
    made = Store(tmp_path / "new.sqlite3")
    yield made
    made.close()


@pytest.fixture
def first_day(qtbot, store):
    """Step 2 of a setup just done (no demo data): an office, a counter, its admin, nothing else."""
    dialog = SetupDialog(store, demo_items=3)
    qtbot.addWidget(dialog)
    for name, value in dict(office_code="BDPY", office_name="Bưu điện tỉnh Phú Yên", province="Đắk Lắk",
                            admin_name="Lê Thị Mai", admin_password="matkhau1",
                            admin_password2="matkhau1").items():
        dialog.edits[name].setText(value)
    dialog.create_button.click()
    return dialog


def test_after_setup_the_office_is_led_to_the_directory_and_the_tariff(first_day, store):
    panel = first_day.first_day
    assert first_day.windowTitle() == "KT1 Desk — Danh bạ và bảng cước"
    assert panel.agency_status.text() == "Danh bạ chưa có cơ quan nào."
    assert panel.tariff_status.text() == "Chưa có bảng cước nào."
    assert "Còn thiếu danh bạ cơ quan, bảng cước có hiệu lực hôm nay" in panel.note.text()
    assert panel.finish_button.text() == "Để sau, vào chương trình"
    # No tariff yet: it would apply from the earliest day a back-entry may reach, so those items are priced too.
    assert panel.tariff_date.date().toPython() == clock.now().date() - timedelta(days=60)


def test_the_samples_are_loaded_marked_and_the_office_goes_on(first_day, store):
    panel = first_day.first_day
    assert panel.use_sample_agencies()
    assert agencies.count_agencies(store) >= 40
    assert "danh bạ MẪU" in panel.agency_message.text()
    assert panel.use_sample_tariff()
    loaded = tariff.in_force(store, clock.now().date())
    assert loaded.is_sample and loaded.name == "Bảng cước MẪU (không chính thức)"
    assert "MẪU" in panel.tariff_status.text()
    assert panel.note.isHidden() and panel.finish_button.text() == "Xong, vào chương trình"
    journal = store.one("SELECT user_id FROM journal WHERE action = 'tariff.import'")
    assert journal["user_id"] == users.get_user(store, "admin").id  # done by the admin just made, not "system"
    panel.finish_button.click()
    assert first_day.result() == SetupDialog.DialogCode.Accepted


def test_a_bad_tariff_file_is_refused_with_its_lines_and_nothing_is_stored(first_day, store, tmp_path):
    bad = tmp_path / "cuoc.csv"
    bad.write_text("rule,max_weight_g,noi_tinh_vnd,lien_tinh_vnd\nband,20,tám nghìn,10000\n", encoding="utf-8")
    panel = first_day.first_day
    assert not panel.import_tariff(bad)
    assert "dòng 2" in panel.tariff_message.text()
    assert tariff.list_tariffs(store) == []


def test_the_shipped_sample_under_another_name_is_still_a_sample(first_day, store, tmp_path):
    copy = tmp_path / "bang_cuoc_chinh_thuc.csv"
    copy.write_bytes(resource("sample/tariff_sample.csv").read_bytes())
    assert first_day.first_day.import_tariff(copy)
    assert tariff.list_tariffs(store)[-1].is_sample


# -- intake on a first day --------------------------------------------------------------

@pytest.fixture
def bare(first_day, store):
    """The office after 'Để sau': directory loaded (the sample), no tariff."""
    first_day.first_day.use_sample_agencies()
    first_day.first_day.finish_button.click()
    return store


def _intake(qtbot, store, login, make_session):
    return show(qtbot, IntakePage(make_session(store, users.get_user(store, login), PrintCollector())))


def test_intake_says_why_there_is_no_fee_field_by_field_then_the_missing_tariff(qtbot, bare, make_session):
    page = _intake(qtbot, bare, "admin", make_session)
    assert page.setup_notice.isVisible()
    assert "Chưa có bảng cước có hiệu lực hôm nay" in page.setup_notice.text()
    assert page.labels["feeDetail"].text() == "Chưa tính được cước: cần nhập Cơ quan gửi, Cơ quan nhận, Khối lượng."
    page.sender_edit.setText("TUDLK")
    page.recipient_edit.setText("VPCP")
    page.weight_edit.setText("mười")
    assert page.labels["feeDetail"].text().startswith("Chưa tính được cước: Khối lượng phải là một số")
    page.weight_edit.setText("250")
    assert page.fee_text() == "—"
    assert page.labels["feeDetail"].text() == ("Chưa có bảng cước có hiệu lực vào ngày 25/11/2026. "
                                               "Nạp bảng cước ở mục Danh bạ › Bảng cước.")
    # The tariff is loaded meanwhile (another window, the directory page): the fee appears, the notice goes.
    tariff.import_sample(bare, users.get_user(bare, "admin"))
    qtbot.waitUntil(lambda: page.fee_text() != "—", timeout=3000)
    assert not page.setup_notice.isVisible()
    assert page.labels["feeSample"].isVisible() and page.labels["feeSample"].text() == "MẪU"


def test_a_fee_priced_by_the_sample_says_mau_on_screen_and_on_the_receipt(qtbot, bare, make_session):
    admin = users.get_user(bare, "admin")
    users.create_user(bare, admin, login="gdv", full_name="Giao dịch viên", role="clerk", password="matkhau1")
    tariff.import_sample(bare, admin)
    page = _intake(qtbot, bare, "gdv", make_session)
    page.sender_edit.setText("TUDLK")
    page.recipient_edit.setText("VPCP")
    page.weight_edit.setText("250")
    item_id = page.save()
    assert item_id and "(bảng cước MẪU)" in page.labels["lastInfo"].text()
    session = page.session
    dialog = ItemDialog(session, item_id)
    qtbot.addWidget(dialog)
    assert dialog.field("Cước").endswith("theo bảng cước MẪU, không chính thức")
    lookup = LookupPage(session)
    with qtbot.waitSignal(lookup.results_shown):
        show(qtbot, lookup)
    fee_column = next(c for c, col in enumerate(lookup.model.columns) if col.header == "Cước")
    assert lookup.proxy.index(0, fee_column).data().endswith(" MẪU")
    from kt1desk.printing import receipt_pdf
    import io
    import pdfplumber

    with pdfplumber.open(io.BytesIO(receipt_pdf(bare, item_id))) as pdf:
        text = " ".join(pdf.pages[0].extract_text().split())
    assert "Tổng cộng 24.200 đ Tính theo bảng cước MẪU, không phải bảng cước chính thức." in text  # 22.000 + VAT 10%


def test_a_clerk_is_told_to_ask_a_supervisor(qtbot, bare, make_session):
    admin = users.get_user(bare, "admin")
    users.create_user(bare, admin, login="gdv", full_name="Giao dịch viên", role="clerk", password="matkhau1")
    page = _intake(qtbot, bare, "gdv", make_session)
    assert "Nhờ kiểm soát viên nạp" in page.setup_notice.text()
