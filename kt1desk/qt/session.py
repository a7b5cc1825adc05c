"""Who is working at this window: the store, the logged-in user, the counter, the language.

Every page gets the one Session; it is how a page reaches the core's services.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, QTimer, Signal

from ..storage import Store, User


class StoreEvents(QObject):
    """Turns the store's after-commit notices into a Qt signal, and notices other processes' commits.

    ``changed(action, entities)`` fires on the GUI thread after any commit: pages
    refresh from it instead of polling the tables. Commits made by another
    process (the command line, a second window) are noticed through SQLite's
    ``data_version``, which costs one pragma every few seconds.
    """

    changed = Signal(str, object)

    def __init__(self, store: Store, parent: QObject | None = None, external_check_ms: int = 3000):
        super().__init__(parent)
        self._store = store
        self._version = store.data_version()
        store.listeners.append(self._on_commit)
        self._timer = QTimer(self)
        self._timer.setInterval(external_check_ms)
        self._timer.timeout.connect(self._check_external)
        self._timer.start()

    def _on_commit(self, action: str, entities: set[str]) -> None:
        # May run on a worker thread: a queued signal delivers it on the GUI thread.
        self.changed.emit(action, set(entities))

    def _check_external(self) -> None:
        version = self._store.data_version()
        if version != self._version:
            self._version = version
            self.changed.emit("external", {"item", "agency", "tariff", "user"})

    def detach(self) -> None:
        if self._on_commit in self._store.listeners:
            self._store.listeners.remove(self._on_commit)
        self._timer.stop()


@dataclass
class Session:
    store: Store
    user: User
    counter: dict  # row of the counters table
    office: dict  # row of the office table
    lang: str = "vi"
    events: StoreEvents | None = None
    # print_pdf(parent, pdf_bytes, doc_type=..., title=...) -> bool. Default: Qt print support
    # (kt1desk.qt.printing.print_documents); tests put a collector here.
    print_pdf: Callable[..., bool] | None = None

    def print_documents(self, parent, pdf: bytes, *, doc_type: str, title: str) -> bool:
        printer = self.print_pdf
        if printer is None:
            from .printing import print_documents as printer
        return printer(parent, pdf, doc_type=doc_type, title=title)

    def print_papers(self, parent, papers: list[tuple[bytes, str, str]]) -> tuple[list[str], str | None]:
        """Several papers ``(pdf, doc_type, title)`` at once: outcomes ('printed', 'saved', 'not printed'), folder."""
        if self.print_pdf is None:
            from .printing import print_papers

            return print_papers(parent, papers)
        return [("printed" if self.print_pdf(parent, pdf, doc_type=doc_type, title=title) else "not printed")
                for pdf, doc_type, title in papers], None

    @property
    def can_supervise(self) -> bool:
        return self.user.role in ("supervisor", "admin")

    @property
    def is_admin(self) -> bool:
        return self.user.role == "admin"
