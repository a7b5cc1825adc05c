"""The item label: one per page, 100 × 150 mm by default (203-dpi thermal), batch order kept.

From the top: the big KT1 mark with the item's marks (secrecy LETTER in a black
box, never its word; HỎA TỐC; HẸN GIỜ with its time), the Code 128 of the S10
id with its quiet zones and the id readable below, the recipient (largest), the
sender, then kind, weight, pieces, acceptance time and deadline.
"""

from __future__ import annotations

import io

from reportlab.lib.units import mm

from .. import formats
from ..services import items as items_service
from ..services import office as office_service
from ..storage import Store
from . import barcodes, common, fonts

MIN_SIZE_MM = (70.0, 90.0)


class Pen:
    """Draws top-down in millimetres from a cursor; wraps and shrinks text to the width."""

    def __init__(self, canvas, width_mm: float, height_mm: float, margin_mm: float):
        self.c = canvas
        self.left = margin_mm
        self.right = width_mm - margin_mm
        self.y = height_mm - margin_mm  # cursor, mm from the bottom
        self.bottom = margin_mm

    @property
    def width(self) -> float:
        return self.right - self.left

    def text(self, text: str, size: float, *, bold: bool = False, lines: int = 1, gap: float = 0.6,
             x: float | None = None, max_width: float | None = None) -> None:
        font = fonts.BOLD if bold else fonts.REGULAR
        x = self.left if x is None else x
        room = (max_width or (self.right - x)) * mm
        text = fonts.nfc(text)
        wrapped = fonts.wrap(text, font, size, room)
        if len(wrapped) > lines:
            # Keep every word: shrink until it fits the lines allowed (a name is never cut).
            while len(wrapped) > lines and size > 5.5:
                size -= 0.5
                wrapped = fonts.wrap(text, font, size, room)
        self.c.setFont(font, size)
        for line in wrapped:
            line_size = fonts.fit_size(line, font, size, room, 4.5)
            self.c.setFont(font, line_size)
            self.y -= size * 0.3528 * 1.0
            self.c.drawString(x * mm, self.y * mm, line)
            self.y -= size * 0.3528 * 0.22
        self.y -= gap

    def caption(self, text: str) -> None:
        self.text(text, 6.5, gap=0.3)

    def rule(self, gap: float = 1.6, weight: float = 0.6) -> None:
        self.y -= gap
        self.c.setLineWidth(weight)
        self.c.line(self.left * mm, self.y * mm, self.right * mm, self.y * mm)
        self.y -= gap


def box(canvas, x: float, y: float, w: float, h: float, text: str, size: float, *, inverse: bool) -> None:
    canvas.saveState()
    if inverse:
        canvas.setFillColorRGB(0, 0, 0)
        canvas.rect(x * mm, y * mm, w * mm, h * mm, stroke=0, fill=1)
        canvas.setFillColorRGB(1, 1, 1)
    else:
        canvas.setLineWidth(1.6)
        canvas.rect(x * mm, y * mm, w * mm, h * mm, stroke=1, fill=0)
    canvas.setFont(fonts.BOLD, size)
    canvas.drawCentredString((x + w / 2) * mm, (y + h / 2) * mm - size * 0.36, text)
    canvas.restoreState()


def draw_label(canvas, item: dict, office: dict, width_mm: float, height_mm: float) -> None:
    """One label for ``item`` on the current page of ``canvas``."""
    margin = 4.0 if width_mm >= 90 else 3.0
    pen = Pen(canvas, width_mm, height_mm, margin)
    scale = min(width_mm / 100.0, (height_mm / 150.0) ** 0.5, 1.0)
    c = canvas

    # -- KT1 mark and the item's marks --------------------------------------
    band = 16.0 * max(scale, 0.8)
    top = pen.y
    c.setFont(fonts.BOLD, 34 * max(scale, 0.8))
    c.drawString(pen.left * mm, (top - band + 2.5) * mm, "KT1")
    x = pen.right
    if item.get("secrecy"):
        x -= band
        box(c, x, top - band, band, band, item["secrecy"], 34 * max(scale, 0.8), inverse=True)
        x -= 2
    if item.get("hoa_toc") and not item.get("hen_gio_at"):
        w = 30 * max(scale, 0.8)
        x -= w
        box(c, x, top - band, w, band, "HỎA TỐC", 11 * max(scale, 0.8), inverse=False)
    elif item.get("hen_gio_at"):
        # Hẹn giờ with its time; with Hỏa tốc too (the marks combine), both words in one box.
        both = bool(item.get("hoa_toc"))
        w = 34 * max(scale, 0.8)
        x -= w
        c.saveState()
        c.setLineWidth(1.6)
        c.rect(x * mm, (top - band) * mm, w * mm, band * mm, stroke=1, fill=0)
        c.setFont(fonts.BOLD, (8 if both else 10) * max(scale, 0.8))
        if both:
            c.drawCentredString((x + w / 2) * mm, (top - band * 0.30) * mm, "HỎA TỐC")
            c.drawCentredString((x + w / 2) * mm, (top - band * 0.58) * mm, "HẸN GIỜ")
        else:
            c.drawCentredString((x + w / 2) * mm, (top - band * 0.42) * mm, "HẸN GIỜ")
        c.setFont(fonts.BOLD, 7.5 * max(scale, 0.8))
        c.drawCentredString((x + w / 2) * mm, (top - band * 0.85) * mm, common.when(item["hen_gio_at"]))
        c.restoreState()
    pen.y = top - band
    pen.rule(gap=1.8, weight=1.2)

    # -- barcode ------------------------------------------------------------------
    bar_mm = 18.0 if height_mm >= 120 else 12.5
    module = barcodes.fit_module(item["id"], pen.width)
    total = barcodes.width_mm(item["id"], module)
    x0 = pen.left + (pen.width - total) / 2
    x0 = round(x0 / barcodes.DOT_MM) * barcodes.DOT_MM  # bars start on a whole dot of the head
    text_size = 14 * max(scale, 0.85)
    pen.y -= bar_mm + 1.0
    barcodes.draw(c, item["id"], x0, pen.y, module_mm=module, bar_mm=bar_mm, text_size=text_size)
    pen.y -= text_size * 0.3528 * 1.3 + 0.5
    pen.rule(gap=1.4)

    # -- recipient, sender ------------------------------------------------------
    pen.caption(f"NGƯỜI NHẬN · {item['recipient_code']}")
    pen.text(item["recipient_name"], 16 * scale, bold=True, lines=3, gap=0.6)
    address = ", ".join(p for p in (item.get("recipient_address"), item.get("recipient_province")) if p)
    pen.text(address, 11 * scale, lines=3, gap=0.2)
    pen.rule(gap=1.4)
    pen.caption(f"NGƯỜI GỬI · {item['sender_code']}")
    pen.text(item["sender_name"], 11 * scale, bold=True, lines=2)
    pen.rule(gap=1.4)

    # -- what was accepted, when, by when ----------------------------------------
    half = pen.width / 2
    size = 11 * scale
    y = pen.y
    pen.caption("LOẠI · KHỐI LƯỢNG · SỐ KIỆN")
    pen.text(f"{common.kind(item)} · {formats.weight(item['weight_g'])} · {item['pieces']} kiện", size, bold=True,
             max_width=half - 2)
    left_y = pen.y
    pen.y = y
    pen.text("PHẠM VI", 6.5, x=pen.left + half, gap=0.3)
    pen.text(common.SCOPES.get(item["scope"], item["scope"]), size, bold=True, x=pen.left + half)
    pen.y = min(pen.y, left_y) - 0.6
    y = pen.y
    pen.caption("NHẬN LÚC")
    pen.text(common.when(item["accepted_at"]), size, bold=True, max_width=half - 2)
    left_y = pen.y
    pen.y = y
    pen.text("HẠN PHÁT", 6.5, x=pen.left + half, gap=0.3)
    pen.text(common.when(item["deadline"]), size, bold=True, x=pen.left + half)
    pen.y = min(pen.y, left_y)
    pen.y = min(pen.y, pen.bottom + 7 * scale)  # the office line sits at the foot of the label
    pen.rule(gap=1.2, weight=0.4)
    pen.text(f"{office['name']} · {office['code']} · quầy {item.get('counter_code') or ''}".strip(" ·"),
             8 * scale, lines=2, gap=0)


def label_pdf(store: Store, item_ids: list[str], *, size: tuple[float, float] = (100, 150)) -> bytes:
    """Labels for ``item_ids``, one per page in the order given. Raises Kt1Error for an unknown id."""
    width_mm, height_mm = float(size[0]), float(size[1])
    if width_mm < MIN_SIZE_MM[0] or height_mm < MIN_SIZE_MM[1]:
        raise ValueError(f"label size {size} below {MIN_SIZE_MM} mm")
    office = office_service.get_office(store)
    rows = [items_service.get_item(store, item_id) for item_id in item_ids]
    buffer = io.BytesIO()
    title = "Nhãn " + (rows[0]["id"] if len(rows) == 1 else f"{len(rows)} bưu gửi")
    canvas = common.new_canvas(buffer, width_mm, height_mm, title)
    for row in rows:
        draw_label(canvas, row, office, width_mm, height_mm)
        canvas.showPage()
    common.save(canvas)
    return buffer.getvalue()
