"""Nhận gửi: the counter's intake form, built for the keyboard.

Every change re-checks the form with ``intake.quote()`` (no writes), so the fee,
scope and deadline follow the clerk's typing and each refusal shows next to its
field. Ctrl+Enter (or F9) stores the item, prints its label and receipt and
leaves the form ready for the next item from the same sender. Enter moves to
the next field, Esc starts over; no single printable key does anything else,
because a barcode scanner types like a keyboard.
"""

from __future__ import annotations

import html
import logging
from datetime import datetime, timedelta

from PySide6.QtCore import QDate, QDateTime, Qt, QTime, Signal
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDateTimeEdit, QGridLayout, QLabel, QLineEdit, QPushButton,
                               QVBoxLayout, QWidget)

from .. import clock
from ..errors import FIELD_LABELS, FieldErrors, ItemRefused, Kt1Error
from ..formats import money, moment, parse_weight_g, percent, weight
from ..services import agencies, items
from ..services.intake import KINDS, ZONE_NAMES, Quote, intake, quote, store_item
from ..services.tariff import FREE_REASONS, in_force as tariff_in_force, list_tariffs
from ..workdays import deadline_days
from .completer import AgencyCompleter, describe
from .pagekit import (ERROR_STYLE, MUTED_STYLE, NOTICE_STYLE, SAMPLE_BADGE_STYLE, WARNING_STYLE, child, load_form,
                      scaled_font, set_message, set_text, typed_dates)
from .refusal import ask_refusal
from .session import Session

log = logging.getLogger(__name__)

FIELDS = ("sender", "recipient", "kind", "weight_g", "pieces", "secrecy", "hen_gio_at", "accepted_at")
_WEEKDAYS = {"vi": ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật"),
             "en": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")}


def to_qdatetime(value: datetime) -> QDateTime:
    value = clock.to_vn(value)
    return QDateTime(QDate(value.year, value.month, value.day), QTime(value.hour, value.minute))


def from_qdatetime(value: QDateTime) -> datetime:
    d, t = value.date(), value.time()
    return datetime(d.year(), d.month(), d.day(), t.hour(), t.minute(), tzinfo=clock.VN_TZ)


class IntakePage(QWidget):
    """The intake form. ``item_saved(id)`` after an item is stored (and its papers sent to print)."""

    item_saved = Signal(str)
    item_refused = Signal(int)
    open_page = Signal(str, str)  # (page, tab): the first-day notice's link to Danh bạ

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.last_saved_id: str | None = None
        self.last_quote: Quote | None = None
        self._shown: set[str] = set()  # fields whose errors are on screen (left once, or a save tried)
        self._resetting = False
        # Asked before a secret item with a broken seal is refused: who presented it, or None to go back.
        # Tests replace it.
        self.confirm_refusal = lambda letter: ask_refusal(self, letter)
        self.form = load_form("intake_page.ui", self)
        f = self.form
        self.sender_edit = child(f, QLineEdit, "senderEdit")
        self.recipient_edit = child(f, QLineEdit, "recipientEdit")
        self.kind_combo = child(f, QComboBox, "kindCombo")
        self.weight_edit = child(f, QLineEdit, "weightEdit")
        self.weight_unit = child(f, QComboBox, "weightUnit")
        self.pieces_edit = child(f, QLineEdit, "piecesEdit")
        self.secrecy_combo = child(f, QComboBox, "secrecyCombo")
        self.seal_check = child(f, QCheckBox, "sealCheck")
        self.hoa_toc_check = child(f, QCheckBox, "hoaTocCheck")
        self.hen_gio_check = child(f, QCheckBox, "henGioCheck")
        self.hen_gio_edit = child(f, QDateTimeEdit, "henGioEdit")
        self.back_entry_check = child(f, QCheckBox, "backEntryCheck")
        self.accepted_edit = child(f, QDateTimeEdit, "acceptedEdit")
        self.save_button = child(f, QPushButton, "saveButton")
        self.clear_button = child(f, QPushButton, "clearButton")
        self.error_labels = {
            "sender": child(f, QLabel, "senderError"), "recipient": child(f, QLabel, "recipientError"),
            "kind": child(f, QLabel, "kindError"), "weight_g": child(f, QLabel, "weightError"),
            "pieces": child(f, QLabel, "piecesError"), "secrecy": child(f, QLabel, "secrecyError"),
            "hen_gio_at": child(f, QLabel, "henGioError"), "accepted_at": child(f, QLabel, "acceptedError"),
            "": child(f, QLabel, "generalError"),
        }
        self.labels = {name: child(f, QLabel, name) for name in (
            "senderName", "recipientName", "weightShown", "feeValue", "feeDetail", "scopeValue", "deadlineValue",
            "lastId", "lastInfo", "printStatus", "warningsLabel", "feeTitle", "scopeTitle", "deadlineTitle",
            "lastTitle", "acceptedLabel", "feeSample")}
        self._setup_widgets()
        self._connect()
        self.check_setup()
        self.reset(keep_sender=False)

    # -- public ------------------------------------------------------------
    def page_title(self) -> str:
        return self.tr("Nhận gửi")

    def focus_first(self) -> None:
        target = self.recipient_edit if self.sender_edit.text().strip() else self.sender_edit
        target.setFocus(Qt.FocusReason.OtherFocusReason)
        target.selectAll()

    def field_error(self, field: str) -> str:
        """The error shown next to ``field`` ('' when none is shown)."""
        lbl = self.error_labels[field]
        return lbl.text() if not lbl.isHidden() else ""

    def fee_text(self) -> str:
        return self.labels["feeValue"].text()

    def has_unsaved_input(self) -> bool:
        """An item half typed (the sender alone stays on purpose after each save)."""
        return bool(self.recipient_edit.text().strip() or self.weight_edit.text().strip())

    def carry(self) -> dict:
        """The form as typed, for a new form made after a change of language."""
        return {
            "edits": {name: edit.text() for name, edit in self._edits().items()},
            "combos": {name: combo.currentData() for name, combo in self._combos().items()},
            "checks": {name: box.isChecked() for name, box in self._checks().items()},
            "times": {"hen_gio": self.hen_gio_edit.dateTime(), "accepted": self.accepted_edit.dateTime()},
            "shown": set(self._shown),
        }

    def take_carry(self, state: dict) -> None:
        self._resetting = True
        try:
            for name, edit in self._edits().items():
                edit.setText(state["edits"][name])
            for name, combo in self._combos().items():
                combo.setCurrentIndex(max(combo.findData(state["combos"][name]), 0))
            for name, box in self._checks().items():
                box.setChecked(state["checks"][name])
            self.hen_gio_edit.setDateTime(state["times"]["hen_gio"])
            self.accepted_edit.setDateTime(state["times"]["accepted"])
            for completer in (self.sender_completer, self.recipient_completer):
                completer.close()
        finally:
            self._resetting = False
        self._shown = set(state["shown"])
        self._enable_dependents()
        self.refresh()

    def _edits(self) -> dict[str, QLineEdit]:
        return {"sender": self.sender_edit, "recipient": self.recipient_edit, "weight": self.weight_edit,
                "pieces": self.pieces_edit}

    def _combos(self) -> dict[str, QComboBox]:
        return {"kind": self.kind_combo, "unit": self.weight_unit, "secrecy": self.secrecy_combo}

    def _checks(self) -> dict[str, QCheckBox]:
        return {"seal": self.seal_check, "hoa_toc": self.hoa_toc_check, "hen_gio": self.hen_gio_check,
                "back_entry": self.back_entry_check}

    def reset(self, *, keep_sender: bool = True) -> None:
        """Empty the form for the next item; the sender stays unless asked otherwise."""
        self._resetting = True
        try:
            if not keep_sender:
                self.sender_edit.clear()
            self.recipient_edit.clear()
            self.kind_combo.setCurrentIndex(0)
            self.weight_edit.clear()
            self.weight_unit.setCurrentIndex(0)
            self.pieces_edit.setText("1")
            self.secrecy_combo.setCurrentIndex(0)
            self.seal_check.setChecked(False)
            self.hoa_toc_check.setChecked(False)
            self.hen_gio_check.setChecked(False)
            self.back_entry_check.setChecked(False)
            now = clock.now()
            self.hen_gio_edit.setDateTime(to_qdatetime(self._default_appointment(now)))
            self.accepted_edit.setDateTime(to_qdatetime(now))
            for completer in (self.sender_completer, self.recipient_completer):
                completer.close()
            # Still resetting: leaving the (now empty) field the clerk was in is not "visiting" it, so no
            # stale "Khối lượng …" error on the fresh form.
            self.focus_first()
        finally:
            self._resetting = False
        self._shown = {"sender"} if keep_sender and self.sender_edit.text().strip() else set()
        self._enable_dependents()
        self.refresh()

    def values(self) -> dict:
        """The form as ``intake.quote()`` takes it."""
        return dict(
            sender=self.sender_edit.text(), recipient=self.recipient_edit.text(),
            kind=self.kind_combo.currentData(), weight_g=self.weight_edit.text(),
            weight_unit=self.weight_unit.currentData(), pieces=self.pieces_edit.text(),
            secrecy=self.secrecy_combo.currentData() or None, hoa_toc=self.hoa_toc_check.isChecked(),
            hen_gio_at=from_qdatetime(self.hen_gio_edit.dateTime()) if self.hen_gio_check.isChecked() else None,
            accepted_at=(from_qdatetime(self.accepted_edit.dateTime())
                         if self.session.can_supervise and self.back_entry_check.isChecked() else None),
        )

    def refresh(self) -> Quote | None:
        """Re-check the form: fee, scope, deadline and the errors of fields already visited."""
        self._show_weight()
        try:
            q = quote(self.session.store, self.session.user, **self.values())
        except Kt1Error as err:
            self.last_quote = None
            errors = err if isinstance(err, FieldErrors) else FieldErrors([err])
            self._show_errors(errors)
            self._show_summary(None, errors)
            return None
        self.last_quote = q
        self._show_errors(None)
        self._show_summary(q)
        return q

    def save(self) -> str | None:
        """Store the item and print its papers; returns the new id, or None when nothing was stored."""
        self._shown = set(FIELDS) | {""}
        q = self.refresh()
        if q is None:
            self._focus_first_error()
            return None
        session = self.session
        counter = session.counter["code"] if session.counter else None
        if q.secrecy and not self.seal_check.isChecked():
            presented_by = self.confirm_refusal(q.secrecy)
            if not presented_by:
                self.seal_check.setFocus()
                return None
            try:
                intake(session.store, session.user, seal_intact=False, counter=counter, presented_by=presented_by,
                       **self.values())
            except ItemRefused as refused:
                self._show_refusal(refused)
                self.item_refused.emit(refused.refusal_id)
            except Kt1Error as err:
                set_message(self.error_labels[""], err.text(session.lang))
            return None
        try:
            accepted = store_item(session.store, session.user, q, counter=counter)
        except Kt1Error as err:  # e.g. the counter's serial block is used up: nothing was stored
            set_message(self.error_labels[""], err.text(session.lang))
            return None
        item_id = accepted.item["id"]
        self.last_saved_id = item_id
        self._show_saved(accepted.item, accepted.warnings)
        self.reset(keep_sender=True)
        self._print_papers(item_id)
        self.item_saved.emit(item_id)
        return item_id

    # -- set-up ------------------------------------------------------------
    def _setup_widgets(self) -> None:
        lang = self.session.lang
        for code, names in KINDS.items():
            self.kind_combo.addItem(names.get(lang, names["vi"]), code)
        self.weight_unit.addItem("g", "g")
        self.weight_unit.addItem("kg", "kg")
        # "" not None: PySide6 6.12 hands a stored None back with one reference too few (see pagekit.py)
        self.secrecy_combo.addItem(self.tr("Không mật"), "")
        for letter in ("A", "B", "C"):
            self.secrecy_combo.addItem(letter, letter)
        self.sender_completer = AgencyCompleter(self.sender_edit, self.session.store, lang=lang)
        self.recipient_completer = AgencyCompleter(self.recipient_edit, self.session.store, lang=lang)
        self.sender_edit.setMaxLength(80)
        self.recipient_edit.setMaxLength(80)
        self.weight_edit.setMaxLength(16)
        self.pieces_edit.setMaxLength(4)
        grid = self.form.findChild(QGridLayout, "formGrid")
        # Narrow screens (1024 px, or 1366 px at 125 %) first: the agency fields give way down to 200 px.
        grid.setColumnStretch(1, 3)
        grid.setColumnStretch(2, 2)
        for edit in (self.sender_edit, self.recipient_edit):
            edit.setMinimumWidth(200)
            edit.setMaximumWidth(360)
        for widget, width in ((self.kind_combo, 140), (self.secrecy_combo, 140), (self.weight_unit, 70),
                              (self.weight_edit, 140), (self.pieces_edit, 80)):
            widget.setMaximumWidth(width)
        self.form.layout().setContentsMargins(12, 12, 12, 12)
        self.setup_notice = QLabel()
        self.setup_notice.setObjectName("setupNotice")
        self.setup_notice.setWordWrap(True)
        self.setup_notice.setTextFormat(Qt.TextFormat.RichText)
        self.form.findChild(QVBoxLayout, "formAreaLayout").insertWidget(0, self.setup_notice)
        self.labels["feeSample"].setStyleSheet(SAMPLE_BADGE_STYLE)
        self.labels["feeSample"].hide()
        for edit in (self.hen_gio_edit, self.accepted_edit):
            edit.setMinimumWidth(150)
        typed_dates(self.hen_gio_edit, self.accepted_edit)
        supervisor = self.session.can_supervise
        for widget in (self.back_entry_check, self.accepted_edit, self.labels["acceptedLabel"]):
            widget.setVisible(supervisor)
        big = scaled_font(self, 2.0, bold=True)
        self.labels["feeValue"].setFont(big)
        self.labels["lastId"].setFont(scaled_font(self, 2.0, bold=True, mono=True))
        for name in ("scopeValue", "deadlineValue"):
            self.labels[name].setFont(scaled_font(self, 1.25, bold=True))
        for name in ("feeTitle", "scopeTitle", "deadlineTitle", "lastTitle"):
            self.labels[name].setStyleSheet(MUTED_STYLE)
        for name in ("senderName", "recipientName", "weightShown"):
            self.labels[name].setStyleSheet(MUTED_STYLE)
        self.save_button.setDefault(False)
        self.save_button.setAutoDefault(False)
        self.clear_button.setAutoDefault(False)
        order = [self.sender_edit, self.recipient_edit, self.kind_combo, self.weight_edit, self.weight_unit,
                 self.pieces_edit, self.secrecy_combo, self.seal_check, self.hoa_toc_check, self.hen_gio_check,
                 self.hen_gio_edit, self.back_entry_check, self.accepted_edit, self.save_button, self.clear_button]
        for first, second in zip(order, order[1:]):
            QWidget.setTabOrder(first, second)

    def check_setup(self) -> None:
        """Say so above the form while the office has no directory or no tariff in force (a first day)."""
        store = self.session.store
        missing = []
        if not agencies.count_agencies(store):
            missing.append(("agency", self.tr("Danh bạ chưa có cơ quan nào.")))
        if tariff_in_force(store, clock.now().date()) is None:
            missing.append(("tariff", self.tr("Chưa có bảng cước có hiệu lực hôm nay: chưa tính được cước.")))
        if not missing:
            set_message(self.setup_notice, None)
            return
        if self.session.can_supervise:
            how = self.tr('<a href="{tab}">Nạp ở mục Danh bạ…</a>')
        else:
            how = self.tr('Nhờ kiểm soát viên nạp ở mục <a href="{tab}">Danh bạ</a>.')
        text = " ".join(html.escape(what) for _tab, what in missing) + " " + how.format(tab=missing[0][0])
        set_message(self.setup_notice, text, NOTICE_STYLE)

    def _connect(self) -> None:
        self.setup_notice.linkActivated.connect(lambda tab: self.open_page.emit("directory", tab))
        if self.session.events is not None:
            self.session.events.changed.connect(self._store_changed)
        for edit, key in ((self.sender_edit, "sender"), (self.recipient_edit, "recipient"),
                          (self.weight_edit, "weight_g"), (self.pieces_edit, "pieces")):
            edit.textChanged.connect(self._changed)
            edit.editingFinished.connect(lambda key=key, edit=edit: self._left(key, edit))
        for combo, key in ((self.kind_combo, "kind"), (self.weight_unit, "weight_g"), (self.secrecy_combo, "secrecy")):
            combo.currentIndexChanged.connect(lambda _i, key=key: self._visited(key))
        for box, key in ((self.seal_check, "secrecy"), (self.hoa_toc_check, "hen_gio_at"),
                         (self.hen_gio_check, "hen_gio_at"), (self.back_entry_check, "accepted_at")):
            box.toggled.connect(lambda _on, key=key: self._visited(key))
        self.hen_gio_check.toggled.connect(self._hen_gio_toggled)
        self.hen_gio_edit.dateTimeChanged.connect(lambda _v: self._visited("hen_gio_at"))
        self.accepted_edit.dateTimeChanged.connect(lambda _v: self._visited("accepted_at"))
        self.sender_completer.resolved.connect(lambda row: self._show_agency("senderName", row))
        self.recipient_completer.resolved.connect(lambda row: self._show_agency("recipientName", row))
        self.sender_completer.picked.connect(lambda _row: self._picked(self.sender_edit, "sender"))
        self.recipient_completer.picked.connect(lambda _row: self._picked(self.recipient_edit, "recipient"))
        self.save_button.clicked.connect(self.save)
        self.clear_button.clicked.connect(lambda: self.reset(keep_sender=False))

    # -- keyboard ------------------------------------------------------------
    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        key, mods = event.key(), event.modifiers()
        ctrl = bool(mods & Qt.KeyboardModifier.ControlModifier)
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and ctrl or key == Qt.Key.Key_F9:
            self.save()
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not (mods & ~Qt.KeyboardModifier.KeypadModifier):
            focus = self.focusWidget()
            if isinstance(focus, QPushButton):
                focus.click()
            else:
                self.focusNextChild()
            return
        if key == Qt.Key.Key_Escape and not mods:
            self.reset(keep_sender=False)
            return
        super().keyPressEvent(event)

    # -- reacting ------------------------------------------------------------
    def _store_changed(self, _action: str, entities) -> None:
        if entities & {"agency", "tariff"}:  # a directory or tariff loaded meanwhile: the fee may be known now
            self.check_setup()
            self.refresh()

    def _changed(self, *_args) -> None:
        if not self._resetting:
            self.refresh()

    def _visited(self, key: str) -> None:
        if self._resetting:
            return
        self._shown.add(key)
        self._enable_dependents()
        self.refresh()

    def _left(self, key: str, edit: QLineEdit) -> None:
        # Leaving an empty field is not a mistake yet (the focus also leaves when a message box
        # opens over the emptied form after a save): "required" shows when saving is tried.
        if edit.text().strip():
            self._visited(key)

    def _picked(self, edit: QLineEdit, key: str) -> None:
        self._visited(key)
        edit.setFocus()

    def _hen_gio_toggled(self, on: bool) -> None:
        if on and from_qdatetime(self.hen_gio_edit.dateTime()) < clock.now():
            self.hen_gio_edit.setDateTime(to_qdatetime(self._default_appointment(clock.now())))

    @staticmethod
    def _default_appointment(now: datetime) -> datetime:
        """A day ahead on the hour: far enough for every zone's lead time."""
        return (now + timedelta(days=1, hours=1)).replace(minute=0, second=0, microsecond=0)

    def _enable_dependents(self) -> None:
        self.seal_check.setEnabled(bool(self.secrecy_combo.currentData()))
        self.hen_gio_edit.setEnabled(self.hen_gio_check.isChecked())
        self.accepted_edit.setEnabled(self.back_entry_check.isChecked())

    # -- showing -------------------------------------------------------------
    def _show_agency(self, label_name: str, row: dict | None) -> None:
        as_sender = label_name == "senderName"
        self.labels[label_name].setText(describe(row, self.session.lang, as_sender=as_sender) if row else "")

    def _show_weight(self) -> None:
        text = self.weight_edit.text().strip()
        shown = ""
        if text:
            try:
                shown = "= " + weight(parse_weight_g(text, self.weight_unit.currentData()), self.session.lang)
            except (ValueError, TypeError, OverflowError):
                shown = ""
        set_text(self.labels["weightShown"], shown)

    def _show_errors(self, err: FieldErrors | None) -> None:
        lang = self.session.lang
        messages: dict[str, list[str]] = {}
        for error in (err.errors if err else []):
            key = error.field if error.field in self.error_labels else ""
            messages.setdefault(key, []).append(error.text(lang))
        for key, lbl in self.error_labels.items():
            text = " ".join(messages.get(key, [])) if key in self._shown else ""
            set_message(lbl, text)
        if not self.field_error("secrecy") and self.secrecy_combo.currentData() and not self.seal_check.isChecked():
            set_message(self.error_labels["secrecy"],
                        self.tr("Kiểm tra niêm phong rồi đánh dấu «Niêm phong nguyên vẹn»; "
                                "niêm phong không nguyên vẹn thì bưu gửi bị từ chối."), WARNING_STYLE)

    def _why_no_fee(self, err: FieldErrors | None) -> tuple[str, str]:
        """Why no fee shows: the fields still to type, the first wrong one, or that no tariff is in force."""
        lang = self.session.lang
        errors = err.errors if err else []
        for error in errors:
            if error.code in ("no_tariff", "no_band"):
                how = (self.tr("Nạp bảng cước ở mục Danh bạ › Bảng cước.") if self.session.can_supervise else
                       self.tr("Nhờ kiểm soát viên nạp bảng cước (mục Danh bạ › Bảng cước)."))
                return error.text(lang) + " " + how, WARNING_STYLE
        typed = {"sender": self.sender_edit.text(), "recipient": self.recipient_edit.text(),
                 "weight_g": self.weight_edit.text()}
        empty = [key for key, text in typed.items() if not text.strip()]
        missing = [FIELD_LABELS[key].get(lang, FIELD_LABELS[key]["vi"]) for key in empty]
        wrong = [e.text(lang) for e in errors if e.code != "required" and e.field not in empty]
        parts = []
        if missing:
            parts.append(self.tr("Chưa tính được cước: cần nhập {fields}.").format(fields=", ".join(missing)))
        if wrong:
            parts.append((self.tr("Chưa tính được cước:") + " " if not missing else "") + wrong[0])
        return "\n".join(parts) or self.tr("Nhập đủ thông tin để tính cước."), MUTED_STYLE

    def _show_summary(self, q: Quote | None, err: FieldErrors | None = None) -> None:
        lang = self.session.lang
        lbl = self.labels
        if q is None:
            set_text(lbl["feeValue"], "—")
            lbl["feeSample"].hide()
            set_message(lbl["feeDetail"], *self._why_no_fee(err))
            set_text(lbl["scopeValue"], "—")
            set_text(lbl["deadlineValue"], "—")
            return
        fee = q.fee
        lbl["feeSample"].setVisible(self._is_sample(fee.tariff_id))
        if fee.free_reason:
            set_text(lbl["feeValue"], self.tr("Miễn cước"))
            detail = FREE_REASONS[fee.free_reason].get(lang, FREE_REASONS[fee.free_reason]["vi"])
        else:
            set_text(lbl["feeValue"], money(fee.total, lang))
            names = {"band": self.tr("cước chính"), "hoa_toc": self.tr("Hỏa tốc"), "hen_gio": self.tr("Hẹn giờ"),
                     "secrecy": self.tr("mật")}
            # no-break spaces: "mật 10.000 đ" never splits across lines
            parts = [f"{names.get(k, k)} {money(v, lang)}" for k, v in fee.parts.items()]
            # The tariff's amounts are before VAT; the big figure is the total with VAT.
            parts.append(f"VAT {percent(fee.vat_rate_bp, lang)} {money(fee.vat, lang)}")
            detail = " + ".join(p.replace(" ", "\u00a0") for p in parts)
            if self._is_sample(fee.tariff_id):
                detail += "\n" + self.tr("Theo bảng cước MẪU, chưa phải bảng cước chính thức.")
        set_message(lbl["feeDetail"], detail, MUTED_STYLE)
        zone_key = (q.scope, q.recipient.get("zone") if q.scope == "noi-tinh" else None)
        zone = ZONE_NAMES.get(zone_key, {}).get(lang, "")
        set_text(lbl["scopeValue"], zone[:1].upper() + zone[1:])
        when = clock.to_vn(q.deadline)
        day_name = _WEEKDAYS.get(lang, _WEEKDAYS["vi"])[when.weekday()]
        if q.hen_gio_at is not None:
            rule = self.tr("Hẹn giờ")
        else:
            days = f"{deadline_days(hoa_toc=q.hoa_toc, scope=q.scope):g}"
            rule = "J + " + (days.replace(".", ",") if lang == "vi" else days)
            if q.deadline_rule in ("after-cutoff", "day-off"):
                rule += " " + self.tr("(J: ngày làm việc kế tiếp)")
        set_text(lbl["deadlineValue"], f"{rule}  ·  {day_name} {moment(when)}")

    def _is_sample(self, tariff_id: int | None) -> bool:
        return tariff_id is not None and any(t.id == tariff_id and t.is_sample
                                             for t in list_tariffs(self.session.store))

    def _show_saved(self, item: dict, warnings: list[Kt1Error]) -> None:
        lang = self.session.lang
        set_text(self.labels["lastTitle"], self.tr("Bưu gửi vừa nhận"))
        set_text(self.labels["lastId"], item["id"])
        self.labels["lastId"].setStyleSheet("color: #0b6b2f;")
        fee = money(item["fee_vnd"] + item["vat_vnd"], lang) if not item["free_reason"] else self.tr("Miễn cước")
        if self._is_sample(item["tariff_id"]):
            fee += " " + self.tr("(bảng cước MẪU)")
        info = f"{item['sender_code']} → {item['recipient_code']} · {weight(item['weight_g'], lang)} · {fee}"
        if item["secrecy"]:
            info += "\n" + self.tr("Mật {letter}: chuyển đi ngay bằng xe riêng.").format(letter=item["secrecy"])
        set_message(self.labels["lastInfo"], info, "")
        set_message(self.labels["warningsLabel"], "\n".join(w.text(lang) for w in warnings), WARNING_STYLE)
        set_message(self.labels["printStatus"], self.tr("Đang in nhãn và biên nhận…"), MUTED_STYLE)

    def _show_refusal(self, refused: ItemRefused) -> None:
        text = refused.text(self.session.lang)
        self.reset(keep_sender=True)
        set_text(self.labels["lastTitle"], self.tr("Đã từ chối nhận"))
        set_text(self.labels["lastId"], self.tr("Từ chối"))
        self.labels["lastId"].setStyleSheet("color: #a8231a;")
        set_message(self.labels["lastInfo"], text, ERROR_STYLE)
        set_message(self.labels["printStatus"], "")
        set_message(self.labels["warningsLabel"], "")
        set_message(self.error_labels["secrecy"], text)

    def _focus_first_error(self) -> None:
        widgets = {"sender": self.sender_edit, "recipient": self.recipient_edit, "kind": self.kind_combo,
                   "weight_g": self.weight_edit, "pieces": self.pieces_edit, "secrecy": self.secrecy_combo,
                   "hen_gio_at": self.hen_gio_edit if self.hen_gio_check.isChecked() else self.hoa_toc_check,
                   "accepted_at": self.accepted_edit}
        for key in FIELDS:
            if self.field_error(key):
                widgets[key].setFocus()
                if isinstance(widgets[key], QLineEdit):
                    widgets[key].selectAll()
                return

    # -- printing --------------------------------------------------------------
    def _print_papers(self, item_id: str) -> None:
        """Label, then receipt, together (with no printer the clerk is asked once, and may save both as PDF).

        A failed print loses nothing: the item is stored and can be reprinted.
        """
        session = self.session
        try:
            from ..printing import label_pdf, receipt_pdf
        except ImportError:
            log.exception("printing module not available")
            set_message(self.labels["printStatus"],
                        self.tr("Chưa in được nhãn và biên nhận. Bưu gửi đã được nhận; in lại ở mục Tra cứu."),
                        WARNING_STYLE)
            return
        made, failed = [], []
        for doc_type, name, make in (("label", self.tr("Nhãn"), lambda: label_pdf(session.store, [item_id])),
                                     ("receipt", self.tr("Biên nhận"), lambda: receipt_pdf(session.store, item_id))):
            try:
                made.append((make(), doc_type, f"{name} {item_id}", name))
            except Exception:  # a paper that cannot be made must never lose the accepted item
                log.exception("making the %s of %s failed", doc_type, item_id)
                failed.append(name)
        try:
            outcomes, folder = session.print_papers(self, [(pdf, doc_type, title) for pdf, doc_type, title, _n in made])
        except Exception:  # a printer fault must never lose the accepted item
            log.exception("printing the papers of %s failed", item_id)
            outcomes, folder = ["not printed"] * len(made), None
        saved = []
        for (_pdf, doc_type, _title, name), outcome in zip(made, outcomes):
            if outcome == "printed":
                items.record_print(session.store, session.user, item_id, doc_type)
            elif outcome == "saved":
                saved.append(name)
            else:
                failed.append(name)
        if saved and not failed:
            set_message(self.labels["printStatus"],
                        self.tr("Chưa có máy in: đã lưu {papers} thành tệp PDF trong {folder}. In lại ở mục Tra cứu "
                                "khi có máy in.").format(papers=", ".join(saved).lower(), folder=folder), WARNING_STYLE)
        elif failed:
            set_message(self.labels["printStatus"],
                        self.tr("Chưa in được: {papers}. Bưu gửi đã được nhận; in lại ở mục Tra cứu.").format(
                            papers=", ".join(failed + saved)), WARNING_STYLE)
        else:
            set_message(self.labels["printStatus"], self.tr("Đã in nhãn và biên nhận."), MUTED_STYLE)
