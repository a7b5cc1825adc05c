"""``kt1desk statement --agency CODE --month YYYY-MM [--out F.pdf] [--json]``: an agency's monthly statement.

Supervisors and admins only (it lists an agency's whole month). It reads and writes nothing in the
database; the PDF is written by a temporary file and one rename. Exit status: 0 done, 2 bad input
(unknown agency, a month that is not YYYY-MM or has not begun, a file that cannot be written, a clerk
asking) — with the message in the user's language, never a traceback.
"""

from __future__ import annotations

import contextlib
import sys
from pathlib import Path

from .. import formats

SUPERVISORS = ("supervisor", "admin")


def _text(cli, s: dict) -> str:
    lang = cli.lang
    totals = s["totals"]
    money = lambda v: formats.money(v, lang)  # noqa: E731
    agency = f"{s['agency']['name']} ({s['agency']['code']})"
    if lang == "en":
        lines = [f"Statement {s['label']} — {agency}",
                 f"  Items: {formats.number(totals['items'], lang)} (voided, not charged: {len(s['voided'])})",
                 f"  Before VAT {money(totals['fees_vnd'])} · VAT {money(totals['vat_vnd'])} · "
                 f"total {money(totals['total_vnd'])}",
                 f"  Paid in cash {money(s['paid_cash_vnd'])} · due on the monthly account {money(s['payable_vnd'])}"]
    else:
        lines = [f"Bảng kê cước tháng {s['label']} — {agency}",
                 f"  Số bưu gửi: {formats.number(totals['items'], lang)} (đã hủy, không tính cước: {len(s['voided'])})",
                 f"  Chưa VAT {money(totals['fees_vnd'])} · VAT {money(totals['vat_vnd'])} · "
                 f"tổng {money(totals['total_vnd'])}",
                 f"  Đã trả tiền mặt {money(s['paid_cash_vnd'])} · phải thanh toán (ghi nợ) {money(s['payable_vnd'])}"]
    return "\n".join(lines)


def cmd_statement(cli) -> int:
    from ..services.users import require_role
    from .statement import parse_month, statement

    year, month = parse_month(cli.args.month)  # bad input is said before the password is asked
    actor = cli.actor()
    require_role(actor, *SUPERVISORS)
    s = statement(cli.store, cli.args.agency, year, month)
    if cli.args.out is not None:
        from .paper import statement_pdf

        path = statement_pdf(s, cli.args.out, cli.lang)
        # With --json, stdout holds the JSON alone: what was written is said on stderr.
        with contextlib.redirect_stdout(sys.stderr) if cli.args.json else contextlib.nullcontext():
            cli.say(f"Đã ghi {path}.", f"Written to {path}.")
    cli.emit(s, _text(cli, s))
    return 0


def add_commands(sub, command) -> None:
    p = command("statement", cmd_statement, "bảng kê cước tháng của một cơ quan (kiểm soát viên)", sub)
    p.add_argument("--agency", required=True, help="mã cơ quan gửi")
    p.add_argument("--month", required=True, help="tháng YYYY-MM, ví dụ 2026-11")
    p.add_argument("--out", type=Path, help="tệp PDF bảng kê")
    p.add_argument("--json", action="store_true")
