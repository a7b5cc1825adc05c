"""Crash safety, shown rather than assumed: intakes and a bulk back-entry killed with SIGKILL at random
moments, hundreds of times; after every kill the database is opened again and checked.

After each kill: every item whose intake returned is there, with its acceptance event, its search
row and its change-log entry; no item is half-written; the serial blocks say exactly how many ids
were issued (none twice, none lost); the file passes quick_check. At the end the whole database
passes integrity_check and ``audit verify`` (the change log's chain and every record). A bulk
back-entry is all or nothing, wherever it was killed.
"""

from __future__ import annotations

import os
import random
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest

from kt1desk import clock
from kt1desk.demo import create_demo
from kt1desk.storage import Store

ROOT = Path(__file__).resolve().parent.parent
ROUNDS = 220
BULK_ROUNDS = 24
BULK_ROWS = 300

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="the fork server needs POSIX fork")


class Driver:
    def __init__(self, db: Path, returned: Path):
        env = dict(os.environ, PYTHONPATH=str(ROOT))
        self.proc = subprocess.Popen([sys.executable, str(ROOT / "tests" / "crash_driver.py"), str(db), str(returned)],
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=env)
        assert self.proc.stdout.readline().strip() == "ready"

    def round(self, *words) -> str:
        self.proc.stdin.write(" ".join(str(w) for w in words) + "\n")
        self.proc.stdin.flush()
        return self.proc.stdout.readline().strip()

    def close(self) -> None:
        self.proc.stdin.close()
        self.proc.wait(timeout=30)


def _fresh(tmp_path: Path) -> Path:
    db = tmp_path / "kt1.sqlite3"
    store = Store(db)
    create_demo(store, password="crash-pass", items=0)
    store.close()
    return db


def _check(db: Path, returned: list[str]) -> dict:
    """What every kill must leave: the database opened again, whole."""
    store = Store(db)  # recovery of whatever the killed process left in the WAL
    try:
        ids = {r["id"] for r in store.all("SELECT id FROM items")}
        missing = [i for i in returned if i not in ids]
        assert not missing, f"intakes returned but lost: {missing}"
        assert store.scalar("SELECT COUNT(*) FROM items i WHERE NOT EXISTS (SELECT 1 FROM item_events e "
                            "WHERE e.item_id = i.id AND e.kind = 'accepted')") == 0
        assert store.scalar("SELECT COUNT(*) FROM item_events e WHERE NOT EXISTS "
                            "(SELECT 1 FROM items i WHERE i.id = e.item_id)") == 0
        assert store.scalar("SELECT COUNT(*) FROM items_fts") == len(ids)
        assert store.scalar("SELECT COUNT(*) FROM items i WHERE NOT EXISTS (SELECT 1 FROM items_fts f "
                            "WHERE f.rowid = i.rowid)") == 0
        assert store.scalar("SELECT COUNT(*) FROM items i WHERE NOT EXISTS (SELECT 1 FROM change_log c "
                            "WHERE c.tbl = 'items' AND c.pk = json_array(i.id))") == 0
        # Every id issued is an item, and every item an id issued: nothing burnt, nothing issued twice.
        assert store.scalar("SELECT SUM(next - first) FROM serial_blocks") == len(ids)
        assert store.scalar("PRAGMA quick_check") == "ok"
        return {"items": len(ids), "back_entered": store.scalar("SELECT COUNT(*) FROM items WHERE back_entry = 1")}
    finally:
        store.close()


def _final(db: Path) -> None:
    from kt1desk.sync import audit

    store = Store(db)
    try:
        assert store.scalar("PRAGMA integrity_check") == "ok"
        report = audit.verify(store)
        assert report.intact, [f.text("en") for f in report.findings]
    finally:
        store.close()


def _errors(returned: Path) -> str:
    errors = Path(str(returned) + ".errors")
    return errors.read_text() if errors.exists() else ""


def test_intakes_killed_at_random_moments_lose_nothing_that_returned(tmp_path):
    db, returned = _fresh(tmp_path), tmp_path / "returned.txt"
    returned.touch()
    rng = random.Random(12)
    driver = Driver(db, returned)
    kills = 0
    try:
        for n in range(ROUNDS):
            # Half the kills land while the program opens the database (and recovers the last kill's
            # WAL), half while it takes items in, one after another.
            when = "fork" if n % 2 else "ready"
            answer = driver.round("intake", when, rng.randint(0, 60 if when == "fork" else 80))
            kills += answer == "killed"
            ids = returned.read_text().split()
            assert len(ids) == len(set(ids)), "an id was issued twice"
            assert not _errors(returned), _errors(returned)
            _check(db, ids)
    finally:
        driver.close()
    assert kills >= 200
    assert len(returned.read_text().split()) > ROUNDS  # the kills fell among real work
    _final(db)


def test_a_bulk_back_entry_killed_midway_is_all_or_nothing(tmp_path):
    db, returned = _fresh(tmp_path), tmp_path / "returned.txt"
    returned.touch()
    csv = tmp_path / "paper.csv"
    day = clock.now() - timedelta(days=2)
    lines = ["accepted_at,sender,recipient,kind,weight_g"]
    lines += [f"{(day + timedelta(minutes=k)).strftime('%Y-%m-%d %H:%M')},TUDLK,STC,thu,{20 + k % 50}"
              for k in range(BULK_ROWS)]
    csv.write_text("\n".join(lines) + "\n", encoding="utf-8")
    rng = random.Random(7)
    driver = Driver(db, returned)
    outcomes = {"killed": 0, "finished": 0}
    try:
        for n in range(BULK_ROUNDS):
            # A third while the rows are checked (no lock held), the rest inside the one write.
            when = "fork" if n % 3 == 0 else "write"
            answer = driver.round("bulk", when, rng.randint(0, 500 if when == "fork" else 60), csv)
            outcomes[answer] += 1
            assert not _errors(returned), _errors(returned)
            done = sum(int(line.split()[1]) for line in returned.read_text().splitlines() if line.startswith("bulk"))
            facts = _check(db, [])
            assert facts["back_entered"] % BULK_ROWS == 0, f"a partial import: {facts['back_entered']} items"
            assert facts["back_entered"] >= done
    finally:
        driver.close()
    assert outcomes["killed"] >= BULK_ROUNDS // 2
    _final(db)
