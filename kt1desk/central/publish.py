"""The province's bundle for its counters: agencies, tariffs and calendar swaps, signed.

The province keeps its reference data in ``kt1.ref_*``: ``publish`` takes what is new
(the same CSV files a counter imports), checks it with the counter's own rules, stores
it, and writes the whole reference set as one bundle numbered after the last. Counters
apply bundles in that order (``kt1desk sync apply``), so a merged agency — its
``valid_to`` and ``successor_code`` — reaches every counter.
"""

from __future__ import annotations

import json
from datetime import date

from .. import clock
from ..errors import FieldErrors, Kt1Error, RowErrors
from ..services import agencies, tariff
from ..services.csvfile import read_rows
from ..sync import bundle
from ..sync.keys import LINE_PREFIX
from .db import require_schema


def _load_agencies(path) -> list[dict]:
    rows, errors = [], []
    for line, values in read_rows(path, agencies.CSV_REQUIRED, agencies.CSV_OPTIONAL):
        try:
            rows.append(agencies.validate(values))
        except FieldErrors as err:
            errors.extend((line, e) for e in err.errors)
    if errors:
        raise RowErrors(errors)
    return rows


def _load_swaps(path) -> list[tuple[str, bool, str]]:
    swaps, errors = [], []
    for line, values in read_rows(path, ["day", "working"], ["note"]):
        try:
            day = clock.parse_date(values["day"]).isoformat()
        except ValueError:
            errors.append((line, Kt1Error("bad_date", "day", label={"vi": "Ngày", "en": "Day"}, value=values["day"])))
            continue
        swaps.append((day, values["working"].strip().lower() in ("1", "true", "yes", "co", "có"), values.get("note", "")))
    if errors:
        raise RowErrors(errors)
    return swaps


def publish(conn, signer, *, agencies_csv=None, tariff_csv=None, effective_from: date | None = None,
            tariff_name: str | None = None, swaps_csv=None) -> tuple[bytes, dict]:
    """Store what is given, then sign the whole reference set as the next publication."""
    from psycopg.types.json import Jsonb

    province = require_schema(conn)
    new_agencies = _load_agencies(agencies_csv) if agencies_csv else []
    new_tariff = tariff.read_csv(tariff_csv) if tariff_csv else None
    new_swaps = _load_swaps(swaps_csv) if swaps_csv else []
    with conn.transaction():
        conn.execute("LOCK TABLE kt1.publications IN EXCLUSIVE MODE")  # publications are numbered one by one
        for row in new_agencies:
            conn.execute("INSERT INTO kt1.ref_agencies (code, row) VALUES (%s, %s) ON CONFLICT (code) DO UPDATE "
                         "SET row = excluded.row, updated_at = now()", (row["code"], Jsonb(row)))
        known = {r[0] for r in conn.execute("SELECT code FROM kt1.ref_agencies")}
        missing = sorted({r[0] for r in conn.execute("SELECT row->>'successor_code' FROM kt1.ref_agencies "
                                                     "WHERE row->>'successor_code' IS NOT NULL")} - known)
        if missing:
            raise Kt1Error("unknown_successor", "successor_code", code=", ".join(missing))
        if new_tariff is not None:
            bands, surcharges = new_tariff
            start = effective_from or clock.now().date()
            conn.execute("INSERT INTO kt1.ref_tariffs (effective_from, name, is_sample, bands, surcharges) "
                         "VALUES (%s, %s, false, %s, %s) ON CONFLICT (effective_from) DO UPDATE SET name = excluded.name, "
                         "bands = excluded.bands, surcharges = excluded.surcharges",
                         (start, tariff_name or f"Bảng cước từ {start:%d/%m/%Y}", Jsonb(bands), Jsonb(surcharges)))
        for day, working, note in new_swaps:
            conn.execute("INSERT INTO kt1.ref_swaps (day, working, note) VALUES (%s, %s, %s) ON CONFLICT (day) "
                         "DO UPDATE SET working = excluded.working, note = excluded.note", (day, working, note))
        lines = [{"t": "agency", "row": r[0]} for r in conn.execute("SELECT row FROM kt1.ref_agencies ORDER BY code")]
        lines += [{"t": "tariff", "effective_from": r[0].isoformat(), "name": r[1], "is_sample": r[2],
                   "bands": r[3], "surcharges": r[4]}
                  for r in conn.execute("SELECT effective_from, name, is_sample, bands, surcharges FROM kt1.ref_tariffs "
                                        "ORDER BY effective_from")]
        lines += [{"t": "swap", "day": r[0].isoformat(), "working": r[1], "note": r[2]}
                  for r in conn.execute("SELECT day, working, note FROM kt1.ref_swaps ORDER BY day")]
        # The registered counters' key lines (not revoked): counters of this province trust one another's
        # dispatch bundles (kt1desk dispatch import) with no step of their own (kt1desk.sync.peers).
        lines += [{"t": "counter_key", "line": f"{LINE_PREFIX};role=counter;office={r[0]};counter={r[1]};uuid={r[2]};"
                                               f"province={r[3]};ed25519={r[4]}"}
                  for r in conn.execute("SELECT c.office, c.counter, c.counter_uuid::text, c.province, k.public_key "
                                        "FROM kt1.counter_keys k JOIN kt1.counters c USING (counter_uuid) "
                                        "WHERE k.revoked_at IS NULL AND (k.not_after IS NULL OR k.not_after > now()) "
                                        "ORDER BY k.key_id")]
        summary = {"agencies": sum(1 for x in lines if x["t"] == "agency"),
                   "tariffs": sum(1 for x in lines if x["t"] == "tariff"),
                   "swaps": sum(1 for x in lines if x["t"] == "swap"),
                   "counter_keys": sum(1 for x in lines if x["t"] == "counter_key")}
        bundle_id = bundle.new_id()
        number = conn.execute("INSERT INTO kt1.publications (bundle_id, key_id, summary) VALUES (%s, %s, %s) "
                              "RETURNING publication", (bundle_id, signer.key_id, Jsonb(summary))).fetchone()[0]
        manifest = {"kind": "province", "bundle_id": bundle_id, "created_at": clock.iso(clock.now()),
                    "key_id": signer.key_id, "destination": province, "publication": number} | summary
        body = b"".join(json.dumps(x, ensure_ascii=False, separators=(",", ":")).encode() + b"\n" for x in lines)
        data = bundle.write(manifest, body, signer.sign)
    return data, manifest
