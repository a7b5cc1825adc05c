"""What the pages of the item's life share: rows that can be tinted, times and errors as people read them."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor

from .. import clock
from ..errors import Kt1Error
from ..formats import moment
from .pagekit import RowsModel

LATE = QColor("#fbe3e1")  # a row past its limit: a secret item waiting too long, an overdue item, a late answer
LATE_TEXT = QColor("#8f1d14")


class TintedRows(RowsModel):
    """A RowsModel whose rows for which ``late(row)`` is true are shown on red."""

    def __init__(self, columns, late: Callable[[dict], bool], parent=None):
        super().__init__(columns, parent)
        self._late = late

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if index.isValid() and role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole):
            if self._late(self.rows[index.row()]):
                return QBrush(LATE if role == Qt.ItemDataRole.BackgroundRole else LATE_TEXT)
            return None
        return super().data(index, role)


def when(text: str | None) -> str:
    return moment(clock.parse_iso(text)) if text else ""


def error_text(err: BaseException, lang: str) -> str:
    return err.text(lang) if isinstance(err, Kt1Error) else str(err)


class RefreshWhenSeen:
    """For a page that reads the store again after a change: at once when it is on screen, otherwise the
    next time it is shown. Put it before QWidget among the bases; the page defines ``refresh()``."""

    _dirty = False

    def store_changed(self) -> None:
        if self.isVisible():
            self.refresh()
        else:
            self._dirty = True

    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        if self._dirty:
            self._dirty = False
            self.refresh()
