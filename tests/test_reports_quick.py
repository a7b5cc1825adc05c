"""figures.compute on the demo office: the totals are the database's own sums, every contract key is there."""

from __future__ import annotations

import json

from kt1desk.reports.figures import compute
from kt1desk.reports.period import Period

CONTRACT_KEYS = {
    "period", "office", "generated_at", "items", "voided", "pieces", "fees_vnd", "vat_vnd", "total_vnd",
    "by_payment", "free", "by_kind", "by_mark", "by_secrecy", "by_scope", "by_sender", "by_destination",
    "by_month", "after_hours", "weekends", "holidays", "on_time", "on_time_pct", "refusals", "complaints",
    "agencies_used", "agencies_eligible", "adoption_pct", "adoption_by_year", "no_data",
}


def test_demo_year_adds_up(demo_store):
    report = compute(demo_store, Period.year(2026))
    assert set(report) >= CONTRACT_KEYS
    json.dumps(report)  # JSON-able
    n, fees, vat, pieces = demo_store.conn.execute(
        "SELECT COUNT(*), SUM(fee_vnd), SUM(vat_vnd), SUM(pieces) FROM items WHERE status <> 'voided' "
        "AND accepted_at LIKE '2026-%'").fetchone()
    assert n > 0 and (report["items"], report["fees_vnd"], report["vat_vnd"], report["pieces"]) == (n, fees, vat, pieces)
    assert report["total_vnd"] == fees + vat
    assert sum(m["items"] for m in report["by_month"]) == n and len(report["by_month"]) == 12
    assert sum(s["items"] for s in report["by_sender"]) == n
    assert sum(d["items"] for d in report["by_destination"]) == n
    assert sum(p["items"] for p in report["by_payment"].values()) == n
    assert sum(report["by_secrecy"].values()) == n and sum(report["by_scope"].values()) == n
    assert report["office"]["code"] == "BDDLK"
