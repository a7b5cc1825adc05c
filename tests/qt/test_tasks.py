"""Work run off the GUI thread must not call back into a page that has been closed meanwhile."""

import threading

import shiboken6
from PySide6.QtWidgets import QWidget

from kt1desk.qt.tasks import run_task


def test_a_result_arriving_after_its_page_is_deleted_is_dropped(qtbot):
    page = QWidget()
    release = threading.Event()
    calls = []
    run_task(page, lambda: release.wait(5) and "rows", on_done=calls.append, on_error=calls.append)
    page.deleteLater()
    qtbot.waitUntil(lambda: not shiboken6.isValid(page))
    release.set()
    qtbot.wait(200)
    assert calls == []


def test_a_result_reaches_a_living_page(qtbot):
    page = QWidget()
    calls = []
    run_task(page, lambda: "rows", on_done=calls.append, on_error=calls.append)
    qtbot.waitUntil(lambda: calls == ["rows"])
