"""The pages of the item's life, driven as a clerk and a supervisor would, and looked at as PNGs.

Scans go through ``MainWindow.handle_scan`` as the scanner filter hands them
over. Hand-over dialogs are filled and confirmed for real (only ``exec`` is
skipped); papers go to a collector that keeps the PDFs.
"""

from __future__ import annotations

import sys
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from shell_support import Printed, open_window, own_preferences, session_for  # noqa: F401 (fixtures)

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from life_support import HOME, accept, dispatched  # noqa: E402
from test_paper_support import plumber_pages  # noqa: E402

from kt1desk import clock  # noqa: E402
from kt1desk.life import arrival, bags, complaints, shifts  # noqa: E402
from kt1desk.life.common import signature_png  # noqa: E402
from kt1desk.qt.sign_dialog import SignDialog  # noqa: E402
from kt1desk.services import items  # noqa: E402


def looked_at(widget, tmp_path, name: str) -> Path:
    """The page as a PNG, as a clerk would see it: not blank, at the window's size."""
    path = tmp_path / f"{name}.png"
    assert widget.grab().save(str(path))
    image = QImage(str(path))
    assert image.width() >= 1000 and image.height() >= 700
    colours = {image.pixel(x, y) for x in range(0, image.width(), 37) for y in range(0, image.height(), 29)}
    assert len(colours) > 8, "the page looks empty"
    return path


def signing(monkeypatch, fill):
    """Hand-over dialogs open already filled by ``fill(dialog)`` and confirmed, as the signers would do."""

    def exec_filled(dialog):
        fill(dialog)
        dialog.confirm()
        return dialog.result() == dialog.DialogCode.Accepted

    monkeypatch.setattr(SignDialog, "exec", exec_filled)


@pytest.fixture
def window_as(qtbot, demo_store, open_window):  # noqa: F811 (a fixture)
    def make(user):
        shifts.open_shift(demo_store, user)  # as at login
        printer = Printed()
        window = open_window(session_for(demo_store, user, printer=printer))
        window.resize(1024, 768)
        window.printer = printer
        window.confirm_close = lambda titles: True  # a test left half-way must not wait on a question
        return window

    return make


def test_the_menu_has_the_new_pages_and_keys(qtbot, demo_store, clerk, window_as):
    window = window_as(clerk)
    assert [window.nav_buttons[k].text() for k in ("shift", "bags", "delivery", "complaints")] == \
        ["Ca làm việc", "Túi thư", "Phát", "Khiếu nại"]
    assert window.later_buttons == {}  # Báo cáo is a page of its own now (Ctrl+0)
    for n, key in ((6, "shift"), (7, "bags"), (8, "delivery"), (9, "complaints")):
        qtbot.keyClick(window, str(n), modifier=Qt.KeyboardModifier.ControlModifier)
        assert window.current_page_key() == key


def test_the_shift_page_follows_the_items_and_closes_with_the_cash_counted(qtbot, demo_store, clerk, window_as,
                                                                          tmp_path):
    window = window_as(clerk)
    page = window.show_page("shift")
    shift = shifts.current(demo_store, clerk)
    assert shift["id"] in page.title.text()
    with qtbot.waitSignal(page.refreshed):
        accept(demo_store, clerk, 2)
    fee = demo_store.scalar("SELECT SUM(fee_vnd + vat_vnd) FROM items WHERE shift_id = ?", (shift["id"],))
    assert page.cells["items"].text().startswith("2 ") and page.cells["expected"].text() == f"{fee:,} đ".replace(",", ".")
    looked_at(window, tmp_path, "shift")
    assert page.print_x() and window.printer.documents[-1][0] == "report"
    assert "BÁO CÁO X" in plumber_pages(window.printer.documents[-1][1])[0]

    def count_and_close(shift_row, report):
        from kt1desk.qt.shift_page import CloseShiftDialog

        dialog = CloseShiftDialog(page.session, shift_row, report, page)
        qtbot.addWidget(dialog)
        dialog.counted.setText(f"{fee - 1000:,}".replace(",", "."))
        assert dialog.difference.text() == "−1.000 đ"
        dialog.confirm()
        assert "lý do" in dialog.message.text()  # a difference needs its reason: nothing closed yet
        assert shifts.get_shift(demo_store, shift_row["id"])["status"] == "open"
        dialog.reason.setText("Thiếu tiền lẻ")
        dialog.confirm()
        return dialog.z

    page.ask_close = count_and_close
    z = page.close_shift(page.shift)
    assert z["discrepancy_vnd"] == -1000 and "Đã chốt ca" in page.message.text()
    assert "BÁO CÁO Z" in plumber_pages(window.printer.documents[-1][1])[0]
    assert "Bạn chưa có ca đang mở" in page.title.text()
    page.view.selectRow(next(k for k, r in enumerate(page.model.rows) if r["id"] == shift["id"]))
    page.print_selected()
    assert "BẢN IN LẠI · lần in thứ 2" in plumber_pages(window.printer.documents[-1][1])[0]
    assert shifts.z_prints(demo_store, shift["id"]) == 2


def test_bags_scanned_sealed_and_the_secret_queue(qtbot, demo_store, clerk, supervisor, window_as, tmp_path,
                                                  frozen_now):
    a, b = accept(demo_store, clerk, 2)
    [secret] = accept(demo_store, clerk, secrecy="A")
    frozen_now(frozen_now() + timedelta(minutes=45))
    window = window_as(clerk)
    page = window.show_page("bags")
    tab = page.outgoing
    tab.refresh_queue()
    assert tab.queue_model.rows[-1]["id"] == secret and tab.queue_model.rows[-1]["late"]
    assert "quá thời gian chờ" in tab.queue_title.text() and not tab.threshold.isEnabled()
    tab.destination.setCurrentIndex(tab.destination.findData("BDDLK"))
    bag = tab.open_bag()
    assert bag["destination"] == "BDDLK" and tab.bag["id"] == bag["id"]
    window.handle_scan(a)
    window.handle_scan(secret)
    assert [r["id"] for r in tab.content_model.rows] == [a, secret]
    before = demo_store.scalar("SELECT COUNT(*) FROM journal")
    window.handle_scan(a)  # scanned again: says so, adds nothing
    assert "đã có trong túi này" in tab.message.text() and len(tab.content_model.rows) == 2
    assert demo_store.scalar("SELECT COUNT(*) FROM journal") == before
    tab.scan_edit.setText(b.lower())
    tab.scan_edit.returnPressed.emit()
    assert len(tab.content_model.rows) == 3
    tab.content_view.selectRow(2)
    tab.remove_selected()
    assert [r["id"] for r in tab.content_model.rows] == [a, secret]
    assert items.get_item(demo_store, b)["status"] == "accepted"
    looked_at(window, tmp_path, "bags")
    tab.seal_edit.setText("NP-2026-77")
    closed = tab.seal()
    assert closed["status"] == "closed" and "NP-2026-77" in tab.message.text()
    assert [d[0] for d in window.printer.documents[-2:]] == ["bag_label", "manifest"]
    tab.seal_edit.setText("NP-2026-78")
    assert tab.seal() is None  # a sealed bag cannot be sealed again: its fields are off
    assert not tab.scan_edit.isEnabled()
    [row] = [r for r in tab.queue_model.rows if r["id"] == secret]
    assert row["bag_id"] == bag["id"]


def test_a_dispatch_handed_over_and_received_at_the_destination(qtbot, demo_store, clerk, window_as, tmp_path,
                                                                monkeypatch):
    a, b, c = accept(demo_store, clerk, 3)
    bag_id = bags.open_bag(demo_store, clerk, HOME)["id"]
    bags.add_items(demo_store, clerk, bag_id, [a, b, c])
    bags.close_bag(demo_store, clerk, bag_id, seal_no="NP-9001")
    window = window_as(clerk)
    page = window.show_page("bags")
    page.tabs.setCurrentWidget(page.dispatch)
    tab = page.dispatch
    tab.refresh()
    tab.sealed_view.selectRow(0)
    assert tab.chosen() == [bag_id]

    def fill(bag_ids):
        from kt1desk.life import dispatches

        dialog = SignDialog(tab.session, title="t", summary="s", action="a", fields=[("vehicle", "Xe", "")],
                            signers=[], act=lambda v: dispatches.create(
                                demo_store, clerk, bag_ids, vehicle=v["vehicle"], receiver="Lê Văn Tài",
                                signature="Lê Văn Tám"), parent=tab)
        qtbot.addWidget(dialog)
        dialog.fields["vehicle"].setText("47C-123.45")
        dialog.confirm()
        assert "không khớp" in dialog.message.text()  # the wrong name typed: refused, nothing written
        return None

    tab.ask = fill
    assert tab.dispatch_selected() is None and bags.get_bag(demo_store, bag_id)["status"] == "closed"

    def hand_over(dialog):
        dialog.fields["vehicle"].setText("47C-123.45")
        dialog.names["receiver"].setText("Lê Văn Tài")
        dialog.signatures["receiver"].setText("le van tai")

    signing(monkeypatch, hand_over)
    tab.ask = tab._ask
    done = tab.dispatch_selected()
    assert done["vehicle"] == "47C-123.45" and done["receiver_signature"] == "le van tai"
    assert window.printer.documents[-1][0] == "report" and "BIÊN BẢN GIAO CHUYẾN THƯ" in \
        plumber_pages(window.printer.documents[-1][1])[0]
    looked_at(window, tmp_path, "dispatch")

    page.tabs.setCurrentWidget(page.arrival)
    arrive = page.arrival
    arrive.target_edit.setText(bag_id.lower())
    arrive.target_edit.returnPressed.emit()
    assert arrive.arriving["id"] == bag_id and len(arrive.model.rows) == 3
    window.handle_scan(a)
    window.handle_scan(c)
    window.handle_scan("DK473124829VN")  # not on the manifest, unknown here
    arrive.view.selectRow(1)
    arrive.toggle_damaged()
    assert arrive.counts.text() == "Đã quét 3/3 · thiếu 0 · thừa 1 · hư hỏng 1"  # b in hand: damaged
    assert arrive.has_unsaved_input() and page.has_unsaved_input()
    looked_at(window, tmp_path, "arrival")

    def both_sign(dialog):
        assert dialog.names["deliverer"].text() == "Lê Văn Tài"  # who took the dispatch hands it over
        dialog.signatures["deliverer"].setText("Lê Văn Tài")
        dialog.signatures["receiver"].setText("Nguyễn Văn Hùng")

    signing(monkeypatch, both_sign)
    result = arrive.record()
    assert result["received"] == [a, b, c] and result["missing"] == []  # b is in hand: marked damaged
    assert result["extra"] == ["DK473124829VN"] and b in result["damaged"]
    assert "THỪA DK473124829VN" in arrive.message.text() and arrive.arriving is None
    assert "BIÊN BẢN NHẬN TÚI THƯ KT1" in plumber_pages(window.printer.documents[-1][1])[0]


def test_delivery_with_the_after_hours_contact(qtbot, demo_store, clerk, window_as, tmp_path, frozen_now, monkeypatch):
    a, b = accept(demo_store, clerk, 2)
    arrival.receive(demo_store, clerk, dispatched(demo_store, clerk, [a, b]), [a, b])
    frozen_now(datetime(2026, 11, 25, 18, 30, tzinfo=clock.VN_TZ))
    window = window_as(clerk)
    page = window.show_page("delivery")
    tab = page.deliver
    assert {r["id"] for r in tab.work_model.rows} >= {a, b}
    window.handle_scan(a)
    assert tab.item["id"] == a and tab.carry_button.isEnabled() and not tab.fail_button.isEnabled()
    assert tab.after_hours.isVisible() and "Ông Phạm Quốc Hưng" in tab.after_hours.text()
    assert "0905 111 207" in tab.after_hours.text()
    tab.carrier.setText("Nguyễn Thị Mai")
    assert tab.carry() and items.get_item(demo_store, a)["status"] == "out_for_delivery"
    tab.reason.setCurrentText("Văn thư cơ quan vắng")
    assert tab.fail() and tab.fields["attempts"].text() == "1"
    tab.carry_on_scan.setChecked(True)
    window.handle_scan(a)  # scanned with "send out at once" ticked: out again
    assert items.get_item(demo_store, a)["status"] == "out_for_delivery"
    looked_at(window, tmp_path, "delivery")

    def receiver_signs(dialog):
        dialog.names["receiver"].setText("Hoàng Thị Lan")
        dialog.signatures["receiver"].setText("Hoàng Thị Lan")
        pad = dialog.pads["receiver"].pad
        pad._start(pad.rect().center().toPointF())
        pad._extend(pad.rect().bottomRight().toPointF())
        pad._finish()

    signing(monkeypatch, receiver_signs)
    assert tab.deliver()
    event = items.events(demo_store, a)[-1]
    assert event["kind"] == "delivered" and event["details"]["receiver"] == "Hoàng Thị Lan"
    png = signature_png(demo_store, event["details"]["signature_image"])
    assert png.startswith(b"\x89PNG")
    page.tabs.setCurrentWidget(page.overdue)
    frozen_now(datetime(2026, 11, 30, 9, 0, tzinfo=clock.VN_TZ))
    page.overdue.refresh()
    qtbot.waitUntil(lambda: b in [r["id"] for r in page.overdue.items_model.rows], timeout=5000)
    assert a not in [r["id"] for r in page.overdue.items_model.rows]
    looked_at(window, tmp_path, "overdue")


def test_complaints_lodged_and_answered(qtbot, demo_store, clerk, supervisor, window_as, tmp_path, frozen_now):
    [item_id] = accept(demo_store, clerk)
    frozen_now(datetime(2026, 11, 28, 9, 0, tzinfo=clock.VN_TZ))
    window = window_as(clerk)
    page = window.show_page("complaints")
    assert not page.answer_box.isVisible() and not page.target.isEnabled()
    window.handle_scan(item_id)
    assert page.item_edit.text() == item_id
    page.by_edit.setText("Văn phòng Sở Y tế")
    page.kind.setCurrentIndex(page.kind.findData("damage"))
    assert page.lodge() is None and "chưa được phát" in page.message.text()
    page.item_edit.setText(item_id)
    page.by_edit.setText("Văn phòng Sở Y tế")
    page.kind.setCurrentIndex(page.kind.findData("delay"))
    made = page.lodge()
    assert made["kind"] == "delay" and page.model.rows[0]["id"] == made["id"]
    looked_at(window, tmp_path, "complaints")
    boss = window_as(supervisor).show_page("complaints")
    assert boss.answer_box.isVisible()
    boss.refresh()
    boss.view.selectRow(0)
    boss.outcome.setCurrentIndex(boss.outcome.findData("rejected"))
    boss.answer_text.setText("Phát đúng hạn theo biên bản")
    assert boss.answer()["status"] == "answered"
    assert complaints.register(demo_store, due_only=True) == []


def test_a_supervisor_voids_and_corrects_from_the_item_view(qtbot, demo_store, clerk, supervisor, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    from kt1desk.qt.correction_dialog import CorrectionDialog
    from kt1desk.qt.item_dialog import ItemDialog

    a, b = accept(demo_store, clerk, 2)
    clerk_view = ItemDialog(session_for(demo_store, clerk), a)
    qtbot.addWidget(clerk_view)
    assert not clerk_view.void_button.isVisibleTo(clerk_view)  # a clerk is not offered a supervisor's work
    view = ItemDialog(session_for(demo_store, supervisor), a)
    qtbot.addWidget(view)
    assert view.void_button.isVisibleTo(view)
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *args, **kwargs: ("Nhận trùng", True)))
    assert view.void() and items.get_item(demo_store, a)["status"] == "voided"
    assert view.events_model.rows[-1]["kind"] == "voided" and not view.void_button.isEnabled()
    assert "lý do: Nhận trùng" in view._event_note(view.events_model.rows[-1])
    view = ItemDialog(session_for(demo_store, supervisor), b)
    qtbot.addWidget(view)
    dialog = CorrectionDialog(view.session, view.item, view)
    qtbot.addWidget(dialog)
    dialog.weight.setText("abc")
    dialog.save()
    assert "Khối lượng" in dialog.errors["weight_g"].text() and dialog.errors["reason"].text()
    assert items.get_item(demo_store, b)["weight_g"] == 20  # nothing changed
    dialog.weight.setText("950")
    dialog.reason.setText("Cân lại")
    dialog.save()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert items.get_item(demo_store, b)["weight_g"] == 950
