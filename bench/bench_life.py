"""The item's life at speed: closing a bag of 500 items, and a shift's X and Z reports over a day of 2,000 items.

    python bench/bench_life.py                       # a demo database with the items made here
    python bench/bench_life.py --base /work/benchcache/kt1-1000000-0002_manifests.sqlite3   # on a copy of a big one

Each figure is printed with its floor, measured in the same run on the same
database: the same reads (and, for the closes, the same writes) in plain SQL,
nothing checked, nothing computed — and the ratio (goal ≤ 3×). A floor that
writes does so inside ``Store.write()`` so that it pays what every write of the
product pays (BEGIN IMMEDIATE, the change log's entries for the rows it
changed, COMMIT) and no more. Service and floor runs alternate so both see the
same disk and cache. Asserts nothing about time.

- Bag close: ``life.bags.close_bag`` of a 500-item bag, against its reads (bag
  row and count, seal in use, rows counted) and writes (manifest rows and
  manifest closed, bag sealed, journal) in one transaction.
- One scan into a bag: ``life.bags.add_items`` of one item, against the same
  reads and writes in plain SQL.
- X report: ``life.shifts.compute`` of a 2,000-item shift, against the same
  SELECTs fetched.
- Z report: ``life.shifts.close`` of a 2,000-item shift, against the same reads
  and the same UPDATE (a report of the same size) and journal row in one
  transaction.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
for p in (str(ROOT), str(ROOT / "bench")):
    if p not in sys.path:
        sys.path.insert(0, p)

from kt1desk import clock  # noqa: E402
from kt1desk.demo import create_demo  # noqa: E402
from kt1desk.life import bags, shifts  # noqa: E402
from kt1desk.services import office, users  # noqa: E402
from kt1desk.services.intake import _insert, quote  # noqa: E402
from kt1desk.storage import Store  # noqa: E402

PASSWORD = "kt1-bench-pass"
HOME = "Đắk Lắk"
# Local items (so a bag of them goes to this office's province), paid cash, on account, free.
TEMPLATES = [("SYT", "STC", "thu", 20, None), ("TUDLK", "SGDDT", "goi", 480, None), ("CAT", "SNV", "thu", 45, "C"),
             ("SYT", "UBNDTH", "kien", 3200, None), ("VPTW", "SYT", "thu", 90, None)]


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.2f} ms"


def make_items(store: Store, actor, count: int, *, shift_id: str | None = None) -> list[str]:
    """``count`` accepted items, written as intake writes them, in one transaction."""
    counter = office.get_counter(store, "Q01")
    quotes = [quote(store, actor, sender=s, recipient=r, kind=k, weight_g=w, secrecy=x) for s, r, k, w, x in TEMPLATES]
    with store.write(actor, "bench.items") as tx:
        return [_insert(tx, actor, quotes[k % len(quotes)], counter, 101, shift_id).item["id"] for k in range(count)]


def open_full_bag(store: Store, clerk, size: int) -> dict:
    bag = bags.open_bag(store, clerk, HOME, counter="Q01")
    bags.add_items(store, clerk, bag["id"], make_items(store, clerk, size))
    return bags.get_bag(store, bag["id"])


# -- floors: the same statements in plain SQL --------------------------------------------------------------

def floor_close_bag(store: Store, bag_id: str, seal: str, user) -> None:
    conn = store.conn
    now = clock.iso(clock.now())
    bag = conn.execute(bags.BAG_SQL + " WHERE b.id = ?", (bag_id,)).fetchone()
    manifest_id = conn.execute("SELECT manifest_id FROM bags WHERE id = ?", (bag_id,)).fetchone()[0]
    conn.execute("SELECT id FROM bags WHERE seal_no = ?", (seal,)).fetchone()
    with store.write(user, "bench.floor"):
        conn.execute("SELECT status FROM bags WHERE id = ?", (bag_id,)).fetchone()
        count = conn.execute("SELECT COUNT(*) FROM manifest_items WHERE manifest_id = ?", (manifest_id,)).fetchone()[0]
        conn.execute("UPDATE manifest_items SET is_open = 0 WHERE manifest_id = ?", (manifest_id,))
        conn.execute("UPDATE manifests SET status = 'closed', closed_at = ?, closed_by = ? WHERE id = ?",
                     (now, user.id, manifest_id))
        conn.execute("UPDATE bags SET status = 'closed', seal_no = ?, closed_at = ?, closed_by = ? WHERE id = ?",
                     (seal, now, user.id, bag_id))
        conn.executemany("INSERT INTO journal (at, user_id, action, entity, entity_id, details) VALUES (?, ?, ?, ?, ?, ?)",
                         [(now, user.id, "bag.close", "manifest", manifest_id, json.dumps({"items": count})),
                          (now, user.id, "bag.close", "bag", bag_id, json.dumps({"seal": seal, "items": count}))])
    assert bag is not None


def floor_scan(store: Store, bag: dict, item_id: str, user, counter_id: int) -> None:
    conn = store.conn
    now = clock.iso(clock.now())
    conn.execute(bags.BAG_SQL + " WHERE b.id = ?", (bag["id"],)).fetchone()
    with store.write(user, "bench.floor"):
        conn.execute("SELECT status FROM bags WHERE id = ?", (bag["id"],)).fetchone()
        conn.execute("SELECT status, recipient_province FROM items WHERE id = ?", (item_id,)).fetchone()
        conn.execute("SELECT mi.manifest_id FROM manifest_items mi WHERE mi.item_id = ? AND mi.is_open = 1 "
                     "AND mi.manifest_id NOT IN (SELECT manifest_id FROM bags)", (item_id,)).fetchone()
        conn.execute("SELECT status FROM items WHERE id = ?", (item_id,)).fetchone()
        conn.execute("UPDATE items SET status = 'bagged' WHERE id = ?", (item_id,))
        conn.execute("INSERT INTO item_events (item_id, at, kind, user_id, counter_id, details) "
                     "VALUES (?, ?, 'bagged', ?, ?, ?)", (item_id, now, user.id, counter_id, json.dumps({"bag": bag["id"]})))
        start = conn.execute("SELECT COALESCE(MAX(row_no), 0) FROM manifest_items WHERE manifest_id = ?",
                             (bag["manifest_id"],)).fetchone()[0]
        conn.execute("INSERT INTO manifest_items (manifest_id, row_no, item_id, is_open) VALUES (?, ?, ?, 1)",
                     (bag["manifest_id"], start + 1, item_id))
        conn.executemany("INSERT INTO journal (at, user_id, action, entity, entity_id, details) VALUES (?, ?, ?, ?, ?, ?)",
                         [(now, user.id, "bag.add", "item", item_id, json.dumps({"event": "bagged", "bag": bag["id"]})),
                          (now, user.id, "bag.add", "manifest", bag["manifest_id"], json.dumps({"items": [item_id]})),
                          (now, user.id, "bag.add", "bag", bag["id"], json.dumps({"items": [item_id]}))])


_READS = [shifts.SHIFT_SQL + " WHERE s.id = ?", shifts.TOTALS_SQL, shifts.VOIDED_SQL, shifts.ADJUST_SQL,
          shifts.REFUSALS_SQL, shifts.LINES_SQL]


def floor_x(store: Store, shift_id: str) -> None:
    for sql in _READS:
        store.conn.execute(sql, (shift_id,)).fetchall()


def floor_z(store: Store, shift_id: str, report: str, user) -> None:
    conn = store.conn
    now = clock.iso(clock.now())
    conn.execute(_READS[0], (shift_id,)).fetchone()
    with store.write(user, "bench.floor"):
        conn.execute("SELECT status FROM shifts WHERE id = ?", (shift_id,)).fetchone()
        for sql in _READS:
            conn.execute(sql, (shift_id,)).fetchall()
        conn.execute("UPDATE shifts SET status = 'closed', closed_at = ?, closed_by = ?, cash_expected_vnd = ?, "
                     "cash_counted_vnd = ?, discrepancy_reason = '', report = ? WHERE id = ?",
                     (now, user.id, 0, 0, report, shift_id))
        conn.execute("INSERT INTO journal (at, user_id, action, entity, entity_id, details) VALUES (?, ?, ?, ?, ?, ?)",
                     (now, user.id, "shift.close", "shift", shift_id, "{}"))


# -- the run -----------------------------------------------------------------------------------------------

def shift_of(store: Store, user, size: int) -> str:
    """A fresh open shift of ``user`` holding ``size`` items (the user's earlier shift closed first)."""
    current = shifts.current(store, user, "Q01")
    if current:
        shifts.close(store, user, current["id"])
    shift_id = shifts.open_shift(store, user, "Q01")["id"]
    make_items(store, user, size, shift_id=shift_id)
    return shift_id


def run(db: Path, *, bag_size: int, day_size: int, repeats: int) -> dict:
    store = Store(db)
    clerk = users.get_user(store, "gdv1")
    supervisor = users.get_user(store, "giamsat")
    counter_id = office.get_counter(store, "Q01")["id"]
    figures: dict[str, object] = {"items_in_database": store.scalar("SELECT COUNT(*) FROM items")}

    # -- scans into a bag -----------------------------------------------------------------------
    bag = bags.open_bag(store, clerk, HOME, counter="Q01")
    other = bags.open_bag(store, clerk, HOME, counter="Q01")
    fresh = make_items(store, clerk, 2 * bag_size)
    scan_t, scan_floor_t = [], []
    for k in range(bag_size):
        t0 = time.perf_counter()
        bags.add_items(store, clerk, bag["id"], [fresh[2 * k]])
        t1 = time.perf_counter()
        floor_scan(store, other, fresh[2 * k + 1], clerk, counter_id)
        t2 = time.perf_counter()
        scan_t.append(t1 - t0)
        scan_floor_t.append(t2 - t1)
    figures["scan_median_ms"] = statistics.median(scan_t) * 1000
    figures["scan_floor_median_ms"] = statistics.median(scan_floor_t) * 1000
    figures["scan_to_floor"] = statistics.median(scan_t) / statistics.median(scan_floor_t)

    # -- closing bags of bag_size items ----------------------------------------------------------
    close_t, close_floor_t = [], []
    for k in range(repeats):
        mine, theirs = open_full_bag(store, clerk, bag_size), open_full_bag(store, clerk, bag_size)
        t0 = time.perf_counter()
        bags.close_bag(store, clerk, mine["id"], seal_no=f"NP-B{k:04d}")
        t1 = time.perf_counter()
        floor_close_bag(store, theirs["id"], f"NP-F{k:04d}", clerk)
        t2 = time.perf_counter()
        close_t.append(t1 - t0)
        close_floor_t.append(t2 - t1)
    figures["bag_close_median_ms"] = statistics.median(close_t) * 1000
    figures["bag_close_floor_median_ms"] = statistics.median(close_floor_t) * 1000
    figures["bag_close_to_floor"] = statistics.median(close_t) / statistics.median(close_floor_t)
    from kt1desk.printing import bag_pdf

    t0 = time.perf_counter()
    bag_pdf(store, mine["id"])
    figures["bag_papers_ms"] = (time.perf_counter() - t0) * 1000

    # -- a day of day_size items: X report and Z close -----------------------------------------------
    x_t, x_floor_t, z_t, z_floor_t = [], [], [], []
    report_size = 0
    for _ in range(repeats):
        mine, theirs = shift_of(store, clerk, day_size), shift_of(store, supervisor, day_size)
        for _ in range(3):
            t0 = time.perf_counter()
            x = shifts.compute(store, mine)
            t1 = time.perf_counter()
            floor_x(store, mine)
            t2 = time.perf_counter()
            x_t.append(t1 - t0)
            x_floor_t.append(t2 - t1)
        report = json.dumps(x, ensure_ascii=False, separators=(",", ":"))
        report_size = len(report)
        t0 = time.perf_counter()
        shifts.close(store, clerk, mine, cash_counted=x["cash_expected_vnd"])
        t1 = time.perf_counter()
        floor_z(store, theirs, report, supervisor)
        t2 = time.perf_counter()
        z_t.append(t1 - t0)
        z_floor_t.append(t2 - t1)
        assert x["items"]["count"] == day_size
    figures["x_median_ms"] = statistics.median(x_t) * 1000
    figures["x_floor_median_ms"] = statistics.median(x_floor_t) * 1000
    figures["x_to_floor"] = statistics.median(x_t) / statistics.median(x_floor_t)
    figures["z_median_ms"] = statistics.median(z_t) * 1000
    figures["z_floor_median_ms"] = statistics.median(z_floor_t) * 1000
    figures["z_to_floor"] = statistics.median(z_t) / statistics.median(z_floor_t)
    figures["z_report_bytes"] = report_size
    from kt1desk.printing import shift_report_pdf

    z = shifts.report(store, clerk, mine)
    t0 = time.perf_counter()
    pdf = shift_report_pdf(z, office.get_office(store), print_no=1)
    figures["z_pdf_ms"] = (time.perf_counter() - t0) * 1000
    figures["z_pdf_pages"] = pdf.count(b"/Type /Page\n") or pdf.count(b"/Type /Page")
    store.close()
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", type=Path, help="a database to copy and work on (a big one from make_big_db.py)")
    parser.add_argument("--bag", type=int, default=500)
    parser.add_argument("--day", type=int, default=2000)
    parser.add_argument("--repeats", type=int, default=7)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="kt1-life-bench-"))
    db = work / "life.sqlite3"
    try:
        if args.base:
            shutil.copy(args.base, db)
            Store(db).close()  # brings its schema up to date (0005)
        else:
            store = Store(db)
            create_demo(store, password=PASSWORD, items=200, life=False)
            store.close()
        figures = run(db, bag_size=args.bag, day_size=args.day, repeats=args.repeats)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    if args.json:
        print(json.dumps(figures, indent=2))
        return 0
    print(f"database: {figures['items_in_database']:,} items at the start")
    print(f"one scan into a bag:   {ms(figures['scan_median_ms'] / 1000)} vs floor "
          f"{ms(figures['scan_floor_median_ms'] / 1000)} → {figures['scan_to_floor']:.2f}×")
    print(f"close a bag of {args.bag}:   {ms(figures['bag_close_median_ms'] / 1000)} vs floor "
          f"{ms(figures['bag_close_floor_median_ms'] / 1000)} → {figures['bag_close_to_floor']:.2f}×  (goal ≤ 3×)")
    print(f"bag label + manifest PDF: {figures['bag_papers_ms']:.0f} ms")
    print(f"X report, {args.day} items: {ms(figures['x_median_ms'] / 1000)} vs floor "
          f"{ms(figures['x_floor_median_ms'] / 1000)} → {figures['x_to_floor']:.2f}×  (goal ≤ 3×)")
    print(f"Z close, {args.day} items:  {ms(figures['z_median_ms'] / 1000)} vs floor "
          f"{ms(figures['z_floor_median_ms'] / 1000)} → {figures['z_to_floor']:.2f}×  (goal ≤ 3×); "
          f"report kept {figures['z_report_bytes'] / 1024:.0f} KB")
    print(f"Z report PDF, {args.day} lines: {figures['z_pdf_ms']:.0f} ms, {figures['z_pdf_pages']} pages")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
