"""The figures of a report on the Báo cáo page, each one a button that lists its items.

The figures come from the report dict (``kt1desk.reports.figures.compute``) as
they are: nothing is added up here. A figure the office has no records for
(None in the report) says "Không có số liệu", never 0. Clicking a figure, or
Enter/Space on it, asks for its items (``drill(key, title)``).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import QGridLayout, QGroupBox, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from ..formats import money, number
from ..services.intake import KINDS
from .pagekit import MUTED_STYLE

# A figure's value button: looks like a link, takes the focus like a button.
VALUE_STYLE = ("QPushButton { text-align: left; border: none; padding: 2px 4px; color: #1f5f99;"
               " text-decoration: underline; }"
               "QPushButton:focus { border: 2px solid #e0a100; border-radius: 3px; }"
               "QPushButton:disabled { color: #202124; text-decoration: none; }")
# Which groups go in which column, for two and for three columns.
COLUMNS = {2: (("items", "fees", "quality"), ("kinds", "secrecy", "time"), ()),
           3: (("items", "quality"), ("fees", "time"), ("kinds", "secrecy"))}
WIDE = 1080  # pixels from which three columns of groups fit
NO_DATA_STYLE = "QPushButton { text-align: left; border: none; padding: 2px 4px; color: #8a5300; font-style: italic; }"


def pct(value: float, lang: str) -> str:
    """56.8 → '56,8%' (vi) / '56.8%' (en), 50.0 → '50,0%': the one decimal the report gives, always shown."""
    text = f"{value:.1f}"
    return (text if lang == "en" else text.replace(".", ",")) + "%"


class Figure:
    """One figure: its name, its value as text (None: no data) and the key of its items (None: not listed)."""

    def __init__(self, key: str, name: str, value: Callable[[dict], str | None], drill: str | None = None):
        self.key, self.name, self.value, self.drill = key, name, value, drill


class FiguresPanel(QWidget):
    """The figures in groups; ``drill(key, title)`` when one is clicked."""

    drill = Signal(str, str)

    def __init__(self, lang: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.lang = lang
        self.report: dict | None = None
        self.values: dict[str, QPushButton] = {}
        self.names: dict[str, QLabel] = {}
        self.figures: dict[str, Figure] = {}
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 4, 0, 0)
        row.setSpacing(10)
        self.columns = [QVBoxLayout() for _ in range(3)]
        for column in self.columns:
            column.setSpacing(10)
            row.addLayout(column, 1)
        self.boxes: dict[str, QGroupBox] = {}
        for group_key, title, figures in self._groups():
            box = QGroupBox(title)
            box.setObjectName(f"group_{group_key}")
            form = QGridLayout(box)
            form.setHorizontalSpacing(8)
            form.setVerticalSpacing(2)
            for line, figure in enumerate(figures):
                name = QLabel(figure.name)
                name.setStyleSheet(MUTED_STYLE)
                value = QPushButton()
                value.setObjectName(f"figure_{figure.key}")
                value.setAutoDefault(True)  # Enter on it lists the items, as a click does
                value.setFlat(True)
                value.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
                value.clicked.connect(lambda _=False, f=figure: self._clicked(f))
                form.addWidget(name, line, 0, Qt.AlignmentFlag.AlignVCenter)
                form.addWidget(value, line, 1)
                name.setBuddy(value)
                self.values[figure.key], self.names[figure.key], self.figures[figure.key] = value, name, figure
            form.setColumnStretch(1, 1)
            self.boxes[group_key] = box
        self.column_count = 0
        self._arrange(2)

    def _arrange(self, count: int) -> None:
        """The groups in two columns (a small screen) or three (a wide one), top-aligned."""
        if count == self.column_count:
            return
        self.column_count = count
        for column in self.columns:
            while column.count():
                column.takeAt(0)
        for index, keys in enumerate(COLUMNS[count]):
            for key in keys:
                self.columns[index].addWidget(self.boxes[key])
        for index, column in enumerate(self.columns):
            column.addStretch(1)
            self.layout().setStretch(index, 1 if index < count else 0)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self._arrange(3 if event.size().width() >= WIDE else 2)

    # -- public ------------------------------------------------------------
    def show_report(self, report: dict) -> None:
        self.report = report
        for key, figure in self.figures.items():
            button = self.values[key]
            text = figure.value(report)
            if text is None:
                button.setText(self.no_data())
                button.setStyleSheet(NO_DATA_STYLE)
                button.setEnabled(False)
                button.setToolTip(self.tr("Bưu cục chưa có dữ liệu cho số liệu này trong kỳ."))
                continue
            button.setText(text)
            clickable = figure.drill is not None
            button.setStyleSheet(VALUE_STYLE)
            button.setEnabled(clickable)
            button.setCursor(QCursor(Qt.CursorShape.PointingHandCursor if clickable else Qt.CursorShape.ArrowCursor))
            button.setToolTip(self.tr("Xem các bưu gửi (Enter)") if clickable else "")

    def text_of(self, key: str) -> str:
        return self.values[key].text()

    def no_data(self) -> str:
        return self.tr("Không có số liệu")

    # -- inside ------------------------------------------------------------
    def _clicked(self, figure: Figure) -> None:
        if figure.drill and self.report is not None:
            self.drill.emit(figure.drill, figure.name)

    def _groups(self) -> list[tuple[str, str, list[Figure]]]:
        lang = self.lang

        def count(key):
            return lambda r: number(r[key], lang)

        def amount(key):
            return lambda r: money(r[key], lang)

        def items_and_money(n: int, vnd: int) -> str:
            return self.tr("%1 bưu gửi · %2").replace("%1", number(n, lang)).replace("%2", money(vnd, lang))

        def payment(key):
            return lambda r: items_and_money(r["by_payment"][key]["items"], r["by_payment"][key]["total_vnd"])

        def kind(key):
            return lambda r: items_and_money(r["by_kind"][key]["items"], r["by_kind"][key]["fees_vnd"])

        def part(group, key):
            return lambda r: number(r[group][key], lang)

        def complaints(r):
            c = r["complaints"]
            if c is None:
                return None
            return self.tr("%1 (đã trả lời %2, trả lời trễ %3, đang mở %4)").replace("%1", number(c["lodged"], lang)) \
                .replace("%2", number(c["answered"], lang)).replace("%3", number(c["late"], lang)) \
                .replace("%4", number(c["open"], lang))

        def compensation(r):
            return None if r["complaints"] is None else money(r["complaints"]["compensation_vnd"], lang)

        def on_time(r):
            if r["on_time"] is None or r["on_time_pct"] is None:
                return None
            return f"{pct(r['on_time_pct'], lang)} ({number(r['on_time']['on_time'], lang)}/" \
                   f"{number(r['on_time']['known'], lang)})"

        def late(r):
            known = r["on_time"]
            return None if known is None or r["on_time_pct"] is None else number(known["known"] - known["on_time"], lang)

        def adoption(r):
            if r["adoption_pct"] is None:
                return None
            return f"{r['agencies_used']}/{r['agencies_eligible']} ({pct(r['adoption_pct'], lang)})"

        kinds = [Figure(f"kind_{k}", KINDS[k].get(lang, k), kind(k), f"kind:{k}") for k in ("thu", "goi", "kien")]
        return [
            ("items", self.tr("Bưu gửi"), [
                Figure("items", self.tr("Bưu gửi nhận gửi"), count("items"), "items"),
                Figure("pieces", self.tr("Số kiện"), count("pieces"), "items"),
                Figure("voided", self.tr("Đã hủy (không tính)"), count("voided"), "voided"),
                Figure("refusals", self.tr("Từ chối nhận"), count("refusals"), "refusals"),
                Figure("complaints", self.tr("Khiếu nại"), complaints, "complaints"),
                Figure("compensation", self.tr("Bồi thường"), compensation),
            ]),
            ("fees", self.tr("Cước"), [
                Figure("fees", self.tr("Cước chưa VAT"), amount("fees_vnd"), "items"),
                Figure("vat", self.tr("Thuế VAT"), amount("vat_vnd"), "items"),
                Figure("total", self.tr("Tổng cộng"), amount("total_vnd"), "items"),
                Figure("pay_cash", self.tr("Thu tiền mặt"), payment("cash"), "payment:cash"),
                Figure("pay_account", self.tr("Ghi nợ theo tháng"), payment("account"), "payment:account"),
                Figure("pay_free", self.tr("Miễn cước"), lambda r: self.tr("%1 bưu gửi").replace(
                    "%1", number(r["by_payment"]["free"]["items"], lang)), "payment:free"),
                Figure("free_appendix", self.tr("Miễn cước — Phụ lục I"), part("free", "appendix-I"), "free:appendix-I"),
                Figure("free_central", self.tr("Miễn cước — văn phòng Trung ương"), part("free", "central-office"),
                       "free:central-office"),
            ]),
            ("kinds", self.tr("Loại và dấu hiệu"), kinds + [
                Figure("mark_hoa_toc", self.tr("Hỏa tốc"), part("by_mark", "hoa_toc"), "mark:hoa_toc"),
                Figure("mark_hen_gio", self.tr("Hẹn giờ"), part("by_mark", "hen_gio"), "mark:hen_gio"),
                Figure("mark_none", self.tr("Không dấu hiệu"), part("by_mark", "none"), "mark:none"),
            ]),
            ("secrecy", self.tr("Độ mật và phạm vi"), [
                Figure("secrecy_A", self.tr("Độ mật A"), part("by_secrecy", "A"), "secrecy:A"),
                Figure("secrecy_B", self.tr("Độ mật B"), part("by_secrecy", "B"), "secrecy:B"),
                Figure("secrecy_C", self.tr("Độ mật C"), part("by_secrecy", "C"), "secrecy:C"),
                Figure("secrecy_none", self.tr("Không mật"), part("by_secrecy", "none"), "secrecy:none"),
                Figure("scope_local", self.tr("Nội tỉnh"), part("by_scope", "noi-tinh"), "scope:noi-tinh"),
                Figure("scope_other", self.tr("Liên tỉnh"), part("by_scope", "lien-tinh"), "scope:lien-tinh"),
            ]),
            ("time", self.tr("Thời điểm nhận gửi"), [
                Figure("after_hours", self.tr("Ngoài giờ hành chính"), count("after_hours"), "after_hours"),
                Figure("weekends", self.tr("Ngày nghỉ cuối tuần"), count("weekends"), "weekends"),
                Figure("holidays", self.tr("Ngày lễ, Tết"), count("holidays"), "holidays"),
            ]),
            ("quality", self.tr("Chất lượng và mức sử dụng"), [
                Figure("on_time", self.tr("Phát đúng hạn"), on_time, "on_time"),
                Figure("late", self.tr("Phát trễ hạn"), late, "late"),
                Figure("adoption", self.tr("Cơ quan sử dụng dịch vụ"), adoption, "agencies:eligible"),
            ]),
        ]
