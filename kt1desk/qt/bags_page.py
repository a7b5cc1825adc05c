"""Túi thư: secret items first, bags scanned full and sealed, dispatches handed over, bags received.

Three tabs. "Túi đi": the immediate-dispatch queue of secret items (red past
the office's threshold), the bags, and the one chosen — a scan puts an item in
it (a second scan says so and adds nothing), the seal number closes it and its
label and manifest print. "Chuyến thư": sealed bags handed to a vehicle,
signed. "Nhận túi đến": a bag or dispatch checked item by item against its
manifest. A scan goes to the tab on screen.
"""

from __future__ import annotations

import logging
from datetime import datetime

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (QComboBox, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QSpinBox,
                               QSplitter, QTabWidget, QVBoxLayout, QWidget)

from .. import s10
from ..errors import Kt1Error
from ..life import bags
from ..services import office, settings
from .lifekit import RefreshWhenSeen, TintedRows
from .pagekit import (ERROR_STYLE, MUTED_STYLE, WARNING_STYLE, Column, RowsModel, scaled_font, selected_row,
                      set_message, table_view)
from .session import Session

log = logging.getLogger(__name__)
QUEUE_REFRESH_MS = 60_000  # the minutes waited go up by themselves


class OutgoingTab(QWidget):
    """Túi đi: the secret queue, the bags, and the chosen bag."""

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        lang = session.lang
        layout = QVBoxLayout(self)

        # -- secret items first -----------------------------------------------------------------
        self.queue_box = QGroupBox()
        queue = QVBoxLayout(self.queue_box)
        top = QHBoxLayout()
        self.queue_title = QLabel()
        self.queue_title.setFont(scaled_font(self.queue_title, 1.05, bold=True))
        top.addWidget(self.queue_title, 1)
        top.addWidget(QLabel(self.tr("Báo đỏ sau")))
        self.threshold = QSpinBox()
        self.threshold.setObjectName("secretThreshold")
        self.threshold.setRange(1, 24 * 60)
        self.threshold.setSuffix(self.tr(" phút"))
        self.threshold.setEnabled(session.can_supervise)
        self.threshold.setToolTip(self.tr("Kiểm soát viên đổi được (áp dụng cho cả bưu cục)") if session.can_supervise
                                  else self.tr("Chỉ kiểm soát viên đổi được"))
        top.addWidget(self.threshold)
        queue.addLayout(top)
        self.queue_model = TintedRows([
            Column(self.tr("Số hiệu"), lambda r: r["id"]),
            Column(self.tr("Mật"), lambda r: r["secrecy"]),
            Column(self.tr("Cơ quan nhận"), lambda r: r["recipient_name"]),
            Column(self.tr("Tỉnh"), lambda r: r["recipient_province"]),
            Column(self.tr("Đã chờ"), lambda r: self.tr("{n} phút").format(n=r["minutes"]), lambda r: r["minutes"],
                   Qt.AlignmentFlag.AlignRight),
            Column(self.tr("Túi"), lambda r: r["bag_id"] or self.tr("chưa vào túi")),
        ], late=lambda r: r["late"], parent=self)
        self.queue_view = table_view(self.queue_model)
        self.queue_view.setObjectName("secretQueue")
        queue.addWidget(self.queue_view)
        layout.addWidget(self.queue_box)

        # -- bags ---------------------------------------------------------------------------------
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Nơi đến")))
        self.destination = QComboBox()
        self.destination.setObjectName("destination")
        self.destination.setEditable(True)
        self.destination.setMinimumWidth(200)
        here = office.get_office(session.store)
        self.destination.addItem(self.tr("{code} — phát tại bưu cục này").format(code=here["code"]), here["code"])
        for name in bags.destinations(session.store):
            self.destination.addItem(name, name)
        row.addWidget(self.destination, 1)
        self.open_button = QPushButton(self.tr("&Mở túi mới"))
        row.addWidget(self.open_button)
        layout.addLayout(row)

        split = QSplitter(Qt.Orientation.Horizontal)
        self.bags_model = RowsModel([
            Column(self.tr("Túi"), lambda r: r["id"]),
            Column(self.tr("Nơi đến"), lambda r: r["destination"]),
            Column(self.tr("Trạng thái"), lambda r: bags.BAG_STATUSES[r["status"]].get(lang)),
            Column(self.tr("Số BG"), lambda r: str(r["items"]), lambda r: r["items"], Qt.AlignmentFlag.AlignRight),
        ], self)
        self.bags_view = table_view(self.bags_model)
        self.bags_view.setObjectName("bagsView")
        self.bags_view.setSortingEnabled(False)
        split.addWidget(self.bags_view)

        detail = QWidget()
        right = QVBoxLayout(detail)
        right.setContentsMargins(6, 0, 0, 0)
        self.bag_title = QLabel()
        self.bag_title.setWordWrap(True)
        self.bag_title.setFont(scaled_font(self.bag_title, 1.05, bold=True))
        right.addWidget(self.bag_title)
        self.scan_edit = QLineEdit()
        self.scan_edit.setObjectName("scanEdit")
        self.scan_edit.setPlaceholderText(self.tr("Quét hoặc gõ số hiệu bưu gửi rồi Enter"))
        right.addWidget(self.scan_edit)
        self.content_model = RowsModel([
            Column(self.tr("STT"), lambda r: str(r["row_no"]), lambda r: r["row_no"], Qt.AlignmentFlag.AlignRight),
            Column(self.tr("Số hiệu"), lambda r: r["id"]),
            Column(self.tr("Cơ quan nhận"), lambda r: r["recipient_name"]),
            Column(self.tr("Dấu hiệu"), lambda r: " ".join(m for m in (r["secrecy"], "HT" if r["hoa_toc"] else "",
                                                                      "HG" if r["hen_gio_at"] else "") if m)),
        ], self)
        self.content_view = table_view(self.content_model)
        self.content_view.setObjectName("bagContent")
        self.content_view.setSortingEnabled(False)
        right.addWidget(self.content_view, 1)
        actions = QHBoxLayout()
        self.remove_button = QPushButton(self.tr("&Lấy ra khỏi túi"))
        actions.addWidget(self.remove_button)
        actions.addStretch(1)
        self.seal_edit = QLineEdit()
        self.seal_edit.setObjectName("sealEdit")
        self.seal_edit.setPlaceholderText(self.tr("Số niêm phong"))
        self.seal_edit.setMaximumWidth(150)
        actions.addWidget(self.seal_edit)
        self.seal_button = QPushButton(self.tr("&Niêm phong và in"))
        actions.addWidget(self.seal_button)
        self.reprint_button = QPushButton(self.tr("In lại nhãn và bảng kê"))
        actions.addWidget(self.reprint_button)
        right.addLayout(actions)
        split.addWidget(detail)
        split.setSizes([330, 470])
        layout.addWidget(split, 1)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.hide()
        layout.addWidget(self.message)

        self.open_button.clicked.connect(self.open_bag)
        self.bags_view.selectionModel().currentRowChanged.connect(lambda _c, _p: self._show_bag())
        self.scan_edit.returnPressed.connect(self._typed)
        self.remove_button.clicked.connect(self.remove_selected)
        self.seal_button.clicked.connect(self.seal)
        self.seal_edit.returnPressed.connect(self.seal)
        self.reprint_button.clicked.connect(self.print_papers)
        self.threshold.editingFinished.connect(self._save_threshold)
        self._timer = QTimer(self)
        self._timer.setInterval(QUEUE_REFRESH_MS)
        self._timer.timeout.connect(self.refresh_queue)
        self._timer.start()
        self.refresh()

    # -- reading ---------------------------------------------------------------------------------
    def refresh(self, keep: str | None = None) -> None:
        keep = keep or (self.bag or {}).get("id")
        self.refresh_queue()
        self.bags_model.set_rows(bags.list_bags(self.session.store, status=("open", "closed"))
                                 + bags.list_bags(self.session.store, status=("dispatched", "received"), limit=30))
        self.bags_view.resizeColumnsToContents()
        self.select_bag(keep)

    def refresh_queue(self, now: datetime | None = None) -> None:
        rows = bags.secret_queue(self.session.store, now)
        self.queue_model.set_rows(rows)
        self.queue_view.resizeColumnsToContents()
        late = sum(1 for r in rows if r["late"])
        if not self.threshold.hasFocus():
            self.threshold.setValue(settings.get(self.session.store, "secret_wait_minutes"))
        if rows:
            title = self.tr("Bưu gửi mật chờ chuyển đi ngay: {n}").format(n=len(rows))
            if late:
                title += " — " + self.tr("{n} quá thời gian chờ").format(n=late)
        else:
            title = self.tr("Không có bưu gửi mật nào chờ chuyển đi.")
        self.queue_title.setText(title)
        self.queue_title.setStyleSheet(ERROR_STYLE if late else "")
        self.queue_view.setVisible(bool(rows))
        shown = min(len(rows), 5)  # as tall as its rows, five at most
        self.queue_view.setFixedHeight(self.queue_view.horizontalHeader().height() + 4
                                       + shown * self.queue_view.verticalHeader().defaultSectionSize())

    def select_bag(self, bag_id: str | None) -> None:
        for row, bag in enumerate(self.bags_model.rows):
            if bag["id"] == bag_id:
                self.bags_view.selectRow(row)
                break
        else:
            self.bags_view.clearSelection()
            self.bags_view.setCurrentIndex(self.bags_model.index(-1, -1))
        self._show_bag()

    @property
    def bag(self) -> dict | None:
        return selected_row(self.bags_view)

    def _show_bag(self) -> None:
        bag = self.bag
        is_open = bool(bag and bag["status"] == "open")
        if bag is None:
            self.bag_title.setText(self.tr("Chọn một túi, hoặc mở túi mới cho một nơi đến."))
            self.content_model.set_rows([])
        else:
            state = bags.BAG_STATUSES[bag["status"]].get(self.session.lang)
            seal = self.tr(" · niêm phong {seal}").format(seal=bag["seal_no"]) if bag["seal_no"] else ""
            self.bag_title.setText(f"{bag['id']} → {bag['destination']} ({state}){seal}")
            self.content_model.set_rows(bags.get_bag(self.session.store, bag["id"], rows=True)["rows"])
            self.content_view.resizeColumnsToContents()
            self.content_view.scrollToBottom()
        for widget in (self.scan_edit, self.remove_button, self.seal_edit, self.seal_button):
            widget.setEnabled(is_open)
        self.reprint_button.setVisible(bool(bag) and not is_open)

    # -- changing --------------------------------------------------------------------------------
    def open_bag(self) -> dict | None:
        text = self.destination.currentText()
        index = self.destination.findText(text)
        wanted = self.destination.itemData(index) if index >= 0 else text
        try:
            bag = bags.open_bag(self.session.store, self.session.user, wanted, counter=self.session.counter["code"])
        except Kt1Error as err:
            self._say(err.text(self.session.lang), ERROR_STYLE)
            return None
        self.refresh(bag["id"])
        self._say(self.tr("Đã mở túi {id} đi {destination}: quét bưu gửi vào túi.").format(
            id=bag["id"], destination=bag["destination"]), MUTED_STYLE)
        self.scan_edit.setFocus()
        return bag

    def add(self, item_id: str) -> bool:
        """Put a scanned item in the chosen open bag; False when no open bag is chosen."""
        bag = self.bag
        if not bag or bag["status"] != "open":
            return False
        try:
            result = bags.add_items(self.session.store, self.session.user, bag["id"], [item_id],
                                    counter=self.session.counter["code"])
        except Kt1Error as err:
            self._say(err.text(self.session.lang), ERROR_STYLE)
            return True
        self.refresh(bag["id"])
        if result["already"]:
            self._say(self.tr("{id} đã có trong túi này — không thêm lại.").format(id=result["already"][0]),
                      WARNING_STYLE)
        else:
            self._say(self.tr("Đã cho {id} vào túi ({n} bưu gửi).").format(
                id=result["added"][0], n=self.bag["items"] if self.bag else ""), MUTED_STYLE)
        return True

    def _typed(self) -> None:
        text = self.scan_edit.text().strip()
        if not text:
            return
        if not self.add(s10.normalise(text)):
            self._say(self.tr("Chọn một túi đang mở trước."), WARNING_STYLE)
        self.scan_edit.clear()

    def remove_selected(self) -> None:
        bag, row = self.bag, selected_row(self.content_view)
        if not bag or not row:
            self._say(self.tr("Chọn bưu gửi cần lấy ra."), WARNING_STYLE)
            return
        try:
            bags.remove_items(self.session.store, self.session.user, bag["id"], [row["id"]],
                              counter=self.session.counter["code"])
        except Kt1Error as err:
            self._say(err.text(self.session.lang), ERROR_STYLE)
            return
        self.refresh(bag["id"])
        self._say(self.tr("Đã lấy {id} ra khỏi túi.").format(id=row["id"]), MUTED_STYLE)

    def seal(self) -> dict | None:
        bag = self.bag
        if not bag or bag["status"] != "open":
            return None
        try:
            closed = bags.close_bag(self.session.store, self.session.user, bag["id"], seal_no=self.seal_edit.text())
        except Kt1Error as err:
            self._say(err.text(self.session.lang), ERROR_STYLE)
            self.seal_edit.setFocus()
            return None
        self.seal_edit.clear()
        self.refresh(closed["id"])
        printed = self.print_papers()
        self._say(self.tr("Đã niêm phong túi {id} (số {seal}, {n} bưu gửi). {printed}").format(
            id=closed["id"], seal=closed["seal_no"], n=closed["items"], printed=printed), MUTED_STYLE)
        return closed

    def print_papers(self) -> str:
        """The chosen bag's label (label printer) and manifest (A4); says what was printed."""
        from ..printing import bag_pdf

        bag = self.bag
        if not bag:
            return ""
        done, failed = [], []
        for doc_type, name, only in (("bag_label", self.tr("nhãn túi"), dict(manifest=False)),
                                     ("manifest", self.tr("bảng kê"), dict(label=False))):
            try:
                ok = self.session.print_documents(self, bag_pdf(self.session.store, bag["id"], **only),
                                                  doc_type=doc_type, title=f"{name} {bag['id']}")
            except Exception:  # a printer fault never loses the bag: print again from here
                log.exception("printing %s of %s failed", doc_type, bag["id"])
                ok = False
            (done if ok else failed).append(name)
        if failed:
            text = self.tr("Chưa in được: {papers} (in lại ở đây).").format(papers=", ".join(failed))
        else:
            text = self.tr("Đã in nhãn túi và bảng kê.")
        self._say(text, WARNING_STYLE if failed else MUTED_STYLE)
        return text

    def _save_threshold(self) -> None:
        if not self.session.can_supervise:
            return
        value = str(self.threshold.value())
        if value == str(settings.get(self.session.store, "secret_wait_minutes")):
            return
        try:
            settings.put(self.session.store, self.session.user, "secret_wait_minutes", value)
        except Kt1Error as err:
            self._say(err.text(self.session.lang), ERROR_STYLE)
            return
        self.refresh_queue()

    def _say(self, text: str, style: str) -> None:
        set_message(self.message, text, style)


class BagsPage(RefreshWhenSeen, QWidget):
    """``refreshed`` after the lists were read again."""

    refreshed = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        from .arrival_tab import ArrivalTab
        from .dispatch_tab import DispatchTab

        self.session = session
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 8)
        self.tabs = QTabWidget()
        self.outgoing = OutgoingTab(session)
        self.dispatch = DispatchTab(session)
        self.arrival = ArrivalTab(session)
        self.tabs.addTab(self.outgoing, self.tr("Túi đi"))
        self.tabs.addTab(self.dispatch, self.tr("Chuyến thư"))
        self.tabs.addTab(self.arrival, self.tr("Nhận túi đến"))
        layout.addWidget(self.tabs)
        if session.events is not None:
            session.events.changed.connect(self._store_changed)

    def page_title(self) -> str:
        return self.tr("Túi thư")

    def focus_first(self) -> None:
        tab = self.tabs.currentWidget()
        tab.focus_first() if hasattr(tab, "focus_first") else tab.setFocus()

    def accept_scan(self, item_id: str) -> bool:
        """A scan goes to the tab on screen: into the chosen bag, or into the receipt being checked."""
        tab = self.tabs.currentWidget()
        if tab is self.outgoing:
            return self.outgoing.add(item_id)
        if tab is self.arrival:
            return self.arrival.scanned(item_id)
        return False

    def has_unsaved_input(self) -> bool:
        return self.arrival.has_unsaved_input()

    def refresh(self) -> None:
        self.outgoing.refresh()
        self.dispatch.refresh()
        self.refreshed.emit()

    def _store_changed(self, _action: str, entities) -> None:
        if not entities & {"bag", "dispatch", "receipt", "item", "setting"}:
            return
        self.store_changed()
