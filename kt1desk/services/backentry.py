"""Back-entry: items taken on paper during an outage, entered later with their real acceptance time.

A file is all or nothing and keeps the other counters working while it goes in:

1. every row is read, checked and priced with no lock held (the other counters go on taking
   items); if any row is bad, every bad row is reported with its line number and nothing is written;
2. the rows are made ready to store, their search text folded, still with no lock held;
3. one short write issues the ids and inserts every row at once (items, search index, events,
   journal). The import is visible only when that write commits; a crash before leaves nothing of it
   and no id issued (the serial block moves in the same write).

An intake on another counter that comes while step 3 runs waits for it (``Store.write`` says so).
"""

from __future__ import annotations

from .. import clock, schema_guard
from ..errors import FieldErrors, Kt1Error, RowErrors, label
from ..formats import parse_yes_no
from ..storage import Store, User
from . import office
from .csvfile import read_rows
from ..life.shifts import shift_for
from .intake import ACCEPTED_EVENT_SQL, accepted_event, item_row, names_text, quote
from .users import require_role

CSV_REQUIRED = ["accepted_at", "sender", "recipient", "kind", "weight_g"]
CSV_OPTIONAL = ["pieces", "secrecy", "seal_intact", "hoa_toc", "hen_gio_at"]
_FLAGS = {
    "seal_intact": (True, label("Niêm phong nguyên vẹn", "Seal intact"), label("có", "yes")),
    "hoa_toc": (False, label("Hỏa tốc", "Hỏa tốc"), label("không", "no")),
}


def _flag(row: dict, key: str) -> bool:
    default, lbl, default_word = _FLAGS[key]
    try:
        return parse_yes_no(row.get(key), default=default)
    except ValueError:
        raise Kt1Error("yes_no", key, label=lbl, value=row.get(key), default=default_word) from None


def check_rows(store: Store, actor: User, path) -> list:
    """Every row of the file checked and priced (no lock held), or RowErrors naming each bad line."""
    quotes, errors = [], []
    for line, row in read_rows(path, CSV_REQUIRED, CSV_OPTIONAL):
        try:
            seal_intact = _flag(row, "seal_intact")
            hoa_toc = _flag(row, "hoa_toc")
            if row.get("secrecy") and not seal_intact:
                raise Kt1Error("seal_broken_row", "seal_intact", secrecy=row["secrecy"].upper())
            q = quote(
                store, actor, sender=row["sender"], recipient=row["recipient"], kind=row["kind"],
                weight_g=row["weight_g"], pieces=row.get("pieces") or 1, secrecy=row.get("secrecy") or None,
                hoa_toc=hoa_toc, hen_gio_at=row.get("hen_gio_at") or None, accepted_at=row["accepted_at"] or "?",
            )
            q.seal_intact = seal_intact
            quotes.append(q)
        except FieldErrors as err:
            errors.extend((line, e) for e in err.errors)
        except Kt1Error as err:
            errors.append((line, err))
    if errors:
        raise RowErrors(errors)
    return quotes


def import_items(store: Store, actor: User, path, *, counter: str | None = None) -> list[str]:
    """Back-enter every row of a CSV file (supervisor or admin); returns the new ids in file order
    (issued in acceptance order)."""
    require_role(actor, "supervisor", "admin")
    quotes = check_rows(store, actor, path)
    counter_row = office.get_counter(store, counter)
    # Stored in acceptance order: the ids follow the paper's times, and the indexes keyed by the
    # acceptance time grow at their ends instead of everywhere (twice as fast under the lock).
    rows = sorted((item_row(q, "", counter_row, actor, "") for q in quotes), key=lambda r: r["accepted_at"])
    file_order = sorted(range(len(quotes)), key=lambda k: clock.iso(quotes[k].accepted_at))
    names = [names_text(row) for row in rows]
    columns = list(rows[0])
    insert = f"INSERT INTO items (rowid, {', '.join(columns)}) VALUES (?, {', '.join('?' for _ in columns)})"
    with store.write(actor, "item.back_entry") as tx:
        ids = office.take_serials(tx, counter_row, len(rows))
        entered = clock.iso(tx.now)
        first = tx.execute("SELECT COALESCE(MAX(rowid), 0) + 1 FROM items").fetchone()[0]
        shift_id = shift_for(tx, actor, counter_row)  # entered now, at this counter: in the supervisor's shift
        for row, item_id in zip(rows, ids):
            row["id"], row["entered_at"], row["shift_id"] = item_id, entered, shift_id
        conn = store.conn
        with schema_guard.lifted(conn, "items_closed_replace"):
            conn.executemany(insert, [(first + k, *row.values()) for k, row in enumerate(rows)])
        conn.executemany("INSERT INTO items_fts (rowid, text) VALUES (?, ?)",
                         [(first + k, ids[k].lower() + " " + names[k]) for k in range(len(rows))])
        conn.executemany(ACCEPTED_EVENT_SQL, [accepted_event(row, actor) for row in rows])
        for item_id in ids:
            tx.record("item", item_id, event="accepted", back_entry=True)
    by_line = [""] * len(ids)
    for position, k in enumerate(file_order):
        by_line[k] = ids[position]
    return by_line
