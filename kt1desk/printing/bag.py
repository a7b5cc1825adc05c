"""A bag's papers: its label (100 × 150 mm, its own Code 128 id) and its manifest (A4, the bảng kê).

The label, from the top: TÚI KT1, the bag's barcode with the id readable below,
the destination (largest), the seal number, what is inside (items, pieces,
weight, and the secrecy LETTERS present, never their words; how many Hỏa tốc),
who sealed it and when, and the manifest's id. The manifest is the bag's own
bảng kê, drawn by ``printing.manifest`` with the bag and seal filled in.
``bag_pdf`` puts both in one file (label page first) for the command line.
"""

from __future__ import annotations

import io

from reportlab.lib.units import mm

from .. import formats
from ..life import bags as bag_service
from ..services import manifests as manifest_service
from ..services import office as office_service
from ..storage import Store
from . import barcodes, common, fonts
from .label import Pen, box
from .manifest import PAGE_H_MM, PAGE_W_MM, draw_sections

LABEL_SIZE = (100.0, 150.0)


def draw_bag_label(canvas, bag: dict, office: dict, width_mm: float = LABEL_SIZE[0],
                   height_mm: float = LABEL_SIZE[1]) -> None:
    rows = bag["rows"]
    pen = Pen(canvas, width_mm, height_mm, 4.0)
    band = 16.0
    top = pen.y
    canvas.setFont(fonts.BOLD, 26)
    canvas.drawString(pen.left * mm, (top - band + 3) * mm, "TÚI KT1")
    letters = sorted({r["secrecy"] for r in rows if r["secrecy"]})
    if letters:
        width = 9.0 + 7.0 * len(letters)
        box(canvas, pen.right - width, top - band, width, band, " ".join(letters), 20, inverse=True)
    pen.y = top - band
    pen.rule(gap=1.8, weight=1.2)

    bar_mm = 16.0
    module = barcodes.fit_module(bag["id"], pen.width)
    total = barcodes.width_mm(bag["id"], module)
    x0 = round((pen.left + (pen.width - total) / 2) / barcodes.DOT_MM) * barcodes.DOT_MM
    pen.y -= bar_mm + 1.0
    barcodes.draw(canvas, bag["id"], x0, pen.y, module_mm=module, bar_mm=bar_mm, text_size=10.5)
    pen.y -= 10.5 * 0.3528 * 1.3 + 0.5
    pen.rule(gap=1.4)

    pen.caption("NƠI ĐẾN")
    pen.text(bag_service.destination_text(bag, office), 22, bold=True, lines=3, gap=1.0)
    pen.rule(gap=1.4)
    pen.caption("SỐ NIÊM PHONG")
    pen.text(bag["seal_no"] or "— chưa niêm phong —", 18, bold=True, gap=1.0)
    pen.rule(gap=1.4)
    pieces = sum(r["pieces"] for r in rows)
    grams = sum(r["weight_g"] for r in rows)
    pen.caption("TRONG TÚI")
    pen.text(f"{formats.number(len(rows))} bưu gửi · {formats.number(pieces)} kiện · {formats.weight(grams)}", 12,
             bold=True)
    hoa_toc = sum(1 for r in rows if r["hoa_toc"])
    hen_gio = sum(1 for r in rows if r["hen_gio_at"])
    marks = [f"Mật: {', '.join(letters)}" if letters else "", f"Hỏa tốc: {hoa_toc}" if hoa_toc else "",
             f"Hẹn giờ: {hen_gio}" if hen_gio else ""]
    if any(marks):
        pen.text(" · ".join(m for m in marks if m), 10)
    pen.rule(gap=1.4)
    pen.caption("NIÊM PHONG LÚC · NGƯỜI NIÊM PHONG")
    pen.text(f"{common.when(bag['closed_at'])} · {bag.get('closed_by_name') or ''}".strip(" ·"), 10, lines=2)
    pen.caption("BẢNG KÊ")
    pen.text(bag["manifest_id"], 10, bold=True)
    pen.y = min(pen.y, pen.bottom + 7)
    pen.rule(gap=1.2, weight=0.4)
    pen.text(f"Từ: {office['name']} · {office['code']}", 8, lines=2, gap=0)


def bag_pdf(store: Store, bag_id: str, *, label: bool = True, manifest: bool = True) -> bytes:
    """The bag's label and/or its manifest, in one PDF (label page first)."""
    bag = bag_service.get_bag(store, bag_id)
    listed = manifest_service.get_manifest(store, bag["manifest_id"])
    bag["rows"] = listed["rows"]
    office = office_service.get_office(store)
    buffer = io.BytesIO()
    title = ("Nhãn túi " if label and not manifest else "Bảng kê túi " if manifest and not label else "Túi ") + bag["id"]
    if label:
        canvas = common.new_canvas(buffer, *LABEL_SIZE, title)
        draw_bag_label(canvas, bag, office)
        canvas.showPage()
        canvas.setPageSize((PAGE_W_MM * mm, PAGE_H_MM * mm))
    else:
        canvas = common.new_canvas(buffer, PAGE_W_MM, PAGE_H_MM, title)
    if manifest:
        draw_sections(canvas, [listed], office)
    common.save(canvas)
    return buffer.getvalue()
