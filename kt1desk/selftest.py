"""``kt1desk selftest``: does this installation work? For an office after installing or upgrading,
and for CI on the built program.

In a fresh database of its own (never the office's), it makes demo data, prints a label to a PDF
with the bundled fonts, loads both translations (ours and Qt's Vietnamese), every Designer form,
builds the main window offscreen with every page, makes a month's report (PDF with
charts, XLSX), and runs ``audit verify`` on worker processes (in the built
program those are the executable started again: this proves ``freeze_support`` works). Prints one
line per check; exit 0 when all pass.
"""

from __future__ import annotations

import os
import secrets
import tempfile
import time
from pathlib import Path


def run(work: Path | None, say) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    work = Path(work) if work else Path(tempfile.mkdtemp(prefix="kt1desk-selftest-"))
    work.mkdir(parents=True, exist_ok=True)
    db = work / "selftest.sqlite3"
    if db.exists():
        raise FileExistsError(db)  # always a fresh database, never someone's data
    started = time.perf_counter()

    from .demo import create_demo
    from .storage import Store

    store = Store(db)
    try:
        made = create_demo(store, password=secrets.token_urlsafe(12), items=3)
        say(f"ok  database {db}: office {made['office']}, {made['items']} items")

        from .printing.label import label_pdf

        item_id = store.scalar("SELECT id FROM items ORDER BY rowid LIMIT 1")
        pdf = work / "label.pdf"
        pdf.write_bytes(label_pdf(store, [item_id]))
        say(f"ok  label {pdf} ({item_id}, {pdf.stat().st_size} bytes)")

        from PySide6.QtCore import QTranslator
        from PySide6.QtWidgets import QWidget

        from .paths import resource, ui_file
        from .qt.app import application, build_main_window, close_main_window
        from .qt.pagekit import load_form
        from .qt.session import Session
        from .services import office, users

        app = application()
        for name in ("kt1desk_en", "qtbase_vi"):
            if not QTranslator(app).load(name, str(resource("translations"))):
                raise RuntimeError(f"translation {name}.qm does not load")
        say("ok  translations kt1desk_en.qm, qtbase_vi.qm")
        forms = sorted(p.name for p in ui_file("intake_page.ui").parent.glob("*.ui"))
        for name in forms:
            load_form(name, QWidget())
        say(f"ok  {len(forms)} forms")
        session = Session(store=store, user=users.get_user(store, "admin"), counter=office.get_counter(store),
                          office=office.get_office(store))
        window = build_main_window(session, scanner=False)
        window.show()
        app.processEvents()
        say(f"ok  main window ({app.platformName()})")
        from .qt.main_window import PAGES, PlaceholderPage

        missing = [key for key, _module, _cls in PAGES if isinstance(window.show_page(key), PlaceholderPage)]
        app.processEvents()
        close_main_window(window)
        if missing:
            raise RuntimeError("pages missing from this installation: " + ", ".join(missing))
        say(f"ok  {len(PAGES)} pages")

        from . import clock
        from .reports.exports import write_xlsx
        from .reports.figures import compute
        from .reports.paper import report_pdf
        from .reports.period import Period

        today = clock.now().date()
        figures = compute(store, Period.month(today.year, today.month))
        report_pdf(figures, work / "report.pdf", "vi")  # with its charts: matplotlib and its fonts are inside
        write_xlsx(figures, work / "report.xlsx", "vi")
        say(f"ok  report {work / 'report.pdf'} ({figures['items']} items, charts), {work / 'report.xlsx'}")

        from .sync import audit

        report = audit.verify(store, parallel_from=1)
        if not report.intact:
            raise RuntimeError("audit verify: " + "; ".join(f.text("en") for f in report.findings))
        say(f"ok  audit verify on worker processes: {report.entries} entries")
    finally:
        store.close()
    say(f"ok  all checks in {time.perf_counter() - started:.1f} s")
    return 0
