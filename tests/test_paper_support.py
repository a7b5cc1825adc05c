"""What the paper tests share (no tests here): fast items, rasterising, decoding, extracting text."""

from __future__ import annotations

import io
import re
from datetime import timedelta

import pdfplumber
import pypdfium2 as pdfium
import zxingcpp

from kt1desk import clock
from kt1desk.services import office, settings
from kt1desk.services.intake import _insert, quote

DPI = 203
# (recipient, kind, weight g, pieces, secrecy, hoa_toc, hen_gio hours after acceptance)
TEMPLATES = [
    ("SYT", "thu", 20, 1, None, False, None),
    ("MTTQ", "goi", 1500, 2, "A", True, None),
    ("UBNDSH", "kien", 3200, 3, "B", False, None),
    ("BNV", "thu", 45, 1, "C", False, None),  # Hà Nội
    ("TUKH", "thu", 240, 1, None, False, 30),  # Khánh Hòa, Hẹn giờ
    ("SGDDT", "thu", 950, 1, None, True, None),
]


def make_items(store, clerk, count: int, *, sender: str = "TUDLK", templates=TEMPLATES, start=None) -> list[str]:
    """``count`` accepted items written as intake writes them (one transaction), a second apart, in order."""
    when = start or clock.now() - timedelta(seconds=count + 60)
    quotes = {}
    counter = office.get_counter(store)
    ids = []
    with store.write(clerk, "test.items") as tx:
        for k in range(count):
            t = templates[k % len(templates)]
            if t not in quotes:
                hen_gio = when + timedelta(hours=t[6]) if t[6] else None
                quotes[t] = quote(store, clerk, sender=sender, recipient=t[0], kind=t[1], weight_g=t[2],
                                  pieces=t[3], secrecy=t[4], hoa_toc=t[5], hen_gio_at=hen_gio, accepted_at=when,
                                  history=True)
            q = quotes[t]
            q.accepted_at = when + timedelta(seconds=k)
            ids.append(_insert(tx, clerk, q, counter, 101).item["id"])
    return ids


def rasters(pdf: bytes, dpi: int = DPI) -> list:
    document = pdfium.PdfDocument(pdf)
    return [page.render(scale=dpi / 72).to_pil() for page in document]


def codes(image) -> list[str]:
    return [r.text for r in zxingcpp.read_barcodes(image) if r.format == zxingcpp.BarcodeFormat.Code128]


def plumber_pages(pdf: bytes) -> list[str]:
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        return [page.extract_text() or "" for page in document.pages]


def pdfium_pages(pdf: bytes) -> list[str]:
    document = pdfium.PdfDocument(pdf)
    return [page.get_textpage().get_text_range().replace("\r\n", "\n") for page in document]


def page_sizes_mm(pdf: bytes) -> list[tuple[float, float]]:
    document = pdfium.PdfDocument(pdf)
    return [(round(p.get_width() / 72 * 25.4, 1), round(p.get_height() / 72 * 25.4, 1)) for p in document]


SECRECY_WORDS = re.compile(r"tuyệt mật|tối mật|\bmật\b", re.IGNORECASE)

__all__ = ["make_items", "rasters", "codes", "plumber_pages", "pdfium_pages", "page_sizes_mm", "SECRECY_WORDS",
           "settings"]
