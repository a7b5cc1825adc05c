"""Idle lock: after the office's idle time the window is covered and asks for the password again.

The lock is a panel laid over the whole main window — not a new window and
not a logout: the pages underneath stay alive, so a half-filled intake form is
exactly as it was once the clerk types the password again. While locked, key
and mouse input meant for anything but the panel is swallowed.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QApplication, QDialog, QFrame, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from ..errors import Kt1Error
from ..services import settings, users
from .login import RetryWait
from .pagekit import child, load_form, scaled_font, set_message
from .session import Session

_INPUT_EVENTS = {
    QEvent.Type.KeyPress, QEvent.Type.KeyRelease, QEvent.Type.ShortcutOverride, QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseButtonRelease, QEvent.Type.MouseButtonDblClick, QEvent.Type.Wheel,
}
_ACTIVITY_EVENTS = _INPUT_EVENTS | {QEvent.Type.MouseMove}
_TRANSIENT = (Qt.WindowType.ToolTip, Qt.WindowType.SplashScreen)


class LockOverlay(QWidget):
    """The veil over the main window with the password panel in its middle.

    The clerk who locked types their password (``unlocked``); or another clerk takes the
    counter over with their own login and password (``handed_over(User)``).
    """

    unlocked = Signal()
    handed_over = Signal(object)

    def __init__(self, session: Session, host: QWidget):
        super().__init__(host)
        self.session = session
        self.setObjectName("lock_overlay")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, False)
        self.panel = QFrame(self)
        self.panel.setObjectName("lock_panel")
        self.panel.setFrameShape(QFrame.Shape.StyledPanel)
        self.panel.setStyleSheet("QFrame#lock_panel { background: palette(window); border: 1px solid #9aa0a6;"
                                 " border-radius: 6px; }")
        self.form = load_form("lock_panel.ui", self.panel)
        self.panel.layout().setContentsMargins(24, 20, 24, 20)
        self.password = child(self.form, QLineEdit, "password")
        self.login = child(self.form, QLineEdit, "login")
        self.login_label = child(self.form, QLabel, "login_label")
        self.message = child(self.form, QLabel, "message")
        self.unlock_button = child(self.form, QPushButton, "unlock_button")
        self.switch_button = child(self.form, QPushButton, "switch_button")
        self.heading = child(self.form, QLabel, "heading")
        self.heading.setFont(scaled_font(self.heading, 1.4, bold=True))
        self.who = child(self.form, QLabel, "who")
        self.explain = child(self.form, QLabel, "explain")
        self.handing_over = False
        self.has_unsaved_input = lambda: False  # the window says whether a half-typed item would be dropped
        self.password.returnPressed.connect(self.try_unlock)
        self.login.returnPressed.connect(self.password.setFocus)
        self.unlock_button.clicked.connect(self.try_unlock)
        self.switch_button.clicked.connect(lambda: self.set_handing_over(not self.handing_over))
        self.panel.setFixedWidth(440)
        self.retry_wait = RetryWait(self.unlock_button, self.message, session.lang)
        host.installEventFilter(self)
        self.hide()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.parent() and event.type() == QEvent.Type.Resize:
            self._place()
        return False

    def _place(self) -> None:
        host = self.parentWidget()
        self.setGeometry(host.rect())
        self.panel.adjustSize()
        self.panel.move((self.width() - self.panel.width()) // 2, max(20, (self.height() - self.panel.height()) // 3))

    def paintEvent(self, event) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(38, 42, 50))

    def show_lock(self) -> None:
        self.set_handing_over(False)
        self._place()
        self.show()
        self.raise_()
        self.password.setFocus()

    def set_handing_over(self, on: bool) -> None:
        """Unlock for the clerk who locked, or let another clerk take the counter over."""
        self.handing_over = on
        user = self.session.user
        set_message(self.message, None)
        self.password.clear()
        self.login.clear()
        self.login.setVisible(on)
        self.login_label.setVisible(on)
        if on:
            self.heading.setText(self.tr("Giao quầy cho người khác"))
            self.who.setText(self.tr("Đang giao quầy của %1 (%2).").replace("%1", user.full_name)
                             .replace("%2", user.login))
            explain = self.tr("Người nhận quầy đăng nhập bằng tài khoản của mình; từ đó mọi việc ở quầy ghi tên họ.")
            if self.has_unsaved_input():
                explain += " " + self.tr("Bưu gửi đang nhập dở chưa lưu sẽ bị bỏ.")
            self.explain.setText(explain)
            self.unlock_button.setText(self.tr("Nhận quầy"))
            self.switch_button.setText(self.tr("&Quay lại"))
            self.login.setFocus()
        else:
            self.heading.setText(self.tr("Màn hình đã khóa"))
            self.who.setText(self.tr("Người dùng: %1 (%2)").replace("%1", user.full_name).replace("%2", user.login))
            self.explain.setText(self.tr("Công việc đang làm vẫn được giữ nguyên. Nhập mật khẩu để tiếp tục."))
            self.unlock_button.setText(self.tr("Mở khóa"))
            self.switch_button.setText(self.tr("Người khác nhận &quầy…"))
            self.password.setFocus()
        self._place()

    def try_unlock(self) -> None:
        if not self.unlock_button.isEnabled():
            return
        login = self.login.text().strip() if self.handing_over else self.session.user.login
        try:
            user = users.authenticate(self.session.store, login, self.password.text())
        except Kt1Error as err:
            self._refused(err)
            return
        self.hide()
        if self.handing_over and user.login != self.session.user.login:
            self.handed_over.emit(user)
        else:
            self.unlocked.emit()

    def _refused(self, err: Kt1Error) -> None:
        if err.code == "login_failed" and not self.handing_over:
            # The clerk of this session is known here: say whether the account waits, and how long.
            err = users.locked_for(self.session.store, self.session.user.login) or err
            text = err.text(self.session.lang) if err.code == "login_locked" else self.tr("Sai mật khẩu.")
        else:
            text = err.text(self.session.lang)
        set_message(self.message, text)
        self.password.clear()
        if err.code == "login_locked":
            self.retry_wait.start(err)
        (self.login if err.code == "user_inactive" else self.password).setFocus()
        self._place()  # the panel grows with the message instead of cutting it


class IdleLock(QObject):
    """Watches the application's input; after ``interval_ms`` without any, covers ``window``.

    The interval comes from the setting ``idle_lock_minutes`` unless given.
    """

    locked_changed = Signal(bool)
    user_changed = Signal(object)  # another clerk took the counter over at the lock

    def __init__(self, session: Session, window: QWidget, *, interval_ms: int | None = None):
        super().__init__(window)
        self.session = session
        self.window = window
        self._overlay: LockOverlay | None = None  # made at the first lock: start-up does not pay for it
        self._return_focus: QWidget | None = None
        self._hidden: list[QWidget] = []
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.lock)
        self.set_interval_ms(interval_ms)
        QApplication.instance().installEventFilter(self)

    @property
    def overlay(self) -> LockOverlay:
        if self._overlay is None:
            self._overlay = LockOverlay(self.session, self.window)
            self._overlay.unlocked.connect(self._on_unlocked)
            self._overlay.handed_over.connect(self._on_handed_over)
            pending = getattr(self.window, "unsaved_pages", None)
            if callable(pending):
                self._overlay.has_unsaved_input = lambda: bool(pending())
        return self._overlay

    @property
    def locked(self) -> bool:
        return self._overlay is not None and self._overlay.isVisible()

    def forget_overlay(self) -> None:
        """The panel is made again at the next lock (after a change of language or of user)."""
        if self._overlay is not None and not self.locked:
            self._overlay.deleteLater()
            self._overlay = None

    def set_interval_ms(self, interval_ms: int | None = None) -> None:
        """A fixed interval, or (None) the office's setting read again."""
        if interval_ms is None:
            interval_ms = settings.get(self.session.store, "idle_lock_minutes") * 60_000
        self._timer.setInterval(interval_ms)
        if not self.locked:
            self._timer.start()

    def lock(self) -> None:
        if self.locked:
            return
        self._return_focus = QApplication.focusWidget()
        self._hide_other_windows()
        self._timer.stop()
        self.overlay.show_lock()
        self.locked_changed.emit(True)

    def _hide_other_windows(self) -> None:
        """Windows beside the main one (an item view, a dialog) would show through and stay usable.

        A dialog run with ``open()`` is hidden and shown again after the password.
        One run with ``exec()`` (application-modal: a question, the settings) would
        block the veil, so it is answered "Cancel" — it held nothing typed that matters.
        """
        self._hidden = []
        for widget in QApplication.topLevelWidgets():
            if widget is self.window or not widget.isVisible() or widget.windowType() in _TRANSIENT:
                continue
            if widget.windowType() == Qt.WindowType.Popup:  # a suggestion list or a menu: just closed
                widget.hide()
                continue
            if isinstance(widget, QDialog) and widget.windowModality() == Qt.WindowModality.ApplicationModal:
                widget.reject()
                continue
            widget.hide()
            self._hidden.append(widget)

    def _show_other_windows(self) -> None:
        for widget in self._hidden:
            try:
                widget.show()
            except RuntimeError:  # closed meanwhile
                pass
        self._hidden = []

    def _on_unlocked(self) -> None:
        self._show_other_windows()
        focus = self._return_focus
        self._return_focus = None
        if focus is not None:
            try:
                focus.setFocus()
            except RuntimeError:
                pass
        self._timer.start()
        self.locked_changed.emit(False)

    def _on_handed_over(self, user) -> None:
        """The windows the previous clerk had open are theirs: closed, not shown again."""
        for widget in self._hidden:
            try:
                widget.close()
            except RuntimeError:
                pass
        self._hidden = []
        self._return_focus = None
        self._timer.start()
        self.locked_changed.emit(False)
        self.user_changed.emit(user)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        kind = event.type()
        if kind not in _ACTIVITY_EVENTS:
            return False
        if not self.locked:
            self._timer.start()  # any activity starts the count again
            return False
        if kind in _INPUT_EVENTS and watched.isWidgetType() and not self._inside_overlay(watched):
            return True
        return False

    def _inside_overlay(self, widget: QObject) -> bool:
        while widget is not None:
            if widget is self._overlay:
                return True
            widget = widget.parent()
        return False

    def detach(self) -> None:
        QApplication.instance().removeEventFilter(self)
        self._timer.stop()
