"""Starting the counter program: Qt, the language, the database, first-start setup, login, main window.

``run`` is what ``kt1desk`` (no command) calls. ``build_main_window`` makes the
window for a Session without running the event loop: tests and the screenshot
script use it.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QLocale, QThread, QThreadPool, QTranslator
from PySide6.QtWidgets import QApplication, QMessageBox

from ..dbfile import StorageError
from ..errors import Kt1Error
from ..life import shifts
from ..paths import resource
from ..services import office
from ..storage import Store
from .base import saved_language
from .session import Session, StoreEvents

APP_NAME = "KT1 Desk"
_translators: list[QTranslator] = []


def application() -> QApplication:
    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv[:1])
        app.setApplicationName(APP_NAME)
        app.setOrganizationName("KT1Desk")
    return app


def install_language(lang: str) -> None:
    """Vietnamese is the source language; English comes from resources/translations/kt1desk_en.qm.

    Qt's own strings (Yes/No, OK/Cancel, the file and print dialogs, a field's
    context menu) come from Qt's catalogue in English, and from our own
    resources/translations/qtbase_vi.qm in Vietnamese (Qt ships none). Installing
    sends every widget a LanguageChange event, on which the shell's windows retranslate.
    """
    app = application()
    for old in _translators:
        app.removeTranslator(old)
    _translators.clear()
    ours = str(resource("translations"))
    if lang == "en":
        candidates = [("qtbase_en", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)), ("kt1desk_en", ours)]
    else:
        candidates = [("qtbase_vi", ours)]
    for name, folder in candidates:
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            _translators.append(translator)
    QLocale.setDefault(QLocale(QLocale.Language.English if lang == "en" else QLocale.Language.Vietnamese,
                               QLocale.Country.Vietnam))


def switch_language(session: Session, lang: str) -> None:
    session.lang = lang
    install_language(lang)
    # Every widget gets its LanguageChange now rather than on the next turn of the event loop.
    QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)


def choose_language(lang: str | None) -> str:
    """The language asked for on the command line wins; otherwise what was last chosen in settings; else Vietnamese."""
    if lang in ("vi", "en"):
        return lang
    return saved_language() or "vi"


def build_main_window(session: Session, *, idle_ms: int | None = None, scanner: bool = True):
    """The main window for ``session``, with its idle lock and scanner filter; not shown, no event loop."""
    from .lock import IdleLock
    from .main_window import MainWindow
    from .scanner import ScannerFilter

    application()
    if session.events is None:
        session.events = StoreEvents(session.store)
    window = MainWindow(session)
    window.idle_lock = IdleLock(session, window, interval_ms=idle_ms)
    window.idle_lock.locked_changed.connect(window.set_locked)
    window.idle_lock.user_changed.connect(window.change_user)
    if scanner:
        window.scanner = ScannerFilter(window.handle_scan, enabled=lambda: not window.locked, parent=window)
        QApplication.instance().installEventFilter(window.scanner)
    window.backup_hook = _backup_at_shift_close(window)
    return window


def _backup_at_shift_close(window):
    """A backup into the backup folder at every shift close, off the GUI thread; the outcome is shown,
    a failure (no stick) in a dialog: the shift stays closed either way."""
    from ..backup import hooks
    from ..backup.cli import backup_text
    from .tasks import run_task

    session = window.session

    def failed(err: BaseException) -> None:
        text = err.text(session.lang) if isinstance(err, Kt1Error) else str(err)
        QMessageBox.warning(window, APP_NAME, text)

    def run(job) -> None:
        run_task(window, job, on_error=failed,
                 on_done=lambda done: window.statusBar().showMessage(backup_text(done, session.lang), 15000))

    return hooks.install(session.store, run)


def close_main_window(window) -> None:
    """Take the window's application-wide filters away (tests build many windows in one process)."""
    app = QApplication.instance()
    if window.scanner is not None:
        app.removeEventFilter(window.scanner)
    if window.idle_lock is not None:
        window.idle_lock.detach()
    if window.session.events is not None:
        window.session.events.detach()
    hook = getattr(window, "backup_hook", None)
    if hook in window.session.store.listeners:
        window.session.store.listeners.remove(hook)
    window.ask_before_close = False
    window.close()
    # Work still running off the GUI thread (a status query, a search) ends before the database closes.
    QThreadPool.globalInstance().waitForDone(5000)


def open_session(store: Store, *, lang: str, counter: str | None = None, parent=None) -> Session | None:
    """Setup on an empty database, then login; None when the clerk gives up."""
    from .login import LoginDialog
    from .setup_dialog import SetupDialog

    login, hint = "", ""
    if not office.is_initialised(store):
        setup = SetupDialog(store, lang=lang, parent=parent)
        if not setup.exec():
            return None
        login = setup.login
        if setup.used_demo:
            hint = QCoreApplication.translate(
                "SetupDialog", "Dữ liệu thử có ba tài khoản: admin (quản trị), giamsat (kiểm soát viên), "
                            "gdv1 (giao dịch viên), cùng mật khẩu bạn vừa nhập.")
    the_office = office.get_office(store)
    the_counter = office.get_counter(store, counter)
    dialog = LoginDialog(store, lang=lang, office=the_office, login=login, hint=hint, parent=parent)
    if not dialog.exec() or dialog.user is None:
        return None
    shifts.open_shift(store, dialog.user, the_counter["code"])  # a clerk's shift opens at login on a counter
    return Session(store=store, user=dialog.user, counter=the_counter, office=the_office, lang=lang)


def _show_waiting(lang: str) -> None:
    """Another counter holds the write lock: say so in the status bar while the write waits."""
    from ..errors import MESSAGES

    app = QApplication.instance()
    if app is None or QThread.currentThread() is not app.thread():
        return  # a write off the GUI thread waits without a word; widgets belong to the GUI thread
    window = app.activeWindow()
    bar = window.statusBar() if window is not None and hasattr(window, "statusBar") else None
    if bar is not None:
        vi, en = MESSAGES["db_waiting"]
        bar.showMessage(en if lang == "en" else vi, 5000)
        app.processEvents()


def _preload_printing() -> None:
    from ..printing import label, receipt  # noqa: F401


def run(db_path: str | Path, lang: str | None = None, counter: str | None = None) -> int:
    app = application()
    lang = choose_language(lang)
    install_language(lang)
    try:
        store = Store(db_path)
    except StorageError as err:  # not a database, damaged, empty, no access…: the same words and code as the CLI
        QMessageBox.critical(None, APP_NAME, err.text(lang))
        return err.exit_code
    store.on_wait = lambda: _show_waiting(lang)
    # Load the paper code (reportlab, barcodes) while the clerk types the password,
    # so the first save prints as fast as the next ones.
    QThreadPool.globalInstance().start(_preload_printing)
    try:
        try:
            session = open_session(store, lang=lang, counter=counter)
        except Kt1Error as err:  # e.g. the counter named on the command line does not exist
            QMessageBox.critical(None, APP_NAME, err.text(lang))
            return getattr(err, "exit_code", 2)
        if session is None:
            return 1
        window = build_main_window(session)
        window.show()
        code = app.exec()
        close_main_window(window)
        return code
    finally:
        store.close()
