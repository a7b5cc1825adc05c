"""What the page tests share: a Session built by hand, with a print collector instead of a printer."""

from __future__ import annotations

import pytest

from kt1desk.qt.session import Session, StoreEvents
from kt1desk.services import office


class PrintCollector:
    """Stands in for the printer: keeps every document it is given."""

    def __init__(self, works: bool = True):
        self.works = works
        self.documents: list[tuple[str, bytes, str]] = []

    def __call__(self, parent, pdf: bytes, *, doc_type: str, title: str) -> bool:
        if not self.works:
            raise OSError("printer offline")
        self.documents.append((doc_type, pdf, title))
        return True

    def types(self) -> list[str]:
        return [doc_type for doc_type, _pdf, _title in self.documents]


@pytest.fixture
def make_session():
    """``make_session(store, user, printer=None)``: a Session as the shell builds it after login."""
    made: list[Session] = []

    def make(store, user, printer: PrintCollector | None = None) -> Session:
        session = Session(store=store, user=user, counter=office.get_counter(store), office=office.get_office(store),
                          lang="vi", events=StoreEvents(store), print_pdf=printer or PrintCollector())
        made.append(session)
        return session

    yield make
    for session in made:
        session.events.detach()


def show(qtbot, widget):
    qtbot.addWidget(widget)
    widget.resize(1300, 680)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    return widget


@pytest.fixture
def printing(monkeypatch):
    """The paper module if it is there, else a stand-in that makes tiny PDFs (so the page logic is tested)."""
    import importlib
    import sys
    import types

    try:
        module = importlib.import_module("kt1desk.printing")
        if hasattr(module, "label_pdf") and hasattr(module, "receipt_pdf"):
            return module
    except ImportError:
        pass
    fake = types.ModuleType("kt1desk.printing")
    fake.calls = []

    def label_pdf(store, item_ids):
        fake.calls.append(("label", list(item_ids)))
        return b"%PDF-1.4 label " + ",".join(item_ids).encode()

    def receipt_pdf(store, item_id, paper="80mm", copy=False):
        fake.calls.append(("receipt", item_id, copy))
        return b"%PDF-1.4 receipt " + item_id.encode() + (b" copy" if copy else b"")

    fake.label_pdf, fake.receipt_pdf = label_pdf, receipt_pdf
    monkeypatch.setitem(sys.modules, "kt1desk.printing", fake)
    return fake
