"""Nhận túi đến: a bag (its label scanned) or a dispatch, checked item by item against its manifest.

Every item taken out is scanned: listed ones are ticked, others are added as
extra; any can be marked damaged. The receipt record lists what is missing,
extra and damaged, both sides sign it (typed names, a pad where attached), and
it prints.

A dispatch made at another office arrives as a signed file too ("Nạp tệp chuyến
thư…"): once imported, its bags are checked here against the manifest it carried.
"""

from __future__ import annotations

import logging

from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from .. import s10
from ..errors import Kt1Error
from ..life import arrival, transfer
from .lifekit import TintedRows, error_text
from .pagekit import ERROR_STYLE, MUTED_STYLE, WARNING_STYLE, Column, scaled_font, set_message, table_view
from .session import Session
from .sign_dialog import SignDialog, Signer

log = logging.getLogger(__name__)


class ArrivalTab(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.ask = self._ask  # tests replace it: (rows) -> receipt result or None
        self.arriving: dict | None = None
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Số hiệu túi hoặc chuyến thư")))
        self.target_edit = QLineEdit()
        self.target_edit.setObjectName("targetEdit")
        self.target_edit.setPlaceholderText(self.tr("quét nhãn túi, hoặc gõ T-… / CT-… rồi Enter"))
        row.addWidget(self.target_edit, 1)
        self.load_button = QPushButton(self.tr("&Mở"))
        row.addWidget(self.load_button)
        self.import_button = QPushButton(self.tr("&Nạp tệp chuyến thư…"))
        self.import_button.setObjectName("importDispatch")
        self.import_button.setToolTip(self.tr("Nạp tệp chuyến thư do bưu cục gửi ghi ra (đã ký), rồi kiểm túi"))
        row.addWidget(self.import_button)
        layout.addLayout(row)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setFont(scaled_font(self.summary, 1.05, bold=True))
        layout.addWidget(self.summary)
        row = QHBoxLayout()
        self.item_edit = QLineEdit()
        self.item_edit.setObjectName("itemEdit")
        self.item_edit.setPlaceholderText(self.tr("quét từng bưu gửi lấy ra khỏi túi (hoặc gõ số hiệu rồi Enter)"))
        row.addWidget(self.item_edit, 1)
        self.damaged_button = QPushButton(self.tr("Đánh dấu / bỏ &hư hỏng"))
        row.addWidget(self.damaged_button)
        layout.addLayout(row)
        lang = session.lang
        self.model = TintedRows([
            Column(self.tr("Số hiệu"), lambda r: r["id"]),
            Column(self.tr("Túi"), lambda r: r["bag_id"] or ""),
            Column(self.tr("Cơ quan nhận"), lambda r: r["recipient_name"] or self.tr("(không có ở bưu cục này)")),
            Column(self.tr("Kiểm"), lambda r: self._state(r)),
            Column(self.tr("Hư hỏng"), lambda r: self.tr("HƯ HỎNG") if r["damaged"] else ""),
        ], late=lambda r: not r["listed"] or r["damaged"], parent=self)
        self.view = table_view(self.model)
        self.view.setObjectName("arrivalView")
        self.view.setSortingEnabled(False)
        layout.addWidget(self.view, 1)
        row = QHBoxLayout()
        self.counts = QLabel()
        row.addWidget(self.counts, 1)
        self.record_button = QPushButton(self.tr("&Lập biên bản và in…"))
        self.drop_button = QPushButton(self.tr("&Bỏ"))
        row.addWidget(self.record_button)
        row.addWidget(self.drop_button)
        layout.addLayout(row)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.hide()
        layout.addWidget(self.message)
        self.lang = lang
        self.target_edit.returnPressed.connect(self.load)
        self.load_button.clicked.connect(self.load)
        self.import_button.clicked.connect(self.choose_import)
        self.item_edit.returnPressed.connect(self._typed)
        self.damaged_button.clicked.connect(self.toggle_damaged)
        self.view.activated.connect(lambda _i: self.toggle_damaged())
        self.record_button.clicked.connect(self.record)
        self.drop_button.clicked.connect(self.reset)
        self.reset()

    def focus_first(self) -> None:
        (self.item_edit if self.arriving else self.target_edit).setFocus()

    def _state(self, row: dict) -> str:
        if not row["listed"]:
            return self.tr("THỪA")
        return self.tr("✓ đã quét") if row["scanned"] else self.tr("chưa quét")

    # -- loading and scanning ------------------------------------------------------------------------
    def load(self, target: str | None = None) -> bool:
        target = (target or self.target_edit.text()).strip()
        if not target:
            return False
        try:
            self.arriving = arrival.expected(self.session.store, target)
        except Kt1Error as err:
            set_message(self.message, err.text(self.lang), ERROR_STYLE)
            return False
        rows = [dict(id=r["id"], bag_id=bag["id"], recipient_name=r["recipient_name"], listed=True, scanned=False,
                     damaged=False) for bag in self.arriving["bags"] for r in bag["rows"]]
        self.model.set_rows(rows)
        self.view.resizeColumnsToContents()
        what = ", ".join(b["id"] for b in self.arriving["bags"])
        via = self.tr(" · chuyến thư {id}").format(id=self.arriving["dispatch_id"]) if self.arriving["dispatch_id"] else ""
        self.summary.setText(self.tr("Đang kiểm: {bags}{via} — {n} bưu gửi trong bảng kê").format(
            bags=what, via=via, n=len(rows)))
        self.target_edit.setText(self.arriving["id"])
        self._enable(True)
        set_message(self.message, self.tr("Quét từng bưu gửi lấy ra khỏi túi."), MUTED_STYLE)
        self._count()
        self.item_edit.setFocus()
        return True

    def scanned(self, item_id: str) -> bool:
        """A scanned item: ticked if listed, added as extra if not. False when no bag is being checked."""
        if self.arriving is None:
            return False
        try:
            item_id = s10.parse(item_id)
        except Kt1Error as err:
            set_message(self.message, err.text(self.lang), ERROR_STYLE)
            return True
        rows = self.model.rows
        found = next((r for r in rows if r["id"] == item_id), None)
        if found is None:
            item = self.session.store.one("SELECT recipient_name FROM any_items WHERE id = ?", (item_id,))
            found = dict(id=item_id, bag_id=None, recipient_name=item["recipient_name"] if item else "",
                         listed=False, scanned=True, damaged=False)
            rows = rows + [found]
            set_message(self.message, self.tr("{id} không có trong bảng kê: ghi THỪA.").format(id=item_id),
                        WARNING_STYLE)
        elif found["scanned"]:
            set_message(self.message, self.tr("{id} đã quét rồi.").format(id=item_id), WARNING_STYLE)
        else:
            found["scanned"] = True
            set_message(self.message, self.tr("Đã kiểm {id}.").format(id=item_id), MUTED_STYLE)
        self.model.set_rows(rows)
        self.view.selectRow(rows.index(found))
        self._count()
        return True

    def _typed(self) -> None:
        text = self.item_edit.text().strip()
        if text:
            self.scanned(text)
        self.item_edit.clear()

    def toggle_damaged(self) -> None:
        index = self.view.currentIndex().row()
        if not 0 <= index < len(self.model.rows):
            set_message(self.message, self.tr("Chọn bưu gửi hư hỏng trong danh sách."), WARNING_STYLE)
            return
        row = self.model.rows[index]
        row["damaged"] = not row["damaged"]
        if row["damaged"]:
            row["scanned"] = True  # it is in hand
        self.model.set_rows(self.model.rows)
        self.view.selectRow(index)
        self._count()

    def _count(self) -> None:
        rows = self.model.rows
        listed = [r for r in rows if r["listed"]]
        self.counts.setText(self.tr("Đã quét {done}/{total} · thiếu {missing} · thừa {extra} · hư hỏng {damaged}").format(
            done=sum(r["scanned"] for r in listed), total=len(listed),
            missing=sum(not r["scanned"] for r in listed), extra=sum(not r["listed"] for r in rows),
            damaged=sum(r["damaged"] for r in rows)))

    def has_unsaved_input(self) -> bool:
        return self.arriving is not None and any(r["scanned"] for r in self.model.rows)

    # -- recording -------------------------------------------------------------------------------------
    def record(self) -> dict | None:
        if self.arriving is None:
            return None
        result = self.ask(self.model.rows)
        if result is None:
            return None
        printed = self.print_record(result["receipt"])
        self.reset()
        parts = [self.tr("Biên bản {id}: đã nhận {n}").format(id=result["receipt"], n=len(result["received"]))]
        if result["missing"]:
            parts.append(self.tr("THIẾU {ids}").format(ids=", ".join(result["missing"])))
        if result["extra"]:
            parts.append(self.tr("THỪA {ids}").format(ids=", ".join(result["extra"])))
        if result["damaged"]:
            parts.append(self.tr("HƯ HỎNG {ids}").format(ids=", ".join(result["damaged"])))
        set_message(self.message, " · ".join(parts) + ". " + printed,
                    WARNING_STYLE if result["missing"] or result["extra"] or result["damaged"] else MUTED_STYLE)
        return result

    def _ask(self, rows: list[dict]) -> dict | None:
        session = self.session
        arriving = self.arriving
        deliverer = arriving["deliverer"]
        scanned = [r["id"] for r in rows if r["scanned"]]
        damaged = [r["id"] for r in rows if r["damaged"]]
        dialog = SignDialog(
            session, title=self.tr("Biên bản nhận túi"), action=self.tr("Ký và in biên bản"),
            summary=self.counts.text(), fields=[("note", self.tr("Ghi chú"), "")],
            signers=[Signer("deliverer", self.tr("Bên giao"), deliverer),
                     Signer("receiver", self.tr("Bên nhận"), session.user.full_name)],
            act=lambda v: arrival.receive(
                session.store, session.user, arriving["id"], scanned, damaged=damaged, deliverer=v["deliverer_name"],
                deliverer_signature=v["deliverer_signature"], deliverer_png=v["deliverer_png"],
                receiver=v["receiver_name"], receiver_signature=v["receiver_signature"],
                receiver_png=v["receiver_png"], note=v["note"], counter=session.counter["code"]),
            parent=self)
        return dialog.result_value if dialog.exec() else None

    def print_record(self, receipt_id: str) -> str:
        from ..printing import arrival_pdf

        try:
            ok = self.session.print_documents(self, arrival_pdf(self.session.store, receipt_id), doc_type="report",
                                              title=f"Biên bản nhận {receipt_id}")
        except Exception as err:  # the receipt is recorded whatever the printer does
            log.exception("printing the receipt record failed")
            return error_text(err, self.lang)
        return self.tr("Đã in biên bản.") if ok else self.tr("Chưa in biên bản.")

    # -- a dispatch file from another office -----------------------------------------------------------
    def choose_import(self) -> dict | None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Chọn tệp chuyến thư"), "",
                                              self.tr("Tệp chuyến thư KT1 (*.kt1b);;Mọi tệp (*)"))
        return self.import_file(path) if path else None

    def import_file(self, path: str) -> dict | None:
        """Import a dispatch file and open it for checking; a refusal is said here and nothing is stored."""
        if self.has_unsaved_input():
            set_message(self.message, self.tr("Lập biên bản hoặc bỏ túi đang kiểm trước đã."), WARNING_STYLE)
            return None
        try:
            done = transfer.import_file(self.session.store, self.session.user, path)
        except Kt1Error as err:
            set_message(self.message, err.text(self.lang), ERROR_STYLE)
            return None
        self.reset()
        loaded = self.load(done["dispatch"])
        text = (self.tr("Chuyến thư {id} đã được nạp trước đây: không thay đổi gì.") if done["status"] == "already_imported"
                else self.tr("Đã nạp chuyến thư {id} của {origin}: {bags} túi, {n} bưu gửi.")).format(
            id=done["dispatch"], origin=done["origin"], bags=len(done["bags"]), n=done["items"])
        if loaded:
            text += " " + self.tr("Quét từng bưu gửi lấy ra khỏi túi.")
            set_message(self.message, text, MUTED_STYLE)
        else:
            set_message(self.message, text + " " + self.message.text(), WARNING_STYLE)
        return done

    def reset(self) -> None:
        self.arriving = None
        self.model.set_rows([])
        waiting = [r["id"] for r in transfer.list_inbound(self.session.store, limit=20) if r["waiting"]]
        self.summary.setText(self.tr("Quét nhãn túi đến (hoặc gõ số hiệu túi, chuyến thư) để bắt đầu kiểm.")
                             + (" " + self.tr("Chuyến thư đã nạp, chờ nhận: {ids}").format(ids=", ".join(waiting))
                                if waiting else ""))
        self.counts.setText("")
        self.target_edit.clear()
        self._enable(False)

    def _enable(self, loaded: bool) -> None:
        for widget in (self.item_edit, self.damaged_button, self.record_button, self.drop_button):
            widget.setEnabled(loaded)
        self.target_edit.setEnabled(not loaded)
        self.load_button.setEnabled(not loaded)
        self.import_button.setEnabled(not loaded)
