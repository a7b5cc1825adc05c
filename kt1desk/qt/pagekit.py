"""Small pieces the pages share: loading a Designer form, a read-only table model, the error look.

PySide6 6.12 on Python 3.11 loses references to ``None`` (see ``kt1desk/qt/__init__.py``,
which works around it for the whole process); besides, combo data is never None here
(use "" and ``or None``), and the roles read back from Python always hold a value.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import (QAbstractTableModel, QEvent, QFile, QIODevice, QModelIndex, QObject, QSortFilterProxyModel,
                            Qt)
from PySide6.QtGui import QFont
from PySide6.QtUiTools import QUiLoader
from PySide6.QtWidgets import QAbstractItemView, QFrame, QHeaderView, QLabel, QScrollArea, QTableView, QVBoxLayout, QWidget

from ..paths import ui_file
from ..text import fold

ERROR_STYLE = "color: #a8231a;"
WARNING_STYLE = "color: #8a5300;"
MUTED_STYLE = "color: #5f6368;"
NOTICE_STYLE = "color: #6b3f00; background: #fff4d6; border: 1px solid #e0b34a; border-radius: 4px; padding: 6px 8px;"
# Beside a fee priced by the sample tariff shipped with the program.
SAMPLE_BADGE_STYLE = ("color: white; background: #b35c00; border-radius: 3px; padding: 1px 6px; font-weight: bold;")


def load_form(name: str, host: QWidget) -> QWidget:
    """Load ``ui/<name>`` and lay it out filling ``host``; children are found by object name."""
    loader = QUiLoader()
    file = QFile(str(ui_file(name)))
    if not file.open(QIODevice.OpenModeFlag.ReadOnly):
        raise FileNotFoundError(name)
    try:
        form = loader.load(file, host)
    finally:
        file.close()
    if form is None:
        raise RuntimeError(loader.errorString())
    layout = QVBoxLayout(host)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(form)
    return form


def scrolled(widget: QWidget) -> QScrollArea:
    """``widget`` in a frameless scroll area: on a small screen it scrolls rather than being cut off."""
    area = QScrollArea()
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidgetResizable(True)
    area.setWidget(widget)
    return area


def child(form: QWidget, cls, name: str):
    found = form.findChild(cls, name)
    if found is None:
        raise LookupError(f"{name} not in form")
    return found


def set_message(lbl: QLabel, text: str | None, style: str = ERROR_STYLE) -> None:
    """Show or hide a message label (a hidden label takes no room); unchanged labels are left alone."""
    text = text or ""
    if lbl.styleSheet() != style:
        lbl.setStyleSheet(style)
    if lbl.text() != text:
        lbl.setText(text)
    if lbl.isHidden() == bool(text):
        lbl.setVisible(bool(text))


def set_text(lbl: QLabel, text: str) -> None:
    if lbl.text() != text:
        lbl.setText(text)


def scaled_font(widget: QWidget, factor: float, *, bold: bool = False, mono: bool = False) -> QFont:
    font = QFont(widget.font())
    if mono:
        font.setFamilies(["DejaVu Sans Mono", "Consolas", "monospace"])
    size = font.pointSizeF() if font.pointSizeF() > 0 else 10.0
    font.setPointSizeF(size * factor)
    font.setBold(bold)
    return font


class Column:
    """One column of a RowsModel: header, how to show a row, how to sort it."""

    def __init__(self, header: str, show: Callable[[dict], str], sort: Callable[[dict], object] | None = None,
                 align: Qt.AlignmentFlag | None = None):
        self.header = header
        self.show = show
        self.sort = sort or show
        self.align = align


SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ROLE = Qt.ItemDataRole.UserRole + 2
FOLDED_ROLE = Qt.ItemDataRole.UserRole + 3


class RowsModel(QAbstractTableModel):
    """A read-only table of dict rows: shown text, sort keys, the row itself and its folded text."""

    def __init__(self, columns: Sequence[Column], parent=None):
        super().__init__(parent)
        self.columns = list(columns)
        self.rows: list[dict] = []
        self._folded: list[str] = []

    def set_rows(self, rows: list[dict]) -> None:
        self.beginResetModel()
        self.rows = rows
        self._folded = [fold(" ".join(c.show(r) for c in self.columns)) for r in rows]
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.columns[section].header
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.show(row)
        if role == SORT_ROLE:
            return column.sort(row)
        if role == ROW_ROLE:
            return row
        if role == FOLDED_ROLE:
            return self._folded[index.row()]
        if role == Qt.ItemDataRole.TextAlignmentRole and column.align is not None:
            return int(column.align | Qt.AlignmentFlag.AlignVCenter)
        return None


class FoldingFilter(QSortFilterProxyModel):
    """Sorts by each column's sort key; keeps rows holding every folded word typed ("tinh uy")."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._words: list[str] = []
        self.setSortRole(SORT_ROLE)

    def set_text(self, text: str) -> None:
        from ..text import fold_words

        self.beginFilterChange() if hasattr(self, "beginFilterChange") else None
        self._words = fold_words(text)
        if hasattr(self, "endFilterChange"):
            self.endFilterChange()
        else:
            self.invalidateFilter()

    def filterAcceptsRow(self, source_row, source_parent) -> bool:
        if not self._words:
            return True
        hay = self.sourceModel().index(source_row, 0, source_parent).data(FOLDED_ROLE) or ""
        return all(w in hay for w in self._words)

    def lessThan(self, left, right) -> bool:
        a, b = left.data(SORT_ROLE), right.data(SORT_ROLE)
        if a is None or b is None:
            return (a is None) and (b is not None)
        try:
            return a < b
        except TypeError:
            return str(a) < str(b)


class DateTyping(QObject):
    """Dates typed as people write them — 29/11/2026 14:05 — into a QDateEdit or QDateTimeEdit.

    Qt moves to the next section by itself once one is complete ("29" fills the day); the "/"
    typed next then skipped a second section, so 29/11/2026 became 29/10/1 without a word.
    A separator right after such an automatic move is taken as already done.
    """

    SEPARATORS = frozenset("/-.: ")

    def __init__(self, edit):
        super().__init__(edit)
        self._before_digit: int | None = None  # the section a digit was typed into
        edit.installEventFilter(self)

    def eventFilter(self, edit, event) -> bool:  # noqa: N802 (Qt's name)
        if event.type() != QEvent.Type.KeyPress:
            return False
        text = event.text()
        moved_on = self._before_digit is not None and edit.currentSectionIndex() != self._before_digit
        self._before_digit = edit.currentSectionIndex() if text.isdigit() else None
        return bool(text) and text in self.SEPARATORS and moved_on


def typed_dates(*edits) -> None:
    for edit in edits:
        DateTyping(edit)


class ColumnFitter(QObject):
    """Column widths of a RowsModel's view from the rows' own text, fitted to the view's width.

    Widths come from the first ``sample`` rows of the model — not from the rows a filter
    happens to leave on screen, so they never collapse to the headers — and the
    ``flexible`` columns (long names) give way, down to ``min_flexible`` pixels, so
    the other columns stay on screen. Refitted when the view is resized.
    """

    PADDING = 18

    def __init__(self, view: QTableView, model: RowsModel, *, flexible: Sequence[int] = (), min_flexible: int = 140,
                 sample: int = 200):
        super().__init__(view)
        self.view, self.model = view, model
        self.flexible, self.min_flexible, self.sample = list(flexible), min_flexible, sample
        self._natural: list[int] = []
        view.viewport().installEventFilter(self)  # the viewport: it narrows when a scroll bar appears

    def fit(self) -> None:
        """Measure the rows again (after the model changed) and fit."""
        if not self.model.rows:
            return  # nothing to measure: keep the widths of the last rows
        text, head = self.view.fontMetrics(), self.view.horizontalHeader().fontMetrics()
        rows = self.model.rows[:self.sample]
        self._natural = [max([head.horizontalAdvance(c.header) + self.PADDING + 10]
                             + [text.horizontalAdvance(c.show(r)) + self.PADDING for r in rows])
                         for c in self.model.columns]
        self._apply()

    def _apply(self) -> None:
        if not self._natural:
            return
        widths = list(self._natural)
        excess = sum(widths) - self.view.viewport().width()
        if excess > 0 and self.flexible:
            # One ceiling for the flexible columns, as high as still frees the room needed (never below the minimum).
            def freed(ceiling: int) -> int:
                return sum(max(0, widths[c] - ceiling) for c in self.flexible)

            low, high = self.min_flexible, max(widths[c] for c in self.flexible)
            while low < high:
                middle = (low + high + 1) // 2
                low, high = (middle, high) if freed(middle) >= excess else (low, middle - 1)
            for c in self.flexible:
                widths[c] = min(widths[c], max(low, self.min_flexible))
        for column, width in enumerate(widths):
            self.view.setColumnWidth(column, width)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.Resize:
            self._apply()
        return False


def table_view(model, parent=None) -> QTableView:
    """A read-only, sortable table of whole rows, one selected at a time."""
    view = QTableView(parent)
    view.setModel(model)
    view.setSortingEnabled(True)
    view.setAlternatingRowColors(True)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setTabKeyNavigation(False)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 10)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.horizontalHeader().setStretchLastSection(True)
    return view


def selected_row(view: QTableView) -> dict | None:
    index = view.currentIndex()
    return index.siblingAtColumn(0).data(ROW_ROLE) if index.isValid() else None
