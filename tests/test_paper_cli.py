"""The printing commands run for real: files written, prints counted, no printer = message, exit 2, nothing lost."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from conftest import PASSWORD
from test_paper_support import codes, make_items, plumber_pages, rasters

from kt1desk import cli
from kt1desk.services import items, manifests


@pytest.fixture
def run(demo_store, monkeypatch, tmp_path):
    monkeypatch.setenv("KT1DESK_PASSWORD", PASSWORD)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("KT1DESK_SETTINGS", str(tmp_path / "settings.ini"))

    def run(*args, user="gdv1"):
        return cli.main(["--db", demo_store.path, "--user", user, *args])

    return run


@pytest.fixture
def no_printer(monkeypatch):
    from kt1desk.qt import printing

    monkeypatch.setattr(printing, "available_printers", lambda: [])


def test_label_command_writes_labels_in_order_and_counts_them(run, demo_store, clerk, tmp_path, capsys):
    ids = make_items(demo_store, clerk, 3)
    out = tmp_path / "labels.pdf"
    assert run("label", ids[2], ids[0].lower(), ids[1], "--out", str(out)) == 0
    pdf = out.read_bytes()
    assert [codes(image) for image in rasters(pdf)] == [[ids[2]], [ids[0]], [ids[1]]]
    assert [items.get_item(demo_store, i)["label_prints"] for i in ids] == [1, 1, 1]
    assert str(out) in capsys.readouterr().out


def test_label_size_option(run, demo_store, clerk, tmp_path, capsys):
    (item_id,) = make_items(demo_store, clerk, 1)
    out = tmp_path / "l.pdf"
    assert run("label", item_id, "--size", "100x100", "--out", str(out)) == 0
    assert codes(rasters(out.read_bytes())[0]) == [item_id]
    assert run("label", item_id, "--size", "10x10", "--out", str(out)) == 2
    assert "Khổ nhãn «10x10» không hợp lệ" in capsys.readouterr().err


def test_receipt_twice_second_is_a_copy(run, demo_store, clerk, tmp_path, capsys):
    (item_id,) = make_items(demo_store, clerk, 1)
    first, second = tmp_path / "r1.pdf", tmp_path / "r2.pdf"
    assert run("receipt", item_id, "--out", str(first)) == 0
    assert run("receipt", item_id, "--out", str(second), "--paper", "a5") == 0
    assert "BẢN SAO" not in plumber_pages(first.read_bytes())[0]
    text = plumber_pages(second.read_bytes())[0]
    assert "BẢN SAO" in text and "lần in thứ 2" in text
    assert items.get_item(demo_store, item_id)["receipt_prints"] == 2
    assert "Biên nhận in lần 2 (BẢN SAO)." in capsys.readouterr().out


def test_manifest_command_one_section_per_destination(run, demo_store, clerk, tmp_path, capsys):
    make_items(demo_store, clerk, 6)
    out = tmp_path / "m.pdf"
    assert run("manifest", "--date", "2026-11-25", "--out", str(out)) == 0
    found = manifests.for_day(demo_store, "2026-11-25")
    assert len(found) == 3
    pdf = out.read_bytes()
    assert [codes(img) for img in rasters(pdf)] == [[m["id"]] for m in found]
    printed = capsys.readouterr().out
    assert all(m["id"] in printed for m in found)
    # One destination only, closed by a supervisor: the paper says so.
    assert run("manifest", "--date", "25/11/2026", "--destination", "Ha Noi", "--close", "--out", str(out)) == 2
    assert "cần quyền" in capsys.readouterr().err
    assert run("manifest", "--date", "25/11/2026", "--destination", "Ha Noi", "--close", "--out", str(out),
               user="giamsat") == 0
    (text,) = plumber_pages(out.read_bytes())
    assert "Nơi đến: Hà Nội" in text and "ĐÃ CHỐT" in text
    assert run("manifest", "--date", "2026-11-26", "--out", str(out)) == 2
    assert "Không có bưu gửi nào nhận ngày 26/11/2026" in capsys.readouterr().err


def test_manifest_correct_command(run, demo_store, clerk, supervisor, tmp_path, capsys):
    ids = make_items(demo_store, clerk, 2, templates=[("SYT", "thu", 20, 1, None, False, None)])
    (mid,) = manifests.prepare(demo_store, clerk, "2026-11-25")
    manifests.close(demo_store, supervisor, mid)
    out = tmp_path / "c.pdf"
    assert run("manifest-correct", mid, "--reason", "Bớt một bưu gửi", "--remove", ids[1], "--out", str(out),
               user="giamsat") == 0
    (new,) = [m["id"] for m in manifests.for_day(demo_store, "2026-11-25") if m["corrects"] == mid]
    assert f"Điều chỉnh bảng kê {mid}" in plumber_pages(out.read_bytes())[0]
    assert new in capsys.readouterr().out


def test_print_with_no_printer_says_so_keeps_the_pdf_and_counts_nothing(run, demo_store, clerk, tmp_path, capsys,
                                                                        no_printer):
    (item_id,) = make_items(demo_store, clerk, 1)
    out = tmp_path / "kept.pdf"
    assert run("label", item_id, "--print", "--out", str(out)) == 2
    err = capsys.readouterr().err
    assert "chưa cài máy in nào" in err and str(out) in err
    assert codes(rasters(out.read_bytes())[0]) == [item_id]
    assert items.get_item(demo_store, item_id)["label_prints"] == 0
    assert items.get_item(demo_store, item_id)["status"] == "accepted"
    # Without --out the document is kept in the data folder, and the message (English here) says where.
    assert cli.main(["--db", demo_store.path, "--user", "gdv1", "--lang", "en", "receipt", item_id, "--print"]) == 2
    err = capsys.readouterr().err
    assert "No printer is installed" in err
    kept = Path(err.split("saved at ")[1].split("; print it")[0])
    assert kept.is_file() and kept.is_relative_to(tmp_path / "data")
    assert codes(rasters(kept.read_bytes())[0]) == [item_id]
    assert items.get_item(demo_store, item_id)["receipt_prints"] == 0


def test_out_or_print_is_required(run, demo_store, clerk, capsys):
    (item_id,) = make_items(demo_store, clerk, 1)
    assert run("label", item_id) == 2
    assert "--out" in capsys.readouterr().err


def test_real_process(tmp_path):
    """`kt1desk demo`, `intake`, then `label` and `receipt` in their own processes, as a clerk would."""
    env = dict(os.environ, KT1DESK_DB=str(tmp_path / "k.sqlite3"), KT1DESK_PASSWORD="kt1-test-pass",
               KT1DESK_USER="gdv1", KT1DESK_SETTINGS=str(tmp_path / "s.ini"))
    root = Path(__file__).resolve().parent.parent

    def kt1desk(*args):
        return subprocess.run(["uv", "run", "--offline", "kt1desk", *args], cwd=root, env=env, capture_output=True,
                              text=True, timeout=120)

    assert kt1desk("demo", "--items", "5").returncode == 0
    made = kt1desk("intake", "--sender", "TUDLK", "--recipient", "BNV", "--kind", "thu", "--weight", "45",
                   "--secrecy", "B", "--json")
    assert made.returncode == 0, made.stderr
    import json

    item_id = json.loads(made.stdout)["id"]
    label, receipt = tmp_path / "l.pdf", tmp_path / "r.pdf"
    assert kt1desk("label", item_id, "--out", str(label)).returncode == 0
    assert kt1desk("receipt", item_id, "--out", str(receipt)).returncode == 0
    for pdf in (label, receipt):
        assert codes(rasters(pdf.read_bytes())[0]) == [item_id]
        text = plumber_pages(pdf.read_bytes())[0]
        assert "Bộ Nội vụ" in text and "B" in text.split() and "mật" not in text.lower()


def test_print_to_the_default_printer_counts_the_print(run, demo_store, clerk, tmp_path, monkeypatch, capsys):
    """A printer that writes PDF stands in for the default printer: the pages reach it and the print is counted."""
    from PySide6.QtPrintSupport import QPrinter

    from kt1desk.qt import printing

    target = tmp_path / "from-printer.pdf"

    def pdf_printer(name):
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(target))
        printer.setResolution(203)
        return printer

    monkeypatch.setattr(printing, "available_printers", lambda: ["Zebra-203"])
    monkeypatch.setattr(printing, "_printer_named", pdf_printer)
    (item_id,) = make_items(demo_store, clerk, 1)
    assert run("label", item_id, "--print") == 0
    assert codes(rasters(target.read_bytes())[0]) == [item_id]
    assert items.get_item(demo_store, item_id)["label_prints"] == 1
    assert "Đã in «Nhãn" in capsys.readouterr().out
