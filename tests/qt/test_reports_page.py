"""Báo cáo in the window: the period picker, the figures as compute() has them, the items behind a figure,
charts loaded on first use, the PDF and the exports, clerks kept out, both languages."""

from __future__ import annotations

import csv
import io
import subprocess
import sys
import textwrap
from datetime import date, datetime
from pathlib import Path

import pytest
from pages_support import PrintCollector, make_session, show  # noqa: F401 (fixtures)
from PySide6.QtCore import Qt
from shell_support import open_window, own_preferences, session_for, settle_status  # noqa: F401 (fixtures)

from kt1desk import clock
from kt1desk.formats import money, number
from kt1desk.qt.reports_page import ReportsPage
from kt1desk.reports.figures import compute
from kt1desk.reports.period import Period
from kt1desk.services import intake

ROOT = Path(__file__).resolve().parents[2]
NOVEMBER = Period.month(2026, 11)


@pytest.fixture(autouse=True)
def no_work_left_behind():
    """Charts and lists are made on worker threads: none may outlive its test (and its database)."""
    yield
    from PySide6.QtCore import QThreadPool

    QThreadPool.globalInstance().waitForDone(30000)


@pytest.fixture
def known_items(demo_store, clerk, frozen_now):
    """Four items this month on top of the demo's: two Hỏa tốc (one secret B), one Hẹn giờ-free parcel, one free."""
    made = []
    for recipient, kind, weight, secrecy, hoa_toc in (("SYT", "thu", "20", "B", True), ("VPCP", "thu", "90", None, True),
                                                      ("TDTN", "kien", "2500", None, False),
                                                      ("SYT", "goi", "400", "C", False)):
        made.append(intake.intake(demo_store, clerk, sender="TUDLK", recipient=recipient, kind=kind, weight_g=weight,
                                  secrecy=secrecy, hoa_toc=hoa_toc).item["id"])
    return made


def computed_page(qtbot, page: ReportsPage) -> ReportsPage:
    """The page shown; it computes the current month by itself: wait for the figures and the charts."""
    with qtbot.waitSignal(page.computed, timeout=20000):
        show(qtbot, page)
    qtbot.waitUntil(lambda: not page.is_busy(), timeout=20000)
    return page


def page_for(qtbot, store, user, make_session, printer=None) -> ReportsPage:
    return computed_page(qtbot, ReportsPage(make_session(store, user, printer)))


def test_the_month_on_screen_is_what_compute_says_and_what_the_database_holds(qtbot, demo_store, supervisor,
                                                                              known_items, make_session):
    page = page_for(qtbot, demo_store, supervisor, make_session)
    assert page.picker.current_kind() == "month" and page.period == NOVEMBER
    report = compute(demo_store, NOVEMBER)
    shown = page.figures.text_of
    lo, hi = NOVEMBER.bounds()
    sums = demo_store.one("SELECT COUNT(*) AS n, SUM(pieces) AS pieces, SUM(fee_vnd) AS fees, SUM(vat_vnd) AS vat, "
                          "SUM(CASE WHEN hoa_toc THEN 1 ELSE 0 END) AS hoa_toc FROM items "
                          "WHERE accepted_at >= ? AND accepted_at < ? AND status != 'voided'", (lo, hi))
    assert sums["n"] >= 4 and sums["hoa_toc"] >= 2
    assert shown("items") == number(report["items"]) == number(sums["n"])
    assert shown("pieces") == number(report["pieces"]) == number(sums["pieces"])
    assert shown("fees") == money(report["fees_vnd"]) == money(sums["fees"])
    assert shown("vat") == money(report["vat_vnd"]) == money(sums["vat"])
    assert shown("total") == money(report["total_vnd"]) == money(sums["fees"] + sums["vat"])
    assert shown("mark_hoa_toc") == number(report["by_mark"]["hoa_toc"]) == number(sums["hoa_toc"])
    for letter in ("A", "B", "C"):
        assert shown(f"secrecy_{letter}") == number(report["by_secrecy"][letter])
    assert shown("kind_kien") == (f"{number(report['by_kind']['kien']['items'])} bưu gửi · "
                                  f"{money(report['by_kind']['kien']['fees_vnd'])}")
    cash = report["by_payment"]["cash"]
    assert shown("pay_cash") == f"{number(cash['items'])} bưu gửi · {money(cash['total_vnd'])}"
    for key in ("after_hours", "weekends", "holidays", "refusals", "voided"):
        assert shown(key) == number(report[key])
    assert shown("adoption") == (f"{report['agencies_used']}/{report['agencies_eligible']} "
                                 f"({report['adoption_pct']:.1f}%)".replace(".", ","))
    assert "Tháng 11/2026" in page.heading.text() and page.session.office["name"] in page.heading.text()
    senders = {row["code"]: row for row in page.sender_model.rows}
    assert senders == {row["code"]: row for row in report["by_sender"]}
    view, _fitter = page.tables["sender"]
    assert view.model().index(0, 2).data() == number(max(r["items"] for r in report["by_sender"]))  # busiest first
    assert [r["month"] for r in page.month_model.rows] == ["2026-11"]


def test_an_office_without_deliveries_or_complaints_reads_no_data_never_zero(qtbot, demo_store, supervisor,
                                                                            make_session):
    # The life=False demo: no delivery attempt, no complaint ever recorded.
    assert demo_store.scalar("SELECT COUNT(*) FROM item_events WHERE kind IN ('delivered', 'delivery_failed')") == 0
    assert demo_store.scalar("SELECT COUNT(*) FROM complaints") == 0
    page = page_for(qtbot, demo_store, supervisor, make_session)
    assert page.report["on_time"] is None and page.report["complaints"] is None
    for key in ("on_time", "late", "complaints", "compensation"):
        assert page.figures.text_of(key) == "Không có số liệu"
        assert not page.figures.values[key].isEnabled()  # nothing to list
    assert page.figures.text_of("refusals") == "0"  # a count the office does keep stays a number


def test_enter_in_the_picker_computes_the_period_typed_and_a_wrong_range_is_said(qtbot, demo_store, supervisor,
                                                                                make_session):
    page = page_for(qtbot, demo_store, supervisor, make_session)
    page.picker.set_kind("quarter")
    assert page.picker.part.currentText() == "Quý IV"  # November is in the fourth quarter
    page.picker.year.setFocus()
    with qtbot.waitSignal(page.computed, timeout=20000):
        qtbot.keyClick(page.picker.year, Qt.Key.Key_Return)
        assert page.is_busy() and page.busy.isVisibleTo(page)  # the window goes on while it computes
    assert page.period == Period.quarter(2026, 4) and "Quý IV/2026" in page.heading.text()
    qtbot.waitUntil(lambda: not page.is_busy(), timeout=20000)
    assert page.busy.isHidden()
    page.picker.set_period("range", start=date(2026, 11, 20), end=date(2026, 11, 1))
    assert not page.compute()
    assert "01/11/2026" in page.message.text() and page.period == Period.quarter(2026, 4)  # the last report stays


def test_the_charts_load_matplotlib_on_first_use_not_at_start_up(tmp_path):
    """In a process of its own: the test run may have imported matplotlib already."""
    script = textwrap.dedent(f"""
        import os, sys, time
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        os.environ["KT1DESK_SETTINGS"] = {str(tmp_path / "kt1desk.ini")!r}
        from kt1desk.demo import create_demo
        from kt1desk.qt.app import application, build_main_window, close_main_window
        from kt1desk.qt.session import Session
        from kt1desk.services import office, users
        from kt1desk.storage import Store
        app = application()
        store = Store({str(tmp_path / "kt1.sqlite3")!r})
        create_demo(store, password="kt1-test-pass", items=30, life=False)
        user = users.authenticate(store, "giamsat", "kt1-test-pass")
        session = Session(store=store, user=user, counter=office.get_counter(store), office=office.get_office(store))
        window = build_main_window(session)
        window.show()
        for key in ("lookup", "manifests", "shift"):
            window.show_page(key)
        app.processEvents()
        assert "matplotlib" not in sys.modules, "matplotlib at start-up"
        page = window.show_page("reports")
        deadline = time.monotonic() + 60
        while (page.is_busy() or len(page.charts.canvases) < 3) and time.monotonic() < deadline:
            app.processEvents()
            time.sleep(0.01)
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
        assert sorted(page.charts.canvases) == ["adoption", "marks", "volume"], page.charts.note.text()
        assert all(isinstance(c, FigureCanvasQTAgg) for c in page.charts.canvases.values())
        print("OK", page.charts.figures["volume"].axes[0].get_title(loc="left"))
        close_main_window(window)
    """)
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "OK" in done.stdout and "Tháng" in done.stdout


def test_a_clerk_finds_a_note_not_the_figures(qtbot, demo_store, clerk, make_session):
    page = show(qtbot, ReportsPage(make_session(demo_store, clerk)))
    assert not page.allowed and not hasattr(page, "picker")
    assert "chỉ dành cho kiểm soát viên" in page.refused.text()
    assert page.refused.isVisible()
    assert not page.compute() and page.report is None
    assert page.carry() == {}


def test_an_admin_sees_the_reports_too(qtbot, demo_store, admin, make_session):
    page = page_for(qtbot, demo_store, admin, make_session)
    assert page.report is not None and page.preview_button.isEnabled()


def test_the_page_fits_1024_by_768_and_switches_to_english_with_the_same_report(qtbot, demo_store, supervisor,
                                                                              open_window, tmp_path):
    from kt1desk.qt.settings_dialog import SettingsDialog

    session = session_for(demo_store, supervisor)
    window = open_window(session)
    window.resize(1024, 768)
    page = window.show_page("reports")
    qtbot.waitUntil(lambda: page.report is not None and not page.is_busy() and len(page.charts.canvases) == 3,
                    timeout=30000)
    assert window.current_page_key() == "reports" and window.nav_buttons["reports"].isChecked()
    scroll = window.page_scroll
    assert page.width() <= scroll.viewport().width()  # nothing cut off sideways at 1024 pixels
    assert page.figures.column_count == 2
    window.grab().save(str(tmp_path / "reports-1024.png"))
    assert assert_mnemonics_unique(page)
    made_at = page.report["generated_at"]
    dialog = SettingsDialog(session, window)
    qtbot.addWidget(dialog)
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    dialog.save()
    settle_status(qtbot, window)
    english = window.pages["reports"]
    assert english is not page and window.current_page_key() == "reports"
    assert english.report["generated_at"] == made_at  # the same report, not computed again
    assert english.heading.text().startswith("November 2026")
    assert english.figures.names["items"].text() == "Items accepted"
    assert english.figures.text_of("on_time") == "No data"
    assert english.tabs.tabText(0) == "Figures" and english.preview_button.text() == "&View PDF…"
    assert assert_mnemonics_unique(english)
    qtbot.waitUntil(lambda: len(english.charts.canvases) == 3, timeout=30000)
    assert english.charts.figures["volume"].axes[0].get_title(loc="left").endswith("November 2026")
    window.grab().save(str(tmp_path / "reports-1024-en.png"))


def test_the_charts_stack_on_a_narrow_page_and_sit_side_by_side_on_a_wide_one(qtbot, demo_store, supervisor,
                                                                            make_session):
    page = page_for(qtbot, demo_store, supervisor, make_session)
    qtbot.waitUntil(lambda: len(page.charts.canvases) == 3, timeout=30000)
    page.tabs.setCurrentIndex(page.tabs.count() - 1)
    grid = page.charts.grid

    def row_of(name):
        return grid.getItemPosition(grid.indexOf(page.charts.canvases[name]))[0]

    page.resize(1400, 900)
    qtbot.waitUntil(lambda: page.charts.width() > 1200)
    assert row_of("marks") == row_of("adoption") > row_of("volume")
    page.resize(850, 700)
    qtbot.waitUntil(lambda: page.charts.width() < 900)
    assert row_of("volume") < row_of("marks") < row_of("adoption")


def test_the_period_picker_keeps_the_time_of_year_across_kinds(qtbot, frozen_now):
    from kt1desk.qt.report_period import PeriodPicker

    frozen_now(datetime(2019, 5, 7, 9, 0, tzinfo=clock.VN_TZ))
    picker = PeriodPicker()
    qtbot.addWidget(picker)
    assert picker.period() == Period.month(2019, 5)
    picker.set_kind("half")
    assert picker.period() == Period.half(2019, 1)
    picker.set_kind("quarter")
    assert picker.period() == Period.quarter(2019, 2)
    picker.set_kind("year")
    assert picker.period() == Period.year(2019) and picker.part.isHidden()
    picker.set_kind("day")
    assert picker.period() == Period.day(date(2019, 5, 1))
    picker.set_period("range", start=date(2019, 1, 1), end=date(2019, 3, 31))
    assert picker.period() == Period.range(date(2019, 1, 1), date(2019, 3, 31))
    state = picker.state()
    picker.set_kind("month")
    picker.set_state(state)
    assert picker.period() == Period.range(date(2019, 1, 1), date(2019, 3, 31))


def assert_mnemonics_unique(page) -> bool:
    """Each Alt+letter of the page does one thing (buttons, and labels of the fields they name)."""
    import re

    from PySide6.QtWidgets import QAbstractButton, QLabel

    texts = [b.text() for b in page.findChildren(QAbstractButton) if b.isVisibleTo(page)]
    texts += [label.text() for label in page.findChildren(QLabel) if label.buddy() is not None]
    letters = [m.group(1).lower() for text in texts for m in [re.search(r"&([^&\s])", text)] if m]
    assert len(letters) == len(set(letters)) and letters, (texts, letters)
    return True


def read_csv(path: Path) -> list[list[str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the BOM spreadsheet programs need for Vietnamese
    return list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))


def test_clicking_a_figure_lists_exactly_its_items_and_enter_opens_one(qtbot, demo_store, supervisor, known_items,
                                                                       make_session):
    page = page_for(qtbot, demo_store, supervisor, make_session)
    lo, hi = NOVEMBER.bounds()
    expected = [r["id"] for r in demo_store.all(
        "SELECT id FROM items WHERE accepted_at >= ? AND accepted_at < ? AND status != 'voided' AND hoa_toc = 1 "
        "ORDER BY accepted_at, id", (lo, hi))]
    assert set(known_items[:2]) <= set(expected)
    button = page.figures.values["mark_hoa_toc"]
    assert button.isEnabled() and button.text() == number(len(expected))
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dialog = page.drill_dialog
    assert dialog is not None and dialog.key == "mark:hoa_toc"
    qtbot.waitUntil(lambda: dialog.model.rowCount() == len(expected), timeout=20000)
    assert sorted(r["id"] for r in dialog.rows()) == sorted(expected)
    assert dialog.windowTitle() == "Hỏa tốc — Tháng 11/2026"
    assert dialog.count_label.text() == f"{len(expected)} dòng"
    first = dialog.rows()[0]["id"]
    dialog.view.setFocus()
    dialog.view.selectRow(0)
    qtbot.keyClick(dialog.view, Qt.Key.Key_Return)
    assert dialog.item_view is not None and dialog.item_view.isVisible() and dialog.item_view.item_id == first
    dialog.item_view.close()
    second = dialog.rows()[1]["id"]
    rect = dialog.view.visualRect(dialog.view.model().index(1, 0))
    qtbot.mouseClick(dialog.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())  # as a mouse does:
    qtbot.mouseDClick(dialog.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())  # press, then double
    assert dialog.item_view.isVisible() and dialog.item_view.item_id == second  # the same item window, reused
    dialog.item_view.close()
    dialog.filter_edit.setText(known_items[0])
    assert [r["id"] for r in dialog.rows()] == [known_items[0]]
    dialog.close()


def test_enter_on_a_figure_and_on_a_sender_row_lists_their_items(qtbot, demo_store, supervisor, known_items,
                                                                  make_session):
    page = page_for(qtbot, demo_store, supervisor, make_session)
    page.figures.values["secrecy_B"].setFocus()
    qtbot.keyClick(page.figures.values["secrecy_B"], Qt.Key.Key_Return)
    dialog = page.drill_dialog
    qtbot.waitUntil(lambda: dialog.model.rowCount() == page.report["by_secrecy"]["B"] > 0, timeout=20000)
    assert dialog.key == "secrecy:B" and all(r["secrecy"] == "B" for r in dialog.rows())
    assert known_items[0] in [r["id"] for r in dialog.rows()]
    assert len(dialog.rows()) == page.report["by_secrecy"]["B"]
    dialog.close()
    page.tabs.setCurrentIndex(1)
    view, _fitter = page.tables["sender"]
    view.setFocus()
    view.selectRow(0)
    code = view.currentIndex().siblingAtColumn(0).data()
    qtbot.keyClick(view, Qt.Key.Key_Return)
    dialog = page.drill_dialog
    assert dialog.key == f"sender:{code}"
    qtbot.waitUntil(lambda: dialog.model.rowCount() > 0, timeout=20000)
    assert {r["sender_code"] for r in dialog.rows()} == {code}
    assert len(dialog.rows()) == next(r["items"] for r in page.report["by_sender"] if r["code"] == code)
    dialog.close()


def test_the_adoption_figure_lists_the_eligible_agencies_with_their_items(qtbot, demo_store, supervisor, make_session):
    page = page_for(qtbot, demo_store, supervisor, make_session)
    dialog = page.drill("agencies:eligible", "Cơ quan sử dụng dịch vụ")
    qtbot.waitUntil(lambda: dialog.model.rowCount() > 0, timeout=20000)
    rows = dialog.rows()
    assert len(rows) == page.report["agencies_eligible"]
    assert sum(1 for r in rows if r["items"]) == page.report["agencies_used"]
    assert dialog.model.headerData(1, Qt.Orientation.Horizontal) == "Cơ quan"
    dialog.close()


def pdf_text(pdf: bytes) -> str:
    import pdfplumber

    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        return " ".join(" ".join((p.extract_text() or "").split()) for p in doc.pages)


def test_the_pdf_is_previewed_and_printed_through_the_session(qtbot, demo_store, supervisor, known_items,
                                                             make_session):
    printer = PrintCollector()
    page = page_for(qtbot, demo_store, supervisor, make_session, printer)
    previews = []
    page.show_preview = lambda pdf, title: previews.append((title, pdf))
    assert page.make_pdf(preview=True)
    qtbot.waitUntil(lambda: bool(previews), timeout=60000)
    title, pdf = previews[-1]
    assert title == "Báo cáo Tháng 11/2026" and pdf.startswith(b"%PDF")
    text = pdf_text(pdf)
    assert "Tháng 11/2026" in text and number(page.report["items"]) in text
    assert page.make_pdf(preview=False)
    qtbot.waitUntil(lambda: bool(printer.documents), timeout=60000)
    doc_type, printed, title = printer.documents[-1]
    assert doc_type == "report" and title == "Báo cáo Tháng 11/2026" and printed.startswith(b"%PDF")
    assert page.message.text() == "Đã in Báo cáo Tháng 11/2026."


def test_csv_and_excel_are_saved_where_the_dialog_says_and_read_back(qtbot, demo_store, supervisor, known_items,
                                                                      make_session, tmp_path):
    from openpyxl import load_workbook

    page = page_for(qtbot, demo_store, supervisor, make_session)
    report = page.report
    asked = []
    page.ask_save_path = lambda kind, suggested: asked.append((kind, suggested)) or str(tmp_path / "thang-11")
    with qtbot.waitSignal(page.exported, timeout=30000) as saved:
        assert page.export("csv") == str(tmp_path / "thang-11.csv")  # the extension added
    assert saved.args == [str(tmp_path / "thang-11.csv")]
    assert asked[-1][0] == "csv" and asked[-1][1].endswith("bao-cao-2026-11-01-2026-11-30.csv")
    rows = read_csv(tmp_path / "thang-11.csv")
    figures = {row[0]: row[1] for row in rows if len(row) >= 2}
    assert figures["Số bưu gửi"] == str(report["items"]) and figures["Kỳ báo cáo"] == "Tháng 11/2026"
    assert figures["Tỷ lệ đúng hạn (%)"] == "không có số liệu"  # never 0
    busiest = report["by_sender"][0]
    assert [busiest["code"], busiest["name"], str(busiest["items"])] in [row[:3] for row in rows]
    assert page.message.text() == f"Đã lưu {tmp_path / 'thang-11.csv'}"

    page.ask_save_path = lambda kind, suggested: str(tmp_path / "thang-11.xlsx")
    with qtbot.waitSignal(page.exported, timeout=30000):
        page.export("xlsx")
    book = load_workbook(tmp_path / "thang-11.xlsx")
    summary = {row[0]: row[1] for row in book["Tổng hợp"].iter_rows(values_only=True)}
    assert summary["Số bưu gửi"] == report["items"] and isinstance(summary["Số bưu gửi"], int)
    assert summary["Tổng cộng (đ)"] == report["total_vnd"]
    senders = list(book["Theo cơ quan gửi"].iter_rows(values_only=True))[1:]
    assert [(r[0], r[2]) for r in senders] == [(s["code"], s["items"]) for s in report["by_sender"]]


def test_a_file_that_cannot_be_written_is_said_plainly_and_a_cancel_writes_nothing(qtbot, demo_store, supervisor,
                                                                                  make_session, tmp_path):
    page = page_for(qtbot, demo_store, supervisor, make_session)
    before = sorted(tmp_path.iterdir())
    page.ask_save_path = lambda kind, suggested: None  # the user closed the file dialog
    assert page.export("csv") is None and sorted(tmp_path.iterdir()) == before
    assert not page.message.text()
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where a folder should be")
    target = blocker / "bao-cao.xlsx"
    page.ask_save_path = lambda kind, suggested: str(target)
    with qtbot.waitSignal(page.exported, timeout=30000) as saved:
        page.export("xlsx")
    assert saved.args == [""] and not target.exists()
    assert page.message.text().startswith(f"Không ghi được tệp «{target}»")
    assert page.message.isVisible() and "Traceback" not in page.message.text()
    assert page.csv_button.isEnabled() and not page.is_busy()  # the page goes on


def test_an_item_saved_after_the_report_marks_it_out_of_date_until_computed_again(qtbot, demo_store, supervisor,
                                                                                 clerk, make_session):
    page = page_for(qtbot, demo_store, supervisor, make_session)
    items_before = page.report["items"]
    assert "đã có thay đổi" not in page.heading.text()
    with qtbot.waitSignal(page.session.events.changed, timeout=10000):
        intake.intake(demo_store, clerk, sender="TUDLK", recipient="SYT", kind="thu", weight_g="20")
    assert "đã có thay đổi, nhấn Tính để cập nhật" in page.heading.text()
    assert page.figures.text_of("items") == number(items_before)  # the figures shown are not changed under the eye
    with qtbot.waitSignal(page.computed, timeout=20000):
        qtbot.keyClick(page.compute_button, Qt.Key.Key_Space)
    assert page.figures.text_of("items") == number(items_before + 1)
    assert "đã có thay đổi" not in page.heading.text()


def test_a_month_of_the_year_lists_its_items(qtbot, demo_store, supervisor, known_items, make_session):
    page = page_for(qtbot, demo_store, supervisor, make_session)
    page.picker.set_kind("year")
    with qtbot.waitSignal(page.computed, timeout=20000):
        page.compute()
    assert [r["month"] for r in page.month_model.rows] == [f"2026-{m:02d}" for m in range(1, 13)]  # zeros kept
    page.tabs.setCurrentIndex(3)
    view, _fitter = page.tables["month"]
    november = next(r for r in page.month_model.rows if r["month"] == "2026-11")
    view.setFocus()
    view.selectRow(10)
    assert view.currentIndex().data() == "11/2026"
    qtbot.keyClick(view, Qt.Key.Key_Return)
    dialog = page.drill_dialog
    assert dialog.key == "month:2026-11" and dialog.windowTitle() == "Tháng 11/2026 — Năm 2026"
    qtbot.waitUntil(lambda: dialog.model.rowCount() == november["items"], timeout=20000)
    assert set(known_items) <= {r["id"] for r in dialog.rows()}
    dialog.close()
