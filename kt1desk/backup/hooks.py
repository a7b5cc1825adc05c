"""A backup at every shift close, into the configured backup folder.

The hook listens to the store (``Store.listeners``, told after each commit): a committed write
whose action is ``shift.close`` (issue 10's ``life.shifts.close``) starts a backup when a backup
folder is set. How it runs is the caller's: the command line runs it at once and says how it went;
the window runs it off the GUI thread and shows the outcome. A backup that fails never undoes the
close: it is said, and the shift stays closed.
"""

from __future__ import annotations

from collections.abc import Callable

SHIFT_CLOSE_ACTIONS = frozenset({"shift.close"})

Job = Callable[[], dict]


def install(store, run: Callable[[Job], None]) -> Callable[[str, set[str]], None]:
    """Listen to ``store``; at a shift close with a backup folder set, hand ``run`` the backup to do."""
    from ..services import settings
    from . import copy

    def listener(action: str, _entities: set[str]) -> None:
        if action in SHIFT_CLOSE_ACTIONS and settings.get(store, "backup_folder"):
            run(lambda: copy.take(store))

    store.listeners.append(listener)
    return listener
