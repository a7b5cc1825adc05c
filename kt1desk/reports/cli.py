"""Reports on the command line (supervisors and admins):

    kt1desk report (--from D --to D | --year Y | --month YYYY-MM | --period TEXT) [--json]
                   [--out F.pdf|F.csv|F.xlsx] [--lang vi|en]

Without --json, a summary in the user's language; with --json, the report dict of the contract.
``--out`` writes the report in the format its suffix names (PDF through ``kt1desk.reports.paper``).
Exit status: 0 done, 2 bad input (a bad date or period, an unknown suffix, a clerk asking), and
nothing is written then.
"""

from __future__ import annotations

import contextlib
import json
import sys
from pathlib import Path

from .. import formats
from ..errors import Kt1Error, label
from .period import Period

SUFFIXES = (".pdf", ".csv", ".xlsx")


def _t(cli, vi: str, en: str) -> str:
    return en if cli.lang == "en" else vi


def period_of(args) -> Period:
    """The period the options name: exactly one of --from/--to, --year, --month, --period."""
    given = [name for name in ("year", "month", "period") if getattr(args, name, None) not in (None, "")]
    span = args.date_from is not None or args.date_to is not None
    if len(given) + span != 1:
        raise Kt1Error("report_period_choice", "period")
    if span:
        from .. import clock

        days = []
        for flag, value in (("--from", args.date_from), ("--to", args.date_to)):
            if value in (None, ""):
                raise Kt1Error("required", "period", label=label(flag, flag))
            try:
                days.append(clock.parse_date(value))
            except ValueError:
                raise Kt1Error("bad_date", "period", label=label(flag, flag), value=value) from None
        return Period.range(*days)
    name = given[0]
    text = str(getattr(args, name)).strip()
    if name == "period":
        return Period.parse(text)
    example = "2019" if name == "year" else "2019-05"
    try:
        period = Period.parse(text)
    except Kt1Error:
        period = None
    if period is None or period.kind != name:
        raise Kt1Error("report_flag", "period", flag=f"--{name}", value=text, example=example)
    return period


def output_kind(out: Path | None) -> str | None:
    if out is None:
        return None
    suffix = out.suffix.lower()
    if suffix not in SUFFIXES:
        raise Kt1Error("report_suffix", "out", path=str(out))
    return suffix[1:]


def cmd_report(cli) -> int:
    from ..services.users import require_role
    from .figures import compute

    args = cli.args
    period = period_of(args)  # bad input is said before a password is asked
    kind = output_kind(args.out)
    require_role(cli.actor(), "supervisor", "admin")
    report = compute(cli.store, period)
    if kind is not None:
        # With --json, stdout holds the JSON alone: what was written is said on stderr.
        with contextlib.redirect_stdout(sys.stderr) if args.json else contextlib.nullcontext():
            _write(cli, report, args.out, kind)
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=2))
    elif kind is None:
        print(summary_text(report, cli.lang))
    return 0


def _write(cli, report: dict, out: Path, kind: str) -> None:
    """Write the report as ``kind``, making the folder if need be (as the printing commands do)."""
    if kind == "pdf":
        try:
            from .paper import report_pdf as write
        except ImportError:
            raise Kt1Error("report_pdf_missing", "out") from None
    else:
        from . import exports

        write = exports.write_csv if kind == "csv" else exports.write_xlsx
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        write(report, out, cli.lang)
    except OSError as err:
        raise Kt1Error("file_unwritable", path=str(out), reason=err.strerror or str(err)) from None
    cli.say(f"Đã ghi {out}.", f"Written to {out}.")


def _pct(value: float | None, lang: str) -> str:
    if value is None:
        return "không có số liệu" if lang != "en" else "no data"
    text = f"{value:.1f}"
    return f"{text if lang == 'en' else text.replace('.', ',')} %"


def summary_text(report: dict, lang: str = "vi") -> str:
    """The figures as a supervisor reads them at a terminal."""
    en = lang == "en"

    def t(vi: str, english: str) -> str:
        return english if en else vi

    n = lambda v: formats.number(v, lang)  # noqa: E731
    money = lambda v: formats.money(v, lang)  # noqa: E731
    no_data = t("không có số liệu", "no data")
    p, office = report["period"], report["office"]
    pay, free = report["by_payment"], report["free"]
    lines = [
        f"{t('Báo cáo KT1', 'KT1 report')} — {p['label']['en' if en else 'vi']} — {office['code']} {office['name']}",
        f"  {t('Bưu gửi', 'Items')}: {n(report['items'])} ({t('đã hủy', 'voided')} {n(report['voided'])}) · "
        f"{t('số kiện', 'pieces')} {n(report['pieces'])}",
        f"  {t('Cước trước VAT', 'Fees before VAT')}: {money(report['fees_vnd'])} · VAT: {money(report['vat_vnd'])} · "
        f"{t('Tổng', 'Total')}: {money(report['total_vnd'])}",
        f"  {t('Tiền mặt', 'Cash')}: {n(pay['cash']['items'])} · {money(pay['cash']['total_vnd'])}   "
        f"{t('Ghi nợ', 'Account')}: {n(pay['account']['items'])} · {money(pay['account']['total_vnd'])}   "
        f"{t('Miễn cước', 'Free')}: {n(pay['free']['items'])} ({t('Phụ lục I', 'Appendix I')} "
        f"{n(free['appendix-I'])}, {t('văn phòng Trung ương', 'central office')} {n(free['central-office'])})",
        f"  {t('Thư / gói / kiện', 'Letters / packets / parcels')}: "
        + " / ".join(n(report["by_kind"][k]["items"]) for k in ("thu", "goi", "kien")),
        f"  {t('Hỏa tốc', 'Hỏa tốc')}: {n(report['by_mark']['hoa_toc'])} · {t('Hẹn giờ', 'Hẹn giờ')}: "
        f"{n(report['by_mark']['hen_gio'])} · {t('Mật', 'Secret')} A/B/C: "
        + "/".join(n(report["by_secrecy"][k]) for k in "ABC"),
        f"  {t('Nội tỉnh', 'Within the province')}: {n(report['by_scope']['noi-tinh'])} · "
        f"{t('Liên tỉnh', 'Between provinces')}: {n(report['by_scope']['lien-tinh'])}",
        f"  {t('Nhận ngoài giờ', 'After hours')}: {n(report['after_hours'])} · {t('cuối tuần', 'weekends')}: "
        f"{n(report['weekends'])} · {t('ngày lễ', 'public holidays')}: {n(report['holidays'])}",
    ]
    on_time = report["on_time"]
    lines.append(f"  {t('Phát đúng hạn', 'On time')}: " + (no_data if on_time is None else
                 f"{_pct(report['on_time_pct'], lang)} ({n(on_time['on_time'])}/{n(on_time['known'])})"))
    c = report["complaints"]
    lines.append(f"  {t('Từ chối nhận', 'Refused')}: {n(report['refusals'])} · {t('Khiếu nại', 'Complaints')}: " + (
        no_data if c is None else f"{n(c['lodged'])} ({t('đã trả lời', 'answered')} {n(c['answered'])}, "
        f"{t('trễ hạn', 'late')} {n(c['late'])}, {t('đang mở', 'open')} {n(c['open'])}, "
        f"{t('bồi thường', 'compensation')} {money(c['compensation_vnd'])})"))
    lines.append(f"  {t('Cơ quan sử dụng', 'Agencies using KT1')}: {n(report['agencies_used'])}/"
                 f"{n(report['agencies_eligible'])} ({_pct(report['adoption_pct'], lang)})")
    if report["adoption_by_year"]:
        lines.append("    " + " · ".join(f"{r['year']}: {r['used']}/{r['eligible']} ({_pct(r['pct'], lang)})"
                                          for r in report["adoption_by_year"]))
    if len(report["by_month"]) > 1:
        lines.append(f"  {t('Theo tháng', 'By month')}:")
        lines += [f"    {m['month'][5:]}/{m['month'][:4]}  {n(m['items']):>9}  {money(m['total_vnd']):>18}"
                  for m in report["by_month"]]
    if report["by_sender"]:
        lines.append(f"  {t('Cơ quan gửi nhiều nhất', 'Top senders')}:")
        lines += [f"    {r['code']:<10} {n(r['items']):>7}  {money(r['total_vnd']):>16}  {r['name']}"
                  for r in report["by_sender"][:10]]
    return "\n".join(lines)


def add_commands(sub, command) -> None:
    p = command("report", cmd_report, "báo cáo theo kỳ (kiểm soát viên, quản trị)", sub)
    p.add_argument("--from", dest="date_from", metavar="D", help="từ ngày (YYYY-MM-DD hoặc DD/MM/YYYY)")
    p.add_argument("--to", dest="date_to", metavar="D", help="đến ngày (tính cả ngày này)")
    p.add_argument("--year", metavar="Y", help="cả năm, ví dụ 2019")
    p.add_argument("--month", metavar="YYYY-MM", help="một tháng, ví dụ 2019-05")
    p.add_argument("--period", metavar="TEXT", help="2019, 2019-05, 2019-Q2, 2019-H1, 2019-05-07, 2019-01-01..2019-03-31")
    p.add_argument("--json", action="store_true", help="in số liệu dạng JSON")
    p.add_argument("--out", type=Path, metavar="F", help="ghi ra tệp .pdf, .csv hoặc .xlsx")
