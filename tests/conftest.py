"""Shared fixtures. Qt runs offscreen: without a display Qt would abort the process."""

from __future__ import annotations

import os
from datetime import date, datetime

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

from kt1desk import clock
from kt1desk.demo import create_demo
from kt1desk.storage import Store

PASSWORD = "kt1-test-pass"


@pytest.fixture
def frozen_now(monkeypatch):
    """Freeze the program's clock; call the fixture's value with a new time to move it."""
    state = {"now": datetime(2026, 11, 25, 9, 30, tzinfo=clock.VN_TZ)}  # a Wednesday, a working day

    def set_now(moment: datetime | None = None):
        if moment is not None:
            state["now"] = clock.to_vn(moment)
        return state["now"]

    monkeypatch.setattr(clock, "now", lambda: state["now"])
    return set_now


@pytest.fixture
def demo_store(tmp_path, frozen_now) -> Store:
    """A demo database in a real file (WAL and all), with a few past items, the clock frozen."""
    store = Store(tmp_path / "kt1.sqlite3")
    create_demo(store, password=PASSWORD, items=20, life=False)
    yield store
    store.close()


@pytest.fixture
def users(demo_store):
    from kt1desk.services.users import get_user

    return {login: get_user(demo_store, login) for login in ("admin", "giamsat", "gdv1")}


@pytest.fixture
def clerk(users):
    return users["gdv1"]


@pytest.fixture
def supervisor(users):
    return users["giamsat"]


@pytest.fixture
def admin(users):
    return users["admin"]
