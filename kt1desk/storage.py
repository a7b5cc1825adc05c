"""The counter database: one SQLite file, one connection, one write path.

Every change goes through ``Store.write()``. It takes the write lock of the
file at once (BEGIN IMMEDIATE), lets the service do its work, appends what the
service recorded to the journal, runs the hooks that later features register
(audit trail, sync outbox) inside the same transaction, and commits. After the
commit the listeners hear which entities changed, so a window can refresh
without polling.
"""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from . import clock, dbfile, location
from .dbfile import StorageError
from .location import APP_NAME, DB_FILENAME, default_db_path  # noqa: F401 (where the database lives)
from .location import user_data_dir as default_data_dir


@dataclass(frozen=True)
class User:
    id: int
    login: str
    full_name: str
    role: str


@dataclass
class Change:
    entity: str
    entity_id: str
    details: dict
    # Set when the change came from a write joined to an outer one (see ``Store.write``).
    action: str | None = None


@dataclass
class Tx:
    """One write in progress: what a service uses to write and to say what it changed."""

    store: "Store"
    actor: User | None
    action: str
    now: datetime
    changes: list[Change] = field(default_factory=list)

    @property
    def db(self):
        return self.store.db

    def execute(self, sql: str, params: tuple | list | dict = ()) -> sqlite3.Cursor:
        return self.store.conn.execute(sql, params)

    def record(self, entity: str, entity_id: object, **details: object) -> None:
        """Say what this write changed; it goes into the journal with the actor."""
        self.changes.append(Change(entity, str(entity_id), details))


# Entities whose changes leave the reference-data cache valid.
_HOT_ENTITIES = {"item", "refusal"}

WriteHook = Callable[[Tx], None]
Listener = Callable[[str, set[str]], None]


class Store:
    # How long a write waits for another counter's write to finish before giving up.
    write_wait_s = 120.0

    def __init__(self, path: str | Path = ":memory:", *, private_folder: bool | None = None):
        self.path = str(path)
        self._lock = threading.RLock()
        self._tx: Tx | None = None
        self._depth = 0
        self.write_hooks: list[WriteHook] = []
        # Office, tariff, settings, calendar: read on every intake, rarely changed.
        self._cache: dict[str, object] = {}
        self._cache_version = -1
        self.listeners: list[Listener] = []
        # Called once (no argument) when a write finds the lock taken and starts to wait for it.
        self.on_wait: Callable[[], None] | None = None
        # The change log (kt1desk.sync.changelog) closes every write, after the other hooks.
        self.change_log: WriteHook | None = None
        self._db = None
        if private_folder is None:
            private_folder = self.path != ":memory:" and Path(self.path).parent == default_data_dir()
        # The machine's database is shared by the machine's users (the folder's group), never others.
        self.shared = location.is_machine_database(self.path)
        # Private file, checked before anything writes, the pragmas set: or a StorageError.
        self.conn = dbfile.connect(self.path, private_folder=private_folder, shared=self.shared)
        try:
            with self._lock:
                self._migrate()
                from .sync.changelog import attach

                attach(self)
            if self.path != ":memory:":
                dbfile.keep_private(Path(self.path), shared=self.shared)  # the -wal and -shm files exist now
        except sqlite3.Error as err:
            self._close_quietly()
            raise (dbfile.translate(err, self.path) or StorageError("db_not_database", path=self.path)) from None
        except BaseException:
            self._close_quietly()
            raise

    def _close_quietly(self) -> None:
        if self.conn is not None:
            try:
                self.conn.close()
            except sqlite3.Error:
                pass

    def _migrate(self) -> None:
        """Bring the schema up to date. sqlite-utils is imported only when something is pending:
        its import costs more than the rest of start-up together."""
        from .schema_names import MIGRATIONS

        done = set()
        if self.conn.execute("SELECT 1 FROM sqlite_master WHERE name = '_sqlite_migrations'").fetchone():
            done = {r[0] for r in self.conn.execute(
                "SELECT name FROM _sqlite_migrations WHERE migration_set = 'kt1desk'")}
        from . import schema_guard

        if not set(MIGRATIONS) <= done:
            from . import schema

            if done and self.path != ":memory:":
                self._copy_before_upgrade(min(set(MIGRATIONS) - done))
            schema.migrate(self.db)
        schema_guard.restore_triggers(self.conn)

    def _copy_before_upgrade(self, first_pending: str) -> None:
        """Before a newer program changes the schema of a database with data, a copy of it as it was
        (``<db>.before-<migration>``, once): an upgrade that goes wrong loses nothing."""
        target = Path(f"{self.path}.before-{first_pending}")
        if target.exists():
            return
        staged = target.with_name(target.name + ".part")
        copy = sqlite3.connect(str(staged))
        try:
            self.conn.backup(copy)
            copy.execute("PRAGMA journal_mode=DELETE")
        finally:
            copy.close()
        dbfile.keep_private(staged, shared=self.shared)
        staged.rename(target)

    @property
    def db(self):
        """The connection as a sqlite-utils Database (made on first use)."""
        if self._db is None:
            from sqlite_utils import Database

            self._db = Database(self.conn)
        return self._db

    # -- reading ---------------------------------------------------------
    @contextmanager
    def _translated(self) -> Iterator[None]:
        """SQLite's complaints about the file become StorageError (constraint errors pass through)."""
        try:
            yield
        except sqlite3.Error as err:
            storage_error = dbfile.translate(err, self.path)
            if storage_error is None:
                raise
            raise storage_error from None

    def one(self, sql: str, params: tuple | list | dict = ()) -> dict | None:
        with self._lock, self._translated():
            cursor = self.conn.execute(sql, params)
            row = cursor.fetchone()
            if row is None:
                return None
            return dict(zip([c[0] for c in cursor.description], row))

    def all(self, sql: str, params: tuple | list | dict = ()) -> list[dict]:
        with self._lock, self._translated():
            cursor = self.conn.execute(sql, params)
            names = [c[0] for c in cursor.description]
            return [dict(zip(names, row)) for row in cursor.fetchall()]

    @contextmanager
    def reading(self) -> Iterator[sqlite3.Connection]:
        """Several reads that see one state of the file (a read transaction; inside a write, that write's),
        with this store's lock held: a report's figures add up even while a counter writes."""
        with self._lock, self._translated():
            if self.conn.in_transaction:
                yield self.conn
                return
            self.conn.execute("BEGIN")
            try:
                yield self.conn
            finally:
                self.conn.execute("COMMIT")

    def scalar(self, sql: str, params: tuple | list | dict = ()) -> object:
        with self._lock, self._translated():
            row = self.conn.execute(sql, params).fetchone()
            return None if row is None else row[0]

    def cached(self, key: str, load: Callable[[], object]) -> object:
        """Memoise reference data until this store writes, or another process commits."""
        with self._lock, self._translated():
            version = self.conn.execute("PRAGMA data_version").fetchone()[0]
            if version != self._cache_version:
                self._cache.clear()
                self._cache_version = version
            if key not in self._cache:
                self._cache[key] = load()
            return self._cache[key]

    # -- writing ---------------------------------------------------------
    @contextmanager
    def write(self, actor: User | None, action: str) -> Iterator[Tx]:
        """The one write path: all or nothing, journalled, announced after commit.

        A write begun inside another (same thread) joins it: its work is a savepoint of the outer
        transaction, so ``init`` or ``demo`` made of several services is still one BEGIN IMMEDIATE …
        COMMIT, with the journal and the hooks run once, before that COMMIT.
        """
        with self._lock:
            if self._tx is not None:
                with self._joined(actor, action) as tx:
                    yield tx
                return
            tx = Tx(self, actor, action, clock.now())
            with self._translated():
                self._begin()
                self._tx = tx
                try:
                    yield tx
                    self._journal(tx)
                    for hook in self.write_hooks:
                        hook(tx)
                    if self.change_log is not None:
                        self.change_log(tx)
                    self.conn.execute("COMMIT")
                    if any(c.entity not in _HOT_ENTITIES for c in tx.changes):
                        self._cache.clear()
                except BaseException:
                    self._cache.clear()  # anything read inside the rolled-back write is gone
                    if self.conn.in_transaction:
                        self.conn.execute("ROLLBACK")
                    raise
                finally:
                    self._tx = None
        entities = {change.entity for change in tx.changes}
        for listener in list(self.listeners):
            listener(action, entities)

    @contextmanager
    def _joined(self, actor: User | None, action: str) -> Iterator[Tx]:
        outer = self._tx
        self._depth += 1
        savepoint = f"joined_write_{self._depth}"
        # Its own moment: the same as the outer write's but for the demo's history, replayed day by day
        # inside one write (clock.replaying).
        tx = Tx(self, actor, action, clock.now())
        self.conn.execute(f"SAVEPOINT {savepoint}")
        try:
            yield tx
            self.conn.execute(f"RELEASE {savepoint}")
        except BaseException:
            self.conn.execute(f"ROLLBACK TO {savepoint}")
            self.conn.execute(f"RELEASE {savepoint}")
            raise
        finally:
            self._depth -= 1
        for change in tx.changes:
            change.action = change.action or action
        outer.changes.extend(tx.changes)
        self._cache.clear()  # what the joined write changed is read back inside the outer one

    def _begin(self) -> None:
        """BEGIN IMMEDIATE, waiting for another counter's write to end; say so once if it takes long."""
        started = time.monotonic()
        told = False
        while True:
            try:
                self.conn.execute("BEGIN IMMEDIATE")
                return
            except sqlite3.OperationalError as err:
                if not dbfile.is_busy(err):
                    raise
                if not told and self.on_wait is not None:
                    told = True
                    self.on_wait()
                if time.monotonic() - started >= self.write_wait_s:
                    raise StorageError("db_locked", path=self.path) from None

    def _journal(self, tx: Tx) -> None:
        if not tx.changes:
            return
        at = clock.iso(tx.now)
        user_id = tx.actor.id if tx.actor else None
        self.conn.executemany(
            "INSERT INTO journal (at, user_id, action, entity, entity_id, details) VALUES (?, ?, ?, ?, ?, ?)",
            [
                (at, user_id, c.action or tx.action, c.entity, c.entity_id,
                 json.dumps(c.details, ensure_ascii=False, default=str))
                for c in tx.changes
            ],
        )

    def data_version(self) -> int:
        """Changes when another connection (another process) commits: cheap to check."""
        with self._lock:
            return self.conn.execute("PRAGMA data_version").fetchone()[0]

    def close(self) -> None:
        with self._lock:
            self._close_quietly()


def open_store(path: str | Path | None = None) -> Store:
    return Store(path if path is not None else default_db_path())
