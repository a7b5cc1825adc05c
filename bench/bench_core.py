"""Counter core at scale: intake against its floor, id lookup, text search, file size.

    python bench/bench_core.py                 # 1M items (built once, cached in --cache)
    python bench/bench_core.py --items 100000  # fewer

Goals (issue 2): one intake service call ≤ 3× the floor and < 5 ms median; id
lookup < 1 ms; text search p95 < 20 ms for every query (issue 8), each against a bare FTS5 match of
the same words with the same LIMIT. The floor is measured in the same run,
on the same database with the same pragmas: the rows one intake writes (serial
update, items, items_fts, item_events, journal) inserted with plain SQL in one
transaction. Intake and floor calls alternate so that both see the same disk
and the same database size. Prints figures; asserts nothing about time.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
for p in (str(ROOT), str(ROOT / "bench")):
    if p not in sys.path:
        sys.path.insert(0, p)

from make_big_db import ITEM_COLUMNS, build  # noqa: E402

from kt1desk import s10  # noqa: E402
from kt1desk.services import intake, items, users  # noqa: E402
from kt1desk.storage import Store  # noqa: E402
from kt1desk.text import fold_words  # noqa: E402

QUERIES = ["tinh uy", "so tai chinh", "van phong", "ủy ban nhân dân", "cong an tinh", "Bộ Tài chính",
           "hoi dong nhan dan", "tòa án", "van phong chinh phu", "dak lak"]
PAIRS = [("TUDLK", "VPCP", "thu", 20), ("STC", "BTC", "goi", 480), ("UBND", "TUDLK", "thu", 45),
         ("CAT", "VPQH", "kien", 3200), ("SYT", "UBNDGL", "thu", 90), ("VPUB", "BNV", "goi", 950)]


PAGE = 50  # hits on one page (the command line's default)


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.3f} ms"


def floor_write(store: Store, counter_id: int, block_id: int, template: dict, clerk_id: int) -> None:
    """The rows one intake writes, with plain SQL in one transaction: nothing checked, nothing computed."""
    conn = store.conn
    conn.execute("BEGIN IMMEDIATE")
    serial = conn.execute("UPDATE serial_blocks SET next = next + 1 WHERE id = ? RETURNING next - 1",
                          (block_id,)).fetchone()[0]
    item_id = s10.make_id("DK", serial)
    row = dict(template, id=item_id)
    cursor = conn.execute(f"INSERT INTO items ({', '.join(ITEM_COLUMNS)}) VALUES ({', '.join('?' * len(ITEM_COLUMNS))})",
                          [row[c] for c in ITEM_COLUMNS])
    conn.execute("INSERT INTO items_fts (rowid, text) VALUES (?, ?)", (cursor.lastrowid, template["_fts"]))
    conn.execute("INSERT INTO item_events (item_id, at, kind, user_id, counter_id, details) "
                 "VALUES (?, ?, 'accepted', ?, ?, '{}')", (item_id, row["accepted_at"], clerk_id, counter_id))
    conn.execute("INSERT INTO journal (at, user_id, action, entity, entity_id, details) "
                 "VALUES (?, ?, 'item.accept', 'item', ?, ?)",
                 (row["accepted_at"], clerk_id, item_id, '{"event": "accepted", "back_entry": false}'))
    conn.execute("COMMIT")


def run(db: Path, n_intake: int, n_lookup: int, n_search: int, seed: int = 7) -> dict:
    rng = random.Random(seed)
    store = Store(db)
    clerk = users.get_user(store, "gdv1")
    n_items = store.scalar("SELECT COUNT(*) FROM items")
    figures: dict[str, object] = {"items": n_items}

    # A second counter for the floor, so intake (counter Q01) and floor never share serials.
    floor_counter = store.one("SELECT id FROM counters WHERE code = 'Q02'")["id"]
    floor_block = store.scalar("SELECT id FROM serial_blocks WHERE counter_id = ? AND next <= last ORDER BY id LIMIT 1",
                               (floor_counter,))
    template = dict(store.one("SELECT * FROM items ORDER BY rowid DESC LIMIT 1"))
    template["counter_id"] = floor_counter
    template["_fts"] = intake.search_text(template)

    # Warm up both paths (first-call imports, caches, page cache).
    for i in range(20):
        s, r, k, w = PAIRS[i % len(PAIRS)]
        intake.intake(store, clerk, sender=s, recipient=r, kind=k, weight_g=w, counter="Q01")
        floor_write(store, floor_counter, floor_block, template, clerk.id)

    intake_t, floor_t = [], []
    for i in range(n_intake):
        s, r, k, w = PAIRS[i % len(PAIRS)]
        secrecy = "C" if i % 10 == 0 else None
        t0 = time.perf_counter()
        intake.intake(store, clerk, sender=s, recipient=r, kind=k, weight_g=w, secrecy=secrecy,
                      hoa_toc=(i % 7 == 0), counter="Q01")
        t1 = time.perf_counter()
        floor_write(store, floor_counter, floor_block, template, clerk.id)
        t2 = time.perf_counter()
        intake_t.append(t1 - t0)
        floor_t.append(t2 - t1)
    figures["intake_median_ms"] = statistics.median(intake_t) * 1000
    figures["intake_p95_ms"] = pct(intake_t, 95) * 1000
    figures["floor_median_ms"] = statistics.median(floor_t) * 1000
    figures["floor_p95_ms"] = pct(floor_t, 95) * 1000
    figures["intake_to_floor"] = statistics.median(intake_t) / statistics.median(floor_t)

    # Id lookup as a scanner or clerk types it: lower case, spaces.
    max_rowid = store.scalar("SELECT MAX(rowid) FROM items")
    ids = [store.scalar("SELECT id FROM items WHERE rowid = ?", (rng.randrange(1, max_rowid + 1),))
           for _ in range(n_lookup)]
    ids = [i for i in ids if i]
    lookup_t, search_id_t = [], []
    for item_id in ids:
        typed = f"{item_id[:2].lower()} {item_id[2:6]} {item_id[6:10]} {item_id[10:].lower()}"
        t0 = time.perf_counter()
        found = items.get_item(store, typed)
        t1 = time.perf_counter()
        hits = items.search(store, typed)
        t2 = time.perf_counter()
        assert found["id"] == item_id and hits[0]["id"] == item_id
        lookup_t.append(t1 - t0)
        search_id_t.append(t2 - t1)
    figures["lookup_median_ms"] = statistics.median(lookup_t) * 1000
    figures["lookup_p95_ms"] = pct(lookup_t, 95) * 1000
    figures["search_by_id_p95_ms"] = pct(search_id_t, 95) * 1000

    # Text search, folded, newest first, one page (as the command line shows it), against its floor:
    # a bare FTS5 match of the same words, whole, newest first, with the same LIMIT (no join, no rows).
    per_query = {}
    all_t = []
    for query in QUERIES:
        bare = " ".join(f'"{w}"' for w in fold_words(query))
        times, floor = [], []
        for _ in range(n_search):
            t0 = time.perf_counter()
            hits = items.search(store, query, limit=PAGE)
            t1 = time.perf_counter()
            store.conn.execute("SELECT rowid FROM items_fts WHERE items_fts MATCH ? ORDER BY rowid DESC LIMIT ?",
                               (bare, PAGE)).fetchall()
            t2 = time.perf_counter()
            times.append(t1 - t0)
            floor.append(t2 - t1)
        per_query[query] = {"hits": len(hits), "median_ms": statistics.median(times) * 1000,
                            "p95_ms": pct(times, 95) * 1000, "floor_p95_ms": pct(floor, 95) * 1000,
                            "ratio_p95": pct(times, 95) / max(pct(floor, 95), 1e-9)}
        all_t += times
    figures["search_p95_ms"] = pct(all_t, 95) * 1000
    figures["search_median_ms"] = statistics.median(all_t) * 1000
    figures["search_worst_p95_ms"] = max(q["p95_ms"] for q in per_query.values())
    figures["search_per_query"] = per_query
    store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    figures["file_mb"] = db.stat().st_size / 1e6
    figures["file_bytes_per_item"] = db.stat().st_size / max(1, n_items)
    return figures


def report(f: dict) -> None:
    def goal(ok: bool) -> str:
        return "ok" if ok else "MISSED"

    print(f"items in database        {f['items']:,}")
    if "build_s" in f:
        print(f"build                    {f['build_s']:.1f} s")
    print(f"intake median / p95      {f['intake_median_ms']:.3f} / {f['intake_p95_ms']:.3f} ms   "
          f"(goal < 5 ms: {goal(f['intake_median_ms'] < 5)})")
    print(f"floor  median / p95      {f['floor_median_ms']:.3f} / {f['floor_p95_ms']:.3f} ms")
    print(f"intake / floor           {f['intake_to_floor']:.2f}×   (goal ≤ 3×: {goal(f['intake_to_floor'] <= 3)})")
    print(f"id lookup median / p95   {f['lookup_median_ms']:.3f} / {f['lookup_p95_ms']:.3f} ms   "
          f"(goal < 1 ms: {goal(f['lookup_p95_ms'] < 1)}); search() by id p95 {f['search_by_id_p95_ms']:.3f} ms")
    print(f"text search median / p95 {f['search_median_ms']:.3f} / {f['search_p95_ms']:.3f} ms   "
          f"(goal p95 < 20 ms for every query: {goal(f['search_worst_p95_ms'] < 20)})")
    for query, q in f["search_per_query"].items():
        print(f"    {query!r:<24} {q['hits']:>4} hits  median {q['median_ms']:7.3f} ms  p95 {q['p95_ms']:7.3f} ms  "
              f"floor p95 {q['floor_p95_ms']:6.3f} ms  {q['ratio_p95']:5.1f}×")
    print(f"file size                {f['file_mb']:.0f} MB ({f['file_bytes_per_item']:.0f} bytes an item)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--items", type=int, default=1_000_000)
    parser.add_argument("--cache", type=Path, default=Path("/tmp/kt1desk-bench"),
                        help="folder for the built databases (kept between runs)")
    parser.add_argument("--db", type=Path, help="use this database instead of building one (it is written to)")
    parser.add_argument("--intakes", type=int, default=500)
    parser.add_argument("--lookups", type=int, default=1000)
    parser.add_argument("--searches", type=int, default=30, help="runs of each query")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    build_s = None
    db = args.db
    if db is None:
        args.cache.mkdir(parents=True, exist_ok=True)
        db = args.cache / f"kt1-{args.items}.sqlite3"
        if not db.exists():
            t0 = time.perf_counter()
            build(db, args.items, verbose=True)
            build_s = time.perf_counter() - t0
    figures = run(db, args.intakes, args.lookups, args.searches)
    if build_s is not None:
        figures["build_s"] = build_s
    if args.json:
        print(json.dumps(figures, indent=2))
    else:
        report(figures)
    return 0


if __name__ == "__main__":
    sys.exit(main())
