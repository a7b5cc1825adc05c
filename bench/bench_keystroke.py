"""Intake form at the counter: keystroke-to-feedback and save-to-ready, against a bare keystroke.

    python bench/bench_keystroke.py                  # 100,000 items (built once, cached in --cache)
    python bench/bench_keystroke.py --items 1000000

Measured on the real IntakePage, offscreen, on a copy of a big demo database:

* floor — one key into a bare QLineEdit (the cost of Qt's key delivery itself);
* weight key — a digit typed into the weight field until the fee label shows the new fee
  (``quote()`` runs on every change);
* agency key — a letter typed into the recipient field: folded suggestions plus ``quote()``;
* save-to-ready — Ctrl+Enter until the item is stored, label and receipt made and handed to
  the printer (a collector here), and the form is empty with the focus in the recipient.

Goal (issue 4): feedback and save-to-ready under 100 ms. Prints medians and p95 in ms;
asserts nothing about time.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
for p in (str(ROOT), str(ROOT / "bench")):
    if p not in sys.path:
        sys.path.insert(0, p)

from make_big_db import build  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QLineEdit  # noqa: E402

from kt1desk.qt.intake_page import IntakePage  # noqa: E402
from kt1desk.qt.session import Session, StoreEvents  # noqa: E402
from kt1desk.services import office, users  # noqa: E402
from kt1desk.storage import Store  # noqa: E402


def ms(samples: list[float]) -> str:
    samples = sorted(samples)
    p95 = samples[min(len(samples) - 1, int(len(samples) * 0.95))]
    return f"median {statistics.median(samples) * 1000:7.2f} ms   p95 {p95 * 1000:7.2f} ms   (n={len(samples)})"


def timed(action) -> float:
    started = time.perf_counter()
    action()
    QApplication.processEvents()
    return time.perf_counter() - started


def database(args) -> Path:
    if args.db:
        return args.db
    args.cache.mkdir(parents=True, exist_ok=True)
    cached = args.cache / f"keystroke-{args.items}.sqlite3"
    if not cached.exists():
        build(cached, args.items, verbose=True)
    work = Path(tempfile.mkdtemp()) / "kt1.sqlite3"
    shutil.copy(cached, work)  # saves go to a copy: every run starts alike
    return work


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--items", type=int, default=100_000)
    parser.add_argument("--cache", type=Path, default=Path("/tmp/kt1desk-bench"))
    parser.add_argument("--db", type=Path, help="use this database (it is written to)")
    parser.add_argument("--keys", type=int, default=300)
    parser.add_argument("--saves", type=int, default=100)
    args = parser.parse_args()

    app = QApplication.instance() or QApplication(sys.argv)
    store = Store(database(args))
    printed: list[tuple[str, int]] = []

    def collector(_parent, pdf: bytes, *, doc_type: str, title: str) -> bool:
        printed.append((doc_type, len(pdf)))
        return True

    session = Session(store=store, user=users.get_user(store, "gdv1"), counter=office.get_counter(store),
                      office=office.get_office(store), events=StoreEvents(store), print_pdf=collector)
    items_before = store.scalar("SELECT COUNT(*) FROM items")

    bare = QLineEdit()
    bare.show()
    page = IntakePage(session)
    page.resize(1300, 680)
    page.show()
    page.activateWindow()
    QApplication.processEvents()

    # floor: a bare QLineEdit keystroke
    floor = []
    for i in range(args.keys):
        if i % 20 == 0:
            bare.clear()
        floor.append(timed(lambda: QTest.keyClick(bare, Qt.Key.Key_5)))

    # fill the form once
    QTest.keyClicks(page.sender_edit, "TUDLK")
    QTest.keyClick(page.sender_edit, Qt.Key.Key_Tab)
    QTest.keyClicks(page.recipient_edit, "VPCP")
    QTest.keyClick(page.recipient_edit, Qt.Key.Key_Tab)

    # weight key: "2" → "25" changes the band (8.000 đ → 12.000 đ liên tỉnh... the label must change)
    weight_keys, unchanged = [], 0
    for _ in range(args.keys):
        page.weight_edit.setText("2")
        before = page.fee_text()
        weight_keys.append(timed(lambda: QTest.keyClick(page.weight_edit, Qt.Key.Key_5)))
        unchanged += page.fee_text() == before
    # agency key: type "van phong chinh phu" letter by letter into the recipient
    agency_keys = []
    word = "van phong chinh phu"
    while len(agency_keys) < args.keys:
        page.recipient_edit.clear()
        page.recipient_edit.setFocus()
        for ch in word:
            agency_keys.append(timed(lambda ch=ch: QTest.keyClicks(page.recipient_edit, ch)))
        page.recipient_completer.accept_current()
    QTest.keyClick(page.recipient_edit, Qt.Key.Key_Tab)

    # save-to-ready
    saves, not_ready = [], 0
    for _ in range(args.saves):
        page.recipient_edit.setText("VPCP")
        page.weight_edit.setText("250")
        before = page.last_saved_id
        saves.append(timed(lambda: QTest.keyClick(page.weight_edit, Qt.Key.Key_Return,
                                                  Qt.KeyboardModifier.ControlModifier)))
        ready = (page.last_saved_id != before and page.recipient_edit.text() == ""
                 and QApplication.focusWidget() is page.recipient_edit and page.sender_edit.text() == "TUDLK")
        not_ready += not ready

    stored = store.scalar("SELECT COUNT(*) FROM items") - items_before
    print(f"database: {items_before:,} items   PySide6 offscreen   python {sys.version.split()[0]}")
    print(f"floor (bare QLineEdit key)   {ms(floor)}")
    print(f"weight key → fee shown        {ms(weight_keys)}   fee unchanged in {unchanged} of {len(weight_keys)}")
    print(f"agency key → suggestions      {ms(agency_keys)}")
    print(f"save → ready for next         {ms(saves)}   stored {stored}, not ready {not_ready}, "
          f"papers printed {len(printed)} ({', '.join(sorted({t for t, _n in printed})) or 'none: no printing module'})")
    f = statistics.median(floor)
    print(f"ratios to floor (median): weight {statistics.median(weight_keys) / f:.1f}×, "
          f"agency {statistics.median(agency_keys) / f:.1f}×, save {statistics.median(saves) / f:.1f}×   goal < 100 ms")
    session.events.detach()
    store.close()
    sys.stdout.flush()
    os._exit(0)  # skip interpreter teardown of Qt objects (see the None note at the top)


if __name__ == "__main__":
    main()
