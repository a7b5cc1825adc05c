"""The Báo cáo page over a big year: how long the figures take to appear, and how long the window stalls meanwhile.

    python bench/bench_reports_page.py --base /tmp/kt1-1m-1y.sqlite3      # an existing big database (copied)
    python bench/bench_reports_page.py --db /tmp/kt1-1m-1y.sqlite3        # or read where it is
    python bench/bench_reports_page.py --items 200000 --years 1          # or one built here (bench/make_big_db.py)

Figures, each with its floor measured in the same run on the same database:

- Page compute: from ``ReportsPage.compute()`` to the figures on screen, against
  ``figures.compute`` called directly (the floor: the page adds a thread, a second
  connection and the drawing of the figures and tables).
- Window stall while computing: the longest gap between ticks of a 10 ms timer on
  the GUI thread, against the longest gap of the same timer over an idle loop of
  the same length (the floor). Measured with the window's own reads going on as
  they do in the program (``StoreEvents`` asks the store for other processes'
  commits every few seconds; here every 100 ms so the run cannot miss one), once as
  the page does it (a connection of its own) and once reading on the window's
  connection, to show what the second connection buys.

Offscreen; asserts nothing about time. Run it twice: the machine's two cores are shared.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
for p in (str(ROOT), str(ROOT / "bench")):
    if p not in sys.path:
        sys.path.insert(0, p)
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def seconds(value: float) -> str:
    return f"{value:.2f} s"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", type=Path, help="a big database to copy (bench/make_big_db.py)")
    parser.add_argument("--db", type=Path, help="a big database to read where it is (nothing is written to it)")
    parser.add_argument("--items", type=int, default=200_000)
    parser.add_argument("--years", type=float, default=1.0)
    parser.add_argument("--year", type=int, help="the year to report (default: the newest item's)")
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="kt1-bench-reports-"))
    os.environ["KT1DESK_SETTINGS"] = str(work / "kt1desk.ini")
    path = work / "kt1.sqlite3"
    if args.db:
        path = args.db
    elif args.base:
        shutil.copyfile(args.base, path)
    else:
        from make_big_db import build

        print(f"building {args.items:,} items over {args.years} year(s)…")
        build(path, args.items, years=args.years)

    from PySide6.QtCore import QElapsedTimer, QTimer
    from PySide6.QtWidgets import QApplication

    from kt1desk.qt import reports_page
    from kt1desk.qt.app import application
    from kt1desk.qt.session import Session
    from kt1desk.reports.figures import compute
    from kt1desk.reports.period import Period
    from kt1desk.services import office, users
    from kt1desk.storage import Store

    app = application()
    store = Store(path)
    year = args.year or int(store.scalar("SELECT MAX(accepted_at) FROM items")[:4])
    period = Period.year(year)
    items = store.scalar("SELECT COUNT(*) FROM items WHERE accepted_at >= ? AND accepted_at < ?", period.bounds())
    print(f"year {year}: {items:,} items in the period, "
          f"{store.scalar('SELECT COUNT(*) FROM items'):,} in the database")
    supervisor = users.get_user(store, "giamsat")
    session = Session(store=store, user=supervisor, counter=office.get_counter(store), office=office.get_office(store))

    def floor() -> float:
        start = time.perf_counter()
        compute(store, period)
        return time.perf_counter() - start

    def watch(run, *, poll_store: bool) -> tuple[float, float]:
        """Run ``run(done)`` with the GUI loop going; (seconds until done() is called, longest gap between ticks)."""
        gaps, clock_ = [0], QElapsedTimer()
        clock_.start()
        last = [clock_.elapsed()]

        def tick():
            now = clock_.elapsed()
            gaps[0] = max(gaps[0], now - last[0])
            last[0] = now

        timer, poll = QTimer(), QTimer()
        timer.setInterval(10)
        timer.timeout.connect(tick)
        poll.setInterval(100)
        poll.timeout.connect(store.data_version)  # what StoreEvents does every few seconds
        finished: list[float] = []
        start = time.perf_counter()
        timer.start()
        if poll_store:
            poll.start()
        run(lambda: finished.append(time.perf_counter() - start))
        while not finished:
            app.processEvents()
            time.sleep(0.002)
        timer.stop()
        poll.stop()
        return finished[0], gaps[0] / 1000

    def idle(length: float):
        def run(done):
            QTimer.singleShot(int(length * 1000), done)
        return run

    def page_compute(done):
        page = reports_page.ReportsPage(session)
        page._first_shown = True  # not shown: no compute of its own
        page.picker.set_kind("year")
        page.picker.year.setValue(year)
        page.computed.connect(done)
        page.charts.show_report = lambda report: None  # the charts are matplotlib's time, not the page's
        page.compute()
        page._bench_keep = page  # noqa: SLF001

    @contextmanager
    def shared_connection():
        original = reports_page.own_reader

        @contextmanager
        def same(store_):
            yield store_

        reports_page.own_reader = same
        try:
            yield
        finally:
            reports_page.own_reader = original

    floor()  # warm the cache for both
    for round_ in (1, 2):
        base = floor()
        took, _gap = watch(page_compute, poll_store=False)
        _t, idle_gap = watch(idle(took), poll_store=True)
        _t, own_gap = watch(page_compute, poll_store=True)
        with shared_connection():
            _t, shared_gap = watch(page_compute, poll_store=True)
        print(f"round {round_}:")
        print(f"  page compute            {seconds(took)}   floor figures.compute {seconds(base)}   "
              f"ratio {took / base:.2f}")
        print(f"  longest GUI stall       own connection {seconds(own_gap)}   idle floor {seconds(idle_gap)}   "
              f"ratio {own_gap / max(idle_gap, 1e-3):.2f}")
        print(f"  (on the window's connection the stall would be {seconds(shared_gap)})")
    QApplication.processEvents()
    store.close()
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
