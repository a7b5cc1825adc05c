"""One base dialog: it opens again where and as large as the clerk left it."""

from __future__ import annotations

from shell_support import own_preferences, session_for  # noqa: F401

from kt1desk.qt.base import app_settings
from kt1desk.qt.settings_dialog import SettingsDialog


def test_a_dialog_comes_back_at_the_size_it_was_left(qtbot, demo_store, clerk):
    first = SettingsDialog(session_for(demo_store, clerk))
    qtbot.addWidget(first)
    first.show()
    qtbot.waitExposed(first)
    first.resize(720, 400)
    first.reject()
    assert app_settings().contains("geometry/settings")
    again = SettingsDialog(session_for(demo_store, clerk))
    qtbot.addWidget(again)
    again.show()
    qtbot.waitExposed(again)
    assert (again.width(), again.height()) == (720, 400)


def test_preferences_go_to_the_file_named_by_kt1desk_settings(tmp_path, monkeypatch):
    monkeypatch.setenv("KT1DESK_SETTINGS", str(tmp_path / "elsewhere.ini"))
    assert app_settings().fileName() == str(tmp_path / "elsewhere.ini")
