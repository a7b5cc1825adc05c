"""Bulk back-entry against the other counters: how long the import holds the write lock, and how long
an intake on another counter waits meanwhile.

    python bench/bench_backentry.py                  # 160,000 rows into a fresh demo office
    python bench/bench_backentry.py --rows 20000

The import runs in a child process (as a supervisor's command would) while this process takes an
intake on counter Q02 every 20 ms. Figures: time to check and prepare the rows (no lock held), the
write-lock hold, the longest intake during the import, and the floor: the same rows (items, search
index, events, journal) inserted with plain SQL in one transaction on a copy of the same database.
Prints figures; asserts nothing about time.
"""

from __future__ import annotations

import argparse
import multiprocessing
import random
import shutil
import statistics
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from kt1desk import clock  # noqa: E402
from kt1desk.demo import DEMO_OFFICE, create_demo  # noqa: E402
from kt1desk.services import agencies, backentry, intake, users  # noqa: E402
from kt1desk.storage import Store  # noqa: E402

PASSWORD = "bench-pass-1"


def write_csv(store: Store, path: Path, rows: int, seed: int = 8) -> None:
    rng = random.Random(seed)
    active = agencies.list_agencies(store, include_inactive=False)
    local = [a for a in active if a["province"] == DEMO_OFFICE["province"] and a["appendix"] == "II"]
    now = clock.now()
    lines = ["accepted_at,sender,recipient,kind,weight_g,pieces,secrecy,seal_intact,hoa_toc,hen_gio_at"]
    for _ in range(rows):
        when = now - timedelta(days=rng.randrange(1, 50), minutes=rng.randrange(600))
        sender = rng.choice(local)
        recipient = rng.choice([a for a in active if a["id"] != sender["id"]])
        lines.append(f"{clock.iso(when)[:16].replace('T', ' ')},{sender['code']},{recipient['code']},"
                     f"{rng.choice(['thu', 'goi', 'kien'])},{rng.choice([20, 90, 240, 950, 1500])},1,"
                     f"{rng.choice(['', '', '', 'C'])},có,{rng.choice(['', '', 'x'])},")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _child(db: str, csv: str, out) -> None:
    store = Store(db)
    marks: dict[str, float] = {}
    begin = store._begin

    def timed_begin():
        begin()
        marks["locked"] = time.perf_counter()

    store._begin = timed_begin
    store.write_hooks.append(lambda tx: marks.__setitem__("pre_commit", time.perf_counter()))
    supervisor = users.authenticate(store, "giamsat", PASSWORD)
    started = time.perf_counter()
    ids = backentry.import_items(store, supervisor, csv, counter="Q01")
    done = time.perf_counter()
    out.send({"rows": len(ids), "prepare_s": marks["locked"] - started, "lock_s": done - marks["locked"],
              "commit_s": done - marks["pre_commit"], "started": started, "done": done})
    store.close()


def floor_insert(db: Path, source: Path) -> float:
    """The imported rows, read back, inserted with plain SQL in one transaction on the copy ``db``."""
    import sqlite3

    src = sqlite3.connect(source)
    names = [r[1] for r in src.execute("PRAGMA table_info(items)")]
    rows = src.execute(f"SELECT rowid, {', '.join(names)} FROM items WHERE back_entry = 1").fetchall()
    fts = [(r[0], intake.search_text(dict(zip(names, r[1:])))) for r in rows]
    events = src.execute("SELECT e.item_id, e.at, e.kind, e.user_id, e.counter_id, e.details FROM item_events e "
                         "JOIN items i ON i.id = e.item_id WHERE i.back_entry = 1").fetchall()
    journal = src.execute("SELECT at, user_id, action, entity, entity_id, details FROM journal "
                          "WHERE action = 'item.back_entry'").fetchall()
    src.close()
    conn = sqlite3.connect(db, isolation_level=None)
    for pragma in ("PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL", "PRAGMA foreign_keys=ON"):
        conn.execute(pragma)
    # The shifts the rows belong to (opened by the import's session after the copy was taken): set up, not timed.
    conn.execute("ATTACH DATABASE ? AS src", (str(source),))
    conn.execute("INSERT INTO shifts SELECT * FROM src.shifts WHERE id NOT IN (SELECT id FROM main.shifts)")
    conn.execute("DETACH DATABASE src")
    t0 = time.perf_counter()
    conn.execute("BEGIN IMMEDIATE")
    conn.executemany(f"INSERT INTO items (rowid, {', '.join(names)}) VALUES (?{', ?' * len(names)})", rows)
    conn.executemany("INSERT INTO items_fts (rowid, text) VALUES (?, ?)", fts)
    conn.executemany("INSERT INTO item_events (item_id, at, kind, user_id, counter_id, details) "
                     "VALUES (?, ?, ?, ?, ?, ?)", events)
    conn.executemany("INSERT INTO journal (at, user_id, action, entity, entity_id, details) VALUES (?, ?, ?, ?, ?, ?)",
                     journal)
    conn.execute("COMMIT")
    elapsed = time.perf_counter() - t0
    conn.close()
    return elapsed


def run(rows: int, folder: Path) -> dict:
    db, copy, csv = folder / "office.sqlite3", folder / "floor.sqlite3", folder / "paper.csv"
    store = Store(db)
    create_demo(store, password=PASSWORD, items=300)
    write_csv(store, csv, rows)
    store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    shutil.copy(db, copy)
    clerk = users.authenticate(store, "gdv1", PASSWORD)

    receive, send = multiprocessing.Pipe(duplex=False)
    child = multiprocessing.get_context("spawn").Process(target=_child, args=(str(db), str(csv), send))
    child.start()
    waits = []
    while child.is_alive() and not receive.poll():
        t0 = time.perf_counter()
        intake.intake(store, clerk, sender="TUDLK", recipient="STC", kind="thu", weight_g=20, counter="Q02")
        waits.append((t0, time.perf_counter() - t0))
        time.sleep(0.02)
    result = receive.recv()
    child.join()
    store.close()
    during = [w for t0, w in waits if result["started"] <= t0 <= result["done"]]
    result["intakes_during"] = len(during)
    result["intake_max_s"] = max(during) if during else 0.0
    result["intake_median_s"] = statistics.median(during) if during else 0.0
    result["floor_s"] = floor_insert(copy, db)
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=160_000)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        r = run(args.rows, Path(tmp))
    print(f"rows back-entered          {r['rows']:,}")
    print(f"check + prepare (no lock)  {r['prepare_s']:.2f} s")
    print(f"write lock held            {r['lock_s']:.2f} s  (of which commit {r['commit_s']:.2f} s)")
    print(f"floor: same rows, plain SQL, one transaction  {r['floor_s']:.2f} s   lock / floor {r['lock_s'] / r['floor_s']:.2f}×")
    print(f"intakes on Q02 during the import: {r['intakes_during']}, median {r['intake_median_s'] * 1000:.0f} ms, "
          f"longest {r['intake_max_s'] * 1000:.0f} ms (none failed)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
