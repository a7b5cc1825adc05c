"""The report's charts, one code for the screen and for paper (matplotlib, no pyplot, no global state).

    volume_by_month(report, lang) -> Figure     items accepted per month of the period
    share_by_mark(report, lang) -> Figure       Hỏa tốc, Hẹn giờ and the secrecy letters, share of the items
    adoption_by_year(report, lang) -> Figure    agencies that sent at least one item, over the eligible, by year
    png_bytes(figure, dpi=200) -> bytes, svg_bytes(figure) -> bytes

Each takes the report dict of ``kt1desk.reports.figures.compute`` and returns a plain
``matplotlib.figure.Figure``: the window wraps it in a QtAgg canvas, paper renders it with
``png_bytes``. Text is DejaVu Sans from resources/fonts (the paper's font, which has every
Vietnamese letter), numbers are written the Vietnamese way (45.000, 56,8%) or the English way, and
a chart with nothing to show says "không có số liệu" / "no data" instead of drawing an empty grid.

matplotlib takes about half a second to import: only this module imports it, and nothing imports
this module at start-up (``kt1desk.reports`` and the command line stay free of it).
"""

from __future__ import annotations

import io
from functools import lru_cache

from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties, fontManager
from matplotlib.ticker import FuncFormatter, MaxNLocator

from .. import formats
from ..paths import resource

BAR = "#2f5f8f"
BAR_LIGHT = "#9bb7d4"
ACCENT = "#b8452f"
GRID = "#d0d0d0"
SIZE_IN = (7.2, 3.2)  # 183 × 81 mm: the width of an A4 page between 15 mm margins, and a readable pane

NO_DATA = {"vi": "không có số liệu", "en": "no data"}
MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _t(lang: str, vi: str, en: str) -> str:
    return en if lang == "en" else vi


@lru_cache(maxsize=None)
def _font(bold: bool = False, size: float = 9.0) -> FontProperties:
    """The project's DejaVu Sans at ``size`` (registered with matplotlib's font list once)."""
    path = resource("fonts/DejaVuSans-Bold.ttf" if bold else "fonts/DejaVuSans.ttf")
    if not path.is_file():
        raise FileNotFoundError(f"font missing: {path}")
    fontManager.addfont(str(path))
    return FontProperties(fname=str(path), size=size)


def number(value: float | int, lang: str) -> str:
    """45000 → '45.000' (vi) / '45,000' (en)."""
    return formats.number(round(value), lang)


def pct(value: float | None, lang: str) -> str:
    """56.8 → '56,8%' (vi) / '56.8%' (en); None → the words for no data."""
    if value is None:
        return NO_DATA.get(lang, NO_DATA["vi"])
    text = f"{value:.1f}"
    return (text if lang == "en" else text.replace(".", ",")) + "%"


def _period_label(report: dict, lang: str) -> str:
    label = (report.get("period") or {}).get("label") or {}
    return label.get(lang) or label.get("vi") or ""


def _figure(report: dict, lang: str, title_vi: str, title_en: str, size=SIZE_IN, *, with_period: bool = True):
    figure = Figure(figsize=size, dpi=100, layout="constrained")
    figure.patch.set_facecolor("white")
    axes = figure.add_subplot()
    title = _t(lang, title_vi, title_en)
    period = _period_label(report, lang) if with_period else ""
    axes.set_title(f"{title} — {period}" if period else title, fontproperties=_font(True, 10.5), loc="left")
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    return figure, axes


def _no_data(axes, lang: str) -> None:
    """An empty chart says so, in the middle, instead of drawing axes around nothing."""
    axes.set_xticks([])
    axes.set_yticks([])
    for side in ("left", "bottom"):
        axes.spines[side].set_visible(False)
    axes.text(0.5, 0.5, NO_DATA.get(lang, NO_DATA["vi"]), transform=axes.transAxes, ha="center", va="center",
              fontproperties=_font(False, 11), color="#555555")


def _fonts_on_ticks(axes) -> None:
    for label in axes.get_xticklabels() + axes.get_yticklabels():
        label.set_fontproperties(_font(False, 8))


def _month_labels(months: list[str], lang: str) -> list[str]:
    """'2019-05' → 'T5' / 'May' when the period is within one year, else '05/2019'."""
    years = {m[:4] for m in months}
    if len(years) == 1:
        return [("T" + str(int(m[5:7]))) if lang != "en" else MONTHS_EN[int(m[5:7]) - 1] for m in months]
    return [f"{m[5:7]}/{m[:4]}" for m in months]


def volume_by_month(report: dict, lang: str = "vi", *, size=SIZE_IN) -> Figure:
    """Items accepted in each month of the period (bars), each bar with its count."""
    figure, axes = _figure(report, lang, "Số bưu gửi theo tháng", "Items by month", size)
    rows = report.get("by_month") or []
    counts = [int(r.get("items") or 0) for r in rows]
    if not rows or not any(counts):
        _no_data(axes, lang)
        return figure
    xs = list(range(len(rows)))
    bars = axes.bar(xs, counts, color=BAR, width=0.7, zorder=2)
    axes.set_xticks(xs, _month_labels([r["month"] for r in rows], lang))
    pad = max(0.0, (6 - len(rows)) / 2)  # a month or two: bars of a normal width, in the middle
    axes.set_xlim(-0.6 - pad, len(rows) - 0.4 + pad)
    axes.yaxis.set_major_locator(MaxNLocator(nbins=5, integer=True))
    axes.yaxis.set_major_formatter(FuncFormatter(lambda v, _pos: number(v, lang)))
    axes.grid(axis="y", color=GRID, linewidth=0.6, zorder=0)
    axes.set_ylabel(_t(lang, "bưu gửi", "items"), fontproperties=_font(False, 8.5))
    axes.set_ylim(0, max(counts) * 1.15)
    if len(rows) <= 24:
        for bar, count in zip(bars, counts):
            if not count:
                continue
            axes.annotate(number(count, lang), (bar.get_x() + bar.get_width() / 2, bar.get_height()),
                          xytext=(0, 2), textcoords="offset points", ha="center", va="bottom",
                          fontproperties=_font(False, 7.5 if len(rows) <= 12 else 6))
    if len(rows) > 12:
        axes.tick_params(axis="x", labelrotation=90)
    _fonts_on_ticks(axes)
    return figure


def share_by_mark(report: dict, lang: str = "vi", *, size=SIZE_IN) -> Figure:
    """How many items carried each mark and each secrecy letter, and their share of the items.

    The marks combine with one another and with the letters (an item may be Hỏa tốc and B), so these
    are independent counts over the same items, drawn as bars, not as slices of one pie."""
    figure, axes = _figure(report, lang, "Bưu gửi theo dấu dịch vụ và độ mật", "Items by service mark and secrecy",
                           size)
    total = int(report.get("items") or 0)
    marks = report.get("by_mark") or {}
    secrecy = report.get("by_secrecy") or {}
    rows = [
        (_t(lang, "Hỏa tốc", "Hỏa tốc (urgent)"), int(marks.get("hoa_toc") or 0), ACCENT),
        (_t(lang, "Hẹn giờ", "Hẹn giờ (timed)"), int(marks.get("hen_gio") or 0), ACCENT),
        (_t(lang, "Không dấu", "No mark"), int(marks.get("none") or 0), BAR_LIGHT),
        (_t(lang, "Mật A", "Secrecy A"), int(secrecy.get("A") or 0), BAR),
        (_t(lang, "Mật B", "Secrecy B"), int(secrecy.get("B") or 0), BAR),
        (_t(lang, "Mật C", "Secrecy C"), int(secrecy.get("C") or 0), BAR),
        (_t(lang, "Không mật", "Not secret"), int(secrecy.get("none") or 0), BAR_LIGHT),
    ]
    if total <= 0:
        _no_data(axes, lang)
        return figure
    ys = list(range(len(rows)))[::-1]
    values = [count for _label, count, _colour in rows]
    axes.barh(ys, values, color=[colour for *_rest, colour in rows], height=0.65, zorder=2)
    axes.set_yticks(ys, [label for label, *_rest in rows])
    axes.xaxis.set_major_locator(MaxNLocator(nbins=5, integer=True))
    axes.xaxis.set_major_formatter(FuncFormatter(lambda v, _pos: number(v, lang)))
    axes.grid(axis="x", color=GRID, linewidth=0.6, zorder=0)
    axes.set_xlim(0, max(max(values), 1) * 1.3)
    for y, count in zip(ys, values):
        axes.annotate(f"{number(count, lang)} ({pct(100 * count / total, lang)})", (count, y), xytext=(3, 0),
                      textcoords="offset points", ha="left", va="center", fontproperties=_font(False, 7.5))
    axes.set_xlabel(_t(lang, f"bưu gửi (tổng {number(total, lang)})", f"items (of {number(total, lang)})"),
                    fontproperties=_font(False, 8.5))
    _fonts_on_ticks(axes)
    return figure


def adoption_by_year(report: dict, lang: str = "vi", *, size=SIZE_IN) -> Figure:
    """Per year, the share of eligible agencies that sent at least one item, labelled '25/44 · 56,8%'.
    A year with no eligible agency (nothing to divide by) says so instead of showing 0%."""
    # Each bar is a whole year (up to the period's end), whatever the period: the title says so, not the period.
    figure, axes = _figure(report, lang, "Tỷ lệ cơ quan sử dụng dịch vụ theo năm", "Agencies using the service, by year",
                           size, with_period=False)
    rows = report.get("adoption_by_year") or []
    if not rows:
        _no_data(axes, lang)
        return figure
    xs = list(range(len(rows)))
    values = [r.get("pct") for r in rows]
    axes.bar([x for x, v in zip(xs, values) if v is not None], [v for v in values if v is not None], color=BAR,
             width=0.6, zorder=2)
    axes.set_xticks(xs, [str(r["year"]) for r in rows])
    pad = max(0.0, (5 - len(rows)) / 2)  # a year or two: bars of a normal width, in the middle
    axes.set_xlim(-0.6 - pad, len(rows) - 0.4 + pad)
    axes.set_ylim(0, 115)
    axes.set_yticks([0, 25, 50, 75, 100], [pct(v, lang).replace(",0%", "%").replace(".0%", "%")
                                           for v in (0, 25, 50, 75, 100)])
    axes.grid(axis="y", color=GRID, linewidth=0.6, zorder=0)
    small = _font(False, 7.5 if len(rows) <= 10 else 6)
    for x, r in zip(xs, rows):
        if r.get("pct") is None:
            axes.text(x, 3, NO_DATA.get(lang, NO_DATA["vi"]).replace(" ", "\n", 1), ha="center", va="bottom",
                      fontproperties=small, color="#555555")
        else:
            axes.annotate(f"{r.get('used', 0)}/{r.get('eligible', 0)}\n{pct(r['pct'], lang)}", (x, r["pct"]),
                          xytext=(0, 2), textcoords="offset points", ha="center", va="bottom", fontproperties=small)
    axes.set_ylabel(_t(lang, "cơ quan đã gửi / đủ điều kiện", "agencies that sent / eligible"),
                    fontproperties=_font(False, 8.5))
    _fonts_on_ticks(axes)
    return figure


CHARTS = {"volume_by_month": volume_by_month, "share_by_mark": share_by_mark, "adoption_by_year": adoption_by_year}


def png_bytes(figure: Figure, dpi: int = 200) -> bytes:
    """The figure as a PNG at ``dpi`` (paper takes 200 dpi or more). ``savefig`` borrows an Agg canvas for
    the moment, so a figure shown on screen keeps its own canvas."""
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=dpi, facecolor="white")
    return buffer.getvalue()


def svg_bytes(figure: Figure) -> bytes:
    """The figure as SVG (text drawn as paths, so it looks the same where the font is not installed)."""
    buffer = io.BytesIO()
    figure.savefig(buffer, format="svg", facecolor="white")
    return buffer.getvalue()
