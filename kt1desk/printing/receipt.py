"""The sender's receipt (biên nhận): an 80 mm roll (height as long as the text) or A5.

Office, counter, clerk, the id with its barcode, what was accepted, its marks
(secrecy LETTER only), the fee in đồng or "Miễn cước" with the reason, the
acceptance time and the deadline. A reprint (``copy=True``) says "BẢN SAO" and
which print it is; the caller records the print (``items.record_print``).
"""

from __future__ import annotations

import io

from reportlab.lib.units import mm

from .. import formats
from ..services import items as items_service
from ..services import office as office_service
from ..storage import Store
from . import barcodes, common, fonts

PAPERS = {
    # name: (width mm, height mm or None for a roll, margin mm, text scale)
    "80mm": (80.0, None, 4.0, 1.0),
    "a5": (148.0, 210.0, 12.0, 1.35),
}
PT = 0.3528  # mm per point


def _lines(item: dict, office: dict, copy: bool, print_number: int) -> list[tuple]:
    """The receipt as a list of drawing steps: ("text", str, size, bold, align) | ("pair", label, value) |
    ("barcode",) | ("rule",) | ("space", mm) | ("copy", text)."""
    marks = ["KT1"] + common.marks(item)
    steps: list[tuple] = [
        ("text", office["name"], 10, True, "center"),
        ("text", f"Mã bưu cục {office['code']} · Quầy {item.get('counter_code') or ''}", 8, False, "center"),
        ("space", 1.5),
        ("text", "BIÊN NHẬN BƯU GỬI KT1", 12, True, "center"),
    ]
    if copy:
        steps += [("space", 1.0), ("copy", f"BẢN SAO · lần in thứ {print_number}" if print_number > 1 else "BẢN SAO")]
    steps += [("space", 2.0), ("barcode",), ("rule",),
              ("pair", "Cơ quan gửi", f"{item['sender_name']} ({item['sender_code']})"),
              ("pair", "Cơ quan nhận", f"{item['recipient_name']} ({item['recipient_code']})"),
              ("pair", "Địa chỉ nhận", ", ".join(p for p in (item.get("recipient_address"),
                                                              item.get("recipient_province")) if p)),
              ("pair", "Dịch vụ", " · ".join(marks)),
              ("pair", "Loại", f"{common.kind(item)} · {common.SCOPES.get(item['scope'], item['scope'])}"),
              ("pair", "Khối lượng", formats.weight(item["weight_g"])),
              ("pair", "Số kiện", str(item["pieces"])),
              ("pair", "Nhận lúc", common.when(item["accepted_at"])),
              ("pair", "Hạn phát", common.when(item["deadline"])),
              ("pair", "Giao dịch viên", item.get("clerk_name") or item.get("clerk_login") or ""),
              ("rule",)]
    steps += [("pair", name, value) for name, value in common.fee_lines(item)]
    steps += [("pair_big", "Tổng cộng" if common.fee_lines(item) else "Cước", common.fee(item)),
              *([("text", "Tính theo bảng cước MẪU, không phải bảng cước chính thức.", 7, True, "center")]
                if item.get("tariff_is_sample") else []),
              ("rule",),
              ("sign",),
              ("text", "Giữ biên nhận này để tra cứu và khiếu nại.", 7, False, "center")]
    return steps


class _Receipt:
    def __init__(self, canvas, item, width, margin, scale, top):
        self.c, self.item, self.scale = canvas, item, scale
        self.left, self.right = margin, width - margin
        self.y = top
        self.label_w = 24.0 * scale

    def run(self, steps, draw: bool) -> float:
        start = self.y
        for step in steps:
            getattr(self, "_" + step[0])(*step[1:], draw=draw)
        return start - self.y

    def _write(self, lines, font, size, x, align, draw, right=None):
        right = self.right if right is None else right
        for line in lines:
            self.y -= size * PT
            if draw:
                self.c.setFont(font, size)
                if align == "center":
                    self.c.drawCentredString((x + right) / 2 * mm, self.y * mm, line)
                else:
                    self.c.drawString(x * mm, self.y * mm, line)
            self.y -= size * PT * 0.3

    def _text(self, text, size, bold, align, draw):
        size *= self.scale
        font = fonts.BOLD if bold else fonts.REGULAR
        self._write(fonts.wrap(text, font, size, (self.right - self.left) * mm), font, size, self.left, align, draw)

    def _copy(self, text, draw):
        size = 11 * self.scale
        height = size * PT * 1.9
        if draw:
            self.c.saveState()
            self.c.setLineWidth(1.5)
            self.c.rect(self.left * mm, (self.y - height) * mm, (self.right - self.left) * mm, height * mm)
            self.c.setFont(fonts.BOLD, size)
            self.c.drawCentredString((self.left + self.right) / 2 * mm, (self.y - height * 0.68) * mm, text)
            self.c.restoreState()
        self.y -= height

    def _sign(self, draw):
        size = 8 * self.scale
        mid = (self.left + self.right) / 2
        self.y -= size * PT + 1
        if draw:
            self.c.setFont(fonts.BOLD, size)
            self.c.drawCentredString((self.left + mid) / 2 * mm, self.y * mm, "Người gửi")
            self.c.drawCentredString((mid + self.right) / 2 * mm, self.y * mm, "Giao dịch viên")
            self.c.setFont(fonts.REGULAR, size * 0.85)
            name = self.item.get("clerk_name") or ""
            self.c.drawCentredString((mid + self.right) / 2 * mm, (self.y - 14 * self.scale) * mm, name)
        self.y -= 16 * self.scale

    def _space(self, amount, draw):
        self.y -= amount

    def _rule(self, draw):
        self.y -= 1.2
        if draw:
            self.c.setLineWidth(0.5)
            self.c.setDash(1, 2)
            self.c.line(self.left * mm, self.y * mm, self.right * mm, self.y * mm)
            self.c.setDash()
        self.y -= 1.6

    def _barcode(self, draw):
        bar = 12.5
        text_size = 11 * self.scale
        width = self.right - self.left
        module = barcodes.fit_module(self.item["id"], width)
        total = barcodes.width_mm(self.item["id"], module)
        x0 = round((self.left + (width - total) / 2) / barcodes.DOT_MM) * barcodes.DOT_MM
        self.y -= bar
        if draw:
            barcodes.draw(self.c, self.item["id"], x0, self.y, module_mm=module, bar_mm=bar, text_size=text_size)
        self.y -= text_size * PT * 1.4 + 0.5

    def _pair(self, label, value, draw, size=8.5, bold_value=False):
        size *= self.scale
        value_x = self.left + self.label_w
        value_font = fonts.BOLD if bold_value else fonts.REGULAR
        lines = fonts.wrap(value, value_font, size, (self.right - value_x) * mm)
        top = self.y
        if draw:
            self.c.setFont(fonts.REGULAR, size * 0.88)
            self.c.drawString(self.left * mm, (top - size * PT) * mm, label)
        self._write(lines, value_font, size, value_x, "left", draw)
        self.y -= 0.4

    def _pair_big(self, label, value, draw):
        self._pair(label, value, draw, size=10.5, bold_value=True)


def receipt_pdf(store: Store, item_id: str, *, paper: str = "80mm", copy: bool = False) -> bytes:
    """The receipt of one item. ``copy=True`` for a reprint ("BẢN SAO", print number = prints so far + 1)."""
    if paper not in PAPERS:
        raise ValueError(f"paper must be one of {', '.join(PAPERS)}")
    width, height, margin, scale = PAPERS[paper]
    item = items_service.get_item(store, item_id)
    office = office_service.get_office(store)
    steps = _lines(item, office, copy, item["receipt_prints"] + 1)
    if height is None:  # a roll: as long as the text
        measure = _Receipt(None, item, width, margin, scale, 0.0)
        height = measure.run(steps, draw=False) + 2 * margin + 4
    buffer = io.BytesIO()
    canvas = common.new_canvas(buffer, width, height, f"Biên nhận {item['id']}" + (" (bản sao)" if copy else ""))
    _Receipt(canvas, item, width, margin, scale, height - margin).run(steps, draw=True)
    canvas.showPage()
    common.save(canvas)
    return buffer.getvalue()
