"""The item's life on the command line: shifts, bags, dispatches, receipt, delivery, voids, complaints, overdue.

    kt1desk shift report|close [--json]            kt1desk bag open --destination PROVINCE_OR_OFFICE [--json]
    kt1desk bag add BAG ID...                       kt1desk bag close BAG --seal NO [--out F.pdf]
    kt1desk dispatch create --bags B1,B2 --vehicle V --receiver NAME [--json]
    kt1desk dispatch export|import …  (transfer_cli: a dispatch carried to the office that receives it)
    kt1desk receive BAG_OR_DISPATCH --items ID... [--json]
    kt1desk deliver ID --receiver NAME [--role R] [--at "YYYY-MM-DD HH:MM"]
    kt1desk fail ID --reason R     kt1desk return ID --reason R     kt1desk void ID --reason R
    kt1desk complaint open ID --kind loss|delay|damage|fee --by NAME     kt1desk complaint list [--due] [--json]
    kt1desk overdue [--json]

and a few more a real office needs (``out``, ``correct``, ``bag remove|list|queue``, ``shift list``,
``complaint answer``). Exit status as everywhere: 0 done, 2 bad input or an illegal transition, and then
nothing was written.
"""

from __future__ import annotations

import contextlib
import sys
from pathlib import Path

from .. import clock, formats
from ..errors import Kt1Error


def _when(text: str | None) -> str:
    return formats.moment(clock.parse_iso(text)) if text else ""


def _t(cli, vi: str, en: str) -> str:
    return en if cli.lang == "en" else vi


def _png(path: Path | None) -> bytes | None:
    if path is None:
        return None
    try:
        return Path(path).read_bytes()
    except OSError as err:
        raise Kt1Error("file_unreadable", path=str(path), reason=err.strerror or str(err)) from None


def _paper(cli, pdf_of, *, doc_type: str, title: str) -> bool:
    """Write/print a paper when --out or --print was given; True when it went out."""
    if getattr(cli.args, "out", None) is None and not getattr(cli.args, "to_printer", False):
        return False
    from ..printing.cli import deliver

    # With --json, stdout holds the JSON alone: what was written or printed is said on stderr.
    with contextlib.redirect_stdout(sys.stderr) if getattr(cli.args, "json", False) else contextlib.nullcontext():
        deliver(cli, pdf_of(), doc_type=doc_type, title=title)
    return True


# -- shifts ----------------------------------------------------------------------------------------

def _shift_text(cli, r: dict) -> str:
    s, p = r["shift"], r["payments"]
    lang = cli.lang
    lines = [
        f"{'Báo cáo' if lang != 'en' else 'Report'} {r['kind']} — {s['id']} ({s['user_login']}, "
        f"{_t(cli, 'quầy', 'counter')} {s['counter_code']}) {_when(s['opened_at'])} → {_when(s['closed_at']) or '…'}",
        f"  {_t(cli, 'Bưu gửi', 'Items')}: {r['items']['count']}",
        f"  {_t(cli, 'Tiền mặt', 'Cash')}: {p['cash']['count']} · {formats.money(p['cash']['total_vnd'], lang)}",
        f"  {_t(cli, 'Ghi nợ', 'Account')}: {p['account']['count']} · {formats.money(p['account']['total_vnd'], lang)}",
        f"  {_t(cli, 'Miễn cước', 'Free')}: {p['free']['count']}",
        f"  {_t(cli, 'Hủy', 'Voided')}: {r['voided']['count']} · {_t(cli, 'Từ chối', 'Refused')}: {r['refusals']['count']}",
        f"  {_t(cli, 'Tiền mặt phải có', 'Cash expected')}: {formats.money(r['cash_expected_vnd'], lang)}",
    ]
    if r["kind"] == "Z" and r.get("cash_counted_vnd") is not None:
        lines.append(f"  {_t(cli, 'Kiểm đếm', 'Counted')}: {formats.money(r['cash_counted_vnd'], lang)} "
                     f"({_t(cli, 'chênh lệch', 'difference')} {formats.money(r['discrepancy_vnd'], lang)}"
                     + (f": {r['discrepancy_reason']}" if r["discrepancy_reason"] else "") + ")")
    return "\n".join(lines)


def _shift_json(r: dict) -> dict:
    return {k: v for k, v in r.items() if k not in ("lines", "line_columns")} | {
        "lines": [dict(zip(r["line_columns"], line)) for line in r["lines"]]}


def cmd_shift_report(cli) -> int:
    from ..printing.shift_report import shift_report_pdf
    from ..services import office
    from . import shifts

    actor = cli.actor()
    if cli.args.shift:
        shift = shifts.get_shift(cli.store, cli.args.shift)
    else:
        shift = shifts.current(cli.store, actor, cli.args.counter)
        if shift is None:
            raise Kt1Error("no_open_shift", "shift", login=actor.login, counter=office.get_counter(cli.store, cli.args.counter)["code"])
    report = shifts.report(cli.store, actor, shift["id"])
    print_no = shifts.z_prints(cli.store, shift["id"]) + 1 if report["kind"] == "Z" else None
    if _paper(cli, lambda: shift_report_pdf(report, office.get_office(cli.store), print_no=print_no),
              doc_type="report", title=f"Báo cáo {report['kind']} {shift['id']}") and report["kind"] == "Z":
        shifts.record_z_print(cli.store, actor, shift["id"])
    cli.emit(_shift_json(report), _shift_text(cli, report))
    return 0


def cmd_shift_close(cli) -> int:
    from ..printing.shift_report import shift_report_pdf
    from ..services import office
    from . import shifts

    actor = cli.actor()
    z = shifts.close(cli.store, actor, cli.args.shift, cash_counted=cli.args.cash, reason=cli.args.reason or "",
                     counter=cli.args.counter)
    if _paper(cli, lambda: shift_report_pdf(z, office.get_office(cli.store), print_no=1), doc_type="report",
              title=f"Báo cáo Z {z['shift']['id']}"):
        shifts.record_z_print(cli.store, actor, z["shift"]["id"])
    cli.emit(_shift_json(z), _shift_text(cli, z))
    return 0


def cmd_shift_list(cli) -> int:
    from . import shifts

    rows = shifts.list_shifts(cli.store, cli.actor())
    for row in rows:
        row.pop("report", None)
    cli.emit(rows, "\n".join(f"{r['id']:<22} {r['status']:<7} {r['user_login']:<10} {_when(r['opened_at'])} → "
                             f"{_when(r['closed_at']) or '…'}" for r in rows))
    return 0


# -- bags and dispatches ---------------------------------------------------------------------------

def _bag_text(cli, bag: dict) -> str:
    seal = f" · {_t(cli, 'niêm phong', 'seal')} {bag['seal_no']}" if bag["seal_no"] else ""
    return f"{bag['id']}  → {bag['destination']}  [{bag['status']}]  {bag['items']} {_t(cli, 'bưu gửi', 'items')}{seal}"


def cmd_bag_open(cli) -> int:
    from . import bags

    bag = bags.open_bag(cli.store, cli.actor(), cli.args.destination, counter=cli.args.counter)
    cli.emit(bag, _bag_text(cli, bag))
    return 0


def cmd_bag_add(cli) -> int:
    from . import bags

    result = bags.add_items(cli.store, cli.actor(), cli.args.bag, cli.args.ids, counter=cli.args.counter)
    lines = [f"{_t(cli, 'Đã cho vào túi', 'Put in bag')} {result['bag']}: {i}" for i in result["added"]]
    lines += [f"{i}: {_t(cli, 'đã có trong túi này, không thêm lại', 'already in this bag, not added again')}"
              for i in result["already"]]
    cli.emit(result, "\n".join(lines))
    return 0


def cmd_bag_remove(cli) -> int:
    from . import bags

    ids = bags.remove_items(cli.store, cli.actor(), cli.args.bag, cli.args.ids, counter=cli.args.counter)
    cli.say(f"Đã lấy ra khỏi túi: {', '.join(ids)}", f"Taken out of the bag: {', '.join(ids)}")
    return 0


def cmd_bag_close(cli) -> int:
    from ..printing.bag import bag_pdf
    from . import bags

    bag = bags.close_bag(cli.store, cli.actor(), cli.args.bag, seal_no=cli.args.seal)
    _paper(cli, lambda: bag_pdf(cli.store, bag["id"]), doc_type="manifest", title=f"Túi {bag['id']}")
    cli.emit(bag, _bag_text(cli, bag))
    return 0


def cmd_bag_show(cli) -> int:
    from . import bags

    cli.actor()
    bag = bags.get_bag(cli.store, cli.args.bag, rows=True)
    cli.emit(bag, "\n".join([_bag_text(cli, bag)] + [f"  {r['row_no']:>3}  {r['id']}  {r['recipient_name']}"
                                                    for r in bag["rows"]]))
    return 0


def cmd_bag_list(cli) -> int:
    from . import bags

    cli.actor()
    rows = bags.list_bags(cli.store)
    cli.emit(rows, "\n".join(_bag_text(cli, b) for b in rows))
    return 0


def cmd_bag_queue(cli) -> int:
    from . import bags

    cli.actor()
    rows = bags.secret_queue(cli.store)
    cli.emit(rows, "\n".join(f"{r['id']}  {r['secrecy']}  {r['minutes']:>5} {_t(cli, 'phút', 'min')}"
                             f"{'  !!!' if r['late'] else ''}  {r['bag_id'] or ''}" for r in rows)
             or _t(cli, "Không có bưu gửi mật nào đang chờ.", "No secret item is waiting."))
    return 0


def cmd_dispatch_create(cli) -> int:
    from ..printing.handover import dispatch_pdf
    from . import dispatches

    a = cli.args
    d = dispatches.create(cli.store, cli.actor(), [b for b in a.bags.split(",") if b.strip()], vehicle=a.vehicle,
                          receiver=a.receiver, signature=a.signature, handed_by=a.handed_by, at=a.at,
                          signature_png=_png(a.signature_image), counter=a.counter)
    _paper(cli, lambda: dispatch_pdf(cli.store, d["id"]), doc_type="report", title=f"Chuyến thư {d['id']}")
    cli.emit(d | {"receiver_signature_image": d["receiver_signature_image"]},
             f"{d['id']}  {d['vehicle']}  {_when(d['handed_at'])}  → {d['receiver_name']}: "
             + ", ".join(b["id"] for b in d["bags"]))
    return 0


# -- at the destination, delivery ------------------------------------------------------------------

def cmd_receive(cli) -> int:
    from ..printing.handover import arrival_pdf
    from . import arrival

    a = cli.args
    result = arrival.receive(cli.store, cli.actor(), a.target, a.items or [], damaged=a.damaged or [],
                             deliverer=a.handed_by, note=a.note or "", counter=a.counter,
                             deliverer_png=_png(a.signature_image))
    _paper(cli, lambda: arrival_pdf(cli.store, result["receipt"]), doc_type="report",
           title=f"Biên bản nhận {result['receipt']}")
    lines = [f"{result['receipt']}: {len(result['received'])} {_t(cli, 'đã nhận', 'received')}"]
    for key, vi, en in (("missing", "THIẾU", "MISSING"), ("extra", "THỪA", "EXTRA"), ("damaged", "HƯ HỎNG", "DAMAGED")):
        if result[key]:
            lines.append(f"  {_t(cli, vi, en)}: {', '.join(result[key])}")
    cli.emit(result, "\n".join(lines))
    return 0


def cmd_out(cli) -> int:
    from . import delivery

    ids = delivery.carry(cli.store, cli.actor(), cli.args.ids, carrier=cli.args.carrier, counter=cli.args.counter)
    cli.say(f"Đang đi phát ({cli.args.carrier}): {', '.join(ids)}", f"Out for delivery ({cli.args.carrier}): {', '.join(ids)}")
    return 0


def _after_hours_note(cli, item: dict) -> None:
    from . import delivery

    contact = delivery.after_hours(cli.store, item)
    if contact:
        cli.say(f"Lưu ý — {contact['why']['vi']}: người nhận ngoài giờ của {contact['agency']}: "
                f"{contact['contact'] or '(chưa có trong danh bạ)'} {contact['phone']}".rstrip(),
                f"Note — {contact['why']['en']}: after-hours contact of {contact['agency']}: "
                f"{contact['contact'] or '(not in the directory)'} {contact['phone']}".rstrip())


def cmd_deliver(cli) -> int:
    from . import delivery

    a = cli.args
    item = delivery.deliver(cli.store, cli.actor(), a.id, receiver=a.receiver, role=a.role, at=a.at,
                            signature=a.signature, signature_png=_png(a.signature_image), counter=a.counter)
    cli.say(f"Đã phát {item['id']} cho {a.receiver}.", f"{item['id']} delivered to {a.receiver}.")
    _after_hours_note(cli, item)
    return 0


def cmd_fail(cli) -> int:
    from . import delivery

    item = delivery.fail(cli.store, cli.actor(), cli.args.id, reason=cli.args.reason, counter=cli.args.counter)
    cli.say(f"Đã ghi phát không thành công: {item['id']}.", f"Failed delivery recorded: {item['id']}.")
    return 0


def cmd_return(cli) -> int:
    from . import delivery

    item = delivery.return_to_sender(cli.store, cli.actor(), cli.args.id, reason=cli.args.reason,
                                     counter=cli.args.counter)
    cli.say(f"Đã chuyển hoàn {item['id']} về {item['sender_name']}.",
            f"{item['id']} returned to its sender, {item['sender_name']}.")
    return 0


def cmd_overdue(cli) -> int:
    from . import overdue

    cli.actor()
    found = overdue.overdue(cli.store, include_away=cli.args.all)
    lines = [f"{_t(cli, 'Quá hạn', 'Overdue')}: {found['count']}"]
    if found["away"] and not cli.args.all:
        lines.append(_t(cli, f"  (và {found['away']} bưu gửi đã chuyển đi tỉnh khác, chưa có tin phát: --all để xem)",
                        f"  (and {found['away']} dispatched to other provinces, no delivery news yet: --all lists them)"))
    for group in found["destinations"]:
        ages = " · ".join(f"{name[cli.lang]}: {n}" for (_u, name), n in zip(overdue.AGES, group["ages"]) if n)
        lines.append(f"  {group['destination']}: {group['count']}  ({ages})")
    lines += [f"    {r['id']}  {r['status']:<16} {_t(cli, 'hạn', 'due')} {_when(r['deadline'])}  "
              f"+{r['days_late']} {_t(cli, 'ngày', 'd')}" for r in found["items"][:200]]
    cli.emit(found, "\n".join(lines))
    return 0


# -- supervisors: voids and corrections ------------------------------------------------------------

def cmd_void(cli) -> int:
    from . import corrections

    item = corrections.void(cli.store, cli.actor(), cli.args.id, reason=cli.args.reason, counter=cli.args.counter)
    cli.say(f"Đã hủy {item['id']} (số hiệu giữ nguyên, không cấp lại).",
            f"{item['id']} voided (the id stays, never issued again).")
    return 0


def cmd_correct(cli) -> int:
    from . import corrections

    a = cli.args
    item = corrections.correct(cli.store, cli.actor(), a.id, reason=a.reason, counter=a.counter, weight_g=a.weight,
                               pieces=a.pieces, kind=a.kind, sender=a.sender, recipient=a.recipient)
    cli.say(f"Đã điều chỉnh {item['id']}: cước {formats.fee_with_vat(item)}.",
            f"{item['id']} corrected: fee {formats.fee_with_vat(item, 'en')}.")
    return 0


# -- complaints ------------------------------------------------------------------------------------

def _complaint_text(cli, c: dict) -> str:
    from .complaints import KINDS

    state = (_t(cli, "QUÁ HẠN", "LATE") if c["late"] else "") if c["status"] == "open" else c["outcome"]
    return (f"{c['id']}  {c['item_id']}  {KINDS[c['kind']][cli.lang]:<8} {c['lodged_by']:<20} "
            f"{_t(cli, 'hạn trả lời', 'answer due')} {formats.day(clock.parse_date(c['answer_due']))}  {state}")


def cmd_complaint_open(cli) -> int:
    from . import complaints

    a = cli.args
    c = complaints.lodge(cli.store, cli.actor(), a.id, kind=a.kind, by=a.by, at=a.at, counter=a.counter)
    cli.emit(c, _complaint_text(cli, c))
    return 0


def cmd_complaint_list(cli) -> int:
    from . import complaints

    cli.actor()
    rows = complaints.register(cli.store, due_only=cli.args.due)
    cli.emit(rows, "\n".join(_complaint_text(cli, c) for c in rows)
             or _t(cli, "Không có khiếu nại nào.", "No complaints."))
    return 0


def cmd_complaint_answer(cli) -> int:
    from . import complaints

    a = cli.args
    c = complaints.answer(cli.store, cli.actor(), a.complaint, outcome=a.outcome, text=a.text or "",
                          compensation=a.compensation)
    cli.emit(c, _complaint_text(cli, c))
    return 0


# -- the parser ------------------------------------------------------------------------------------

def _output(p) -> None:
    p.add_argument("--out", type=Path, help="tệp PDF ghi ra")
    p.add_argument("--print", dest="to_printer", action="store_true", help="gửi tới máy in mặc định")


def add_commands(sub, command) -> None:
    shift = command("shift", None, "ca làm việc: báo cáo X, chốt ca (báo cáo Z)", sub).add_subparsers(
        dest="sub", required=True, metavar="SUB")
    p = command("report", cmd_shift_report, "báo cáo X của ca đang mở (hoặc Z của ca đã chốt với --shift)", shift)
    p.add_argument("--shift", help="số hiệu ca (mặc định: ca đang mở của bạn tại quầy này)")
    p.add_argument("--json", action="store_true")
    _output(p)
    p = command("close", cmd_shift_close, "chốt ca và in báo cáo Z", shift)
    p.add_argument("--shift", help="số hiệu ca (kiểm soát viên chốt ca của người khác)")
    p.add_argument("--cash", help="tiền mặt kiểm đếm, đồng (1.500.000)")
    p.add_argument("--reason", help="lý do nếu tiền mặt kiểm đếm khác số phải có")
    p.add_argument("--json", action="store_true")
    _output(p)
    p = command("list", cmd_shift_list, "liệt kê ca", shift)
    p.add_argument("--json", action="store_true")

    bag = command("bag", None, "túi thư: mở, quét vào, niêm phong", sub).add_subparsers(dest="sub", required=True,
                                                                                      metavar="SUB")
    p = command("open", cmd_bag_open, "mở túi cho một nơi đến", bag)
    p.add_argument("--destination", required=True, help="tỉnh nơi đến, hoặc mã bưu cục này (phát tại chỗ)")
    p.add_argument("--json", action="store_true")
    p = command("add", cmd_bag_add, "cho bưu gửi vào túi (quét lại lần hai: báo, không thêm)", bag)
    p.add_argument("bag", metavar="BAG")
    p.add_argument("ids", nargs="+", metavar="ID")
    p.add_argument("--json", action="store_true")
    p = command("remove", cmd_bag_remove, "lấy bưu gửi ra khỏi túi chưa niêm phong", bag)
    p.add_argument("bag", metavar="BAG")
    p.add_argument("ids", nargs="+", metavar="ID")
    p = command("close", cmd_bag_close, "niêm phong túi; in nhãn túi và bảng kê", bag)
    p.add_argument("bag", metavar="BAG")
    p.add_argument("--seal", required=True, help="số niêm phong")
    p.add_argument("--json", action="store_true")
    _output(p)
    p = command("show", cmd_bag_show, "xem một túi và các bưu gửi trong túi", bag)
    p.add_argument("bag", metavar="BAG")
    p.add_argument("--json", action="store_true")
    p = command("list", cmd_bag_list, "liệt kê túi", bag)
    p.add_argument("--json", action="store_true")
    p = command("queue", cmd_bag_queue, "bưu gửi mật chờ chuyển đi ngay", bag)
    p.add_argument("--json", action="store_true")

    dispatch = command("dispatch", None, "chuyến thư", sub).add_subparsers(dest="sub", required=True, metavar="SUB")
    p = command("create", cmd_dispatch_create, "giao các túi đã niêm phong lên xe, có chữ ký người nhận", dispatch)
    p.add_argument("--bags", required=True, help="B1,B2,…")
    p.add_argument("--vehicle", required=True)
    p.add_argument("--receiver", required=True, help="họ tên người nhận chuyến thư")
    p.add_argument("--signature", help="chữ ký: họ tên người nhận tự gõ (mặc định: --receiver)")
    p.add_argument("--signature-image", type=Path, help="ảnh chữ ký PNG từ bảng ký")
    p.add_argument("--handed-by", help="họ tên người giao (mặc định: bạn)")
    p.add_argument("--at", help='thời điểm giao "YYYY-MM-DD HH:MM" (mặc định: bây giờ)')
    p.add_argument("--json", action="store_true")
    _output(p)
    from .transfer_cli import add_dispatch_commands

    add_dispatch_commands(dispatch, command)

    p = command("receive", cmd_receive, "nhận túi hoặc chuyến thư tại nơi đến, đối chiếu bảng kê", sub)
    p.add_argument("target", metavar="BAG_OR_DISPATCH")
    p.add_argument("--items", nargs="*", metavar="ID", help="các bưu gửi lấy ra khỏi túi")
    p.add_argument("--damaged", nargs="*", metavar="ID", help="bưu gửi hư hỏng")
    p.add_argument("--from", dest="handed_by", help="họ tên bên giao (mặc định: người nhận chuyến thư)")
    p.add_argument("--signature-image", type=Path, help="ảnh chữ ký bên giao (PNG)")
    p.add_argument("--note")
    p.add_argument("--json", action="store_true")
    _output(p)

    p = command("out", cmd_out, "giao bưu gửi đi phát", sub)
    p.add_argument("ids", nargs="+", metavar="ID")
    p.add_argument("--carrier", required=True, help="người đi phát")
    p = command("deliver", cmd_deliver, "ghi phát thành công: người nhận, chức danh, thời điểm, chữ ký", sub)
    p.add_argument("id", metavar="ID")
    p.add_argument("--receiver", required=True)
    p.add_argument("--role", help="chức danh (mặc định: Văn thư)")
    p.add_argument("--at", help='"YYYY-MM-DD HH:MM" (mặc định: bây giờ)')
    p.add_argument("--signature", help="chữ ký: họ tên người nhận tự gõ (mặc định: --receiver)")
    p.add_argument("--signature-image", type=Path, help="ảnh chữ ký PNG từ bảng ký")
    p = command("fail", cmd_fail, "ghi phát không thành công và lý do", sub)
    p.add_argument("id", metavar="ID")
    p.add_argument("--reason", required=True)
    p = command("return", cmd_return, "chuyển hoàn về người gửi, có lý do", sub)
    p.add_argument("id", metavar="ID")
    p.add_argument("--reason", required=True)
    p = command("void", cmd_void, "hủy bưu gửi (kiểm soát viên), có lý do; số hiệu không cấp lại", sub)
    p.add_argument("id", metavar="ID")
    p.add_argument("--reason", required=True)
    p = command("correct", cmd_correct, "điều chỉnh bưu gửi nhập sai (kiểm soát viên), có lý do", sub)
    p.add_argument("id", metavar="ID")
    p.add_argument("--reason", required=True)
    p.add_argument("--weight")
    p.add_argument("--pieces")
    p.add_argument("--kind")
    p.add_argument("--sender")
    p.add_argument("--recipient")

    complaint = command("complaint", None, "khiếu nại", sub).add_subparsers(dest="sub", required=True, metavar="SUB")
    p = command("open", cmd_complaint_open, "ghi một khiếu nại bằng văn bản", complaint)
    p.add_argument("id", metavar="ID")
    p.add_argument("--kind", required=True, help="loss (mất) | delay (chậm) | damage (hư hỏng) | fee (cước)")
    p.add_argument("--by", required=True, help="họ tên người khiếu nại")
    p.add_argument("--at", help='ngày nhận đơn "YYYY-MM-DD HH:MM" (mặc định: bây giờ)')
    p.add_argument("--json", action="store_true")
    p = command("list", cmd_complaint_list, "sổ khiếu nại (--due: còn phải trả lời, quá hạn trước)", complaint)
    p.add_argument("--due", action="store_true")
    p.add_argument("--json", action="store_true")
    p = command("answer", cmd_complaint_answer, "ghi kết quả trả lời khiếu nại (kiểm soát viên)", complaint)
    p.add_argument("complaint", metavar="COMPLAINT")
    p.add_argument("--outcome", required=True, help="upheld (chấp nhận) | partly (một phần) | rejected (không)")
    p.add_argument("--text")
    p.add_argument("--compensation", default="0", help="tiền bồi thường, đồng")

    p = command("overdue", cmd_overdue, "bưu gửi quá hạn chưa phát, theo nơi đến và thời gian quá hạn", sub)
    p.add_argument("--all", action="store_true", help="kể cả bưu gửi đã chuyển đi tỉnh khác, chưa có tin phát")
    p.add_argument("--json", action="store_true")
