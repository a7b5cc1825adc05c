"""Reading items back: by id as a scanner types it, by text, by agency, date and status."""

from __future__ import annotations

import bisect
import itertools
import json
import re
from datetime import date, time, timedelta

from .. import clock, s10
from ..errors import Kt1Error
from ..formats import parse_whole
from ..storage import Store, User
from ..text import fold_words

# Every state of an item's life, in the order it lives them (kt1desk.life.states moves between them).
STATUSES = {
    "accepted": {"vi": "Đã nhận", "en": "Accepted"},
    "bagged": {"vi": "Trong túi", "en": "In a bag"},
    "dispatched": {"vi": "Đã chuyển đi", "en": "Dispatched"},
    "missing": {"vi": "Thiếu khi nhận túi", "en": "Missing at receipt"},
    "received": {"vi": "Đã đến nơi phát", "en": "At the delivery office"},
    "out_for_delivery": {"vi": "Đang đi phát", "en": "Out for delivery"},
    "delivery_failed": {"vi": "Phát chưa được", "en": "Delivery failed"},
    "delivered": {"vi": "Đã phát", "en": "Delivered"},
    "returned": {"vi": "Đã chuyển hoàn", "en": "Returned to sender"},
    "voided": {"vi": "Đã hủy", "en": "Voided"},
}


def get_item(store: Store, item_id: str) -> dict:
    """The item with this id (scanner noise forgiven), or Kt1Error('item_not_found')."""
    key = s10.normalise(item_id)
    item = store.one(
        "SELECT i.*, u.login AS clerk_login, u.full_name AS clerk_name, c.code AS counter_code, "
        "COALESCE(t.is_sample, 0) AS tariff_is_sample FROM items i JOIN users u ON u.id = i.clerk_id "
        "JOIN counters c ON c.id = i.counter_id LEFT JOIN tariffs t ON t.id = i.tariff_id WHERE i.id = ?",
        (key,),
    )
    if item is None:
        raise Kt1Error("item_not_found", "id", value=item_id)
    return item


def events(store: Store, item_id: str) -> list[dict]:
    rows = store.all(
        "SELECT e.id, e.at, e.kind, e.details, u.login AS user_login, u.full_name AS user_name, c.code AS counter_code "
        "FROM item_events e LEFT JOIN users u ON u.id = e.user_id LEFT JOIN counters c ON c.id = e.counter_id "
        "WHERE e.item_id = ? ORDER BY e.id",
        (s10.normalise(item_id),),
    )
    for row in rows:
        row["details"] = json.loads(row["details"] or "{}")
    return rows


# A word typed that could begin an item id (dk, dk47, dk473124829v): matched as a prefix in the index.
_ID_PREFIX = re.compile(r"^(?:[a-z]{1,2}|[a-z]{2}[0-9]{1,9}|[a-z]{2}[0-9]{9}[a-z]{1,2})$")
# More words than this starting with what was typed: let the index expand the prefix itself.
_MAX_EXPANSION = 40


def _vocabulary(store: Store) -> list[str]:
    """Every folded word that names or codes in the search index can hold, sorted.

    An item's names and codes are copies of its agencies' (``sender_id``/``recipient_id`` point at
    the directory) as they were that day: the directory and its history hold every such word.
    """
    def load() -> list[str]:
        words: set[str] = set()
        for row in store.all("SELECT code, name FROM agencies UNION SELECT json_extract(data, '$.code'), "
                             "json_extract(data, '$.name') FROM agency_history"):
            words.update(fold_words(f"{row['code'] or ''} {row['name'] or ''}"))
        return sorted(words)

    return store.cached("search_vocabulary", load)


def _match_expression(store: Store, text: str) -> str | None:
    """Every word typed must start a word of the item's folded id, codes or names.

    A prefix query ("tinh"*) makes FTS5 merge the whole doclist of every term it covers before it
    can return the first row (55–100 ms for common words at 1M items). A word of the directory is
    known in advance, so the prefix becomes the few whole words it stands for ("tinh" OR "tinhs"),
    which FTS5 walks newest first and stops at the page: about the cost of a bare match.
    """
    words = fold_words(text)
    if not words:
        return None
    vocabulary = _vocabulary(store)
    indicators = store.cached("search_indicators", lambda: [
        r["indicator"].lower() for r in store.all("SELECT DISTINCT indicator FROM serial_blocks")])
    groups = []
    for word in words:
        if len(word) <= 2 and indicators and all(i.startswith(word) for i in indicators):
            continue  # every item's id starts so ("d", "dk"): the word filters nothing out
        maybe_id = _ID_PREFIX.match(word) and any(i.startswith(word[:2]) for i in indicators)
        start = bisect.bisect_left(vocabulary, word)
        whole = list(itertools.takewhile(lambda v: v.startswith(word),
                                         itertools.islice(vocabulary, start, start + _MAX_EXPANSION + 1)))
        if maybe_id or not whole or len(whole) > _MAX_EXPANSION:
            groups.append(f'"{word}"*')
        else:
            groups.append("(" + " OR ".join(f'"{w}"' for w in whole) + ")")
    return " AND ".join(groups)  # '' when every word matches every item


MAX_LIMIT = 1000


def checked_limit(value) -> int:
    """How many results to show, as typed: a whole number from 1 to MAX_LIMIT."""
    try:
        return parse_whole(value if isinstance(value, int) else str(value).strip(), minimum=1, maximum=MAX_LIMIT)
    except (TypeError, ValueError):
        raise Kt1Error("limit_range", "limit", max=MAX_LIMIT) from None


def search(store: Store, text: str, *, limit: int = 200) -> list[dict]:
    """An id finds its item; any other text finds items whose sender or recipient match, newest first."""
    if s10.looks_like_id(text):
        row = store.one("SELECT * FROM items WHERE id = ?", (s10.normalise(text),))
        return [row] if row else []
    return find_items(store, text=text, limit=limit)


def find_items(store: Store, *, text: str | None = None, agency_id: int | None = None,
               date_from: date | None = None, date_to: date | None = None, status: str | None = None,
               limit: int = 500) -> list[dict]:
    """Items matching every filter given, newest first (by the order they were stored)."""
    where, params = [], []
    sql, order = "SELECT i.* FROM items i", "i.rowid"
    expression = _match_expression(store, text) if text else ""
    if expression is None:
        return []
    if expression:
        # Walk the full-text index newest first and stop at the limit: an IN (subquery) would
        # first collect every match (a third of a million rows for "tinh uy" at 1M items).
        sql, order = "SELECT i.* FROM items_fts f CROSS JOIN items i ON i.rowid = f.rowid", "f.rowid"
        where.append("items_fts MATCH ?")
        params.append(expression)
    if agency_id is not None:
        where.append("(i.sender_id = ? OR i.recipient_id = ?)")
        params += [agency_id, agency_id]
    if date_from is not None:
        where.append("i.accepted_at >= ?")
        params.append(clock.iso(clock.at(date_from, time(0))))
    if date_to is not None:
        where.append("i.accepted_at < ?")
        params.append(clock.iso(clock.at(date_to + timedelta(days=1), time(0))))
    if status:
        where.append("i.status = ?")
        params.append(status)
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += f" ORDER BY {order} DESC LIMIT ?"
    return store.all(sql, params + [limit])


def record_print(store: Store, actor: User | None, item_id: str, document: str) -> int:
    """Count a print of the label or receipt; returns which print this is (1 = the original)."""
    column = {"label": "label_prints", "receipt": "receipt_prints"}[document]
    item = get_item(store, item_id)
    with store.write(actor, f"item.print_{document}") as tx:
        tx.execute(f"UPDATE items SET {column} = {column} + 1 WHERE id = ?", (item["id"],))
        count = item[column] + 1
        tx.execute(
            "INSERT INTO item_events (item_id, at, kind, user_id, details) VALUES (?, ?, ?, ?, ?)",
            (item["id"], clock.iso(tx.now), f"printed_{document}", actor.id if actor else None,
             json.dumps({"copy": count > 1, "count": count})),
        )
        tx.record("item", item["id"], event=f"printed_{document}", count=count)
    return count


def refusals(store: Store, *, limit: int = 200) -> list[dict]:
    return store.all(
        "SELECT r.*, u.login AS refused_by_login FROM refusals r JOIN users u ON u.id = r.refused_by "
        "ORDER BY r.id DESC LIMIT ?", (limit,))


def waiting_dispatch(store: Store) -> list[dict]:
    """Secret items not yet handed over (accepted, or in a bag): they leave at once in a dedicated vehicle."""
    return store.all("SELECT * FROM items WHERE immediate_dispatch = 1 AND status IN ('accepted', 'bagged') "
                     "ORDER BY accepted_at")
