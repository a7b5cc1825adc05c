"""Dispatch bundles on the command line: written at the sending office, imported at the receiving one.

    kt1desk dispatch export DISPATCH --out FILE_OR_FOLDER [--destination PROVINCE] [--json]
    kt1desk dispatch import FILE [--json]
    kt1desk dispatch inbound [--json]
    kt1desk sync trust-peer LINE          (admin: trust another office's counter key)

Exit status: 0 done (an import of a dispatch already here is done, and changes nothing), 2 bad input
(no such dispatch, a file that cannot be read or written), 3 refused: a bundle that is not a dispatch
bundle, damaged, cut short, signed by a key this office does not trust, addressed elsewhere, or
colliding with what is held here. Nothing is written when it is not 0.
"""

from __future__ import annotations

import sys
from pathlib import Path

from ..errors import Kt1Error

EXIT_REFUSED = 3
# What makes an import a refusal (exit 3) rather than bad input (exit 2).
REFUSALS = {"bundle_not_bundle", "bundle_version", "bundle_damaged", "bundle_truncated", "bundle_body_hash",
            "bundle_signature", "bundle_too_big", "bundle_wrong_kind", "bundle_wrong_destination", "bundle_wrong_key",
            "dispatch_unknown_key", "dispatch_is_local", "inbound_bag_known", "inbound_item_local",
            "inbound_item_known"}


def _t(cli, vi: str, en: str) -> str:
    return en if cli.lang == "en" else vi


def cmd_dispatch_export(cli) -> int:
    from . import transfer

    done = transfer.export(cli.store, cli.args.dispatch, cli.args.out, destination=cli.args.destination)
    cli.emit(done, _t(cli, f"Đã ghi chuyến thư {done['dispatch']} ({done['bags']} túi, {done['items']} bưu gửi, "
                           f"gửi {done['destination']}) vào {done['file']}; khóa ký {done['key_id']}.",
                      f"Wrote dispatch {done['dispatch']} ({done['bags']} bags, {done['items']} items, for "
                      f"{done['destination']}) to {done['file']}; signed with key {done['key_id']}."))
    return 0


def cmd_dispatch_import(cli) -> int:
    from . import transfer

    try:
        done = transfer.import_file(cli.store, cli.actor(), cli.args.file)
    except Kt1Error as err:
        if err.code not in REFUSALS:
            raise
        print(err.text(cli.lang), file=sys.stderr)
        return EXIT_REFUSED
    bags = ", ".join(done["bags"])
    if done["status"] == "already_imported":
        text = _t(cli, f"Chuyến thư {done['dispatch']} đã được nạp trước đây: không thay đổi gì.",
                  f"Dispatch {done['dispatch']} was imported before: nothing changed.")
    else:
        text = _t(cli, f"Đã nạp chuyến thư {done['dispatch']} của {done['origin']}: {len(done['bags'])} túi ({bags}), "
                       f"{done['items']} bưu gửi chờ nhận. Nhận: kt1desk receive {done['dispatch']} --items …",
                  f"Imported dispatch {done['dispatch']} from {done['origin']}: {len(done['bags'])} bags ({bags}), "
                  f"{done['items']} items to receive. Receive: kt1desk receive {done['dispatch']} --items …")
    cli.emit(done, text)
    return 0


def cmd_dispatch_inbound(cli) -> int:
    from . import transfer

    rows = transfer.list_inbound(cli.store)
    text = "\n".join(f"{r['id']}  {r['origin_office']}  {r['bags']} {_t(cli, 'túi', 'bags')} "
                     f"({r['waiting']} {_t(cli, 'chờ nhận', 'to receive')}), {r['items']} {_t(cli, 'bưu gửi', 'items')}"
                     for r in rows) or _t(cli, "Chưa nạp chuyến thư nào.", "No dispatch imported yet.")
    cli.emit(rows, text)
    return 0


def cmd_sync_trust_peer(cli) -> int:
    from ..sync import peers

    done = peers.trust_peer(cli.store, cli.actor(), cli.args.line)
    cli.emit(done, _t(cli, f"Đã tin cậy khóa {done['key_id']} của quầy {done['counter']}, bưu cục {done['office']}.",
                      f"Key {done['key_id']} of counter {done['counter']}, office {done['office']}, trusted."))
    return 0


def add_dispatch_commands(dispatch, command) -> None:
    p = command("export", cmd_dispatch_export, "ghi chuyến thư vào một tệp đã ký cho bưu cục nhận", dispatch)
    p.add_argument("dispatch", metavar="DISPATCH")
    p.add_argument("--out", required=True, type=Path, help="tệp (hoặc thư mục, ví dụ USB)")
    p.add_argument("--destination", help="tỉnh nơi đến, khi chuyến thư có túi cho nhiều nơi")
    p.add_argument("--json", action="store_true")
    p = command("import", cmd_dispatch_import, "nạp tệp chuyến thư của bưu cục khác để nhận và phát", dispatch)
    p.add_argument("file", type=Path)
    p.add_argument("--json", action="store_true")
    p = command("inbound", cmd_dispatch_inbound, "các chuyến thư đã nạp từ bưu cục khác", dispatch)
    p.add_argument("--json", action="store_true")


def add_sync_commands(sync, command) -> None:
    p = command("trust-peer", cmd_sync_trust_peer, "tin cậy dòng khóa của quầy bưu cục khác (quản trị)", sync)
    p.add_argument("line")
    p.add_argument("--json", action="store_true")
