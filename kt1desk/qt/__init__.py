"""The Qt layer of KT1 Desk. It calls the core's services; the core never imports it."""

import sys


def keep_none_alive() -> None:
    """Work around PySide6 6.12 on CPython 3.11 dropping references to ``None`` (and the booleans).

    Measured here: each call of a Qt method that returns nothing (``setText``,
    ``setMaxLength``, ``processEvents`` …) takes one reference from ``None`` and
    never gives it back; after a few thousand calls ``None`` is freed and the
    process aborts with "Fatal Python error: none_dealloc". CPython 3.12 made
    ``None`` immortal (PEP 683), which ends the problem; on 3.11 we give ``None``
    so many references that a day — a year — of calls cannot use them up.
    """
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return
    import ctypes

    for constant in (None, True, False):  # a bench once died of "bool_dealloc" at exit, too
        refcount = ctypes.c_ssize_t.from_address(id(constant))  # ob_refcnt, the first field of every object
        if refcount.value < 1 << 40:
            refcount.value += 1 << 50


keep_none_alive()
