"""Chuyến thư: sealed bags handed to a vehicle, signed by the one who takes them; the hand-over record prints.

A dispatch for another office is also written to a signed file ("Xuất tệp chuyến thư…", one per
destination, onto a USB stick say) that the receiving office imports on its arrival tab.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QFileDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ..errors import Kt1Error
from ..life import bags, dispatches, transfer
from .lifekit import error_text, when
from .pagekit import (ERROR_STYLE, MUTED_STYLE, WARNING_STYLE, Column, RowsModel, scaled_font, selected_row,
                      set_message, table_view)
from .session import Session
from .sign_dialog import SignDialog, Signer

log = logging.getLogger(__name__)


class DispatchTab(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.ask = self._ask  # tests replace it: (bag ids) -> dispatch or None
        layout = QVBoxLayout(self)
        heading = QLabel(self.tr("Túi đã niêm phong, chờ giao (chọn một hoặc nhiều túi)"))
        heading.setFont(scaled_font(heading, 1.05, bold=True))
        layout.addWidget(heading)
        self.sealed_model = RowsModel([
            Column(self.tr("Túi"), lambda r: r["id"]),
            Column(self.tr("Nơi đến"), lambda r: r["destination"]),
            Column(self.tr("Số niêm phong"), lambda r: r["seal_no"] or ""),
            Column(self.tr("Số BG"), lambda r: str(r["items"]), lambda r: r["items"], Qt.AlignmentFlag.AlignRight),
            Column(self.tr("Niêm phong lúc"), lambda r: when(r["closed_at"]), lambda r: r["closed_at"] or ""),
        ], self)
        self.sealed_view = table_view(self.sealed_model)
        self.sealed_view.setObjectName("sealedBags")
        self.sealed_view.setSelectionMode(QAbstractItemView.SelectionMode.MultiSelection)
        layout.addWidget(self.sealed_view, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        self.dispatch_button = QPushButton(self.tr("&Giao các túi đã chọn…"))
        row.addWidget(self.dispatch_button)
        layout.addLayout(row)
        heading = QLabel(self.tr("Các chuyến thư đã giao"))
        heading.setFont(scaled_font(heading, 1.05, bold=True))
        layout.addWidget(heading)
        self.done_model = RowsModel([
            Column(self.tr("Chuyến thư"), lambda r: r["id"]),
            Column(self.tr("Giao lúc"), lambda r: when(r["handed_at"]), lambda r: r["handed_at"]),
            Column(self.tr("Xe"), lambda r: r["vehicle"]),
            Column(self.tr("Người nhận"), lambda r: r["receiver_name"]),
            Column(self.tr("Số túi"), lambda r: str(r["bags"]), lambda r: r["bags"], Qt.AlignmentFlag.AlignRight),
            Column(self.tr("Số BG"), lambda r: str(r["items"]), lambda r: r["items"], Qt.AlignmentFlag.AlignRight),
        ], self)
        self.done_view = table_view(self.done_model)
        self.done_view.setObjectName("dispatchesView")
        self.done_view.setSortingEnabled(False)
        layout.addWidget(self.done_view, 1)
        row = QHBoxLayout()
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.hide()
        row.addWidget(self.message, 1)
        self.export_button = QPushButton(self.tr("&Xuất tệp chuyến thư…"))
        self.export_button.setObjectName("exportDispatch")
        self.export_button.setToolTip(self.tr("Ghi chuyến thư đã chọn vào tệp đã ký (ví dụ lên USB) cho bưu cục nhận"))
        row.addWidget(self.export_button)
        self.reprint_button = QPushButton(self.tr("In lại &biên bản"))
        row.addWidget(self.reprint_button)
        layout.addLayout(row)
        self.dispatch_button.clicked.connect(self.dispatch_selected)
        self.reprint_button.clicked.connect(lambda: self.print_record((selected_row(self.done_view) or {}).get("id")))
        self.export_button.clicked.connect(self.choose_export)
        self.refresh()

    def focus_first(self) -> None:
        self.sealed_view.setFocus()

    def refresh(self) -> None:
        self.sealed_model.set_rows(bags.list_bags(self.session.store, status="closed"))
        self.done_model.set_rows(dispatches.list_dispatches(self.session.store, limit=50))
        for view in (self.sealed_view, self.done_view):
            view.resizeColumnsToContents()

    def chosen(self) -> list[str]:
        rows = sorted({index.row() for index in self.sealed_view.selectionModel().selectedRows()})
        return [self.sealed_view.model().index(r, 0).data() for r in rows]

    def dispatch_selected(self) -> dict | None:
        chosen = self.chosen()
        if not chosen:
            set_message(self.message, self.tr("Chọn các túi cần giao."), WARNING_STYLE)
            return None
        done = self.ask(chosen)
        if done is None:
            return None
        self.refresh()
        printed = self.print_record(done["id"])
        set_message(self.message, self.tr("Đã giao chuyến thư {id}: {n} túi. {printed}").format(
            id=done["id"], n=len(done["bags"]), printed=printed), MUTED_STYLE)
        return done

    def _ask(self, bag_ids: list[str]) -> dict | None:
        session = self.session
        dialog = SignDialog(
            session, title=self.tr("Giao chuyến thư"), action=self.tr("Giao và in biên bản"),
            summary=self.tr("Giao {n} túi: {bags}").format(n=len(bag_ids), bags=", ".join(bag_ids)),
            fields=[("vehicle", self.tr("Xe / phương tiện"), "")],
            signers=[Signer("handed_by", self.tr("Bên giao"), session.user.full_name, signs=False),
                     Signer("receiver", self.tr("Bên nhận chuyến thư"))],
            act=lambda v: dispatches.create(
                session.store, session.user, bag_ids, vehicle=v["vehicle"], receiver=v["receiver_name"],
                signature=v["receiver_signature"], signature_png=v["receiver_png"], handed_by=v["handed_by_name"],
                counter=session.counter["code"]),
            parent=self)
        return dialog.result_value if dialog.exec() else None

    def choose_export(self) -> list[dict] | None:
        dispatch_id = (selected_row(self.done_view) or {}).get("id")
        if not dispatch_id:
            set_message(self.message, self.tr("Chọn một chuyến thư đã giao."), WARNING_STYLE)
            return None
        folder = QFileDialog.getExistingDirectory(self, self.tr("Chọn thư mục (USB) để ghi tệp chuyến thư"))
        return self.export_to(dispatch_id, folder) if folder else None

    def export_to(self, dispatch_id: str, folder: str) -> list[dict] | None:
        try:
            done = transfer.export_all(self.session.store, dispatch_id, folder)
        except Kt1Error as err:
            set_message(self.message, err.text(self.session.lang), ERROR_STYLE)
            return None
        files = "; ".join(self.tr("{file} ({n} bưu gửi)").format(file=Path(d["file"]).name, n=d["items"]) for d in done)
        set_message(self.message, self.tr("Đã ghi vào {folder}: {files}. Khóa ký {key}.").format(
            folder=folder, files=files, key=done[0]["key_id"] if done else ""), MUTED_STYLE)
        return done

    def print_record(self, dispatch_id: str | None) -> str:
        from ..printing import dispatch_pdf

        if not dispatch_id:
            return ""
        try:
            ok = self.session.print_documents(self, dispatch_pdf(self.session.store, dispatch_id), doc_type="report",
                                              title=f"Biên bản giao chuyến thư {dispatch_id}")
        except Exception as err:  # the dispatch is recorded whatever the printer does
            log.exception("printing the dispatch record failed")
            set_message(self.message, error_text(err, self.session.lang), ERROR_STYLE)
            return ""
        return self.tr("Đã in biên bản.") if ok else self.tr("Chưa in biên bản (in lại ở đây).")
