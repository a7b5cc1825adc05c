"""Build a big counter database for benchmarks: the demo office, agencies and tariff plus N items.

The items are written exactly as ``kt1desk.services.intake._insert`` writes them —
one ``items`` row, its ``items_fts`` row (same rowid, ``search_text``), its
``accepted`` event in ``item_events`` and its journal row — but with
``executemany`` in big transactions instead of one service call each, so that
a million items take a minute or two rather than hours.

    python bench/make_big_db.py /tmp/kt1-1m.sqlite3 --items 1000000

Other benches import it: ``from bench.make_big_db import build`` (or put
``bench/`` on ``sys.path`` and ``import make_big_db``).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from kt1desk import clock, s10  # noqa: E402
from kt1desk.demo import AGENCIES_FILE, DEMO_COUNTERS, DEMO_OFFICE, DEMO_USERS  # noqa: E402
from kt1desk.paths import resource  # noqa: E402
from kt1desk.services import agencies, office, tariff, users  # noqa: E402
from kt1desk.services.calendar import calendar  # noqa: E402
from kt1desk.services.intake import search_text  # noqa: E402
from kt1desk.services.tariff import compute_fee  # noqa: E402
from kt1desk.storage import Store  # noqa: E402
from kt1desk.workdays import deadline_days  # noqa: E402

PASSWORD = "kt1-bench-pass"
BATCH = 50_000
# Each counter draws from its own blocks; a block holds a million serials.
BLOCK = 1_000_000

ITEM_COLUMNS = (
    "id", "counter_id", "clerk_id", "sender_id", "sender_code", "sender_name", "recipient_id", "recipient_code",
    "recipient_name", "recipient_address", "recipient_province", "kind", "weight_g", "pieces", "secrecy",
    "seal_intact", "hoa_toc", "hen_gio_at", "scope", "accepted_at", "entered_at", "back_entry", "deadline",
    "fee_vnd", "vat_rate_bp", "vat_vnd", "free_reason", "tariff_id", "status", "immediate_dispatch", "payment",
)


def _setup(store: Store) -> None:
    """Office, two counters with blocks for the items to come, users, directory, sample tariff."""
    office.init_office(store, None, **DEMO_OFFICE)
    for code, name, first, last in DEMO_COUNTERS:
        office.add_counter(store, None, code=code, name=name, first=first, last=last)
    for login, name, role in DEMO_USERS:
        users.create_user(store, None, login=login, full_name=name, role=role, password=PASSWORD)
    agencies.import_csv(store, None, resource(AGENCIES_FILE))
    tariff.import_sample(store, None, effective_from=date(2020, 1, 1))


def _serials(store: Store, n_items: int) -> list[tuple[int, str, int]]:
    """(counter id, indicator, serial) for n items, alternating counters, giving blocks as needed."""
    counters = [office.get_counter(store, c[0]) for c in DEMO_COUNTERS]
    per_counter = [(n_items + 1 - i) // 2 for i in range(len(counters))]
    plan = []
    next_free = 20_000_000  # above the demo blocks
    with store.write(None, "bench.blocks") as tx:
        for counter, need in zip(counters, per_counter):
            blocks = tx.execute("SELECT id, first, last, next FROM serial_blocks WHERE counter_id = ? ORDER BY id",
                                (counter["id"],)).fetchall()
            capacity = sum(b[2] - b[3] + 1 for b in blocks)
            while capacity < need + 10_000:  # leave room for the bench's own intakes
                office._add_block(store, tx, counter["id"], next_free, next_free + BLOCK - 1)
                next_free += BLOCK
                capacity += BLOCK
            blocks = tx.execute("SELECT id, indicator, first, last, next FROM serial_blocks WHERE counter_id = ? "
                                "ORDER BY id", (counter["id"],)).fetchall()
            serials, left = [], need
            for block_id, indicator, _first, last, nxt in blocks:
                take = min(left, last - nxt + 1)
                serials.extend((indicator, s) for s in range(nxt, nxt + take))
                tx.execute("UPDATE serial_blocks SET next = ? WHERE id = ?", (nxt + take, block_id))
                left -= take
                if not left:
                    break
            plan.append([(counter["id"], ind, s) for ind, s in serials])
    out = []
    for i in range(n_items):
        out.append(plan[i % 2][i // 2])
    return out


def build(path: str | Path, n_items: int, *, seed: int = 2026, years: float = 3.0, journal: bool = True,
          verbose: bool = False) -> None:
    """Create ``path`` (which must not exist) with the demo setup and ``n_items`` plausible items.

    Items are spread over the last ``years`` years, in acceptance order (rowid order = time order),
    as a counter would have stored them. ``journal=False`` leaves out the journal rows.
    """
    path = Path(path)
    if path.exists():
        raise FileExistsError(path)
    started = time.perf_counter()
    store = Store(path)
    try:
        _setup(store)
        _fill(store, n_items, seed=seed, years=years, journal=journal, verbose=verbose)
    finally:
        store.close()
    if verbose:
        print(f"built {n_items:,} items in {time.perf_counter() - started:.1f} s: {path} "
              f"({path.stat().st_size / 1e6:.0f} MB)", file=sys.stderr)


def _fill(store: Store, n_items: int, *, seed: int, years: float, journal: bool, verbose: bool) -> None:
    rng = random.Random(seed)
    conn = store.conn
    conn.execute("PRAGMA cache_size=-200000")  # 200 MB while building
    clerks = [users.get_user(store, login) for login, _n, role in DEMO_USERS if role == "clerk"]
    clerk = clerks[0]
    home = DEMO_OFFICE["province"]
    active = [a for a in agencies.list_agencies(store, include_inactive=False)]
    local = [a for a in active if a["province"] == home]
    recipients = {a["id"]: [r for r in active if r["id"] != a["id"]] for a in local}
    cal = calendar(store)
    now = clock.now().replace(second=0)
    span_min = int(years * 365 * 24 * 60)
    # Acceptance times: sorted, so items are stored in the order they were taken.
    offsets = sorted((rng.randrange(span_min) for _ in range(n_items)), reverse=True)
    serials = _serials(store, n_items)
    if verbose:
        print(f"  setup + plan {n_items:,}", file=sys.stderr)

    deadline_cache: dict[tuple, str] = {}
    fee_cache: dict[tuple, tuple] = {}
    first_rowid = (store.scalar("SELECT MAX(rowid) FROM items") or 0) + 1
    weights = [15, 20, 45, 90, 180, 240, 480, 950, 1500, 3200, 7000]
    insert_item = (f"INSERT INTO items (rowid, {', '.join(ITEM_COLUMNS)}) "
                   f"VALUES ({', '.join('?' for _ in range(len(ITEM_COLUMNS) + 1))})")
    done = 0
    while done < n_items:
        count = min(BATCH, n_items - done)
        item_rows, fts_rows, event_rows, journal_rows = [], [], [], []
        for k in range(done, done + count):
            when = now - timedelta(minutes=offsets[k])
            # Counters open 7:00–17:00 mostly; a few after hours (the service runs 24/7).
            if rng.random() < 0.95:
                when = min(now, when.replace(hour=7 + (when.hour % 10)))
            when_iso = clock.iso(when)
            sender = rng.choice(local)
            recipient = rng.choice(recipients[sender["id"]])
            scope = "noi-tinh" if recipient["province"] == home else "lien-tinh"
            secrecy = rng.choices((None, "C", "B", "A"), weights=(80, 10, 7, 3))[0]
            hoa_toc = rng.random() < 0.12
            weight = rng.choice(weights)
            day = when.date()
            key = (day, hoa_toc, scope)
            deadline = deadline_cache.get(key)
            if deadline is None:
                deadline = clock.iso(cal.deadline(when, deadline_days(hoa_toc=hoa_toc, scope=scope)))
                deadline_cache[key] = deadline
            fkey = (sender["appendix"], weight, scope, hoa_toc, secrecy)  # the surcharge depends on the letter
            fee = fee_cache.get(fkey)
            if fee is None:
                f = compute_fee(store, sender_appendix=sender["appendix"], weight_g=weight, scope=scope,
                                day=day, hoa_toc=hoa_toc, secrecy=secrecy)
                fee = fee_cache[fkey] = (f.net, f.free_reason, f.tariff_id, f.vat_rate_bp, f.vat)
            counter_id, indicator, serial = serials[k]
            item_id = s10.make_id(indicator, serial)
            row = {
                "id": item_id, "counter_id": counter_id, "clerk_id": clerk.id,
                "sender_id": sender["id"], "sender_code": sender["code"], "sender_name": sender["name"],
                "recipient_id": recipient["id"], "recipient_code": recipient["code"],
                "recipient_name": recipient["name"], "recipient_address": recipient.get("address") or "",
                "recipient_province": recipient["province"], "kind": rng.choices(("thu", "goi", "kien"), (70, 22, 8))[0],
                "weight_g": weight, "pieces": rng.choices((1, 2, 3), (90, 8, 2))[0], "secrecy": secrecy,
                "seal_intact": 1, "hoa_toc": int(hoa_toc), "hen_gio_at": None, "scope": scope,
                "accepted_at": when_iso, "entered_at": when_iso, "back_entry": 0, "deadline": deadline,
                "fee_vnd": fee[0], "vat_rate_bp": fee[3], "vat_vnd": fee[4], "free_reason": fee[1], "tariff_id": fee[2],
                # Old items have left long ago; only the last few secret ones still wait.
                "status": "accepted", "immediate_dispatch": int(secrecy is not None and k >= n_items - 5),
                # Who pays, as intake fixes it: free exactly when the fee is (a trigger checks it).
                "payment": "free" if fee[1] else sender.get("billing") or "cash",
            }
            rowid = first_rowid + k
            item_rows.append((rowid, *row.values()))
            fts_rows.append((rowid, search_text(row)))
            event_rows.append((item_id, when_iso, clerk.id, counter_id))
            if journal:
                journal_rows.append((when_iso, clerk.id, item_id))
        with store.write(None, "bench.fill"):
            conn.executemany(insert_item, item_rows)
            conn.executemany("INSERT INTO items_fts (rowid, text) VALUES (?, ?)", fts_rows)
            conn.executemany("INSERT INTO item_events (item_id, at, kind, user_id, counter_id, details) "
                             "VALUES (?, ?, 'accepted', ?, ?, '{}')", event_rows)
            if journal:
                details = json.dumps({"event": "accepted", "back_entry": False})
                conn.executemany("INSERT INTO journal (at, user_id, action, entity, entity_id, details) "
                                 f"VALUES (?, ?, 'item.accept', 'item', ?, '{details}')", journal_rows)
        done += count
        if verbose:
            print(f"  {done:,} items", file=sys.stderr)
    conn.execute("PRAGMA optimize")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("path", type=Path)
    parser.add_argument("--items", type=int, default=1_000_000)
    parser.add_argument("--years", type=float, default=3.0, help="spread the items over this many years back")
    parser.add_argument("--no-journal", action="store_true")
    args = parser.parse_args(argv)
    build(args.path, args.items, years=args.years, journal=not args.no_journal, verbose=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
