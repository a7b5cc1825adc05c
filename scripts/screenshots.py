"""A PNG of every screen of the counter window, on the screen it runs on, into docs/screenshots/<size>/.

    scripts/screenshots.sh                         # every size and language (Xvfb each time)
    xvfb-run -a -s "-screen 0 1024x768x24" uv run python scripts/screenshots.py --lang en

The main window fills the screen as it does on a small one (1024×768, 1366×768); each
screen is drawn with QWidget.grab(). The databases (a demo office, an empty one, an
office on its first day) and the preferences live in a temporary folder, so nothing of
the user's is touched. QT_SCALE_FACTOR=1.25 gives the 125 % set.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PASSWORD = "kt1demo"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", choices=("vi", "en"), default="vi")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="kt1shots-"))
    os.environ["KT1DESK_SETTINGS"] = str(work / "kt1desk.ini")

    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication

    from kt1desk import clock
    from kt1desk.demo import create_demo
    from kt1desk.qt.app import application, build_main_window, close_main_window, install_language
    from kt1desk.qt.login import LoginDialog
    from kt1desk.qt.refusal import RefusalDialog
    from kt1desk.qt.session import Session
    from kt1desk.qt.settings_dialog import SettingsDialog
    from kt1desk.qt.setup_dialog import SetupDialog
    from kt1desk.services import intake as intake_service, manifests, office, users
    from kt1desk.storage import Store

    app = application()
    install_language(args.lang)
    screen = QGuiApplication.primaryScreen()
    size = screen.size()
    scale = os.environ.get("QT_SCALE_FACTOR")
    name = f"{round(size.width() * float(scale or 1))}x{round(size.height() * float(scale or 1))}"
    out = args.out / (name + (f"@{round(float(scale) * 100)}" if scale else ""))
    out.mkdir(parents=True, exist_ok=True)
    suffix = "" if args.lang == "vi" else "-en"
    made: list[Path] = []

    def settle(ms: int = 150) -> None:
        for _ in range(max(1, ms // 10)):
            app.processEvents()
            QApplication.instance().thread().msleep(10)

    def shot(widget, shot_name: str) -> None:
        settle()
        path = out / f"{shot_name}{suffix}.png"
        widget.grab().save(str(path))
        made.append(path)

    def session_of(store, login_name: str) -> Session:
        user = users.authenticate(store, login_name, PASSWORD)
        return Session(store=store, user=user, counter=office.get_counter(store), office=office.get_office(store),
                       lang=args.lang, print_pdf=lambda *_a, **_k: True)

    def fill_setup(dialog) -> None:
        for field, value in dict(office_code="BDPY", office_name="Bưu điện Phú Yên", province="Đắk Lắk",
                                 postal_code="56000", admin_name="Lê Thị Mai", admin_password=PASSWORD,
                                 admin_password2=PASSWORD).items():
            dialog.edits[field].setText(value)

    # -- a real office's first day: setup, then directory and tariff
    empty = Store(work / "empty.sqlite3")
    setup = SetupDialog(empty, lang=args.lang)
    setup.show()
    shot(setup, "01-setup")
    fill_setup(setup)
    setup.edits["admin_password2"].setText("khac")
    setup.create_office()
    shot(setup, "01b-setup-errors")
    setup.edits["admin_password2"].setText(PASSWORD)
    setup.create_office()
    shot(setup, "01c-setup-directory-tariff")
    setup.first_day.use_sample_agencies()  # directory loaded, no tariff yet: intake says so
    setup.close()
    first_day = build_main_window(session_of(empty, "admin"))
    first_day.show()
    intake = first_day.pages["intake"]
    intake.sender_edit.setText("TUDLK")
    intake.recipient_edit.setText("VPCP")
    intake.weight_edit.setText("250")
    shot(first_day, "04b-intake-first-day")
    close_main_window(first_day)
    empty.close()

    # -- a demo office
    store = Store(work / "demo.sqlite3")
    create_demo(store, password=PASSWORD, items=300)
    login = LoginDialog(store, lang=args.lang, office=office.get_office(store), login="gdv1")
    login.show()
    shot(login, "02-login")
    login.password_edit.setText("sai-mat-khau")
    login.try_login()
    shot(login, "03-login-wrong-password")
    login.close()

    window = build_main_window(session_of(store, "gdv1"))
    window.show()
    shot(window, "04-intake-empty")
    intake = window.pages["intake"]
    intake.sender_edit.setText("TUDLK")
    intake.recipient_edit.setText("VPCP")
    intake.weight_edit.setText("1,5")
    intake.weight_unit.setCurrentIndex(1)
    intake.weight_edit.setFocus()
    shot(window, "05-intake-filled")
    intake.save()  # papers go to a printer that accepts everything
    shot(window, "06-intake-saved")
    intake.sender_edit.setText("TUDLK")
    intake.recipient_edit.setText("")
    intake.weight_edit.setText("abc")
    intake.save()
    shot(window, "06b-intake-errors")
    intake.reset(keep_sender=False)
    refusal = RefusalDialog("B", window)
    refusal.show()
    refusal.presenter.setText("Nguyễn Văn Tư, Sở Y tế")
    shot(refusal, "06c-refusal")
    refusal.close()
    window.show_page("lookup")
    settle(600)  # the lookup runs its first query off the GUI thread
    shot(window, "07-lookup")
    item_id = store.scalar("SELECT id FROM items ORDER BY accepted_at DESC LIMIT 1")
    window.open_item(item_id)
    settle(300)
    view = window.pages["lookup"].last_dialog
    shot(view, "08-item-view")
    view.close()
    window.show_page("directory")
    settle(300)
    shot(window, "09-directory")
    window.show_page("sync")
    settle(300)
    shot(window, "13-sync")
    life_screens(window, store, shot, settle)
    window.show_page("intake")
    intake.sender_edit.setText("TUDLK")
    window.lock_now()
    shot(window, "10-lock")
    overlay = window.idle_lock.overlay
    overlay.set_handing_over(True)
    overlay.login.setText("giamsat")
    shot(window, "10b-lock-hand-over")
    overlay.set_handing_over(False)
    overlay.password.setText(PASSWORD)
    overlay.try_unlock()
    close_main_window(window)

    supervisor = session_of(store, "giamsat")
    settings = SettingsDialog(supervisor)
    settings.show()
    shot(settings, "11-settings")
    settings.close()

    # -- the day's manifests, as a supervisor sees them: one closed, its correction, one still open
    for recipient in ("SYT", "TDTN", "CAT", "VPCP", "BTC", "SYT"):
        intake_service.intake(store, supervisor.user, sender="TUDLK", recipient=recipient, kind="thu", weight_g="90")
    today = clock.now().date()
    manifests.prepare(store, supervisor.user, today)
    window = build_main_window(supervisor)
    window.show()
    page = window.show_page("manifests")
    settle(200)
    local = next(m for m in page.manifest_model.rows if m["destination"] == "Đắk Lắk")
    page.select(local["id"])
    page.confirm_close = lambda _m: True
    page.close_selected()
    shot(window, "12-manifests")
    correction = page.correct_selected()
    correction.reason.setText("bưu gửi Sở Y tế trả lại cơ quan gửi" if args.lang == "vi" else "returned to the sender")
    correction.rows.item(0).setCheckState(correction.rows.item(0).checkState().Checked)
    shot(correction, "12b-manifest-correction")
    correction.save()
    settle(200)
    shot(window, "12c-manifest-corrected")
    report_screens(window, shot, settle)
    close_main_window(window)
    store.close()
    for path in made:
        print(path.relative_to(ROOT))
    return 0


def report_screens(window, shot, settle) -> None:
    """Báo cáo as a supervisor sees it: the year's figures, its charts, and the items behind a figure."""
    page = window.show_page("reports")
    page.picker.set_kind("year")
    page.compute()

    def ready() -> bool:
        return page.report is not None and not page.is_busy() and len(page.charts.canvases) == 3

    for _ in range(300):
        if ready():
            break
        settle(100)
    shot(window, "30-reports")
    page.tabs.setCurrentIndex(page.tabs.count() - 1)
    shot(window, "30b-reports-charts")
    page.tabs.setCurrentIndex(0)
    dialog = page.drill("mark:hoa_toc", page.figures.names["mark_hoa_toc"].text())
    for _ in range(100):
        if dialog.model.rowCount():
            break
        settle(50)
    shot(dialog, "30c-reports-drill")
    dialog.close()


def life_screens(window, store, shot, settle) -> None:
    """The item's life: shift, bags (with a bag being filled), dispatch, a bag being received, delivery, complaints."""
    from kt1desk.life import dispatches

    session = window.session
    shift = window.show_page("shift")
    shift.refresh()
    shot(window, "20-shift")
    page = window.show_page("bags")
    waiting = [r["id"] for r in store.all("SELECT id FROM items WHERE status = 'accepted' AND recipient_province = "
                                          "(SELECT province FROM office) ORDER BY accepted_at")]
    tab = page.outgoing
    tab.destination.setCurrentIndex(0)
    tab.open_bag()
    for item_id in waiting:
        window.handle_scan(item_id)
    if waiting:
        window.handle_scan(waiting[0])  # a second scan: said, not added
    tab.seal_edit.setText("NP-2026-0815")
    shot(window, "21-bags")
    if waiting:
        bag = tab.seal()
        page.tabs.setCurrentWidget(page.dispatch)
        page.dispatch.refresh()
        page.dispatch.sealed_view.selectRow(0)
        shot(window, "22-dispatch")
        dispatches.create(store, session.user, [bag["id"]], vehicle="47C-012.34", receiver="Lê Văn Tài")
        page.tabs.setCurrentWidget(page.arrival)
        page.arrival.load(bag["id"])
        for item_id in waiting[:-1]:
            window.handle_scan(item_id)
        shot(window, "23-arrival")
        page.arrival.reset()  # not recorded: nothing left half-done when the window closes
    delivery = window.show_page("delivery")
    received = store.scalar("SELECT id FROM items WHERE status = 'received' ORDER BY deadline LIMIT 1")
    if received:
        window.handle_scan(received)
    shot(window, "24-delivery")
    delivery.tabs.setCurrentWidget(delivery.overdue)
    delivery.overdue.include_away.setChecked(True)
    settle(600)
    shot(window, "25-overdue")
    complaints = window.show_page("complaints")
    complaints.due_only.setChecked(False)
    shot(window, "26-complaints")


if __name__ == "__main__":
    raise SystemExit(main())
