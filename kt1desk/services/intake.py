"""Accepting an item at the counter: every rule of DOMAIN.md checked in one place.

``quote()`` checks a form and says what the item would cost, its scope and
deadline, writing nothing (the window calls it as the clerk types).
``intake()`` does the same, then issues the S10 id and stores the item with
its first event in one transaction. A secret item whose seal is not intact is
refused, and only the refusal is recorded.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from .. import clock
from ..errors import FIELD_LABELS, FieldErrors, ItemRefused, Kt1Error, label
from ..formats import day, moment, parse_weight_g, parse_whole
from ..life.shifts import shift_for
from ..storage import Store, User
from ..text import bad_char_error, fold, nfc
from . import office, settings
from .agencies import get_agency, is_active
from .calendar import calendar
from .tariff import Fee, compute_fee
from ..workdays import deadline_days

KINDS = {
    "thu": {"vi": "Thư", "en": "Letter"},
    "goi": {"vi": "Gói", "en": "Packet"},
    "kien": {"vi": "Kiện", "en": "Parcel"},
}
_KIND_ALIASES = {"thu": "thu", "thư": "thu", "goi": "goi", "gói": "goi", "kien": "kien", "kiện": "kien"}
SECRECY = ("A", "B", "C")
# Hẹn giờ: the requested time must be this many hours after acceptance.
HEN_GIO_LEAD_H = {("noi-tinh", "noi-thanh"): 4, ("noi-tinh", "ngoai-thanh"): 12, ("lien-tinh", None): 24}
ZONE_NAMES = {
    ("noi-tinh", "noi-thanh"): {"vi": "nội tỉnh, nội thành", "en": "within the province, inner city"},
    ("noi-tinh", "ngoai-thanh"): {"vi": "nội tỉnh, ngoại thành", "en": "within the province, suburban"},
    ("lien-tinh", None): {"vi": "liên tỉnh", "en": "between provinces"},
}
# A clock that runs a little ahead on another PC should not refuse a back-entry of "now".
_FUTURE_SLACK = timedelta(minutes=5)


@dataclass
class Quote:
    """A checked item, not yet stored: what the window shows as the clerk types."""

    sender: dict
    recipient: dict
    kind: str
    weight_g: int
    pieces: int
    secrecy: str | None
    hoa_toc: bool
    hen_gio_at: datetime | None
    accepted_at: datetime
    back_entry: bool
    scope: str
    fee: Fee
    deadline: datetime
    # Recorded as the clerk saw it; a secret item is only ever stored with an intact seal.
    seal_intact: bool = True
    # Which rule set the deadline: 'acceptance-day', 'after-cutoff', 'day-off' or 'hen-gio'.
    deadline_rule: str = "acceptance-day"


@dataclass
class Accepted:
    item: dict
    warnings: list[Kt1Error] = field(default_factory=list)


def scope_of(store: Store, recipient: dict) -> str:
    same = fold(recipient["province"]) == fold(office.get_office(store)["province"])
    return "noi-tinh" if same else "lien-tinh"


def _agency(store: Store, code: str | None, key: str, on: datetime, errors: list) -> dict | None:
    code = nfc(code).upper()
    if not code:
        errors.append(Kt1Error("required", key, label=FIELD_LABELS[key]))
        return None
    agency = store.cached(f"agency:{code}", lambda: get_agency(store, code))
    if agency is None:
        errors.append(Kt1Error("unknown_agency", key, label=FIELD_LABELS[key], code=code))
        return None
    if not is_active(agency, on.date()):
        successor = agency.get("successor_code")
        errors.append(Kt1Error(
            "agency_inactive", key, label=FIELD_LABELS[key], code=code,
            date=_day_text(agency.get("valid_to") or agency.get("valid_from")),
            successor={"vi": f"; dùng mã {successor}" if successor else "",
                       "en": f"; use code {successor}" if successor else ""}))
        return None
    return agency


def _day_text(iso_day: str | None) -> str:
    return day(date.fromisoformat(iso_day)) if iso_day else ""


def _time_field(value, key: str, errors: list) -> datetime | None:
    if value in (None, ""):
        return None
    if isinstance(value, datetime):
        return clock.to_vn(value)
    try:
        return clock.parse_local(str(value))
    except ValueError:
        errors.append(Kt1Error("bad_datetime", key, label=FIELD_LABELS[key], value=value))
        return None


def quote(store: Store, actor: User | None, *, sender: str, recipient: str, kind: str, weight_g,
          pieces=1, secrecy: str | None = None, hoa_toc: bool = False, hen_gio_at=None,
          accepted_at=None, weight_unit: str = "g", history: bool = False) -> Quote:
    """Check every field of an intake form; raise FieldErrors naming each bad one.

    ``history=True`` is for demo data only: an old acceptance time that is not a back-entry.
    """
    errors: list[Kt1Error] = []
    now = clock.now()
    when = _time_field(accepted_at, "accepted_at", errors)
    back_entry = when is not None and not history
    if when is None:
        when = now
    elif back_entry:
        if actor is None or actor.role not in ("supervisor", "admin"):
            errors.append(Kt1Error("back_entry_role", "accepted_at"))
        if when > now + _FUTURE_SLACK:
            errors.append(Kt1Error("accepted_future", "accepted_at"))
        oldest = now - timedelta(days=settings.get(store, "back_entry_max_days"))
        if when < oldest:
            errors.append(Kt1Error("accepted_too_old", "accepted_at", earliest=moment(oldest)))

    sender_row = _agency(store, sender, "sender", when, errors)
    recipient_row = _agency(store, recipient, "recipient", when, errors)
    if sender_row and recipient_row and sender_row["id"] == recipient_row["id"]:
        errors.append(Kt1Error("same_agency", "recipient"))

    kind_code = _KIND_ALIASES.get(nfc(kind).lower())
    if kind_code is None:
        errors.append(Kt1Error("kind", "kind"))

    max_weight = settings.get(store, "max_weight_g", when.date())
    grams = None
    try:
        grams = parse_weight_g(weight_g, weight_unit)
    except (ValueError, TypeError, OverflowError):
        errors.append(Kt1Error("weight_not_number", "weight_g", value=weight_g))
    if grams is not None and grams > max_weight:
        errors.append(Kt1Error("weight_range", "weight_g", max=f"{max_weight:,}".replace(",", ".")))
        grams = None

    max_pieces = settings.get(store, "max_pieces", when.date())
    try:
        count = parse_whole(pieces, minimum=1, maximum=max_pieces)
    except (ValueError, TypeError):
        errors.append(Kt1Error("pieces", "pieces", max=max_pieces))
        count = None

    letter = nfc(secrecy).upper() or None
    if letter is not None and letter not in SECRECY:
        errors.append(Kt1Error("secrecy", "secrecy"))
        letter = None

    # Hỏa tốc, Hẹn giờ and the secrecy letter are independent marks: any of them may combine.
    appointment = _time_field(hen_gio_at, "hen_gio_at", errors)
    if appointment is not None:
        longest = settings.get(store, "hen_gio_max_days", when.date())
        latest = when + timedelta(days=longest)
        if appointment > latest:
            errors.append(Kt1Error("hen_gio_too_far", "hen_gio_at", days=longest, latest=moment(latest)))

    scope = scope_of(store, recipient_row) if recipient_row else None
    if appointment is not None and scope is not None:
        zone_key = (scope, recipient_row["zone"] if scope == "noi-tinh" else None)
        hours = HEN_GIO_LEAD_H[zone_key]
        earliest = when + timedelta(hours=hours)
        if appointment < earliest:
            errors.append(Kt1Error("hen_gio_lead", "hen_gio_at", hours=hours, zone=ZONE_NAMES[zone_key],
                                   earliest=moment(earliest)))

    fee = None
    if sender_row and grams is not None and scope is not None:
        try:
            fee = compute_fee(store, sender_appendix=sender_row["appendix"], weight_g=grams, scope=scope,
                              day=when.date(), hoa_toc=bool(hoa_toc), hen_gio=appointment is not None,
                              secrecy=letter)
        except Kt1Error as err:
            errors.append(err)
    if errors:
        raise FieldErrors(errors)

    if appointment is not None:
        deadline, rule = appointment, "hen-gio"
    else:
        cal = calendar(store, when.date())
        j, rule = cal.j_day(when, settings.get(store, "cutoff_time", when.date()))
        deadline = cal.deadline(j, deadline_days(hoa_toc=bool(hoa_toc), scope=scope))
    return Quote(sender=sender_row, recipient=recipient_row, kind=kind_code, weight_g=grams, pieces=count,
                 secrecy=letter, hoa_toc=bool(hoa_toc), hen_gio_at=appointment, accepted_at=when,
                 back_entry=back_entry, scope=scope, fee=fee, deadline=deadline, deadline_rule=rule)


def refuse_broken_seal(store: Store, actor: User, *, secrecy: str, presented_by: str,
                       counter: str | None = None) -> int:
    """Record that a secret item with a broken seal was refused, and who presented it; nothing else about it."""
    who = nfc(presented_by)
    problem = bad_char_error(presented_by, "presented_by", label("Người mang đến", "Presented by"))
    if problem:
        raise problem
    if not who:  # a refusal nobody could follow up is no record: the name is required
        raise FieldErrors([Kt1Error("required", "presented_by", label=FIELD_LABELS["presented_by"])])
    counter_row = office.get_counter(store, counter)
    with store.write(actor, "item.refuse") as tx:
        cursor = tx.execute(
            "INSERT INTO refusals (at, reason, secrecy, refused_by, presented_by, counter_id, shift_id) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (clock.iso(tx.now), "seal-broken", secrecy, actor.id, who, counter_row["id"],
             shift_for(tx, actor, counter_row)),
        )
        tx.record("refusal", cursor.lastrowid, reason="seal-broken", secrecy=secrecy)
    return cursor.lastrowid


def intake(store: Store, actor: User, *, sender: str, recipient: str, kind: str, weight_g, pieces=1,
           secrecy: str | None = None, seal_intact: bool = True, hoa_toc: bool = False, hen_gio_at=None,
           accepted_at=None, counter: str | None = None, presented_by: str | None = None,
           weight_unit: str = "g") -> Accepted:
    """Accept one item: check, number, price, set its deadline and store it, all or nothing."""
    if actor is None:
        raise Kt1Error("role_required", roles="giao dịch viên", login="?", role="?")
    letter = nfc(secrecy).upper() or None
    if letter in SECRECY and not seal_intact:
        refusal = refuse_broken_seal(store, actor, secrecy=letter, counter=counter, presented_by=presented_by)
        raise ItemRefused("seal_broken", refusal, secrecy=letter)
    q = quote(store, actor, sender=sender, recipient=recipient, kind=kind, weight_g=weight_g, pieces=pieces,
              secrecy=secrecy, hoa_toc=hoa_toc, hen_gio_at=hen_gio_at, accepted_at=accepted_at,
              weight_unit=weight_unit)
    q.seal_intact = bool(seal_intact)
    return store_item(store, actor, q, counter=counter)


def store_item(store: Store, actor: User, q: Quote, *, counter: str | None = None) -> Accepted:
    """Number and store a checked item with its first event (the caller's write, or a new one)."""
    counter_row = office.get_counter(store, counter)
    warn_percent = settings.get(store, "serial_warn_percent")
    with store.write(actor, "item.accept") as tx:
        return _insert(tx, actor, q, counter_row, warn_percent)


def _insert(tx, actor: User, q: Quote, counter_row: dict, warn_percent: int, shift_id: str | None = None, *,
            in_shift: bool = True) -> Accepted:
    """The item's rows inside the caller's write. It joins ``shift_id``, else the actor's open shift at the
    counter (opened now if none is); ``in_shift=False`` is for history from before shifts were kept."""
    item_id, warning = office.take_serial(tx, counter_row, warn_percent)
    shift_id = (shift_id or shift_for(tx, actor, counter_row)) if in_shift else None
    row = item_row(q, item_id, counter_row, actor, clock.iso(tx.now), shift_id)
    columns = ", ".join(row)
    cursor = tx.execute(f"INSERT INTO items ({columns}) VALUES ({', '.join('?' for _ in row)})", list(row.values()))
    tx.execute("INSERT INTO items_fts (rowid, text) VALUES (?, ?)", (cursor.lastrowid, search_text(row)))
    tx.execute(ACCEPTED_EVENT_SQL, accepted_event(row, actor))
    tx.record("item", item_id, event="accepted", back_entry=q.back_entry)
    return Accepted(item=row, warnings=[warning] if warning else [])


ACCEPTED_EVENT_SQL = ("INSERT INTO item_events (item_id, at, kind, user_id, counter_id, details) "
                      "VALUES (?, ?, 'accepted', ?, ?, ?)")


def accepted_event(row: dict, actor: User) -> tuple:
    return (row["id"], row["accepted_at"], actor.id, row["counter_id"],
            '{"back_entry": true}' if row["back_entry"] else "{}")


def item_row(q: Quote, item_id: str, counter_row: dict, actor: User, entered_at: str,
             shift_id: str | None = None) -> dict:
    """The items row of a checked quote with its id: what is stored, column by column."""
    return {
        "id": item_id, "counter_id": counter_row["id"], "clerk_id": actor.id,
        "sender_id": q.sender["id"], "sender_code": q.sender["code"], "sender_name": q.sender["name"],
        "recipient_id": q.recipient["id"], "recipient_code": q.recipient["code"],
        "recipient_name": q.recipient["name"], "recipient_address": q.recipient.get("address") or "",
        "recipient_province": q.recipient["province"], "kind": q.kind, "weight_g": q.weight_g,
        "pieces": q.pieces, "secrecy": q.secrecy, "seal_intact": int(q.seal_intact), "hoa_toc": int(q.hoa_toc),
        "hen_gio_at": clock.iso(q.hen_gio_at) if q.hen_gio_at else None, "scope": q.scope,
        "accepted_at": clock.iso(q.accepted_at), "entered_at": entered_at, "back_entry": int(q.back_entry),
        "deadline": clock.iso(q.deadline), "deadline_rule": q.deadline_rule,
        # Amounts before VAT, the rate of the day and the VAT: what this item was charged, for good.
        "fee_vnd": q.fee.net, "vat_rate_bp": q.fee.vat_rate_bp, "vat_vnd": q.fee.vat,
        "free_reason": q.fee.free_reason, "tariff_id": q.fee.tariff_id, "status": "accepted",
        # Secret items leave at once in a dedicated vehicle: queued and flagged until they do.
        "immediate_dispatch": int(q.secrecy is not None),
        # Who pays is fixed now, so a later change of the sender's contract leaves closed shifts alone.
        "payment": "free" if q.fee.free_reason else q.sender.get("billing") or "cash",
        "shift_id": shift_id,
    }


def search_text(item: dict) -> str:
    """What text search sees of an item: its id, codes and names, folded."""
    return item["id"].lower() + " " + names_text(item)


def names_text(item: dict) -> str:
    """The folded codes and names of search_text, which need no id (a bulk import folds them early)."""
    return fold(" ".join((item["sender_code"], item["sender_name"], item["recipient_code"], item["recipient_name"])))
