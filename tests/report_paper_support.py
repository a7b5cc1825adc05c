"""A report dict made by hand, exactly as the contract of issue 11 describes it (docs: REPORTS-CONTRACT),
for the paper and chart tests until (and besides) a computed one."""

from __future__ import annotations

MONTH_ITEMS = [480, 390, 560, 575, 540, 600, 610, 555, 530, 590, 612, 545]  # 6.587 in 2019


def month_row(month: str, items: int, fee: int = 45_000) -> dict:
    fees = items * fee
    vat = fees // 10
    return {"month": month, "items": items, "fees_vnd": fees, "vat_vnd": vat, "total_vnd": fees + vat}


def hand_report(kind: str = "year", *, senders: int = 25, destinations: int = 12, months=None,
                empty: bool = False) -> dict:
    """A year (or its first half) like Phú Yên's 2019: 25 of 44 agencies, 6.587 items."""
    if kind == "half":
        period = {"from": "2019-01-01", "to": "2019-06-30", "kind": "half",
                  "label": {"vi": "6 tháng đầu năm 2019", "en": "First half of 2019"}}
        counts = MONTH_ITEMS[:6]
    elif kind == "month":
        period = {"from": "2019-05-01", "to": "2019-05-31", "kind": "month",
                  "label": {"vi": "Tháng 5/2019", "en": "May 2019"}}
        counts = [MONTH_ITEMS[4]]
    else:
        period = {"from": "2019-01-01", "to": "2019-12-31", "kind": "year",
                  "label": {"vi": "Năm 2019", "en": "Year 2019"}}
        counts = MONTH_ITEMS
    if empty:
        counts = [0] * len(counts)
    first = int(period["from"][5:7])
    by_month = [month_row(f"2019-{first + i:02d}", n) for i, n in enumerate(months or counts)]
    items = sum(r["items"] for r in by_month)
    fees = sum(r["fees_vnd"] for r in by_month)
    vat = sum(r["vat_vnd"] for r in by_month)
    by_sender = []
    left = items
    for i in range(senders if items else 0):
        n = left // (senders - i) if i < senders - 1 else left
        left -= n
        by_sender.append({"code": f"PY{i + 1:03d}", "name": f"Sở Nội vụ tỉnh Phú Yên số {i + 1}", "items": n,
                          "fees_vnd": n * 45_000, "vat_vnd": n * 4_500, "total_vnd": n * 49_500})
    by_sender.sort(key=lambda r: -r["items"])
    provinces = ["Phú Yên", "Đắk Lắk", "Khánh Hòa", "Bình Định", "Hà Nội", "TP Hồ Chí Minh", "Đà Nẵng", "Gia Lai",
                 "Quảng Ngãi", "Kon Tum", "Lâm Đồng", "Ninh Thuận", "Thừa Thiên Huế", "Quảng Nam", "Cần Thơ"]
    by_destination = []
    left = items
    for i in range(destinations if items else 0):
        n = left // 2 if i < destinations - 1 else left
        left -= n
        name = provinces[i] if i < len(provinces) else f"Tỉnh số {i + 1}"
        by_destination.append({"province": name, "items": n, "fees_vnd": n * 45_000})
    def part(n: int) -> int:  # a figure of the 2019 year, scaled to this period's items
        return n * items // 6587

    eligible = 44
    used = 25 if items else 0
    no_data = [] if items else ["on_time", "complaints"]
    return {
        "period": period,
        "office": {"code": "560000", "name": "Bưu điện tỉnh Phú Yên", "province": "Phú Yên"},
        "generated_at": "2026-11-29T14:05:00",
        "items": items, "voided": 7 if items else 0, "pieces": items + 40 if items else 0,
        "fees_vnd": fees, "vat_vnd": vat, "total_vnd": fees + vat,
        "by_payment": {
            "cash": {"items": items // 4, "fees_vnd": fees // 4, "vat_vnd": vat // 4,
                     "total_vnd": fees // 4 + vat // 4},
            "account": {"items": items - items // 4 - part(300),
                        "fees_vnd": fees - fees // 4, "vat_vnd": vat - vat // 4,
                        "total_vnd": fees - fees // 4 + vat - vat // 4},
            "free": {"items": part(300), "fees_vnd": 0, "vat_vnd": 0, "total_vnd": 0},
        },
        "free": {"appendix-I": part(300) - part(20), "central-office": part(20)},
        "by_kind": {"thu": {"items": items - part(900), "fees_vnd": fees - part(900) * 45_000},
                    "goi": {"items": part(700), "fees_vnd": part(700) * 45_000},
                    "kien": {"items": part(200), "fees_vnd": part(200) * 45_000}},
        "by_mark": {"hoa_toc": part(812), "hen_gio": part(97), "none": items - part(812) - part(97)},
        "by_secrecy": {"A": part(12), "B": part(143), "C": part(611),
                       "none": items - part(12) - part(143) - part(611)},
        "by_scope": {"noi-tinh": by_destination[0]["items"] if items else 0,
                     "lien-tinh": items - by_destination[0]["items"] if items else 0},
        "by_sender": by_sender,
        "by_destination": by_destination,
        "by_month": by_month,
        "after_hours": part(321), "weekends": part(154), "holidays": part(23),
        "on_time": {"known": part(6000), "on_time": part(5940)} if items else None,
        "on_time_pct": 99.0 if items else None,
        "refusals": 2 if items else 0,
        "complaints": {"lodged": 0, "answered": 0, "late": 0, "open": 0, "compensation_vnd": 0} if items else None,
        "agencies_used": used, "agencies_eligible": eligible,
        "adoption_pct": round(100 * used / eligible, 1) if eligible else None,
        "adoption_by_year": [{"year": 2017, "used": 15, "eligible": 44, "pct": 34.1},
                             {"year": 2018, "used": 25, "eligible": 44, "pct": 56.8},
                             {"year": 2019, "used": used, "eligible": eligible, "pct": round(100 * used / eligible, 1)}],
        "no_data": no_data,
    }
