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
