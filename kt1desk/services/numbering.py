"""Ids of the records a counter numbers itself: a prefix naming the kind, day and counter, then a number.

The number follows the highest one already used with that prefix; these records
are never deleted, so a number is never issued twice.
"""

from __future__ import annotations


def next_id(tx, table: str, prefix: str, width: int = 3) -> str:
    """``prefix`` + the next number, zero-padded to ``width`` (compared as numbers, not text)."""
    last = tx.execute(f"SELECT MAX(CAST(substr(id, ?) AS INTEGER)) FROM {table} WHERE substr(id, 1, ?) = ?",
                      (len(prefix) + 1, len(prefix), prefix)).fetchone()[0]
    return f"{prefix}{(last or 0) + 1:0{width}d}"
