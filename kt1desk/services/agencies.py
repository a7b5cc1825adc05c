"""The agency directory: who sends and receives KT1 mail, and who pays.

Names and addresses change and agencies merge (34 provinces since 1 July
2025): a change keeps the previous version in ``agency_history`` and a merged
agency points at its successor.
"""

from __future__ import annotations

import json
import re
from datetime import date

from .. import clock
from ..errors import FieldErrors, Kt1Error, RowErrors, label
from ..storage import Store, User
from ..text import bad_char_error, fold, fold_words, nfc
from .csvfile import read_rows
from .users import require_role

APPENDICES = ("I", "II", "TW")  # TW: the four central offices, free to anyone
ZONES = ("noi-thanh", "ngoai-thanh")
# How an agency that pays settles: cash at the counter, or a monthly account under a contract.
BILLINGS = ("cash", "account")
CSV_REQUIRED = ["code", "name", "appendix", "province"]
CSV_OPTIONAL = ["address", "postal_code", "zone", "after_hours_contact", "after_hours_phone",
                "valid_from", "valid_to", "successor_code", "billing"]
FIELDS = CSV_REQUIRED + CSV_OPTIONAL
_CODE = re.compile(r"^[A-Z0-9][A-Z0-9._-]{1,19}$")


def is_free(appendix: str) -> bool:
    return appendix in ("I", "TW")


FIELD_NAMES = {
    "code": label("Mã", "Code"), "name": label("Tên", "Name"), "appendix": label("Phụ lục", "Appendix"),
    "province": label("Tỉnh", "Province"), "address": label("Địa chỉ", "Address"),
    "postal_code": label("Mã bưu chính", "Postal code"), "zone": label("Khu vực", "Zone"),
    "after_hours_contact": label("Người nhận ngoài giờ", "After-hours contact"),
    "after_hours_phone": label("Điện thoại ngoài giờ", "After-hours phone"),
    "valid_from": label("Hiệu lực từ", "Valid from"), "valid_to": label("Hiệu lực đến", "Valid to"),
    "successor_code": label("Mã cơ quan kế thừa", "Successor code"),
    "billing": label("Thanh toán", "Billing"),
}


def validate(values: dict) -> dict:
    """Clean one agency's fields, or raise FieldErrors naming each bad one."""
    hidden = [bad_char_error(values.get(k), k, FIELD_NAMES[k]) for k in FIELDS]
    if any(hidden):
        raise FieldErrors([e for e in hidden if e])
    clean = {k: nfc(values.get(k)) for k in FIELDS}
    clean["code"] = clean["code"].upper()
    clean["appendix"] = clean["appendix"].upper()
    clean["zone"] = (clean["zone"] or "noi-thanh").lower()
    clean["billing"] = (clean["billing"] or "cash").lower()
    clean["successor_code"] = clean["successor_code"].upper() or None
    errors = []
    if not _CODE.match(clean["code"]):
        errors.append(Kt1Error("agency_code", "code", value=clean["code"]))
    for key, lbl in (("name", label("Tên", "Name")), ("province", label("Tỉnh", "Province"))):
        if not clean[key]:
            errors.append(Kt1Error("required", key, label=lbl))
    if clean["appendix"] not in APPENDICES:
        errors.append(Kt1Error("appendix", "appendix"))
    if clean["zone"] not in ZONES:
        errors.append(Kt1Error("zone", "zone"))
    if clean["billing"] not in BILLINGS:
        errors.append(Kt1Error("billing", "billing"))
    if clean["postal_code"] and not re.fullmatch(r"\d{5}", clean["postal_code"]):
        errors.append(Kt1Error("postal_code", "postal_code", value=clean["postal_code"]))
    for key, lbl in (("valid_from", label("Hiệu lực từ", "Valid from")), ("valid_to", label("Hiệu lực đến", "Valid to"))):
        if clean[key]:
            try:
                clean[key] = clock.parse_date(clean[key]).isoformat()
            except ValueError:
                errors.append(Kt1Error("bad_date", key, label=lbl, value=clean[key]))
        else:
            clean[key] = None
    if clean["valid_from"] and clean["valid_to"] and clean["valid_to"] < clean["valid_from"]:
        errors.append(Kt1Error("valid_range", "valid_to", valid_from=clean["valid_from"], valid_to=clean["valid_to"]))
    if clean["successor_code"] and clean["successor_code"] == clean["code"]:
        errors.append(Kt1Error("own_successor", "successor_code", code=clean["code"]))
    if errors:
        raise FieldErrors(errors)
    return clean


def _upsert(tx, clean: dict) -> None:
    old = tx.execute("SELECT * FROM agencies WHERE code = ?", (clean["code"],)).fetchone()
    now = clock.iso(tx.now)
    if old is None:
        cursor = tx.execute(
            f"INSERT INTO agencies ({', '.join(FIELDS)}, name_fold, updated_at) "
            f"VALUES ({', '.join('?' for _ in FIELDS)}, ?, ?)",
            [clean[k] for k in FIELDS] + [fold(clean["name"]), now],
        )
        tx.record("agency", clean["code"], event="added", name=clean["name"])
        return cursor.lastrowid
    names = [d[0] for d in tx.execute("SELECT * FROM agencies LIMIT 0").description]
    before = dict(zip(names, old))
    if all((before.get(k) or None) == (clean[k] or None) for k in FIELDS):
        return before["id"]
    tx.execute("INSERT INTO agency_history (agency_id, data, replaced_at) VALUES (?, ?, ?)",
               (before["id"], json.dumps(before, ensure_ascii=False), now))
    tx.execute(
        f"UPDATE agencies SET {', '.join(f'{k} = ?' for k in FIELDS)}, name_fold = ?, updated_at = ? WHERE id = ?",
        [clean[k] for k in FIELDS] + [fold(clean["name"]), now, before["id"]],
    )
    tx.record("agency", clean["code"], event="changed",
              fields=[k for k in FIELDS if (before.get(k) or None) != (clean[k] or None)])
    return before["id"]


def save_agency(store: Store, actor: User | None, values: dict) -> dict:
    """Add or change one agency (supervisor or admin)."""
    if actor is not None:
        require_role(actor, "supervisor", "admin")
    clean = validate(values)
    if clean["successor_code"] and not store.scalar("SELECT 1 FROM agencies WHERE code = ?", (clean["successor_code"],)):
        raise Kt1Error("unknown_successor", "successor_code", code=clean["successor_code"])
    with store.write(actor, "agency.save") as tx:
        _upsert(tx, clean)
    return get_agency(store, clean["code"])


def import_csv(store: Store, actor: User | None, path) -> dict:
    """Import a directory file, all or nothing. Returns counts of added / changed / unchanged."""
    if actor is not None:
        require_role(actor, "supervisor", "admin")
    rows, errors, seen = [], [], {}
    for line, values in read_rows(path, CSV_REQUIRED, CSV_OPTIONAL):
        try:
            clean = validate(values)
        except FieldErrors as err:
            errors.extend((line, e) for e in err.errors)
            continue
        if clean["code"] in seen:
            errors.append((line, Kt1Error("csv_duplicate", "code", code=clean["code"])))
            continue
        seen[clean["code"]] = line
        rows.append((line, clean))
    known = {r["code"] for r in store.all("SELECT code FROM agencies")} | set(seen)
    for line, clean in rows:
        if clean["successor_code"] and clean["successor_code"] not in known:
            errors.append((line, Kt1Error("unknown_successor", "successor_code", code=clean["successor_code"])))
    if errors:
        raise RowErrors(sorted(errors, key=lambda e: e[0]))
    counts = {"added": 0, "changed": 0, "unchanged": 0}
    with store.write(actor, "agency.import") as tx:
        for _line, clean in rows:
            before = len(tx.changes)
            _upsert(tx, clean)
            if len(tx.changes) == before:
                counts["unchanged"] += 1
            elif tx.changes[-1].details.get("event") == "added":
                counts["added"] += 1
            else:
                counts["changed"] += 1
    return counts


def get_agency(store: Store, code: str) -> dict | None:
    return store.one("SELECT * FROM agencies WHERE code = ?", ((code or "").strip().upper(),))


def count_agencies(store: Store) -> int:
    return store.scalar("SELECT COUNT(*) FROM agencies")


def list_agencies(store: Store, *, include_inactive: bool = True) -> list[dict]:
    rows = sorted(store.all("SELECT * FROM agencies"), key=lambda r: (fold(r["province"]), r["name_fold"]))
    if include_inactive:
        return rows
    today = clock.now().date()
    return [r for r in rows if is_active(r, today)]


def is_active(agency: dict, on: date) -> bool:
    day = on.isoformat()
    if agency.get("valid_from") and agency["valid_from"] > day:
        return False
    return not (agency.get("valid_to") and agency["valid_to"] < day)


def find_agencies(store: Store, query: str, *, limit: int = 20) -> list[dict]:
    """Agencies whose code or folded name holds every word typed ("tinh uy" finds "Tỉnh ủy").

    A code typed in full comes first, then names whose words start with the words typed.
    """
    everyone = store.cached("agencies", lambda: _with_former_names(store.all(
        "SELECT id, code, name, name_fold, appendix, province, zone, valid_from, valid_to, successor_code "
        "FROM agencies ORDER BY name_fold"), store))
    words = fold_words(query)
    if not words:
        return everyone[:limit]
    wanted = fold(query).upper().replace(" ", "")
    scored = []
    for agency in everyone:
        # Senders still write the names from before the 2025 merger: those find the agency too.
        hay = agency["name_fold"] + " " + agency["code"].lower() + agency["former_fold"]
        if not all(w in hay for w in words):
            continue
        starts = sum(1 for w in words if (" " + hay).find(" " + w) >= 0)
        scored.append((agency["code"] != wanted, -starts, agency["name_fold"], agency))
    scored.sort(key=lambda s: s[:3])
    return [s[3] for s in scored[:limit]]


def _with_former_names(rows: list[dict], store: Store) -> list[dict]:
    """Each agency with ``former_names`` (its earlier names, newest first) and their folded form."""
    former: dict[int, list[str]] = {}
    for row in store.all("SELECT agency_id, json_extract(data, '$.name') AS name FROM agency_history "
                         "ORDER BY id DESC"):
        names = former.setdefault(row["agency_id"], [])
        if row["name"] and row["name"] not in names:
            names.append(row["name"])
    for agency in rows:
        agency["former_names"] = [n for n in former.get(agency["id"], []) if n != agency["name"]]
        agency["former_fold"] = "".join(" " + fold(n) for n in agency["former_names"])
    return rows
