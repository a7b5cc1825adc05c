"""Schema 0009: what reports read that the items alone do not say fast — each item's first delivery attempt.

The on-time rate compares an item's deadline with its first delivery attempt (delivered, or a
delivery that failed). Those times are events (``item_events``); finding the first one of each of a
year's items means a probe per item, seconds over a year of a busy office. So the first attempt is
kept beside the item as it happens, by a trigger, in ``item_first_attempts``: one short row per
attempted item, keyed by acceptance time, so a period's rows are one range of the key. It is derived
data: rebuilt from the events by the migration and whenever the trigger had to be put back (see
``schema_guard``), never logged nor synchronised (the events are).
"""

from __future__ import annotations

ATTEMPT_KINDS = "('delivered', 'delivery_failed')"

V9 = [
    """CREATE TABLE item_first_attempts (
        accepted_at TEXT NOT NULL,
        item_id TEXT NOT NULL,
        deadline TEXT NOT NULL,
        first_at TEXT NOT NULL,
        PRIMARY KEY (accepted_at, item_id)
    ) WITHOUT ROWID, STRICT""",
    f"""CREATE TRIGGER item_events_first_attempt AFTER INSERT ON item_events WHEN NEW.kind IN {ATTEMPT_KINDS}
        BEGIN
            INSERT INTO item_first_attempts (accepted_at, item_id, deadline, first_at)
            SELECT accepted_at, id, deadline, NEW.at FROM items WHERE id = NEW.item_id
            ON CONFLICT (accepted_at, item_id) DO UPDATE SET first_at = min(first_at, excluded.first_at);
        END""",
    """CREATE TRIGGER items_first_attempt_gone AFTER DELETE ON items
        BEGIN
            DELETE FROM item_first_attempts WHERE accepted_at = OLD.accepted_at AND item_id = OLD.id;
        END""",
]

# The table again from the events: after the migration, and after a trigger was found missing.
REBUILD = [
    "DELETE FROM item_first_attempts",
    f"""INSERT INTO item_first_attempts (accepted_at, item_id, deadline, first_at)
        SELECT i.accepted_at, i.id, i.deadline, f.first_at
        FROM (SELECT item_id, MIN(at) AS first_at FROM item_events WHERE kind IN {ATTEMPT_KINDS}
              GROUP BY item_id) AS f
        JOIN items AS i ON i.id = f.item_id""",
]
