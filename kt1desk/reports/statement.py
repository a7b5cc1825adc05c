"""An agency's monthly statement (bảng kê cước): every item it sent in the month, what each cost, the totals.

    statement(store, agency_code, year, month) -> dict      reads only; Kt1Error for an unknown agency or month
    parse_month("2026-11") -> (2026, 11)
    vnd_in_words(300_250_000) -> "Ba trăm triệu hai trăm năm mươi nghìn đồng"

Agencies on a monthly account pay from it; cash items were paid at the counter and free items cost
nothing, but all are listed so the agency can check its month item by item. Items voided are not
charged: they are left out of the lines and totals and listed apart (``voided``), with the reason.
The amounts are those stored on each item when it was accepted (fee before VAT, the VAT rate of its
day, the VAT): a later tariff or rate never changes a past month. No Qt, no reportlab here.
"""

from __future__ import annotations

import calendar
import json
import re
from datetime import date

from .. import clock
from ..errors import Kt1Error
from ..services import agencies, office as office_service
from ..storage import Store

PAYMENTS = ("cash", "account", "free")

_LINES_SQL = (
    "SELECT id, accepted_at, recipient_code, recipient_name, recipient_province, kind, weight_g, pieces, secrecy, "
    "hoa_toc, hen_gio_at, scope, payment, free_reason, fee_vnd, vat_rate_bp, vat_vnd, status "
    "FROM items WHERE sender_id = ? AND accepted_at >= ? AND accepted_at < ? ORDER BY accepted_at, id")
_VOID_SQL = ("SELECT at, details FROM item_events WHERE item_id = ? AND kind = 'voided' ORDER BY id DESC LIMIT 1")


def parse_month(text: str) -> tuple[int, int]:
    """'2026-11' (or '11/2026') → (2026, 11); Kt1Error('statement_month') otherwise."""
    raw = (text or "").strip()
    match = re.fullmatch(r"(\d{4})-(\d{1,2})", raw) or re.fullmatch(r"(\d{1,2})/(\d{4})", raw)
    if not match:
        raise Kt1Error("statement_month", "month", value=raw)
    a, b = match.groups()
    year, month = (int(a), int(b)) if len(a) == 4 else (int(b), int(a))
    _check_month(year, month, raw)
    return year, month


def _check_month(year, month, shown) -> None:
    if isinstance(year, bool) or isinstance(month, bool) or not isinstance(year, int) or not isinstance(month, int) \
            or not 2000 <= year <= 9999 or not 1 <= month <= 12:
        raise Kt1Error("statement_month", "month", value=shown)


def statement(store: Store, agency_code: str, year: int, month: int) -> dict:
    """The statement of ``agency_code`` for ``year``-``month`` (see the module's doc for what it holds)."""
    _check_month(year, month, f"{year}-{month:02d}" if isinstance(month, int) else f"{year}-{month}")
    first = date(year, month, 1)
    if first > clock.now().date():
        raise Kt1Error("statement_future", "month", month=f"{month:02d}/{year}")
    agency = agencies.get_agency(store, agency_code)
    if agency is None:
        raise Kt1Error("statement_agency", "agency", code=(agency_code or "").strip())
    the_office = office_service.get_office(store)
    last = date(year, month, calendar.monthrange(year, month)[1])
    after = date(year + (month == 12), month % 12 + 1, 1)
    rows = store.all(_LINES_SQL, (agency["id"], first.isoformat(), after.isoformat()))

    lines, voided = [], []
    totals = {"items": 0, "pieces": 0, "weight_g": 0, "fees_vnd": 0, "vat_vnd": 0, "total_vnd": 0}
    by_payment = {p: {"items": 0, "fees_vnd": 0, "vat_vnd": 0, "total_vnd": 0} for p in PAYMENTS}
    by_rate: dict[int | None, dict] = {}
    for row in rows:
        total = row["fee_vnd"] + (row["vat_vnd"] or 0)
        if row["status"] == "voided":
            event = store.one(_VOID_SQL, (row["id"],)) or {}
            details = json.loads(event.get("details") or "{}")
            voided.append({"id": row["id"], "accepted_at": row["accepted_at"], "recipient_name": row["recipient_name"],
                           "total_vnd": total, "voided_at": event.get("at"), "reason": details.get("reason", "")})
            continue
        line = {
            "no": len(lines) + 1, "id": row["id"], "accepted_at": row["accepted_at"],
            "recipient_code": row["recipient_code"], "recipient_name": row["recipient_name"],
            "recipient_province": row["recipient_province"], "kind": row["kind"], "weight_g": row["weight_g"],
            "pieces": row["pieces"], "secrecy": row["secrecy"], "hoa_toc": bool(row["hoa_toc"]),
            "hen_gio": row["hen_gio_at"] is not None, "scope": row["scope"], "payment": row["payment"],
            "free_reason": row["free_reason"], "fee_vnd": row["fee_vnd"], "vat_rate_bp": row["vat_rate_bp"],
            "vat_vnd": row["vat_vnd"] or 0, "total_vnd": total, "status": row["status"],
        }
        lines.append(line)
        totals["items"] += 1
        totals["pieces"] += row["pieces"]
        totals["weight_g"] += row["weight_g"]
        for key, value in (("fees_vnd", line["fee_vnd"]), ("vat_vnd", line["vat_vnd"]), ("total_vnd", total)):
            totals[key] += value
            by_payment[row["payment"]][key] += value
        by_payment[row["payment"]]["items"] += 1
        rate = by_rate.setdefault(row["vat_rate_bp"], {"vat_rate_bp": row["vat_rate_bp"], "items": 0, "fees_vnd": 0,
                                                       "vat_vnd": 0})
        rate["items"] += 1
        rate["fees_vnd"] += line["fee_vnd"]
        rate["vat_vnd"] += line["vat_vnd"]

    billing = "free" if agencies.is_free(agency["appendix"]) else (agency.get("billing") or "cash")
    return {
        "agency": {"code": agency["code"], "name": agency["name"], "address": agency["address"],
                   "province": agency["province"], "appendix": agency["appendix"], "billing": billing},
        "office": {"code": the_office["code"], "name": the_office["name"], "province": the_office["province"],
                   "postal_code": the_office.get("postal_code", "")},
        "year": year, "month": month, "label": f"{month:02d}/{year}",
        "from": first.isoformat(), "to": last.isoformat(),
        "generated_at": clock.iso(clock.now()),
        "lines": lines,
        "voided": voided,
        "voided_excluded": True,
        "totals": totals | {"by_payment": by_payment,
                            "by_rate": sorted(by_rate.values(), key=lambda r: (r["vat_rate_bp"] is None,
                                                                               r["vat_rate_bp"] or 0))},
        # What the agency owes from this statement: its items on the monthly account (cash was paid at the counter).
        "payable_vnd": by_payment["account"]["total_vnd"],
        "paid_cash_vnd": by_payment["cash"]["total_vnd"],
    }


# -- amounts in Vietnamese words --------------------------------------------------------------------

_DIGITS = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")
_GROUPS = ("", "nghìn", "triệu", "tỷ")


def _three(n: int, full: bool) -> list[str]:
    """Words of 0 < n < 1000; ``full``: a group after a higher one, so '5' reads 'không trăm linh năm'."""
    hundreds, tens, units = n // 100, n // 10 % 10, n % 10
    words = []
    if hundreds or full:
        words += [_DIGITS[hundreds], "trăm"]
    if tens == 0:
        if units and words:
            words.append("linh")
    elif tens == 1:
        words.append("mười")
    else:
        words += [_DIGITS[tens], "mươi"]
    if units:
        if units == 1 and tens >= 2:
            words.append("mốt")
        elif units == 4 and tens >= 2:
            words.append("tư")
        elif units == 5 and tens >= 1:
            words.append("lăm")
        else:
            words.append(_DIGITS[units])
    return words


def number_in_words(n: int) -> str:
    """1_005_000 → 'một triệu không trăm linh năm nghìn' (lower case)."""
    if n < 0:
        return "âm " + number_in_words(-n)
    if n == 0:
        return "không"
    if n >= 1000 ** 4:  # nghìn tỷ and beyond: the tỷ part read again, as people say it
        high, low = divmod(n, 1000 ** 3)
        rest = number_in_words(low) if low else ""
        return f"{number_in_words(high)} tỷ" + (f" {rest}" if rest else "")
    groups = []
    while n:
        n, part = divmod(n, 1000)
        groups.append(part)
    words: list[str] = []
    top = len(groups) - 1
    for index in range(top, -1, -1):
        part = groups[index]
        if part:
            words += _three(part, full=index != top)
            if _GROUPS[index]:
                words.append(_GROUPS[index])
    return " ".join(words)


def vnd_in_words(vnd: int) -> str:
    """45_000 → 'Bốn mươi lăm nghìn đồng'."""
    text = number_in_words(int(vnd)) + " đồng"
    return text[:1].upper() + text[1:]
