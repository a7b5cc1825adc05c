"""Report paper benchmark: the annual report PDF of a million items; prints figures, asserts nothing.

    uv run python bench/bench_report_paper.py [--db BIG.sqlite3] [--runs 3]

The report dict is computed once (``figures.compute`` over every item of the database, 1M by default:
``bench/make_big_db.py`` builds one, ``--db`` names one already built) and kept as JSON beside the
database, so later runs time only the paper. The PDF's cost does not grow with the items counted, only
with its tables (months, senders, destinations), so a 1M-item period stands for any big year.

Measured in the same run:
- the floor: plain reportlab, the same tables (months, payers, kinds, adoption, senders, destinations)
  as Table cells of plain strings in a SimpleDocTemplate, Helvetica-free (DejaVu Sans), no charts;
- ``report_pdf_bytes(report, "vi", "annual")`` with its three charts (matplotlib, 200 dpi PNG);
- the same without charts, and the three charts alone, so the ratio can be read.
No goal is set for this figure: it is printed against the floor.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from io import BytesIO
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

DEFAULT_DB = Path("/work/benchcache-paper/kt1-1m.sqlite3")


def report_for(db: Path, n_items: int) -> dict:
    """The report over every item of ``db`` (built with make_big_db when missing), cached as JSON."""
    cache = db.with_suffix(".report.json")
    if cache.exists() and cache.stat().st_mtime >= db.stat().st_mtime:
        return json.loads(cache.read_text(encoding="utf-8"))
    if not db.exists():
        from bench.make_big_db import build

        build(db, n_items, years=1.0, verbose=True)
    from datetime import date

    from kt1desk.reports.figures import compute
    from kt1desk.reports.period import Period
    from kt1desk.storage import Store

    store = Store(db)
    try:
        first, last = store.one("SELECT MIN(accepted_at) AS a, MAX(accepted_at) AS b FROM items").values()
        period = Period.range(date.fromisoformat(first[:10]), date.fromisoformat(last[:10]))
        started = time.perf_counter()
        report = compute(store, period)
        print(f"compute over {report['items'] + report['voided']:,} items: {time.perf_counter() - started:.2f} s "
              f"(once; cached in {cache.name})")
    finally:
        store.close()
    cache.write_text(json.dumps(report, ensure_ascii=False), encoding="utf-8")
    return report


def floor_pdf(report: dict) -> bytes:
    """Plain reportlab: the report's tables as plain-string cells, one document, no charts."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.platypus import SimpleDocTemplate, Spacer, Table, TableStyle

    from kt1desk import formats
    from kt1desk.printing import fonts

    fonts.register()
    style = TableStyle([("FONT", (0, 0), (-1, -1), fonts.REGULAR, 7.5), ("GRID", (0, 0), (-1, -1), 0.4, "#777777")])
    money = formats.money
    tables = [
        [["Tháng", "Số bưu gửi", "Cước chưa VAT", "VAT", "Tổng"]]
        + [[m["month"], formats.number(m["items"]), money(m["fees_vnd"]), money(m["vat_vnd"]), money(m["total_vnd"])]
           for m in report["by_month"]],
        [["Người trả", "Số bưu gửi", "Cước", "VAT", "Tổng"]]
        + [[k, formats.number(v["items"]), money(v["fees_vnd"]), money(v["vat_vnd"]), money(v["total_vnd"])]
           for k, v in report["by_payment"].items()],
        [["Loại", "Số bưu gửi", "Cước"]] + [[k, formats.number(v["items"]), money(v["fees_vnd"])]
                                           for k, v in report["by_kind"].items()],
        [["Năm", "Đã dùng", "Thuộc diện", "Tỷ lệ"]] + [[str(y["year"]), str(y["used"]), str(y["eligible"]),
                                                       str(y["pct"])] for y in report["adoption_by_year"]],
        [["STT", "Mã", "Cơ quan gửi", "Số bưu gửi", "Cước", "VAT", "Tổng"]]
        + [[str(n), s["code"], s["name"][:40], formats.number(s["items"]), money(s["fees_vnd"]), money(s["vat_vnd"]),
            money(s["total_vnd"])] for n, s in enumerate(report["by_sender"], 1)],
        [["STT", "Tỉnh", "Số bưu gửi", "Cước"]]
        + [[str(n), d["province"], formats.number(d["items"]), money(d["fees_vnd"])]
           for n, d in enumerate(report["by_destination"], 1)],
    ]
    story = []
    for rows in tables:
        table = Table(rows, repeatRows=1)
        table.setStyle(style)
        story += [table, Spacer(1, 4 * mm)]
    buffer = BytesIO()
    SimpleDocTemplate(buffer, pagesize=A4).build(story)
    return buffer.getvalue()


def best(fn, runs: int) -> tuple[float, object]:
    times, out = [], None
    for _ in range(runs):
        started = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - started)
    return min(times), out, statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, default=DEFAULT_DB)
    parser.add_argument("--items", type=int, default=1_000_000, help="items of a database built when --db is missing")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    report = report_for(args.db, args.items)

    from kt1desk.reports import charts, paper

    # Warm: fonts registered, matplotlib and its font list loaded (a first use costs ~1 s, said apart).
    started = time.perf_counter()
    charts.png_bytes(charts.volume_by_month(report, "vi"), dpi=50)
    warm = time.perf_counter() - started
    floor, floor_pdf_bytes, floor_median = best(lambda: floor_pdf(report), args.runs)
    full, pdf, full_median = best(lambda: paper.report_pdf_bytes(report, "vi", "annual"), args.runs)
    bare, bare_pdf, _ = best(lambda: paper.report_pdf_bytes(report, "vi", "annual", with_charts=False), args.runs)
    drawn, _, _ = best(lambda: [charts.png_bytes(getattr(charts, name)(report, "vi"), dpi=paper.CHART_DPI)
                                for name in ("volume_by_month", "share_by_mark", "adoption_by_year")], args.runs)
    items = report["items"] + report["voided"]
    print(f"report of {items:,} items: {len(report['by_month'])} months, {len(report['by_sender'])} senders, "
          f"{len(report['by_destination'])} destinations; best of {args.runs} runs")
    print(f"first chart (matplotlib import and font list): {warm:.2f} s, once per process")
    print(f"floor, plain reportlab tables:           {floor * 1000:7.0f} ms  ({len(floor_pdf_bytes) / 1024:.0f} KB, "
          f"median {floor_median * 1000:.0f} ms)")
    print(f"annual report PDF with 3 charts:         {full * 1000:7.0f} ms  ({len(pdf) / 1024:.0f} KB, "
          f"median {full_median * 1000:.0f} ms)  = {full / floor:.1f}x the floor")
    print(f"  the same without charts:               {bare * 1000:7.0f} ms  ({len(bare_pdf) / 1024:.0f} KB)  "
          f"= {bare / floor:.1f}x the floor")
    print(f"  the three charts alone (200 dpi PNG):  {drawn * 1000:7.0f} ms")


if __name__ == "__main__":
    main()
