"""Bảng kê: the day's manifests, one per destination province — list, preview, print, close, correct.

Everything goes through ``services.manifests``, which checks the role again:
anyone at the counter puts the day's items on their manifests and prints them;
a supervisor closes a manifest (it can never change after that) and makes a
correcting manifest for a closed one, with the reason. A clerk sees those two
buttons' place taken by a note saying who does it.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (QCheckBox, QDateEdit, QDialogButtonBox, QFormLayout, QHBoxLayout,
                               QLabel, QLineEdit, QListWidget, QListWidgetItem, QMessageBox, QPushButton,
                               QSplitter, QTableView, QVBoxLayout, QWidget)

from .. import clock, s10
from ..errors import Kt1Error
from ..formats import moment, weight
from ..services import manifests
from ..services.intake import KINDS
from .base import BaseDialog
from .pagekit import (ERROR_STYLE, MUTED_STYLE, ROW_ROLE, WARNING_STYLE, Column, ColumnFitter, RowsModel, set_message,
                      table_view, typed_dates)
from .session import Session


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _table(model: RowsModel, name: str) -> QTableView:
    view = table_view(model)
    view.setObjectName(name)
    view.setSortingEnabled(False)  # rows keep the manifest's order
    return view


class ManifestPage(QWidget):
    """``loaded()`` fires each time the day's manifests are on screen again."""

    loaded = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.can_supervise = session.can_supervise
        self.correction: CorrectionDialog | None = None
        self._dirty = False
        # Asked before closing a manifest and to show a preview; tests replace them.
        self.confirm_close = self._ask_close
        self.show_preview = self._preview_dialog
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 10)

        top = QHBoxLayout()
        day_label = QLabel(self.tr("&Ngày nhận gửi"))
        self.day_edit = QDateEdit()
        self.day_edit.setDisplayFormat("dd/MM/yyyy")
        self.day_edit.setCalendarPopup(True)
        self.day_edit.setDate(_qdate(clock.now().date()))
        self.day_edit.setMinimumWidth(130)
        typed_dates(self.day_edit)
        day_label.setBuddy(self.day_edit)
        self.prepare_button = QPushButton(self.tr("&Lập bảng kê"))
        self.prepare_button.setToolTip(self.tr("Đưa các bưu gửi trong ngày chưa có bảng kê vào bảng kê của nơi đến"))
        self.unlisted_label = QLabel()
        for widget in (day_label, self.day_edit, self.prepare_button, self.unlisted_label):
            top.addWidget(widget)
        top.addStretch(1)
        layout.addLayout(top)

        lang = session.lang
        self.manifest_model = RowsModel([
            Column(self.tr("Số bảng kê"), lambda m: m["id"]),
            Column(self.tr("Nơi đến"), lambda m: m["destination"]),
            Column(self.tr("Số bưu gửi"), lambda m: str(len(m["rows"])), lambda m: len(m["rows"]),
                   Qt.AlignmentFlag.AlignRight),
            Column(self.tr("Tình trạng"), self._state),
        ], self)
        self.manifest_view = _table(self.manifest_model, "manifestView")
        self.row_model = RowsModel([
            Column(self.tr("STT"), lambda r: str(r["row_no"]), lambda r: r["row_no"], Qt.AlignmentFlag.AlignRight),
            Column(self.tr("Số hiệu"), lambda r: r["id"]),
            Column(self.tr("Cơ quan gửi"), lambda r: f"{r['sender_code']} — {r['sender_name']}"),
            Column(self.tr("Cơ quan nhận"), lambda r: f"{r['recipient_code']} — {r['recipient_name']}"),
            Column(self.tr("Loại"), lambda r: KINDS.get(r["kind"], {}).get(lang, r["kind"])),
            Column(self.tr("Khối lượng"), lambda r: weight(r["weight_g"], lang), lambda r: r["weight_g"],
                   Qt.AlignmentFlag.AlignRight),
            Column(self.tr("Số kiện"), lambda r: str(r["pieces"]), lambda r: r["pieces"], Qt.AlignmentFlag.AlignRight),
            Column(self.tr("Dấu hiệu"), self._marks),
        ], self)
        self.row_view = _table(self.row_model, "manifestRows")
        self.manifest_columns = ColumnFitter(self.manifest_view, self.manifest_model, flexible=(3,))
        self.row_columns = ColumnFitter(self.row_view, self.row_model, flexible=(2, 3))
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.manifest_view)
        split.addWidget(self.row_view)
        split.setSizes([160, 320])
        layout.addWidget(split, 1)

        self.state_label = QLabel()
        self.state_label.setWordWrap(True)
        layout.addWidget(self.state_label)
        buttons = QHBoxLayout()
        self.preview_button = QPushButton(self.tr("&Xem trước…"))
        self.print_button = QPushButton(self.tr("&In…"))
        buttons.addWidget(self.preview_button)
        buttons.addWidget(self.print_button)
        if self.can_supervise:
            self.close_button = QPushButton(self.tr("&Chốt bảng kê…"))
            self.correct_button = QPushButton(self.tr("Lập bảng kê điều c&hỉnh…"))
            buttons.addWidget(self.close_button)
            buttons.addWidget(self.correct_button)
            self.close_button.clicked.connect(self.close_selected)
            self.correct_button.clicked.connect(self.correct_selected)
        else:
            note = QLabel(self.tr("Kiểm soát viên chốt bảng kê và lập bảng kê điều chỉnh."))
            note.setStyleSheet(MUTED_STYLE)
            buttons.addWidget(note)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.message)
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)

        self.day_edit.dateChanged.connect(lambda _d: self.reload())
        self.prepare_button.clicked.connect(self.prepare)
        self.preview_button.clicked.connect(lambda: self.print_selected(preview=True))
        self.print_button.clicked.connect(lambda: self.print_selected(preview=False))
        self.manifest_view.selectionModel().currentRowChanged.connect(lambda _c, _p: self._show_selected())
        if session.events is not None:
            session.events.changed.connect(self._store_changed)
        set_message(self.message, None)
        self.reload()

    # -- public ------------------------------------------------------------------------------
    def page_title(self) -> str:
        return self.tr("Bảng kê")

    def focus_first(self) -> None:
        self.manifest_view.setFocus(Qt.FocusReason.OtherFocusReason)

    def day(self) -> date:
        q = self.day_edit.date()
        return date(q.year(), q.month(), q.day())

    def selected(self) -> dict | None:
        index = self.manifest_view.currentIndex()
        return index.siblingAtColumn(0).data(ROW_ROLE) if index.isValid() else None

    def select(self, manifest_id: str) -> None:
        for row, manifest in enumerate(self.manifest_model.rows):
            if manifest["id"] == manifest_id:
                self.manifest_view.selectRow(row)
                return

    def reload(self) -> None:
        """The day's manifests (with their rows) and the items of the day not on any yet."""
        self._dirty = False
        store, day = self.session.store, self.day()
        keep = (self.selected() or {}).get("id")
        shown = [manifests.get_manifest(store, m["id"]) for m in manifests.for_day(store, day)]
        self.manifest_model.set_rows(shown)
        self.manifest_columns.fit()
        waiting = len(manifests.unlisted(store, day))
        if waiting:
            set_message(self.unlisted_label, self.tr("{count} bưu gửi chưa vào bảng kê").format(count=waiting),
                        WARNING_STYLE)
        else:
            set_message(self.unlisted_label, self.tr("Mọi bưu gửi trong ngày đã vào bảng kê") if shown else
                        self.tr("Chưa có bưu gửi nào nhận trong ngày này"), MUTED_STYLE)
        self.prepare_button.setEnabled(bool(waiting))
        if shown:
            self.select(keep) if keep in [m["id"] for m in shown] else self.manifest_view.selectRow(0)
        self._show_selected()
        self.loaded.emit()

    def prepare(self) -> list[str]:
        """Put the day's waiting items on the open manifest of their destination (anyone may)."""
        try:
            ids = manifests.prepare(self.session.store, self.session.user, self.day(),
                                    counter=self.session.counter["code"])
        except Kt1Error as err:
            self._say(err.text(self.session.lang))
            return []
        self.reload()
        self._say(self.tr("Đã lập bảng kê: {count} nơi đến.").format(count=len(ids)), MUTED_STYLE)
        return ids

    def print_selected(self, *, preview: bool = False) -> bool:
        manifest = self.selected()
        if manifest is None:
            return False
        from ..printing import manifest_pdf

        title = self.tr("Bảng kê {id}").format(id=manifest["id"])
        try:
            pdf = manifest_pdf(self.session.store, [manifest["id"]])
        except Kt1Error as err:
            self._say(err.text(self.session.lang))
            return False
        if preview:
            self.show_preview(pdf, title)
            return True
        printed = self.session.print_documents(self, pdf, doc_type="manifest", title=title)
        self._say(self.tr("Đã in {title}.").format(title=title) if printed else self.tr("Chưa in {title}.").format(
            title=title), MUTED_STYLE if printed else WARNING_STYLE)
        return printed

    def close_selected(self) -> bool:
        """Close the selected manifest (supervisor), after asking: it can never change afterwards."""
        manifest = self.selected()
        if manifest is None or manifest["status"] != "open" or not self.confirm_close(manifest):
            return False
        try:
            manifests.close(self.session.store, self.session.user, manifest["id"])
        except Kt1Error as err:
            self._say(err.text(self.session.lang))
            return False
        self.reload()
        self._say(self.tr("Đã chốt bảng kê {id}.").format(id=manifest["id"]), MUTED_STYLE)
        return True

    def correct_selected(self) -> CorrectionDialog | None:
        """A correcting manifest for the selected closed one (supervisor): the reason, items out, items in."""
        manifest = self.selected()
        if manifest is None or manifest["status"] != "closed":
            return None
        dialog = CorrectionDialog(self.session, manifest, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.made.connect(self._corrected)
        dialog.finished.connect(lambda _r: setattr(self, "correction", None))
        self.correction = dialog
        dialog.open()
        return dialog

    def accept_scan(self, item_id: str) -> bool:
        """A scan while a correction is open adds that item to it; otherwise the item opens as anywhere."""
        if self.correction is not None and self.correction.isVisible():
            self.correction.add_item(item_id)
            return True
        return False

    # -- showing -------------------------------------------------------------------------------
    def _state(self, m: dict) -> str:
        if m["status"] == "closed":
            who = m.get("closed_by_name") or ""
            text = self.tr("Đã chốt lúc {when}").format(when=moment(clock.parse_iso(m["closed_at"])))
            text += (" — " + who) if who else ""
        else:
            text = self.tr("Chưa chốt")
        if m.get("corrects"):
            text += " · " + self.tr("điều chỉnh {id}").format(id=m["corrects"])
        if m.get("corrected_by"):
            text += " · " + self.tr("đã được điều chỉnh bằng {id}").format(id=m["corrected_by"])
        return text

    def _marks(self, r: dict) -> str:
        marks = [r["secrecy"]] if r["secrecy"] else []
        if r["hoa_toc"]:
            marks.append(self.tr("Hỏa tốc"))
        if r["hen_gio_at"]:
            marks.append(self.tr("Hẹn giờ {when}").format(when=moment(clock.parse_iso(r["hen_gio_at"]))))
        return " · ".join(marks)

    def _show_selected(self) -> None:
        manifest = self.selected()
        self.row_model.set_rows(manifest["rows"] if manifest else [])
        self.row_columns.fit()
        for button in (self.preview_button, self.print_button):
            button.setEnabled(manifest is not None)
        if self.can_supervise:
            self.close_button.setEnabled(bool(manifest and manifest["status"] == "open" and manifest["rows"]))
            self.correct_button.setEnabled(bool(manifest and manifest["status"] == "closed"
                                                and not manifest.get("corrected_by")))
        if manifest is None:
            set_message(self.state_label, None)
        elif manifest["status"] == "closed":
            text = self.tr("{id}: đã chốt, không thay đổi được nữa; sai sót sửa bằng bảng kê điều chỉnh.").format(
                id=manifest["id"])
            if manifest.get("reason"):
                text += " " + self.tr("Lý do điều chỉnh: {reason}").format(reason=manifest["reason"])
            set_message(self.state_label, text, MUTED_STYLE)
        else:
            text = self.tr("{id}: chưa chốt — bưu gửi nhận thêm trong ngày sẽ vào bảng kê này khi lập lại.").format(
                id=manifest["id"])
            if manifest.get("reason"):
                text += " " + self.tr("Lý do điều chỉnh: {reason}").format(reason=manifest["reason"])
            set_message(self.state_label, text, MUTED_STYLE)

    def _say(self, text: str, style: str = ERROR_STYLE) -> None:
        set_message(self.message, text, style)

    def _corrected(self, new_id: str, close: bool) -> None:
        if close:
            try:
                manifests.close(self.session.store, self.session.user, new_id)
            except Kt1Error as err:  # e.g. every item was taken off: an empty manifest is not closed
                self.reload()
                self.select(new_id)
                self._say(err.text(self.session.lang))
                return
        self.reload()
        self.select(new_id)
        self._say((self.tr("Đã lập và chốt bảng kê điều chỉnh {id}.") if close else
                   self.tr("Đã lập bảng kê điều chỉnh {id}; kiểm tra rồi chốt.")).format(id=new_id), MUTED_STYLE)

    def _ask_close(self, manifest: dict) -> bool:
        answer = QMessageBox.question(
            self, self.tr("Chốt bảng kê"),
            self.tr("Chốt bảng kê {id} ({count} bưu gửi đi {destination})?\n\nSau khi chốt, bảng kê không thay đổi "
                    "được nữa; sai sót phải sửa bằng bảng kê điều chỉnh.").format(
                id=manifest["id"], count=len(manifest["rows"]), destination=manifest["destination"]),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def _preview_dialog(self, pdf: bytes, title: str) -> None:
        from .printing import PrintPreviewDialog

        dialog = PrintPreviewDialog(pdf, doc_type="manifest", title=title, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def _store_changed(self, _action: str, entities) -> None:
        if not entities & {"manifest", "item"}:
            return
        if self.isVisible():
            self.reload()
        else:
            self._dirty = True

    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        if self._dirty:
            self.reload()


class CorrectionDialog(BaseDialog):
    """A correcting manifest for a closed one: the reason (required), items taken off, items added.

    ``made(new_id, close)`` once the correcting manifest exists; ``close`` when the supervisor asked to close it
    at once (otherwise it stays open, to be checked and closed).
    """

    made = Signal(str, bool)

    def __init__(self, session: Session, manifest: dict, parent: QWidget | None = None):
        super().__init__("manifest-correction", parent)
        self.session, self.manifest = session, manifest
        self.added: list[str] = []
        self.setWindowTitle(self.tr("Điều chỉnh bảng kê {id}").format(id=manifest["id"]))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Bảng kê {id} đã chốt nên không sửa thẳng được. Bảng kê điều chỉnh là một bảng kê "
                               "mới ghi rõ nó điều chỉnh {id} và vì sao.").format(id=manifest["id"]))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.reason = QLineEdit()
        self.reason.setMaxLength(200)
        self.reason.setPlaceholderText(self.tr("ví dụ: bưu gửi DK… trả lại cơ quan gửi"))
        form.addRow(self.tr("&Lý do điều chỉnh"), self.reason)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("Đánh dấu bưu gửi cần bỏ khỏi bảng kê:")))
        self.rows = QListWidget()
        for row in manifest["rows"]:
            item = QListWidgetItem(f"{row['row_no']}. {row['id']} — {row['recipient_code']} {row['recipient_name']}")
            item.setData(Qt.ItemDataRole.UserRole, row["id"])
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.rows.addItem(item)
        layout.addWidget(self.rows, 1)
        add_row = QHBoxLayout()
        self.add_edit = QLineEdit()
        self.add_edit.setPlaceholderText(self.tr("Số hiệu bưu gửi cần thêm (quét hoặc gõ), rồi Enter"))
        self.add_button = QPushButton(self.tr("&Thêm"))
        self.add_button.setAutoDefault(False)
        add_row.addWidget(self.add_edit, 1)
        add_row.addWidget(self.add_button)
        layout.addLayout(add_row)
        self.added_label = QLabel()
        self.added_label.setWordWrap(True)
        layout.addWidget(self.added_label)
        self.close_too = QCheckBox(self.tr("Chốt luôn bảng kê điều chỉnh"))
        layout.addWidget(self.close_too)
        self.error = QLabel()
        self.error.setWordWrap(True)
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Lập bảng kê điều chỉnh"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.add_edit.returnPressed.connect(lambda: self.add_item(self.add_edit.text()))
        self.add_button.clicked.connect(lambda: self.add_item(self.add_edit.text()))
        set_message(self.error, None)
        set_message(self.added_label, None)
        self.resize(640, 520)
        self.reason.setFocus()

    def removed(self) -> list[str]:
        return [self.rows.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.rows.count())
                if self.rows.item(i).checkState() == Qt.CheckState.Checked]

    def add_item(self, text: str) -> bool:
        text = text.strip()
        if not s10.looks_like_id(text):
            set_message(self.error, Kt1Error("bad_s10", value=text).text(self.session.lang))
            return False
        item_id = s10.normalise(text)
        if item_id not in self.added:
            self.added.append(item_id)
        self.add_edit.clear()
        set_message(self.error, None)
        set_message(self.added_label, self.tr("Thêm vào: {ids}").format(ids=", ".join(self.added)), MUTED_STYLE)
        return True

    def save(self) -> None:
        session = self.session
        try:
            new_id = manifests.correct(session.store, session.user, self.manifest["id"], reason=self.reason.text(),
                                       add=self.added, remove=self.removed(), counter=session.counter["code"])
        except Kt1Error as err:
            set_message(self.error, err.text(session.lang))
            return
        self.made.emit(new_id, self.close_too.isChecked())
        self.accept()
