"""The command line: a thin layer over the services (a contract other tools and tests use).

Exit status: 0 done, 2 bad input (nothing written), 3 item refused (the refusal was recorded),
10–15 the database file cannot be used (see ``dbfile``: not a database, damaged, busy, disk full,
no access, disk error). Nothing ends in a traceback.
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sqlite3
import sys
from datetime import date
from pathlib import Path

from . import clock, formats
from .dbfile import EXIT_IO, StorageError
from .errors import MESSAGES, ItemRefused, Kt1Error
from .storage import Store, User, default_db_path

EXIT_BAD_INPUT = 2
EXIT_REFUSED = 3


class Cli:
    """What every command needs: the store, the language, and who is acting."""

    def __init__(self, args: argparse.Namespace):
        self.args = args
        # --lang, else KT1DESK_LANG; the window, given neither, speaks what was last chosen in its settings.
        self.asked_lang = args.lang or os.environ.get("KT1DESK_LANG") or None
        self.lang = self.asked_lang or "vi"
        self._store: Store | None = None

    @property
    def store(self) -> Store:
        if self._store is None:
            from .location import open_database

            self._store = Store(open_database(self.args.db).path)
            self._store.on_wait = self.waiting
            from .backup.cli import on_shift_close

            on_shift_close(self)  # a backup into the backup folder at every shift close
            wait = os.environ.get("KT1DESK_WRITE_WAIT")  # seconds a write waits for another counter's
            if wait and wait.isascii() and wait.isdigit():
                self._store.write_wait_s = float(wait)
        return self._store

    def waiting(self) -> None:
        """Another counter holds the write lock (a bulk back-entry): say so, then wait for it."""
        vi, en = MESSAGES["db_waiting"]
        print(en if self.lang == "en" else vi, file=sys.stderr, flush=True)

    def say(self, vi: str, en: str) -> None:
        print(en if self.lang == "en" else vi)

    def password(self) -> str:
        password = os.environ.get("KT1DESK_PASSWORD")
        if password:
            return password
        if sys.stdin is not None and sys.stdin.isatty():
            password = getpass.getpass("Mật khẩu / Password: ")
        if not password:
            raise Kt1Error("no_password", "password")
        return password

    def actor(self) -> User:
        """The user named by --user, checked against their password (never taken from argv)."""
        from .services import office, users

        office.get_office(self.store)  # a clear message on an empty database, before asking anything
        login = self.args.user or os.environ.get("KT1DESK_USER")
        if not login:
            raise Kt1Error("required", "login", label={"vi": "--user (tên đăng nhập)", "en": "--user (login)"})
        return users.authenticate(self.store, login, self.password())

    def emit(self, data, text: str) -> None:
        if getattr(self.args, "json", False):
            print(json.dumps(data, ensure_ascii=False, indent=2, default=str))
        else:
            print(text)


# -- commands ---------------------------------------------------------------

def cmd_gui(cli: Cli) -> int:
    from .qt.app import run

    from .location import open_database

    return run(db_path=open_database(cli.args.db).path, lang=cli.asked_lang, counter=cli.args.counter)


def cmd_demo(cli: Cli) -> int:
    from .demo import create_demo
    from .services import office

    if office.is_initialised(cli.store):
        raise Kt1Error("already_initialised", code=office.get_office(cli.store)["code"])
    password = os.environ.get("KT1DESK_PASSWORD")
    shown = password is None
    if shown:
        password = "kt1demo"
    made = create_demo(cli.store, password=password, items=cli.args.items)
    cli.say(f"Đã tạo dữ liệu thử tại {cli.store.path}: bưu cục {made['office']}, {made['items']} bưu gửi.",
            f"Demo data created in {cli.store.path}: office {made['office']}, {made['items']} items.")
    cli.say("Người dùng: admin (quản trị), giamsat (kiểm soát viên), gdv1 (giao dịch viên).",
            "Users: admin (admin), giamsat (supervisor), gdv1 (clerk).")
    if shown:
        cli.say(f"Mật khẩu của cả ba: {password}", f"Password for all three: {password}")
    return 0


def cmd_init(cli: Cli) -> int:
    from .services import office, tariff, users

    a = cli.args
    if office.is_initialised(cli.store):
        raise Kt1Error("already_initialised", code=office.get_office(cli.store)["code"])
    password = cli.password()
    if a.province_key:  # checked before anything is written
        from .sync.keys import parse_key_line

        if parse_key_line(a.province_key)["role"] != "province":
            raise Kt1Error("key_line_role", expected="province")
    first, _, last = a.serial_block.partition("-")
    # One write: a bad admin login or serial block leaves no office behind that blocks the next `init`.
    with cli.store.write(None, "office.setup"):
        office.init_office(cli.store, None, code=a.office_code, name=a.office_name, province=a.province,
                           postal_code=a.postal_code or "", service_indicator=a.service_indicator)
        office.add_counter(cli.store, None, code=a.counter_code, name=a.counter_name or a.counter_code,
                           first=first, last=last)
        users.create_user(cli.store, None, login=a.admin, full_name=a.admin_name or a.admin, role="admin",
                          password=password)
        loaded = tariff.import_sample(cli.store, None) if a.sample_tariff else None
        if a.province_key:
            from .sync.keys import trust_province_key

            trust_province_key(cli.store, None, a.province_key)
    cli.say(f"Đã khởi tạo bưu cục {a.office_code.upper()} tại {cli.store.path}.",
            f"Office {a.office_code.upper()} initialised in {cli.store.path}.")
    if loaded is not None:
        start = formats.day(date.fromisoformat(loaded.effective_from))
        cli.say(f"Đã nạp bảng cước MẪU (không chính thức), áp dụng từ {start}: nạp bảng thật bằng "
                "«kt1desk tariff import TỆP --effective-from NGÀY».",
                f"The SAMPLE tariff (not official) is loaded, from {start}: load the real one with "
                "“kt1desk tariff import FILE --effective-from DAY”.")
    else:
        cli.say("Chưa có bảng cước: chưa tính được cước cho tới khi nạp bằng «kt1desk tariff import TỆP "
                "--effective-from NGÀY» (hoặc dùng bảng MẪU: «kt1desk tariff import --sample»).",
                "No tariff yet: fees cannot be computed until one is loaded with “kt1desk tariff import FILE "
                "--effective-from DAY” (or the sample: “kt1desk tariff import --sample”).")
    cli.say("Chưa có cơ quan nào trong danh bạ: nạp bằng «kt1desk agency import TỆP.csv».",
            "The agency directory is empty: load it with “kt1desk agency import FILE.csv”.")
    return 0


def cmd_agency_import(cli: Cli) -> int:
    from .services import agencies

    counts = agencies.import_csv(cli.store, cli.actor(), cli.args.file)
    cli.say(f"Đã nhập danh bạ: {counts['added']} mới, {counts['changed']} thay đổi, {counts['unchanged']} giữ nguyên.",
            f"Directory imported: {counts['added']} added, {counts['changed']} changed, {counts['unchanged']} unchanged.")
    return 0


def cmd_agency_find(cli: Cli) -> int:
    from .services import agencies

    rows = agencies.find_agencies(cli.store, cli.args.text, limit=items_limit(cli.args.limit))
    out = [{k: r[k] for k in ("code", "name", "appendix", "province", "former_names")} for r in rows]
    text = "\n".join(f"{r['code']:<10} {r['name']}" + (f"  ({'tên cũ' if cli.lang != 'en' else 'formerly'}: "
                                                       f"{'; '.join(r['former_names'])})" if r["former_names"] else "")
                     for r in out) or ("Không tìm thấy." if cli.lang != "en" else "Nothing found.")
    cli.emit(out, text)
    return 0


def items_limit(value) -> int:
    from .services import items

    return items.checked_limit(value)


def cmd_agency_list(cli: Cli) -> int:
    from .services import agencies

    rows = agencies.list_agencies(cli.store)
    for row in rows:
        row.pop("name_fold", None)
    text = "\n".join(f"{r['code']:<10} {r['appendix']:<3} {r['province']:<14} {r['name']}" for r in rows)
    cli.emit(rows, text)
    return 0


def cmd_tariff_import(cli: Cli) -> int:
    from .services import tariff

    start = None
    if cli.args.effective_from:
        try:
            start = clock.parse_date(cli.args.effective_from)
        except ValueError:
            raise Kt1Error("bad_date", "effective_from", label={"vi": "--effective-from", "en": "--effective-from"},
                           value=cli.args.effective_from) from None
    if cli.args.sample == bool(cli.args.file):
        raise Kt1Error("required", "file", label={"vi": "TỆP bảng cước (hoặc --sample, không cả hai)",
                                                  "en": "the tariff FILE (or --sample, not both)"})
    actor = cli.actor()
    if cli.args.sample:
        loaded = tariff.import_sample(cli.store, actor, effective_from=start)
    else:
        loaded = tariff.import_csv(cli.store, actor, cli.args.file,
                                   effective_from=start or tariff.suggested_start(cli.store))
    cli.say(f"Đã nạp bảng cước «{loaded.name}», hiệu lực từ {formats.day(date.fromisoformat(loaded.effective_from))}.",
            f"Tariff “{loaded.name}” loaded, effective from {formats.day(date.fromisoformat(loaded.effective_from))}.")
    return 0


def cmd_tariff_show(cli: Cli) -> int:
    from .services import tariff

    current = tariff.tariff_on(cli.store, clock.now().date())
    data = {"id": current.id, "effective_from": current.effective_from, "name": current.name,
            "is_sample": current.is_sample,
            "bands": [{"max_weight_g": b[0], "noi_tinh_vnd": b[1], "lien_tinh_vnd": b[2]} for b in current.bands],
            "surcharges": {k: {"noi_tinh_vnd": v[0], "lien_tinh_vnd": v[1]} for k, v in current.surcharges.items()}}
    lang = cli.lang
    lines = [f"{current.name} — {'hiệu lực từ' if lang == 'vi' else 'effective from'} "
             f"{formats.day(date.fromisoformat(current.effective_from))}"
             + ("  [MẪU / SAMPLE]" if current.is_sample else "")]
    lines.append(f"{'đến' if lang == 'vi' else 'up to':>12}  {'nội tỉnh':>12}  {'liên tỉnh':>12}")
    for max_g, noi, lien in current.bands:
        lines.append(f"{formats.weight(max_g, lang):>12}  {formats.money(noi, lang):>12}  {formats.money(lien, lang):>12}")
    for rule, (noi, lien) in current.surcharges.items():
        name = {"hoa_toc": "+ Hỏa tốc", "hen_gio": "+ Hẹn giờ", "secrecy": "+ Mật", "secrecy_a": "+ Mật A",
                "secrecy_b": "+ Mật B", "secrecy_c": "+ Mật C"}[rule]
        lines.append(f"{name:>12}  {formats.money(noi, lang):>12}  {formats.money(lien, lang):>12}")
    cli.emit(data, "\n".join(lines))
    return 0


def item_json(item: dict) -> dict:
    keys = ("id", "status", "accepted_at", "deadline", "deadline_rule", "scope", "fee_vnd", "vat_rate_bp",
            "vat_vnd", "free_reason", "sender_code", "sender_name", "recipient_code", "recipient_name",
            "recipient_province", "kind", "weight_g", "pieces", "secrecy", "hoa_toc", "hen_gio_at",
            "immediate_dispatch", "back_entry", "label_prints", "receipt_prints")
    out = {k: item.get(k) for k in keys if k in item}
    if "fee_vnd" in item:
        out["total_vnd"] = item["fee_vnd"] + (item.get("vat_vnd") or 0)  # fee_vnd is before VAT
    for flag in ("hoa_toc", "immediate_dispatch", "back_entry"):
        if flag in out:
            out[flag] = bool(out[flag])
    return out


def item_text(item: dict, lang: str) -> str:
    from .services.intake import KINDS
    from .services.tariff import FREE_REASONS

    fee = formats.fee_with_vat(item, lang) if not item.get("free_reason") else FREE_REASONS[item["free_reason"]][lang]
    marks = [m for m in (item.get("secrecy"), "Hỏa tốc" if item.get("hoa_toc") else None,
                         f"Hẹn giờ {formats.moment(clock.parse_iso(item['hen_gio_at']))}" if item.get("hen_gio_at") else None) if m]
    vi = lang != "en"
    return "\n".join([
        f"{item['id']}  [{item['status']}]",
        f"  {'Gửi' if vi else 'From'}: {item['sender_code']} — {item['sender_name']}",
        f"  {'Nhận' if vi else 'To'}:  {item['recipient_code']} — {item['recipient_name']} ({item['recipient_province']})",
        f"  {KINDS[item['kind']][lang]}, {formats.weight(item['weight_g'], lang)}, {item['pieces']} "
        f"{'kiện' if vi else 'piece(s)'}" + (f", {', '.join(marks)}" if marks else ""),
        f"  {'Nhận lúc' if vi else 'Accepted'}: {formats.moment(clock.parse_iso(item['accepted_at']))}"
        f"   {'Hạn phát' if vi else 'Deadline'}: {formats.moment(clock.parse_iso(item['deadline']))}"
        f"   {'nội tỉnh' if item['scope'] == 'noi-tinh' else 'liên tỉnh'}",
        f"  {DEADLINE_RULES.get(item.get('deadline_rule') or 'acceptance-day')[lang]}",
        f"  {'Cước' if vi else 'Fee'}: {fee}",
    ])


DEADLINE_RULES = {
    "acceptance-day": {"vi": "Hạn tính từ ngày nhận (J = ngày nhận)", "en": "Deadline counted from the acceptance day"},
    "after-cutoff": {"vi": "Nhận sau giờ chốt: J là ngày làm việc kế tiếp",
                     "en": "Accepted after the cut-off hour: J is the next working day"},
    "day-off": {"vi": "Nhận ngày nghỉ: J là ngày làm việc kế tiếp", "en": "Accepted on a day off: J is the next working day"},
    "hen-gio": {"vi": "Hạn là giờ hẹn", "en": "Deadline is the Hẹn giờ time"},
}


def cmd_intake(cli: Cli) -> int:
    from .services import intake

    a = cli.args
    accepted = intake.intake(
        cli.store, cli.actor(), sender=a.sender, recipient=a.recipient, kind=a.kind, weight_g=a.weight,
        pieces=a.pieces, secrecy=a.secrecy, seal_intact=not a.seal_broken, hoa_toc=a.hoa_toc,
        hen_gio_at=a.hen_gio, accepted_at=a.accepted_at, counter=a.counter, presented_by=a.presented_by,
    )
    data = item_json(accepted.item) | {"warnings": [w.text(cli.lang) for w in accepted.warnings]}
    cli.emit(data, item_text(accepted.item, cli.lang))
    for warning in accepted.warnings:
        print(warning.text(cli.lang), file=sys.stderr)
    return 0


def cmd_import_items(cli: Cli) -> int:
    from .services import backentry

    ids = backentry.import_items(cli.store, cli.actor(), cli.args.file, counter=cli.args.counter)
    cli.say(f"Đã nhập bù {len(ids)} bưu gửi: {', '.join(ids)}", f"Back-entered {len(ids)} items: {', '.join(ids)}")
    return 0


def cmd_show(cli: Cli) -> int:
    from .life import inbound

    item = inbound.find(cli.store, cli.args.id)
    history = inbound.events(cli.store, item["id"])
    data = item_json(item) | inbound.origin_json(item) | {
        "events": [{k: e[k] for k in ("at", "kind", "user_login", "counter_code", "details")} for e in history]}
    lines = [item_text(item, cli.lang) if not item["inbound"] else inbound.text(item, cli.lang),
             "  " + ("Diễn biến:" if cli.lang != "en" else "Events:")]
    lines += [f"    {formats.moment(clock.parse_iso(e['at']))}  {e['kind']:<18} {e['user_login'] or ''}" for e in history]
    cli.emit(data, "\n".join(lines))
    return 0


def cmd_search(cli: Cli) -> int:
    from .services import items

    found = items.search(cli.store, cli.args.text, limit=items.checked_limit(cli.args.limit))
    text = "\n".join(f"{i['id']}  {formats.moment(clock.parse_iso(i['accepted_at']))}  {i['sender_name']} → {i['recipient_name']}"
                     for i in found) or ("Không tìm thấy." if cli.lang != "en" else "Nothing found.")
    cli.emit([item_json(i) for i in found], text)
    return 0


def cmd_user_add(cli: Cli) -> int:
    from .services import users

    actor = cli.actor()
    new_password = os.environ.get("KT1DESK_NEW_PASSWORD")
    if not new_password:
        if sys.stdin is not None and sys.stdin.isatty():
            new_password = getpass.getpass("Mật khẩu của người dùng mới / New user's password: ")
        else:
            raise Kt1Error("no_password", "password")
    users.create_user(cli.store, actor, login=cli.args.login, full_name=cli.args.full_name, role=cli.args.role,
                      password=new_password)
    cli.say(f"Đã tạo người dùng {cli.args.login}.", f"User {cli.args.login} created.")
    return 0


def cmd_counter_block(cli: Cli) -> int:
    from .services import office

    first, _, last = cli.args.block.partition("-")
    office.add_block(cli.store, cli.actor(), counter=cli.args.code, first=first, last=last)
    cli.say(f"Đã cấp dải {cli.args.block} cho quầy {cli.args.code.upper()}.",
            f"Block {cli.args.block} given to counter {cli.args.code.upper()}.")
    return 0


def cmd_counter_list(cli: Cli) -> int:
    from .services import office

    rows = office.list_counters(cli.store)
    cli.emit(rows, "\n".join(f"{r['code']:<6} {r['name']:<12} {r['left']:>10} / {r['size']}" for r in rows))
    return 0


def cmd_setting_set(cli: Cli) -> int:
    from .services import settings

    start = None
    if cli.args.effective_from:
        try:
            start = clock.parse_date(cli.args.effective_from)
        except ValueError:
            raise Kt1Error("bad_date", "effective_from", label={"vi": "--effective-from", "en": "--effective-from"},
                           value=cli.args.effective_from) from None
    settings.put(cli.store, cli.actor(), cli.args.key, cli.args.value, start)
    cli.say(f"Đã đặt {cli.args.key} = «{cli.args.value}».", f"{cli.args.key} set to “{cli.args.value}”.")
    return 0


def cmd_setting_show(cli: Cli) -> int:
    from .services import settings

    rows = [{"key": key, "value": settings.raw(cli.store, key), "description": meta[2]}
            for key, meta in settings.DEFAULTS.items()]
    cli.emit(rows, "\n".join(f"{r['key']:<22} {r['value'] or '—':<8} {r['description']}" for r in rows))
    return 0


def cmd_check(cli: Cli) -> int:
    """The full integrity check (quick_check over the whole file), whatever its size."""
    from . import dbfile

    dbfile.quick_check(cli.store.conn, cli.store.path)
    cli.say(f"Cơ sở dữ liệu {cli.store.path} nguyên vẹn.", f"Database {cli.store.path} is intact.")
    return 0


def cmd_selftest(cli: Cli) -> int:
    """Does this installation work (fonts, translations, forms, Qt, the label, audit's workers)?"""
    from . import selftest

    return selftest.run(cli.args.work, print)


def cmd_calendar_swap(cli: Cli) -> int:
    from .services import calendar

    calendar.set_swap(cli.store, cli.actor(), day=cli.args.day, working=cli.args.working, note=cli.args.note or "")
    cli.say("Đã ghi ngày hoán đổi.", "Swap recorded.")
    return 0


# -- parser -----------------------------------------------------------------

def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="kt1desk", description="KT1 Desk — nhận gửi bưu gửi KT1 tại quầy.")
    parser.add_argument("--db", type=Path, help="tệp cơ sở dữ liệu (mặc định: KT1DESK_DB hoặc thư mục dữ liệu người dùng)")
    parser.add_argument("--lang", choices=("vi", "en"), help="ngôn ngữ / language (mặc định: KT1DESK_LANG, "
                        "với cửa sổ: ngôn ngữ đã chọn lần trước, không có thì tiếng Việt)")
    parser.add_argument("--counter", help="mã quầy (mặc định: quầy của máy này)")
    parser.add_argument("--user", help="tên đăng nhập; mật khẩu lấy từ KT1DESK_PASSWORD hoặc hỏi khi chạy")
    parser.set_defaults(func=cmd_gui)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    # The global options may also come after the command ("kt1desk intake --user gdv1 ...").
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", type=Path, default=argparse.SUPPRESS)
    common.add_argument("--lang", choices=("vi", "en"), default=argparse.SUPPRESS)
    common.add_argument("--counter", default=argparse.SUPPRESS)
    common.add_argument("--user", default=argparse.SUPPRESS)

    def command(name, func, help_text, parent=sub):
        p = parent.add_parser(name, help=help_text, parents=[common])
        p.set_defaults(func=func)
        return p

    p = command("demo", cmd_demo, "tạo cơ sở dữ liệu thử")
    p.add_argument("--items", type=int, default=300)

    p = command("init", cmd_init, "khởi tạo bưu cục mới")
    p.add_argument("--office-code", required=True)
    p.add_argument("--office-name", required=True)
    p.add_argument("--province", required=True)
    p.add_argument("--postal-code")
    p.add_argument("--service-indicator", default="DK")
    p.add_argument("--admin", required=True)
    p.add_argument("--admin-name")
    p.add_argument("--counter-code", default="Q01")
    p.add_argument("--counter-name")
    p.add_argument("--serial-block", default="10000000-10999999")
    p.add_argument("--province-key", help="dòng khóa của tỉnh («kt1desk central init» in ra)")
    p.add_argument("--sample-tariff", action="store_true", help="nạp luôn bảng cước MẪU (không chính thức)")

    agency = command("agency", None, "danh bạ cơ quan").add_subparsers(dest="sub", required=True, metavar="SUB")
    p = command("import", cmd_agency_import, "nhập danh bạ từ CSV", agency)
    p.add_argument("file", type=Path)
    p = command("find", cmd_agency_find, "tìm cơ quan theo mã, tên hoặc tên cũ", agency)
    p.add_argument("text")
    p.add_argument("--limit", default="20")
    p.add_argument("--json", action="store_true")
    p = command("list", cmd_agency_list, "liệt kê cơ quan", agency)
    p.add_argument("--json", action="store_true")

    tariff = command("tariff", None, "bảng cước").add_subparsers(dest="sub", required=True, metavar="SUB")
    p = command("import", cmd_tariff_import, "nạp bảng cước từ CSV", tariff)
    p.add_argument("file", type=Path, nargs="?")
    p.add_argument("--sample", action="store_true", help="bảng cước MẪU đi kèm chương trình (không chính thức)")
    p.add_argument("--effective-from", help="ngày hiệu lực YYYY-MM-DD (mặc định: hôm nay; "
                   "chưa có bảng cước nào thì từ ngày sớm nhất được nhập bù)")
    p = command("show", cmd_tariff_show, "xem bảng cước đang áp dụng", tariff)
    p.add_argument("--json", action="store_true")

    p = command("intake", cmd_intake, "nhận gửi một bưu gửi")
    p.add_argument("--sender", required=True)
    p.add_argument("--recipient", required=True)
    p.add_argument("--kind", required=True, help="thu | goi | kien")
    p.add_argument("--weight", required=True, help="gam (hoặc '1,5 kg')")
    p.add_argument("--pieces", default="1")
    p.add_argument("--secrecy", help="A | B | C")
    p.add_argument("--seal-broken", action="store_true")
    p.add_argument("--hoa-toc", action="store_true")
    p.add_argument("--hen-gio", help='"YYYY-MM-DD HH:MM"')
    p.add_argument("--accepted-at", help='nhập bù: "YYYY-MM-DD HH:MM" (kiểm soát viên)')
    p.add_argument("--presented-by", help="người mang đến (ghi khi từ chối)")
    p.add_argument("--json", action="store_true")

    p = command("import-items", cmd_import_items, "nhập bù bưu gửi từ CSV (kiểm soát viên)")
    p.add_argument("file", type=Path)

    p = command("show", cmd_show, "xem một bưu gửi và diễn biến")
    p.add_argument("id")
    p.add_argument("--json", action="store_true")

    p = command("search", cmd_search, "tìm bưu gửi theo số hiệu hoặc tên cơ quan")
    p.add_argument("text")
    p.add_argument("--limit", default="50")
    p.add_argument("--json", action="store_true")

    user = command("user", None, "người dùng").add_subparsers(dest="sub", required=True, metavar="SUB")
    p = command("add", cmd_user_add, "tạo người dùng (quản trị); mật khẩu mới từ KT1DESK_NEW_PASSWORD", user)
    p.add_argument("login")
    p.add_argument("--full-name", required=True)
    p.add_argument("--role", choices=("clerk", "supervisor", "admin"), required=True)

    counter = command("counter", None, "quầy và dải số hiệu").add_subparsers(dest="sub", required=True, metavar="SUB")
    p = command("add-block", cmd_counter_block, "cấp thêm dải số hiệu cho quầy (quản trị)", counter)
    p.add_argument("code")
    p.add_argument("block", help="10000000-10999999")
    p = command("list", cmd_counter_list, "liệt kê quầy và số còn lại", counter)
    p.add_argument("--json", action="store_true")

    setting = command("setting", None, "thiết lập có ngày hiệu lực (VAT, giờ chốt…)").add_subparsers(
        dest="sub", required=True, metavar="SUB")
    p = command("set", cmd_setting_set, "đặt giá trị từ một ngày (kiểm soát viên)", setting)
    p.add_argument("key")
    p.add_argument("value")
    p.add_argument("--effective-from", help="YYYY-MM-DD (mặc định: hôm nay)")
    p = command("show", cmd_setting_show, "xem các thiết lập đang áp dụng", setting)
    p.add_argument("--json", action="store_true")

    command("check", cmd_check, "kiểm tra toàn vẹn cơ sở dữ liệu")
    p = command("selftest", cmd_selftest, "kiểm tra bản cài đặt (cơ sở dữ liệu thử riêng, nhãn PDF, giao diện)")
    p.add_argument("--work", type=Path, help="thư mục cho cơ sở dữ liệu thử và nhãn (mặc định: thư mục tạm)")

    cal = command("calendar", None, "lịch làm việc").add_subparsers(dest="sub", required=True, metavar="SUB")
    p = command("swap", cmd_calendar_swap, "ghi ngày nghỉ bù hoặc ngày làm bù đã công bố", cal)
    p.add_argument("day")
    p.add_argument("--working", action="store_true", help="ngày làm bù (mặc định: ngày nghỉ)")
    p.add_argument("--note")

    extend_parser(sub, command)
    return parser


def extend_parser(sub, command) -> None:
    """Printing commands (label, receipt, manifest) are added by kt1desk.printing.cli when present;
    sync, audit and central by kt1desk.sync.cli; the item's life after acceptance (shift, bag, dispatch,
    receive, deliver, …) by kt1desk.life.cli; reports by kt1desk.reports.cli."""
    try:
        from .printing.cli import add_commands
    except ImportError:
        pass
    else:
        add_commands(sub, command)
    from .reports.statement_cli import add_commands as add_statement_commands  # kt1desk statement (issue 11)

    add_statement_commands(sub, command)
    from .sync.cli import add_commands as add_sync_commands

    add_sync_commands(sub, command)
    from .life.cli import add_commands as add_life_commands

    add_life_commands(sub, command)
    from .backup.cli import add_commands as add_backup_commands

    add_backup_commands(sub, command)
    from .reports.cli import add_commands as add_report_commands

    add_report_commands(sub, command)


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    cli = Cli(args)
    try:
        return args.func(cli) or 0
    except ItemRefused as err:
        print(err.text(cli.lang), file=sys.stderr)
        return EXIT_REFUSED
    except StorageError as err:
        print(err.text(cli.lang), file=sys.stderr)
        return err.exit_code
    except Kt1Error as err:
        print(err.text(cli.lang), file=sys.stderr)
        return EXIT_BAD_INPUT
    except sqlite3.Error as err:  # the database refused a change no check here foresaw: say it, lose nothing
        print(StorageError("db_io", path=str(cli.args.db or default_db_path()), reason=str(err)).text(cli.lang),
              file=sys.stderr)
        return EXIT_IO
    finally:
        if cli._store is not None:
            cli._store.close()


if __name__ == "__main__":
    sys.exit(main())
