"""What the shell tests share: preferences in a temporary file, a main window per test, key helpers."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QThreadPool, Qt
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QWidget

from kt1desk.qt.session import Session
from kt1desk.services import office


@pytest.fixture(autouse=True)
def own_preferences(tmp_path, monkeypatch):
    """Language and window places go to a file of this test, never to the user's profile."""
    monkeypatch.setenv("KT1DESK_SETTINGS", str(tmp_path / "kt1desk.ini"))
    yield
    from kt1desk.qt.app import install_language

    install_language("vi")


class Printed:
    """Stands in for the printer: keeps each PDF it is given."""

    def __init__(self):
        self.documents: list[tuple[str, bytes, str]] = []

    def __call__(self, parent, pdf: bytes, *, doc_type: str, title: str) -> bool:
        self.documents.append((doc_type, pdf, title))
        return True


def session_for(store, user, *, printer=None, lang="vi") -> Session:
    return Session(store=store, user=user, counter=office.get_counter(store), office=office.get_office(store),
                   lang=lang, print_pdf=printer or Printed())


# A loaded test machine (two cores shared by several test runs) may stall this process between two
# keys of a scan; the tests give the scanner filter more room than the program's 50 ms so that a
# scan here is never taken for typing. A person in these tests types slower still (type_slowly).
TEST_SCAN_GAP_MS = 250
PERSON_GAP_MS = TEST_SCAN_GAP_MS + 100


@pytest.fixture
def open_window(qtbot):
    """``open_window(session, idle_ms=...)``: the main window, shown; its filters are removed afterwards."""
    from kt1desk.qt.app import build_main_window, close_main_window

    made = []

    def make(session, **kwargs):
        window = build_main_window(session, **kwargs)
        if window.scanner is not None:
            window.scanner.max_gap_ms = TEST_SCAN_GAP_MS
        made.append(window)
        window.resize(1280, 760)
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
        settle_status(qtbot, window)
        return window

    yield make
    for window in made:
        close_main_window(window)
        window.deleteLater()
    QThreadPool.globalInstance().waitForDone(5000)  # no status query may outlive the test's database
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def settle_status(qtbot, window) -> None:
    """The status bar reads the calendar and the backlog off the GUI thread: wait for its answer."""
    qtbot.waitUntil(lambda: window.status_settled, timeout=5000)


def scan(qtbot, widget: QWidget, text: str, *, enter: bool = True) -> None:
    """What a USB scanner in keyboard mode sends: a key every 5–10 ms, Shift pressed around each capital, Enter.

    The keys go to the focused widget as key events (the scanner filter sees each press and release),
    with the event loop running in between, as with real hardware.
    """
    shift = Qt.KeyboardModifier.ShiftModifier
    for index, ch in enumerate(text):
        if ch.isupper():
            qtbot.keyPress(widget, Qt.Key.Key_Shift, shift)
            qtbot.keyClick(widget, ch, shift)
            qtbot.keyRelease(widget, Qt.Key.Key_Shift)
        else:
            qtbot.keyClick(widget, ch)
        qtbot.wait(5 + index % 6)
    if enter:
        qtbot.keyClick(widget, Qt.Key.Key_Return)


def type_slowly(qtbot, widget: QWidget, text: str, gap_ms: int = PERSON_GAP_MS) -> None:
    """What a person does: a key every ``gap_ms``."""
    for ch in text:
        qtbot.keyClick(widget, ch)
        qtbot.wait(gap_ms)


def focused() -> QWidget | None:
    return QApplication.focusWidget()


def texts_in(widget: QWidget) -> str:
    """Every label and line edit text visible inside ``widget`` (to see what a page shows)."""
    parts = [w.text() for w in widget.findChildren(QLabel) if w.isVisible()]
    parts += [w.text() for w in widget.findChildren(QLineEdit) if w.isVisible()]
    return "\n".join(parts)
