"""Đồng bộ: what has not reached the province yet, and the ways to send it — USB stick or network.

Every button calls the core (``kt1desk.sync.client``) off the GUI thread and ends with a
sentence a clerk understands. Nothing here marks anything sent: only a receipt from the
province moves the "confirmed" line.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (QFileDialog, QFormLayout, QGroupBox, QHBoxLayout, QInputDialog, QLabel, QLineEdit,
                               QProgressBar, QPushButton, QVBoxLayout, QWidget)

from .. import clock
from ..errors import Kt1Error
from ..formats import moment, number
from ..sync import client, keys
from .pagekit import ERROR_STYLE, scaled_font, set_message
from .session import Session
from .tasks import run_task

OK_STYLE = "color: #1b6e20;"


class _Progress(QObject):
    """Carries a push's progress from the worker thread to the GUI thread."""

    moved = Signal(int, int)


class SyncPage(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.setObjectName("sync_page")
        self.busy = False
        self.last_result = ""  # the plain-language sentence of the last action (tests read it)
        self._progress = _Progress(self)
        self._progress.moved.connect(self._on_progress)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 18)
        self.title = QLabel()
        self.title.setFont(scaled_font(self.title, 1.4, bold=True))
        layout.addWidget(self.title)
        self.pending = QLabel()
        self.pending.setObjectName("pending")
        self.pending.setFont(scaled_font(self.pending, 1.25, bold=True))
        layout.addWidget(self.pending)

        self.state_box = QGroupBox()
        form = QFormLayout(self.state_box)
        self.destination_label, self.destination = QLabel(), QLabel()
        self.confirmed_label, self.confirmed = QLabel(), QLabel()
        self.attempt_label, self.attempt = QLabel(), QLabel()
        self.province_label, self.province = QLabel(), QLabel()
        self.key_label, self.key = QLabel(), QLabel()
        for lbl, value in ((self.destination_label, self.destination), (self.confirmed_label, self.confirmed),
                           (self.attempt_label, self.attempt), (self.province_label, self.province),
                           (self.key_label, self.key)):
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setWordWrap(True)
            form.addRow(lbl, value)
        layout.addWidget(self.state_box)

        self.usb_box = QGroupBox()
        usb = QHBoxLayout(self.usb_box)
        self.export_button = QPushButton()
        self.ack_button = QPushButton()
        self.apply_button = QPushButton()
        for button in (self.export_button, self.ack_button, self.apply_button):
            usb.addWidget(button)
        usb.addStretch(1)
        layout.addWidget(self.usb_box)

        self.net_box = QGroupBox()
        net = QHBoxLayout(self.net_box)
        self.url_label = QLabel()
        self.url = QLineEdit()
        self.url.setPlaceholderText("https://kt1.buudien-tinh.vn")
        self.push_button = QPushButton()
        self.copy_key_button = QPushButton()
        net.addWidget(self.url_label)
        net.addWidget(self.url, 1)
        net.addWidget(self.push_button)
        layout.addWidget(self.net_box)

        self.progress = QProgressBar()
        self.progress.setVisible(False)
        layout.addWidget(self.progress)
        self.result = QLabel()
        self.result.setWordWrap(True)
        self.result.setObjectName("result")
        self.result.setFont(scaled_font(self.result, 1.1))
        self.result.setVisible(False)
        layout.addWidget(self.result)
        row = QHBoxLayout()
        row.addWidget(self.copy_key_button)
        self.province_key_button = QPushButton()  # admins only: which province key this counter trusts
        self.province_key_button.setVisible(session.is_admin)
        row.addWidget(self.province_key_button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(1)

        self.export_button.clicked.connect(self.choose_export)
        self.ack_button.clicked.connect(self.choose_receipt)
        self.apply_button.clicked.connect(self.choose_province_bundle)
        self.push_button.clicked.connect(self.push)
        self.url.returnPressed.connect(self.push)
        self.copy_key_button.clicked.connect(self.copy_key_line)
        self.province_key_button.clicked.connect(self.ask_province_key)
        if session.events is not None:
            session.events.changed.connect(lambda *_: self.refresh())
        self._retranslate()
        self.refresh()

    # -- texts -------------------------------------------------------------------------
    def page_title(self) -> str:
        return self.tr("Đồng bộ")

    def _retranslate(self) -> None:
        self.title.setText(self.tr("Đồng bộ với tỉnh"))
        self.state_box.setTitle(self.tr("Tình trạng"))
        self.destination_label.setText(self.tr("Nơi nhận:"))
        self.confirmed_label.setText(self.tr("Tỉnh đã xác nhận:"))
        self.attempt_label.setText(self.tr("Lần gửi gần nhất:"))
        self.province_label.setText(self.tr("Gói của tỉnh:"))
        self.key_label.setText(self.tr("Khóa của quầy:"))
        self.usb_box.setTitle(self.tr("Qua USB (không cần mạng)"))
        self.export_button.setText(self.tr("Xuất gói ra thư mục…"))
        self.export_button.setToolTip(self.tr("Ghi mọi bản ghi tỉnh chưa xác nhận vào một tệp, ví dụ trên USB"))
        self.ack_button.setText(self.tr("Nhận biên nhận của tỉnh…"))
        self.apply_button.setText(self.tr("Áp dụng gói của tỉnh…"))
        self.apply_button.setToolTip(self.tr("Danh bạ, bảng cước và lịch làm việc do tỉnh ký"))
        self.net_box.setTitle(self.tr("Qua mạng"))
        self.url_label.setText(self.tr("Địa chỉ dịch vụ:"))
        self.push_button.setText(self.tr("Gửi ngay"))
        self.copy_key_button.setText(self.tr("Sao chép dòng khóa của quầy"))
        self.province_key_button.setText(self.tr("Nhập dòng khóa của tỉnh…"))
        self.refresh()

    def changeEvent(self, event) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def focus_first(self) -> None:
        self.refresh()
        self.export_button.setFocus()

    # -- state ---------------------------------------------------------------------------
    def refresh(self) -> None:
        try:
            state = client.status(self.session.store)
        except Kt1Error as err:
            self.pending.setText(err.text(self.session.lang))
            return
        self.state = state
        count = state["pending"]
        self.pending.setText(self.tr("Chưa gửi lên tỉnh: %1 bản ghi").replace("%1", number(count))
                             if count else self.tr("Tỉnh đã nhận đủ mọi bản ghi của quầy."))
        self.pending.setStyleSheet("" if count else OK_STYLE)
        self.destination.setText(self.tr("Tỉnh %1").replace("%1", state["destination_name"]))
        if state["confirmed_at"]:
            self.confirmed.setText(self.tr("đến bản ghi số %1, lúc %2").replace("%1", number(state["confirmed_seq"]))
                                   .replace("%2", moment(clock.parse_iso(state["confirmed_at"]))))
        else:
            self.confirmed.setText(self.tr("chưa lần nào"))
        if state["last_attempt_at"]:
            when = moment(clock.parse_iso(state["last_attempt_at"]))
            self.attempt.setText(self.tr("%1 — lỗi: %2").replace("%1", when).replace("%2", state["last_error"])
                                 if state["last_error"] else self.tr("%1 — thành công").replace("%1", when))
            self.attempt.setStyleSheet(ERROR_STYLE if state["last_error"] else "")
        else:
            self.attempt.setText(self.tr("chưa lần nào"))
            self.attempt.setStyleSheet("")
        if state["province_publication"]:
            self.province.setText(self.tr("số %1, áp dụng lúc %2").replace("%1", str(state["province_publication"]))
                                  .replace("%2", moment(clock.parse_iso(state["province_applied_at"]))))
        elif not state["province_keys"]:
            self.province.setText(self.tr("chưa có khóa của tỉnh: nhờ quản trị nhập dòng khóa của tỉnh"))
        else:
            self.province.setText(self.tr("chưa áp dụng gói nào"))
        self.key.setText(state["key_id"] or self.tr("chưa có"))
        if state["url"] and not self.url.text():
            self.url.setText(state["url"])
        for button in (self.export_button, self.push_button):
            button.setEnabled(not self.busy and count > 0)
        for button in (self.ack_button, self.apply_button):
            button.setEnabled(not self.busy)

    def _show_result(self, text: str, ok: bool) -> None:
        self.last_result = text
        set_message(self.result, text, OK_STYLE if ok else ERROR_STYLE)

    def _start(self, total: int | None = None) -> None:
        self.busy = True
        self.progress.setRange(0, total or 0)  # 0..0: a busy bar until the first batch returns
        self.progress.setValue(0)
        self.progress.setVisible(True)
        set_message(self.result, None)
        self.refresh()

    def _finish(self) -> None:
        self.busy = False
        self.progress.setVisible(False)
        self.refresh()

    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _failed(self, err: BaseException) -> None:
        self._finish()
        self._show_result(err.text(self.session.lang) if isinstance(err, Kt1Error) else str(err), False)

    # -- actions: the dialogs, then the work -----------------------------------------------------
    def choose_export(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Chọn thư mục (USB) để ghi gói"))
        if folder:
            self.export_to(folder)

    def export_to(self, folder: str) -> None:
        store = self.session.store
        self._start()

        def done(result: dict) -> None:
            self._finish()
            if result["file"] is None:
                self._show_result(self.tr("Không có gì cần gửi: tỉnh đã nhận đủ."), True)
                return
            self._show_result(self.tr("Đã ghi %1 bản ghi vào %2. Mang tệp này lên tỉnh; khi có biên nhận, bấm "
                                      "«Nhận biên nhận của tỉnh».").replace("%1", number(result["count"]))
                              .replace("%2", result["file"]), True)

        run_task(self, lambda: client.export(store, folder), on_done=done, on_error=self._failed)

    def push(self) -> None:
        url = self.url.text().strip()
        if not url:
            self._show_result(self.tr("Nhập địa chỉ dịch vụ đồng bộ của tỉnh trước."), False)
            self.url.setFocus()
            return
        store = self.session.store
        self._start(self.state["pending"] if hasattr(self, "state") else None)
        progress = self._progress

        def done(result: dict) -> None:
            self._finish()
            if "fork" in result:
                self._show_result(self._fork_text(result["fork"]), False)
                return
            sent = result["pushed"] + result["already_present"]
            text = (self.tr("Đã gửi %1 bản ghi; tỉnh đã xác nhận tất cả.") if not result["pending"] else
                    self.tr("Đã gửi %1 bản ghi; còn %2 chưa gửi.")).replace("%1", number(sent)) \
                .replace("%2", number(result["pending"]))
            self._show_result(text, True)

        run_task(self, lambda: client.push(store, url, progress=progress.moved.emit), on_done=done,
                 on_error=self._failed)

    def choose_receipt(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Chọn biên nhận của tỉnh"), "",
                                              self.tr("Gói KT1 (*.kt1b);;Mọi tệp (*)"))
        if path:
            self.apply_receipt(path)

    def apply_receipt(self, path: str) -> None:
        store = self.session.store
        self._start()

        def done(result: dict) -> None:
            self._finish()
            if result["status"] == "fork":
                self._show_result(self._fork_text(result), False)
            elif result["status"] == "stale":
                self._show_result(self.tr("Biên nhận này đã cũ: không thay đổi gì."), True)
            else:
                self._show_result(self.tr("Tỉnh đã xác nhận đến bản ghi số %1.")
                                  .replace("%1", number(result["confirmed_seq"])), True)

        run_task(self, lambda: client.ack_file(store, path), on_done=done, on_error=self._failed)

    def choose_province_bundle(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Chọn gói của tỉnh"), "",
                                              self.tr("Gói KT1 (*.kt1b);;Mọi tệp (*)"))
        if path:
            self.apply_province(path)

    def apply_province(self, path: str) -> None:
        store, user = self.session.store, self.session.user
        self._start()

        def work() -> dict:
            try:
                data = Path(path).read_bytes()
            except OSError as err:
                raise Kt1Error("file_unreadable", path=path, reason=err.strerror or str(err)) from None
            return client.apply_province(store, user, data)

        def done(result: dict) -> None:
            self._finish()
            if result["status"] == "already_applied":
                self._show_result(self.tr("Gói số %1 của tỉnh đã được áp dụng trước đây: không thay đổi gì.")
                                  .replace("%1", str(result["publication"])), True)
                return
            self._show_result(self.tr("Đã áp dụng gói số %1 của tỉnh: %2 cơ quan, %3 bảng cước, %4 ngày hoán đổi "
                                      "thay đổi.").replace("%1", str(result["publication"]))
                              .replace("%2", str(result["agencies"])).replace("%3", str(result["tariffs"]))
                              .replace("%4", str(result["swaps"])), True)

        run_task(self, work, on_done=done, on_error=self._failed)

    def copy_key_line(self) -> None:
        try:
            line = keys.counter_key_line(self.session.store)
        except Kt1Error as err:
            self._show_result(err.text(self.session.lang), False)
            return
        QGuiApplication.clipboard().setText(line)
        self._show_result(self.tr("Đã sao chép dòng khóa của quầy: gửi cho tỉnh để đăng ký."), True)

    def ask_province_key(self) -> None:
        line, ok = QInputDialog.getText(self, self.tr("Khóa của tỉnh"),
                                        self.tr("Dán dòng khóa của tỉnh (bắt đầu bằng kt1desk-key/1):"))
        if ok and line.strip():
            self.trust_province_key(line)

    def trust_province_key(self, line: str) -> None:
        try:
            key_id = keys.trust_province_key(self.session.store, self.session.user, line)
        except Kt1Error as err:
            self._show_result(err.text(self.session.lang), False)
            return
        self._show_result(self.tr("Quầy đã tin cậy khóa %1 của tỉnh.").replace("%1", key_id), True)
        self.refresh()

    def _fork_text(self, fork: dict) -> str:
        return self.tr("Tỉnh đang giữ các bản ghi mà quầy này không còn (từ số %1): quầy đã được khôi phục từ bản sao "
                       "lưu cũ. Không gộp gì; các số hiệu tỉnh đã thấy sẽ không được cấp lại. Quầy tiếp tục với khóa "
                       "mới %2: bấm «Sao chép dòng khóa của quầy» và gửi cho tỉnh đăng ký.") \
            .replace("%1", str(fork.get("fork_seq"))).replace("%2", str(fork.get("key_id")))
