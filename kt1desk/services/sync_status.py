"""What has not left this counter yet.

Sync (signed bundles, central PostgreSQL) comes in a later issue; until then
every journalled change is unsynced, and the status bar says how many.
"""

from __future__ import annotations

from ..storage import Store


def unsynced_count(store: Store) -> int:
    return int(store.scalar("SELECT COUNT(*) FROM journal") or 0)
