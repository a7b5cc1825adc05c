"""Which tables the change log covers: one line per table.

``key`` names the columns that identify a record (its key in the log and at
central); ``never`` names columns that must never leave the counter, nor be
logged. Adding a table (issue 10's shifts, bags, dispatches …) is one line
here: at the next start the store installs its capture triggers and logs a
baseline image of every row it already holds.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Logged:
    key: tuple[str, ...]
    never: tuple[str, ...] = ()


LOGGED: dict[str, Logged] = {
    "office": Logged(("id",)),
    "counters": Logged(("id",)),
    "serial_blocks": Logged(("id",)),
    "users": Logged(("id",), never=("password_hash",)),  # a password hash never leaves the counter
    "agencies": Logged(("code",)),
    "agency_history": Logged(("id",)),
    "tariffs": Logged(("id",)),
    "tariff_bands": Logged(("tariff_id", "max_weight_g")),
    "tariff_surcharges": Logged(("tariff_id", "rule")),
    "calendar_swaps": Logged(("day",)),
    "settings": Logged(("key", "effective_from")),
    "items": Logged(("id",)),
    "item_events": Logged(("id",)),
    "refusals": Logged(("id",)),
    "manifests": Logged(("id",)),
    "manifest_items": Logged(("manifest_id", "row_no")),
    # The item's life (issue 10): ids that carry the counter's code (and, for what travels, the office's).
    "shifts": Logged(("id",)),
    "shift_prints": Logged(("shift_id", "n")),
    "bags": Logged(("id",)),
    "dispatches": Logged(("id",)),
    "receipts": Logged(("id",)),
    "receipt_lines": Logged(("receipt_id", "item_id")),
    "complaints": Logged(("id",)),
    "signatures": Logged(("sha256",)),
    # The sync machinery's own records that matter for audit: keys made, keys trusted, bundles applied.
    "sync_keys": Logged(("key_id",)),
    "sync_province_keys": Logged(("key_id",)),
    "sync_applied": Logged(("bundle_id",)),
    # Dispatches from other offices (issue 10 at the destination): what arrived, and the items' life here.
    "inbound_dispatches": Logged(("id",)),
    "inbound_bags": Logged(("id",)),
    "inbound_items": Logged(("id",)),
    "inbound_events": Logged(("id",)),
    "sync_peer_keys": Logged(("key_id",)),
    # Issue 12: restores from a backup (and how the counter's serials were confirmed afterwards).
    "restores": Logged(("id",)),
}
