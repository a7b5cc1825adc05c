"""The font every paper is drawn with: DejaVu Sans, shipped in resources/fonts with its licence.

reportlab's built-in Helvetica draws black boxes for Vietnamese without raising
any error, so nothing here ever falls back to it: a missing font file is an
error, not a silent box.
"""

from __future__ import annotations

import threading
from functools import lru_cache
import unicodedata

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from ..paths import resource

REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
_FILES = {REGULAR: "fonts/DejaVuSans.ttf", BOLD: "fonts/DejaVuSans-Bold.ttf"}
_lock = threading.Lock()
_done = False


def register() -> None:
    """Register DejaVu Sans (regular and bold) with reportlab, once per process."""
    global _done
    if _done:
        return
    with _lock:
        if _done:
            return
        for name, relative in _FILES.items():
            path = resource(relative)
            if not path.is_file():
                raise FileNotFoundError(f"font missing: {path}")
            pdfmetrics.registerFont(TTFont(name, str(path)))
        addMapping(REGULAR, 0, 0, REGULAR)
        addMapping(REGULAR, 1, 0, BOLD)
        addMapping(REGULAR, 0, 1, REGULAR)
        addMapping(REGULAR, 1, 1, BOLD)
        _done = True


def width(text: str, font: str, size: float) -> float:
    if not _done:
        register()
    return pdfmetrics.stringWidth(text, font, size)


def nfc(text: object) -> str:
    """Text as it goes on paper: NFC (NFD would print right but extract wrong)."""
    return unicodedata.normalize("NFC", "" if text is None else str(text))


@lru_cache(maxsize=8192)
def fit_size(text: str, font: str, size: float, max_width: float, minimum: float) -> float:
    """The largest size ≤ ``size`` (down to ``minimum``) at which ``text`` fits ``max_width``."""
    w = width(text, font, size)
    if w <= max_width:
        return size
    return max(minimum, size * max_width / w)


def wrap(text: str, font: str, size: float, max_width: float) -> list[str]:
    """Split at spaces into lines no wider than ``max_width`` (a long word stays whole)."""
    return list(_wrap(nfc(text), font, size, max_width))


@lru_cache(maxsize=8192)
def _wrap(text: str, font: str, size: float, max_width: float) -> tuple[str, ...]:
    if width(text, font, size) <= max_width:
        return (text,) if text else ("",)
    words = text.split()
    lines: list[str] = []
    line = ""
    for word in words:
        candidate = f"{line} {word}" if line else word
        if line and width(candidate, font, size) > max_width:
            lines.append(line)
            line = word
        else:
            line = candidate
    if line:
        lines.append(line)
    return tuple(lines) or ("",)
