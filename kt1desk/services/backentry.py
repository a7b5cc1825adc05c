"""Back-entry: items taken on paper during an outage, entered later with their real acceptance time.

A file is all or nothing: every row is checked and stored inside one write;
if any row is bad the whole write is rolled back (ids included) and every bad
row is reported with its line number.
"""

from __future__ import annotations

from ..errors import FieldErrors, Kt1Error, RowErrors
from ..storage import Store, User
from . import office, settings
from .csvfile import read_rows
from .intake import _insert, quote
from .users import require_role

CSV_REQUIRED = ["accepted_at", "sender", "recipient", "kind", "weight_g"]
CSV_OPTIONAL = ["pieces", "secrecy", "seal_intact", "hoa_toc", "hen_gio_at"]
_TRUE = {"1", "x", "yes", "true", "co", "có"}


def import_items(store: Store, actor: User, path, *, counter: str | None = None) -> list[str]:
    """Back-enter every row of a CSV file (supervisor or admin); returns the new ids in file order."""
    require_role(actor, "supervisor", "admin")
    quotes, errors = [], []
    for line, row in read_rows(path, CSV_REQUIRED, CSV_OPTIONAL):
        try:
            if row.get("secrecy") and (row.get("seal_intact") or "1").lower() not in _TRUE:
                raise Kt1Error("seal_broken_row", "seal_intact", secrecy=row["secrecy"].upper())
            q = quote(
                store, actor, sender=row["sender"], recipient=row["recipient"], kind=row["kind"],
                weight_g=row["weight_g"], pieces=row.get("pieces") or 1, secrecy=row.get("secrecy") or None,
                hoa_toc=(row.get("hoa_toc") or "").lower() in _TRUE, hen_gio_at=row.get("hen_gio_at") or None,
                accepted_at=row["accepted_at"] or "?",
            )
            q.seal_intact = (row.get("seal_intact") or "1").lower() in _TRUE
            quotes.append(q)
        except FieldErrors as err:
            errors.extend((line, e) for e in err.errors)
        except Kt1Error as err:
            errors.append((line, err))
    if errors:
        raise RowErrors(errors)
    counter_row = office.get_counter(store, counter)
    warn_percent = settings.get(store, "serial_warn_percent")
    ids = []
    with store.write(actor, "item.back_entry") as tx:
        for q in quotes:
            ids.append(_insert(tx, actor, q, counter_row, warn_percent).item["id"])
    return ids
