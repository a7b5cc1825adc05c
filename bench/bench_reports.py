"""A year's report over a database of a million items, against a floor measured in the same run.

    python bench/bench_reports.py [DB] [--year Y] [--runs N] [--keep-copy]

DB defaults to /work/benchcache/kt1-1m.sqlite3 (made by ``bench/make_big_db.py``). It is copied
first and the copy is used: the bench never changes the file it is given.

The floor is one plain SQL query of the same sums over the year through the acceptance index —
items, voided, pieces, fees, VAT, per payer (items, fees, VAT), free reasons, per kind (items, fees),
per mark, per secrecy letter, per scope — what anyone would write first. ``figures.compute`` gives
all of that and more (per month, per sender, per destination, after hours / weekends / holidays
from the calendar, on time, refusals, complaints, adoption over the years). Goals: at most 2× the
floor, and under 2 s. Both are printed with their ratio, best of N runs (the machine is shared).
The floor's figures are checked equal to the report's.
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from kt1desk.reports.figures import compute  # noqa: E402
from kt1desk.reports.period import Period  # noqa: E402
from kt1desk.storage import Store  # noqa: E402

DEFAULT_DB = Path("/work/benchcache/kt1-1m.sqlite3")
GOAL_RATIO = 2.0
GOAL_SECONDS = 2.0

FLOOR_SQL = """
    SELECT COUNT(*) FILTER (WHERE status <> 'voided'), COUNT(*) FILTER (WHERE status = 'voided'),
           SUM(pieces) FILTER (WHERE status <> 'voided'), SUM(fee_vnd) FILTER (WHERE status <> 'voided'),
           SUM(vat_vnd) FILTER (WHERE status <> 'voided'),
           SUM(status <> 'voided' AND payment = 'cash'), SUM(fee_vnd) FILTER (WHERE status <> 'voided' AND payment = 'cash'),
           SUM(vat_vnd) FILTER (WHERE status <> 'voided' AND payment = 'cash'),
           SUM(status <> 'voided' AND payment = 'account'),
           SUM(fee_vnd) FILTER (WHERE status <> 'voided' AND payment = 'account'),
           SUM(vat_vnd) FILTER (WHERE status <> 'voided' AND payment = 'account'),
           SUM(status <> 'voided' AND payment = 'free'),
           SUM(status <> 'voided' AND free_reason = 'appendix-I'), SUM(status <> 'voided' AND free_reason = 'central-office'),
           SUM(status <> 'voided' AND kind = 'thu'), SUM(fee_vnd) FILTER (WHERE status <> 'voided' AND kind = 'thu'),
           SUM(status <> 'voided' AND kind = 'goi'), SUM(fee_vnd) FILTER (WHERE status <> 'voided' AND kind = 'goi'),
           SUM(status <> 'voided' AND kind = 'kien'), SUM(fee_vnd) FILTER (WHERE status <> 'voided' AND kind = 'kien'),
           SUM(status <> 'voided' AND hoa_toc = 1), SUM(status <> 'voided' AND hen_gio_at IS NOT NULL),
           SUM(status <> 'voided' AND hoa_toc = 0 AND hen_gio_at IS NULL),
           SUM(status <> 'voided' AND secrecy = 'A'), SUM(status <> 'voided' AND secrecy = 'B'),
           SUM(status <> 'voided' AND secrecy = 'C'), SUM(status <> 'voided' AND secrecy IS NULL),
           SUM(status <> 'voided' AND scope = 'noi-tinh'), SUM(status <> 'voided' AND scope = 'lien-tinh')
    FROM items WHERE accepted_at >= ? AND accepted_at < ?"""


def floor_figures(report: dict) -> tuple:
    """The report's figures in the floor query's order."""
    p, k, m, s = report["by_payment"], report["by_kind"], report["by_mark"], report["by_secrecy"]
    return (report["items"], report["voided"], report["pieces"], report["fees_vnd"], report["vat_vnd"],
            p["cash"]["items"], p["cash"]["fees_vnd"], p["cash"]["vat_vnd"],
            p["account"]["items"], p["account"]["fees_vnd"], p["account"]["vat_vnd"], p["free"]["items"],
            report["free"]["appendix-I"], report["free"]["central-office"],
            k["thu"]["items"], k["thu"]["fees_vnd"], k["goi"]["items"], k["goi"]["fees_vnd"],
            k["kien"]["items"], k["kien"]["fees_vnd"], m["hoa_toc"], m["hen_gio"], m["none"],
            s["A"], s["B"], s["C"], s["none"], report["by_scope"]["noi-tinh"], report["by_scope"]["lien-tinh"])


def _copy(source: Path, folder: Path) -> Path:
    target = folder / source.name
    for suffix in ("", "-wal"):
        if Path(str(source) + suffix).exists():
            shutil.copyfile(str(source) + suffix, str(target) + suffix)
    keys = Path(str(source) + ".keys")
    if keys.is_dir():
        shutil.copytree(keys, Path(str(target) + ".keys"))
    return target


def _last_year(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute("SELECT MAX(accepted_at) FROM items").fetchone()[0][:4]) - 1
    finally:
        conn.close()


def deliver(path: Path, year: int, fraction: float) -> None:
    """Walk ``fraction`` of the year's items to 'delivered' along the legal transitions, each with its
    delivery event 2–70 h after acceptance (so some are late): what a year-old office looks like. The
    copy's change-log capture is left out (the store puts the triggers back when it opens)."""
    started = time.perf_counter()
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("BEGIN IMMEDIATE")
        for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'kt1log_%'").fetchall():
            conn.execute(f'DROP TRIGGER "{name}"')
        chosen = (f"accepted_at >= '{year}-01-01' AND accepted_at < '{year + 1}-01-01' "
                  f"AND (rowid * 7919) % 1000 < {int(fraction * 1000)}")
        previous = "accepted"
        for status in ("bagged", "dispatched", "received", "delivered"):
            conn.execute(f"UPDATE items SET status = '{status}' WHERE status = '{previous}' AND {chosen}")
            previous = status
        conn.execute("INSERT INTO item_events (item_id, at, kind, details) "
                     "SELECT id, strftime('%Y-%m-%dT%H:%M:%S+07:00', substr(accepted_at, 1, 19), "
                     f"'+' || (2 + (rowid * 31) % 68) || ' hours'), 'delivered', '{{}}' FROM items "
                     f"WHERE status = 'delivered' AND {chosen}")
        n = conn.execute(f"SELECT COUNT(*) FROM items WHERE status = 'delivered' AND {chosen}").fetchone()[0]
        conn.execute("COMMIT")
    finally:
        conn.close()
    print(f"delivered {n:,} items of {year} in the copy in {time.perf_counter() - started:.1f} s")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("db", type=Path, nargs="?", default=DEFAULT_DB)
    parser.add_argument("--year", type=int, help="default: the last whole year in the database")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--keep-copy", action="store_true")
    parser.add_argument("--in-place", action="store_true", help="DB is already a scratch copy: use it as it is")
    parser.add_argument("--delivered", type=float, default=0.0, metavar="FRACTION",
                        help="first deliver this fraction of the year's items in the copy (on time mostly)")
    args = parser.parse_args(argv)
    if not args.db.exists():
        print(f"no database at {args.db}: build one with bench/make_big_db.py", file=sys.stderr)
        return 2
    if args.in_place:
        store = Store(args.db)
        try:
            return _run(store, args)
        finally:
            store.close()
    folder = Path(tempfile.mkdtemp(prefix="bench-reports-"))
    try:
        started = time.perf_counter()
        path = _copy(args.db, folder)
        print(f"copied {args.db} ({path.stat().st_size / 1e6:,.0f} MB) in {time.perf_counter() - started:.1f} s")
        if args.delivered:
            deliver(path, args.year or _last_year(path), args.delivered)
        store = Store(path)
        try:
            return _run(store, args)
        finally:
            store.close()
    finally:
        if args.keep_copy:
            print(f"copy kept in {folder}")
        else:
            shutil.rmtree(folder, ignore_errors=True)


def _run(store: Store, args) -> int:
    conn = store.conn
    total = conn.execute("SELECT COUNT(*) FROM items").fetchone()[0]
    last = conn.execute("SELECT MAX(accepted_at) FROM items").fetchone()[0]
    year = args.year or int(last[:4]) - 1
    period = Period.year(year)
    lo, hi = period.bounds()
    in_year = conn.execute("SELECT COUNT(*) FROM items WHERE accepted_at >= ? AND accepted_at < ?", (lo, hi)).fetchone()[0]
    print(f"database: {total:,} items; year {year}: {in_year:,} items; {args.runs} runs each, interleaved")
    floors, reports = [], []
    floor_row = report = None
    for _ in range(args.runs):
        t0 = time.perf_counter()
        floor_row = conn.execute(FLOOR_SQL, (lo, hi)).fetchone()
        floors.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        report = compute(store, period)
        reports.append(time.perf_counter() - t0)
    same = tuple(v or 0 for v in floor_row) == floor_figures(report)
    floor, best = min(floors), min(reports)
    ratio = best / floor
    print(f"floor  (one plain query of the same sums): best {floor:.3f} s, median {statistics.median(floors):.3f} s")
    print(f"report (figures.compute, everything):      best {best:.3f} s, median {statistics.median(reports):.3f} s")
    median_ratio = statistics.median(reports) / statistics.median(floors)
    print(f"ratio {ratio:.2f}× best to best, {median_ratio:.2f}× median to median "
          f"(goal ≤ {GOAL_RATIO:.0f}×: {'met' if ratio <= GOAL_RATIO else 'NOT met'}); "
          f"{'under' if best < GOAL_SECONDS else 'NOT under'} {GOAL_SECONDS:.0f} s")
    print(f"figures equal to the floor's: {'yes' if same else 'NO'}; items {report['items']:,}, "
          f"fees {report['fees_vnd']:,} đ, senders {len(report['by_sender'])}, "
          f"adoption {report['agencies_used']}/{report['agencies_eligible']} = {report['adoption_pct']} %, "
          + (f"on time {report['on_time_pct']} % of {report['on_time']['known']:,}" if report["on_time"]
             else "on time: no data (no delivery attempt recorded)"))
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
