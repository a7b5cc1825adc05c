"""What every window of the shell shares: the remembered preferences and one base dialog.

Preferences of this machine (language, window places) live in ``QSettings``;
figures of the office (idle minutes …) live in the database, in the core's
settings service. ``KT1DESK_SETTINGS`` names an INI file to use instead of the
user's profile (tests and screenshots point it at a temporary file).
"""

from __future__ import annotations

import os

from PySide6.QtCore import QByteArray, QSettings, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QWidget


ORGANISATION = "KT1Desk"
APPLICATION = "KT1Desk"


def app_settings() -> QSettings:
    path = os.environ.get("KT1DESK_SETTINGS")
    if path:
        return QSettings(path, QSettings.Format.IniFormat)
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANISATION, APPLICATION)


def saved_language() -> str | None:
    value = app_settings().value("ui/language")
    return value if value in ("vi", "en") else None


def save_language(lang: str) -> None:
    settings = app_settings()
    settings.setValue("ui/language", lang)
    settings.sync()


def restore_geometry(widget: QWidget, key: str) -> bool:
    value = app_settings().value(f"geometry/{key}")
    if isinstance(value, QByteArray) and not value.isEmpty():
        return widget.restoreGeometry(value)
    return False


def fit_to_screen(widget: QWidget) -> None:
    """Keep a window inside its screen's free area: on a small screen (1024×768, or 1366×768 at 125 %)
    it fills the screen, maximised; otherwise it keeps its size, centred."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        return
    area = screen.availableGeometry()
    frame = 40  # a title bar and borders, which the window manager adds around the window
    if widget.width() + frame > area.width() or widget.height() + frame > area.height():
        widget.setGeometry(area)  # without a window manager, "maximised" alone would do nothing
        if widget.isWindow() and not isinstance(widget, QDialog):
            widget.setWindowState(widget.windowState() | Qt.WindowState.WindowMaximized)
        return
    widget.move(area.center() - widget.rect().center())


def keep_on_screen(widget: QWidget, *, move: bool = True) -> None:
    """No bigger than the screen's free area (less room for a title bar), and (``move``) wholly inside it."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        return
    area = screen.availableGeometry().adjusted(0, 0, 0, -30)
    width, height = min(widget.width(), area.width()), min(widget.height(), area.height())
    if (width, height) != (widget.width(), widget.height()):
        widget.resize(width, height)
    if not move:
        return
    x = min(max(widget.x(), area.left()), area.right() - widget.width() + 1)
    y = min(max(widget.y(), area.top()), area.bottom() - widget.height() + 1)
    if (x, y) != (widget.x(), widget.y()):
        widget.move(x, y)


def grow_to_fit(window: QWidget, content: QWidget) -> None:
    """Make ``window`` taller when ``content`` grew (messages appeared), as far as the screen allows."""
    content.layout().activate()
    extra = content.sizeHint().height() - content.height()
    if extra > 0:
        window.resize(window.width(), window.height() + extra)
        keep_on_screen(window)


def save_geometry(widget: QWidget, key: str) -> None:
    settings = app_settings()
    settings.setValue(f"geometry/{key}", widget.saveGeometry())
    settings.sync()


class BaseDialog(QDialog):
    """A dialog that opens where the clerk last left it, at the size they gave it.

    ``key`` names the dialog in the preferences; subclasses pass their own.
    """

    def __init__(self, key: str, parent: QWidget | None = None):
        super().__init__(parent)
        self._geometry_key = key
        self._geometry_restored = False
        self.setWindowTitle("KT1 Desk")

    def load_form(self, name: str) -> QWidget:
        """Lay ``ui/<name>`` into this dialog with room around it; children are found by object name."""
        from .pagekit import load_form

        form = load_form(name, self)
        layout = form.layout()
        if layout is not None:
            layout.setContentsMargins(20, 18, 20, 16)
            layout.setSpacing(10)
        return form

    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if not self._geometry_restored:
            self._geometry_restored = True
            # A place remembered from a bigger screen is brought inside this one; a dialog never
            # placed yet is left for Qt to centre over its window.
            keep_on_screen(self, move=restore_geometry(self, self._geometry_key))
        super().showEvent(event)

    def done(self, result: int) -> None:
        if self.isVisible():
            save_geometry(self, self._geometry_key)
        super().done(result)
