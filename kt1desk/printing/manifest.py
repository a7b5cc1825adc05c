"""The daily manifest (bảng kê) on A4 landscape: one section per manifest, each numbered "Trang 1/N".

Each section: the office, the title, the day and destination, the manifest's id
as a Code 128 barcode, its state (open, or closed when and by whom; what it
corrects and why), then numbered rows — id, sender, recipient, kind, weight,
pieces, marks (secrecy LETTER only, HT = Hỏa tốc, HG = Hẹn giờ with its
time) — the totals, and signature blocks for handing over and receiving.
Names are never cut: a long one is set smaller to fit its column.
"""

from __future__ import annotations

import io
from functools import lru_cache

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm

from .. import clock, formats
from ..services import manifests as manifest_service
from ..services import office as office_service
from ..storage import Store
from . import barcodes, common, fonts

PAGE_W_MM, PAGE_H_MM = (v / mm for v in landscape(A4))
MARGIN = 10.0
HEADER_FIRST = 40.0  # mm above the table on a section's first page
HEADER_NEXT = 10.0  # on its further pages
TABLE_HEAD = 7.0
FOOTER = 9.0
ROW = 5.6
CLOSING = 48.0  # totals row and signature blocks
ROW_SIZE = 8.0
_BODY = PAGE_H_MM - 2 * MARGIN - TABLE_HEAD - FOOTER
ROWS_FIRST = int((_BODY - HEADER_FIRST) // ROW)
ROWS_NEXT = int((_BODY - HEADER_NEXT) // ROW)

# (title, width mm, align)
COLUMNS = [
    ("STT", 10.0, "right"),
    ("Số hiệu", 33.0, "left"),
    ("Cơ quan gửi", 78.0, "left"),
    ("Cơ quan nhận", 78.0, "left"),
    ("Loại", 12.0, "left"),
    ("Khối lượng", 20.0, "right"),
    ("Số kiện", 13.0, "right"),
    ("Dấu hiệu", 33.0, "left"),
]


def pages_for(count: int) -> list[tuple[int, int]]:
    """Row ranges [start, end) of each page of a section with ``count`` rows.

    A last page of its own (no rows) carries the totals and signatures when they do not fit.
    """
    pages, start, capacity = [], 0, ROWS_FIRST
    while True:
        end = min(count, start + capacity)
        pages.append((start, end))
        start, capacity = end, ROWS_NEXT
        if start >= count:
            break
    room = (ROWS_FIRST if len(pages) == 1 else ROWS_NEXT) - (pages[-1][1] - pages[-1][0])
    if room * ROW < CLOSING:
        pages.append((count, count))
    return pages


@lru_cache(maxsize=8192)
def _fit(text: str, font: str, size: float, width_pt: float) -> float:
    return fonts.fit_size(text, font, size, width_pt, 4.0)


def _cells(row: dict) -> list[str]:
    return [
        str(row["row_no"]), row["id"], fonts.nfc(row["sender_name"]), fonts.nfc(row["recipient_name"]),
        common.kind(row), formats.weight(row["weight_g"]), str(row["pieces"]),
        " · ".join(common.marks(row, short=True)),
    ]


class _Section:
    def __init__(self, canvas, manifest: dict, office: dict):
        self.c, self.m, self.office = canvas, manifest, office
        self.rows = manifest["rows"]
        self.pages = pages_for(len(self.rows))
        self.x = [MARGIN]
        for _title, width, _align in COLUMNS:
            self.x.append(self.x[-1] + width)

    def draw(self) -> None:
        for number, (start, end) in enumerate(self.pages, 1):
            top = PAGE_H_MM - MARGIN
            y = self._header_first(top) if number == 1 else self._header_next(top)
            if end > start or number == 1:
                y = self._table_head(y)
                y = self._rows(y, self.rows[start:end])
                if not self.rows:
                    self.c.setFont(fonts.REGULAR, 9)
                    self.c.drawString(MARGIN * mm, (y - 5) * mm, "(Không có bưu gửi nào.)")
                    y -= 7
            if number == len(self.pages):
                self._closing(y)
            self._footer(number)
            self.c.showPage()

    # -- parts --------------------------------------------------------------------
    def _header_first(self, top: float) -> float:
        c, m = self.c, self.m
        c.setFont(fonts.BOLD, 10)
        c.drawString(MARGIN * mm, (top - 4) * mm, fonts.nfc(self.office["name"]))
        c.setFont(fonts.REGULAR, 8.5)
        c.drawString(MARGIN * mm, (top - 8.5) * mm, f"Mã bưu cục {self.office['code']}")
        centre = PAGE_W_MM / 2
        c.setFont(fonts.BOLD, 16)
        c.drawCentredString(centre * mm, (top - 7) * mm, "BẢNG KÊ BƯU GỬI KT1")
        c.setFont(fonts.REGULAR, 11)
        day = formats.day(clock.parse_date(m["day"]))
        c.drawCentredString(centre * mm, (top - 13) * mm, f"Ngày {day} · Nơi đến: {fonts.nfc(m['destination'])}")
        # The manifest's own id, barcoded, top right.
        module = 0.33
        width = barcodes.width_mm(m["id"], module)
        barcodes.draw(c, m["id"], PAGE_W_MM - MARGIN - width, top - 13, module_mm=module, bar_mm=10, text_size=9)
        # State and history.
        lines = []
        if m["status"] == "closed":
            who = f" bởi {m['closed_by_name']}" if m.get("closed_by_name") else ""
            lines.append((fonts.BOLD, f"ĐÃ CHỐT lúc {common.when(m['closed_at'])}{who}"))
        else:
            lines.append((fonts.BOLD, "CHƯA CHỐT — bảng kê còn có thể thay đổi"))
        if m.get("bag_id"):
            lines.append((fonts.BOLD, f"Bảng kê của túi {m['bag_id']}"
                          + (f" · số niêm phong {m['seal_no']}" if m.get("seal_no") else "")))
        if m.get("corrects"):
            lines.append((fonts.REGULAR, f"Điều chỉnh bảng kê {m['corrects']} — lý do: {fonts.nfc(m['reason'])}"))
        if m.get("corrected_by"):
            lines.append((fonts.BOLD, f"Đã được điều chỉnh bằng bảng kê {m['corrected_by']}"))
        y = top - 22
        for font, text in lines:
            size = _fit(text, font, 9, (PAGE_W_MM - 2 * MARGIN) * mm)
            c.setFont(font, size)
            c.drawString(MARGIN * mm, y * mm, text)
            y -= 4.5
        return top - HEADER_FIRST

    def _header_next(self, top: float) -> float:
        m = self.m
        self.c.setFont(fonts.BOLD, 9)
        day = formats.day(clock.parse_date(m["day"]))
        self.c.drawString(MARGIN * mm, (top - 5) * mm,
                          f"BẢNG KÊ {m['id']} · Ngày {day} · Nơi đến: {fonts.nfc(m['destination'])} (tiếp theo)")
        return top - HEADER_NEXT

    def _table_head(self, y: float) -> float:
        c = self.c
        c.saveState()
        c.setFillColorRGB(0.88, 0.88, 0.88)
        c.rect(MARGIN * mm, (y - TABLE_HEAD) * mm, (self.x[-1] - MARGIN) * mm, TABLE_HEAD * mm, stroke=0, fill=1)
        c.restoreState()
        c.setFont(fonts.BOLD, 8.5)
        for (title, _w, align), left, right in zip(COLUMNS, self.x, self.x[1:]):
            self._cell(title, left, right, align, y - TABLE_HEAD + 2.2, fonts.BOLD, 8.5)
        return y - TABLE_HEAD

    def _cell(self, text, left, right, align, base, font, size) -> None:
        width = (right - left - 2.8) * mm
        fitted = _fit(text, font, size, width)
        if fitted != size:
            self.c.setFont(font, fitted)
        if align == "right":
            self.c.drawRightString((right - 1.0) * mm, base * mm, text)
        else:
            self.c.drawString((left + 1.8) * mm, base * mm, text)
        if fitted != size:
            self.c.setFont(font, size)

    def _rows(self, y: float, rows: list[dict]) -> float:
        c = self.c
        c.setFont(fonts.REGULAR, ROW_SIZE)
        grid = c.beginPath()
        for row in rows:
            base = y - ROW + 1.7
            for text, (_t, _w, align), left, right in zip(_cells(row), COLUMNS, self.x, self.x[1:]):
                if text:
                    self._cell(text, left, right, align, base, fonts.REGULAR, ROW_SIZE)
            y -= ROW
            grid.moveTo(MARGIN * mm, y * mm)
            grid.lineTo(self.x[-1] * mm, y * mm)
        c.saveState()
        c.setLineWidth(0.3)
        c.setStrokeColorRGB(0.6, 0.6, 0.6)
        c.drawPath(grid, stroke=1, fill=0)
        c.restoreState()
        return y

    def _closing(self, y: float) -> None:
        c, rows = self.c, self.rows
        count = len(rows)
        pieces = sum(r["pieces"] for r in rows)
        grams = sum(r["weight_g"] for r in rows)
        y -= 1.0
        c.setLineWidth(1.0)
        c.line(MARGIN * mm, y * mm, self.x[-1] * mm, y * mm)
        base = y - ROW + 1.5
        c.setFont(fonts.BOLD, 9)
        c.drawString((MARGIN + 1) * mm, base * mm, "Tổng cộng")
        c.drawString((self.x[2] + 1) * mm, base * mm, f"{formats.number(count)} bưu gửi")
        c.drawRightString((self.x[6] - 1) * mm, base * mm, formats.weight(grams))
        c.drawRightString((self.x[7] - 1) * mm, base * mm, formats.number(pieces))
        y -= ROW + 6
        halves = [(MARGIN, PAGE_W_MM / 2), (PAGE_W_MM / 2, PAGE_W_MM - MARGIN)]
        titles = [("BÊN GIAO", f"{fonts.nfc(self.office['name'])}"), ("BÊN NHẬN", "Bưu cục / người nhận túi")]
        for (left, right), (title, who) in zip(halves, titles):
            centre = (left + right) / 2
            c.setFont(fonts.BOLD, 10)
            c.drawCentredString(centre * mm, y * mm, title)
            c.setFont(fonts.REGULAR, 8.5)
            c.drawCentredString(centre * mm, (y - 4.5) * mm, who)
            c.drawCentredString(centre * mm, (y - 9) * mm, "Giờ, ngày giao nhận: ....... giờ ....... ngày ....../....../..........")
            c.setFont(fonts.REGULAR, 7.5)
            c.drawCentredString(centre * mm, (y - 13.5) * mm, "(Ký, ghi rõ họ tên)")
        c.setFont(fonts.REGULAR, 8.5)
        dots = ".............................."
        c.drawString(MARGIN * mm, (y - 36) * mm, f"Số hiệu túi: {self.m.get('bag_id') or dots}   "
                     f"Số niêm phong: {self.m.get('seal_no') or dots}")

    def _footer(self, number: int) -> None:
        c = self.c
        c.setFont(fonts.REGULAR, 8)
        base = MARGIN + 1.0
        c.drawString(MARGIN * mm, base * mm, f"{self.m['id']} · {fonts.nfc(self.m['destination'])}")
        c.drawCentredString(PAGE_W_MM / 2 * mm, base * mm, "Dấu hiệu: HT = Hỏa tốc · HG = Hẹn giờ (giờ hẹn phát)")
        c.drawRightString((PAGE_W_MM - MARGIN) * mm, base * mm, f"Trang {number}/{len(self.pages)}")


def manifest_pdf(store: Store, manifest_ids: list[str] | str) -> bytes:
    """The manifests named, one section each, in the order given."""
    if isinstance(manifest_ids, str):
        manifest_ids = [manifest_ids]
    office = office_service.get_office(store)
    found = [manifest_service.get_manifest(store, mid) for mid in manifest_ids]
    buffer = io.BytesIO()
    canvas = common.new_canvas(buffer, PAGE_W_MM, PAGE_H_MM, "Bảng kê " + ", ".join(m["id"] for m in found))
    draw_sections(canvas, found, office)
    common.save(canvas)
    return buffer.getvalue()


def draw_sections(canvas, manifests: list[dict], office: dict) -> None:
    """One section per manifest (with its rows), in the order given, on A4 landscape pages of ``canvas``."""
    for manifest in manifests:
        _Section(canvas, manifest, office).draw()
