"""The report on paper: A4 PDFs of a report dict (``figures.compute``) and of an agency's monthly statement.

    report_pdf(report, path, lang="vi", layout=None) -> Path        writes the PDF (atomically)
    report_pdf_bytes(report, lang="vi", layout=None) -> bytes       the same, for a preview or a printer
    statement_pdf(statement, path, lang="vi") -> Path               (see ``statement_paper``)

Layouts: "half-year" and "annual" are the reports the office sends the oversight body (national
heading, "BÁO CÁO TÌNH HÌNH CUNG CẤP DỊCH VỤ BƯU CHÍNH KT1 — NĂM 2019", sections I–V: volume, revenue,
adoption, quality and complaints, appendix tables; signed by "Người lập biểu" and "Thủ trưởng đơn vị").
"general" (any other period) has the same figures under a plain heading. ``layout=None`` takes the
period's kind. A figure the office has no records for (None in the dict) says "không có số liệu",
never 0. Charts are matplotlib's (``charts``), embedded as 200 dpi PNG.
"""

from __future__ import annotations

import io
import os
import tempfile
from datetime import date
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Image, KeepTogether, Spacer, Table, TableStyle

from .. import clock, formats
from ..errors import Kt1Error
from ..printing import a4, fonts

LAYOUTS = ("general", "half-year", "annual")
CHART_DPI = 200
LONG_ROWS = 55  # rows of a long table put in one Table (it splits over pages with its heading repeated)

_WORDS = {
    "no_data": ("không có số liệu", "no data"),
    "none": ("Không có.", "None."),
    "office": ("Đơn vị báo cáo", "Reporting office"),
    "period": ("Kỳ báo cáo", "Period"),
    "from_to": ("từ {a} đến {b}", "from {a} to {b}"),
    "generated": ("Số liệu lập lúc", "Figures as of"),
    "items": ("Số bưu gửi nhận gửi", "Items accepted"),
    "pieces": ("Số kiện", "Pieces"),
    "fees": ("Cước chưa VAT", "Fees before VAT"),
    "vat": ("Thuế GTGT (VAT)", "VAT"),
    "total": ("Tổng cộng", "Total"),
    "total_row": ("Cộng", "Total"),
    "payer": ("Người trả", "Payer"),
    "cash": ("Tiền mặt tại quầy", "Cash at the counter"),
    "account": ("Ghi nợ, thanh toán theo tháng", "Monthly account"),
    "free": ("Miễn cước", "Free"),
    "appendix-I": ("   — cơ quan Phụ lục I", "   — Appendix I agency"),
    "central-office": ("   — văn phòng Trung ương", "   — central office"),
    "kind": ("Loại", "Kind"),
    "thu": ("Thư", "Letter"), "goi": ("Gói", "Packet"), "kien": ("Kiện", "Parcel"),
    "marks": ("Dấu dịch vụ", "Service marks"),
    "hoa_toc": ("Hỏa tốc", "Hỏa tốc (urgent)"), "hen_gio": ("Hẹn giờ", "Hẹn giờ (timed)"),
    "no_mark": ("không dấu", "no mark"),
    "secrecy": ("Độ mật", "Secrecy"), "not_secret": ("không mật", "not secret"),
    "scope": ("Phạm vi", "Scope"), "noi-tinh": ("nội tỉnh", "within the province"),
    "lien-tinh": ("liên tỉnh", "between provinces"),
    "off_hours": ("Nhận ngoài giờ · ngày nghỉ cuối tuần · ngày lễ", "Accepted after hours · at weekends · on holidays"),
    "on_time": ("Tỷ lệ phát đúng thời hạn", "Delivered on time"),
    "on_time_of": ("{pct} ({n}/{known} bưu gửi đã biết lần phát đầu)", "{pct} ({n} of {known} items with a known first attempt)"),
    "refusals": ("Từ chối nhận (niêm phong không nguyên vẹn)", "Refused (seal not intact)"),
    "voided": ("Bưu gửi đã hủy (không tính vào số liệu)", "Items voided (not counted)"),
    "complaints": ("Khiếu nại", "Complaints"),
    "complaints_of": ("nhận {lodged} · đã trả lời {answered} (quá hạn {late}) · đang giải quyết {open}",
                      "lodged {lodged} · answered {answered} ({late} late) · open {open}"),
    "compensation": ("Tiền bồi thường", "Compensation paid"),
    "adoption": ("Cơ quan đã sử dụng / cơ quan thuộc diện sử dụng", "Agencies that sent / eligible agencies"),
    "year": ("Năm", "Year"), "month": ("Tháng", "Month"),
    "used": ("Đã sử dụng", "Used"), "eligible": ("Thuộc diện", "Eligible"), "rate": ("Tỷ lệ", "Rate"),
    "no": ("STT", "No."), "short_fees": ("Chưa VAT", "Before VAT"), "short_vat": ("VAT", "VAT"), "sender": ("Cơ quan gửi", "Sending agency"), "code": ("Mã", "Code"),
    "destination": ("Tỉnh nhận", "Destination province"), "count": ("Số bưu gửi", "Items"),
    "by_month": ("Số liệu theo tháng", "By month"),
    "by_sender": ("Theo cơ quan gửi", "By sending agency"),
    "by_destination": ("Theo tỉnh nhận", "By destination"),
    "by_payer": ("Cước theo người trả", "Fees by payer"),
    "by_kind": ("Theo loại bưu gửi", "By kind"),
    "key_figures": ("Số liệu chính", "Key figures"),
    "charts": ("Biểu đồ", "Charts"),
    "prepared_by": ("Người lập biểu", "Prepared by"),
    "head": ("Thủ trưởng đơn vị", "Head of the office"),
    "sign": ("(Ký, ghi rõ họ tên)", "(Signature and full name)"),
    "sign_seal": ("(Ký, ghi rõ họ tên, đóng dấu)", "(Signature, full name and seal)"),
    "date_line": ("{place}, ngày …… tháng …… năm ……", "{place}, date ……………………"),
    "nation": ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "SOCIALIST REPUBLIC OF VIET NAM"),
    "motto": ("Độc lập - Tự do - Hạnh phúc", "Independence - Freedom - Happiness"),
    "title_official": ("BÁO CÁO TÌNH HÌNH CUNG CẤP DỊCH VỤ BƯU CHÍNH KT1 — {when}",
                       "REPORT ON THE PROVISION OF THE KT1 POSTAL SERVICE — {when}"),
    "title_general": ("BÁO CÁO DỊCH VỤ BƯU CHÍNH KT1", "KT1 POSTAL SERVICE REPORT"),
    "sec_volume": ("I. SẢN LƯỢNG", "I. VOLUME"),
    "sec_revenue": ("II. DOANH THU", "II. REVENUE"),
    "sec_adoption": ("III. MỨC ĐỘ SỬ DỤNG DỊCH VỤ CỦA CÁC CƠ QUAN", "III. ADOPTION BY THE AGENCIES"),
    "sec_quality": ("IV. CHẤT LƯỢNG DỊCH VỤ VÀ KHIẾU NẠI", "IV. SERVICE QUALITY AND COMPLAINTS"),
    "sec_appendix": ("V. PHỤ LỤC", "V. APPENDIX"),
    "adoption_note": ("Cơ quan thuộc diện: cơ quan của tỉnh thuộc Phụ lục I hoặc II, còn hoạt động trong kỳ.",
                      "Eligible: agencies of the province in Appendix I or II, in force during the period."),
}


def t(lang: str, key: str, **values) -> str:
    vi, en = _WORDS[key]
    text = en if lang == "en" else vi
    return text.format(**values) if values else text


def layout_for(report: dict, layout: str | None = None) -> str:
    """The layout asked for, else the period's: a half-year's or a year's report, or the general one."""
    if layout is not None:
        if layout not in LAYOUTS:
            raise Kt1Error("report_layout", value=layout, layouts=", ".join(LAYOUTS))
        return layout
    return {"half": "half-year", "year": "annual"}.get(report["period"]["kind"], "general")


# -- numbers as people read them ------------------------------------------------------------------

def money(vnd: int | None, lang: str) -> str:
    return formats.money(vnd, lang) if vnd is not None else t(lang, "no_data")


def num(value: int | None, lang: str) -> str:
    return formats.number(value, lang) if value is not None else t(lang, "no_data")


def pct(value: float | None, lang: str) -> str:
    """56.8 → '56,8%' (vi) / '56.8%' (en), one decimal as the report gives it; None → no data."""
    if value is None:
        return t(lang, "no_data")
    text = f"{value:.1f}"
    return (text if lang == "en" else text.replace(".", ",")) + "%"


def adoption_text(used: int | None, eligible: int | None, value: float | None, lang: str) -> str:
    """'25/44 (56,8%)', or no data when nothing is eligible."""
    if value is None or not eligible:
        return f"{used or 0}/{eligible or 0} ({t(lang, 'no_data')})"
    return f"{used}/{eligible} ({pct(value, lang)})"


def day_text(iso: str) -> str:
    return formats.day(date.fromisoformat(iso))


def month_text(month: str) -> str:
    """'2019-05' → '05/2019'."""
    return f"{month[5:7]}/{month[:4]}"


def when_text(report: dict, lang: str) -> str:
    """What the title says of the period: 'NĂM 2019', '6 THÁNG ĐẦU NĂM 2019' (upper case), else its label."""
    period = report["period"]
    start, end = date.fromisoformat(period["from"]), date.fromisoformat(period["to"])
    if period["kind"] == "year":
        return f"YEAR {start.year}" if lang == "en" else f"NĂM {start.year}"
    if period["kind"] == "half":
        first = start.month == 1
        if lang == "en":
            return f"{'FIRST' if first else 'SECOND'} HALF OF {start.year}"
        return f"6 THÁNG {'ĐẦU' if first else 'CUỐI'} NĂM {start.year}"
    label = (period.get("label") or {}).get(lang) or f"{formats.day(start)} – {formats.day(end)}"
    return fonts.nfc(label).upper()


# -- building blocks ------------------------------------------------------------------------------

def clip(text: object, font: str, size: float, width_mm: float) -> str:
    """``text`` cut with '…' to fit one line of ``width_mm`` (plain tables do not wrap)."""
    text = fonts.nfc(text)
    limit = width_mm * mm - 4
    if fonts.width(text, font, size) <= limit:
        return text
    while text and fonts.width(text + "…", font, size) > limit:
        text = text[:-1]
    return text.rstrip() + "…"


def long_table(rows: list[list[str]], widths_mm: list[float], *, align_right=(), clip_cols=(), size=7.5) -> list:
    """A table of any length: one-line cells (clipped where asked), the heading repeated on every page,
    in tables of ``LONG_ROWS`` rows (platypus splits one huge table in time that grows with its length)."""
    head, body = rows[0], rows[1:]
    if clip_cols:
        body = [[clip(c, fonts.REGULAR, size, widths_mm[k]) if k in clip_cols else c for k, c in enumerate(r)]
                for r in body]
    if not body:
        return [a4.plain_table([head], widths_mm, align_right=align_right, size=size)]
    return [a4.plain_table([head] + body[i:i + LONG_ROWS], widths_mm, align_right=align_right, size=size)
            for i in range(0, len(body), LONG_ROWS)]


def chart_image(figure, width_mm: float = 180) -> Image:
    """A matplotlib figure on paper: a PNG at ``CHART_DPI``, drawn ``width_mm`` wide."""
    from .charts import png_bytes

    png = png_bytes(figure, dpi=CHART_DPI)
    picture = Image(io.BytesIO(png))
    scale = width_mm * mm / picture.imageWidth
    picture.drawWidth, picture.drawHeight = picture.imageWidth * scale, picture.imageHeight * scale
    return picture


def charts_story(report: dict, lang: str, names: tuple[str, ...]) -> list:
    from . import charts

    return [KeepTogether([Spacer(1, 2 * mm), chart_image(getattr(charts, name)(report, lang))]) for name in names]


def national_heading(office: dict, lang: str) -> Table:
    """The heading of an administrative report: the office on the left, the nation and motto on the right."""
    st = a4.styles()
    centre = ParagraphStyle("hc", parent=st["base"], alignment=TA_CENTER, fontSize=9.5, leading=12)
    bold = ParagraphStyle("hb", parent=centre, fontName=fonts.BOLD)
    left = [a4.para(fonts.nfc(office.get("name", "")).upper(), bold),
            a4.para(f"{t(lang, 'code')}: {office.get('code', '')}", centre)]
    right = [a4.para(t(lang, "nation"), bold), a4.para(t(lang, "motto"), bold)]
    grid = Table([[left, right]], colWidths=[a4.WIDTH * 0.42, a4.WIDTH * 0.58])
    grid.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                              ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
    return grid


def signature_blocks(place: str, sides: list[tuple[str, str]], lang: str) -> KeepTogether:
    """'Phú Yên, ngày … tháng … năm …' over the last block, then each (title, how to sign) side by side,
    with room to sign."""
    st = a4.styles()
    centre = ParagraphStyle("sc", parent=st["base"], alignment=TA_CENTER)
    italic = ParagraphStyle("si", parent=centre, fontSize=8.5, textColor=colors.HexColor("#333333"))
    bold = ParagraphStyle("sb", parent=centre, fontName=fonts.BOLD, fontSize=10.5)
    n = len(sides)
    dates = [""] * (n - 1) + [a4.para(t(lang, "date_line", place=place or "……"), italic)]
    titles = [[a4.para(title, bold), a4.para(how, italic), Spacer(1, 22 * mm)] for title, how in sides]
    grid = Table([dates, titles], colWidths=[a4.WIDTH / n] * n)
    style = [("VALIGN", (0, 0), (-1, -1), "TOP")]
    if n >= 3:  # the date line is wider than a third of the page: over the last two blocks, right-aligned
        dates[-2], dates[-1] = a4.para(t(lang, "date_line", place=place or "……"),
                                       ParagraphStyle("sr", parent=italic, alignment=2)), ""
        grid = Table([dates, titles], colWidths=[a4.WIDTH / n] * n)
        style.append(("SPAN", (n - 2, 0), (n - 1, 0)))
    grid.setStyle(TableStyle(style))
    return KeepTogether([Spacer(1, 6 * mm), grid])


def write_atomically(path, data: bytes) -> Path:
    """Write ``data`` to ``path`` by a temporary file and one rename: never a half-written PDF."""
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=".~", suffix=".pdf", dir=path.parent)
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(data)
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError as err:
        raise Kt1Error("file_unwritable", path=str(path), reason=err.strerror or str(err)) from None
    return path


# -- the report's parts ---------------------------------------------------------------------------

def volume_pairs(r: dict, lang: str) -> list[tuple[str, str]]:
    kinds, marks, secrecy, scope = r["by_kind"], r["by_mark"], r["by_secrecy"], r["by_scope"]
    return [
        (t(lang, "items"), num(r["items"], lang)),
        (t(lang, "pieces"), num(r["pieces"], lang)),
        (t(lang, "kind"), " · ".join(f"{t(lang, k)} {num(kinds.get(k, {}).get('items', 0), lang)}"
                                      for k in ("thu", "goi", "kien"))),
        (t(lang, "marks"), f"{t(lang, 'hoa_toc')} {num(marks.get('hoa_toc', 0), lang)} · "
                           f"{t(lang, 'hen_gio')} {num(marks.get('hen_gio', 0), lang)} · "
                           f"{t(lang, 'no_mark')} {num(marks.get('none', 0), lang)}"),
        (t(lang, "secrecy"), " · ".join(f"{k} {num(secrecy.get(k, 0), lang)}" for k in ("A", "B", "C"))
         + f" · {t(lang, 'not_secret')} {num(secrecy.get('none', 0), lang)}"),
        (t(lang, "scope"), f"{t(lang, 'noi-tinh')} {num(scope.get('noi-tinh', 0), lang)} · "
                           f"{t(lang, 'lien-tinh')} {num(scope.get('lien-tinh', 0), lang)}"),
        (t(lang, "off_hours"), f"{num(r['after_hours'], lang)} · {num(r['weekends'], lang)} · "
                               f"{num(r['holidays'], lang)}"),
    ]


def revenue_pairs(r: dict, lang: str) -> list[tuple[str, str]]:
    return [(t(lang, "fees"), money(r["fees_vnd"], lang)), (t(lang, "vat"), money(r["vat_vnd"], lang)),
            (t(lang, "total"), money(r["total_vnd"], lang))]


def quality_pairs(r: dict, lang: str) -> list[tuple[str, str]]:
    on_time = r.get("on_time")
    if on_time is None or r.get("on_time_pct") is None:
        on_time_text = t(lang, "no_data")
    else:
        on_time_text = t(lang, "on_time_of", pct=pct(r["on_time_pct"], lang), n=num(on_time["on_time"], lang),
                         known=num(on_time["known"], lang))
    complaints = r.get("complaints")
    if complaints is None:
        complaint_rows = [(t(lang, "complaints"), t(lang, "no_data"))]
    else:
        complaint_rows = [(t(lang, "complaints"), t(lang, "complaints_of", **{k: num(complaints[k], lang) for k in
                                                                            ("lodged", "answered", "late", "open")})),
                          (t(lang, "compensation"), money(complaints["compensation_vnd"], lang))]
    return [(t(lang, "on_time"), on_time_text), *complaint_rows,
            (t(lang, "refusals"), num(r["refusals"], lang)), (t(lang, "voided"), num(r["voided"], lang))]


def adoption_pair(r: dict, lang: str) -> tuple[str, str]:
    return t(lang, "adoption"), adoption_text(r["agencies_used"], r["agencies_eligible"], r["adoption_pct"], lang)


def payer_table(r: dict, lang: str) -> Table:
    rows = [[t(lang, "payer"), t(lang, "count"), t(lang, "fees"), t(lang, "vat"), t(lang, "total")]]
    for key in ("cash", "account", "free"):
        p = r["by_payment"].get(key) or {"items": 0, "fees_vnd": 0, "vat_vnd": 0, "total_vnd": 0}
        rows.append([t(lang, key), num(p["items"], lang), money(p["fees_vnd"], lang), money(p["vat_vnd"], lang),
                     money(p["total_vnd"], lang)])
        if key == "free":
            for reason in ("appendix-I", "central-office"):
                rows.append([t(lang, reason), num((r.get("free") or {}).get(reason, 0), lang), "", "", ""])
    rows.append([t(lang, "total_row"), num(r["items"], lang), money(r["fees_vnd"], lang), money(r["vat_vnd"], lang),
                 money(r["total_vnd"], lang)])
    return a4.table(rows, [52, 20, 37, 34, 37] if lang == "en" else [62, 24, 32, 30, 32], align_right=(1, 2, 3, 4),
                    bold_last=True)


def kind_table(r: dict, lang: str) -> Table:
    rows = [[t(lang, "kind"), t(lang, "count"), t(lang, "fees")]]
    for key in ("thu", "goi", "kien"):
        k = r["by_kind"].get(key) or {"items": 0, "fees_vnd": 0}
        rows.append([t(lang, key), num(k["items"], lang), money(k["fees_vnd"], lang)])
    return a4.table(rows, [60, 40, 50], align_right=(1, 2))


def month_table(r: dict, lang: str) -> list:
    rows = [[t(lang, "month"), t(lang, "count"), t(lang, "fees"), t(lang, "vat"), t(lang, "total")]]
    for m in r["by_month"]:
        rows.append([month_text(m["month"]), num(m["items"], lang), money(m["fees_vnd"], lang),
                     money(m["vat_vnd"], lang), money(m["total_vnd"], lang)])
    rows.append([t(lang, "total_row"), num(sum(m["items"] for m in r["by_month"]), lang),
                 money(sum(m["fees_vnd"] for m in r["by_month"]), lang),
                 money(sum(m["vat_vnd"] for m in r["by_month"]), lang),
                 money(sum(m["total_vnd"] for m in r["by_month"]), lang)])
    return long_table(rows, [30, 30, 42, 38, 40], align_right=(1, 2, 3, 4), size=8)


def adoption_table(r: dict, lang: str) -> Table:
    rows = [[t(lang, "year"), t(lang, "used"), t(lang, "eligible"), t(lang, "rate")]]
    for y in r.get("adoption_by_year") or []:
        rows.append([str(y["year"]), num(y["used"], lang), num(y["eligible"], lang), pct(y.get("pct"), lang)])
    return a4.table(rows, [30, 40, 40, 50], align_right=(1, 2, 3))


def sender_table(r: dict, lang: str) -> list:
    if not r["by_sender"]:
        return [a4.para(t(lang, "none"), a4.styles()["muted"])]
    rows = [[t(lang, "no"), t(lang, "code"), t(lang, "sender"), t(lang, "count"), t(lang, "short_fees"),
             t(lang, "short_vat"), t(lang, "total")]]
    for n, s in enumerate(r["by_sender"], 1):
        rows.append([str(n), s["code"], s["name"], num(s["items"], lang), money(s["fees_vnd"], lang),
                     money(s["vat_vnd"], lang), money(s["total_vnd"], lang)])
    widths = [9, 18, 50, 17, 30, 26, 30] if lang == "en" else [9, 18, 60, 17, 26, 24, 26]
    return long_table(rows, widths, align_right=(0, 3, 4, 5, 6), clip_cols=(1, 2))


def destination_table(r: dict, lang: str) -> list:
    if not r["by_destination"]:
        return [a4.para(t(lang, "none"), a4.styles()["muted"])]
    rows = [[t(lang, "no"), t(lang, "destination"), t(lang, "count"), t(lang, "fees")]]
    for n, d in enumerate(r["by_destination"], 1):
        rows.append([str(n), d["province"], num(d["items"], lang), money(d["fees_vnd"], lang)])
    return long_table(rows, [12, 90, 36, 42], align_right=(0, 2, 3), clip_cols=(1,))


# -- the two kinds of report ------------------------------------------------------------------------

def _period_lines(r: dict, lang: str) -> list[tuple[str, str]]:
    office = r["office"]
    generated = r.get("generated_at")
    lines = [(t(lang, "office"), f"{office.get('name', '')} ({office.get('code', '')})"),
             (t(lang, "period"), t(lang, "from_to", a=day_text(r["period"]["from"]), b=day_text(r["period"]["to"])))]
    if generated:
        lines.append((t(lang, "generated"), formats.moment(clock.parse_iso(generated))))
    return lines


def _closing(r: dict, lang: str, heading, tables: list) -> list:
    """The last table and the signatures: its last part (with its heading when it has one part) is kept on
    the signatures' page, so they never stand alone on a page of their own."""
    signatures = signature_blocks(r["office"].get("province", ""),
                                  [(t(lang, "prepared_by"), t(lang, "sign")), (t(lang, "head"), t(lang, "sign_seal"))],
                                  lang)
    if len(tables) == 1:
        return [KeepTogether([heading, tables[0], signatures])]
    return [heading, *tables[:-1], KeepTogether([tables[-1], signatures])]


def _official(r: dict, lang: str, with_charts: bool) -> list:
    st = a4.styles()
    h = st["heading"]
    story = [national_heading(r["office"], lang), Spacer(1, 6 * mm),
             a4.para(t(lang, "title_official", when=when_text(r, lang)), st["title"]), Spacer(1, 2 * mm),
             a4.pairs(_period_lines(r, lang), label_mm=40)]
    story += [a4.para(t(lang, "sec_volume"), h), a4.pairs(volume_pairs(r, lang), label_mm=62)]
    if with_charts:
        story += charts_story(r, lang, ("volume_by_month", "share_by_mark"))
    story += [CondPageBreak(40 * mm), a4.para(t(lang, "by_month"), st["bold"]), *month_table(r, lang)]
    story += [CondPageBreak(60 * mm), a4.para(t(lang, "sec_revenue"), h), a4.pairs(revenue_pairs(r, lang), label_mm=62),
              Spacer(1, 2 * mm), a4.para(t(lang, "by_payer"), st["bold"]), payer_table(r, lang),
              Spacer(1, 2 * mm), a4.para(t(lang, "by_kind"), st["bold"]), kind_table(r, lang)]
    adoption_label, adoption_value = adoption_pair(r, lang)
    story += [CondPageBreak(60 * mm), a4.para(t(lang, "sec_adoption"), h),
              a4.pairs([(adoption_label, adoption_value)], label_mm=95),
              a4.para(t(lang, "adoption_note"), st["muted"]), Spacer(1, 1 * mm), adoption_table(r, lang)]
    if with_charts:
        story += charts_story(r, lang, ("adoption_by_year",))
    story += [CondPageBreak(40 * mm), a4.para(t(lang, "sec_quality"), h), a4.pairs(quality_pairs(r, lang), label_mm=62)]
    story += [CondPageBreak(40 * mm), a4.para(t(lang, "sec_appendix"), h),
              a4.para(f"1. {t(lang, 'by_sender')}", st["bold"]), *sender_table(r, lang), Spacer(1, 3 * mm),
              *_closing(r, lang, a4.para(f"2. {t(lang, 'by_destination')}", st["bold"]), destination_table(r, lang))]
    return story


def _general(r: dict, lang: str, with_charts: bool) -> list:
    st = a4.styles()
    h = st["heading"]
    label = (r["period"].get("label") or {}).get(lang) or ""
    story = [a4.para(r["office"].get("name", ""), st["bold"]),
             a4.para(f"{t(lang, 'code')}: {r['office'].get('code', '')}", st["small"]), Spacer(1, 3 * mm),
             a4.para(t(lang, "title_general"), st["title"]), a4.para(label, st["subtitle"]), Spacer(1, 2 * mm),
             a4.pairs(_period_lines(r, lang), label_mm=40),
             a4.para(t(lang, "key_figures"), h),
             a4.pairs(volume_pairs(r, lang) + revenue_pairs(r, lang) + [adoption_pair(r, lang)]
                      + quality_pairs(r, lang), label_mm=70),
             Spacer(1, 2 * mm), a4.para(t(lang, "by_payer"), st["bold"]), payer_table(r, lang)]
    if with_charts:
        story += [CondPageBreak(90 * mm), a4.para(t(lang, "charts"), h)]
        story += charts_story(r, lang, ("volume_by_month", "share_by_mark", "adoption_by_year"))
    story += [CondPageBreak(40 * mm), a4.para(t(lang, "by_month"), h), *month_table(r, lang),
              CondPageBreak(40 * mm), a4.para(t(lang, "by_sender"), h), *sender_table(r, lang),
              CondPageBreak(40 * mm), *_closing(r, lang, a4.para(t(lang, "by_destination"), h), destination_table(r, lang))]
    return story


def report_title(report: dict, lang: str = "vi", layout: str | None = None) -> str:
    if layout_for(report, layout) == "general":
        label = (report["period"].get("label") or {}).get(lang) or ""
        return f"{t(lang, 'title_general')} — {label}"
    return t(lang, "title_official", when=when_text(report, lang))


def report_pdf_bytes(report: dict, lang: str = "vi", layout: str | None = None, *, with_charts: bool = True) -> bytes:
    """The report's PDF (see the module's doc); ``with_charts=False`` leaves the charts out."""
    chosen = layout_for(report, layout)
    story = (_general if chosen == "general" else _official)(report, lang, with_charts)
    footer = f"KT1 · {report['office'].get('name', '')} · {(report['period'].get('label') or {}).get(lang, '')}"
    return a4.build(story, footer, page="Page" if lang == "en" else "Trang")


def report_pdf(report: dict, path, lang: str = "vi", layout: str | None = None, *, with_charts: bool = True) -> Path:
    """Write the report's PDF to ``path`` (by a temporary file: never half a PDF) and return the path."""
    return write_atomically(path, report_pdf_bytes(report, lang, layout, with_charts=with_charts))


def statement_pdf(statement: dict, path, lang: str = "vi") -> Path:
    """An agency's monthly statement (``statement.statement``) on A4; see ``statement_paper``."""
    from .statement_paper import statement_pdf_bytes

    return write_atomically(path, statement_pdf_bytes(statement, lang))
