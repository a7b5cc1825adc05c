"""Ca làm việc: the running X report of my shift, closing it with the cash counted, and the shifts' Z reports.

The X report follows every item saved. Closing asks for the cash counted; a
difference needs a reason and is kept as declared. The Z prints at once and can
be printed again from the list (marked as a reprint). A supervisor sees every
shift of the office and may close one a clerk left open.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QDialogButtonBox, QFormLayout, QGridLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit,
                               QPushButton, QVBoxLayout, QWidget)

from ..errors import Kt1Error
from ..formats import money, number, weight
from ..life import shifts
from ..services.tariff import FREE_REASONS
from .base import BaseDialog
from .lifekit import RefreshWhenSeen, when
from .pagekit import (ERROR_STYLE, MUTED_STYLE, WARNING_STYLE, Column, RowsModel, scaled_font, selected_row,
                      set_message, table_view)
from .session import Session

log = logging.getLogger(__name__)


class CloseShiftDialog(BaseDialog):
    """The cash counted, and a reason when it differs from what the shift expects."""

    def __init__(self, session: Session, shift: dict, report: dict, parent: QWidget | None = None):
        super().__init__("close_shift", parent)
        self.session, self.shift = session, shift
        self.z: dict | None = None
        lang = session.lang
        self.setWindowTitle(self.tr("Chốt ca {id}").format(id=shift["id"]))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Ca {id} của {name}: {count} bưu gửi. Sau khi chốt, ca không thay đổi được nữa.").format(
            id=shift["id"], name=shift["user_name"], count=report["items"]["count"]))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.expected = QLabel(money(report["cash_expected_vnd"], lang))
        self.expected.setFont(scaled_font(self.expected, 1.3, bold=True))
        form.addRow(self.tr("Tiền mặt phải có"), self.expected)
        self.counted = QLineEdit()
        self.counted.setObjectName("cash_counted")
        self.counted.setPlaceholderText(self.tr("ví dụ 1.500.000 — để trống nếu không kiểm đếm"))
        form.addRow(self.tr("Tiền mặt kiểm đếm"), self.counted)
        self.reason = QLineEdit()
        self.reason.setObjectName("reason")
        self.reason.setPlaceholderText(self.tr("bắt buộc khi có chênh lệch"))
        form.addRow(self.tr("Lý do chênh lệch"), self.reason)
        self.difference = QLabel()
        form.addRow(self.tr("Chênh lệch"), self.difference)
        layout.addLayout(form)
        note = QLabel(self.tr("Chênh lệch được ghi đúng như khai, không bị đưa về 0."))
        note.setStyleSheet(MUTED_STYLE)
        layout.addWidget(note)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.hide()
        layout.addWidget(self.message)
        buttons = QDialogButtonBox()
        self.ok_button = buttons.addButton(self.tr("Chốt ca và in báo cáo Z"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Hủy"))
        buttons.accepted.connect(self.confirm)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._expected = report["cash_expected_vnd"]
        self.counted.textChanged.connect(self._show_difference)
        self._show_difference()
        self.counted.setFocus()

    def _show_difference(self) -> None:
        try:
            counted = shifts.parse_cash(self.counted.text())
        except Kt1Error:
            self.difference.setText("")
            return
        if counted is None:
            self.difference.setText(self.tr("không khai báo"))
            return
        diff = counted - self._expected
        text = self.tr("không") if diff == 0 else ("+" if diff > 0 else "−") + money(abs(diff), self.session.lang)
        set_message(self.difference, text, "" if diff == 0 else WARNING_STYLE)

    def confirm(self) -> None:
        try:
            self.z = shifts.close(self.session.store, self.session.user, self.shift["id"],
                                  cash_counted=self.counted.text(), reason=self.reason.text())
        except Kt1Error as err:
            set_message(self.message, err.text(self.session.lang), ERROR_STYLE)
            return
        self.accept()


class ShiftPage(RefreshWhenSeen, QWidget):
    """``refreshed`` after the report and the list are shown again."""

    refreshed = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.ask_close = self._ask_close  # tests replace it
        self.shift: dict | None = None
        self.report: dict | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 10)
        top = QHBoxLayout()
        self.title = QLabel()
        self.title.setFont(scaled_font(self.title, 1.25, bold=True))
        self.title.setWordWrap(True)
        top.addWidget(self.title, 1)
        self.x_button = QPushButton(self.tr("In báo cáo &X"))
        self.close_button = QPushButton(self.tr("&Chốt ca…"))
        self.open_button = QPushButton(self.tr("&Mở ca mới"))
        for button in (self.x_button, self.close_button, self.open_button):
            top.addWidget(button)
        layout.addLayout(top)

        self.summary = QGroupBox(self.tr("Báo cáo X — tạm tính đến lúc này"))
        grid = QGridLayout(self.summary)
        self.cells: dict[str, QLabel] = {}
        rows = [("items", self.tr("Bưu gửi")), ("marks", self.tr("Dấu hiệu")), ("cash", self.tr("Tiền mặt tại quầy")),
                ("account", self.tr("Ghi nợ theo tháng")), ("free", self.tr("Miễn cước")),
                ("voided", self.tr("Đã hủy")), ("adjust", self.tr("Điều chỉnh ca trước")),
                ("refusals", self.tr("Từ chối nhận")), ("expected", self.tr("Tiền mặt phải có"))]
        for n, (key, label) in enumerate(rows):
            name = QLabel(label)
            name.setStyleSheet(MUTED_STYLE)
            value = QLabel()
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            grid.addWidget(name, n // 2 if key != "expected" else 5, 0 if n % 2 == 0 or key == "expected" else 2)
            grid.addWidget(value, n // 2 if key != "expected" else 5, 1 if n % 2 == 0 or key == "expected" else 3)
            self.cells[key] = value
        self.cells["expected"].setFont(scaled_font(self.cells["expected"], 1.3, bold=True))
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        layout.addWidget(self.summary)

        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.hide()
        layout.addWidget(self.message)

        heading = QHBoxLayout()
        self.list_title = QLabel(self.tr("Các ca của bưu cục") if session.can_supervise else self.tr("Các ca của bạn"))
        self.list_title.setFont(scaled_font(self.list_title, 1.05, bold=True))
        heading.addWidget(self.list_title, 1)
        self.print_button = QPushButton(self.tr("&In báo cáo ca đã chọn"))
        self.close_other_button = QPushButton(self.tr("Chốt ca đã chọn…"))
        heading.addWidget(self.print_button)
        if session.can_supervise:
            heading.addWidget(self.close_other_button)
        layout.addLayout(heading)
        lang = session.lang

        def cash(key):
            return lambda r: money(r[key], lang) if r[key] is not None else ""

        def difference(r):
            if r["cash_counted_vnd"] is None or r["cash_expected_vnd"] is None:
                return ""
            diff = r["cash_counted_vnd"] - r["cash_expected_vnd"]
            return "0" if diff == 0 else ("+" if diff > 0 else "−") + money(abs(diff), lang)

        self.model = RowsModel([
            Column(self.tr("Ca"), lambda r: r["id"]),
            Column(self.tr("Người làm"), lambda r: r["user_name"]),
            Column(self.tr("Mở ca"), lambda r: when(r["opened_at"]), lambda r: r["opened_at"]),
            Column(self.tr("Chốt ca"), lambda r: when(r["closed_at"]), lambda r: r["closed_at"] or ""),
            Column(self.tr("Tiền mặt phải có"), cash("cash_expected_vnd"), align=Qt.AlignmentFlag.AlignRight),
            Column(self.tr("Kiểm đếm"), cash("cash_counted_vnd"), align=Qt.AlignmentFlag.AlignRight),
            Column(self.tr("Chênh lệch"), difference, align=Qt.AlignmentFlag.AlignRight),
        ], self)
        self.view = table_view(self.model)
        self.view.setObjectName("shiftsView")
        self.view.setSortingEnabled(False)
        layout.addWidget(self.view, 1)

        self.x_button.clicked.connect(self.print_x)
        self.close_button.clicked.connect(lambda: self.close_shift(self.shift))
        self.open_button.clicked.connect(self.open_shift)
        self.print_button.clicked.connect(self.print_selected)
        self.close_other_button.clicked.connect(lambda: self.close_shift(selected_row(self.view)))
        self.view.activated.connect(lambda _i: self.print_selected())
        if session.events is not None:
            session.events.changed.connect(self._store_changed)
        self.refresh()

    # -- public ------------------------------------------------------------
    def page_title(self) -> str:
        return self.tr("Ca làm việc")

    def focus_first(self) -> None:
        (self.close_button if self.shift else self.open_button).setFocus()

    def refresh(self) -> None:
        session = self.session
        lang = session.lang
        self.shift = shifts.current(session.store, session.user, session.counter["code"])
        self.report = shifts.compute(session.store, self.shift["id"]) if self.shift else None
        if self.shift:
            self.title.setText(self.tr("Ca {id} · mở lúc {when} · quầy {counter}").format(
                id=self.shift["id"], when=when(self.shift["opened_at"]), counter=self.shift["counter_code"]))
        else:
            self.title.setText(self.tr("Bạn chưa có ca đang mở ở quầy {counter}: ca mới mở khi đăng nhập "
                                       "hoặc với bưu gửi đầu tiên.").format(counter=session.counter["code"]))
        for widget in (self.x_button, self.close_button):
            widget.setVisible(self.shift is not None)
        self.open_button.setVisible(self.shift is None)
        self.summary.setVisible(self.report is not None)
        if self.report:
            r = self.report
            items, pay = r["items"], r["payments"]
            self.cells["items"].setText(self.tr("{count} ({pieces} kiện · {weight})").format(
                count=number(items["count"], lang), pieces=number(items["pieces"], lang),
                weight=weight(items["weight_g"], lang)))
            self.cells["marks"].setText(self.tr("Mật {secret} · Hỏa tốc {hoa_toc} · Hẹn giờ {hen_gio}").format(**items))
            for key in ("cash", "account"):
                self.cells[key].setText(f"{pay[key]['count']} · {money(pay[key][shifts.PAID_COLUMN], lang)}")
            reasons = ", ".join(f"{FREE_REASONS.get(k, {}).get(lang, k).split(' — ')[-1]}: {n}"
                                for k, n in sorted(pay["free"]["reasons"].items()))
            self.cells["free"].setText(f"{pay['free']['count']}" + (f" ({reasons})" if reasons else ""))
            self.cells["voided"].setText(f"{r['voided']['count']} · {money(r['voided'][shifts.PAID_COLUMN], lang)}")
            adjust = r["adjustments"]["by_payment"]
            self.cells["adjust"].setText(money(adjust["cash"] + adjust["account"], lang))
            self.cells["refusals"].setText(str(r["refusals"]["count"]))
            self.cells["expected"].setText(money(r["cash_expected_vnd"], lang))
        self.model.set_rows(shifts.list_shifts(session.store, session.user))
        self.view.resizeColumnsToContents()
        self.refreshed.emit()

    def print_x(self) -> bool:
        from ..printing import shift_report_pdf
        from ..services import office

        if not self.shift:
            return False
        report = shifts.compute(self.session.store, self.shift["id"])
        try:
            pdf = shift_report_pdf(report, office.get_office(self.session.store))
            printed = self.session.print_documents(self, pdf, doc_type="report", title=f"Báo cáo X {self.shift['id']}")
        except Exception as err:  # a printer fault is reported, never fatal
            log.exception("printing the X report failed")
            self._say(str(err), WARNING_STYLE)
            return False
        self._say(self.tr("Đã in báo cáo X.") if printed else self.tr("Chưa in báo cáo X."), MUTED_STYLE)
        return printed

    def close_shift(self, shift: dict | None) -> dict | None:
        """Ask for the cash counted and close; the Z prints at once. Returns the Z, or None."""
        if not shift or shift["status"] != "open":
            self._say(self.tr("Chọn một ca đang mở."), WARNING_STYLE)
            return None
        try:
            report = shifts.report(self.session.store, self.session.user, shift["id"])
        except Kt1Error as err:
            self._say(err.text(self.session.lang), ERROR_STYLE)
            return None
        z = self.ask_close(shift, report)
        if z is None:
            return None
        said = self.print_z(shift["id"])
        self.refresh()
        self._say(self.tr("Đã chốt ca {id}.").format(id=shift["id"]) + " " + said, MUTED_STYLE)
        return z

    def print_selected(self) -> None:
        row = selected_row(self.view)
        if row is None:
            self._say(self.tr("Chọn một ca trong danh sách."), WARNING_STYLE)
            return
        if row["status"] == "closed":
            self._say(self.print_z(row["id"]), MUTED_STYLE)
            self.refresh()
        elif self.shift and row["id"] == self.shift["id"]:
            self.print_x()
        else:
            from ..printing import shift_report_pdf
            from ..services import office

            report = shifts.report(self.session.store, self.session.user, row["id"])
            self.session.print_documents(self, shift_report_pdf(report, office.get_office(self.session.store)),
                                         doc_type="report", title=f"Báo cáo X {row['id']}")

    def open_shift(self) -> None:
        shifts.open_shift(self.session.store, self.session.user, self.session.counter["code"])
        self.refresh()

    def print_z(self, shift_id: str) -> str:
        """Print a closed shift's Z (a reprint after the first) and count it; returns what to tell the clerk."""
        from ..printing import shift_report_pdf
        from ..services import office

        session = self.session
        n = shifts.z_prints(session.store, shift_id) + 1
        report = shifts.report(session.store, session.user, shift_id)
        try:
            pdf = shift_report_pdf(report, office.get_office(session.store), print_no=n)
            printed = session.print_documents(self, pdf, doc_type="report", title=f"Báo cáo Z {shift_id}")
        except Exception as err:  # a printer fault is reported, never fatal: the Z is stored
            log.exception("printing the Z of %s failed", shift_id)
            return self.tr("Chưa in được báo cáo Z ({reason}); in lại ở danh sách ca.").format(
                reason=err.text(session.lang) if isinstance(err, Kt1Error) else str(err))
        if not printed:
            return self.tr("Chưa in báo cáo Z; in lại ở danh sách ca.")
        shifts.record_z_print(session.store, session.user, shift_id)
        return self.tr("Đã in báo cáo Z.") if n == 1 else self.tr("Đã in lại báo cáo Z (lần {n}).").format(n=n)

    # -- helpers -----------------------------------------------------------------
    def _ask_close(self, shift: dict, report: dict) -> dict | None:
        dialog = CloseShiftDialog(self.session, shift, report, self)
        return dialog.z if dialog.exec() else None

    def _say(self, text: str, style: str) -> None:
        set_message(self.message, text, style)

    def _store_changed(self, _action: str, entities) -> None:
        if not entities & {"item", "shift", "refusal"}:
            return
        self.store_changed()
