"""Hand-over records on A4: a dispatch handed to its vehicle, and a receipt at the destination.

Each names both sides, the time, the bags with their seal numbers and item
counts, and carries both sides' signatures: the names they typed, and the
signature-pad picture where one was taken. The receipt record lists every item
missing, extra or damaged against the bags' manifests.
"""

from __future__ import annotations

from reportlab.platypus import Spacer

from .. import clock, formats
from ..life import arrival, bags, dispatches
from ..life.common import signature_png
from ..services import office as office_service
from ..storage import Store
from . import a4


def _when(text: str | None) -> str:
    return formats.moment(clock.parse_iso(text)) if text else ""


def _bag_rows(store: Store, found: list[dict]) -> list[list[str]]:
    office = office_service.get_office(store)
    rows = [["Số hiệu túi", "Nơi đến", "Số niêm phong", "Số bưu gửi"]]
    rows += [[b["id"], bags.destination_text(b, office), b["seal_no"] or "", formats.number(b["items"])] for b in found]
    rows.append(["Tổng cộng", f"{len(found)} túi", "", formats.number(sum(b["items"] for b in found))])
    return rows


def dispatch_pdf(store: Store, dispatch_id: str) -> bytes:
    d = dispatches.get_dispatch(store, dispatch_id)
    office = office_service.get_office(store)
    st = a4.styles()
    story = [
        a4.para(office["name"], st["bold"]), a4.para(f"Mã bưu cục {office['code']}", st["small"]),
        a4.Barcode(d["id"]),
        a4.para("BIÊN BẢN GIAO CHUYẾN THƯ KT1", st["title"]),
        a4.para(f"Chuyến thư {d['id']}", st["subtitle"]), Spacer(1, 6),
        a4.pairs([("Giao lúc", _when(d["handed_at"])), ("Xe / phương tiện", d["vehicle"]),
                  ("Bên giao", d["handed_by_name"]), ("Bên nhận (người nhận chuyến thư)", d["receiver_name"]),
                  ("Ghi nhận lúc", _when(d["recorded_at"]))], label_mm=60),
        a4.para("Các túi", st["heading"]),
        a4.table(_bag_rows(store, d["bags"]), [70, 50, 35, 25], align_right=(3,), bold_last=True),
        a4.signatures([("BÊN GIAO", office["name"], d["handed_by_name"], None),
                       ("BÊN NHẬN", d["receiver_name"], d["receiver_signature"],
                        signature_png(store, d["receiver_signature_image"]))]),
    ]
    return a4.build(story, f"Biên bản giao chuyến thư {d['id']}")


def arrival_pdf(store: Store, receipt_id: str) -> bytes:
    r = arrival.get_receipt(store, receipt_id)
    office = office_service.get_office(store)
    st = a4.styles()
    lines = r["lines"]
    counts = {k: sum(1 for line in lines if line["outcome"] == k) for k in ("received", "missing", "extra")}
    damaged = [line for line in lines if line["damaged"]]
    story = [
        a4.para(office["name"], st["bold"]), a4.para(f"Mã bưu cục {office['code']}", st["small"]),
        a4.Barcode(r["id"]),
        a4.para("BIÊN BẢN NHẬN TÚI THƯ KT1", st["title"]),
        a4.para(f"Biên bản {r['id']}" + (f" · chuyến thư {r['dispatch_id']}" if r["dispatch_id"] else ""),
                st["subtitle"]), Spacer(1, 6),
        a4.pairs([("Nhận lúc", _when(r["received_at"]))]
                 + ([("Bưu cục gửi", f"{r['origin']} (tệp chuyến thư đã ký)")] if r.get("origin") else [])
                 + [("Bên giao", r["deliverer_name"]),
                  ("Bên nhận", r["receiver_name"])] + ([("Ghi chú", r["note"])] if r["note"] else []), label_mm=40),
        a4.para("Các túi", st["heading"]),
        a4.table(_bag_rows(store, r["bags"]), [70, 50, 35, 25], align_right=(3,), bold_last=True),
        a4.para("Đối chiếu với bảng kê", st["heading"]),
        a4.pairs([("Đủ, đã nhận", formats.number(counts["received"])),
                  ("Thiếu (có trong bảng kê, không có trong túi)", formats.number(counts["missing"])),
                  ("Thừa (có trong túi, không có trong bảng kê)", formats.number(counts["extra"])),
                  ("Hư hỏng", formats.number(len(damaged)))], label_mm=90),
    ]
    odd = [line for line in lines if line["outcome"] != "received" or line["damaged"]]
    if odd:
        names = {"missing": "THIẾU", "extra": "THỪA", "received": "đã nhận"}
        rows = [["Số hiệu", "Túi", "Kết quả", "Cơ quan gửi → nhận"]]
        for line in odd:
            outcome = names[line["outcome"]] + (" · HƯ HỎNG" if line["damaged"] else "")
            who = f"{line['sender_name']} → {line['recipient_name']}" if line["sender_name"] else "(không có ở bưu cục này)"
            rows.append([line["item_id"], line["bag_id"] or "", outcome, who])
        story += [a4.para("Bưu gửi thiếu, thừa, hư hỏng", st["heading"]), a4.table(rows, [32, 50, 38, 60])]
    story.append(a4.signatures([
        ("BÊN GIAO", r["deliverer_name"], r["deliverer_signature"], signature_png(store, r["deliverer_signature_image"])),
        ("BÊN NHẬN", f"{r['receiver_name']} · {office['name']}", r["receiver_signature"],
         signature_png(store, r["receiver_signature_image"]))]))
    return a4.build(story, f"Biên bản nhận {r['id']}")
