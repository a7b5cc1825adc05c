"""Configurable figures, each with the date from which its value applies.

DOMAIN.md marks several figures *(configurable)*: the program ships sample
values and a supervisor changes them, naming the day the new value starts.
"""

from __future__ import annotations

import re
from datetime import date, time

from .. import clock
from ..errors import Kt1Error
from ..formats import parse_percent_bp, parse_whole
from ..storage import Store, User
from ..text import bad_char, nfc
from .users import require_role


def _time(text: str) -> time:
    if not re.fullmatch(r"[0-9]{1,2}:[0-9]{2}", text.strip()):
        raise ValueError(text)
    hours, minutes = text.strip().split(":")
    return time(int(hours), int(minutes))


def _optional_time(text: str) -> time | None:
    """A time of day, or '' for "off"."""
    return _time(text) if text.strip() else None


def _folder(text: str) -> str:
    """An absolute folder path, or '' for none (whether it is there is checked at backup time: a stick comes and goes)."""
    from pathlib import Path, PureWindowsPath

    text = text.strip()
    if text and not (Path(text).is_absolute() or PureWindowsPath(text).is_absolute()):
        raise ValueError(text)
    return text


def _positive_int(text: str) -> int:
    return parse_whole(text, minimum=1, maximum=10**9)


def _answer_days(text: str) -> int:
    """Days to answer a complaint: the office's target, within the law's ceiling of two months."""
    value = _positive_int(text)
    if value > 62:
        raise ValueError(text)
    return value


# key: (default, parser, Vietnamese description)
DEFAULTS: dict[str, tuple[str, object, str]] = {
    "max_weight_g": ("30000", _positive_int, "Khối lượng tối đa một bưu gửi (g) — giá trị mẫu"),
    "max_pieces": ("99", _positive_int, "Số kiện tối đa một bưu gửi"),
    "day_start": ("07:30", _time, "Giờ bắt đầu ngày làm việc"),
    "day_end": ("17:00", _time, "Giờ kết thúc ngày làm việc (hết J + n)"),
    "half_day_end": ("12:00", _time, "Giờ kết thúc nửa ngày làm việc (J + n,5)"),
    "serial_warn_percent": ("90", _positive_int, "Cảnh báo khi dải số hiệu đã dùng (%)"),
    "back_entry_max_days": ("60", _positive_int, "Nhập bù tối đa bao nhiêu ngày về trước"),
    "idle_lock_minutes": ("5", _positive_int, "Khóa màn hình sau bao nhiêu phút không dùng"),
    "login_free_attempts": ("3", _positive_int, "Số lần nhập sai mật khẩu trước khi phải chờ"),
    "this_counter": ("", str, "Mã quầy của máy này"),
    # Issue 8. Tariff amounts are before VAT; the rate in force on the acceptance day is applied
    # and stored with the item (hundredths of a per cent: 1000 = 10 %).
    "vat_percent": ("10", parse_percent_bp, "Thuế suất GTGT trên cước (%) — giá trị mẫu"),
    # Off ('') by default: J is the acceptance day. When set, an item accepted at or after this
    # hour, or on a day off, counts J from the next working day.
    "cutoff_time": ("", _optional_time, "Giờ chốt (để trống: tắt): nhận sau giờ này hoặc ngày nghỉ thì J là ngày làm việc kế tiếp"),
    "hen_gio_max_days": ("30", _positive_int, "Hẹn giờ xa nhất bao nhiêu ngày sau thời điểm nhận"),
    # -- the item's life (kt1desk.life) --
    "secret_wait_minutes": ("30", _positive_int, "Bưu gửi mật chờ chuyển quá bao nhiêu phút thì báo đỏ — giá trị mẫu"),
    "complaint_answer_days": ("30", _answer_days, "Hạn trả lời khiếu nại (ngày; luật cho tối đa 2 tháng) — giá trị mẫu"),
    # Issue 12. Where the counter's backups go (a USB stick, a network share; '' = none), also at
    # every shift close, and how many of this counter's backups are kept there.
    "backup_folder": ("", _folder, "Thư mục sao lưu (USB, ổ mạng; để trống: chưa chọn) — cũng sao lưu khi chốt ca"),
    "backup_keep": ("30", _positive_int, "Giữ bao nhiêu bản sao lưu gần nhất của quầy trong thư mục sao lưu"),
}


def get(store: Store, key: str, on: date | None = None):
    """The value of ``key`` in force on ``on`` (today by default), parsed."""
    return DEFAULTS[key][1](raw(store, key, on))


def raw(store: Store, key: str, on: date | None = None) -> str:
    """The value of ``key`` in force on ``on`` (today by default), as stored."""
    if key not in DEFAULTS:
        raise Kt1Error("setting_unknown", key=key)
    on = on or clock.now().date()
    table = store.cached("settings", lambda: _load(store))
    value = DEFAULTS[key][0]
    for effective_from, stored in table.get(key, ()):
        if effective_from <= on.isoformat():
            value = stored
    return value


def _load(store: Store) -> dict[str, list[tuple[str, str]]]:
    table: dict[str, list[tuple[str, str]]] = {}
    for row in store.all("SELECT key, effective_from, value FROM settings ORDER BY key, effective_from"):
        table.setdefault(row["key"], []).append((row["effective_from"], row["value"]))
    return table


def put(store: Store, actor: User | None, key: str, value: str, effective_from: date | None = None) -> None:
    """Set ``key`` from ``effective_from`` (today) on. Supervisors and admins only."""
    if actor is not None:
        require_role(actor, "supervisor", "admin")
    if key not in DEFAULTS:
        raise Kt1Error("setting_unknown", key=key)
    if bad_char(value):
        raise Kt1Error("setting_value", key=key, value=repr(value))
    value = nfc(value)
    try:
        DEFAULTS[key][1](value)
    except (ValueError, TypeError):
        raise Kt1Error("setting_value", key=key, value=value) from None
    start = (effective_from or clock.now().date()).isoformat()
    with store.write(actor, "setting.put") as tx:
        tx.execute(
            "INSERT INTO settings (key, effective_from, value) VALUES (?, ?, ?) "
            "ON CONFLICT (key, effective_from) DO UPDATE SET value = excluded.value",
            (key, start, value),
        )
        tx.record("setting", key, value=value, effective_from=start)
