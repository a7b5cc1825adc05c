"""The office, its counters and their serial blocks (who may issue which S10 ids)."""

from __future__ import annotations

import re

from .. import clock, s10
from ..errors import FieldErrors, Kt1Error
from ..storage import Store, User
from ..formats import parse_whole
from ..text import bad_char, bad_char_error, nfc
from .users import require_role

_CODE = re.compile(r"^[A-Za-z0-9_-]{1,20}$", re.ASCII)


def get_office(store: Store) -> dict:
    office = store.cached("office", lambda: store.one("SELECT * FROM office WHERE id = 1"))
    if office is None:
        raise Kt1Error("not_initialised")
    return office


def is_initialised(store: Store) -> bool:
    return store.scalar("SELECT 1 FROM office WHERE id = 1") is not None


def init_office(store: Store, actor: User | None, *, code: str, name: str, province: str,
                postal_code: str = "", service_indicator: str = "DK") -> dict:
    """Record the office once. Later changes are an admin's (not needed yet)."""
    existing = store.one("SELECT code FROM office WHERE id = 1")
    if existing:
        raise Kt1Error("already_initialised", code=existing["code"])
    errors = []
    for key, value, lbl in (("office_code", code, ("Mã bưu cục", "Office code")),
                            ("office_name", name, ("Tên bưu cục", "Office name")),
                            ("province", province, ("Tỉnh", "Province")),
                            ("postal_code", postal_code, ("Mã bưu chính", "Postal code"))):
        hidden = bad_char_error(value, key, {"vi": lbl[0], "en": lbl[1]})
        if hidden:
            errors.append(hidden)
        elif not nfc(value) and key != "postal_code":
            errors.append(Kt1Error("required", key, label={"vi": lbl[0], "en": lbl[1]}))
    if postal_code and not bad_char(postal_code) and not re.fullmatch(r"[0-9]{5}", postal_code.strip()):
        errors.append(Kt1Error("postal_code", "postal_code", value=postal_code))
    try:
        indicator = s10.validate_indicator(service_indicator)
    except Kt1Error as err:
        errors.append(err)
    if errors:
        raise FieldErrors(errors)
    with store.write(actor, "office.init") as tx:
        tx.execute(
            "INSERT INTO office (id, code, name, province, postal_code, service_indicator, created_at) "
            "VALUES (1, ?, ?, ?, ?, ?, ?)",
            (nfc(code).upper(), nfc(name), nfc(province), postal_code.strip(), indicator, clock.iso(tx.now)),
        )
        tx.record("office", 1, code=nfc(code).upper())
    # Every path that makes an office (init, demo, the first-start dialog) gives the counter its signing key.
    from ..sync.keys import ensure_counter_key

    ensure_counter_key(store)
    return get_office(store)


def add_counter(store: Store, actor: User | None, *, code: str, name: str, first: int, last: int) -> dict:
    """A counter with its first serial block. Admins only (or setup, actor=None)."""
    if actor is not None:
        require_role(actor, "admin")
    if not _CODE.match(code or ""):
        raise Kt1Error("unknown_counter", "counter", code=code)
    hidden = bad_char_error(name, "counter_name", {"vi": "Tên quầy", "en": "Counter name"})
    if hidden:
        raise hidden
    with store.write(actor, "counter.add") as tx:
        cursor = tx.execute("INSERT INTO counters (code, name, created_at) VALUES (?, ?, ?)",
                            (code.upper(), nfc(name) or code.upper(), clock.iso(tx.now)))
        tx.record("counter", cursor.lastrowid, code=code.upper())
        _add_block(store, tx, cursor.lastrowid, first, last)
    return get_counter(store, code)


def add_block(store: Store, actor: User, *, counter: str, first: int, last: int) -> None:
    """Give a counter a further serial block, used after the ones it has."""
    require_role(actor, "admin")
    row = get_counter(store, counter)
    with store.write(actor, "counter.block") as tx:
        _add_block(store, tx, row["id"], first, last)


def _add_block(store: Store, tx, counter_id: int, first: int, last: int) -> None:
    try:
        first, last = (parse_whole(v if isinstance(v, int) else str(v).strip(), maximum=s10.SERIAL_MAX)
                       for v in (first, last))
    except (TypeError, ValueError):
        raise Kt1Error("serial_block", "serial", first=first, last=last) from None
    if not (s10.SERIAL_MIN <= first <= last <= s10.SERIAL_MAX):
        raise Kt1Error("serial_block", "serial", first=first, last=last)
    indicator = get_office(store)["service_indicator"]
    clash = tx.execute(
        "SELECT c.code FROM serial_blocks b JOIN counters c ON c.id = b.counter_id "
        "WHERE b.indicator = ? AND b.first <= ? AND ? <= b.last",
        (indicator, last, first),
    ).fetchone()
    if clash:
        raise Kt1Error("serial_overlap", "serial", first=f"{first:08d}", last=f"{last:08d}", counter=clash[0])
    cursor = tx.execute(
        "INSERT INTO serial_blocks (counter_id, indicator, first, last, next, assigned_at) VALUES (?, ?, ?, ?, ?, ?)",
        (counter_id, indicator, first, last, first, clock.iso(tx.now)),
    )
    tx.record("serial_block", cursor.lastrowid, counter_id=counter_id, first=first, last=last)


def get_counter(store: Store, code: str | None = None) -> dict:
    """The counter named, else this machine's counter (setting ``this_counter``), else the first."""
    from . import settings

    code = (code or settings.get(store, "this_counter") or "").strip().upper()
    if code:
        row = store.one("SELECT * FROM counters WHERE code = ?", (code,))
        if row is None:
            raise Kt1Error("unknown_counter", "counter", code=code)
        return row
    row = store.one("SELECT * FROM counters WHERE active = 1 ORDER BY id LIMIT 1")
    if row is None:
        raise Kt1Error("no_counter")
    return row


def list_counters(store: Store) -> list[dict]:
    return store.all(
        "SELECT c.code, c.name, c.active, "
        "COALESCE(SUM(b.last - b.first + 1), 0) AS size, COALESCE(SUM(b.last - b.next + 1), 0) AS left "
        "FROM counters c LEFT JOIN serial_blocks b ON b.counter_id = c.id GROUP BY c.id ORDER BY c.code"
    )


def refuse_unconfirmed_serials(tx) -> None:
    """After a restore from a backup no id is issued until someone who knows says where the serials stood
    (the replaced database, the operator, or the province: see ``kt1desk.backup.restore``)."""
    pending = tx.execute("SELECT backup_as_of FROM restores WHERE serials_confirmed_at IS NULL LIMIT 1").fetchone()
    if pending:
        from ..clock import parse_iso
        from ..formats import moment

        raise Kt1Error("serials_unconfirmed", as_of=moment(parse_iso(pending[0])) if pending[0] else "?")


def take_serial(tx, counter: dict, warn_percent: int) -> tuple[str, Kt1Error | None]:
    """Issue the counter's next id inside the caller's write; warn when its blocks run low."""
    refuse_unconfirmed_serials(tx)
    blocks = tx.execute(
        "SELECT id, indicator, first, last, next FROM serial_blocks WHERE counter_id = ? ORDER BY id",
        (counter["id"],),
    ).fetchall()
    current = next((b for b in blocks if b[4] <= b[3]), None)
    if current is None:
        raise Kt1Error("serial_exhausted", counter=counter["code"])
    block_id, indicator, _first, _last, serial = current
    tx.execute("UPDATE serial_blocks SET next = next + 1 WHERE id = ?", (block_id,))
    size = sum(b[3] - b[2] + 1 for b in blocks)
    left = sum(b[3] - b[4] + 1 for b in blocks) - 1
    used = 100 * (size - left) // size
    warning = None
    if used >= warn_percent:
        warning = Kt1Error("serial_low", counter=counter["code"], percent=used, left=left)
    return s10.make_id(indicator, serial), warning


def take_serials(tx, counter: dict, count: int) -> list[str]:
    """Issue ``count`` ids of the counter at once, inside the caller's write (a bulk back-entry).

    Serials a rolled-back write took are taken again by the next one: nothing issued is lost or
    issued twice, because the block's ``next`` moves only when the write commits.
    """
    refuse_unconfirmed_serials(tx)
    ids: list[str] = []
    for block_id, indicator, last, serial in tx.execute(
            "SELECT id, indicator, last, next FROM serial_blocks WHERE counter_id = ? AND next <= last ORDER BY id",
            (counter["id"],)).fetchall():
        take = min(count - len(ids), last - serial + 1)
        ids.extend(s10.make_id(indicator, n) for n in range(serial, serial + take))
        tx.execute("UPDATE serial_blocks SET next = ? WHERE id = ?", (serial + take, block_id))
        if len(ids) == count:
            return ids
    raise Kt1Error("serial_exhausted", counter=counter["code"])
