"""Choosing an agency by typing part of its name or code, with Vietnamese folding.

"tinh uy" finds "Tỉnh ủy Đắk Lắk", "doan" finds "Tỉnh đoàn": the suggestions come
from ``agencies.find_agencies``. The keys stay in the line edit the whole time
(the suggestion list never takes the focus), so a clerk, a test and a barcode
scanner all type into the same place: ↓/↑ move, Enter or Tab picks, Esc closes.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QLineEdit, QListWidget, QListWidgetItem

from .. import clock
from ..services.agencies import find_agencies, is_active
from ..storage import Store
from ..text import fold

_AGENCY_ROLE = Qt.ItemDataRole.UserRole


def agency_by_code(store: Store, code: str) -> dict | None:
    """The directory row whose code is exactly ``code`` (from the cached directory)."""
    code = (code or "").strip().upper()
    if not code:
        return None
    for row in find_agencies(store, code, limit=5):
        if row["code"] == code:
            return row
    return None


def ranked(rows: list[dict], query: str) -> list[dict]:
    """The directory's matches with names that begin as typed first: "tinh uy" puts Tỉnh ủy before Ban … Tỉnh ủy."""
    wanted = fold(query)
    code = wanted.upper().replace(" ", "")

    def key(pair):
        index, row = pair
        return (row["code"] != code, not row["name_fold"].startswith(wanted), wanted not in row["name_fold"], index)

    return [row for _i, row in sorted(enumerate(rows), key=key)]


def describe(agency: dict, lang: str = "vi", *, as_sender: bool = True) -> str:
    """One line for the clerk: name, province and, for a sender, whether it pays.

    Only the sender's appendix decides the fee, so a recipient's line says nothing about it.
    """
    text = f"{agency['name']} · {agency['province']}"
    if as_sender:
        free = agency["appendix"] in ("I", "TW")
        if lang == "en":
            text += " · " + ("free" if free else "pays")
        else:
            text += " · " + ("miễn cước" if free else "trả cước")
    if not is_active(agency, clock.now().date()):
        text += " · " + ("ceased" if lang == "en" else "đã ngừng hoạt động")
    return text


class AgencyCompleter(QObject):
    """Suggestions under a QLineEdit; picking one puts the agency's code in the edit.

    ``picked(dict)`` fires when a suggestion is chosen; ``resolved(object)`` fires
    on every change of the text with the agency whose code it is, or None.
    """

    picked = Signal(dict)
    resolved = Signal(object)

    def __init__(self, edit: QLineEdit, store: Store, *, limit: int = 12, lang: str = "vi"):
        super().__init__(edit)
        self.edit = edit
        self.store = store
        self.limit = limit
        self.lang = lang
        self.popup = QListWidget(edit)  # owned by the edit, shown as its own little window
        self.popup.setObjectName("agencyPopup")
        self.popup.setWindowFlags(Qt.WindowType.ToolTip | Qt.WindowType.FramelessWindowHint
                                  | Qt.WindowType.WindowDoesNotAcceptFocus)
        self.popup.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.popup.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.popup.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.popup.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.popup.setStyleSheet("QListWidget { border: 1px solid #8a8f98; background: white; }"
                                 "QListWidget::item { padding: 3px 6px; }"
                                 "QListWidget::item:selected { background: #1f5fa8; color: white; }")
        self.popup.itemClicked.connect(self._accept_item)
        edit.installEventFilter(self)
        edit.textEdited.connect(self.suggest)
        edit.textChanged.connect(self._text_changed)

    # -- what the page asks ------------------------------------------------
    def agency(self) -> dict | None:
        return agency_by_code(self.store, self.edit.text())

    def suggestions(self) -> list[str]:
        return [self.popup.item(i).data(_AGENCY_ROLE)["code"] for i in range(self.popup.count())]

    def is_open(self) -> bool:
        return self.popup.isVisible()

    # -- behaviour ---------------------------------------------------------
    def suggest(self, text: str | None = None) -> None:
        text = self.edit.text() if text is None else text
        if not text.strip():
            self.close()
            return
        rows = ranked(find_agencies(self.store, text, limit=self.limit * 3), text)[:self.limit]
        self.popup.clear()
        for row in rows:
            item = QListWidgetItem(f"{row['code']}  —  {describe(row, self.lang)}")
            item.setData(_AGENCY_ROLE, row)
            self.popup.addItem(item)
        if not rows:
            self.close()
            return
        self.popup.setCurrentRow(0)
        self._place()
        self.popup.show()

    def close(self) -> None:
        self.popup.hide()

    def accept_current(self, *, refocus: bool = True) -> bool:
        item = self.popup.currentItem()
        if item is None:
            return False
        self._accept_item(item, refocus=refocus)
        return True

    def _accept_item(self, item: QListWidgetItem, *, refocus: bool = True) -> None:
        row = item.data(_AGENCY_ROLE)
        self.close()
        self.edit.setText(row["code"])
        if refocus:
            self.edit.setFocus()
        self.picked.emit(row)

    def _place(self) -> None:
        row_h = max(self.popup.sizeHintForRow(0), 22)
        rows = min(self.popup.count(), 10)
        width = max(self.edit.width(), 560)
        self.popup.resize(width, row_h * rows + 6)
        self.popup.move(self.edit.mapToGlobal(QPoint(0, self.edit.height() + 1)))

    def _text_changed(self, _text: str) -> None:
        self.resolved.emit(self.agency())

    def _settle(self) -> None:
        """Leaving the field otherwise (a click elsewhere): a single suggestion is taken."""
        if self.is_open() and self.popup.count() == 1:
            self.accept_current(refocus=False)
        self.close()

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt's name)
        kind = event.type()
        keys_we_take = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Escape, Qt.Key.Key_Up, Qt.Key.Key_Down)
        if kind == QEvent.Type.ShortcutOverride and self.is_open() and event.key() in keys_we_take:
            event.accept()  # the open list has the key, not the page's shortcuts
            return True
        if kind == QEvent.Type.KeyPress:
            key = event.key()
            if self.is_open():
                if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                    self.accept_current()
                    return True
                if key == Qt.Key.Key_Escape:
                    self.close()
                    return True
                if key in (Qt.Key.Key_Down, Qt.Key.Key_Up, Qt.Key.Key_PageDown, Qt.Key.Key_PageUp):
                    step = {Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1, Qt.Key.Key_PageDown: 8, Qt.Key.Key_PageUp: -8}[key]
                    row = min(max(self.popup.currentRow() + step, 0), self.popup.count() - 1)
                    self.popup.setCurrentRow(row)
                    return True
                if key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
                    self.accept_current(refocus=False)  # Tab takes the highlighted one, as Enter does
                    return False
            elif key == Qt.Key.Key_Down and event.modifiers() == Qt.KeyboardModifier.NoModifier:
                self.suggest()
                return True
        elif kind == QEvent.Type.FocusOut:
            self._settle()
        return False
