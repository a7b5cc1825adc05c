"""A clerk's shift (ca) at a counter, and its X and Z reports from one computation.

A shift opens when its user logs in at a counter (or with the first item they
accept there) and holds what that user does at that counter: the items accepted
(``items.shift_id``), the refusals made, and the money moved by voids and
corrections of items whose own shift is already closed. ``compute`` adds them up:
on an open shift that is the running X report; closing (one write, under the
write lock, so nothing slips in between) stores the same computation as the Z
report, with the cash the clerk counted. A count that differs from the expected
cash needs a reason and is recorded as declared — never forced to zero. A closed
shift cannot change (the schema refuses it); its Z is printed from what was
stored, and every print after the first says it is a reprint.
"""

from __future__ import annotations

import json
import re

from .. import clock
from ..errors import Kt1Error
from ..formats import moment, money
from ..services import office
from ..services.numbering import next_id
from ..services.users import require_role
from ..storage import Store, User
from ..text import nfc

SUPERVISORS = ("supervisor", "admin")
PAYMENTS = ("cash", "account", "free")
# The amounts an item carries — before VAT, the VAT, what the payer pays — as SQL over its columns
# ({p} is a table prefix); every amount of a shift goes through this one table.
AMOUNTS = {"fee_vnd": "{p}fee_vnd", "vat_vnd": "{p}vat_vnd", "total_vnd": "{p}fee_vnd + {p}vat_vnd"}
FEE_COLUMNS = tuple(AMOUNTS)
# The amount a payer actually pays: what the cash drawer holds for cash items.
PAID_COLUMN = "total_vnd"


def _amounts(prefix: str = "", total: bool = False) -> str:
    return ", ".join((f"SUM({sql})" if total else sql).format(p=prefix) + f" AS {name}" for name, sql in AMOUNTS.items())


# One row per item of the shift, in the order accepted: the Z keeps them, so every total is explained
# down to the item.
LINE_COLUMNS = ("id", "accepted_at", "sender_code", "payment", "free_reason", "status") + FEE_COLUMNS
LINES_SQL = (f"SELECT id, accepted_at, sender_code, payment, free_reason, status, {_amounts()} "
             "FROM items WHERE shift_id = ? ORDER BY rowid")
TOTALS_SQL = (
    "SELECT payment, free_reason, status = 'voided' AS voided, COUNT(*) AS count, SUM(pieces) AS pieces, "
    "SUM(weight_g) AS weight_g, SUM(secrecy IS NOT NULL) AS secret, SUM(hoa_toc) AS hoa_toc, "
    f"SUM(hen_gio_at IS NOT NULL) AS hen_gio, SUM(back_entry) AS back_entry, {_amounts(total=True)} "
    "FROM items WHERE shift_id = ? GROUP BY 1, 2, 3"
)
VOIDED_SQL = (
    f"SELECT i.id AS item_id, i.payment, {_amounts('i.')}, e.at, e.details, u.login AS by_login FROM items i "
    "JOIN item_events e ON e.item_id = i.id AND e.kind = 'voided' "
    "LEFT JOIN users u ON u.id = e.user_id WHERE i.shift_id = ? AND i.status = 'voided' ORDER BY e.id"
)
ADJUST_SQL = (
    "SELECT e.item_id, e.kind, e.at, e.details, u.login AS by_login FROM item_events e "
    "LEFT JOIN users u ON u.id = e.user_id WHERE e.shift_id = ? ORDER BY e.id"
)
REFUSALS_SQL = "SELECT at, secrecy, presented_by FROM refusals WHERE shift_id = ? ORDER BY id"


def _fees() -> dict[str, int]:
    return dict.fromkeys(FEE_COLUMNS, 0)


# -- opening ---------------------------------------------------------------------------------------

def shift_for(tx, actor: User, counter: dict) -> str:
    """The id of ``actor``'s open shift at ``counter``, opened now (inside the caller's write) if none is."""
    row = tx.execute("SELECT id FROM shifts WHERE user_id = ? AND counter_id = ? AND status = 'open'",
                     (actor.id, counter["id"])).fetchone()
    if row:
        return row[0]
    day = clock.to_vn(tx.now).date()
    shift_id = next_id(tx, "shifts", f"CA-{counter['code']}-{day:%Y%m%d}-", 2)
    tx.execute("INSERT INTO shifts (id, counter_id, user_id, opened_at) VALUES (?, ?, ?, ?)",
               (shift_id, counter["id"], actor.id, clock.iso(tx.now)))
    tx.record("shift", shift_id, event="opened", counter=counter["code"])
    return shift_id


def open_shift(store: Store, actor: User, counter: str | None = None) -> dict:
    """At login: the user's open shift at this counter, or a new one."""
    if actor is None:
        raise Kt1Error("role_required", roles="giao dịch viên", login="?", role="?")
    counter_row = office.get_counter(store, counter)
    found = current(store, actor, counter_row["code"])
    if found:
        return found
    with store.write(actor, "shift.open") as tx:
        shift_id = shift_for(tx, actor, counter_row)
    return get_shift(store, shift_id)


# -- reading ---------------------------------------------------------------------------------------

SHIFT_SQL = ("SELECT s.*, u.login AS user_login, u.full_name AS user_name, c.code AS counter_code, "
              "k.login AS closed_by_login, k.full_name AS closed_by_name FROM shifts s "
              "JOIN users u ON u.id = s.user_id JOIN counters c ON c.id = s.counter_id "
              "LEFT JOIN users k ON k.id = s.closed_by")


def get_shift(store: Store, shift_id: str) -> dict:
    row = store.one(SHIFT_SQL + " WHERE s.id = ?", (nfc(shift_id).upper(),))
    if row is None:
        raise Kt1Error("shift_not_found", "shift", value=shift_id)
    return row


def current(store: Store, actor: User, counter: str | None = None) -> dict | None:
    """``actor``'s open shift at the counter, or None."""
    counter_row = office.get_counter(store, counter)
    return store.one(SHIFT_SQL + " WHERE s.user_id = ? AND s.counter_id = ? AND s.status = 'open'",
                     (actor.id, counter_row["id"]))


def list_shifts(store: Store, actor: User, *, status: str | None = None, limit: int = 60) -> list[dict]:
    """Newest first: a clerk's own shifts; every shift of the office for a supervisor."""
    where, params = [], []
    if actor.role not in SUPERVISORS:
        where.append("s.user_id = ?")
        params.append(actor.id)
    if status:
        where.append("s.status = ?")
        params.append(status)
    sql = SHIFT_SQL + (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY s.opened_at DESC, s.id DESC LIMIT ?"
    return store.all(sql, params + [limit])


def _may_see(actor: User, shift: dict) -> None:
    if shift["user_id"] != actor.id:
        require_role(actor, *SUPERVISORS)


# -- the one computation ---------------------------------------------------------------------------

def compute(store: Store, shift_id: str) -> dict:
    """What the shift holds, added up; the X report as it stands (inside a write: what is about to be the Z)."""
    shift = get_shift(store, shift_id)
    items = {"count": 0, "pieces": 0, "weight_g": 0, "secret": 0, "hoa_toc": 0, "hen_gio": 0, "back_entry": 0}
    payments = {p: {"count": 0, **_fees()} for p in PAYMENTS}
    payments["free"]["reasons"] = {}
    voided = {"count": 0, **_fees(), "rows": []}
    for row in store.all(TOTALS_SQL, (shift["id"],)):
        if row["voided"]:
            voided["count"] += row["count"]
            for c in FEE_COLUMNS:
                voided[c] += row[c]
            continue
        for key in items:
            items[key] += row[key]
        bucket = payments[row["payment"]]
        bucket["count"] += row["count"]
        for c in FEE_COLUMNS:
            bucket[c] += row[c]
        if row["free_reason"]:
            reasons = bucket["reasons"]
            reasons[row["free_reason"]] = reasons.get(row["free_reason"], 0) + row["count"]
    for row in store.all(VOIDED_SQL, (shift["id"],)):
        details = json.loads(row.pop("details"))
        voided["rows"].append(row | {"reason": details.get("reason", "")})
    adjustments = {"rows": [], "by_payment": dict.fromkeys(PAYMENTS, 0)}
    for row in store.all(ADJUST_SQL, (shift["id"],)):
        details = json.loads(row.pop("details"))
        for move in details.get("adjust", ()):
            adjustments["rows"].append(row | {"reason": details.get("reason", ""), "payment": move["payment"],
                                              "vnd": move["vnd"]})
            adjustments["by_payment"][move["payment"]] += move["vnd"]
    refusals = store.all(REFUSALS_SQL, (shift["id"],))
    cash = payments["cash"][PAID_COLUMN] + adjustments["by_payment"]["cash"]
    return {
        "kind": "X" if shift["status"] == "open" else "Z",
        "computed_at": clock.iso(clock.now()),
        "shift": {k: shift[k] for k in ("id", "status", "counter_code", "user_login", "user_name", "opened_at",
                                          "closed_at")},
        "items": items,
        "payments": payments,
        "voided": voided,
        "adjustments": adjustments,
        "refusals": {"count": len(refusals), "rows": refusals},
        "paid_vnd": payments["cash"][PAID_COLUMN] + payments["account"][PAID_COLUMN]
                    + adjustments["by_payment"]["cash"] + adjustments["by_payment"]["account"],
        "cash_expected_vnd": cash,
        "line_columns": list(LINE_COLUMNS),
        "lines": [list(r.values()) for r in store.all(LINES_SQL, (shift["id"],))],
    }


def report(store: Store, actor: User, shift_id: str) -> dict:
    """The X report of an open shift (computed now), or the Z report of a closed one (as it was closed)."""
    shift = get_shift(store, shift_id)
    _may_see(actor, shift)
    if shift["status"] == "closed":
        return json.loads(shift["report"])
    return compute(store, shift["id"])


# -- closing ---------------------------------------------------------------------------------------

_AMOUNT = re.compile(r"^\d{1,3}(\.\d{3})*$|^\d+$")


def parse_cash(value) -> int | None:
    """What a clerk types as counted cash: 1500000, 1.500.000 or 1.500.000 đ; empty = not declared."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, int) and not isinstance(value, bool):
        amount = value
    else:
        text = re.sub(r"\s*(đ|vnd|vnđ)$", "", str(value).strip().lower()).replace(" ", "")
        if not _AMOUNT.match(text):
            raise Kt1Error("cash_amount", "cash", value=value)
        amount = int(text.replace(".", ""))
    if not 0 <= amount <= 10**12:
        raise Kt1Error("cash_amount", "cash", value=value)
    return amount


def close(store: Store, actor: User, shift_id: str | None = None, *, cash_counted=None, reason: str = "",
          counter: str | None = None) -> dict:
    """Close a shift and return its Z report. A user closes their own; a supervisor may close anyone's."""
    if shift_id is None:
        shift = current(store, actor, counter)
        if shift is None:
            raise Kt1Error("no_open_shift", "shift", login=actor.login, counter=office.get_counter(store, counter)["code"])
    else:
        shift = get_shift(store, shift_id)
    if shift["user_id"] != actor.id:
        require_role(actor, *SUPERVISORS)
    counted = parse_cash(cash_counted)
    reason = nfc(reason)
    with store.write(actor, "shift.close") as tx:
        if tx.execute("SELECT status FROM shifts WHERE id = ?", (shift["id"],)).fetchone()[0] == "closed":
            raise Kt1Error("shift_closed", "shift", id=shift["id"], when=_when(get_shift(store, shift["id"])["closed_at"]))
        z = compute(store, shift["id"])
        expected = z["cash_expected_vnd"]
        if counted is not None and counted != expected and not reason:
            raise Kt1Error("cash_reason", "reason", counted=_money(counted), expected=_money(expected))
        z.update(kind="Z", closed_by_login=actor.login, closed_by_name=actor.full_name,
                 cash_counted_vnd=counted, discrepancy_vnd=None if counted is None else counted - expected,
                 discrepancy_reason=reason if counted is not None and counted != expected else "")
        z["shift"].update(status="closed", closed_at=clock.iso(tx.now))
        tx.execute("UPDATE shifts SET status = 'closed', closed_at = ?, closed_by = ?, cash_expected_vnd = ?, "
                   "cash_counted_vnd = ?, discrepancy_reason = ?, report = ? WHERE id = ?",
                   (clock.iso(tx.now), actor.id, expected, counted, z["discrepancy_reason"],
                    json.dumps(z, ensure_ascii=False, separators=(",", ":")), shift["id"]))
        tx.record("shift", shift["id"], event="closed", items=z["items"]["count"], cash_expected=expected,
                  cash_counted=counted, discrepancy=z["discrepancy_vnd"], reason=z["discrepancy_reason"])
    return z


def record_z_print(store: Store, actor: User, shift_id: str) -> int:
    """Count a print of a closed shift's Z report; returns which print it is (1 = the original)."""
    shift = get_shift(store, shift_id)
    _may_see(actor, shift)
    if shift["status"] != "closed":
        raise Kt1Error("shift_open_z", "shift", id=shift["id"])
    with store.write(actor, "shift.print_z") as tx:
        n = tx.execute("SELECT COUNT(*) FROM shift_prints WHERE shift_id = ?", (shift["id"],)).fetchone()[0] + 1
        tx.execute("INSERT INTO shift_prints (shift_id, n, at, user_id) VALUES (?, ?, ?, ?)",
                   (shift["id"], n, clock.iso(tx.now), actor.id))
        tx.record("shift", shift["id"], event="printed_z", n=n)
    return n


def z_prints(store: Store, shift_id: str) -> int:
    return int(store.scalar("SELECT COUNT(*) FROM shift_prints WHERE shift_id = ?", (shift_id,)) or 0)


def _when(text: str | None) -> str:
    return moment(clock.parse_iso(text)) if text else ""


def _money(vnd: int) -> dict:
    return {"vi": money(vnd, "vi"), "en": money(vnd, "en")}
