"""The monthly statement on A4: "BẢNG KÊ CƯỚC DỊCH VỤ KT1 THÁNG 11/2026", one line per item, totals, the
amount due in words, and signature blocks for the agency and the post office (``paper.statement_pdf``)."""

from __future__ import annotations

from reportlab.platypus import KeepTogether, Spacer

from .. import clock, formats
from ..printing import a4, fonts
from . import paper
from .statement import vnd_in_words

_WORDS = {
    "title": ("BẢNG KÊ CƯỚC DỊCH VỤ KT1 THÁNG {label}", "KT1 SERVICE STATEMENT FOR {label}"),
    "from_to": ("Từ ngày {a} đến ngày {b}", "From {a} to {b}"),
    "agency": ("Cơ quan sử dụng dịch vụ", "Agency"),
    "address": ("Địa chỉ", "Address"),
    "provider": ("Đơn vị cung cấp dịch vụ", "Service provider"),
    "billing": ("Hình thức thanh toán", "Payment"),
    "cash": ("Tiền mặt tại quầy", "Cash at the counter"),
    "account": ("Ghi nợ, thanh toán theo tháng", "Monthly account"),
    "free": ("Miễn cước", "Free of charge"),
    "lines": ("Chi tiết bưu gửi", "Items"),
    "no": ("STT", "No."), "id": ("Số hiệu", "Item id"), "date": ("Ngày nhận", "Accepted"),
    "recipient": ("Cơ quan nhận", "Recipient"), "kind": ("Loại", "Kind"), "weight": ("KL", "Weight"),
    "fee": ("Chưa VAT", "Before VAT"), "rate": ("VAT %", "VAT %"), "vat": ("VAT", "VAT"),
    "total": ("Tổng cộng", "Total"), "pay": ("TT", "Pay"),
    "sum": ("Cộng", "Total"),
    "unit": ("Đơn vị tính: đồng", "Amounts in đồng (VND)"),
    "no_items": ("Không có bưu gửi nào trong tháng.", "No items in this month."),
    "summary": ("Tổng hợp", "Summary"),
    "items": ("Số bưu gửi", "Items"), "pieces": ("kiện", "pieces"),
    "fees": ("Cước chưa VAT", "Fees before VAT"),
    "vat_at": ("Thuế GTGT {rate}", "VAT at {rate}"),
    "vat_none": ("Thuế GTGT (bưu gửi chưa ghi thuế suất)", "VAT (items stored without a rate)"),
    "grand": ("Tổng cộng cước", "Total charged"),
    "paid_cash": ("Trong đó đã trả tiền mặt tại quầy", "Of which paid in cash at the counter"),
    "free_items": ("Bưu gửi miễn cước", "Items free of charge"),
    "payable": ("Số tiền phải thanh toán (ghi nợ)", "Amount due (monthly account)"),
    "in_words": ("Bằng chữ", "In words"),
    "voided_note": ("Bảng kê không gồm bưu gửi đã hủy (không tính cước).", "Voided items are not charged and not listed above."),
    "voided": ("Bưu gửi đã hủy trong tháng, không tính cước ({n})", "Items voided this month, not charged ({n})"),
    "voided_at": ("Hủy lúc", "Voided at"), "reason": ("Lý do", "Reason"),
    "agency_side": ("Đại diện cơ quan", "For the agency"),
    "preparer": ("Người lập bảng kê", "Prepared by"),
    "office_side": ("Đại diện bưu điện", "For the post office"),
}
_PAY_SHORT = {"cash": ("TM", "cash"), "account": ("GN", "acct"), "free": ("MC", "free")}
_KINDS = {"thu": ("Thư", "Letter"), "goi": ("Gói", "Packet"), "kien": ("Kiện", "Parcel")}


def t(lang: str, key: str, **values) -> str:
    vi, en = _WORDS[key]
    text = en if lang == "en" else vi
    return text.format(**values) if values else text


def _pick(pair: tuple[str, str], lang: str) -> str:
    return pair[1] if lang == "en" else pair[0]


def _day(iso: str) -> str:
    return formats.day(clock.parse_iso(iso))


def statement_title(s: dict, lang: str = "vi") -> str:
    return t(lang, "title", label=s["label"])


def statement_pdf_bytes(s: dict, lang: str = "vi") -> bytes:
    st = a4.styles()
    money = lambda v: formats.money(v, lang)  # noqa: E731
    number = lambda v: formats.number(v, lang)  # noqa: E731
    agency, office, totals = s["agency"], s["office"], s["totals"]
    story = [paper.national_heading(office, lang), Spacer(1, 5), a4.para(statement_title(s, lang), st["title"]),
             a4.para(t(lang, "from_to", a=paper.day_text(s["from"]), b=paper.day_text(s["to"])), st["subtitle"]),
             Spacer(1, 6),
             a4.pairs([(t(lang, "agency"), f"{agency['name']} ({agency['code']})"),
                       (t(lang, "address"), agency.get("address") or ""),
                       (t(lang, "provider"), f"{office['name']} ({office['code']})"),
                       (t(lang, "billing"), t(lang, agency["billing"]))], label_mm=45),
             a4.para(t(lang, "lines"), st["heading"])]
    if s["lines"]:
        rows = [[t(lang, k) for k in ("no", "id", "date", "recipient", "kind", "weight", "fee", "rate", "vat",
                                      "total", "pay")]]
        for line in s["lines"]:
            rate = formats.percent(line["vat_rate_bp"], lang) if line["vat_rate_bp"] is not None else "—"
            rows.append([str(line["no"]), line["id"], _day(line["accepted_at"]), line["recipient_name"],
                         _pick(_KINDS.get(line["kind"], (line["kind"],) * 2), lang), formats.weight(line["weight_g"], lang),
                         number(line["fee_vnd"]), rate, number(line["vat_vnd"]), number(line["total_vnd"]),
                         _pick(_PAY_SHORT.get(line["payment"], (line["payment"],) * 2), lang)])
        rows.append(["", t(lang, "sum"), "", formats.number(totals["items"], lang), "", "", number(totals["fees_vnd"]),
                     "", number(totals["vat_vnd"]), number(totals["total_vnd"]), ""])
        widths = [8, 25, 17, 37, 10, 12, 17, 11, 15, 18, 10]
        story.append(a4.para(t(lang, "unit"), st["muted"]))
        story += paper.long_table(rows, widths, align_right=(0, 5, 6, 7, 8, 9), clip_cols=(3,), size=7)
    else:
        story.append(a4.para(t(lang, "no_items"), st["muted"]))
    story.append(a4.para(t(lang, "voided_note"), st["muted"]))

    summary = [(t(lang, "items"), f"{formats.number(totals['items'], lang)} · {formats.number(totals['pieces'], lang)} "
                                  f"{t(lang, 'pieces')} · {formats.weight(totals['weight_g'], lang) if totals['weight_g'] else '0 g'}"),
               (t(lang, "fees"), money(totals["fees_vnd"]))]
    for rate in totals["by_rate"]:
        if rate["vat_rate_bp"] is None:
            summary.append((t(lang, "vat_none"), money(rate["vat_vnd"])))
        else:
            summary.append((t(lang, "vat_at", rate=formats.percent(rate["vat_rate_bp"], lang)), money(rate["vat_vnd"])))
    by_payment = totals["by_payment"]
    summary += [(t(lang, "grand"), money(totals["total_vnd"])),
                (t(lang, "paid_cash"), money(s["paid_cash_vnd"])),
                (t(lang, "free_items"), formats.number(by_payment["free"]["items"], lang)),
                (t(lang, "payable"), money(s["payable_vnd"]))]
    if lang != "en":
        summary.append((t(lang, "in_words"), vnd_in_words(s["payable_vnd"]) + "."))
    story.append(KeepTogether([a4.para(t(lang, "summary"), st["heading"]), a4.pairs(summary, label_mm=70)]))

    if s["voided"]:
        rows = [[t(lang, "id"), t(lang, "date"), t(lang, "recipient"), t(lang, "total"), t(lang, "voided_at"),
                 t(lang, "reason")]]
        for v in s["voided"]:
            rows.append([v["id"], _day(v["accepted_at"]), v["recipient_name"], money(v["total_vnd"]),
                         formats.moment(clock.parse_iso(v["voided_at"])) if v.get("voided_at") else "", v["reason"]])
        story += [a4.para(t(lang, "voided", n=len(s["voided"])), st["heading"]),
                  *paper.long_table(rows, [25, 16, 40, 20, 25, 54], align_right=(3,), clip_cols=(2, 5), size=7)]

    story.append(paper.signature_blocks(office.get("province", ""),
                                        [(t(lang, "agency_side"), paper.t(lang, "sign_seal")),
                                         (t(lang, "preparer"), paper.t(lang, "sign")),
                                         (t(lang, "office_side"), paper.t(lang, "sign_seal"))], lang))
    footer = f"{statement_title(s, lang)} · {fonts.nfc(agency['name'])} ({agency['code']})"
    return a4.build(story, footer, page="Page" if lang == "en" else "Trang")
