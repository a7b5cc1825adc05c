"""What has not left this counter yet: change-log entries the province has not confirmed.

Only a receipt signed by the province lowers this count (kt1desk.sync.client.ack).
"""

from __future__ import annotations

from ..storage import Store


def unsynced_count(store: Store) -> int:
    from ..sync.changelog import pending_count

    return pending_count(store)
