"""Paper benchmarks: prints figures, asserts nothing.

    uv run python bench/bench_paper.py

- one label through ``label_pdf`` against a floor: the same drawing (same strings, fonts and bars)
  in plain reportlab, no database, measured in the same run (goal ≤ 1.5×);
- 1,000 labels in one PDF (goal < 1 s);
- a 2,000-item manifest (goal < 1.5 s), and the ``prepare`` that lists the items.
"""

from __future__ import annotations

import io
import statistics
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import barcode  # noqa: E402
from reportlab import rl_config  # noqa: E402
from reportlab.lib.units import mm  # noqa: E402
from reportlab.pdfgen.canvas import Canvas  # noqa: E402

from kt1desk import clock, formats  # noqa: E402
from kt1desk.demo import create_demo  # noqa: E402
from kt1desk.printing import fonts, label_pdf, manifest_pdf, receipt_pdf  # noqa: E402
from kt1desk.services import items, manifests, office, users  # noqa: E402
from kt1desk.services.intake import _insert, quote  # noqa: E402
from kt1desk.storage import Store  # noqa: E402

TEMPLATES = [("SYT", "thu", 20, 1, None, False), ("MTTQ", "goi", 1500, 2, "A", True),
             ("UBNDSH", "kien", 3200, 3, "B", False), ("SGDDT", "thu", 950, 1, "C", False)]


def fill(store: Store, clerk, count: int) -> list[str]:
    """``count`` items of today, a second apart, written as intake writes them."""
    start = clock.now() - timedelta(seconds=count + 60)
    if start.date() != clock.now().date():
        start = clock.now().replace(hour=0, minute=0, second=1)
    counter = office.get_counter(store)
    quotes = {t: quote(store, clerk, sender="TUDLK", recipient=t[0], kind=t[1], weight_g=t[2], pieces=t[3],
                       secrecy=t[4], hoa_toc=t[5], accepted_at=start, history=True) for t in TEMPLATES}
    ids = []
    with store.write(clerk, "bench.items") as tx:
        for k in range(count):
            q = quotes[TEMPLATES[k % len(TEMPLATES)]]
            q.accepted_at = start + timedelta(seconds=k)
            ids.append(_insert(tx, clerk, q, counter, 101).item["id"])
    return ids


def floor_label(item: dict, office_row: dict) -> bytes:
    """The label's drawing in plain reportlab: the same text and bars at fixed places, nothing else."""
    buffer = io.BytesIO()
    c = Canvas(buffer, pagesize=(100 * mm, 150 * mm), pageCompression=1)
    c.setFont("DejaVuSans-Bold", 34)
    c.drawString(4 * mm, 133 * mm, "KT1")
    if item["secrecy"]:
        c.rect(80 * mm, 130 * mm, 16 * mm, 16 * mm, stroke=0, fill=1)
        c.setFillColorRGB(1, 1, 1)
        c.drawCentredString(88 * mm, 134 * mm, item["secrecy"])
        c.setFillColorRGB(0, 0, 0)
    c.setLineWidth(1.2)
    c.line(4 * mm, 128 * mm, 96 * mm, 128 * mm)
    bits = barcode.get("code128", item["id"]).build()[0]
    x, m = 20 * mm, 0.375 * mm
    p = c.beginPath()
    i = 0
    while i < len(bits):
        if bits[i] == "1":
            j = i
            while j < len(bits) and bits[j] == "1":
                j += 1
            p.rect(x + i * m, 106 * mm, (j - i) * m, 18 * mm)
            i = j
        else:
            i += 1
    c.drawPath(p, stroke=0, fill=1)
    c.setFont("DejaVuSans-Bold", 14)
    c.drawCentredString(50 * mm, 100 * mm, item["id"])
    rows = [("DejaVuSans", 6.5, "NGƯỜI NHẬN · " + item["recipient_code"]), ("DejaVuSans-Bold", 16, item["recipient_name"]),
            ("DejaVuSans", 11, item["recipient_address"] + ", " + item["recipient_province"]),
            ("DejaVuSans", 6.5, "NGƯỜI GỬI · " + item["sender_code"]), ("DejaVuSans-Bold", 11, item["sender_name"]),
            ("DejaVuSans", 6.5, "LOẠI · KHỐI LƯỢNG · SỐ KIỆN"),
            ("DejaVuSans-Bold", 11, f"Thư · {formats.weight(item['weight_g'])} · {item['pieces']} kiện"),
            ("DejaVuSans", 6.5, "NHẬN LÚC"), ("DejaVuSans-Bold", 11, formats.moment(clock.parse_iso(item["accepted_at"]))),
            ("DejaVuSans", 6.5, "HẠN PHÁT"), ("DejaVuSans-Bold", 11, formats.moment(clock.parse_iso(item["deadline"]))),
            ("DejaVuSans", 8, f"{office_row['name']} · {office_row['code']}")]
    y = 92
    for font, size, text in rows:
        c.setFont(font, size)
        c.drawString(4 * mm, y * mm, text)
        y -= size * 0.45
    c.showPage()
    rl_config.useA85 = 0  # the same stream encoding as the program's papers
    try:
        c.save()
    finally:
        rl_config.useA85 = 1
    return buffer.getvalue()


def timed(func, repeat: int) -> float:
    """Median wall time of ``func`` in ms."""
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        func()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        store = Store(Path(folder) / "bench.sqlite3")
        create_demo(store, password="bench-pass", items=20)
        clerk = users.get_user(store, "gdv1")
        fonts.register()
        ids = fill(store, clerk, 2000)
        item = items.get_item(store, ids[1])
        office_row = office.get_office(store)

        # Warm both paths (font subsetting tables, barcode cache) before measuring.
        label_pdf(store, [ids[1]])
        floor_label(item, office_row)
        rounds = 3
        ratios, ours_all, floors_all = [], [], []
        for _ in range(rounds):  # interleaved, so both see the same machine
            floor = timed(lambda: floor_label(item, office_row), 30)
            ours = timed(lambda: label_pdf(store, [ids[1]]), 30)
            ratios.append(ours / floor)
            ours_all.append(ours)
            floors_all.append(floor)
        print(f"one label:            {statistics.median(ours_all):7.2f} ms   floor (plain reportlab, same drawing) "
              f"{statistics.median(floors_all):6.2f} ms   ratio {statistics.median(ratios):.2f}×   (goal ≤ 1.5×)")
        print(f"one receipt (80 mm):  {timed(lambda: receipt_pdf(store, ids[1]), 20):7.2f} ms")

        thousand = ids[:1000]
        ms = timed(lambda: label_pdf(store, thousand), 3)
        size = len(label_pdf(store, thousand))
        print(f"1,000 labels, 1 PDF:  {ms:7.1f} ms   {size / 1e6:.2f} MB   (goal < 1,000 ms)")

        started = time.perf_counter()
        (manifest_id,) = manifests.prepare(store, clerk, clock.now().date())
        prepare_ms = (time.perf_counter() - started) * 1000
        ms = timed(lambda: manifest_pdf(store, [manifest_id]), 3)
        pdf = manifest_pdf(store, [manifest_id])
        print(f"2,000-item manifest:  {ms:7.1f} ms   {len(pdf) / 1e6:.2f} MB, "
              f"{pdf.count(b'/Type /Page') - pdf.count(b'/Type /Pages')} pages   (goal < 1,500 ms); "
              f"prepare (list 2,000 items) {prepare_ms:.0f} ms")
        store.close()


if __name__ == "__main__":
    main()
