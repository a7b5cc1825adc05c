"""First start: an empty database asks for the office, the counter and the admin — or makes demo data."""

from __future__ import annotations

import pytest
from shell_support import own_preferences  # noqa: F401 (autouse fixture)

from kt1desk.qt.setup_dialog import SetupDialog
from kt1desk.services import office, settings, users
from kt1desk.storage import Store


@pytest.fixture
def store(tmp_path, frozen_now):
    """A new, empty database."""
    made = Store(tmp_path / "new.sqlite3")
    yield made
    made.close()


@pytest.fixture
def dialog(qtbot, store):
    made = SetupDialog(store, demo_items=3)
    qtbot.addWidget(made)
    return made


def fill(dialog: SetupDialog, **values: str) -> None:
    defaults = dict(office_code="BDPY", office_name="Bưu điện tỉnh Phú Yên", province="Đắk Lắk",
                    postal_code="56000", admin_name="Lê Thị Mai", admin_password="matkhau1",
                    admin_password2="matkhau1")
    for name, value in (defaults | values).items():
        dialog.edits[name].setText(value)


def test_setup_on_an_empty_database_records_the_office_the_counter_and_the_admin(dialog, store):
    fill(dialog)
    dialog.create_button.click()
    assert dialog.first_day is not None and dialog.result() != SetupDialog.DialogCode.Accepted  # step 2 next
    dialog.first_day.finish_button.click()
    assert dialog.result() == SetupDialog.DialogCode.Accepted
    assert office.get_office(store)["code"] == "BDPY"
    assert office.get_office(store)["name"] == "Bưu điện tỉnh Phú Yên"
    assert office.get_counter(store)["code"] == "Q01"
    assert settings.get(store, "this_counter") == "Q01"
    admin = users.authenticate(store, "admin", "matkhau1")
    assert admin.role == "admin" and admin.full_name == "Lê Thị Mai"
    assert dialog.login == "admin" and not dialog.used_demo


def test_missing_office_fields_are_named_next_to_each_field_and_nothing_is_written(dialog, store):
    fill(dialog, office_code="", province="", postal_code="123")
    dialog.create_button.click()
    assert not office.is_initialised(store)
    assert dialog.errors["office_code"].text() == "Mã bưu cục: bắt buộc phải nhập."
    assert dialog.errors["province"].text() == "Tỉnh: bắt buộc phải nhập."
    assert "5 chữ số" in dialog.errors["postal_code"].text()
    assert dialog.result() != SetupDialog.DialogCode.Accepted


def test_a_password_typed_differently_twice_is_refused_before_anything_is_written(dialog, store):
    fill(dialog, admin_password2="matkhau2")
    dialog.create_button.click()
    assert not office.is_initialised(store)
    assert dialog.errors["admin_password2"].text() == "Hai lần nhập mật khẩu không giống nhau."


def test_a_serial_block_that_is_not_two_8_digit_numbers_is_refused(dialog, store):
    fill(dialog, serial_first="20000000", serial_last="1999")
    dialog.create_button.click()
    assert not office.is_initialised(store)
    assert "8 chữ số" in dialog.errors["serial_first"].text()


def test_demo_data_needs_a_password_first(dialog, store):
    dialog.demo_button.click()
    assert not office.is_initialised(store)
    assert "ít nhất 6 ký tự" in dialog.errors["admin_password"].text()


def test_demo_data_uses_the_typed_password_for_the_demo_accounts(qtbot, dialog, store):
    dialog.edits["admin_password"].setText("thudemo9")
    with qtbot.waitSignal(dialog.accepted, timeout=30_000):
        dialog.demo_button.click()
    assert dialog.used_demo and dialog.login == "gdv1"
    assert office.get_office(store)["code"] == "BDDLK"
    assert users.authenticate(store, "gdv1", "thudemo9").role == "clerk"


def test_an_error_wraps_at_the_width_of_its_field_and_is_shown_whole(qtbot, dialog, store):
    dialog.show()
    qtbot.waitExposed(dialog)
    fill(dialog, admin_name="", admin_password="abc", admin_password2="abc")
    dialog.create_button.click()
    qtbot.wait(50)
    for name in ("admin_name", "admin_password"):
        error, edit = dialog.errors[name], dialog.edits[name]
        assert error.isVisible() and error.text()
        assert error.width() >= edit.width() - 2  # not squeezed into a narrow column
        assert error.height() >= error.heightForWidth(error.width())  # every line of it shown
