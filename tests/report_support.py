"""A year like Phú Yên's 2019 for the report tests.

The office is in Phú Yên. 44 agencies are eligible in 2019: 10 of Appendix I and 33 of Appendix II
of the province in force all year, and one created on 1/7/2019; one more ceased on 30/6/2018
(eligible in 2017 and 2018, not in 2019). Central offices (TW, one of them in Phú Yên) and agencies
of other provinces are in the directory and never count. 25 eligible agencies send 6,587 items in
2019 (15 in 2017, 25 in 2018, as Phú Yên reported), plus a few items voided.

Items are written the way ``bench/make_big_db.py`` writes them (rows, search text, accepted event)
in a few big inserts, with fees, VAT and payment from the real tariff service; ``intake_at`` accepts
single items through the real intake service with the clock set to their time.
"""

from __future__ import annotations

import random
from contextlib import contextmanager
from datetime import date, datetime, time, timedelta
from pathlib import Path

from kt1desk import clock
from kt1desk.services import agencies, calendar, intake, office, settings, tariff, users
from kt1desk.services.calendar import calendar as calendar_of
from kt1desk.services.tariff import compute_fee
from kt1desk.storage import Store
from kt1desk.workdays import deadline_days

PASSWORD = "kt1-test-pass"
PROVINCE = "Phú Yên"
OFFICE = dict(code="BDPYN", name="Bưu điện tỉnh Phú Yên", province=PROVINCE, postal_code="56000",
              service_indicator="DK")
USERS = [("admin", "Quản trị hệ thống", "admin"), ("giamsat", "Trần Thị Bích Ngọc", "supervisor"),
         ("gdv1", "Nguyễn Văn Hùng", "clerk")]

APPENDIX_I = [
    ("CTPY", "Cục Thuế tỉnh Phú Yên"), ("KBPY", "Kho bạc Nhà nước Phú Yên"),
    ("TKPY", "Cục Thống kê tỉnh Phú Yên"), ("BHXHPY", "Bảo hiểm xã hội tỉnh Phú Yên"),
    ("CAPY", "Công an tỉnh Phú Yên"), ("BCHQSPY", "Bộ Chỉ huy Quân sự tỉnh Phú Yên"),
    ("TANDPY", "Tòa án nhân dân tỉnh Phú Yên"), ("VKSPY", "Viện kiểm sát nhân dân tỉnh Phú Yên"),
    ("THADSPY", "Cục Thi hành án dân sự tỉnh Phú Yên"), ("NHNNPY", "Ngân hàng Nhà nước chi nhánh Phú Yên"),
]
APPENDIX_II = [
    ("TUPY", "Tỉnh ủy Phú Yên"), ("HDNDPY", "Hội đồng nhân dân tỉnh Phú Yên"), ("UBNDPY", "Ủy ban nhân dân tỉnh Phú Yên"),
    ("MTTQPY", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Phú Yên"), ("SNVPY", "Sở Nội vụ"), ("STCPY", "Sở Tài chính"),
    ("SKHDTPY", "Sở Kế hoạch và Đầu tư"), ("STPPY", "Sở Tư pháp"), ("SYTPY", "Sở Y tế"),
    ("SGDDTPY", "Sở Giáo dục và Đào tạo"), ("SCTPY", "Sở Công Thương"), ("SXDPY", "Sở Xây dựng"),
    ("SGTVTPY", "Sở Giao thông vận tải"), ("SNNPY", "Sở Nông nghiệp và Phát triển nông thôn"),
    ("STNMTPY", "Sở Tài nguyên và Môi trường"), ("SLDPY", "Sở Lao động - Thương binh và Xã hội"),
    ("SVHPY", "Sở Văn hóa, Thể thao và Du lịch"), ("SKHCNPY", "Sở Khoa học và Công nghệ"),
    ("STTTTPY", "Sở Thông tin và Truyền thông"), ("TTRAPY", "Thanh tra tỉnh Phú Yên"), ("BDTPY", "Ban Dân tộc tỉnh"),
    ("TDOANPY", "Tỉnh đoàn Phú Yên"), ("HLHPNPY", "Hội Liên hiệp Phụ nữ tỉnh Phú Yên"),
    ("HNDPY", "Hội Nông dân tỉnh Phú Yên"), ("LDLDPY", "Liên đoàn Lao động tỉnh Phú Yên"),
    ("HCCBPY", "Hội Cựu chiến binh tỉnh Phú Yên"), ("UBTHOA", "Ủy ban nhân dân thành phố Tuy Hòa"),
    ("UBSCAU", "Ủy ban nhân dân thị xã Sông Cầu"), ("UBDHOA", "Ủy ban nhân dân thị xã Đông Hòa"),
    ("UBTAN", "Ủy ban nhân dân huyện Tuy An"), ("UBDXUAN", "Ủy ban nhân dân huyện Đồng Xuân"),
    ("UBSHOA", "Ủy ban nhân dân huyện Sơn Hòa"), ("UBSHINH", "Ủy ban nhân dân huyện Sông Hinh"),
]
NEW_2019 = ("BQLKKT", "Ban Quản lý Khu kinh tế Phú Yên", "II", "2019-07-01")  # eligible from 1/7/2019
CEASED_2018 = ("SNGVPY", "Sở Ngoại vụ", "II", "2018-06-30")  # merged into UBNDPY on 30/6/2018
NEVER_COUNT = [  # code, name, appendix, province
    ("VPTWD", "Văn phòng Trung ương Đảng", "TW", "Hà Nội"),
    ("VPCP", "Văn phòng Chính phủ", "TW", "Hà Nội"),
    ("VPQHPY", "Văn phòng Quốc hội — bộ phận tại Phú Yên", "TW", PROVINCE),
    ("BNV", "Bộ Nội vụ", "I", "Hà Nội"),
    ("TUDLK", "Tỉnh ủy Đắk Lắk", "II", "Đắk Lắk"),
    ("SYTDLK", "Sở Y tế Đắk Lắk", "II", "Đắk Lắk"),
    ("UBNDKH", "Ủy ban nhân dân tỉnh Khánh Hòa", "II", "Khánh Hòa"),
]
ACCOUNT_BILLING = {"TUPY", "UBNDPY", "HDNDPY", "SYTPY", "STCPY"}  # pay monthly against a contract

# Who sent in which year (eligible agencies only): 15 in 2017, 25 in 2018 and 2019.
SENDERS_2019 = ([c for c, _ in APPENDIX_I[:6]] + [c for c, _ in APPENDIX_II[:18]] + [NEW_2019[0]])
SENDERS_2018 = [c for c, _ in APPENDIX_I[:6]] + [c for c, _ in APPENDIX_II[:18]] + [CEASED_2018[0]]
SENDERS_2017 = [c for c, _ in APPENDIX_I[:4]] + [c for c, _ in APPENDIX_II[:11]]
ITEMS = {2017: 1_500, 2018: 3_900, 2019: 6_587}
VOIDED_2019 = 9

ITEM_COLUMNS = (
    "id", "counter_id", "clerk_id", "sender_id", "sender_code", "sender_name", "recipient_id", "recipient_code",
    "recipient_name", "recipient_address", "recipient_province", "kind", "weight_g", "pieces", "secrecy",
    "seal_intact", "hoa_toc", "hen_gio_at", "scope", "accepted_at", "entered_at", "back_entry", "deadline",
    "fee_vnd", "vat_rate_bp", "vat_vnd", "free_reason", "tariff_id", "status", "immediate_dispatch", "payment",
)


def _agency(code, name, appendix, province, **extra) -> dict:
    return {"code": code, "name": name, "appendix": appendix, "province": province,
            "billing": "account" if code in ACCOUNT_BILLING else "cash", **extra}


def setup_office(path: Path) -> Store:
    """The office, one counter, three users, the directory, the sample tariff from 2017, VAT 10 % then
    8 % from 1/10/2019 (a dated setting: each item keeps its day's rate), one worked Saturday and one
    announced day off in the swap table, and the working day starting at 08:00 from 1/6/2019."""
    store = Store(path)
    office.init_office(store, None, **OFFICE)
    office.add_counter(store, None, code="Q01", name="Quầy 1", first=10_000_000, last=10_999_999)
    for login, name, role in USERS:
        users.create_user(store, None, login=login, full_name=name, role=role, password=PASSWORD)
    for code, name in APPENDIX_I:
        agencies.save_agency(store, None, _agency(code, name, "I", PROVINCE))
    for code, name in APPENDIX_II:
        agencies.save_agency(store, None, _agency(code, name, "II", PROVINCE))
    agencies.save_agency(store, None, _agency(NEW_2019[0], NEW_2019[1], NEW_2019[2], PROVINCE,
                                              valid_from=NEW_2019[3]))
    agencies.save_agency(store, None, _agency(CEASED_2018[0], CEASED_2018[1], CEASED_2018[2], PROVINCE,
                                              valid_to=CEASED_2018[3], successor_code="UBNDPY"))
    for code, name, appendix, province in NEVER_COUNT:
        agencies.save_agency(store, None, _agency(code, name, appendix, province))
    tariff.import_sample(store, None, effective_from=date(2017, 1, 1))
    settings.put(store, None, "vat_percent", "10", date(2017, 1, 1))
    settings.put(store, None, "vat_percent", "8", date(2019, 10, 1))
    settings.put(store, None, "day_start", "08:00", date(2019, 6, 1))
    calendar.set_swap(store, None, day=date(2019, 10, 12), working=True, note="làm bù")
    calendar.set_swap(store, None, day=date(2019, 12, 30), working=False, note="nghỉ bù")
    return store


def _split(total: int, parts: int, rng: random.Random) -> list[int]:
    """``total`` items over ``parts`` senders, uneven as real offices are, each at least 1."""
    weights = [rng.uniform(0.2, 3.0) for _ in range(parts)]
    counts = [max(1, int(total * w / sum(weights))) for w in weights]
    counts[0] += total - sum(counts)
    return counts


def bulk_items(store: Store, year: int, senders: list[str], total: int, *, seed: int) -> None:
    """``total`` items of ``year`` from ``senders``, at plausible times (mostly working hours, some
    evenings, weekends and holidays), with the fee, VAT and payment intake would give them."""
    rng = random.Random(seed)
    counter = office.get_counter(store, "Q01")
    clerk = users.get_user(store, "gdv1")
    directory = {a["code"]: a for a in agencies.list_agencies(store)}
    recipients = [a for a in directory.values()]
    cal = calendar_of(store, date(year, 12, 31))
    first_rowid = (store.scalar("SELECT MAX(rowid) FROM items") or 0) + 1
    rows, fts, events, fee_cache, scopes, deadlines, names = [], [], [], {}, {}, {}, {}
    plan = []
    for code, n in zip(senders, _split(total, len(senders), rng)):
        sender = directory[code]
        start = date.fromisoformat(sender["valid_from"]) if sender["valid_from"] else date(year, 1, 1)
        end = date.fromisoformat(sender["valid_to"]) if sender["valid_to"] else date(year, 12, 31)
        start, end = max(start, date(year, 1, 1)), min(end, date(year, 12, 31))
        for _ in range(n):
            day = start + timedelta(days=rng.randrange((end - start).days + 1))
            while not cal.is_working_day(day) and rng.random() < 0.85:  # most items come on working days
                day = start + timedelta(days=rng.randrange((end - start).days + 1))
            if rng.random() < 0.9:
                moment = time(rng.randrange(7, 17), rng.randrange(60))
            else:
                moment = time(rng.randrange(24), rng.randrange(60))
            plan.append((clock.at(day, moment), sender))
    plan.sort(key=lambda p: p[0])
    with store.write(None, "test.bulk") as tx:
        ids = office.take_serials(tx, counter, len(plan))
        for k, ((when, sender), item_id) in enumerate(zip(plan, ids)):
            recipient = rng.choice([r for r in recipients if r["code"] != sender["code"]
                                    and (not r["valid_to"] or r["valid_to"] >= when.date().isoformat())
                                    and (not r["valid_from"] or r["valid_from"] <= when.date().isoformat())])
            scope = scopes.get(recipient["code"])
            if scope is None:
                scope = scopes[recipient["code"]] = intake.scope_of(store, recipient)
            secrecy = rng.choices((None, "C", "B", "A"), weights=(85, 8, 5, 2))[0]
            hoa_toc = rng.random() < 0.1
            weight = rng.choice((20, 45, 90, 180, 240, 480, 950, 1500, 2400, 4800))
            key = (sender["appendix"], weight, scope, hoa_toc, secrecy, when.date() >= date(2019, 10, 1))
            fee = fee_cache.get(key)
            if fee is None:
                fee = fee_cache[key] = compute_fee(store, sender_appendix=sender["appendix"], weight_g=weight,
                                                   scope=scope, day=when.date(), hoa_toc=hoa_toc, secrecy=secrecy)
            dkey = (when.date(), hoa_toc, scope)
            deadline = deadlines.get(dkey)
            if deadline is None:
                deadline = deadlines[dkey] = cal.deadline(when, deadline_days(hoa_toc=hoa_toc, scope=scope))
            row = {
                "id": item_id, "counter_id": counter["id"], "clerk_id": clerk.id, "sender_id": sender["id"],
                "sender_code": sender["code"], "sender_name": sender["name"], "recipient_id": recipient["id"],
                "recipient_code": recipient["code"], "recipient_name": recipient["name"],
                "recipient_address": recipient.get("address") or "", "recipient_province": recipient["province"],
                "kind": rng.choices(("thu", "goi", "kien"), (70, 22, 8))[0], "weight_g": weight,
                "pieces": rng.choices((1, 2, 3), (90, 8, 2))[0], "secrecy": secrecy, "seal_intact": 1,
                "hoa_toc": int(hoa_toc), "hen_gio_at": None, "scope": scope, "accepted_at": clock.iso(when),
                "entered_at": clock.iso(when), "back_entry": 0, "deadline": clock.iso(deadline),
                "fee_vnd": fee.net, "vat_rate_bp": fee.vat_rate_bp, "vat_vnd": fee.vat, "free_reason": fee.free_reason,
                "tariff_id": fee.tariff_id, "status": "accepted", "immediate_dispatch": 0,
                "payment": "free" if fee.free_reason else sender["billing"],
            }
            rows.append((first_rowid + k, *row.values()))
            pair = (sender["code"], recipient["code"])
            if pair not in names:
                names[pair] = intake.names_text(row)
            fts.append((first_rowid + k, item_id.lower() + " " + names[pair]))
            events.append((item_id, row["accepted_at"], clerk.id, counter["id"]))
        conn = store.conn  # the rows go in with executemany, as make_big_db does
        conn.executemany(f"INSERT INTO items (rowid, {', '.join(ITEM_COLUMNS)}) "
                         f"VALUES ({', '.join('?' for _ in range(len(ITEM_COLUMNS) + 1))})", rows)
        conn.executemany("INSERT INTO items_fts (rowid, text) VALUES (?, ?)", fts)
        conn.executemany("INSERT INTO item_events (item_id, at, kind, user_id, counter_id, details) "
                         "VALUES (?, ?, 'accepted', ?, ?, '{}')", events)
        tx.record("test", "bulk", items=len(rows))


def void_some(store: Store, n: int, year: int, seed: int) -> list[str]:
    """Void ``n`` items of ``year`` through the real service (a supervisor, with a reason)."""
    from kt1desk.life import corrections

    rng = random.Random(seed)
    ids = [r[0] for r in store.conn.execute("SELECT id FROM items WHERE accepted_at LIKE ? AND status = 'accepted' "
                                            "ORDER BY id", (f"{year}-%",))]
    chosen = rng.sample(ids, n)
    supervisor = users.get_user(store, "giamsat")
    for item_id in chosen:
        corrections.void(store, supervisor, item_id, reason="nhận nhầm, khách lấy lại")
    return chosen


@contextmanager
def clock_at(moment: datetime):
    """The program's clock reads ``moment`` (in this thread) while services run."""
    with clock.replaying(moment):
        yield


def intake_at(store: Store, moment: datetime, **fields) -> dict:
    """One item through the real intake service, accepted at ``moment`` (the clock set to it)."""
    clerk = users.get_user(store, "gdv1")
    form = dict(sender="SYTPY", recipient="STCPY", kind="thu", weight_g=20) | fields
    with clock_at(moment):
        return intake.intake(store, clerk, **form).item


def build_phu_yen(path: Path) -> Store:
    """The whole picture: 2017, 2018 and 2019 as Phú Yên reported them, a few 2019 items voided."""
    store = setup_office(path)
    bulk_items(store, 2017, SENDERS_2017, ITEMS[2017], seed=2017)
    bulk_items(store, 2018, SENDERS_2018, ITEMS[2018], seed=2018)
    bulk_items(store, 2019, SENDERS_2019, ITEMS[2019] + VOIDED_2019, seed=2019)
    void_some(store, VOIDED_2019, 2019, seed=19)
    return store


def vn(y, m, d, hh=10, mm=0) -> datetime:
    return clock.at(date(y, m, d), time(hh, mm))

