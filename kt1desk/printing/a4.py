"""A4 portrait records with tables that run over pages: shift reports, dispatch and receipt records.

Built with reportlab's platypus (tables split across pages with their heading
repeated), in DejaVu Sans, every page footed "<title> · Trang n/N". Signature
blocks print the typed names, and the signature-pad picture where there is one.
"""

from __future__ import annotations

import io

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Image, KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle
from xml.sax.saxutils import escape

from . import barcodes, common, fonts

MARGIN = 15 * mm
WIDTH = A4[0] - 2 * MARGIN


def styles() -> dict[str, ParagraphStyle]:
    fonts.register()
    base = ParagraphStyle("base", fontName=fonts.REGULAR, fontSize=9.5, leading=12)
    return {
        "base": base,
        "small": ParagraphStyle("small", parent=base, fontSize=8, leading=10),
        "muted": ParagraphStyle("muted", parent=base, fontSize=8, leading=10, textColor=colors.HexColor("#444444")),
        "title": ParagraphStyle("title", parent=base, fontName=fonts.BOLD, fontSize=15, leading=19, alignment=TA_CENTER),
        "subtitle": ParagraphStyle("subtitle", parent=base, fontSize=10.5, leading=14, alignment=TA_CENTER),
        "banner": ParagraphStyle("banner", parent=base, fontName=fonts.BOLD, fontSize=12, leading=16,
                                 alignment=TA_CENTER, borderWidth=1.4, borderColor=colors.black, borderPadding=4),
        "heading": ParagraphStyle("heading", parent=base, fontName=fonts.BOLD, fontSize=11, leading=14,
                                  spaceBefore=8, spaceAfter=3),
        "bold": ParagraphStyle("bold", parent=base, fontName=fonts.BOLD),
        "right": ParagraphStyle("right", parent=base, alignment=TA_RIGHT),
    }


def para(text: object, style: ParagraphStyle) -> Paragraph:
    return Paragraph(escape(fonts.nfc(text)), style)


class Barcode(Flowable):
    """A Code 128 symbol with its quiet zones and readable text, right-aligned in the frame."""

    def __init__(self, data: str, *, module_mm: float = 0.33, bar_mm: float = 10.0, align: str = "right"):
        super().__init__()
        self.data, self.module, self.bar, self.align = data, module_mm, bar_mm, align
        self.width_mm = barcodes.width_mm(data, module_mm)
        self.height = (bar_mm + 5) * mm

    def wrap(self, avail_width, avail_height):
        self.avail = avail_width
        return avail_width, self.height

    def draw(self):
        x = (self.avail / mm - self.width_mm) if self.align == "right" else 0
        barcodes.draw(self.canv, self.data, x, 4.5, module_mm=self.module, bar_mm=self.bar, text_size=9)


def plain_table(rows: list[list[str]], widths_mm: list[float], *, align_right: tuple[int, ...] = (),
                size: float = 7.5) -> Table:
    """A grid table of short one-line cells (no wrapping): many times quicker than Paragraph cells, for long
    lists such as every item of a shift. The first row is the heading."""
    fonts.register()
    grid = Table([[fonts.nfc(c) for c in row] for row in rows], colWidths=[w * mm for w in widths_mm], repeatRows=1)
    commands = [("FONT", (0, 0), (-1, -1), fonts.REGULAR, size), ("FONT", (0, 0), (-1, 0), fonts.BOLD, size),
                ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#777777")),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e0e0e0")),
                ("TOPPADDING", (0, 0), (-1, -1), 1), ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5)]
    commands += [("ALIGN", (c, 0), (c, -1), "RIGHT") for c in align_right]
    grid.setStyle(TableStyle(commands))
    return grid


def table(rows: list[list], widths_mm: list[float], *, header: bool = True, align_right: tuple[int, ...] = (),
          size: float = 8.5, bold_last: bool = False) -> Table:
    """A grid table of text cells (wrapped Paragraphs), heading repeated on every page."""
    st = styles()
    cell = ParagraphStyle("cell", parent=st["base"], fontSize=size, leading=size * 1.22)
    head = ParagraphStyle("head", parent=cell, fontName=fonts.BOLD)
    body = []
    for r, row in enumerate(rows):
        out = []
        for c, value in enumerate(row):
            if isinstance(value, Flowable):
                out.append(value)
                continue
            style = head if (header and r == 0) or (bold_last and r == len(rows) - 1) else cell
            if c in align_right and not (header and r == 0):
                style = ParagraphStyle("r", parent=style, alignment=TA_RIGHT)
            out.append(para(value, style))
        body.append(out)
    grid = Table(body, colWidths=[w * mm for w in widths_mm], repeatRows=1 if header else 0)
    commands = [("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#777777")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 1.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 2)]
    if header:
        commands.append(("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e0e0e0")))
    grid.setStyle(TableStyle(commands))
    return grid


def pairs(rows: list[tuple[str, str]], label_mm: float = 45) -> Table:
    """Label: value lines, no grid."""
    st = styles()
    body = [[para(k, st["muted"]), para(v, st["base"])] for k, v in rows]
    grid = Table(body, colWidths=[label_mm * mm, WIDTH - label_mm * mm])
    grid.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                              ("TOPPADDING", (0, 0), (-1, -1), 0.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 0.5)]))
    return grid


def signatures(sides: list[tuple[str, str, str, bytes | None]]) -> KeepTogether:
    """Side by side: (title, who, typed signature, signature-pad PNG or None)."""
    st = styles()
    centre = ParagraphStyle("c", parent=st["base"], alignment=TA_CENTER)
    bold = ParagraphStyle("cb", parent=centre, fontName=fonts.BOLD, fontSize=10.5)
    small = ParagraphStyle("cs", parent=centre, fontSize=7.5, textColor=colors.HexColor("#444444"))
    cells = []
    for title, who, typed, png in sides:
        block = [para(title, bold), para(who, small), Spacer(1, 2 * mm)]
        if png:
            picture = Image(io.BytesIO(png))
            scale = min(60 * mm / picture.imageWidth, 18 * mm / picture.imageHeight, 1.0)
            picture.drawWidth, picture.drawHeight = picture.imageWidth * scale, picture.imageHeight * scale
            block.append(picture)
        else:
            block.append(Spacer(1, 16 * mm))
        block.append(para(f"Ký (gõ tên): {typed}" if typed else "(Ký, ghi rõ họ tên)", centre))
        cells.append(block)
    grid = Table([cells], colWidths=[WIDTH / len(sides)] * len(sides))
    grid.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]))
    return KeepTogether([Spacer(1, 6 * mm), grid])


def build(story: list, title: str, *, page: str = "Trang") -> bytes:
    """The PDF of ``story`` on A4 portrait, every page footed with ``title`` and "Trang n/N" (``page``: the
    word for page, "Page" on an English paper)."""
    fonts.register()
    buffer = io.BytesIO()
    footer = fonts.nfc(title)

    class _Numbered(Canvas):
        """Counts its pages first, so every footer can say "n/N"."""

        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self._pages = []

        def showPage(self):  # noqa: N802 (reportlab's name)
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            total = len(self._pages)
            for number, state in enumerate(self._pages, 1):
                self.__dict__.update(state)
                self.setFont(fonts.REGULAR, 7.5)
                self.drawString(MARGIN, 8 * mm, footer)
                self.drawRightString(A4[0] - MARGIN, 8 * mm, f"{page} {number}/{total}")
                Canvas.showPage(self)
            common.save(self)

    doc = SimpleDocTemplate(buffer, pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN,
                            bottomMargin=MARGIN + 3 * mm, title=footer, author="KT1 Desk", creator="KT1 Desk")
    doc.build(story, canvasmaker=_Numbered)
    return buffer.getvalue()
