"""Code 128 drawn as vector bars on a reportlab canvas, with its quiet zones and readable id.

python-barcode only encodes (it gives the module string, 1 = bar); the bars are
drawn here as one rectangle per run of 1s, so they print crisp at any
resolution. Sizes follow DOMAIN.md: module 0.25–0.51 mm, bar height ≥ 9 mm,
quiet zone ≥ 10 modules each side. 0.375 mm is exactly 3 dots of a 203-dpi
thermal head, so bars land on whole dots.
"""

from __future__ import annotations

from functools import lru_cache

import barcode
from reportlab.lib.units import mm

from . import fonts

MODULE_MIN_MM = 0.25
MODULE_MAX_MM = 0.51
BAR_MIN_MM = 9.0
DEFAULT_MODULE_MM = 0.375  # 3 dots at 203 dpi
DEFAULT_BAR_MM = 12.5
QUIET_MODULES = 10
DOT_MM = 25.4 / 203


@lru_cache(maxsize=4096)
def modules(data: str) -> str:
    """The Code 128 module string of ``data`` (start, data, check, stop)."""
    return barcode.get("code128", data).build()[0]


@lru_cache(maxsize=4096)
def runs(data: str) -> tuple[tuple[int, int], ...]:
    """(first module, length) of every bar."""
    out = []
    pattern = modules(data)
    start = None
    for i, bit in enumerate(pattern):
        if bit == "1" and start is None:
            start = i
        elif bit != "1" and start is not None:
            out.append((start, i - start))
            start = None
    if start is not None:
        out.append((start, len(pattern) - start))
    return tuple(out)


def width_mm(data: str, module_mm: float = DEFAULT_MODULE_MM, *, quiet: bool = True) -> float:
    """Width of the symbol, with both quiet zones when ``quiet``."""
    return (len(modules(data)) + (2 * QUIET_MODULES if quiet else 0)) * module_mm


def fit_module(data: str, max_width_mm: float, preferred_mm: float = DEFAULT_MODULE_MM) -> float:
    """The preferred module if the symbol (with quiet zones) fits ``max_width_mm``; else the widest
    whole number of 203-dpi dots that fits, not below 0.25 mm (ValueError if even that is too wide)."""
    count = len(modules(data)) + 2 * QUIET_MODULES
    if count * preferred_mm <= max_width_mm:
        return preferred_mm
    dots = int(max_width_mm / count / DOT_MM)
    module = dots * DOT_MM
    if module < MODULE_MIN_MM:
        module = max_width_mm / count
    if module < MODULE_MIN_MM:
        raise ValueError(f"barcode of {data!r} does not fit {max_width_mm} mm at the minimum module")
    return module


def draw(canvas, data: str, x_mm: float, y_mm: float, *, module_mm: float = DEFAULT_MODULE_MM,
         bar_mm: float = DEFAULT_BAR_MM, text_size: float = 10, text: bool = True) -> float:
    """Draw the symbol with its left quiet zone starting at ``x_mm`` and its bars' bottom at ``y_mm``.

    The readable id goes below the bars, centred. Returns the total width in mm (quiet zones included).
    """
    if not MODULE_MIN_MM <= module_mm <= MODULE_MAX_MM:
        raise ValueError(f"module {module_mm} mm outside {MODULE_MIN_MM}–{MODULE_MAX_MM} mm")
    if bar_mm < BAR_MIN_MM:
        raise ValueError(f"bar height {bar_mm} mm below {BAR_MIN_MM} mm")
    m = module_mm * mm
    left = x_mm * mm + QUIET_MODULES * m
    bottom = y_mm * mm
    height = bar_mm * mm
    path = canvas.beginPath()
    for first, length in runs(data):
        path.rect(left + first * m, bottom, length * m, height)
    canvas.saveState()
    canvas.setFillColorRGB(0, 0, 0)
    canvas.drawPath(path, stroke=0, fill=1)
    canvas.restoreState()
    total = width_mm(data, module_mm)
    if text:
        canvas.setFont(fonts.BOLD, text_size)
        canvas.drawCentredString(x_mm * mm + total * mm / 2, bottom - text_size * 1.05, data)
    return total
