"""Backup of a big database against a plain file copy of the same database, in the same run.

    python bench/bench_backup.py --db /work/benchcache/kt1-1000000-schema0004.sqlite3   # copied first, never touched
    python bench/bench_backup.py --db big.sqlite3 --runs 2 --out /tmp/bk

Measured, alternating (floor, backup, floor, backup …), into the same folder:

* floor — ``shutil.copyfile`` of the database file (what copying it by hand to a stick costs);
* backup — ``kt1desk backup``'s work: SQLite's online backup API in one step into ``.part``, synced;
  then its checks (integrity_check over every page, the change log's hash chain, its SHA-256) and the
  rename. The copy phase and the check phase are printed apart.

Prints MB/s of each and the ratios; asserts nothing. The machine is shared: compare ratios of one run.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", required=True, type=Path, help="a big database (copied first; the copy is used)")
    parser.add_argument("--out", type=Path, help="folder for the copies (default: a temporary folder)")
    parser.add_argument("--runs", type=int, default=1)
    args = parser.parse_args()

    from kt1desk.backup import copy
    from kt1desk.storage import Store

    work = Path(tempfile.mkdtemp(prefix="kt1-bench-backup-", dir=args.out.parent if args.out else None))
    out = args.out or work / "out"
    out.mkdir(parents=True, exist_ok=True)
    db = work / "kt1.sqlite3"
    started = time.perf_counter()
    shutil.copyfile(args.db, db)
    keys = Path(str(args.db) + ".keys")
    if keys.is_dir():
        shutil.copytree(keys, Path(str(db) + ".keys"))
    print(f"copied the source once in {time.perf_counter() - started:.1f} s (not measured)")
    store = Store(db)  # brought to this program's schema once, before anything is timed
    store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    size = db.stat().st_size
    mb = size / 1e6
    items = store.scalar("SELECT COUNT(*) FROM items")
    print(f"database: {items:,} items, {mb:,.0f} MB")
    floors, copies, totals, checks = [], [], [], []
    for run in range(args.runs):
        target = out / f"plain-{run}.sqlite3"
        t0 = time.perf_counter()
        shutil.copyfile(db, target)
        with open(target, "rb+") as handle:
            os.fsync(handle.fileno())
        floors.append(time.perf_counter() - t0)
        target.unlink()
        t0 = time.perf_counter()
        done = copy.take(store, out, keep=1)
        totals.append(time.perf_counter() - t0)
        copies.append(done["copy_seconds"])
        checks.append(done["check_seconds"])
        for path in out.glob("KT1-*"):
            path.unlink()
        print(f"run {run + 1}: floor {floors[-1]:.1f} s, backup copy {copies[-1]:.1f} s + checks {checks[-1]:.1f} s "
              f"= {totals[-1]:.1f} s")
    store.close()
    floor, copied, total, checked = min(floors), min(copies), min(totals), min(checks)
    print()
    print("| | seconds | MB/s | ratio to the floor |")
    print("|---|---|---|---|")
    print(f"| floor: plain file copy + fsync | {floor:.1f} | {mb / floor:,.0f} | 1.00× |")
    print(f"| backup API copy (one snapshot) + fsync | {copied:.1f} | {mb / copied:,.0f} | {copied / floor:.2f}× |")
    print(f"| checks: integrity_check + chain + SHA-256 | {checked:.1f} | {mb / checked:,.0f} | {checked / floor:.2f}× |")
    print(f"| whole backup | {total:.1f} | {mb / total:,.0f} | {total / floor:.2f}× |")
    print(f"(best of {args.runs}; load average {os.getloadavg()[0]:.1f})")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
