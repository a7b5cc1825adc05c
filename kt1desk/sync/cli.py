"""Command line for sync, audit and the province's central service (added to ``kt1desk.cli``'s parser)."""

from __future__ import annotations

import os
from pathlib import Path

from .. import clock, formats
from ..errors import Kt1Error

EXIT_BROKEN = 1


def _fmt(n: int) -> str:
    return formats.number(n)


# -- counter side ------------------------------------------------------------------

def cmd_sync_key(cli) -> int:
    from . import keys

    if cli.args.new:
        from ..services.users import require_role

        actor = cli.actor()
        require_role(actor, "admin")
        keys.make_counter_key(cli.store, actor)
    line = keys.counter_key_line(cli.store)
    me = keys.identity(cli.store)
    cli.emit({"line": line, "key_id": me["key_id"], "counter_uuid": me["uuid"], "office": me["office"],
              "counter": me["counter"]}, line)
    return 0


def cmd_sync_province_key(cli) -> int:
    from . import keys

    key_id = keys.trust_province_key(cli.store, cli.actor(), cli.args.line)
    cli.say(f"Đã tin cậy khóa của tỉnh {key_id}.", f"Province key {key_id} trusted.")
    return 0


def cmd_sync_export(cli) -> int:
    from . import client

    done = client.export(cli.store, cli.args.out)
    if done["file"] is None:
        text = "Không có gì cần gửi: tỉnh đã xác nhận mọi bản ghi." if cli.lang != "en" else \
            "Nothing to send: the province has confirmed every entry."
    elif cli.lang == "en":
        text = f"Wrote {_fmt(done['count'])} entries ({done['first_seq']}–{done['last_seq']}) to {done['file']}."
    else:
        text = f"Đã ghi {_fmt(done['count'])} bản ghi (số {done['first_seq']}–{done['last_seq']}) vào {done['file']}."
    cli.emit(done, text)
    return 0


def cmd_sync_push(cli) -> int:
    from . import client

    result = client.push(cli.store, cli.args.url)
    if "fork" in result:
        cli.emit(result, _fork_text(result["fork"], cli.lang))
        return 2
    text = (f"pushed {result['pushed']}, already_present {result['already_present']}, pending {result['pending']}")
    cli.emit(result, text)
    return 0


def _fork_text(fork: dict, lang: str) -> str:
    if lang == "en":
        return (f"The province holds entries this counter no longer has (from entry {fork['fork_seq']}): it was "
                f"restored from an old backup. Nothing was merged. Serial numbers the province saw will not be issued "
                f"again ({fork['serial_blocks_advanced']} block(s) moved on). This counter continues under a new "
                f"identity and key {fork['key_id']}: have the province register “kt1desk sync key”.")
    return (f"Tỉnh đang giữ các bản ghi mà quầy này không còn (từ số {fork['fork_seq']}): quầy đã được khôi phục từ "
            f"bản sao lưu cũ. Không gộp gì. Các số hiệu tỉnh đã thấy sẽ không được cấp lại ({fork['serial_blocks_advanced']}"
            f" dải đã chuyển tiếp). Quầy tiếp tục với danh tính và khóa mới {fork['key_id']}: nhờ tỉnh đăng ký dòng "
            f"«kt1desk sync key».")


def cmd_sync_ack(cli) -> int:
    from . import client

    result = client.ack_file(cli.store, cli.args.file)
    if result["status"] == "fork":
        cli.emit(result, _fork_text(result, cli.lang))
        return 2
    pending = client.status(cli.store)["pending"]
    result["pending"] = pending
    text = (f"Tỉnh đã xác nhận đến bản ghi số {result['confirmed_seq']}; còn {_fmt(pending)} bản ghi chưa gửi."
            if cli.lang != "en" else
            f"The province confirmed up to entry {result['confirmed_seq']}; {_fmt(pending)} entries still pending.")
    cli.emit(result, text)
    return 0


def cmd_sync_status(cli) -> int:
    from . import client

    s = client.status(cli.store)
    vi = cli.lang != "en"
    when = formats.moment(clock.parse_iso(s["confirmed_at"])) if s["confirmed_at"] else ("chưa bao giờ" if vi else "never")
    lines = [
        f"{'Quầy' if vi else 'Counter'}: {s['office']} {s['counter']}  ({s['counter_uuid']}, "
        f"{'khóa' if vi else 'key'} {s['key_id'] or '—'})",
        f"{'Chưa gửi' if vi else 'Pending'}: {_fmt(s['pending'])}  ·  "
        f"{'đã xác nhận đến số' if vi else 'confirmed up to'} {s['confirmed_seq']} ({when})",
    ]
    if s["last_error"]:
        lines.append(f"{'Lỗi lần trước' if vi else 'Last error'}: {s['last_error']}")
    cli.emit(s, "\n".join(lines))
    return 0


def cmd_sync_apply(cli) -> int:
    from . import client

    with open_bytes(cli.args.file) as data:
        result = client.apply_province(cli.store, cli.actor(), data)
    if result["status"] == "already_applied":
        text = (f"Gói số {result['publication']} của tỉnh đã được áp dụng trước đây: không thay đổi gì."
                if cli.lang != "en" else f"Province bundle {result['publication']} was applied before: nothing changed.")
    else:
        text = (f"Đã áp dụng gói số {result['publication']} của tỉnh: {result['agencies']} cơ quan, "
                f"{result['tariffs']} bảng cước, {result['swaps']} ngày hoán đổi thay đổi." if cli.lang != "en" else
                f"Province bundle {result['publication']} applied: {result['agencies']} agencies, "
                f"{result['tariffs']} tariffs, {result['swaps']} swapped days changed.")
    cli.emit(result, text)
    return 0


class open_bytes:
    """Read a whole file, with the program's own message when it cannot be read."""

    def __init__(self, path):
        self.path = path

    def __enter__(self) -> bytes:
        try:
            return Path(self.path).read_bytes()
        except OSError as err:
            raise Kt1Error("file_unreadable", path=str(self.path), reason=err.strerror or str(err)) from None

    def __exit__(self, *exc) -> None:
        return None


def cmd_audit_verify(cli) -> int:
    from . import audit

    report = audit.verify(cli.store)
    data = {"intact": report.intact, "entries": report.entries, "records": report.records,
            "seconds": round(report.seconds, 3), "findings": [f.as_dict() | {"text": f.text(cli.lang)}
                                                              for f in report.findings]}
    if report.intact:
        text = (f"Toàn vẹn: {_fmt(report.entries)} bản ghi nhật ký, {_fmt(report.records)} bản ghi dữ liệu khớp."
                if cli.lang != "en" else
                f"Intact: {_fmt(report.entries)} log entries, {_fmt(report.records)} records match.")
    else:
        text = "\n".join(f.text(cli.lang) for f in report.findings)
    cli.emit(data, text)
    return 0 if report.intact else EXIT_BROKEN


# -- central side ----------------------------------------------------------------------

def _dsn(cli) -> str:
    dsn = cli.args.dsn or os.environ.get("KT1CENTRAL_DSN")
    if not dsn:
        raise Kt1Error("required", "dsn", label={"vi": "--dsn (PostgreSQL)", "en": "--dsn (PostgreSQL)"})
    return dsn


def _key_dir(cli) -> Path:
    from ..central.signing import default_key_dir

    return Path(cli.args.key_dir) if cli.args.key_dir else default_key_dir()


def _central(cli):
    from ..central.db import connect

    return connect(_dsn(cli))


def cmd_central_init(cli) -> int:
    from ..central import schema, signing
    from ..text import fold

    conn = _central(cli)
    try:
        province = schema.province_of(conn)
        if province is None:
            if not cli.args.province:
                raise Kt1Error("required", "province", label={"vi": "--province", "en": "--province"})
            province = fold(cli.args.province)
        schema.create(conn, province)
        signer = signing.ensure_key(conn, _key_dir(cli), province)
    finally:
        conn.close()
    line = signer.key_line()
    cli.emit({"province": province, "key_id": signer.key_id, "line": line},
             (f"Lược đồ kt1 sẵn sàng cho tỉnh «{province}». Khóa của tỉnh (đưa vào mỗi quầy bằng "
              f"«kt1desk sync province-key»):\n{line}") if cli.lang != "en" else
             (f"Schema kt1 ready for province “{province}”. The province key (give it to every counter with "
              f"“kt1desk sync province-key”):\n{line}"))
    return 0


def cmd_central_trust(cli) -> int:
    from ..central import admin

    conn = _central(cli)
    try:
        done = admin.trust(conn, cli.args.key)
    finally:
        conn.close()
    cli.emit(done, (f"Đã đăng ký khóa {done['key_id']} của quầy {done['office']} {done['counter']}."
                    if cli.lang != "en" else
                    f"Key {done['key_id']} of counter {done['office']} {done['counter']} registered."))
    return 0


def cmd_central_revoke(cli) -> int:
    from ..central import admin

    conn = _central(cli)
    try:
        admin.revoke(conn, cli.args.key_id)
    finally:
        conn.close()
    cli.say(f"Đã thu hồi khóa {cli.args.key_id}.", f"Key {cli.args.key_id} revoked.")
    return 0


def cmd_central_import(cli) -> int:
    from ..central import signing
    from ..central.db import require_schema
    from ..central.ingest import ingest, receipt

    with open_bytes(cli.args.file) as data:
        conn = _central(cli)
        try:
            province = require_schema(conn)
            signer = signing.load(conn, _key_dir(cli))
            outcome = ingest(conn, data, province=province)
        finally:
            conn.close()
    result = outcome.as_dict()
    if outcome.counter_uuid:
        out = Path(cli.args.receipt_out) if cli.args.receipt_out else \
            Path(cli.args.file).with_name(Path(cli.args.file).stem + ".receipt.kt1b")
        try:
            out.write_bytes(receipt(signer, outcome))
        except OSError as err:
            raise Kt1Error("file_unwritable", path=str(out), reason=err.strerror or str(err)) from None
        result["receipt"] = str(out)
    if outcome.error is not None:
        cli.emit(result, outcome.error.text(cli.lang) + (f"\n{result['receipt']}" if "receipt" in result else ""))
        return 2
    text = (f"Đã nhận {_fmt(outcome.pushed)} bản ghi mới, {_fmt(outcome.already_present)} đã có; "
            f"biên nhận: {result.get('receipt')}" if cli.lang != "en" else
            f"Took {_fmt(outcome.pushed)} new entries, {_fmt(outcome.already_present)} already present; "
            f"receipt: {result.get('receipt')}")
    cli.emit(result, text)
    return 0


def cmd_central_serve(cli) -> int:
    import logging

    from ..central import service, signing
    from ..central.db import require_schema

    conn = _central(cli)
    try:
        require_schema(conn)
        signer = signing.load(conn, _key_dir(cli))
    finally:
        conn.close()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    app = service.App(_dsn(cli), signer, max_body=cli.args.max_body)
    print(f"kt1desk central serve on http://{cli.args.host}:{cli.args.port} (put it behind a TLS proxy)", flush=True)
    service.serve(app, cli.args.host, cli.args.port, threads=cli.args.threads, trusted_proxy=cli.args.trusted_proxy)
    return 0


def cmd_central_status(cli) -> int:
    from ..central import admin

    conn = _central(cli)
    try:
        s = admin.status(conn)
    finally:
        conn.close()
    vi = cli.lang != "en"
    lines = [f"{'Tỉnh' if vi else 'Province'} {s['province']}: {_fmt(s['items'])} "
             f"{'bưu gửi' if vi else 'items'}, {_fmt(s['entries'])} {'bản ghi nhật ký' if vi else 'log entries'}"]
    for c in s["counters"]:
        gaps = ", ".join(f"{g['from']}–{g['to']}" for g in c["pending_gaps"])
        lines.append(f"  {c['office']:<8} {c['counter']:<6} {c['counter_uuid']}  "
                     f"{'số' if vi else 'seq'} {c['last_seq']:>8}  {_fmt(c['items']):>8} "
                     f"{'bưu gửi' if vi else 'items'}" + (f"  {'thiếu' if vi else 'gaps'} {gaps}" if gaps else "")
                     + (f"  {c['conflicts']} {'xung đột' if vi else 'conflicts'}" if c["conflicts"] else ""))
    for f in s["conflicts"]:
        lines.append(f"  ! {f['kind']}: {f['subject']} ({f['counter_uuid']}"
                     + (f" / {f['other_counter']}" if f["other_counter"] else "") + ")")
    cli.emit(s, "\n".join(lines))
    return 0


def cmd_central_publish(cli) -> int:
    from .. import clock
    from ..central import publish, signing

    a = cli.args
    start = None
    if a.effective_from:
        try:
            start = clock.parse_date(a.effective_from)
        except ValueError:
            raise Kt1Error("bad_date", "effective_from", label={"vi": "--effective-from", "en": "--effective-from"},
                           value=a.effective_from) from None
    conn = _central(cli)
    try:
        signer = signing.load(conn, _key_dir(cli))
        data, manifest = publish.publish(conn, signer, agencies_csv=a.agencies, tariff_csv=a.tariff,
                                         effective_from=start, swaps_csv=a.swaps)
    finally:
        conn.close()
    try:
        Path(a.out).write_bytes(data)
    except OSError as err:
        raise Kt1Error("file_unwritable", path=str(a.out), reason=err.strerror or str(err)) from None
    cli.emit(manifest | {"file": str(a.out)},
             (f"Gói số {manifest['publication']} của tỉnh: {manifest['agencies']} cơ quan, {manifest['tariffs']} "
              f"bảng cước, {manifest['swaps']} ngày hoán đổi → {a.out}") if cli.lang != "en" else
             (f"Province bundle {manifest['publication']}: {manifest['agencies']} agencies, {manifest['tariffs']} "
              f"tariffs, {manifest['swaps']} swapped days → {a.out}"))
    return 0


# -- parser ------------------------------------------------------------------------------

def add_commands(sub, command) -> None:
    sync = command("sync", None, "đồng bộ với tỉnh").add_subparsers(dest="sub", required=True, metavar="SUB")
    p = command("key", cmd_sync_key, "in dòng khóa của quầy (--new: tạo khóa mới, quản trị)", sync)
    p.add_argument("--new", action="store_true")
    p.add_argument("--json", action="store_true")
    p = command("province-key", cmd_sync_province_key, "tin cậy khóa của tỉnh (quản trị)", sync)
    p.add_argument("line")
    from ..life.transfer_cli import add_sync_commands

    add_sync_commands(sync, command)
    p = command("export", cmd_sync_export, "ghi mọi bản ghi chưa được tỉnh xác nhận vào một gói", sync)
    p.add_argument("--out", required=True, type=Path, help="tệp gói (hoặc thư mục, ví dụ USB)")
    p.add_argument("--json", action="store_true")
    p = command("push", cmd_sync_push, "gửi qua mạng đến dịch vụ của tỉnh", sync)
    p.add_argument("--url", required=True)
    p.add_argument("--json", action="store_true")
    p = command("ack", cmd_sync_ack, "ghi nhận biên nhận của tỉnh", sync)
    p.add_argument("file", type=Path)
    p.add_argument("--json", action="store_true")
    p = command("status", cmd_sync_status, "tình trạng đồng bộ", sync)
    p.add_argument("--json", action="store_true")
    p = command("apply", cmd_sync_apply, "áp dụng gói của tỉnh (danh bạ, bảng cước, lịch)", sync)
    p.add_argument("file", type=Path)
    p.add_argument("--json", action="store_true")

    audit = command("audit", None, "kiểm tra toàn vẹn").add_subparsers(dest="sub", required=True, metavar="SUB")
    p = command("verify", cmd_audit_verify, "tính lại chuỗi băm và so mọi bản ghi với nhật ký", audit)
    p.add_argument("--json", action="store_true")

    central = command("central", None, "dịch vụ trung tâm của tỉnh (PostgreSQL)").add_subparsers(
        dest="sub", required=True, metavar="SUB")

    def central_command(name, func, help_text):
        p = command(name, func, help_text, central)
        p.add_argument("--dsn", help="PostgreSQL, ví dụ postgresql://kt1@db/kt1 (hoặc KT1CENTRAL_DSN)")
        p.add_argument("--key-dir", help="thư mục khóa ký của tỉnh (hoặc KT1CENTRAL_KEYS)")
        p.add_argument("--json", action="store_true")
        return p

    p = central_command("init", cmd_central_init, "tạo hoặc nâng cấp lược đồ kt1, tạo khóa của tỉnh")
    p.add_argument("--province", help="tên tỉnh (lần đầu)")
    p = central_command("trust", cmd_central_trust, "đăng ký dòng khóa của một quầy")
    p.add_argument("--key", required=True, help="dòng khóa do «kt1desk sync key» in ra")
    p = central_command("revoke", cmd_central_revoke, "thu hồi một khóa của quầy")
    p.add_argument("key_id")
    p = central_command("import", cmd_central_import, "nhận một gói của quầy (USB), ghi biên nhận")
    p.add_argument("file", type=Path)
    p.add_argument("--receipt-out", help="tệp biên nhận (mặc định: cạnh gói)")
    p = central_command("serve", cmd_central_serve, "chạy dịch vụ HTTP (sau proxy TLS)")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8090)
    p.add_argument("--threads", type=int, default=4)
    p.add_argument("--max-body", type=int, default=256 * 1024 * 1024, help="byte tối đa một gói")
    p.add_argument("--trusted-proxy", help="địa chỉ proxy TLS được tin (X-Forwarded-*)")
    p = central_command("status", cmd_central_status, "tình trạng từng quầy, khoảng thiếu, xung đột")
    p = central_command("publish", cmd_central_publish, "ký gói danh bạ, bảng cước, lịch cho các quầy")
    p.add_argument("--out", required=True, type=Path)
    p.add_argument("--agencies", type=Path, help="CSV danh bạ mới (như «agency import»)")
    p.add_argument("--tariff", type=Path, help="CSV bảng cước mới")
    p.add_argument("--effective-from", help="ngày hiệu lực của bảng cước YYYY-MM-DD")
    p.add_argument("--swaps", type=Path, help="CSV ngày hoán đổi: day,working,note")

