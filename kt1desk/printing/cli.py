"""Command-line printing: ``kt1desk label``, ``receipt``, ``manifest`` and ``manifest-correct``.

Each writes a PDF with ``--out`` and/or sends it to the default printer with
``--print`` (Qt's print support, imported only then). A print is counted on the
item (``items.record_print``) once the paper exists: the file written, or the
printer done. With no printer, or a failing one, the PDF is kept (the --out
file, else a file in the user's data folder), the message says where, and the
exit status is 2; nothing about the item changes.
"""

from __future__ import annotations

import re
from pathlib import Path

import platformdirs

from .. import clock
from ..errors import Kt1Error
from ..storage import APP_NAME


def _parse_size(text: str) -> tuple[float, float]:
    match = re.fullmatch(r"\s*(\d+(?:[.,]\d+)?)\s*[x×*]\s*(\d+(?:[.,]\d+)?)\s*(mm)?\s*", text or "")
    if not match:
        raise Kt1Error("label_size", value=text)
    width, height = (float(g.replace(",", ".")) for g in match.groups()[:2])
    from .label import MIN_SIZE_MM

    if width < MIN_SIZE_MM[0] or height < MIN_SIZE_MM[1] or width > 300 or height > 600:
        raise Kt1Error("label_size", value=text)
    return width, height


def _write(path: Path, pdf: bytes) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(pdf)
    except OSError as err:
        raise Kt1Error("file_unwritable", path=str(path), reason=err.strerror or str(err)) from None


def _keep(pdf: bytes, title: str) -> Path:
    """Where an unprinted document is kept when no --out was given."""
    stamp = clock.now().strftime("%Y%m%d-%H%M%S")
    safe = "".join(ch if ch.isalnum() or ch in "-_" else "_" for ch in title)
    path = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "unprinted" / f"{safe}-{stamp}.pdf"
    _write(path, pdf)
    return path


def deliver(cli, pdf: bytes, *, doc_type: str, title: str) -> None:
    """Write ``--out`` and/or print; raises Kt1Error (exit 2) when printing fails, the PDF kept."""
    args = cli.args
    out: Path | None = args.out
    if out is None and not args.to_printer:
        raise Kt1Error("out_required")
    if out is not None:
        _write(out, pdf)
    if not args.to_printer:
        cli.say(f"Đã ghi {out}.", f"Written to {out}.")
        return
    from ..qt import printing as qt_printing

    qt_printing.ensure_application()
    try:
        name = qt_printing.print_default(pdf, doc_type=doc_type, title=title)
    except qt_printing.NoPrinter:
        raise Kt1Error("no_printer", path=str(out or _keep(pdf, title))) from None
    except qt_printing.PrintError as err:
        raise Kt1Error("print_failed", printer=err.printer, reason=err.reason,
                       path=str(out or _keep(pdf, title))) from None
    cli.say(f"Đã in «{title}» trên máy in {name}.", f"“{title}” printed on {name}.")


def cmd_label(cli) -> int:
    from ..services import items
    from .label import label_pdf

    actor = cli.actor()
    size = _parse_size(cli.args.size)
    ids = [items.get_item(cli.store, raw)["id"] for raw in cli.args.ids]
    pdf = label_pdf(cli.store, ids, size=size)
    title = f"Nhãn {ids[0]}" if len(ids) == 1 else f"Nhãn {len(ids)} bưu gửi"
    deliver(cli, pdf, doc_type="label", title=title)
    for item_id in ids:
        items.record_print(cli.store, actor, item_id, "label")
    return 0


def cmd_receipt(cli) -> int:
    from ..services import items
    from .receipt import receipt_pdf

    actor = cli.actor()
    item = items.get_item(cli.store, cli.args.id)
    copy = item["receipt_prints"] > 0 or cli.args.copy
    pdf = receipt_pdf(cli.store, item["id"], paper=cli.args.paper, copy=copy)
    deliver(cli, pdf, doc_type="receipt", title=f"Biên nhận {item['id']}" + (" (bản sao)" if copy else ""))
    count = items.record_print(cli.store, actor, item["id"], "receipt")
    if count > 1:
        cli.say(f"Biên nhận in lần {count} (BẢN SAO).", f"Receipt print number {count} (a COPY).")
    return 0


def _day(text: str):
    try:
        return clock.parse_date(text)
    except ValueError:
        raise Kt1Error("bad_date", "day", label={"vi": "--date", "en": "--date"}, value=text) from None


def cmd_manifest(cli) -> int:
    from ..services import manifests
    from .manifest import manifest_pdf

    a = cli.args
    actor = cli.actor()
    if a.id:
        ids = [manifests.get_manifest(cli.store, mid, rows=False)["id"] for mid in a.id]
    else:
        if not a.date:
            raise Kt1Error("required", "day", label={"vi": "--date (hoặc --id)", "en": "--date (or --id)"})
        ids = manifests.prepare(cli.store, actor, _day(a.date), a.destination or None)
    if a.close:
        for mid in ids:
            if manifests.get_manifest(cli.store, mid, rows=False)["status"] == "open":
                manifests.close(cli.store, actor, mid)
    pdf = manifest_pdf(cli.store, ids)
    deliver(cli, pdf, doc_type="manifest", title="Bảng kê " + (ids[0] if len(ids) == 1 else f"{len(ids)} nơi đến"))
    for mid in ids:
        m = manifests.get_manifest(cli.store, mid)
        state = ("đã chốt", "closed") if m["status"] == "closed" else ("chưa chốt", "open")
        cli.say(f"  {m['id']}  {m['destination']}: {len(m['rows'])} bưu gửi, {state[0]}",
                f"  {m['id']}  {m['destination']}: {len(m['rows'])} items, {state[1]}")
    return 0


def cmd_manifest_correct(cli) -> int:
    from ..services import manifests
    from .manifest import manifest_pdf

    a = cli.args
    actor = cli.actor()
    new_id = manifests.correct(cli.store, actor, a.manifest, reason=a.reason, add=a.add or [], remove=a.remove or [])
    if a.close:
        manifests.close(cli.store, actor, new_id)
    cli.say(f"Đã lập bảng kê điều chỉnh {new_id} cho {a.manifest.upper()}.",
            f"Correcting manifest {new_id} made for {a.manifest.upper()}.")
    if a.out is not None or a.to_printer:
        deliver(cli, manifest_pdf(cli.store, [new_id]), doc_type="manifest", title=f"Bảng kê {new_id}")
    return 0


def _output(p) -> None:
    p.add_argument("--out", type=Path, help="tệp PDF ghi ra")
    p.add_argument("--print", dest="to_printer", action="store_true", help="gửi tới máy in mặc định")


def add_commands(sub, command) -> None:
    p = command("label", cmd_label, "in nhãn bưu gửi (PDF, 100×150 mm)", sub)
    p.add_argument("ids", nargs="+", metavar="ID")
    p.add_argument("--size", default="100x150", help="khổ nhãn, mm (mặc định 100x150)")
    _output(p)

    p = command("receipt", cmd_receipt, "in biên nhận cho người gửi (PDF)", sub)
    p.add_argument("id", metavar="ID")
    p.add_argument("--paper", choices=("80mm", "a5"), default="80mm")
    p.add_argument("--copy", action="store_true", help="ghi BẢN SAO (tự động khi đã in trước đó)")
    _output(p)

    p = command("manifest", cmd_manifest, "lập và in bảng kê trong ngày theo nơi đến", sub)
    p.add_argument("--date", help="ngày nhận gửi YYYY-MM-DD")
    p.add_argument("--destination", help="tỉnh nơi đến (mặc định: mọi nơi đến, mỗi nơi một phần)")
    p.add_argument("--id", action="append", help="in lại bảng kê có số hiệu này (không lập mới)")
    p.add_argument("--close", action="store_true", help="chốt bảng kê (kiểm soát viên)")
    _output(p)

    p = command("manifest-correct", cmd_manifest_correct, "lập bảng kê điều chỉnh cho bảng kê đã chốt (kiểm soát viên)", sub)
    p.add_argument("manifest", metavar="MANIFEST_ID")
    p.add_argument("--reason", required=True)
    p.add_argument("--add", action="append", metavar="ID")
    p.add_argument("--remove", action="append", metavar="ID")
    p.add_argument("--close", action="store_true")
    _output(p)


__all__ = ["add_commands", "deliver"]
