"""``kt1desk restore FILE``: put a backup in the place of the counter's database, safely.

1. The backup is checked first (``copy.inspect``: integrity, no newer program's schema, the change
   log chain, the SHA-256 beside it); a backup of another office or counter is refused.
2. It is copied (SQLite's backup API) to ``.<name>.restoring`` beside the database, brought to this
   program's schema, and the restore is recorded in it — in the change log too.
3. The current database must not be in use (it is taken for this process alone for a moment, its
   WAL folded in); it is kept aside as ``<name>.before-restore-<time>`` (with any -wal/-shm).
4. One rename puts the restored file in place: there is never a half-restored database.

A restored counter must never issue an S10 id it had already issued after that backup. Where its
serials stood is taken from whoever knows: the database being replaced (when it can still be read),
the operator (``--last-id``: the id on the latest receipt or label), or the province
(``--central URL``: the highest serial central saw, as in issue 9's fork handling). Each block is
moved past the highest of them. When none of these is given the counter issues no id at all until
an admin says (``kt1desk serials``, or the settings dialog). At the next sync the province sees the
fork (if it holds entries newer than the backup) and the counter continues under a new identity.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

from .. import clock, s10
from ..dbfile import StorageError
from ..errors import Kt1Error
from ..location import fsync_dir, fsync_file, take_whole
from . import copy


def _blocks_of(conn: sqlite3.Connection, counter: str | None) -> list[dict]:
    """The serial high-water marks a database holds for a counter: one per block already drawn from."""
    rows = conn.execute("SELECT b.indicator, b.first, b.last, b.next FROM serial_blocks b JOIN counters c "
                        "ON c.id = b.counter_id WHERE c.code = ?", (counter,)).fetchall()
    return [{"indicator": r[0], "first": r[1], "last": r[2], "high": r[3] - 1} for r in rows if r[3] > r[1]]


def _current(db_path: Path, counter: str | None) -> tuple[list[dict] | None, bool]:
    """Where the database being replaced says the serials stood (None if it cannot be read), and whether
    it exists. StorageError('db_in_use') while another program has it open."""
    if not db_path.exists() or db_path.stat().st_size == 0:
        return None, db_path.exists()
    try:
        conn = take_whole(db_path)  # nobody else has it open; its WAL folded in
    except StorageError as err:
        if err.code == "db_in_use":
            raise
        conn = None
    try:
        if conn is None:  # damaged: perhaps its serial blocks can still be read
            conn = sqlite3.connect(db_path.resolve().as_uri() + "?mode=ro", uri=True)
        return _blocks_of(conn, counter), True
    except sqlite3.Error:
        return None, True
    finally:
        if conn is not None:
            conn.close()


def last_id_high(store, last_id: str) -> list[dict]:
    """The high-water mark the operator read on the latest receipt or label."""
    from ..services import office

    item_id = s10.parse(last_id)
    indicator, serial = item_id[:2], int(item_id[2:10])
    counter = office.get_counter(store)
    block = store.one("SELECT indicator, first, last FROM serial_blocks WHERE counter_id = ? AND indicator = ? "
                      "AND first <= ? AND ? <= last", (counter["id"], indicator, serial, serial))
    if block is None:
        raise Kt1Error("serial_not_ours", "id", id=item_id, counter=counter["code"])
    return [dict(block, high=serial)]


def confirm_serials(store, actor, *, highs: list[dict], source: str, detail: dict | None = None) -> dict:
    """Move the counter's blocks past ``highs`` and mark any pending restore's serials as known, in one write."""
    from ..sync.client import advance_serials

    with store.write(actor, "restore.serials") as tx:
        moved = advance_serials(tx, highs)
        now = clock.iso(tx.now)
        pending = tx.execute("SELECT id FROM restores WHERE serials_confirmed_at IS NULL").fetchall()
        for (restore_id,) in pending:
            tx.execute("UPDATE restores SET serials_confirmed_at = ?, serials_source = ?, serials_detail = ? "
                       "WHERE id = ?", (now, source, json.dumps({"highs": highs} | (detail or {})), restore_id))
            tx.record("restore", restore_id, serials=source, blocks_moved=moved)
    return {"blocks_moved": moved, "source": source, "confirmed": [r[0] for r in pending]}


def serial_sources(store, *, last_id: str | None, central: str | None) -> tuple[list[dict], list[str]]:
    """The high-water marks the operator and the province give, and which of them answered."""
    highs, sources = [], []
    if last_id:
        highs += last_id_high(store, last_id)
        sources.append("operator")
    if central:
        from ..sync.client import central_serial_high

        highs += central_serial_high(store, central)
        sources.append("central")
    return highs, sources


def restore(db_path: str | Path, file: str | Path, *, authenticate: Callable, last_id: str | None = None,
            central: str | None = None) -> dict:
    """Restore ``file`` in the place of ``db_path`` (see the module's text). ``authenticate(store)`` returns
    the admin doing it, checked against the database being replaced when it opens, else the backup's."""
    from ..storage import Store

    db_path, file = Path(db_path), Path(file)
    try:
        facts = copy.inspect(file, records=True)
    except copy.NotSound as bad:
        raise Kt1Error("restore_refused", path=str(file), reason=bad.reason) from None
    actor = None
    if db_path.exists() and db_path.stat().st_size > 0:
        try:
            current = Store(db_path)
        except StorageError as err:
            if err.code == "db_in_use":
                raise
            current = None  # damaged, newer…: the backup's own admin decides
        if current is not None:
            try:
                here = current.one("SELECT code FROM office WHERE id = 1")
                if here is not None:
                    from ..services import office

                    counter = office.get_counter(current)["code"]
                    if (here["code"], counter) != (facts["office"], facts["counter"]):
                        raise Kt1Error("restore_other_office", path=str(file),
                                       backup=f"{facts['office']} {facts['counter']}",
                                       current=f"{here['code']} {counter}")
                    actor = authenticate(current)
            finally:
                current.close()
    staged = db_path.with_name(f".{db_path.name}.restoring")
    for leftover in [staged] + [staged.with_name(staged.name + s) for s in ("-wal", "-shm", "-journal")]:
        if leftover.exists():
            leftover.unlink()
    try:
        source = copy.read_only(file)
        try:
            target = sqlite3.connect(str(staged), isolation_level=None)
            try:
                source.backup(target)
            finally:
                target.close()
        finally:
            source.close()
        store = Store(staged)  # this program's schema, guards and change log
        try:
            if actor is None:
                actor = authenticate(store)
            previous, existed = _current(db_path, facts["counter"])
            highs, sources = serial_sources(store, last_id=last_id, central=central)
            if previous is not None:
                highs += previous
                sources.insert(0, "previous-database")
            aside = _aside_name(db_path) if existed else None
            result = _record(store, actor, file, facts, highs, sources, aside)
            store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            store.close()
        fsync_file(staged)
        if aside is not None:
            _keep_aside(db_path, aside)
        os.replace(staged, db_path)  # the one step: before it the old database, after it the restored one
        fsync_dir(db_path.parent)
    except BaseException:
        for leftover in [staged] + [staged.with_name(staged.name + s) for s in ("-wal", "-shm")]:
            if leftover.exists():
                leftover.unlink()
        raise
    keys = db_path.with_name(db_path.name + ".keys")
    return result | {"database": str(db_path), "kept_as": str(aside) if aside else None,
                     "keys_here": keys.is_dir() and any(keys.iterdir())}


def _record(store, actor, file: Path, facts: dict, highs: list[dict], sources: list[str], aside: Path | None) -> dict:
    from ..sync.client import advance_serials

    with store.write(actor, "restore") as tx:
        moved = advance_serials(tx, highs)
        now = clock.iso(tx.now)
        cursor = tx.execute(
            "INSERT INTO restores (restored_at, restored_by, file, file_sha256, backup_as_of, backup_head_seq, "
            "kept_as, serials_confirmed_at, serials_source, serials_detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (now, actor.login if actor else None, file.name, facts["sha256"] or copy.sha256_of(file), facts["as_of"],
             facts["head_seq"] or 0, aside.name if aside else None, now if sources else None,
             ",".join(sources) or None, json.dumps({"highs": highs})))
        tx.record("restore", cursor.lastrowid, file=file.name, as_of=facts["as_of"], serials=",".join(sources) or None)
    return {"restored_from": str(file), "office": facts["office"], "counter": facts["counter"], "items": facts["items"],
            "as_of": facts["as_of"], "serials_confirmed": bool(sources), "serial_sources": sources,
            "blocks_moved": moved}


def _aside_name(db_path: Path) -> Path:
    stamp = clock.now().strftime("%Y%m%d-%H%M%S")
    aside = db_path.with_name(f"{db_path.name}.before-restore-{stamp}")
    n = 1
    while aside.exists():
        n += 1
        aside = db_path.with_name(f"{db_path.name}.before-restore-{stamp}-{n}")
    return aside


def _keep_aside(db_path: Path, aside: Path) -> None:
    """A second name for the current database, then its companions moved beside it: until the rename
    that follows, the current database stays in place, whole."""
    try:
        os.link(db_path, aside)
    except OSError:  # a file system without hard links: a copy, synced
        shutil.copy2(db_path, aside)
        fsync_file(aside)
    for suffix in ("-wal", "-shm", "-journal"):
        companion = db_path.with_name(db_path.name + suffix)
        if companion.exists():
            os.replace(companion, aside.with_name(aside.name + suffix))
