"""Barcode scanner input, told apart from people by its speed, wherever the focus is.

A scanner "types" the id as key presses a few milliseconds apart and ends with
Enter. This application-wide event filter holds back printable key presses
for a moment (``max_gap_ms``): if the next one comes sooner, it keeps holding;
if Enter closes a fast run shaped like an S10 id, the run is a scan — handed to
``on_scan`` and never typed into the focused field. Otherwise the held keys are
replayed, in order, to the widget they were meant for. A person sees their
keys appear at most ``max_gap_ms`` later; any other key (Tab, arrows, a
shortcut) first replays what is held, so order is always kept.

A USB scanner in keyboard mode presses Shift around every capital letter, so
a press or release of a modifier key alone (Shift, Ctrl, Alt, AltGr, Meta) is
transparent: it neither ends nor starts a run, and goes on to the widget.

Because a run of printable keys may be a scan, no shortcut of the program may
be a single printable key.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

from .. import s10

ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
_PLAIN = (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ShiftModifier, Qt.KeyboardModifier.KeypadModifier)
MIN_SCAN_LENGTH = 13  # an S10 id: 2 letters, 9 digits, 2 letters
MODIFIER_KEYS = frozenset({
    Qt.Key.Key_Shift, Qt.Key.Key_Control, Qt.Key.Key_Alt, Qt.Key.Key_AltGr, Qt.Key.Key_Meta,
    Qt.Key.Key_Super_L, Qt.Key.Key_Super_R, Qt.Key.Key_Hyper_L, Qt.Key.Key_Hyper_R, Qt.Key.Key_Mode_switch,
})


class ScannerFilter(QObject):
    """Install with ``QApplication.instance().installEventFilter(filter)``.

    ``on_scan(item_id)`` receives the normalised id. ``enabled()`` says whether
    a scan may act now (False while the screen is locked: the scan is dropped,
    so an id never lands in the password field).
    """

    def __init__(self, on_scan: Callable[[str], None], *, enabled: Callable[[], bool] = lambda: True,
                 max_gap_ms: int = 50, parent: QObject | None = None):
        super().__init__(parent)
        self.on_scan = on_scan
        self.enabled = enabled
        self.max_gap_ms = max_gap_ms
        self._held: list[tuple[QWidget, int, Qt.KeyboardModifier, str]] = []
        self._last = 0.0
        self._replaying = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.flush)
        self.scans = 0  # how many scans were recognised (for the status bar and tests)

    # -- the filter ------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if self._replaying or not watched.isWidgetType():
            return False
        if event.type() == QEvent.Type.InputMethod:
            # Text from an input method (Vietnamese Telex/VNI through ibus, fcitx …): the held keys go first.
            if self._held:
                self.flush()
            return False
        if event.type() != QEvent.Type.KeyPress:
            return False
        key_event: QKeyEvent = event  # type: ignore[assignment]
        key = key_event.key()
        if key in MODIFIER_KEYS:
            return False  # a scanner's Shift before a capital: part of the run, not the end of it
        now = time.monotonic()
        gap_ms = (now - self._last) * 1000
        if self._held and gap_ms > self.max_gap_ms:
            self.flush()
        if key in ENTER_KEYS and self._held:
            text = "".join(k[3] for k in self._held)
            if len(self._held) >= MIN_SCAN_LENGTH and s10.looks_like_id(text):
                self._held.clear()
                self._timer.stop()
                self._last = 0.0
                if self.enabled():
                    self.scans += 1
                    # After this key event is done: the handler may change pages and focus.
                    QTimer.singleShot(0, lambda item_id=s10.normalise(text): self.on_scan(item_id))
                return True
            self.flush()
            return False
        if self._is_printable(key_event):
            self._held.append((watched, key, key_event.modifiers(), key_event.text()))
            self._last = now
            self._timer.start(self.max_gap_ms)
            return True
        if self._held:
            self.flush()
        return False

    @staticmethod
    def _is_printable(event: QKeyEvent) -> bool:
        text = event.text()
        if len(text) != 1 or not text.isprintable() or event.isAutoRepeat():
            return False
        modifiers = event.modifiers()
        for plain in _PLAIN:
            modifiers &= ~plain
        return modifiers == Qt.KeyboardModifier.NoModifier

    # -- giving keys back ------------------------------------------------
    def flush(self) -> None:
        """Type the held keys into the widgets they were meant for (a person typed them)."""
        self._timer.stop()
        held, self._held = self._held, []
        if not held:
            return
        self._replaying = True
        try:
            for widget, key, modifiers, text in held:
                if widget is None:
                    continue
                target = QApplication.focusWidget() if not _alive(widget) else widget
                if target is None:
                    continue
                QApplication.sendEvent(target, QKeyEvent(QEvent.Type.KeyPress, key, modifiers, text))
                QApplication.sendEvent(target, QKeyEvent(QEvent.Type.KeyRelease, key, modifiers, text))
        finally:
            self._replaying = False

    @property
    def holding(self) -> bool:
        return bool(self._held)


def _alive(widget: QWidget) -> bool:
    try:
        widget.objectName()
    except RuntimeError:  # deleted on the C++ side meanwhile
        return False
    return True
