"""Reports on paper: the report PDF (half-year, annual, general layouts) and the monthly statement per agency,
their text read back with pdfplumber and compared with the report dict and the database."""

from __future__ import annotations

import json
import re
import shutil
import sqlite3
from datetime import datetime
from pathlib import Path

import pytest
from report_paper_support import hand_report
from test_cli import digest, run
from test_paper_support import TEMPLATES, make_items, plumber_pages

from kt1desk import clock, formats
from kt1desk.errors import Kt1Error
from kt1desk.reports import paper
from kt1desk.reports.statement import number_in_words, parse_month, statement, vnd_in_words


def flat(text: str) -> str:
    """Text as read, lines joined: a title wrapped over two lines reads as one."""
    return re.sub(r"\s+", " ", text)


def pdf_text(path: Path) -> list[str]:
    return plumber_pages(Path(path).read_bytes())


# -- the report PDF from a report dict ---------------------------------------------------------------

def test_annual_report_says_every_figure_of_the_dict(tmp_path):
    report = hand_report("year", senders=25)
    path = paper.report_pdf(report, tmp_path / "nam-2019.pdf", "vi")
    pages = pdf_text(path)
    text = flat(" ".join(pages))
    assert "BÁO CÁO TÌNH HÌNH CUNG CẤP DỊCH VỤ BƯU CHÍNH KT1 — NĂM 2019" in text
    for heading in ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "BƯU ĐIỆN TỈNH PHÚ YÊN",
                    "I. SẢN LƯỢNG", "II. DOANH THU", "III. MỨC ĐỘ SỬ DỤNG DỊCH VỤ CỦA CÁC CƠ QUAN",
                    "IV. CHẤT LƯỢNG DỊCH VỤ VÀ KHIẾU NẠI", "V. PHỤ LỤC", "Người lập biểu", "Thủ trưởng đơn vị",
                    "Phú Yên, ngày …… tháng …… năm ……", "từ 01/01/2019 đến 31/12/2019"):
        assert heading in text, heading
    # The figures, each as people read it.
    assert "Số bưu gửi nhận gửi 6.587" in text
    assert f"Cước chưa VAT {formats.money(report['fees_vnd'])}" in text
    assert formats.money(report["fees_vnd"]) == "296.415.000 đ"
    assert f"Thuế GTGT (VAT) {formats.money(report['vat_vnd'])}" in text
    assert f"Tổng cộng {formats.money(report['total_vnd'])}" in text
    assert "25/44 (56,8%)" in text
    assert "99,0% (5.940/6.000 bưu gửi đã biết lần phát đầu)" in text
    assert "Hỏa tốc 812 · Hẹn giờ 97" in text and "A 12 · B 143 · C 611" in text
    assert "nội tỉnh 3.293 · liên tỉnh 3.294" in text
    assert "321 · 154 · 23" in text  # after hours · weekends · holidays
    assert "— cơ quan Phụ lục I 280" in text and "— văn phòng Trung ương 20" in text
    # Every month's line, and the tables by sender and destination to the last row.
    for m in report["by_month"]:
        assert f"{m['month'][5:]}/2019 {formats.number(m['items'])} {formats.money(m['fees_vnd'])}" in text
    for s in report["by_sender"]:
        assert f"{s['code']} {s['name']} {formats.number(s['items'])}" in text
    for d in report["by_destination"]:
        assert f"{d['province']} {formats.number(d['items'])} {formats.money(d['fees_vnd'])}" in text
    assert "Trang 1/" in pages[0]


def test_half_year_layout_and_its_english(tmp_path):
    report = hand_report("half")
    vi = flat(" ".join(pdf_text(paper.report_pdf(report, tmp_path / "h1.pdf", "vi"))))
    assert "BÁO CÁO TÌNH HÌNH CUNG CẤP DỊCH VỤ BƯU CHÍNH KT1 — 6 THÁNG ĐẦU NĂM 2019" in vi
    assert "I. SẢN LƯỢNG" in vi and "III. MỨC ĐỘ SỬ DỤNG" in vi and "07/2019" not in vi
    second = hand_report("half")
    second["period"] |= {"from": "2019-07-01", "to": "2019-12-31"}
    assert "6 THÁNG CUỐI NĂM 2019" in flat(" ".join(pdf_text(paper.report_pdf(second, tmp_path / "h2.pdf", "vi"))))
    pages = pdf_text(paper.report_pdf(report, tmp_path / "h1-en.pdf", "en"))
    en = flat(" ".join(pages))
    assert "REPORT ON THE PROVISION OF THE KT1 POSTAL SERVICE — FIRST HALF OF 2019" in en
    for heading in ("I. VOLUME", "II. REVENUE", "III. ADOPTION BY THE AGENCIES", "IV. SERVICE QUALITY AND COMPLAINTS",
                    "Prepared by", "Head of the office", "SOCIALIST REPUBLIC OF VIET NAM"):
        assert heading in en, heading
    assert f"Fees before VAT {formats.money(report['fees_vnd'], 'en')}" in en
    assert "25/44 (56.8%)" in en and "Page 1/" in pages[0]


def test_other_periods_use_the_general_layout_and_no_data_is_not_zero(tmp_path):
    report = hand_report("month")
    report["on_time"] = report["on_time_pct"] = report["complaints"] = None
    report["no_data"] = ["on_time", "complaints"]
    text = flat(" ".join(pdf_text(paper.report_pdf(report, tmp_path / "t5.pdf", "vi"))))
    assert "BÁO CÁO DỊCH VỤ BƯU CHÍNH KT1 Tháng 5/2019" in text
    assert "CỘNG HÒA" not in text and "TÌNH HÌNH CUNG CẤP" not in text
    assert "Tỷ lệ phát đúng thời hạn không có số liệu" in text
    assert "Khiếu nại không có số liệu" in text
    assert "Số bưu gửi nhận gửi 540" in text and "25/44 (56,8%)" in text
    # Forced: the annual layout for any period, and an unknown layout refused in both languages.
    forced = flat(" ".join(pdf_text(paper.report_pdf(report, tmp_path / "f.pdf", "vi", layout="annual"))))
    assert "BÁO CÁO TÌNH HÌNH CUNG CẤP DỊCH VỤ BƯU CHÍNH KT1 — THÁNG 5/2019" in forced
    with pytest.raises(Kt1Error) as err:
        paper.report_pdf(report, tmp_path / "x.pdf", "vi", layout="quarterly")
    assert "quarterly" in err.value.text("vi") and "annual" in err.value.text("en")
    assert not (tmp_path / "x.pdf").exists()


def test_an_empty_period_prints_with_no_data(tmp_path):
    report = hand_report("month", empty=True)
    text = flat(" ".join(pdf_text(paper.report_pdf(report, tmp_path / "empty.pdf", "vi"))))
    assert "Số bưu gửi nhận gửi 0" in text and "Cước chưa VAT 0 đ" in text
    assert "Tỷ lệ phát đúng thời hạn không có số liệu" in text and "Không có." in text


def test_long_tables_run_over_pages_with_their_heading_repeated(tmp_path):
    report = hand_report("year", senders=160, destinations=34)
    pages = pdf_text(paper.report_pdf(report, tmp_path / "long.pdf", "vi", with_charts=False))
    heading = "STT Mã Cơ quan gửi Số bưu gửi Chưa VAT VAT Tổng cộng"
    with_heading = [n for n, p in enumerate(pages) if heading in p]
    assert len(with_heading) >= 3  # 160 senders: the table spans pages, its heading on each
    text = flat(" ".join(pages))
    assert all(f"{n} {s['code']} " in text for n, s in enumerate(report["by_sender"], 1))
    assert sum(int(m) for m in re.findall(r"Trang \d+/(\d+)", pages[-1])) == len(pages)


def test_pdf_is_written_whole_or_not_at_all(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(Kt1Error) as err:
        paper.report_pdf(hand_report("month"), blocker / "r.pdf", "vi")
    assert err.value.code == "file_unwritable"
    assert list(tmp_path.iterdir()) == [blocker]


# -- on a real database -------------------------------------------------------------------------------

@pytest.fixture
def month_store(demo_store, supervisor, frozen_now):
    """November 2026 at the demo office: TUDLK (monthly account) sends 70 items, 3 in late October and 2 on
    1 December that are not November's; one November item is voided."""
    frozen_now(datetime(2026, 12, 3, 9, 0, tzinfo=clock.VN_TZ))
    ids = make_items(demo_store, supervisor, 70, start=datetime(2026, 11, 1, 0, 0, 5, tzinfo=clock.VN_TZ))
    make_items(demo_store, supervisor, 3, start=datetime(2026, 10, 31, 23, 59, 50, tzinfo=clock.VN_TZ))
    make_items(demo_store, supervisor, 2, start=datetime(2026, 12, 1, 0, 0, 0, tzinfo=clock.VN_TZ))
    make_items(demo_store, supervisor, 4, sender="SYT", templates=TEMPLATES[1:],
               start=datetime(2026, 11, 10, 9, 0, tzinfo=clock.VN_TZ))
    from kt1desk.life import corrections

    corrections.void(demo_store, supervisor, ids[5], reason="Khách gửi nhầm bưu gửi")
    return demo_store, ids


def _db_sums(store, code: str, lo: str, hi: str) -> dict:
    row = store.one("SELECT COUNT(*) AS n, SUM(fee_vnd) AS fees, SUM(vat_vnd) AS vat, SUM(pieces) AS pieces "
                    "FROM items WHERE sender_code = ? AND accepted_at >= ? AND accepted_at < ? AND status <> 'voided'",
                    (code, lo, hi))
    return {"items": row["n"], "fees_vnd": row["fees"] or 0, "vat_vnd": row["vat"] or 0,
            "total_vnd": (row["fees"] or 0) + (row["vat"] or 0), "pieces": row["pieces"] or 0}


def test_statement_totals_are_the_databases_sums(month_store):
    store, ids = month_store
    s = statement(store, "tudlk", 2026, 11)
    sums = _db_sums(store, "TUDLK", "2026-11-01", "2026-12-01")
    assert sums["items"] == 69
    assert {k: s["totals"][k] for k in sums} == sums
    assert [line["id"] for line in s["lines"]] == [i for i in ids if i != ids[5]]
    assert sum(line["total_vnd"] for line in s["lines"]) == s["totals"]["total_vnd"]
    assert s["voided"] == [{"id": ids[5], "accepted_at": s["voided"][0]["accepted_at"],
                            "recipient_name": s["voided"][0]["recipient_name"],
                            "total_vnd": s["voided"][0]["total_vnd"], "voided_at": s["voided"][0]["voided_at"],
                            "reason": "Khách gửi nhầm bưu gửi"}]
    assert s["agency"]["billing"] == "account" and s["payable_vnd"] == sums["total_vnd"] and s["paid_cash_vnd"] == 0
    assert s["agency"]["name"] == "Tỉnh ủy Đắk Lắk" and s["office"]["code"] == "BDDLK"
    assert sum(r["vat_vnd"] for r in s["totals"]["by_rate"]) == sums["vat_vnd"]
    cash = statement(store, "SYT", 2026, 11)
    assert cash["totals"]["items"] == 4 and cash["payable_vnd"] == 0
    assert cash["paid_cash_vnd"] == _db_sums(store, "SYT", "2026-11-01", "2026-12-01")["total_vnd"]
    assert statement(store, "TUDLK", 2026, 10)["totals"]["items"] == 3


def test_statement_pdf_lists_each_item_and_the_totals(month_store, tmp_path):
    store, ids = month_store
    s = statement(store, "TUDLK", 2026, 11)
    pages = pdf_text(paper.statement_pdf(s, tmp_path / "bk.pdf", "vi"))
    text = flat(" ".join(pages))
    assert "BẢNG KÊ CƯỚC DỊCH VỤ KT1 THÁNG 11/2026" in text
    assert "Cơ quan sử dụng dịch vụ Tỉnh ủy Đắk Lắk (TUDLK)" in text
    assert "Hình thức thanh toán Ghi nợ, thanh toán theo tháng" in text
    for line in s["lines"]:
        assert (f"{line['no']} {line['id']} {formats.day(clock.parse_iso(line['accepted_at']))} "
                f"{line['recipient_name'][:12]}") in text
        assert f"{formats.number(line['fee_vnd'])} 10% {formats.number(line['vat_vnd'])} {formats.number(line['total_vnd'])} GN" in text
    assert f"Cước chưa VAT {formats.money(s['totals']['fees_vnd'])}" in text
    assert f"Thuế GTGT 10% {formats.money(s['totals']['vat_vnd'])}" in text
    assert f"Số tiền phải thanh toán (ghi nợ) {formats.money(s['payable_vnd'])}" in text
    assert f"Bằng chữ {vnd_in_words(s['payable_vnd'])}." in text
    assert "Bưu gửi đã hủy trong tháng, không tính cước (1)" in text and ids[5] in text
    assert "Khách gửi nhầm bưu gửi" in text
    for side in ("Đại diện cơ quan", "Người lập bảng kê", "Đại diện bưu điện", "Đắk Lắk, ngày …… tháng …… năm ……"):
        assert side in text, side
    assert len(pages) >= 2 and "Trang 2/" in pages[1]
    en = flat(" ".join(pdf_text(paper.statement_pdf(s, tmp_path / "en.pdf", "en"))))
    assert "KT1 SERVICE STATEMENT FOR 11/2026" in en and f"Amount due (monthly account) {formats.money(s['payable_vnd'], 'en')}" in en


def test_statement_refuses_unknown_agency_and_bad_months(month_store):
    store, _ids = month_store
    with pytest.raises(Kt1Error) as err:
        statement(store, "KHONGCO", 2026, 11)
    assert err.value.code == "statement_agency" and "KHONGCO" in err.value.text("vi")
    assert "no statement" in err.value.text("en")
    for year, month in ((2026, 13), (2026, 0), (1999, 5), ("2026", 11)):
        with pytest.raises(Kt1Error) as err:
            statement(store, "TUDLK", year, month)
        assert err.value.code == "statement_month"
    with pytest.raises(Kt1Error) as err:
        statement(store, "TUDLK", 2027, 1)
    assert err.value.code == "statement_future" and "01/2027" in err.value.text("vi")
    assert parse_month("2026-11") == (2026, 11) and parse_month(" 11/2026 ") == (2026, 11)
    for bad in ("2026-13", "2026", "tháng 11", "", "2026-1-1"):
        with pytest.raises(Kt1Error):
            parse_month(bad)


@pytest.mark.parametrize("vnd, words", [
    (0, "Không đồng"), (15, "Mười lăm đồng"), (21, "Hai mươi mốt đồng"), (105, "Một trăm linh năm đồng"),
    (45_000, "Bốn mươi lăm nghìn đồng"), (49_500, "Bốn mươi chín nghìn năm trăm đồng"),
    (1_005_000, "Một triệu không trăm linh năm nghìn đồng"), (1_000_005, "Một triệu không trăm linh năm đồng"),
    (300_250_000, "Ba trăm triệu hai trăm năm mươi nghìn đồng"), (2_000_000_000, "Hai tỷ đồng"),
    (9_631_400, "Chín triệu sáu trăm ba mươi mốt nghìn bốn trăm đồng"),
])
def test_amounts_in_vietnamese_words(vnd, words):
    assert vnd_in_words(vnd) == words
    assert number_in_words(24) == "hai mươi tư"


def test_a_computed_report_prints_the_databases_figures(month_store, tmp_path):
    from kt1desk.reports.figures import compute
    from kt1desk.reports.period import Period

    store, _ids = month_store
    report = compute(store, Period.month(2026, 11))
    json.dumps(report)  # JSON-able, as the contract says
    text = flat(" ".join(pdf_text(paper.report_pdf(report, tmp_path / "t11.pdf", "vi"))))
    row = store.one("SELECT COUNT(*) AS n, SUM(fee_vnd) AS fees, SUM(vat_vnd) AS vat FROM items "
                    "WHERE accepted_at >= '2026-11-01' AND accepted_at < '2026-12-01' AND status <> 'voided'")
    assert report["items"] == row["n"]
    assert f"Số bưu gửi nhận gửi {formats.number(row['n'])}" in text
    assert f"Cước chưa VAT {formats.money(row['fees'])}" in text
    assert f"Thuế GTGT (VAT) {formats.money(row['vat'])}" in text
    assert f"Bưu gửi đã hủy (không tính vào số liệu) {report['voided']}" in text and report["voided"] >= 1
    used, eligible = report["agencies_used"], report["agencies_eligible"]
    assert paper.adoption_text(used, eligible, report["adoption_pct"], "vi") in text
    assert "TUDLK Tỉnh ủy Đắk Lắk 69" in text


# -- the command line ---------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def cli_template(tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("statement-cli") / "demo.sqlite3"
    run("demo", "--items", "25", db=db, check=0)
    return db


@pytest.fixture
def cli_db(cli_template, tmp_path) -> Path:
    copy = tmp_path / "kt1.sqlite3"
    for suffix in ("", "-wal", "-shm"):
        if Path(str(cli_template) + suffix).exists():
            shutil.copy(str(cli_template) + suffix, str(copy) + suffix)
    return copy


def _busiest_sender(db: Path) -> tuple[str, str]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute("SELECT sender_code, substr(accepted_at, 1, 7) FROM items WHERE status <> 'voided' "
                            "GROUP BY 1, 2 ORDER BY COUNT(*) DESC LIMIT 1").fetchone()
    finally:
        conn.close()


def test_cli_statement_writes_the_pdf_and_json(cli_db, tmp_path):
    code, month = _busiest_sender(cli_db)
    out = tmp_path / "bk.pdf"
    before = digest(cli_db)
    result = run("statement", "--agency", code, "--month", month, "--out", out, "--json", "--user", "giamsat",
                 db=cli_db, check=0)
    data = json.loads(result.stdout)
    assert f"Đã ghi {out}" in result.stderr
    conn = sqlite3.connect(cli_db)
    n, fees, vat = conn.execute("SELECT COUNT(*), SUM(fee_vnd), SUM(vat_vnd) FROM items WHERE sender_code = ? AND "
                                "substr(accepted_at, 1, 7) = ? AND status <> 'voided'", (code, month)).fetchone()
    conn.close()
    assert (data["totals"]["items"], data["totals"]["fees_vnd"], data["totals"]["vat_vnd"]) == (n, fees, vat)
    text = flat(" ".join(pdf_text(out)))
    assert f"BẢNG KÊ CƯỚC DỊCH VỤ KT1 THÁNG {month[5:]}/{month[:4]}" in text
    assert f"Tổng cộng cước {formats.money(fees + vat)}" in text
    assert digest(cli_db) == before  # a statement reads only
    plain = run("statement", "--agency", code, "--month", month, "--user", "admin", "--lang", "en", db=cli_db, check=0)
    assert f"Statement {month[5:]}/{month[:4]}" in plain.stdout and f"total {formats.money(fees + vat, 'en')}" in plain.stdout


@pytest.mark.parametrize("args, user, says_vi, says_en", [
    (("--agency", "KHONGCO", "--month", "2026-11"), "giamsat", "Không có cơ quan mã «KHONGCO»", "No agency with code"),
    (("--agency", "TUDLK", "--month", "2026-13"), "giamsat", "Tháng «2026-13» không hợp lệ", "not a valid month"),
    (("--agency", "TUDLK", "--month", "2099-01"), "giamsat", "chưa bắt đầu", "has not begun"),
    (("--agency", "TUDLK", "--month", "2026-11"), "gdv1", "Việc này cần quyền", "This needs role"),
])
def test_cli_statement_bad_input_exits_2(cli_db, tmp_path, args, user, says_vi, says_en):
    out = tmp_path / "x.pdf"
    vi = run("statement", *args, "--out", out, "--user", user, db=cli_db, check=2)
    assert says_vi in vi.stderr and "Traceback" not in vi.stderr
    en = run("statement", *args, "--out", out, "--user", user, "--lang", "en", db=cli_db, check=2)
    assert says_en in en.stderr
    assert not out.exists()


def test_cli_statement_unwritable_out_exits_2(cli_db, tmp_path):
    code, month = _busiest_sender(cli_db)
    blocker = tmp_path / "file"
    blocker.write_text("x")
    result = run("statement", "--agency", code, "--month", month, "--out", blocker / "bk.pdf", "--user", "giamsat",
                 db=cli_db, check=2)
    assert "Không ghi được tệp" in result.stderr
    missing = run("statement", "--month", month, "--user", "giamsat", db=cli_db)
    assert missing.returncode == 2 and "--agency" in missing.stderr


# -- Phú Yên's 2019, computed (rep-core's test year) ---------------------------------------------------

@pytest.fixture(scope="module")
def phu_yen(tmp_path_factory):
    from report_support import build_phu_yen

    store = build_phu_yen(tmp_path_factory.mktemp("phu-yen-paper") / "kt1.sqlite3")
    yield store
    store.close()


def test_phu_yen_2019_annual_and_half_year_reports_say_25_of_44(phu_yen, tmp_path):
    from kt1desk.reports.figures import compute
    from kt1desk.reports.period import Period

    year = compute(phu_yen, Period.year(2019))
    text = flat(" ".join(pdf_text(paper.report_pdf(year, tmp_path / "2019.pdf", "vi"))))
    row = phu_yen.one("SELECT COUNT(*) AS n, SUM(fee_vnd) AS fees, SUM(vat_vnd) AS vat FROM items WHERE "
                      "status <> 'voided' AND accepted_at >= '2019-01-01' AND accepted_at < '2020-01-01'")
    assert row["n"] == 6587
    assert "BÁO CÁO TÌNH HÌNH CUNG CẤP DỊCH VỤ BƯU CHÍNH KT1 — NĂM 2019" in text
    assert "Cơ quan đã sử dụng / cơ quan thuộc diện sử dụng 25/44 (56,8%)" in text
    assert "Số bưu gửi nhận gửi 6.587" in text
    assert f"Cước chưa VAT {formats.money(row['fees'])}" in text and f"Tổng cộng {formats.money(row['fees'] + row['vat'])}" in text
    assert "2017 15 44 34,1%" in text and "2018 25 44 56,8%" in text and "2019 25 44 56,8%" in text
    for s in year["by_sender"]:
        assert f"{s['code']} " in text
    half = compute(phu_yen, Period.half(2019, 1))
    h1 = flat(" ".join(pdf_text(paper.report_pdf(half, tmp_path / "2019-h1.pdf", "vi"))))
    assert "BÁO CÁO TÌNH HÌNH CUNG CẤP DỊCH VỤ BƯU CHÍNH KT1 — 6 THÁNG ĐẦU NĂM 2019" in h1
    assert f"Số bưu gửi nhận gửi {formats.number(half['items'])}" in h1 and "07/2019" not in h1


def test_phu_yen_statements_add_up_to_the_month(phu_yen):
    """Every sender's statement of May 2019: together exactly the month's items and money."""
    codes = [r["sender_code"] for r in phu_yen.all(
        "SELECT DISTINCT sender_code FROM items WHERE accepted_at >= '2019-05-01' AND accepted_at < '2019-06-01'")]
    assert len(codes) >= 20
    totals = [statement(phu_yen, code, 2019, 5)["totals"] for code in codes]
    month = phu_yen.one("SELECT COUNT(*) AS n, SUM(fee_vnd) AS fees, SUM(vat_vnd) AS vat FROM items WHERE "
                        "status <> 'voided' AND accepted_at >= '2019-05-01' AND accepted_at < '2019-06-01'")
    assert sum(t["items"] for t in totals) == month["n"]
    assert sum(t["fees_vnd"] for t in totals) == month["fees"]
    assert sum(t["vat_vnd"] for t in totals) == month["vat"]
