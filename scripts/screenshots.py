"""A PNG of every screen of the counter window, with a fresh demo database, into docs/screenshots/.

    xvfb-run -a -s "-screen 0 1366x768x24" uv run python scripts/screenshots.py [--lang en]

Each screen is drawn with QWidget.grab(); the database and the preferences
live in a temporary folder, so nothing of the user's is touched.
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

    from PySide6.QtWidgets import QApplication

    from kt1desk.demo import create_demo
    from kt1desk.qt.app import application, build_main_window, close_main_window, install_language
    from kt1desk.qt.login import LoginDialog
    from kt1desk.qt.session import Session
    from kt1desk.qt.settings_dialog import SettingsDialog
    from kt1desk.qt.setup_dialog import SetupDialog
    from kt1desk.services import office, users
    from kt1desk.storage import Store

    app = application()
    install_language(args.lang)
    out = args.out
    out.mkdir(parents=True, exist_ok=True)
    suffix = "" if args.lang == "vi" else "-en"
    made: list[Path] = []

    def settle(ms: int = 150) -> None:
        for _ in range(max(1, ms // 10)):
            app.processEvents()
            QApplication.instance().thread().msleep(10)

    def shot(widget, name: str) -> None:
        settle()
        path = out / f"{name}{suffix}.png"
        widget.grab().save(str(path))
        made.append(path)

    # -- first start on an empty database
    empty = Store(work / "empty.sqlite3")
    setup = SetupDialog(empty, lang=args.lang)
    setup.show()
    shot(setup, "01-setup")
    setup.close()
    empty.close()

    store = Store(work / "demo.sqlite3")
    create_demo(store, password=PASSWORD, items=300)
    the_office = office.get_office(store)
    login = LoginDialog(store, lang=args.lang, office=the_office, login="gdv1")
    login.show()
    shot(login, "02-login")
    login.password_edit.setText("sai-mat-khau")
    login.try_login()
    shot(login, "03-login-wrong-password")
    login.close()

    def session_of(login_name: str) -> Session:
        user = users.authenticate(store, login_name, PASSWORD)
        return Session(store=store, user=user, counter=office.get_counter(store), office=the_office,
                       lang=args.lang, print_pdf=lambda *_a, **_k: True)

    session = session_of("gdv1")
    window = build_main_window(session)
    window.resize(1366, 740)
    window.show()
    shot(window, "04-intake-empty")
    intake = window.pages["intake"]
    if hasattr(intake, "sender_edit"):
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
        if hasattr(intake, "save"):
            intake.save()
        shot(window, "06b-intake-errors")
        intake.reset(keep_sender=False)
    window.show_page("lookup")
    settle(600)  # the lookup runs its first query off the GUI thread
    shot(window, "07-lookup")
    item_id = store.scalar("SELECT id FROM items ORDER BY accepted_at DESC LIMIT 1")
    window.open_item(item_id)
    settle(300)
    view = getattr(window.pages["lookup"], "last_dialog", None)
    if view is not None:
        shot(view, "08-item-view")
        view.close()
    window.show_page("directory")
    settle(300)
    shot(window, "09-directory")
    window.show_page("sync")
    settle(300)
    shot(window, "12-sync")
    window.show_page("intake")
    intake.sender_edit.setText("TUDLK") if hasattr(intake, "sender_edit") else None
    window.lock_now()
    shot(window, "10-lock")
    window.idle_lock.overlay.password.setText(PASSWORD)
    window.idle_lock.overlay.try_unlock()
    close_main_window(window)

    supervisor = session_of("giamsat")
    settings = SettingsDialog(supervisor)
    settings.show()
    shot(settings, "11-settings")
    settings.close()
    store.close()
    for path in made:
        print(path.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
