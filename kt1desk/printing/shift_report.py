"""The shift report on A4: X (running, the shift still open) or Z (the shift closed), from one computation.

Totals by payer (cash, monthly account, free and why), the marks, voids and
adjustments, refusals (and who presented the item), the cash expected and —
on a Z — counted, with the difference and its reason as declared. Then every
item of the shift, one line each, so any total can be checked down to the item.
A Z printed again says so in a box at the top: "BẢN IN LẠI · lần in thứ n".
"""

from __future__ import annotations

from reportlab.platypus import PageBreak, Spacer

from .. import clock, formats
from ..life.shifts import LINE_COLUMNS, PAID_COLUMN
from ..services.items import STATUSES
from ..services.tariff import FREE_REASONS
from . import a4

DETAIL_ROWS = 62  # lines of the item list that fill one A4 page
PAYERS = {"cash": "Tiền mặt tại quầy", "account": "Ghi nợ, thanh toán theo tháng", "free": "Miễn cước"}


def _when(text: str | None) -> str:
    return formats.moment(clock.parse_iso(text)) if text else ""


def _money(vnd: int | None) -> str:
    return formats.money(vnd) if vnd is not None else "—"


def shift_report_pdf(report: dict, office: dict, *, print_no: int | None = None) -> bytes:
    """``report`` as ``life.shifts.compute``/``close`` give it; ``print_no`` is which print of a Z this is."""
    st = a4.styles()
    shift = report["shift"]
    z = report["kind"] == "Z"
    story = [
        a4.para(office["name"], st["bold"]),
        a4.para(f"Mã bưu cục {office['code']} · Quầy {shift['counter_code']}", st["small"]),
        a4.Barcode(shift["id"]),
        a4.para("BÁO CÁO Z — CHỐT CA" if z else "BÁO CÁO X — TẠM TÍNH", st["title"]),
        a4.para("Ca đã chốt: số liệu không thay đổi nữa" if z else "Ca chưa chốt: số liệu tính đến lúc in",
                st["subtitle"]),
    ]
    if print_no and print_no > 1:
        story += [Spacer(1, 3), a4.para(f"BẢN IN LẠI · lần in thứ {print_no}", st["banner"]), Spacer(1, 3)]
    story.append(a4.pairs([
        ("Ca", shift["id"]),
        ("Người làm", f"{shift['user_name']} ({shift['user_login']})"),
        ("Mở ca", _when(shift["opened_at"])),
        ("Chốt ca" if z else "Tính đến", _when(shift["closed_at"]) if z else _when(report["computed_at"])),
    ] + ([("Người chốt", report.get("closed_by_name") or "")] if z else [])))

    items = report["items"]
    story += [a4.para("Bưu gửi nhận trong ca", st["heading"]), a4.pairs([
        ("Số bưu gửi", formats.number(items["count"])),
        ("Số kiện · khối lượng", f"{formats.number(items['pieces'])} kiện · {formats.weight(items['weight_g'])}"),
        ("Dấu hiệu", f"Mật (A/B/C): {items['secret']} · Hỏa tốc: {items['hoa_toc']} · Hẹn giờ: {items['hen_gio']}"),
        ("Nhập bù", formats.number(items["back_entry"])),
    ])]

    payments = report["payments"]
    rows = [["Người trả", "Số bưu gửi", "Cước"]]
    for key in ("cash", "account", "free"):
        rows.append([PAYERS[key], formats.number(payments[key]["count"]), _money(payments[key][PAID_COLUMN])])
        if key == "free":
            for reason, count in sorted(payments["free"]["reasons"].items()):
                rows.append([f"   — {FREE_REASONS.get(reason, {}).get('vi', reason)}", formats.number(count), ""])
    adjust = report["adjustments"]["by_payment"]
    if any(adjust.values()):
        rows.append(["Điều chỉnh bưu gửi của ca trước (tiền mặt / ghi nợ)", "",
                     f"{_money(adjust['cash'])} / {_money(adjust['account'])}"])
    rows.append(["Tổng cước phải thu (tiền mặt và ghi nợ)", formats.number(payments["cash"]["count"]
                                                                        + payments["account"]["count"]),
                 _money(report["paid_vnd"])])
    rows.insert(-1, ["   trong đó: cước chưa VAT · thuế GTGT", "",
                     f"{_money(payments['cash']['fee_vnd'] + payments['account']['fee_vnd'])} · "
                     f"{_money(payments['cash']['vat_vnd'] + payments['account']['vat_vnd'])}"])
    story += [a4.para("Cước theo người trả", st["heading"]),
              a4.table(rows, [110, 30, 40], align_right=(1, 2), bold_last=True)]

    story += [a4.para("Tiền mặt", st["heading"])]
    cash = [("Phải có", _money(report["cash_expected_vnd"]))]
    if z:
        counted = report.get("cash_counted_vnd")
        cash.append(("Kiểm đếm (khai báo)", _money(counted) if counted is not None else "không khai báo"))
        if counted is not None:
            diff = report["discrepancy_vnd"]
            cash.append(("Chênh lệch", "không" if diff == 0 else ("+" if diff > 0 else "−") + _money(abs(diff))))
            if diff:
                cash.append(("Lý do (như đã khai)", report.get("discrepancy_reason") or ""))
    story.append(a4.pairs(cash))

    voided = report["voided"]
    if voided["rows"]:
        story += [a4.para(f"Bưu gửi của ca bị hủy ({voided['count']}, không tính vào cước)", st["heading"]),
                  a4.table([["Số hiệu", "Lúc hủy", "Người hủy", "Lý do", "Cước"]]
                           + [[r["item_id"], _when(r["at"]), r["by_login"] or "", r["reason"], _money(r[PAID_COLUMN])]
                              for r in voided["rows"]], [34, 30, 24, 70, 22], align_right=(4,))]
    if report["adjustments"]["rows"]:
        names = {"voided": "Hủy", "corrected": "Điều chỉnh"}
        story += [a4.para("Điều chỉnh bưu gửi của ca đã chốt", st["heading"]),
                  a4.table([["Số hiệu", "Việc", "Lúc", "Lý do", "Người trả", "Tiền"]]
                           + [[r["item_id"], names.get(r["kind"], r["kind"]), _when(r["at"]), r["reason"],
                               PAYERS.get(r["payment"], r["payment"]), _money(r["vnd"])]
                              for r in report["adjustments"]["rows"]], [32, 20, 28, 52, 26, 22], align_right=(5,))]
    refusals = report["refusals"]
    story += [a4.para(f"Từ chối nhận ({refusals['count']})", st["heading"])]
    if refusals["rows"]:
        story.append(a4.table([["Lúc", "Độ mật", "Người mang đến"]]
                              + [[_when(r["at"]), r["secrecy"] or "", r["presented_by"]] for r in refusals["rows"]],
                              [40, 20, 120]))
    else:
        story.append(a4.para("Không có.", st["muted"]))
    story.append(a4.signatures([("GIAO DỊCH VIÊN", shift["user_name"], "", None),
                                ("KIỂM SOÁT VIÊN", "", "", None)]))

    lines = report["lines"]
    if lines:
        index = {name: k for k, name in enumerate(LINE_COLUMNS)}
        rows = [["STT", "Số hiệu", "Nhận lúc", "Cơ quan gửi", "Người trả", "Trạng thái", "Cước"]]
        for n, line in enumerate(lines, 1):
            payer = line[index["payment"]]
            rows.append([str(n), line[index["id"]], _when(line[index["accepted_at"]]), line[index["sender_code"]],
                         {"cash": "tiền mặt", "account": "ghi nợ", "free": "miễn"}.get(payer, payer),
                         STATUSES.get(line[index["status"]], {}).get("vi", line[index["status"]]),
                         _money(line[index[PAID_COLUMN]])])
        story += [PageBreak(), a4.para(f"Chi tiết từng bưu gửi của ca {shift['id']}", st["heading"])]
        # A table a page long at a time: platypus splits one long table in time that grows with its length.
        for start in range(1, len(rows), DETAIL_ROWS):
            story.append(a4.plain_table([rows[0]] + rows[start:start + DETAIL_ROWS], [12, 32, 30, 30, 20, 34, 22],
                                        align_right=(0, 6)))
    title = f"Báo cáo {'Z' if z else 'X'} ca {shift['id']}"
    return a4.build(story, title)
