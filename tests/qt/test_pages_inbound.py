"""A dispatch file written at one office (Túi thư → Chuyến thư) and imported, checked and delivered at another.

The file dialogs are patched to answer as the clerk would; everything else is the real window, its services and
two real databases. Each screen is looked at as a PNG at 1024×768.
"""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog
from shell_support import Printed, open_window, own_preferences, session_for  # noqa: F401 (fixtures)

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from inbound_support import hanoi_office, send, to_hanoi, trust  # noqa: E402
from test_pages_life import looked_at, signing  # noqa: E402
from test_paper_support import plumber_pages  # noqa: E402

from kt1desk import clock  # noqa: E402
from kt1desk.life import inbound, shifts  # noqa: E402
from kt1desk.services.users import get_user  # noqa: E402


@pytest.fixture
def hanoi(tmp_path, demo_store):
    store = hanoi_office(tmp_path / "hanoi.sqlite3")
    yield store
    store.close()


def window_for(open_window, store, user):  # noqa: F811 (a fixture's value)
    shifts.open_shift(store, user)  # as at login
    printer = Printed()
    window = open_window(session_for(store, user, printer=printer))
    window.resize(1024, 768)
    window.printer = printer
    window.confirm_close = lambda titles: True
    return window


def test_the_dispatch_file_goes_out_on_one_screen_and_comes_in_on_another(
        qtbot, demo_store, clerk, hanoi, open_window, tmp_path, monkeypatch, frozen_now):  # noqa: F811
    a, b, c = to_hanoi(demo_store, clerk, 3)
    sent = send(demo_store, clerk, [[a, b, c]])
    stick = tmp_path / "usb"
    stick.mkdir()

    # The sending office: select the dispatch, "Xuất tệp chuyến thư…", choose the stick.
    window = window_for(open_window, demo_store, clerk)
    page = window.show_page("bags")
    page.tabs.setCurrentWidget(page.dispatch)
    tab = page.dispatch
    tab.refresh()
    assert tab.export_button.text().replace("&", "") == "Xuất tệp chuyến thư…"
    tab.export_button.click()  # nothing chosen: said so, no dialog
    assert "Chọn một chuyến thư" in tab.message.text()
    asked = []
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *args, **kw: asked.append(args) or str(stick))
    row = next(n for n, r in enumerate(tab.done_model.rows) if r["id"] == sent["id"])
    tab.done_view.selectRow(row)
    tab.export_button.click()
    assert len(asked) == 1
    [file] = stick.glob("*.kt1b")
    assert sent["id"] in file.name and file.name in tab.message.text() and "3 bưu gửi" in tab.message.text()
    looked_at(window, tmp_path, "dispatch-export")
    window.close()

    # The receiving office: "Nạp tệp chuyến thư…" before the sender's key is trusted, with a damaged file, then right.
    hn_clerk, hn_admin = get_user(hanoi, "gdv1"), get_user(hanoi, "admin")
    window = window_for(open_window, hanoi, hn_clerk)
    page = window.show_page("bags")
    page.tabs.setCurrentWidget(page.arrival)
    arrive = page.arrival
    assert arrive.import_button.text().replace("&", "") == "Nạp tệp chuyến thư…"
    chosen = {"path": str(file)}
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kw: (chosen["path"], "*.kt1b"))
    arrive.import_button.click()
    assert "chưa tin cậy" in arrive.message.text() and arrive.arriving is None
    assert hanoi.scalar("SELECT COUNT(*) FROM inbound_items") == 0
    trust(demo_store, hanoi, hn_admin)
    damaged = tmp_path / "damaged.kt1b"
    data = file.read_bytes()
    damaged.write_bytes(data[:-3] + bytes([data[-3] ^ 1]) + data[-2:])
    chosen["path"] = str(damaged)
    arrive.import_button.click()
    assert "không khớp" in arrive.message.text() and hanoi.scalar("SELECT COUNT(*) FROM inbound_items") == 0
    chosen["path"] = str(file)
    arrive.import_button.click()
    assert arrive.arriving["id"] == sent["id"] and [r["id"] for r in arrive.model.rows] == [a, b, c]
    assert "Đã nạp chuyến thư" in arrive.message.text() and "BDDLK" in arrive.message.text()
    window.handle_scan(a)
    window.handle_scan(b)
    arrive.view.selectRow(1)
    arrive.toggle_damaged()
    assert arrive.counts.text() == "Đã quét 2/3 · thiếu 1 · thừa 0 · hư hỏng 1"
    looked_at(window, tmp_path, "arrival-import")

    def both_sign(dialog):
        assert dialog.names["deliverer"].text() == "Lê Văn Tài"  # who took the dispatch at the sending office
        dialog.signatures["deliverer"].setText("Lê Văn Tài")
        dialog.signatures["receiver"].setText("Phạm Thu Hà")

    signing(monkeypatch, both_sign)
    result = arrive.record()
    assert result["received"] == [a, b] and result["missing"] == [c] and result["damaged"] == [b]
    text = " ".join(plumber_pages(window.printer.documents[-1][1]))
    assert "BIÊN BẢN NHẬN TÚI THƯ KT1" in text and c in text and "BDDLK" in text
    arrive.import_button.click()  # the same file again: nothing changes, said so
    assert "đã được nạp trước đây" in arrive.message.text()

    # Phát: the inbound item scanned, after hours on a Saturday, with its agency's contact from this directory.
    frozen_now(datetime(2026, 11, 28, 19, 0, tzinfo=clock.VN_TZ))
    page = window.show_page("delivery")
    tab = page.deliver
    tab.refresh()
    assert {r["id"]: r["origin_office"] for r in tab.work_model.rows} == {a: "BDDLK", b: "BDDLK"}
    window.handle_scan(a)
    assert tab.item["id"] == a and "nhận gửi tại BDDLK" in tab.item_box.title()
    assert tab.after_hours.isVisible() and "Trực ban Văn phòng Bộ" in tab.after_hours.text()
    assert tab.carry_button.isEnabled() and tab.deliver_button.isEnabled()
    tab.carrier.setText("Ngô Văn Bình")
    assert tab.carry() and inbound.find(hanoi, a)["status"] == "out_for_delivery"
    looked_at(window, tmp_path, "delivery-inbound")
    window.handle_scan(c)  # missing: nothing may be done with it here yet
    assert not any(button.isEnabled() for button in (tab.carry_button, tab.deliver_button, tab.fail_button,
                                                      tab.return_button))
    # Scanned on another page (Tra cứu knows only this office's items): it opens on Phát.
    window.show_page("lookup")
    window.handle_scan(b)
    assert window.current_page_key() == "delivery" and tab.item["id"] == b


def test_the_two_buttons_and_an_inbound_item_in_english(qtbot, demo_store, clerk, hanoi, open_window, tmp_path,
                                                        monkeypatch, frozen_now):  # noqa: F811
    from kt1desk.life import arrival, transfer
    from kt1desk.qt.app import install_language

    a, b = to_hanoi(demo_store, clerk, 2)
    sent = send(demo_store, clerk, [[a, b]])
    file = tmp_path / "d.kt1b"
    transfer.export(demo_store, sent["id"], file)
    hn_clerk = get_user(hanoi, "gdv1")
    trust(demo_store, hanoi, get_user(hanoi, "admin"))
    install_language("en")
    try:
        shifts.open_shift(hanoi, hn_clerk)
        window = open_window(session_for(hanoi, hn_clerk, printer=Printed(), lang="en"))
        window.resize(1024, 768)
        window.confirm_close = lambda titles: True
        page = window.show_page("bags")
        assert page.dispatch.export_button.text() == "E&xport dispatch file…"
        page.tabs.setCurrentWidget(page.arrival)
        arrive = page.arrival
        assert arrive.import_button.text() == "&Import dispatch file…"
        monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kw: (str(file), ""))
        arrive.import_button.click()
        assert f"Imported dispatch {sent['id']} from BDDLK: 1 bags, 2 items." in arrive.message.text()
        window.handle_scan(a)
        looked_at(window, tmp_path, "arrival-import-en")
        arrive.reset()
        arrival.receive(hanoi, hn_clerk, sent["id"], [a, b])
        page = window.show_page("delivery")
        window.handle_scan(a)
        assert "accepted at BDDLK" in page.deliver.item_box.title()
        assert {r["id"] for r in page.deliver.work_model.rows} == {a, b}
        looked_at(window, tmp_path, "delivery-inbound-en")
    finally:
        install_language("vi")
