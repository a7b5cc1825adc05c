"""Danh bạ: agencies, users and tariffs. Clerks read; supervisors edit agencies and load tariffs; admins manage users.

Everything is done through the core's services, which check the role again:
the buttons a role may not use are simply not shown.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (QComboBox, QDialogButtonBox, QFileDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit,
                               QPushButton, QSplitter, QTabWidget, QVBoxLayout, QWidget)

from .. import clock
from ..errors import FieldErrors, Kt1Error
from ..formats import money, number
from ..services import agencies, tariff, users
from ..services.agencies import APPENDICES, BILLINGS, ZONES
from ..services.users import ROLE_NAMES, ROLES
from .base import BaseDialog
from .first_day import TariffStartDialog
from .pagekit import (ERROR_STYLE, MUTED_STYLE, WARNING_STYLE, Column, ColumnFitter, FoldingFilter, RowsModel,
                      selected_row, set_message, table_view)
from .session import Session
from .tasks import run_task


def _error_text(err: BaseException, lang: str) -> str:
    return err.text(lang) if isinstance(err, Kt1Error) else str(err)


class FormDialog(BaseDialog):
    """A form whose errors show under each field, from the core's FieldErrors."""

    def __init__(self, key: str, session: Session, parent: QWidget | None = None):
        super().__init__(key, parent)
        self.session = session
        self.form = QFormLayout()
        self.errors: dict[str, QLabel] = {}
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        self.general = QLabel()
        self.general.setWordWrap(True)
        self.general.hide()
        layout.addWidget(self.general)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(QCoreApplication.translate("FormDialog", "Lưu"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(QCoreApplication.translate("FormDialog", "Hủy"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def add_field(self, key: str, label: str, widget: QWidget) -> QWidget:
        error = QLabel()
        error.setWordWrap(True)
        error.hide()
        self.errors[key] = error
        box = QVBoxLayout()
        box.setSpacing(2)
        box.addWidget(widget)
        box.addWidget(error)
        self.form.addRow(label, box)
        return widget

    def show_errors(self, err: Kt1Error) -> None:
        lang = self.session.lang
        messages = err.by_field(lang) if isinstance(err, FieldErrors) else {err.field or "": err.text(lang)}
        for key, lbl in self.errors.items():
            set_message(lbl, messages.pop(key, ""), ERROR_STYLE)
        set_message(self.general, " ".join(messages.values()), ERROR_STYLE)

    def save(self) -> None:
        try:
            self.write()
        except Kt1Error as err:
            self.show_errors(err)
            return
        self.accept()

    def write(self) -> None:
        raise NotImplementedError


class AgencyDialog(FormDialog):
    """Add or change one agency; an unchanged code keeps its history in the core."""

    def __init__(self, session: Session, agency: dict | None = None, parent: QWidget | None = None):
        super().__init__("agency", session, parent)
        self.setWindowTitle(self.tr("Sửa cơ quan") if agency else self.tr("Thêm cơ quan"))
        self.edits: dict[str, QWidget] = {}
        labels = {
            "code": self.tr("Mã"), "name": self.tr("Tên"), "appendix": self.tr("Phụ lục"),
            "province": self.tr("Tỉnh"), "address": self.tr("Địa chỉ"), "postal_code": self.tr("Mã bưu chính"),
            "zone": self.tr("Khu vực"), "after_hours_contact": self.tr("Người nhận ngoài giờ"),
            "after_hours_phone": self.tr("Điện thoại ngoài giờ"), "valid_from": self.tr("Hiệu lực từ"),
            "valid_to": self.tr("Hiệu lực đến"), "successor_code": self.tr("Mã cơ quan kế thừa"),
            "billing": self.tr("Thanh toán"),
        }
        appendix_names = {"I": self.tr("I — miễn cước (ngân sách trung ương)"),
                          "II": self.tr("II — trả cước (ngân sách địa phương)"),
                          "TW": self.tr("TW — văn phòng Trung ương, miễn cước")}
        zone_names = {"noi-thanh": self.tr("nội thành"), "ngoai-thanh": self.tr("ngoại thành")}
        billing_names = {"cash": self.tr("tiền mặt tại quầy"), "account": self.tr("ghi nợ, thanh toán theo tháng")}
        choices = {"appendix": (APPENDICES, appendix_names, "II"), "zone": (ZONES, zone_names, "noi-thanh"),
                   "billing": (BILLINGS, billing_names, "cash")}
        for key in agencies.FIELDS:
            if key in choices:
                values, names, default = choices[key]
                widget = QComboBox()
                for value in values:
                    widget.addItem(names[value], value)
                # a new agency pays cash until someone says otherwise: Appendix II, inner city
                wanted = agency.get(key) if agency else default
                widget.setCurrentIndex(max(widget.findData(wanted), 0))
            else:
                widget = QLineEdit((agency or {}).get(key) or "")
                if key in ("valid_from", "valid_to"):
                    widget.setPlaceholderText(self.tr("dd/mm/yyyy, để trống nếu không có"))
            self.edits[key] = self.add_field(key, labels[key], widget)
        if agency:
            self.edits["code"].setReadOnly(True)  # a new code is a new agency
        # Typing goes into the first field to fill, never to a button (a space would press it).
        self.edits["name" if agency else "code"].setFocus()
        self.resize(620, 560)

    def values(self) -> dict:
        return {k: (w.currentData() if isinstance(w, QComboBox) else w.text()) for k, w in self.edits.items()}

    def write(self) -> None:
        self.saved = agencies.save_agency(self.session.store, self.session.user, self.values())


class UserDialog(FormDialog):
    """An admin adds a named user with a role and a first password."""

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__("user", session, parent)
        self.setWindowTitle(self.tr("Thêm người dùng"))
        self.login = self.add_field("login", self.tr("Tên đăng nhập"), QLineEdit())
        self.full_name = self.add_field("full_name", self.tr("Họ tên"), QLineEdit())
        self.role = self.add_field("role", self.tr("Vai trò"), QComboBox())
        for role in ROLES:
            self.role.addItem(ROLE_NAMES[role].get(session.lang, role), role)
        self.password = self.add_field("password", self.tr("Mật khẩu"), QLineEdit())
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.login.setFocus()
        self.resize(460, 280)

    def write(self) -> None:
        self.saved = users.create_user(self.session.store, self.session.user, login=self.login.text(),
                                       full_name=self.full_name.text(), role=self.role.currentData(),
                                       password=self.password.text())


class DirectoryPage(QWidget):
    """``loaded(str)`` fires with 'agency', 'user' or 'tariff' after that table is refilled."""

    loaded = Signal(str)

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self._dirty: set[str] = set()
        self.can_edit_agencies = session.can_supervise
        self.can_load_tariffs = session.can_supervise
        self.can_manage_users = session.is_admin
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 10)
        self.tabs = QTabWidget()
        layout.addWidget(self.tabs)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.hide()
        layout.addWidget(self.message)
        self._build_agencies()
        self._build_users()
        self._build_tariffs()
        if session.events is not None:
            session.events.changed.connect(self._store_changed)
        self.reload()

    # -- public ------------------------------------------------------------
    def page_title(self) -> str:
        return self.tr("Danh bạ")

    def focus_first(self) -> None:
        self.tabs.setCurrentIndex(0)
        self.agency_filter.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_tab(self, name: str) -> None:
        """'agency', 'user' or 'tariff'."""
        self.tabs.setCurrentIndex({"agency": 0, "user": 1, "tariff": 2}.get(name, 0))

    def reload(self, which: set[str] | None = None) -> None:
        which = which or {"agency", "user", "tariff"}
        store = self.session.store
        if "agency" in which:
            self.agency_model.set_rows(agencies.list_agencies(store))
            self.agency_columns.fit()
            self._count_agencies()
            self.loaded.emit("agency")
        if "user" in which:
            self.user_model.set_rows(users.list_users(store))
            self.user_view.resizeColumnsToContents()
            self.loaded.emit("user")
        if "tariff" in which:
            rows = [{"id": t.id, "effective_from": t.effective_from, "name": t.name, "is_sample": t.is_sample,
                     "tariff": t} for t in tariff.list_tariffs(store)]
            self.tariff_model.set_rows(rows)
            self.tariff_view.resizeColumnsToContents()
            if rows:
                current = self._current_tariff_row(rows)
                self.tariff_view.selectRow(current)
            self._show_tariff()
            self.loaded.emit("tariff")

    def import_agencies(self, path: str | Path) -> None:
        """Load a directory file (all or nothing) off the GUI thread; the result shows below the tabs."""
        store, user, lang = self.session.store, self.session.user, self.session.lang

        def done(counts):
            self._say(self.tr("Đã nhập danh bạ: thêm {added}, sửa {changed}, không đổi {unchanged}.").format(
                **counts), MUTED_STYLE)

        run_task(self, lambda: agencies.import_csv(store, user, path), on_done=done,
                 on_error=lambda err: self._say(_error_text(err, lang)),
                 progress_text=self.tr("Đang nhập danh bạ…"))

    def import_tariff(self, path: str | Path, effective_from: date, name: str | None = None) -> None:
        store, user = self.session.store, self.session.user
        self._load_tariff(lambda: tariff.import_csv(store, user, path, effective_from=effective_from, name=name))

    def use_sample_tariff(self, effective_from: date) -> None:
        """The sample shipped with the program, marked MẪU wherever a fee priced by it shows."""
        store, user = self.session.store, self.session.user
        self._load_tariff(lambda: tariff.import_sample(store, user, effective_from=effective_from))

    def _load_tariff(self, load) -> None:
        lang = self.session.lang

        def done(loaded):
            text = self.tr("Đã nạp bảng cước áp dụng từ {day}.").format(
                day=clock.parse_date(loaded.effective_from).strftime("%d/%m/%Y"))
            if loaded.is_sample:
                text += " " + self.tr("Đây là bảng cước MẪU, không chính thức: cước tính theo bảng này có ghi MẪU.")
            self._say(text, WARNING_STYLE if loaded.is_sample else MUTED_STYLE)

        run_task(self, load, on_done=done, on_error=lambda err: self._say(_error_text(err, lang)),
                 progress_text=self.tr("Đang nạp bảng cước…"))

    def edit_agency(self, agency: dict | None = None) -> AgencyDialog:
        dialog = AgencyDialog(self.session, agency, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.last_dialog = dialog
        return dialog

    def add_user(self) -> UserDialog:
        dialog = UserDialog(self.session, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.last_dialog = dialog
        return dialog

    def toggle_user(self) -> None:
        row = selected_row(self.user_view)
        if row is None:
            return
        try:
            users.set_active(self.session.store, self.session.user, login=row["login"], active=not row["active"])
        except Kt1Error as err:
            self._say(err.text(self.session.lang))

    # -- building ------------------------------------------------------------
    def _finish_tab(self, tab: QWidget, layout: QVBoxLayout, title: str, read_only_note: str,
                    buttons: list[tuple[str, str, object]]) -> None:
        """The buttons this role may use (kept as attributes), or a note that the tab is read-only."""
        row = QHBoxLayout()
        for attribute, text, slot in buttons:
            button = QPushButton(text)
            button.setAutoDefault(False)
            button.clicked.connect(lambda _checked=False, slot=slot: slot())
            row.addWidget(button)
            setattr(self, attribute, button)
        if not buttons:
            note = QLabel(read_only_note)
            note.setStyleSheet(MUTED_STYLE)
            row.addWidget(note)
        row.addStretch(1)
        layout.addLayout(row)
        self.tabs.addTab(tab, title)

    def _build_agencies(self) -> None:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        top = QHBoxLayout()
        label = QLabel(self.tr("&Lọc"))
        self.agency_filter = QLineEdit()
        self.agency_filter.setPlaceholderText(self.tr("Mã, tên, tỉnh… không cần dấu, ví dụ: tinh uy"))
        self.agency_filter.setClearButtonEnabled(True)
        label.setBuddy(self.agency_filter)
        top.addWidget(label)
        top.addWidget(self.agency_filter, 1)
        self.agency_count = QLabel()
        self.agency_count.setStyleSheet(MUTED_STYLE)
        top.addWidget(self.agency_count)
        layout.addLayout(top)
        appendix = {"I": self.tr("I · miễn cước"), "II": self.tr("II · trả cước"), "TW": self.tr("TW · miễn cước")}
        zones = {"noi-thanh": self.tr("nội thành"), "ngoai-thanh": self.tr("ngoại thành")}

        def validity(r):
            parts = []
            if r["valid_from"]:
                parts.append(self.tr("từ {day}").format(day=clock.parse_date(r["valid_from"]).strftime("%d/%m/%Y")))
            if r["valid_to"]:
                parts.append(self.tr("đến {day}").format(day=clock.parse_date(r["valid_to"]).strftime("%d/%m/%Y")))
            if r.get("successor_code"):
                parts.append(self.tr("kế thừa: {code}").format(code=r["successor_code"]))
            return ", ".join(parts)

        self.agency_model = RowsModel([
            Column(self.tr("Mã"), lambda r: r["code"]),
            Column(self.tr("Tên"), lambda r: r["name"], lambda r: r["name_fold"]),
            Column(self.tr("Phụ lục"), lambda r: appendix.get(r["appendix"], r["appendix"])),
            Column(self.tr("Tỉnh"), lambda r: r["province"]),
            Column(self.tr("Khu vực"), lambda r: zones.get(r["zone"], r["zone"] or "")),
            Column(self.tr("Địa chỉ"), lambda r: r["address"] or ""),
            Column(self.tr("Nhận ngoài giờ"), lambda r: " · ".join(
                x for x in (r["after_hours_contact"], r["after_hours_phone"]) if x)),
            Column(self.tr("Hiệu lực"), validity),
        ], self)
        self.agency_proxy = FoldingFilter(self)
        self.agency_proxy.setSourceModel(self.agency_model)
        self.agency_view = table_view(self.agency_proxy)
        self.agency_view.setObjectName("agencyView")
        self.agency_view.sortByColumn(1, Qt.SortOrder.AscendingOrder)
        self.agency_columns = ColumnFitter(self.agency_view, self.agency_model, flexible=(1, 5, 6))
        layout.addWidget(self.agency_view, 1)
        self.agency_filter.textChanged.connect(self._filter_agencies)
        if self.can_edit_agencies:
            self.agency_view.activated.connect(lambda _i: self._edit_selected_agency())
        self._finish_tab(tab, layout, self.tr("Cơ quan"), self.tr("Chỉ xem. Kiểm soát viên sửa danh bạ."), [
            ("add_agency_button", self.tr("&Thêm cơ quan…"), self.edit_agency),
            ("edit_agency_button", self.tr("&Sửa…"), self._edit_selected_agency),
            ("import_agency_button", self.tr("&Nhập từ tệp CSV…"), self._ask_agency_file),
        ] if self.can_edit_agencies else [])

    def _build_users(self) -> None:
        lang = self.session.lang
        tab = QWidget()
        layout = QVBoxLayout(tab)
        self.user_model = RowsModel([
            Column(self.tr("Tên đăng nhập"), lambda r: r["login"]),
            Column(self.tr("Họ tên"), lambda r: r["full_name"]),
            Column(self.tr("Vai trò"), lambda r: ROLE_NAMES.get(r["role"], {}).get(lang, r["role"])),
            Column(self.tr("Tình trạng"), lambda r: self.tr("đang dùng") if r["active"] else self.tr("đã khóa")),
            Column(self.tr("Tạo lúc"), lambda r: clock.parse_iso(r["created_at"]).strftime("%d/%m/%Y %H:%M")
                   if r["created_at"] else "", lambda r: r["created_at"] or ""),
        ], self)
        self.user_proxy = FoldingFilter(self)
        self.user_proxy.setSourceModel(self.user_model)
        self.user_view = table_view(self.user_proxy)
        self.user_view.setObjectName("userView")
        self.user_view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        layout.addWidget(self.user_view, 1)
        self._finish_tab(tab, layout, self.tr("Người dùng"), self.tr("Chỉ xem. Quản trị quản lý người dùng."), [
            ("add_user_button", self.tr("Thêm &người dùng…"), self.add_user),
            ("toggle_user_button", self.tr("&Khóa / mở khóa"), self.toggle_user),
        ] if self.can_manage_users else [])

    def _build_tariffs(self) -> None:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        self.tariff_model = RowsModel([
            Column(self.tr("Áp dụng từ"), lambda r: clock.parse_date(r["effective_from"]).strftime("%d/%m/%Y"),
                   lambda r: r["effective_from"]),
            Column(self.tr("Tên"), lambda r: r["name"]),
            Column(self.tr("Loại"), lambda r: self.tr("MẪU — không chính thức") if r["is_sample"] else
                   self.tr("chính thức")),
        ], self)
        self.tariff_view = table_view(self.tariff_model)
        self.tariff_view.setSortingEnabled(False)
        self.tariff_view.setObjectName("tariffView")
        self.band_model = RowsModel([
            Column(self.tr("Mục"), lambda r: r["what"]),
            Column(self.tr("Nội tỉnh"), lambda r: money(r["noi"], self.session.lang), lambda r: r["noi"],
                   Qt.AlignmentFlag.AlignRight),
            Column(self.tr("Liên tỉnh"), lambda r: money(r["lien"], self.session.lang), lambda r: r["lien"],
                   Qt.AlignmentFlag.AlignRight),
        ], self)
        self.band_view = table_view(self.band_model)
        self.band_view.setSortingEnabled(False)
        self.band_view.setObjectName("bandView")
        self.band_view.horizontalHeader().setStretchLastSection(False)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.tariff_view)
        split.addWidget(self.band_view)
        split.setSizes([420, 520])
        layout.addWidget(split, 1)
        self.tariff_view.selectionModel().currentRowChanged.connect(lambda _c, _p: self._show_tariff())
        self._finish_tab(tab, layout, self.tr("Bảng cước"), self.tr("Chỉ xem. Kiểm soát viên nạp bảng cước."), [
            ("import_tariff_button", self.tr("Nạp &bảng cước từ tệp CSV…"), self._ask_tariff_file),
            ("sample_tariff_button", self.tr("Dùng bảng cước &MẪU…"), self._ask_sample_tariff),
        ] if self.can_load_tariffs else [])

    # -- reacting ------------------------------------------------------------
    def _filter_agencies(self, text: str) -> None:
        self.agency_proxy.set_text(text)
        self._count_agencies()

    def _count_agencies(self) -> None:
        shown, total = self.agency_proxy.rowCount(), self.agency_model.rowCount()
        self.agency_count.setText(self.tr("{shown} / {total} cơ quan").format(shown=shown, total=total)
                                  if shown != total else self.tr("{total} cơ quan").format(total=total))

    def _edit_selected_agency(self) -> None:
        row = selected_row(self.agency_view)
        if row is None:
            return
        full = agencies.get_agency(self.session.store, row["code"])
        self.edit_agency(full)

    def _ask_agency_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Chọn tệp danh bạ CSV"), "",
                                              self.tr("Tệp CSV (*.csv);;Mọi tệp (*)"))
        if path:
            self.import_agencies(path)

    def _ask_tariff_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Chọn tệp bảng cước CSV"), "",
                                              self.tr("Tệp CSV (*.csv);;Mọi tệp (*)"))
        if not path:
            return
        dialog = TariffStartDialog(self.session, Path(path).stem, self)
        if dialog.exec():
            self.import_tariff(path, dialog.start(), dialog.name.text().strip() or None)

    def _ask_sample_tariff(self) -> None:
        dialog = TariffStartDialog(self.session, None, self)
        if dialog.exec():
            self.use_sample_tariff(dialog.start())

    def _current_tariff_row(self, rows: list[dict]) -> int:
        today = clock.now().date().isoformat()
        current = 0
        for i, row in enumerate(rows):
            if row["effective_from"] <= today:
                current = i
        return current

    def _show_tariff(self) -> None:
        row = selected_row(self.tariff_view)
        if row is None:
            self.band_model.set_rows([])
            return
        t = row["tariff"]
        lang = self.session.lang
        rows = []
        low = 0
        for max_g, noi, lien in t.bands:
            if low:
                what = self.tr("trên {low} g đến {high} g").format(low=number(low, lang), high=number(max_g, lang))
            else:
                what = self.tr("đến {high} g").format(high=number(max_g, lang))
            rows.append({"what": what, "noi": noi, "lien": lien})
            low = max_g
        names = {"hoa_toc": self.tr("Phụ phí Hỏa tốc"), "hen_gio": self.tr("Phụ phí Hẹn giờ"),
                 "secrecy": self.tr("Phụ phí mật (A, B, C)")}
        for rule, (noi, lien) in t.surcharges.items():
            rows.append({"what": names.get(rule, rule), "noi": noi, "lien": lien})
        self.band_model.set_rows(rows)
        self.band_view.resizeColumnsToContents()

    def _store_changed(self, _action: str, entities) -> None:
        which = set(entities) & {"agency", "user", "tariff"}
        if not which:
            return
        if self.isVisible():
            self.reload(which)
        else:
            self._dirty |= which

    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        if self._dirty:
            which, self._dirty = self._dirty, set()
            self.reload(which)

    def _say(self, text: str, style: str = ERROR_STYLE) -> None:
        set_message(self.message, text, style)
