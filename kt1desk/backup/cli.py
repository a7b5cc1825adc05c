"""Command line for backups and restores (added to ``kt1desk.cli``'s parser)."""

from __future__ import annotations

import sys
from pathlib import Path

from .. import clock, formats
from ..errors import Kt1Error


def _size(n: int) -> str:
    return f"{formats.number(round(n / 1_000_000, 1))} MB" if n >= 1_000_000 else f"{formats.number(n)} B"


def backup_text(done: dict, lang: str) -> str:
    if lang == "en":
        return (f"Backup written and checked: {done['file']} ({_size(done['bytes'])}, {done['items']} items, "
                f"{done['entries']} log entries; integrity ok, change log intact). The newest {done['kept']} are kept"
                + (f"; {len(done['removed'])} older removed." if done["removed"] else "."))
    return (f"Đã sao lưu và kiểm tra: {done['file']} ({_size(done['bytes'])}, {done['items']} bưu gửi, "
            f"{done['entries']} bản ghi nhật ký; toàn vẹn, nhật ký không bị sửa). Giữ {done['kept']} bản gần nhất"
            + (f"; đã xóa {len(done['removed'])} bản cũ hơn." if done["removed"] else "."))


def cmd_backup(cli) -> int:
    from . import copy

    done = copy.take(cli.store, cli.args.out, keep=_keep(cli.args.keep))
    cli.emit(done, backup_text(done, cli.lang))
    return 0


def _keep(value) -> int | None:
    if value is None:
        return None
    from ..formats import parse_whole

    try:
        return parse_whole(str(value), minimum=1, maximum=10_000)
    except ValueError:
        raise Kt1Error("setting_value", key="--keep", value=value) from None


def _admin(cli):
    """The admin named by --user, checked against ``store``'s users (the password from KT1DESK_PASSWORD)."""
    from ..services import office, users

    def check(store):
        office.get_office(store)
        login = cli.args.user
        if not login:
            raise Kt1Error("required", "login", label={"vi": "--user (tên đăng nhập)", "en": "--user (login)"})
        actor = users.authenticate(store, login, cli.password())
        users.require_role(actor, "admin")
        return actor

    return check


def cmd_restore(cli) -> int:
    from ..location import open_database
    from . import restore

    where = open_database(cli.args.db)
    done = restore.restore(where.path, cli.args.file, authenticate=_admin(cli), last_id=cli.args.last_id,
                           central=cli.args.central)
    vi = cli.lang != "en"
    as_of = formats.moment(clock.parse_iso(done["as_of"])) if done["as_of"] else "?"
    lines = [f"Đã khôi phục {done['database']} từ {done['restored_from']} ({done['office']} {done['counter']}, "
             f"{done['items']} bưu gửi, đến {as_of})." if vi else
             f"Restored {done['database']} from {done['restored_from']} ({done['office']} {done['counter']}, "
             f"{done['items']} items, as of {as_of})."]
    if done["kept_as"]:
        lines.append(f"Cơ sở dữ liệu trước đó được giữ lại: {done['kept_as']}" if vi else
                     f"The previous database is kept as {done['kept_as']}")
    if done["serials_confirmed"]:
        lines.append(f"Số hiệu tiếp theo đã được chuyển qua mọi số đã cấp ({', '.join(done['serial_sources'])})."
                     if vi else f"The next ids were moved past every id issued ({', '.join(done['serial_sources'])}).")
    else:
        lines.append("CHƯA cấp số hiệu mới cho tới khi quản trị cho biết số hiệu cuối cùng đã cấp: "
                     "«kt1desk serials --last-id SỐ_HIỆU» (số trên biên nhận/nhãn in gần nhất) hoặc "
                     "«kt1desk serials --central URL»." if vi else
                     "NO new id will be issued until an admin gives the last id issued: “kt1desk serials --last-id ID” "
                     "(the id on the latest receipt or label) or “kt1desk serials --central URL”.")
    if not done["keys_here"]:
        lines.append("Máy này không có khóa ký của quầy: chạy «kt1desk sync key --new» rồi nhờ tỉnh đăng ký dòng khóa."
                     if vi else "This machine has no signing key for the counter: run “kt1desk sync key --new” and have "
                     "the province register the key line.")
    lines.append("Hãy đồng bộ với tỉnh trước khi nhận gửi tiếp." if vi else
                 "Sync with the province before accepting more items.")
    cli.emit(done, "\n".join(lines))
    return 0


def cmd_serials(cli) -> int:
    from ..services import users
    from . import restore

    if not cli.args.last_id and not cli.args.central:
        raise Kt1Error("serials_no_source")
    actor = cli.actor()
    users.require_role(actor, "admin")
    highs, sources = restore.serial_sources(cli.store, last_id=cli.args.last_id, central=cli.args.central)
    done = restore.confirm_serials(cli.store, actor, highs=highs, source=",".join(sources))
    cli.emit(done, (f"Đã chuyển {done['blocks_moved']} dải số hiệu qua số đã cấp; quầy cấp số hiệu mới trở lại."
                    if cli.lang != "en" else
                    f"{done['blocks_moved']} serial block(s) moved past the ids issued; the counter issues ids again."))
    return 0


def on_shift_close(cli) -> None:
    """The command line's backup at shift close: said on stderr; a failure never undoes the close."""
    from . import hooks

    def run(job):
        try:
            done = job()
        except Kt1Error as err:
            print(err.text(cli.lang), file=sys.stderr)
        else:
            print(backup_text(done, cli.lang), file=sys.stderr)

    hooks.install(cli.store, run)


def add_commands(sub, command) -> None:
    p = command("backup", cmd_backup, "sao lưu cơ sở dữ liệu (an toàn khi chương trình đang chạy), có kiểm tra bản sao")
    p.add_argument("--out", type=Path, help="thư mục sao lưu (USB, ổ mạng); mặc định: thiết lập backup_folder")
    p.add_argument("--keep", help="giữ bao nhiêu bản gần nhất (mặc định: thiết lập backup_keep)")
    p.add_argument("--json", action="store_true")
    p = command("restore", cmd_restore, "khôi phục từ một bản sao lưu (quản trị); cơ sở dữ liệu hiện tại được giữ lại")
    p.add_argument("file", type=Path)
    p.add_argument("--last-id", help="số hiệu S10 cuối cùng quầy đã cấp (trên biên nhận hoặc nhãn in gần nhất)")
    p.add_argument("--central", help="địa chỉ dịch vụ của tỉnh, để hỏi số hiệu cao nhất tỉnh đã thấy")
    p.add_argument("--json", action="store_true")
    p = command("serials", cmd_serials, "sau khi khôi phục: cho biết số hiệu cuối cùng đã cấp (quản trị)")
    p.add_argument("--last-id", help="số hiệu S10 cuối cùng quầy đã cấp")
    p.add_argument("--central", help="địa chỉ dịch vụ của tỉnh")
    p.add_argument("--json", action="store_true")
