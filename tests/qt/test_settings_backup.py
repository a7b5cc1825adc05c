"""Issue 12 in the window: where the data lives is shown, a backup made from the settings and at every
shift close, and after a restore the admin says where the serials stood."""

from __future__ import annotations

import json
from shell_support import open_window, own_preferences, session_for, settle_status  # noqa: F401 (fixtures)

from kt1desk.qt.settings_dialog import SettingsDialog
from kt1desk.services import intake, settings


def test_the_settings_show_the_database_and_make_a_checked_backup(qtbot, demo_store, supervisor, open_window,
                                                                  tmp_path):
    session = session_for(demo_store, supervisor)
    window = open_window(session)
    dialog = SettingsDialog(session, window)
    qtbot.addWidget(dialog)
    assert dialog.db_path.text() == demo_store.path
    assert "--db" in dialog.db_where.text()
    folder = tmp_path / "usb"
    folder.mkdir()
    dialog.backup_folder.setText(str(folder))
    dialog.backup_keep.setValue(3)
    dialog.backup_now()
    qtbot.waitUntil(lambda: dialog.backup_button.isEnabled(), timeout=20000)
    made = list(folder.glob("KT1-BDDLK-Q01-*.sqlite3"))
    assert len(made) == 1 and "Đã sao lưu" in dialog.backup_result.text()
    assert settings.get(demo_store, "backup_folder") == str(folder)  # saved for the next shift close
    assert settings.get(demo_store, "backup_keep") == 3


def test_a_backup_to_a_stick_that_is_not_there_says_so(qtbot, demo_store, supervisor, open_window, tmp_path):
    session = session_for(demo_store, supervisor)
    dialog = SettingsDialog(session, open_window(session))
    qtbot.addWidget(dialog)
    dialog.backup_folder.setText(str(tmp_path / "no-stick"))
    dialog.backup_now()
    qtbot.waitUntil(lambda: dialog.backup_button.isEnabled(), timeout=20000)
    assert "USB" in dialog.backup_result.text()


def test_a_clerk_may_back_up_but_not_choose_the_folder(qtbot, demo_store, clerk, open_window):
    session = session_for(demo_store, clerk)
    dialog = SettingsDialog(session, open_window(session))
    qtbot.addWidget(dialog)
    assert not dialog.backup_folder.isEnabled() and not dialog.backup_keep.isEnabled()
    assert dialog.backup_button.isEnabled()


def test_the_window_backs_up_at_shift_close(qtbot, demo_store, supervisor, open_window, tmp_path):
    folder = tmp_path / "share"
    folder.mkdir()
    settings.put(demo_store, supervisor, "backup_folder", str(folder))
    window = open_window(session_for(demo_store, supervisor))
    with demo_store.write(supervisor, "shift.close"):  # what issue 10's shifts.close commits
        pass
    qtbot.waitUntil(lambda: bool(list(folder.glob("KT1-*.sqlite3"))), timeout=20000)
    qtbot.waitUntil(lambda: "Đã sao lưu" in window.statusBar().currentMessage(), timeout=20000)


def test_after_a_restore_the_admin_gives_the_last_id_and_intake_goes_on(qtbot, demo_store, admin, clerk,
                                                                          open_window):
    from kt1desk.errors import Kt1Error

    with demo_store.write(admin, "restore") as tx:  # as a restore with no source of the serials leaves it
        tx.execute("INSERT INTO restores (restored_at, file, file_sha256, backup_as_of, serials_detail) "
                   "VALUES ('2026-11-25T09:00:00+07:00', 'x.sqlite3', 'x', '2026-11-24T17:00:00+07:00', ?)",
                   (json.dumps({}),))
    good = dict(sender="TUDLK", recipient="STC", kind="thu", weight_g=20)
    try:
        intake.intake(demo_store, clerk, **good)
        raise AssertionError("an id was issued before the serials were confirmed")
    except Kt1Error as err:
        assert err.code == "serials_unconfirmed"
    from kt1desk import s10

    block = demo_store.one("SELECT b.indicator, b.next FROM serial_blocks b JOIN counters c ON c.id = b.counter_id "
                           "WHERE c.code = 'Q01'")
    beyond = s10.make_id(block["indicator"], block["next"] + 40)  # the id on the latest receipt, say
    session = session_for(demo_store, admin)
    dialog = SettingsDialog(session, open_window(session))
    qtbot.addWidget(dialog)
    dialog.serials_edit.setText(beyond)
    dialog.confirm_serials()
    assert "Đã xác nhận" in dialog.backup_result.text()
    issued = intake.intake(demo_store, clerk, **good).item["id"]
    assert int(issued[2:10]) == int(beyond[2:10]) + 1
    assert demo_store.scalar("SELECT serials_source FROM restores") == "operator"
