"""A real office's first day: after the office and its admin, the agency directory and the tariff.

Also the question asked whenever a tariff is loaded (``TariffStartDialog``): from which day.

Intake needs both: the directory to pick sender and recipient, a tariff in force
to price the item. The office loads its own files, or takes the samples shipped
with the program — clearly marked MẪU (sample) wherever they show — and can load
its real files later in Danh bạ. Nothing here is required: "Để sau" goes on, and
the intake page then says plainly what is missing.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, Qt, Signal
from PySide6.QtWidgets import (QDateEdit, QDialogButtonBox, QFileDialog, QFormLayout, QGroupBox, QHBoxLayout, QLabel,
                               QLineEdit, QPushButton, QVBoxLayout, QWidget)

from .. import clock, formats
from ..errors import Kt1Error
from ..paths import resource
from ..services import agencies, settings, tariff
from ..storage import Store, User
from .base import BaseDialog
from .pagekit import MUTED_STYLE, WARNING_STYLE, scaled_font, set_message, typed_dates
from .session import Session

SAMPLE_AGENCIES = "sample/agencies_daklak.csv"


def qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def pydate(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())


def tariff_date_hint(store: Store, start: date) -> str:
    """Why the suggested day is what it is (the office changes it when its tariff says another day)."""
    if start < clock.now().date():
        days = settings.get(store, "back_entry_max_days")
        return QCoreApplication.translate(
            "FirstDayPanel", "Mặc định: ngày sớm nhất được nhập bù ({days} ngày trước), để bưu gửi nhập bù cũng tính "
                             "được cước. Đổi nếu bảng cước của bưu cục áp dụng từ ngày khác.").format(days=days)
    return QCoreApplication.translate("FirstDayPanel",
                                      "Bảng cước mới thay bảng đang dùng cho bưu gửi nhận từ ngày này.")


class FirstDayPanel(QWidget):
    """Step 2 of the first start. ``finished`` when the office goes on (all set, or later)."""

    finished = Signal()

    def __init__(self, store: Store, actor: User | None, lang: str = "vi", parent: QWidget | None = None):
        super().__init__(parent)
        self.store, self.actor, self.lang = store, actor, lang
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 16)
        layout.setSpacing(10)
        heading = QLabel(self.tr("Danh bạ cơ quan và bảng cước"))
        heading.setFont(scaled_font(heading, 1.3, bold=True))
        layout.addWidget(heading)
        intro = QLabel(self.tr("Nhận gửi cần danh bạ cơ quan (để chọn cơ quan gửi, cơ quan nhận) và một bảng cước "
                               "có hiệu lực (để tính cước). Nạp tệp của bưu cục, hoặc dùng tạm dữ liệu MẪU đi kèm "
                               "chương trình để làm quen — dữ liệu MẪU không phải số liệu chính thức. Có thể nạp "
                               "tệp thật sau, ở mục Danh bạ."))
        intro.setWordWrap(True)
        layout.addWidget(intro)

        box = QGroupBox(self.tr("Danh bạ cơ quan"))
        rows = QVBoxLayout(box)
        self.agency_status = QLabel()
        self.agency_status.setWordWrap(True)
        rows.addWidget(self.agency_status)
        buttons = QHBoxLayout()
        self.agency_file_button = QPushButton(self.tr("Nạp tệp danh bạ (CSV)…"))
        self.agency_sample_button = QPushButton(self.tr("Dùng danh bạ MẪU (Đắk Lắk)"))
        for button in (self.agency_file_button, self.agency_sample_button):
            button.setAutoDefault(False)
            buttons.addWidget(button)
        buttons.addStretch(1)
        rows.addLayout(buttons)
        self.agency_message = QLabel()
        self.agency_message.setWordWrap(True)
        self.agency_message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        rows.addWidget(self.agency_message)
        layout.addWidget(box)

        box = QGroupBox(self.tr("Bảng cước"))
        rows = QVBoxLayout(box)
        self.tariff_status = QLabel()
        self.tariff_status.setWordWrap(True)
        rows.addWidget(self.tariff_status)
        form = QFormLayout()
        self.tariff_date = QDateEdit()
        self.tariff_date.setDisplayFormat("dd/MM/yyyy")
        self.tariff_date.setCalendarPopup(True)
        self.tariff_date.setMaximumWidth(160)
        typed_dates(self.tariff_date)
        form.addRow(self.tr("Áp dụng cho bưu gửi nhận từ &ngày"), self.tariff_date)
        form.labelForField(self.tariff_date).setBuddy(self.tariff_date)
        rows.addLayout(form)
        self.tariff_hint = QLabel()
        self.tariff_hint.setWordWrap(True)
        rows.addWidget(self.tariff_hint)
        buttons = QHBoxLayout()
        self.tariff_file_button = QPushButton(self.tr("Nạp tệp bảng cước (CSV)…"))
        self.tariff_sample_button = QPushButton(self.tr("Dùng bảng cước MẪU"))
        for button in (self.tariff_file_button, self.tariff_sample_button):
            button.setAutoDefault(False)
            buttons.addWidget(button)
        buttons.addStretch(1)
        rows.addLayout(buttons)
        self.tariff_message = QLabel()
        self.tariff_message.setWordWrap(True)
        self.tariff_message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        rows.addWidget(self.tariff_message)
        layout.addWidget(box)

        self.note = QLabel()
        self.note.setWordWrap(True)
        layout.addWidget(self.note)
        layout.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        self.finish_button = QPushButton()
        self.finish_button.setDefault(True)
        row.addWidget(self.finish_button)
        layout.addLayout(row)

        self.agency_file_button.clicked.connect(self._ask_agency_file)
        self.agency_sample_button.clicked.connect(self.use_sample_agencies)
        self.tariff_file_button.clicked.connect(self._ask_tariff_file)
        self.tariff_sample_button.clicked.connect(self.use_sample_tariff)
        self.finish_button.clicked.connect(self.finished)
        set_message(self.agency_message, None)
        set_message(self.tariff_message, None)
        self.refresh()

    # -- what the office does ---------------------------------------------------------------
    def import_agencies(self, path: str | Path) -> bool:
        try:
            counts = agencies.import_csv(self.store, self.actor, path)
        except Kt1Error as err:
            set_message(self.agency_message, err.text(self.lang))
            return False
        set_message(self.agency_message, self.tr("Đã nạp {count} cơ quan từ tệp «{name}».").format(
            count=counts["added"] + counts["changed"], name=Path(path).name), MUTED_STYLE)
        self.refresh()
        return True

    def use_sample_agencies(self) -> bool:
        if not self.import_agencies(resource(SAMPLE_AGENCIES)):
            return False
        set_message(self.agency_message, self.tr("Đã nạp danh bạ MẪU: cơ quan của tỉnh Đắk Lắk, để làm quen. "
                                                 "Nạp danh bạ thật của bưu cục ở mục Danh bạ."), WARNING_STYLE)
        return True

    def import_tariff(self, path: str | Path) -> bool:
        return self._load_tariff(lambda start: tariff.import_csv(self.store, self.actor, path, effective_from=start))

    def use_sample_tariff(self) -> bool:
        return self._load_tariff(lambda start: tariff.import_sample(self.store, self.actor, effective_from=start))

    def _load_tariff(self, load) -> bool:
        try:
            load(pydate(self.tariff_date.date()))
        except Kt1Error as err:
            set_message(self.tariff_message, err.text(self.lang))
            return False
        set_message(self.tariff_message, None)
        self.refresh()
        return True

    # -- showing -------------------------------------------------------------------------------
    def refresh(self) -> None:
        count = agencies.count_agencies(self.store)
        if count:
            set_message(self.agency_status, self.tr("Danh bạ có {count} cơ quan.").format(count=count), "")
        else:
            set_message(self.agency_status, self.tr("Danh bạ chưa có cơ quan nào."), WARNING_STYLE)
        current = tariff.in_force(self.store, clock.now().date())
        start = tariff.suggested_start(self.store)
        self.tariff_date.setDate(qdate(start))
        set_message(self.tariff_hint, tariff_date_hint(self.store, start), MUTED_STYLE)
        loaded = tariff.list_tariffs(self.store)
        if loaded:
            latest = loaded[-1]
            text = self.tr("Bảng cước «{name}», áp dụng từ {day}.").format(
                name=latest.name, day=formats.day(date.fromisoformat(latest.effective_from)))
            if latest.is_sample:
                text += " " + self.tr("Đây là bảng cước MẪU, không chính thức: cước tính theo bảng này có ghi MẪU.")
            set_message(self.tariff_status, text, WARNING_STYLE if latest.is_sample else "")
        else:
            set_message(self.tariff_status, self.tr("Chưa có bảng cước nào."), WARNING_STYLE)
        missing = []
        if not count:
            missing.append(self.tr("danh bạ cơ quan"))
        if current is None:
            missing.append(self.tr("bảng cước có hiệu lực hôm nay"))
        if missing:
            set_message(self.note, self.tr("Còn thiếu {what}: nhận gửi chưa tính được cước cho tới khi nạp "
                                           "(ở mục Danh bạ).").format(what=", ".join(missing)), WARNING_STYLE)
            self.finish_button.setText(self.tr("Để sau, vào chương trình"))
        else:
            set_message(self.note, None)
            self.finish_button.setText(self.tr("Xong, vào chương trình"))

    # -- files ---------------------------------------------------------------------------------
    def _ask_agency_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Chọn tệp danh bạ CSV"), "",
                                              self.tr("Tệp CSV (*.csv);;Mọi tệp (*)"))
        if path:
            self.import_agencies(path)

    def _ask_tariff_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Chọn tệp bảng cước CSV"), "",
                                              self.tr("Tệp CSV (*.csv);;Mọi tệp (*)"))
        if path:
            self.import_tariff(path)


class TariffStartDialog(BaseDialog):
    """From which day a tariff applies (and, for a file, its name). The day proposed is ``suggested_start``."""

    def __init__(self, session: Session, name: str | None, parent: QWidget | None = None):
        super().__init__("tariff-date", parent)
        self.setWindowTitle(self.tr("Ngày áp dụng bảng cước") if name is not None else
                            self.tr("Dùng bảng cước MẪU"))
        form = QFormLayout(self)
        if name is None:
            note = QLabel(self.tr("Bảng cước MẪU đi kèm chương trình không phải bảng cước chính thức: cước tính "
                                  "theo bảng này có ghi MẪU trên màn hình và trên biên nhận."))
            note.setWordWrap(True)
            note.setStyleSheet(WARNING_STYLE)
            form.addRow(note)
        self.day = QDateEdit()
        self.day.setDisplayFormat("dd/MM/yyyy")
        self.day.setCalendarPopup(True)
        suggested = tariff.suggested_start(session.store)
        self.day.setDate(qdate(suggested))
        typed_dates(self.day)
        form.addRow(self.tr("Áp dụng cho bưu gửi nhận từ ngày"), self.day)
        hint = QLabel(tariff_date_hint(session.store, suggested))
        hint.setWordWrap(True)
        hint.setStyleSheet(MUTED_STYLE)
        form.addRow(hint)
        self.name = QLineEdit(name or "")
        if name is not None:
            form.addRow(self.tr("Tên bảng cước"), self.name)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        form.addRow(box)
        self.resize(520, self.sizeHint().height())

    def start(self) -> date:
        q = self.day.date()
        return date(q.year(), q.month(), q.day())
