"""Running slow database work off the GUI thread, so the window never freezes."""

from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, fn: Callable[[], object]):
        super().__init__()
        self.fn = fn
        self.signals = _Signals()

    def run(self) -> None:
        try:
            result = self.fn()
        except BaseException as err:  # handed to the GUI thread, which shows it
            self.signals.failed.emit(err)
        else:
            self.signals.done.emit(result)


_running: set[_Job] = set()


def run_task(parent: QWidget | None, fn: Callable[[], object], *, on_done: Callable[[object], None],
             on_error: Callable[[BaseException], None], progress_text: str | None = None) -> None:
    """Run ``fn`` in the thread pool; ``on_done`` / ``on_error`` run on the GUI thread.

    With ``progress_text`` a modal progress dialog shows after half a second. If ``parent``
    has been deleted by the time ``fn`` ends, neither callback runs.
    """
    job = _Job(fn)
    dialog = None
    if progress_text:
        dialog = QProgressDialog(progress_text, None, 0, 0, parent)
        dialog.setMinimumDuration(500)
        dialog.setWindowTitle("KT1 Desk")

    def finish(callback, value):
        _running.discard(job)
        if parent is not None and not shiboken6.isValid(parent):
            return  # the page that asked is gone (window closed): nobody to show the result to
        if dialog is not None:
            dialog.close()
        callback(value)

    job.signals.done.connect(lambda value: finish(on_done, value))
    job.signals.failed.connect(lambda err: finish(on_error, err))
    _running.add(job)
    QThreadPool.globalInstance().start(job)
