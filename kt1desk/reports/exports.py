"""The report as a spreadsheet: CSV (UTF-8 with a BOM, so spreadsheet programs read Vietnamese right)
and XLSX (openpyxl: numbers as numbers with a thousands format, months and dates as real dates).

Both come from the same tables (``tables``): a summary of every figure, then by month, by sender,
by destination, by payer, by kind, by mark, by secrecy, by scope and adoption by year, with headers
in the language asked for. A figure with no records is written as "không có số liệu" / "no data",
never as 0. CSV uses commas and writes numbers plainly (6587, 56.8) so that any program can read
them back; the XLSX is the file to open and look at. A file is written whole or not at all.
"""

from __future__ import annotations

import csv
import io
import os
from datetime import date, datetime
from pathlib import Path

from ..errors import Kt1Error

NO_DATA = {"vi": "không có số liệu", "en": "no data"}
MONEY_FORMAT = "#,##0"
PCT_FORMAT = "0.0"

# A column: (vi, en, type); type is int, money, pct, text, month (a "2019-05" → a date), date.
_T = {
    "summary": ("Tổng hợp", "Summary"),
    "by_month": ("Theo tháng", "By month"),
    "by_sender": ("Theo cơ quan gửi", "By sender"),
    "by_destination": ("Theo nơi nhận", "By destination"),
    "by_payment": ("Theo người trả cước", "By payer"),
    "by_kind": ("Theo loại", "By kind"),
    "by_mark": ("Theo dịch vụ", "By service mark"),
    "by_secrecy": ("Theo độ mật", "By secrecy"),
    "by_scope": ("Theo phạm vi", "By scope"),
    "adoption_by_year": ("Cơ quan sử dụng theo năm", "Adoption by year"),
}
_FIGURE, _VALUE = ("Chỉ tiêu", "Figure"), ("Giá trị", "Value")
_ITEMS = ("Số bưu gửi", "Items")
_FEES = ("Cước trước VAT (đ)", "Fees before VAT (VND)")
_VAT = ("VAT (đ)", "VAT (VND)")
_TOTAL = ("Tổng cộng (đ)", "Total (VND)")
_NAMES = {
    "payment": {"cash": ("Tiền mặt", "Cash"), "account": ("Ghi nợ theo hợp đồng", "Monthly account"),
                "free": ("Miễn cước", "Free")},
    "kind": {"thu": ("Thư", "Letter"), "goi": ("Gói", "Packet"), "kien": ("Kiện", "Parcel")},
    "mark": {"hoa_toc": ("Hỏa tốc", "Hỏa tốc (urgent)"), "hen_gio": ("Hẹn giờ", "Hẹn giờ (timed)"),
             "none": ("Không dấu dịch vụ", "No service mark")},
    "secrecy": {"A": ("A", "A"), "B": ("B", "B"), "C": ("C", "C"), "none": ("Không mật", "Not secret")},
    "scope": {"noi-tinh": ("Nội tỉnh", "Within the province"), "lien-tinh": ("Liên tỉnh", "Between provinces")},
}


def _pick(pair: tuple[str, str], lang: str) -> str:
    return pair[1] if lang == "en" else pair[0]


def _summary(report: dict, lang: str) -> list[tuple[str, object, str]]:
    """(figure name, value, type) for every single figure of the report."""
    def row(vi, en, value, kind="int"):
        return (en if lang == "en" else vi, value, kind)

    p = report["period"]
    rows = [
        row("Kỳ báo cáo", "Period", p["label"]["en" if lang == "en" else "vi"], "text"),
        row("Từ ngày", "From", p["from"], "date"), row("Đến ngày", "To", p["to"], "date"),
        row("Bưu cục", "Office", f"{report['office']['code']} — {report['office']['name']}", "text"),
        row("Lập lúc", "Generated at", report["generated_at"], "datetime"),
        row("Số bưu gửi", "Items", report["items"]), row("Số bưu gửi đã hủy", "Voided items", report["voided"]),
        row("Số kiện", "Pieces", report["pieces"]),
        row("Cước trước VAT (đ)", "Fees before VAT (VND)", report["fees_vnd"], "money"),
        row("VAT (đ)", "VAT (VND)", report["vat_vnd"], "money"),
        row("Tổng cộng (đ)", "Total (VND)", report["total_vnd"], "money"),
        row("Miễn cước — Phụ lục I", "Free — Appendix I", report["free"]["appendix-I"]),
        row("Miễn cước — văn phòng Trung ương", "Free — central office", report["free"]["central-office"]),
        row("Nhận ngoài giờ hành chính", "Accepted after hours", report["after_hours"]),
        row("Nhận ngày nghỉ cuối tuần", "Accepted on weekends", report["weekends"]),
        row("Nhận ngày lễ", "Accepted on public holidays", report["holidays"]),
    ]
    on_time = report["on_time"]
    rows += [
        row("Đã phát lần đầu (có thời điểm)", "First delivery attempt known", on_time and on_time["known"]),
        row("Phát lần đầu đúng hạn", "First attempt on time", on_time and on_time["on_time"]),
        row("Tỷ lệ đúng hạn (%)", "On-time rate (%)", report["on_time_pct"], "pct"),
        row("Từ chối nhận (niêm phong không nguyên vẹn)", "Refused (broken seal)", report["refusals"]),
    ]
    c = report["complaints"]
    rows += [
        row("Khiếu nại đã nhận", "Complaints lodged", c and c["lodged"]),
        row("Khiếu nại đã trả lời", "Complaints answered", c and c["answered"]),
        row("Khiếu nại trả lời trễ hạn", "Complaints answered late or overdue", c and c["late"]),
        row("Khiếu nại đang mở", "Complaints open", c and c["open"]),
        row("Bồi thường (đ)", "Compensation (VND)", c and c["compensation_vnd"], "money"),
        row("Cơ quan đã sử dụng", "Agencies that sent items", report["agencies_used"]),
        row("Cơ quan thuộc diện sử dụng", "Eligible agencies", report["agencies_eligible"]),
        row("Tỷ lệ sử dụng (%)", "Adoption (%)", report["adoption_pct"], "pct"),
    ]
    return rows


def _money_cols(lang: str, with_vat: bool = True) -> list[tuple[str, str]]:
    cols = [(_pick(_ITEMS, lang), "int"), (_pick(_FEES, lang), "money")]
    if with_vat:
        cols += [(_pick(_VAT, lang), "money"), (_pick(_TOTAL, lang), "money")]
    return cols


def tables(report: dict, lang: str = "vi") -> list[dict]:
    """The report's tables: {key, title, columns: [(header, type)], rows: [[value, ...]]}."""
    def table(key, columns, rows):
        return {"key": key, "title": _pick(_T[key], lang), "columns": columns, "rows": rows}

    out = [table("summary", [(_pick(_FIGURE, lang), "text"), (_pick(_VALUE, lang), "mixed")],
                 [[name, (value, kind)] for name, value, kind in _summary(report, lang)])]
    out.append(table("by_month", [(_pick(("Tháng", "Month"), lang), "month"), *_money_cols(lang)],
                     [[r["month"], r["items"], r["fees_vnd"], r["vat_vnd"], r["total_vnd"]] for r in report["by_month"]]))
    out.append(table("by_sender", [(_pick(("Mã cơ quan", "Code"), lang), "text"),
                                   (_pick(("Cơ quan gửi", "Sender"), lang), "text"), *_money_cols(lang)],
                     [[r["code"], r["name"], r["items"], r["fees_vnd"], r["vat_vnd"], r["total_vnd"]]
                      for r in report["by_sender"]]))
    out.append(table("by_destination", [(_pick(("Tỉnh nhận", "Province"), lang), "text"), *_money_cols(lang, False)],
                     [[r["province"], r["items"], r["fees_vnd"]] for r in report["by_destination"]]))
    payment = report["by_payment"]
    out.append(table("by_payment", [(_pick(("Người trả cước", "Payer"), lang), "text"), *_money_cols(lang)],
                     [[_pick(_NAMES["payment"][k], lang), v["items"], v["fees_vnd"], v["vat_vnd"], v["total_vnd"]]
                      for k, v in payment.items()]))
    out.append(table("by_kind", [(_pick(("Loại", "Kind"), lang), "text"), *_money_cols(lang, False)],
                     [[_pick(_NAMES["kind"][k], lang), v["items"], v["fees_vnd"]] for k, v in report["by_kind"].items()]))
    for key, names in (("by_mark", "mark"), ("by_secrecy", "secrecy"), ("by_scope", "scope")):
        out.append(table(key, [(_pick(("Nhóm", "Group"), lang), "text"), (_pick(_ITEMS, lang), "int")],
                         [[_pick(_NAMES[names][k], lang), v] for k, v in report[key].items()]))
    out.append(table("adoption_by_year", [(_pick(("Năm", "Year"), lang), "int"),
                                          (_pick(("Cơ quan đã sử dụng", "Agencies used"), lang), "int"),
                                          (_pick(("Cơ quan thuộc diện", "Eligible"), lang), "int"),
                                          (_pick(("Tỷ lệ (%)", "Rate (%)"), lang), "pct")],
                     [[r["year"], r["used"], r["eligible"], r["pct"]] for r in report["adoption_by_year"]]))
    return out


# -- CSV --------------------------------------------------------------------------------------------

def _csv_cell(value, kind: str, lang: str):
    if kind == "mixed":
        value, kind = value
    if value is None:
        return NO_DATA[lang] if kind != "text" else ""
    if kind == "pct":
        return f"{value:.1f}"
    return value


def write_csv(report: dict, path, lang: str = "vi") -> Path:
    """A section per table: its title, its header row, its rows, a blank line."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    title = "KT1 report" if lang == "en" else "Báo cáo KT1"
    writer.writerow([f"{title} — {report['period']['label']['en' if lang == 'en' else 'vi']}"])
    writer.writerow([])
    for t in tables(report, lang):
        writer.writerow([t["title"]])
        writer.writerow([header for header, _ in t["columns"]])
        for row in t["rows"]:
            writer.writerow([_csv_cell(v, kind, lang) for v, (_, kind) in zip(row, t["columns"])])
        writer.writerow([])
    return _write_whole(Path(path), buffer.getvalue().encode("utf-8-sig"))


# -- XLSX -------------------------------------------------------------------------------------------

_SHEETS = ("summary", "by_month", "by_sender", "by_destination")


def _xlsx_cell(cell, value, kind: str, lang: str) -> None:
    if kind == "mixed":
        value, kind = value
    if value is None:
        cell.value = NO_DATA[lang] if kind != "text" else None
        return
    if kind == "month":
        cell.value = date(int(value[:4]), int(value[5:7]), 1)
        cell.number_format = "mm/yyyy"
    elif kind == "date":
        cell.value = date.fromisoformat(value)
        cell.number_format = "dd/mm/yyyy"
    elif kind == "datetime":
        cell.value = datetime.fromisoformat(value)
        cell.number_format = "dd/mm/yyyy hh:mm"
    elif kind in ("int", "money"):
        cell.value = int(value)
        cell.number_format = MONEY_FORMAT
    elif kind == "pct":
        cell.value = float(value)
        cell.number_format = PCT_FORMAT
    else:
        cell.value = value


def write_xlsx(report: dict, path, lang: str = "vi") -> Path:
    """Sheets: summary, by month, by sender, by destination (then the smaller tables on a fifth)."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    book.remove(book.active)
    bold = Font(bold=True)
    all_tables = tables(report, lang)
    for t in all_tables:
        if t["key"] not in _SHEETS:
            continue
        sheet = book.create_sheet(t["title"][:31])
        _put_table(sheet, 1, t, lang, bold)
        if t["key"] == "summary":
            sheet.column_dimensions["A"].width = 44
            sheet.column_dimensions["B"].width = 36
        else:
            for i, (header, _) in enumerate(t["columns"]):
                sheet.column_dimensions[chr(ord("A") + i)].width = max(12, min(50, len(header) + 4))
            if t["key"] == "by_sender":
                sheet.column_dimensions["B"].width = 48
        sheet.freeze_panes = "A2"
    other = book.create_sheet(("Other tables" if lang == "en" else "Bảng khác")[:31])
    row = 1
    for t in all_tables:
        if t["key"] in _SHEETS:
            continue
        other.cell(row=row, column=1, value=t["title"]).font = bold
        row = _put_table(other, row + 1, t, lang, bold) + 1
    other.column_dimensions["A"].width = 30
    for col in "BCDE":
        other.column_dimensions[col].width = 20
    buffer = io.BytesIO()
    book.save(buffer)
    return _write_whole(Path(path), buffer.getvalue())


def _put_table(sheet, first_row: int, t: dict, lang: str, bold) -> int:
    for i, (header, _) in enumerate(t["columns"], start=1):
        sheet.cell(row=first_row, column=i, value=header).font = bold
    r = first_row
    for r, values in enumerate(t["rows"], start=first_row + 1):
        for i, (value, (_, kind)) in enumerate(zip(values, t["columns"]), start=1):
            _xlsx_cell(sheet.cell(row=r, column=i), value, kind, lang)
    return r + 1


def _write_whole(path: Path, data: bytes) -> Path:
    """Write beside the target and rename: the file is whole or not there (nothing half-written)."""
    staged = path.with_name(f".{path.name}.part")
    try:
        staged.write_bytes(data)
        os.replace(staged, path)
    except OSError as err:
        staged.unlink(missing_ok=True)
        raise Kt1Error("file_unwritable", path=str(path), reason=err.strerror or str(err)) from None
    return path
