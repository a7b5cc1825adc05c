"""The period picker of the Báo cáo page: a kind (day, month, quarter, half-year, year, from–to) and its inputs.

Keyboard first: the kind, then its inputs, Tab between them; Enter in any of them
fires ``entered`` (the page computes). Only the inputs of the chosen kind are shown.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QEvent, Qt, Signal
from PySide6.QtWidgets import QComboBox, QDateEdit, QHBoxLayout, QLabel, QSpinBox, QWidget

from .. import clock
from .pagekit import typed_dates

KINDS = ("day", "month", "quarter", "half", "year", "range")
FIRST_YEAR, LAST_YEAR = 2000, 2100
MONTHS_OF = {"month": 1, "quarter": 3, "half": 6}  # months in one part of each kind


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _day(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class PeriodPicker(QWidget):
    """``entered`` when Enter is pressed in any of its inputs; ``period()`` is what they say."""

    entered = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.kind_label = QLabel(self.tr("&Kỳ báo cáo"))
        self.kind = QComboBox()
        self.kind.setObjectName("periodKind")
        for key, text in zip(KINDS, (self.tr("Ngày"), self.tr("Tháng"), self.tr("Quý"), self.tr("6 tháng"),
                                     self.tr("Năm"), self.tr("Từ ngày – đến ngày"))):
            self.kind.addItem(text, key)
        self.kind_label.setBuddy(self.kind)
        self.part = QComboBox()  # the month, the quarter or the half, by kind
        self.part.setObjectName("periodPart")
        self.year = QSpinBox()
        self.year.setObjectName("periodYear")
        self.year.setRange(FIRST_YEAR, LAST_YEAR)
        self.year.setGroupSeparatorShown(False)
        self.year.setAccelerated(True)
        self.year_label = QLabel(self.tr("năm"))
        self.start = QDateEdit()
        self.start.setObjectName("periodStart")
        self.end = QDateEdit()
        self.end.setObjectName("periodEnd")
        for edit in (self.start, self.end):
            edit.setDisplayFormat("dd/MM/yyyy")
            edit.setCalendarPopup(True)
            edit.setMinimumWidth(120)
        typed_dates(self.start, self.end)
        self.to_label = QLabel(self.tr("đến"))
        for widget in (self.kind_label, self.kind, self.part, self.year_label, self.year, self.start, self.to_label,
                       self.end):
            row.addWidget(widget)
        self.inputs = (self.kind, self.part, self.year, self.start, self.end)
        for widget in self.inputs:
            widget.installEventFilter(self)
        self.kind.currentIndexChanged.connect(lambda _i: self._kind_changed())
        today = clock.now().date()
        self.year.setValue(today.year)
        self.start.setDate(_qdate(today.replace(day=1)))
        self.end.setDate(_qdate(today))
        self._parts_of = ""
        self._anchor_month = today.month  # the month the parts follow when the kind changes
        self.part.currentIndexChanged.connect(self._part_changed)
        self.set_kind("month")

    # -- public ------------------------------------------------------------
    def current_kind(self) -> str:
        return self.kind.currentData()

    def set_kind(self, kind: str) -> None:
        self.kind.setCurrentIndex(KINDS.index(kind))
        self._kind_changed()

    def period(self):
        """The Period the inputs say; Kt1Error when they say nothing sensible (end before start)."""
        from ..reports.period import Period

        kind, year, part = self.current_kind(), self.year.value(), self.part.currentIndex() + 1
        if kind == "day":
            return Period.day(_day(self.start.date()))
        if kind == "month":
            return Period.month(year, part)
        if kind == "quarter":
            return Period.quarter(year, part)
        if kind == "half":
            return Period.half(year, part)
        if kind == "year":
            return Period.year(year)
        return Period.range(_day(self.start.date()), _day(self.end.date()))

    def set_period(self, kind: str, *, year: int | None = None, part: int = 1, start: date | None = None,
                   end: date | None = None) -> None:
        """Fill the inputs: ``part`` is the month, the quarter or the half (1-based)."""
        self.set_kind(kind)
        if year is not None:
            self.year.setValue(year)
        if kind in MONTHS_OF:
            self.part.setCurrentIndex(part - 1)
        if start is not None:
            self.start.setDate(_qdate(start))
        if end is not None:
            self.end.setDate(_qdate(end))

    def state(self) -> dict:
        return {"kind": self.current_kind(), "year": self.year.value(), "part": self.part.currentIndex() + 1,
                "start": _day(self.start.date()), "end": _day(self.end.date())}

    def set_state(self, state: dict) -> None:
        self.set_period(state["kind"], year=state["year"], part=state["part"], start=state["start"], end=state["end"])

    def focus_first(self) -> None:
        self.kind.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- inside ------------------------------------------------------------
    def _part_names(self, kind: str) -> list[str]:
        if kind == "month":
            return [self.tr("Tháng %1").replace("%1", str(m)) for m in range(1, 13)]
        if kind == "quarter":
            return [self.tr("Quý %1").replace("%1", roman) for roman in ("I", "II", "III", "IV")]
        if kind == "half":
            return [self.tr("6 tháng đầu năm"), self.tr("6 tháng cuối năm")]
        return []

    def _part_changed(self, index: int) -> None:
        if index >= 0 and self._parts_of:
            self._anchor_month = index * MONTHS_OF[self._parts_of] + 1

    def _kind_changed(self) -> None:
        kind = self.current_kind()
        if kind != self._parts_of and kind in ("month", "quarter", "half"):
            # The same time of the year in the new kind: May is Quý II and the first half.
            months = MONTHS_OF[kind]
            self.part.blockSignals(True)
            self.part.clear()
            self.part.addItems(self._part_names(kind))
            self.part.setCurrentIndex((self._anchor_month - 1) // months)
            self.part.blockSignals(False)
            self._parts_of = kind
        self.part.setVisible(kind in ("month", "quarter", "half"))
        self.year.setVisible(kind in ("month", "quarter", "half", "year"))
        self.year_label.setVisible(kind in ("month", "quarter", "half", "year"))
        self.start.setVisible(kind in ("day", "range"))
        self.to_label.setVisible(kind == "range")
        self.end.setVisible(kind == "range")

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt's name)
        if (event.type() == QEvent.Type.KeyPress and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier):
            popup = watched.view() if isinstance(watched, QComboBox) else None
            if popup is None or not popup.isVisible():
                self.entered.emit()
                return True
        return False
