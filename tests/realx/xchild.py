"""The window on a real X server, driven by xdotool: one scenario per run, one JSON line of what was seen.

    DISPLAY=:N QT_QPA_PLATFORM=xcb python tests/realx/xchild.py SCENARIO [ARGS]

Run by ``xserver.XServer.run``; every scenario prints ``RESULT {...}`` and exits 0,
or raises (exit 1, the traceback for the test's failure message). The database is
a small demo database in a temporary folder; the preferences file too.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
WORK = Path(tempfile.mkdtemp(prefix="kt1-realx-"))
os.environ["KT1DESK_SETTINGS"] = str(WORK / "kt1desk.ini")
PASSWORD = "kt1-realx-pass"

from PySide6.QtCore import QRect  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from kt1desk.qt.app import application, build_main_window, close_main_window, install_language  # noqa: E402
from kt1desk.qt.session import Session  # noqa: E402
from kt1desk.services import office, users  # noqa: E402
from kt1desk.storage import Store  # noqa: E402


# -- helpers ------------------------------------------------------------------------------

def pump(ms: float) -> None:
    """Run the event loop for ``ms`` milliseconds."""
    end = time.perf_counter() + ms / 1000
    while time.perf_counter() < end:
        QApplication.processEvents()
        time.sleep(0.002)


def wait_until(predicate, timeout_s: float = 5.0, what: str = "") -> None:
    end = time.perf_counter() + timeout_s
    while not predicate():
        if time.perf_counter() > end:
            raise AssertionError(f"timed out waiting for {what or predicate}")
        pump(10)


def xdotool(*args: str) -> None:
    """Run xdotool while the event loop keeps running (the window must see each key as it comes)."""
    proc = subprocess.Popen(["xdotool", *args])
    while proc.poll() is None:
        pump(3)
    if proc.returncode:
        raise RuntimeError(f"xdotool {' '.join(args)} exited {proc.returncode}")


def focus_window(widget: QWidget) -> None:
    widget.activateWindow()
    widget.raise_()
    xdotool("windowfocus", "--sync", str(int(widget.winId())))
    wait_until(lambda: QApplication.activeWindow() is widget, what="the window to be active")


def demo_store() -> Store:
    from kt1desk.demo import create_demo

    store = Store(WORK / "kt1.sqlite3")
    create_demo(store, password=PASSWORD, items=8)
    return store


def main_window(store: Store, login: str, lang: str = "vi"):
    """The main window as ``kt1desk`` shows it after login (placed on the screen the same way)."""
    install_language(lang)
    user = users.authenticate(store, login, PASSWORD)
    session = Session(store=store, user=user, counter=office.get_counter(store), office=office.get_office(store),
                      lang=lang, print_pdf=lambda *_a, **_k: True)
    window = build_main_window(session)
    # A test machine under load may hold xdotool itself back for a while between two keys of a scan;
    # like the offscreen tests (TEST_SCAN_GAP_MS) the filter gets more room than the program's 50 ms.
    window.scanner.max_gap_ms = 150
    window.show()
    wait_until(lambda: window.isVisible() and window.windowHandle() is not None and window.windowHandle().isExposed(),
               what="the main window to be exposed")
    pump(100)
    focus_window(window)
    return window


def rect_of(widget: QWidget) -> list[int]:
    top_left = widget.mapToGlobal(widget.rect().topLeft())
    return [top_left.x(), top_left.y(), widget.width(), widget.height()]


def fully_shown(widget: QWidget, screen: QRect) -> bool:
    """On screen and not cut by any parent (its whole rectangle is visible)."""
    x, y, w, h = rect_of(widget)
    inside = screen.contains(QRect(x, y, w, h))
    return widget.isVisible() and inside and widget.visibleRegion().boundingRect() == widget.rect()


# -- scenarios ------------------------------------------------------------------------------

def scenario_scan() -> dict:
    """A scanner (xdotool type --delay 8, Shift presses included, then Return) into the sender field."""
    store = demo_store()
    window = main_window(store, "gdv1")
    intake = window.pages["intake"]
    intake.sender_edit.setFocus()
    pump(50)
    item_id = store.scalar("SELECT id FROM items ORDER BY rowid DESC LIMIT 1")
    xdotool("type", "--delay", "8", item_id)
    xdotool("key", "Return")

    def dialog():
        lookup = window.pages.get("lookup")
        found = getattr(lookup, "last_dialog", None) if lookup is not None else None
        return found if found is not None and found.isVisible() else None

    wait_until(lambda: dialog() is not None, what="the item window")
    pump(200)  # anything still held by the scanner filter would be typed by now
    result = {"item_id": item_id, "opened": dialog().item_id, "sender_text": intake.sender_edit.text(),
              "recipient_text": intake.recipient_edit.text(), "scans": window.scanner.scans,
              "page": window.current_page_key()}
    close_main_window(window)
    return result


def scenario_fit(lang: str = "vi") -> dict:
    """The main window on this screen: inside it, and every page usable without scrolling sideways."""
    store = demo_store()
    window = main_window(store, "giamsat", lang)  # a supervisor sees the most: back-entry row, every button
    screen = window.screen().availableGeometry()
    pump(300)
    result = {"screen": [screen.width(), screen.height()], "window": rect_of(window), "pages": {}}
    result["window_inside"] = screen.contains(window.frameGeometry())
    for key in window.nav_buttons:
        page = window.show_page(key)
        pump(300)
        scroll = window.page_scroll
        result["pages"][key] = {"sideways_scroll": scroll.horizontalScrollBar().isVisible(),
                                "min_width": page.minimumSizeHint().width(), "room": scroll.viewport().width()}
    intake = window.show_page("intake")
    pump(200)
    watched = {"fee": intake.labels["feeValue"], "fee_panel": intake.form.findChild(QWidget, "summaryFrame"),
               "save": intake.save_button, "sender": intake.sender_edit, "status_bar": window.statusBar(),
               "lock": window.lock_button, "status_office": window.status_office}
    result["shown"] = {name: fully_shown(widget, screen) for name, widget in watched.items()}
    close_main_window(window)
    return result


def scenario_dates() -> dict:
    """Dates typed as people write them, slashes and all, into date fields (a key every 60 ms)."""
    store = demo_store()
    window = main_window(store, "giamsat")
    lookup = window.show_page("lookup")
    lookup.date_check.setChecked(True)
    seen = {}
    for name, edit, typed in (("from", lookup.date_from, "29/11/2026"), ("to", lookup.date_to, "1/12/2026")):
        edit.setFocus()
        pump(50)
        xdotool("type", "--delay", "60", typed)
        xdotool("key", "Tab")
        pump(100)
        seen[name] = edit.date().toString("dd/MM/yyyy")
    intake = window.show_page("intake")
    intake.hen_gio_check.setChecked(True)
    intake.hen_gio_edit.setFocus()
    pump(50)
    xdotool("type", "--delay", "60", "30/11/2026 14:05")
    pump(400)  # past the scanner filter's hold: the last keys are typed by now
    seen["hen_gio"] = intake.hen_gio_edit.dateTime().toString("dd/MM/yyyy HH:mm")
    close_main_window(window)
    return seen


def scenario_typing() -> dict:
    """A person at the keyboard: Tab takes the highlighted agency; the add-agency dialog gets the typing."""
    store = demo_store()
    window = main_window(store, "giamsat")
    intake = window.show_page("intake")
    intake.sender_edit.setFocus()
    pump(50)
    xdotool("type", "--delay", "90", "so")  # slower than a scanner: typed, with suggestions
    wait_until(lambda: intake.sender_completer.is_open(), what="the suggestions")
    suggestions = intake.sender_completer.suggestions()
    xdotool("key", "--delay", "60", "Down", "Tab")
    pump(150)
    seen = {"suggestions": suggestions, "sender": intake.sender_edit.text(),
            "focus_on_recipient": QApplication.focusWidget() is intake.recipient_edit}
    directory = window.show_page("directory")
    dialog = directory.edit_agency()
    wait_until(lambda: dialog.isVisible() and QApplication.activeWindow() is dialog, what="the agency dialog")
    xdotool("type", "--delay", "60", "SGD ")
    pump(400)
    seen.update(dialog_open=dialog.isVisible(), code_text=dialog.edits["code"].text())
    dialog.reject()
    close_main_window(window)
    return seen


SCENARIOS = {name[len("scenario_"):]: fn for name, fn in globals().items() if name.startswith("scenario_")}


def main() -> int:
    application()
    result = SCENARIOS[sys.argv[1]](*sys.argv[2:])
    print("RESULT " + json.dumps(result, ensure_ascii=False), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
