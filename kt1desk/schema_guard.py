"""The schema's guards: triggers that keep closed manifests and the items on them as they were.

They live here, readable without sqlite-utils, because ``Store`` checks them at
every start: a trigger dropped or changed by hand (any SQLite tool can) is put
back before the program writes anything. Migration 0003 installs them.

Paths they close: UPDATE, DELETE and REPLACE of a closed manifest (REPLACE's
implicit delete fires no delete trigger unless ``recursive_triggers`` is on,
hence the INSERT triggers), moving rows onto or off a closed manifest, and
changing or deleting an item that is on a closed manifest (its reprint must not
change). Status and print counts of such an item still change: they are its
later life, not what the manifest listed.

The guards of migration 0005 (the item's life: legal status moves, closed shifts,
sealed bags, dispatches, receipts, answered complaints, three years' keeping)
are checked and put back the same way once that migration is there: their
text is taken from ``schema_life``, so there is one definition of each. Those of
migration 0008 (what arrived from another office is kept as it arrived) come from
``schema_inbound`` the same way, and those of migration 0009 (each item's first delivery
attempt, derived data) from ``schema_reports``: putting one of these back rebuilds its table.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager

_CLOSED = "BEGIN SELECT RAISE(ABORT, 'manifest closed'); END"
_ITEM_FROZEN = "BEGIN SELECT RAISE(ABORT, 'item is on a closed manifest'); END"
_ON_CLOSED_MANIFEST = ("EXISTS (SELECT 1 FROM manifest_items mi JOIN manifests m ON m.id = mi.manifest_id "
                       "WHERE mi.item_id = {item} AND m.status = 'closed')")
# What an item was accepted as: everything but its later life (status, prints, dispatch flag).
_FROZEN_ITEM_COLUMNS = (
    "id, counter_id, clerk_id, sender_id, sender_code, sender_name, recipient_id, recipient_code, "
    "recipient_name, recipient_address, recipient_province, kind, weight_g, pieces, secrecy, seal_intact, "
    "hoa_toc, hen_gio_at, scope, accepted_at, entered_at, back_entry, deadline, deadline_rule, fee_vnd, "
    "vat_rate_bp, vat_vnd, total_vnd, free_reason, tariff_id"
)

TRIGGERS: dict[str, str] = {
    "manifests_closed_update":
        f"CREATE TRIGGER manifests_closed_update BEFORE UPDATE ON manifests WHEN OLD.status = 'closed' {_CLOSED}",
    "manifests_closed_delete":
        f"CREATE TRIGGER manifests_closed_delete BEFORE DELETE ON manifests WHEN OLD.status = 'closed' {_CLOSED}",
    "manifests_closed_replace":
        "CREATE TRIGGER manifests_closed_replace BEFORE INSERT ON manifests "
        f"WHEN EXISTS (SELECT 1 FROM manifests WHERE id = NEW.id AND status = 'closed') {_CLOSED}",
    "manifests_id_fixed":
        "CREATE TRIGGER manifests_id_fixed BEFORE UPDATE OF id ON manifests WHEN NEW.id IS NOT OLD.id "
        "BEGIN SELECT RAISE(ABORT, 'manifest id cannot change'); END",
    "manifest_items_closed_insert":
        "CREATE TRIGGER manifest_items_closed_insert BEFORE INSERT ON manifest_items "
        f"WHEN (SELECT status FROM manifests WHERE id = NEW.manifest_id) = 'closed' {_CLOSED}",
    "manifest_items_closed_update":
        "CREATE TRIGGER manifest_items_closed_update BEFORE UPDATE ON manifest_items "
        "WHEN (SELECT status FROM manifests WHERE id = OLD.manifest_id) = 'closed' "
        f"OR (SELECT status FROM manifests WHERE id = NEW.manifest_id) = 'closed' {_CLOSED}",
    "manifest_items_closed_delete":
        "CREATE TRIGGER manifest_items_closed_delete BEFORE DELETE ON manifest_items "
        f"WHEN (SELECT status FROM manifests WHERE id = OLD.manifest_id) = 'closed' {_CLOSED}",
    "items_closed_update":
        f"CREATE TRIGGER items_closed_update BEFORE UPDATE OF {_FROZEN_ITEM_COLUMNS} ON items "
        f"WHEN {_ON_CLOSED_MANIFEST.format(item='OLD.id')} {_ITEM_FROZEN}",
    "items_closed_delete":
        f"CREATE TRIGGER items_closed_delete BEFORE DELETE ON items "
        f"WHEN {_ON_CLOSED_MANIFEST.format(item='OLD.id')} {_ITEM_FROZEN}",
    "items_closed_replace":
        f"CREATE TRIGGER items_closed_replace BEFORE INSERT ON items "
        f"WHEN {_ON_CLOSED_MANIFEST.format(item='NEW.id')} {_ITEM_FROZEN}",
}
# The tables the triggers stand on: before migration 0003 they are not all there.
_NEEDS = ("manifests", "manifest_items", "items")
# Migration 0005's guards stand on its tables: item_transitions is made first of all.
_LIFE_NEEDS = ("item_transitions", "shifts", "bags", "complaints")
# Migration 0008's guards (what arrived from another office is kept as it arrived) stand on its tables.
_INBOUND_NEEDS = ("inbound_dispatches", "inbound_bags", "inbound_items", "inbound_events")


def _life_triggers() -> dict[str, str]:
    from .schema_life import V5

    return _triggers_of(V5)


def _inbound_triggers() -> dict[str, str]:
    from .schema_inbound import V8

    return _triggers_of(V8)


def _triggers_of(statements) -> dict[str, str]:
    found = (re.match(r"\s*CREATE TRIGGER (\w+)", sql) for sql in statements)
    return {m.group(1): sql for m, sql in zip(found, statements) if m}


def _report_triggers() -> dict[str, str]:
    """Migration 0009's triggers keep derived data (each item's first delivery attempt): when one has to
    be put back, the table is rebuilt from the events as well (``restore_triggers``)."""
    from .schema_reports import V9

    return _triggers_of(V9)


def _same(a: str | None, b: str) -> bool:
    return a is not None and re.sub(r"\s+", " ", a).strip() == re.sub(r"\s+", " ", b).strip()


def _guards(conn: sqlite3.Connection) -> dict[str, str]:
    """Every guard this database should have, given the migrations it has."""
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    guards = dict(TRIGGERS) if set(_NEEDS) <= tables else {}
    if set(_LIFE_NEEDS) <= tables:
        guards.update(_life_triggers())
    if set(_INBOUND_NEEDS) <= tables:
        guards.update(_inbound_triggers())
    if "item_first_attempts" in tables:
        guards.update(_report_triggers())
    return guards


def missing(conn: sqlite3.Connection) -> list[str]:
    """The guard triggers that are absent or not as written here."""
    present = dict(conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").fetchall())
    return [name for name, sql in _guards(conn).items() if not _same(present.get(name), sql)]


def install(conn: sqlite3.Connection, names=None) -> None:
    """(Re)create the named triggers, or all of them, inside the caller's transaction."""
    guards = dict(TRIGGERS, **_life_triggers(), **_inbound_triggers(), **_report_triggers())
    for name in names if names is not None else TRIGGERS:
        conn.execute(f"DROP TRIGGER IF EXISTS {name}")
        conn.execute(guards[name])
    if names is not None and set(names) & set(_report_triggers()):
        from .schema_reports import REBUILD

        for statement in REBUILD:  # what the missing trigger did not keep, made again from the events
            conn.execute(statement)


@contextmanager
def lifted(conn: sqlite3.Connection, name: str) -> Iterator[None]:
    """Lift one guard for a statement of the caller's write, and put it back in the same write.

    For the bulk back-entry only: its rows are new ids inserted with plain INSERT (never REPLACE),
    and ``items_closed_replace`` costs a third of the time of inserting 160,000 items while the
    write lock is held. If anything fails, the rollback puts the trigger back with the rest.
    """
    if not conn.in_transaction:
        raise RuntimeError("a guard is lifted only inside a write")
    conn.execute(f"DROP TRIGGER {name}")
    yield
    conn.execute(TRIGGERS[name])


def restore_triggers(conn: sqlite3.Connection) -> list[str]:
    """Put back any guard that is missing or altered (at start, before anything else writes)."""
    names = missing(conn)
    if names:
        conn.execute("BEGIN IMMEDIATE")
        try:
            install(conn, names)
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    return names
