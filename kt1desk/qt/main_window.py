"""The counter's main window: one home per job on the left, the job's page on the right, who/where below.

The pages come from the pages modules; while one is missing the window still
opens with a placeholder in its place. Jobs of later issues are shown, switched
off, as "sắp có" so the clerk sees where they will be.
"""

from __future__ import annotations

import importlib
import logging
import sqlite3
from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (QButtonGroup, QFrame, QHBoxLayout, QLabel, QMainWindow, QMessageBox, QPushButton,
                               QSizePolicy, QStackedWidget, QStatusBar, QVBoxLayout, QWidget)

from .. import clock
from ..errors import Kt1Error
from ..services import settings, sync_status
from ..services.calendar import calendar
from ..services.users import ROLE_NAMES
from .base import fit_to_screen, restore_geometry, save_geometry
from .pagekit import MUTED_STYLE, scaled_font, scrolled
from .session import Session
from .tasks import run_task

log = logging.getLogger(__name__)

# (key, module, class): the pages, in the order of the navigation.
PAGES = (
    ("intake", "kt1desk.qt.intake_page", "IntakePage"),
    ("lookup", "kt1desk.qt.lookup_page", "LookupPage"),
    ("directory", "kt1desk.qt.directory_page", "DirectoryPage"),
    ("manifests", "kt1desk.qt.manifest_page", "ManifestPage"),
    ("sync", "kt1desk.qt.sync_page", "SyncPage"),
    ("shift", "kt1desk.qt.shift_page", "ShiftPage"),
    ("bags", "kt1desk.qt.bags_page", "BagsPage"),
    ("delivery", "kt1desk.qt.delivery_page", "DeliveryPage"),
    ("complaints", "kt1desk.qt.complaints_page", "ComplaintsPage"),
    ("reports", "kt1desk.qt.reports_page", "ReportsPage"),  # the tenth: Ctrl+0
)
SUPERVISOR_PAGES = {"reports"}  # a clerk finds there a note saying who uses them
LATER_JOBS: tuple[str, ...] = ()  # jobs of later issues, shown switched off under "Sắp có"
STATUS_REFRESH_MS = 60_000  # the clock moves into "ngoài giờ" without anything being saved
STATUS_ENTITIES = {"setting", "calendar_swap"}  # what decides "ngày lễ" and "ngoài giờ"


class PlaceholderPage(QWidget):
    """Stands in for a page whose module is not there yet."""

    def __init__(self, title: Callable[[], str], parent: QWidget | None = None):
        super().__init__(parent)
        self._title = title
        layout = QVBoxLayout(self)
        self.label = QLabel()
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setStyleSheet(MUTED_STYLE)
        layout.addWidget(self.label)
        self._retranslate()

    def _retranslate(self) -> None:
        self.label.setText(self._title() + "\n\n" + self.tr("Trang này chưa có trong bản này."))

    def changeEvent(self, event) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def page_title(self) -> str:
        return self._title()

    def focus_first(self) -> None:
        self.setFocus()


def _digit(index: int) -> str:
    """The digit of the page's shortcut: Ctrl+1 … Ctrl+9, then Ctrl+0 for the tenth."""
    return str((index + 1) % 10)


def _day_status(store) -> tuple[str | None, bool]:
    """Holiday name (or None) and whether it is after hours — for the status bar."""
    now = clock.now()
    cal = calendar(store, now.date())
    holiday = cal.holiday_name(now.date()) if cal.is_public_holiday(now.date()) else None
    after_hours = cal.is_after_hours(now, settings.get(store, "day_start", now.date()))
    return holiday, after_hours


class _Pages(dict):
    """The pages made so far, by key; asking for one not made yet makes it."""

    def __init__(self, make: Callable[[str], QWidget]):
        super().__init__()
        self._make = make

    def __missing__(self, key: str) -> QWidget:
        page = self[key] = self._make(key)
        return page


def _load_page(module: str, cls: str):
    try:
        return getattr(importlib.import_module(module), cls)
    except (ImportError, AttributeError):
        # A page missing from an installation is a packaging fault: said in the log, and `selftest` fails on it.
        log.exception("page %s.%s could not be loaded", module, cls)
        return None


class MainWindow(QMainWindow):
    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.setObjectName("main_window")
        self.idle_lock = None  # set by app.build_main_window
        self.scanner = None
        self.ask_before_close = True  # False once the program is ending anyway (close_main_window)
        # A page is made the first time it is shown: start-up builds only the intake form.
        self.pages = _Pages(self._make_page)
        self._pages_lang = session.lang  # the language the pages were made in
        self.stack = QStackedWidget()
        self.nav_group = QButtonGroup(self)
        self.nav_group.setExclusive(True)
        self.nav_buttons: dict[str, QPushButton] = {}
        self.later_buttons: dict[str, QPushButton] = {}

        nav = QFrame()
        nav.setObjectName("nav")
        nav.setStyleSheet("QFrame#nav { background: #eef1f4; border-right: 1px solid #d0d4d9; }"
                          "QFrame#nav QPushButton { text-align: left; padding: 9px 14px; border: none;"
                          " border-radius: 4px; }"
                          "QFrame#nav QPushButton:checked { background: #1f5f99; color: white; }"
                          "QFrame#nav QPushButton:hover:!checked:enabled { background: #dde3ea; }"
                          "QFrame#nav QPushButton:focus { outline: none; border: 2px solid #e0a100; }"
                          "QFrame#nav QPushButton:disabled { color: #8a9099; }")
        nav.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Preferred)  # as wide as its words
        nav.setMinimumWidth(150)
        nav_layout = QVBoxLayout(nav)
        nav_layout.setContentsMargins(8, 12, 8, 12)
        nav_layout.setSpacing(2)
        self.brand = QLabel("KT1 Desk")
        self.brand.setFont(scaled_font(self.brand, 1.35, bold=True))
        self.brand.setContentsMargins(14, 0, 0, 10)
        nav_layout.addWidget(self.brand)

        for index, (key, _module, _cls) in enumerate(PAGES):
            button = QPushButton()
            button.setCheckable(True)
            button.setFont(scaled_font(button, 1.1))
            button.clicked.connect(lambda _=False, k=key: self.show_page(k))
            self.nav_group.addButton(button, index)
            self.nav_buttons[key] = button
            nav_layout.addWidget(button)

        self.later_heading = QLabel()
        self.later_heading.setContentsMargins(14, 14, 0, 4)
        self.later_heading.setStyleSheet(MUTED_STYLE)
        self.later_heading.setVisible(bool(LATER_JOBS))
        nav_layout.addWidget(self.later_heading)
        for key in LATER_JOBS:
            button = QPushButton()
            button.setEnabled(False)
            self.later_buttons[key] = button
            nav_layout.addWidget(button)
        nav_layout.addStretch(1)
        self.settings_button = QPushButton()
        self.settings_button.clicked.connect(self.open_settings)
        nav_layout.addWidget(self.settings_button)
        self.lock_button = QPushButton()
        self.lock_button.clicked.connect(self.lock_now)
        nav_layout.addWidget(self.lock_button)

        central = QWidget()
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(nav)
        # On a screen too small for a page, the page scrolls instead of being cut off.
        self.page_scroll = scrolled(self.stack)
        self.page_scroll.setObjectName("page_scroll")
        row.addWidget(self.page_scroll, 1)
        self.setCentralWidget(central)

        self.status_user = QLabel()
        self.status_counter = QLabel()
        self.status_office = QLabel()
        self.status_day = QLabel()
        self.status_day.setStyleSheet("color: #8a5300; font-weight: bold;")
        self.status_unsynced = QLabel()
        bar = QStatusBar()
        for widget in (self.status_user, self.status_counter, self.status_office, self.status_day,
                       self.status_unsynced):
            widget.setContentsMargins(6, 0, 6, 0)
            bar.addPermanentWidget(widget)
        self.setStatusBar(bar)

        # Shortcuts are never a single printable key: a scanner types those.
        self.shortcuts: list[QShortcut] = []
        for index, (key, _m, _c) in enumerate(PAGES):
            self._shortcut(f"Ctrl+{_digit(index)}", lambda k=key: self.show_page(k))
        self._shortcut("Ctrl+L", self.lock_now)
        self._shortcut("Ctrl+,", self.open_settings)

        self._status_generation = 0
        self.status_settled = False  # True once the day is shown (tests wait for it)
        if session.events is not None:
            session.events.changed.connect(self._on_changed)
        self._clock = QTimer(self)
        self._clock.setInterval(STATUS_REFRESH_MS)
        self._clock.timeout.connect(self.refresh_status)
        self._clock.start()

        self.retranslate()  # sets every text, the status bar's too
        self.resize(1280, 760)
        if not restore_geometry(self, "main_window"):
            fit_to_screen(self)
        self.show_page("intake")

    # -- texts -----------------------------------------------------------
    def _page_name(self, key: str) -> str:
        return {"intake": self.tr("Nhận gửi"), "lookup": self.tr("Tra cứu"), "directory": self.tr("Danh bạ"),
                "manifests": self.tr("Bảng kê"), "sync": self.tr("Đồng bộ"),
                "shift": self.tr("Ca làm việc"), "bags": self.tr("Túi thư"), "delivery": self.tr("Phát"),
                "complaints": self.tr("Khiếu nại"), "reports": self.tr("Báo cáo")}[key]

    def _later_name(self, key: str) -> str:
        return self._page_name(key)

    def _make_page(self, key: str) -> QWidget:
        module, cls = next((m, c) for k, m, c in PAGES if k == key)
        page_class = _load_page(module, cls)
        page = page_class(self.session, self) if page_class else PlaceholderPage(lambda: self._page_name(key), self)
        self.stack.addWidget(page)
        if hasattr(page, "item_saved"):
            page.item_saved.connect(self._on_item_saved)
        if hasattr(page, "open_page"):
            page.open_page.connect(self.open_page)
        return page

    def retranslate(self) -> None:
        for index, (key, _m, _c) in enumerate(PAGES):
            title = self._page_name(key)
            self.nav_buttons[key].setText(title)
            tip = self.tr("%1 (phím tắt Ctrl+%2)").replace("%1", title).replace("%2", _digit(index))
            if key in SUPERVISOR_PAGES and not self.session.can_supervise:
                tip += " — " + self.tr("chỉ dành cho kiểm soát viên")
            self.nav_buttons[key].setToolTip(tip)
        self.later_heading.setText(self.tr("Sắp có"))
        for key, button in self.later_buttons.items():
            button.setText(self._later_name(key))  # under the heading "Sắp có"
            button.setToolTip(self.tr("%1 — sắp có").replace("%1", self._later_name(key)))
        self.settings_button.setText(self.tr("Cài đặt…"))
        self.settings_button.setToolTip(self.tr("Ngôn ngữ, thời gian tự khóa (Ctrl+,)"))
        self.lock_button.setText(self.tr("Khóa màn hình"))
        self.lock_button.setToolTip(self.tr("Khóa ngay (Ctrl+L)"))
        self._update_title()
        self.refresh_status()

    def changeEvent(self, event) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            if self._pages_lang != self.session.lang:
                self.rebuild_pages()  # lists, numbers and messages of the pages follow too, at once
        super().changeEvent(event)

    def _update_title(self) -> None:
        page = self.stack.currentWidget()
        title = page.page_title() if page is not None and hasattr(page, "page_title") else ""
        office = self.session.office
        self.setWindowTitle(f"KT1 Desk — {title} — {office['name']}" if title else f"KT1 Desk — {office['name']}")

    # -- pages -----------------------------------------------------------
    def current_page_key(self) -> str:
        page = self.stack.currentWidget()
        return next(key for key, p in self.pages.items() if p is page)

    def show_page(self, key: str) -> QWidget:
        if self.locked:
            return self.stack.currentWidget()
        page = self.pages[key]
        self.stack.setCurrentWidget(page)
        self.nav_buttons[key].setChecked(True)
        self._update_title()
        if hasattr(page, "focus_first"):
            page.focus_first()
        return page

    def open_page(self, key: str, tab: str = "") -> QWidget:
        """Show a page, and one of its tabs when it has them (``show_tab``)."""
        page = self.show_page(key)
        if tab and callable(getattr(page, "show_tab", None)):
            page.show_tab(tab)
        return page

    def rebuild_pages(self, *, keep_input: bool = True) -> None:
        """Make the pages again for the session as it is now (its language, its user).

        The page on screen comes back at once with what was typed into it: a page that
        holds input offers ``carry()`` and takes it back with ``take_carry(state)``.
        The other pages are made when next shown.
        """
        current = self.current_page_key()
        carried = {key: page.carry() for key, page in self.pages.items()
                   if keep_input and callable(getattr(page, "carry", None))}
        for page in list(self.pages.values()):
            self.stack.removeWidget(page)
            page.deleteLater()
        self.pages.clear()
        self._pages_lang = self.session.lang
        if self.idle_lock is not None:
            self.idle_lock.forget_overlay()  # its texts too
        for key, state in carried.items():
            self.pages[key].take_carry(state)
        self.show_page(current)

    def open_item(self, item_id: str) -> bool:
        """Show that item in the lookup page. False (and a message) when there is no lookup page."""
        lookup = self.pages["lookup"]
        if lookup is None or not hasattr(lookup, "open_item"):
            self.statusBar().showMessage(self.tr("Chưa có trang tra cứu để mở %1.").replace("%1", item_id), 8000)
            return False
        try:
            self.show_page("lookup")
            lookup.open_item(item_id)
        except Kt1Error as err:
            if err.code == "item_not_found" and self._open_inbound(item_id):
                return True
            self.statusBar().showMessage(err.text(self.session.lang), 10000)
            return False
        return True

    def _open_inbound(self, item_id: str) -> bool:
        """An item accepted at another office (imported with its dispatch) opens on the Phát page."""
        from ..life import inbound

        if "delivery" not in self.nav_buttons or not inbound.is_inbound(self.session.store, item_id):
            return False
        delivery = self.show_page("delivery")
        return bool(getattr(delivery, "accept_scan", lambda _i: False)(item_id))

    def handle_scan(self, item_id: str) -> None:
        """A scanned id: the page on screen may take it (bags, delivery later), else the item opens."""
        page = self.stack.currentWidget()
        taker = getattr(page, "accept_scan", None)
        if callable(taker) and taker(item_id):
            return
        self.open_item(item_id)

    def _on_item_saved(self, item_id: str) -> None:
        self.statusBar().showMessage(self.tr("Đã nhận %1.").replace("%1", item_id), 10000)

    # -- lock and settings -------------------------------------------------
    @property
    def locked(self) -> bool:
        return self.idle_lock is not None and self.idle_lock.locked

    def lock_now(self) -> None:
        if self.idle_lock is not None:
            self.idle_lock.lock()

    def set_locked(self, locked: bool) -> None:
        for shortcut in self.shortcuts:
            shortcut.setEnabled(not locked)

    def change_user(self, user) -> None:
        """Another clerk took the counter over at the lock: from now on everything is in their name.

        The pages are made again for their role; what the previous clerk had half typed is dropped.
        """
        self.session.user = user
        self.rebuild_pages(keep_input=False)
        self.retranslate()  # the status bar, and the tooltips that depend on the role
        self.statusBar().showMessage(self.tr("%1 đã nhận quầy.").replace("%1", user.full_name), 10000)

    def open_settings(self) -> None:
        if self.locked:
            return
        from .settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.session, self)
        if dialog.exec() and dialog.idle_changed and self.idle_lock is not None:
            self.idle_lock.set_interval_ms(None)

    def _shortcut(self, keys: str, slot) -> None:
        shortcut = QShortcut(QKeySequence(keys), self)
        shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        shortcut.activated.connect(slot)
        self.shortcuts.append(shortcut)

    # -- status bar --------------------------------------------------------
    def _on_changed(self, action: str, entities) -> None:
        if entities & STATUS_ENTITIES:
            self.refresh_status()
        else:
            # Every commit that changes a record adds to the change log, and a receipt lowers the count.
            self.show_unsynced()

    def show_unsynced(self) -> None:
        """Change-log entries the province has not confirmed (two indexed reads: cheap enough for every commit)."""
        try:
            count = sync_status.unsynced_count(self.session.store)
        except (Kt1Error, sqlite3.Error) as err:  # e.g. the database closed under a window being torn down
            log.warning("status bar: %s", err)
            return
        self.status_unsynced.setText(self.tr("Chưa đồng bộ: %1 bản ghi").replace("%1", f"{count:,}".replace(",", ".")))

    def refresh_status(self) -> None:
        self.status_settled = False
        session = self.session
        lang = session.lang
        user = session.user
        role = ROLE_NAMES.get(user.role, {}).get(lang, user.role)
        self.status_user.setText(f"{user.full_name} ({role})")
        counter = session.counter
        if counter["name"] in ("", counter["code"]):
            self.status_counter.setText(self.tr("Quầy %1").replace("%1", counter["code"]))
        else:
            self.status_counter.setText(f"{counter['name']} ({counter['code']})")
        self.status_office.setText(f"{session.office['code']} · {session.office['name']}")
        self.show_unsynced()
        # The calendar (the holidays package) is read off the GUI thread.
        self._status_generation += 1
        generation = self._status_generation
        store = session.store
        run_task(self, lambda: _day_status(store), on_error=lambda err: log.warning("status bar: %s", err),
                 on_done=lambda result: self._show_day(generation, *result))

    def _show_day(self, generation: int, holiday: str | None, after_hours: bool) -> None:
        if generation != self._status_generation:
            return  # a newer refresh is on its way
        try:
            if holiday:
                day_text = self.tr("Ngày lễ: %1").replace("%1", holiday)
            elif after_hours:
                day_text = self.tr("Ngoài giờ hành chính")
            else:
                day_text = ""
            self.status_day.setText(day_text)
            self.status_day.setVisible(bool(day_text))
        except RuntimeError:  # the window went away meanwhile
            return
        self.status_settled = True

    # -- closing ------------------------------------------------------------
    def unsaved_pages(self) -> list[str]:
        """Titles of the pages that hold typed input not yet saved (a page says so with ``has_unsaved_input()``)."""
        return [page.page_title() for page in self.pages.values()
                if callable(getattr(page, "has_unsaved_input", None)) and page.has_unsaved_input()]

    def confirm_close(self, titles: list[str]) -> bool:
        """Asked before closing over unsaved input; tests replace it."""
        answer = QMessageBox.question(
            self, "KT1 Desk",
            self.tr("Có thông tin đang nhập dở chưa lưu (%1). Vẫn thoát chương trình?").replace("%1", ", ".join(titles)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def closeEvent(self, event) -> None:  # noqa: N802
        titles = self.unsaved_pages() if self.ask_before_close else []
        if titles and not self.locked and not self.confirm_close(titles):
            event.ignore()
            return
        save_geometry(self, "main_window")
        super().closeEvent(event)
