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
import os
import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import platformdirs

from . import clock

APP_NAME = "KT1Desk"
DB_FILENAME = "kt1desk.sqlite3"


def default_db_path() -> Path:
    """``KT1DESK_DB`` if set, else the database in the user's data folder."""
    env = os.environ.get("KT1DESK_DB")
    if env:
        return Path(env)
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / DB_FILENAME


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
    def __init__(self, path: str | Path = ":memory:"):
        self.path = str(path)
        if self.path != ":memory:":
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        # isolation_level=None: transactions are begun only where this module says so.
        conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False, timeout=10.0)
        self.conn = conn
        for pragma in (
            "PRAGMA journal_mode=WAL",
            # An item whose receipt has printed must survive a power cut.
            "PRAGMA synchronous=FULL",
            "PRAGMA foreign_keys=ON",
            "PRAGMA busy_timeout=10000",
        ):
            conn.execute(pragma)
        self._db = None
        self._lock = threading.RLock()
        self.write_hooks: list[WriteHook] = []
        # Office, tariff, settings, calendar: read on every intake, rarely changed.
        self._cache: dict[str, object] = {}
        self._cache_version = -1
        self.listeners: list[Listener] = []
        # The change log (kt1desk.sync.changelog) closes every write, after the other hooks.
        self.change_log: WriteHook | None = None
        with self._lock:
            self._migrate()
            from .sync.changelog import attach

            attach(self)

    def _migrate(self) -> None:
        """Bring the schema up to date. sqlite-utils is imported only when something is pending:
        its import costs more than the rest of start-up together."""
        from .schema_names import MIGRATIONS

        done = set()
        if self.conn.execute("SELECT 1 FROM sqlite_master WHERE name = '_sqlite_migrations'").fetchone():
            done = {r[0] for r in self.conn.execute(
                "SELECT name FROM _sqlite_migrations WHERE migration_set = 'kt1desk'")}
        if not set(MIGRATIONS) <= done:
            from . import schema

            schema.migrate(self.db)

    @property
    def db(self):
        """The connection as a sqlite-utils Database (made on first use)."""
        if self._db is None:
            from sqlite_utils import Database

            self._db = Database(self.conn)
        return self._db

    # -- reading ---------------------------------------------------------
    def one(self, sql: str, params: tuple | list | dict = ()) -> dict | None:
        with self._lock:
            cursor = self.conn.execute(sql, params)
            row = cursor.fetchone()
            if row is None:
                return None
            return dict(zip([c[0] for c in cursor.description], row))

    def all(self, sql: str, params: tuple | list | dict = ()) -> list[dict]:
        with self._lock:
            cursor = self.conn.execute(sql, params)
            names = [c[0] for c in cursor.description]
            return [dict(zip(names, row)) for row in cursor.fetchall()]

    def scalar(self, sql: str, params: tuple | list | dict = ()) -> object:
        with self._lock:
            row = self.conn.execute(sql, params).fetchone()
            return None if row is None else row[0]

    def cached(self, key: str, load: Callable[[], object]) -> object:
        """Memoise reference data until this store writes, or another process commits."""
        with self._lock:
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
        """The one write path: all or nothing, journalled, announced after commit."""
        with self._lock:
            tx = Tx(self, actor, action, clock.now())
            self.conn.execute("BEGIN IMMEDIATE")
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
                if self.conn.in_transaction:
                    self.conn.execute("ROLLBACK")
                raise
        entities = {change.entity for change in tx.changes}
        for listener in list(self.listeners):
            listener(action, entities)

    def _journal(self, tx: Tx) -> None:
        if not tx.changes:
            return
        at = clock.iso(tx.now)
        user_id = tx.actor.id if tx.actor else None
        self.conn.executemany(
            "INSERT INTO journal (at, user_id, action, entity, entity_id, details) VALUES (?, ?, ?, ?, ?, ?)",
            [
                (at, user_id, tx.action, c.entity, c.entity_id, json.dumps(c.details, ensure_ascii=False, default=str))
                for c in tx.changes
            ],
        )

    def data_version(self) -> int:
        """Changes when another connection (another process) commits: cheap to check."""
        with self._lock:
            return self.conn.execute("PRAGMA data_version").fetchone()[0]

    def close(self) -> None:
        with self._lock:
            self.conn.close()


def open_store(path: str | Path | None = None) -> Store:
    return Store(path if path is not None else default_db_path())
