"""What every paper says about an item, worded once (Vietnamese on paper, NFC)."""

from __future__ import annotations

from reportlab import rl_config
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from .. import clock, formats
from ..services.intake import KINDS
from ..services.tariff import FREE_REASONS
from . import fonts

SCOPES = {"noi-tinh": "nội tỉnh", "lien-tinh": "liên tỉnh"}


def when(text: str | None) -> str:
    return formats.moment(clock.parse_iso(text)) if text else ""


def kind(item: dict) -> str:
    return KINDS.get(item["kind"], {}).get("vi", item["kind"])


def marks(item: dict, *, short: bool = False) -> list[str]:
    """The marks on the envelope: the secrecy LETTER (never its word), Hỏa tốc, Hẹn giờ with its time."""
    out = []
    if item.get("secrecy"):
        out.append(item["secrecy"])
    if item.get("hoa_toc"):
        out.append("HT" if short else "Hỏa tốc")
    if item.get("hen_gio_at"):
        out.append("HG " + when(item["hen_gio_at"]) if short else "Hẹn giờ " + when(item["hen_gio_at"]))
    return out


def fee(item: dict) -> str:
    """What the sender pays: the total with VAT (the receipt also shows its parts, see ``fee_lines``)."""
    if item.get("free_reason"):
        text = FREE_REASONS[item["free_reason"]]["vi"]
        return text[:1].upper() + text[1:]
    return formats.money(item["fee_vnd"] + (item.get("vat_vnd") or 0))


def fee_lines(item: dict) -> list[tuple[str, str]]:
    """Amount before VAT and the VAT at the item's rate, for a paying item whose VAT was recorded."""
    if item.get("free_reason") or item.get("vat_rate_bp") is None:
        return []
    return [("Cước chưa VAT", formats.money(item["fee_vnd"])),
            (f"VAT {formats.percent(item['vat_rate_bp'])}", formats.money(item["vat_vnd"]))]


def save(canvas: Canvas) -> None:
    """Write the PDF with plain Flate streams: the ASCII85 layer reportlab adds by default only makes the
    file a quarter bigger and costs a third of the time of a 1,000-label batch (pure-Python encoder)."""
    old = rl_config.useA85
    rl_config.useA85 = 0
    try:
        Canvas.save(canvas)  # the base's save: a canvas that numbers its pages calls this from its own
    finally:
        rl_config.useA85 = old


def new_canvas(buffer, width_mm: float, height_mm: float, title: str) -> Canvas:
    fonts.register()
    canvas = Canvas(buffer, pagesize=(width_mm * mm, height_mm * mm), pageCompression=1,
                    initialFontName=fonts.REGULAR, initialFontSize=10)
    canvas.setTitle(fonts.nfc(title))
    canvas.setAuthor("KT1 Desk")
    canvas.setCreator("KT1 Desk")
    return canvas
