"""Bảng kê in the window: the day's manifests per destination, preview, print, close (supervisor), correct."""

from __future__ import annotations

import io

import pdfplumber
import pytest
from pages_support import PrintCollector, make_session, show  # noqa: F401 (fixtures)
from shell_support import TEST_SCAN_GAP_MS, open_window, own_preferences, scan, session_for  # noqa: F401

from kt1desk import clock
from kt1desk.qt.manifest_page import ManifestPage
from kt1desk.services import intake, manifests


@pytest.fixture
def today_items(demo_store, clerk):
    """Three items accepted today: to Sở Y tế and Tỉnh đoàn (Đắk Lắk, our province), to VPCP (Hà Nội)."""
    made = [intake.intake(demo_store, clerk, sender="TUDLK", recipient=recipient, kind="thu", weight_g="20",
                          secrecy=secrecy).item["id"]
            for recipient, secrecy in (("SYT", None), ("VPCP", None), ("TDTN", "B"))]
    return made


def page_for(qtbot, demo_store, user, make_session, printer=None) -> ManifestPage:
    page = ManifestPage(make_session(demo_store, user, printer))
    return show(qtbot, page)


def text_of(pdf: bytes) -> str:
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        return " ".join(" ".join(p.extract_text().split()) for p in doc.pages)


def test_a_clerk_lists_the_day_on_manifests_and_prints_one_but_cannot_close(qtbot, demo_store, clerk, today_items,
                                                                           make_session):
    printer = PrintCollector()
    page = page_for(qtbot, demo_store, clerk, make_session, printer)
    assert page.unlisted_label.text() == "3 bưu gửi chưa vào bảng kê"
    assert not hasattr(page, "close_button") and not hasattr(page, "correct_button")
    assert "Kiểm soát viên chốt bảng kê" in " ".join(w.text() for w in page.findChildren(type(page.unlisted_label)))
    ids = page.prepare()
    assert len(ids) == 2  # one per destination province
    assert sorted(m["destination"] for m in page.manifest_model.rows) == ["Hà Nội", "Đắk Lắk"]
    assert page.unlisted_label.text() == "Mọi bưu gửi trong ngày đã vào bảng kê"
    page.select(next(m["id"] for m in page.manifest_model.rows if m["destination"] == "Đắk Lắk"))
    assert [r["id"] for r in page.row_model.rows] == [today_items[0], today_items[2]]
    assert page.row_model.index(1, 7).data() == "B"  # the secrecy letter only
    assert page.print_selected()
    doc_type, pdf, title = printer.documents[-1]
    assert doc_type == "manifest" and title.startswith("Bảng kê BK-20261125-Q01-")
    assert "BẢNG KÊ BƯU GỬI KT1" in text_of(pdf) and today_items[0] in text_of(pdf)
    with pytest.raises(Exception):
        manifests.close(demo_store, clerk, page.selected()["id"])  # the core refuses a clerk too


def test_a_supervisor_previews_closes_and_corrects_with_a_reason(qtbot, demo_store, supervisor, today_items,
                                                                make_session):
    page = page_for(qtbot, demo_store, supervisor, make_session)
    previews = []
    page.show_preview = lambda pdf, title: previews.append((title, pdf))
    page.prepare()
    page.select(next(m["id"] for m in page.manifest_model.rows if m["destination"] == "Đắk Lắk"))
    old_id = page.selected()["id"]
    assert page.print_selected(preview=True)
    assert previews and "CHƯA CHỐT" in text_of(previews[-1][1])
    asked = []
    page.confirm_close = lambda manifest: asked.append(manifest["id"]) or False  # "Không"
    assert not page.close_selected()
    assert page.selected()["status"] == "open"
    page.confirm_close = lambda manifest: True
    assert page.close_selected()
    assert asked == [old_id] and page.selected()["status"] == "closed"
    assert "Đã chốt lúc 25/11/2026" in page.manifest_model.index(
        page.manifest_view.currentIndex().row(), 3).data()
    assert page.correct_button.isEnabled() and not page.close_button.isEnabled()
    dialog = page.correct_selected()
    dialog.save()  # no reason
    assert "Lý do điều chỉnh" in dialog.error.text() and dialog.isVisible()
    dialog.reason.setText("bưu gửi Sở Y tế trả lại cơ quan gửi")
    dialog.rows.item(0).setCheckState(dialog.rows.item(0).checkState().Checked)
    with qtbot.waitSignal(page.loaded):
        dialog.save()
    new = page.selected()
    assert new["corrects"] == old_id and new["status"] == "open"
    assert [r["id"] for r in new["rows"]] == [today_items[2]]
    assert "Lý do điều chỉnh: bưu gửi Sở Y tế trả lại cơ quan gửi" in page.state_label.text()
    old_row = next(m for m in page.manifest_model.rows if m["id"] == old_id)
    assert old_row["corrected_by"] == new["id"]


def test_a_scan_while_a_correction_is_open_adds_the_item_to_it(qtbot, demo_store, supervisor, today_items,
                                                              open_window):
    window = open_window(session_for(demo_store, supervisor))
    page = window.show_page("manifests")
    manifests.prepare(demo_store, supervisor, clock.now().date())
    page.reload()
    page.select(next(m["id"] for m in page.manifest_model.rows if m["destination"] == "Đắk Lắk"))
    page.confirm_close = lambda manifest: True
    page.close_selected()
    dialog = page.correct_selected()
    qtbot.waitExposed(dialog)
    extra = intake.intake(demo_store, supervisor, sender="TUDLK", recipient="SYT", kind="thu", weight_g="30").item["id"]
    dialog.reason.setFocus()
    scan(qtbot, dialog.reason, extra)
    qtbot.waitUntil(lambda: dialog.added == [extra], timeout=2000)
    qtbot.wait(TEST_SCAN_GAP_MS + 30)
    assert dialog.reason.text() == ""  # nothing of the scan in the field that had the focus
    assert window.current_page_key() == "manifests"


def test_the_manifest_page_is_in_the_navigation_as_ctrl_4(qtbot, demo_store, clerk, open_window):
    window = open_window(session_for(demo_store, clerk))
    assert window.nav_buttons["manifests"].text() == "Bảng kê"
    assert "Ctrl+4" in window.nav_buttons["manifests"].toolTip()
