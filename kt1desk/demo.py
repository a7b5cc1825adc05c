"""A ready-to-try database: an office, two counters, three users, the sample directory and tariff, past items."""

from __future__ import annotations

import random
from datetime import date, timedelta

from . import clock
from .paths import resource
from .services import agencies, office, tariff, users
from .services.intake import _insert, quote
from .storage import Store

DEMO_OFFICE = dict(code="BDDLK", name="Bưu điện tỉnh Đắk Lắk", province="Đắk Lắk", postal_code="63000",
                   service_indicator="DK")
DEMO_USERS = [
    ("admin", "Quản trị hệ thống", "admin"),
    ("giamsat", "Trần Thị Bích Ngọc", "supervisor"),
    ("gdv1", "Nguyễn Văn Hùng", "clerk"),
]
# Each counter its own block: two counters offline never issue the same id.
DEMO_COUNTERS = [("Q01", "Quầy 1", 10_000_000, 10_999_999), ("Q02", "Quầy 2", 11_000_000, 11_999_999)]
AGENCIES_FILE = "sample/agencies_daklak.csv"
DEMO_NO_WARNING = 101  # demo history should not warn about serial blocks


def create_demo(store: Store, *, password: str, items: int = 300, seed: int = 2026, life: bool = True) -> dict:
    """Fill an empty database with demo data, all or nothing; returns what was made.

    One write: a demo interrupted half way (an error, a killed process) leaves the database empty,
    ready for ``demo`` or ``init`` again. ``life=False`` leaves the past items accepted, outside any
    shift (quicker, for tests); otherwise they live their lives through the real services: shifts
    closed each day, bags, dispatches, deliveries, complaints.
    """
    with store.write(None, "demo.create"):
        office.init_office(store, None, **DEMO_OFFICE)
        for code, name, first, last in DEMO_COUNTERS:
            office.add_counter(store, None, code=code, name=name, first=first, last=last)
        made = [users.create_user(store, None, login=login, full_name=name, role=role, password=password)
                for login, name, role in DEMO_USERS]
        agencies.import_csv(store, None, resource(AGENCIES_FILE))
        tariff.import_sample(store, None, effective_from=date(2025, 1, 1))
        add_history(store, made[-1], count=items, seed=seed, life=life)
    return {"office": DEMO_OFFICE["code"], "users": [u.login for u in made], "items": items}


def add_history(store: Store, clerk, *, count: int, seed: int = 2026, days: int = 120, life: bool = True) -> None:
    """``count`` past items over the last ``days`` days, as a counter would have taken them."""
    rng = random.Random(seed)
    active = [a for a in agencies.list_agencies(store, include_inactive=False)]
    local = [a for a in active if a["province"] == DEMO_OFFICE["province"]]
    now = clock.now()
    counters = [office.get_counter(store, c[0]) for c in DEMO_COUNTERS]
    moments = sorted(
        min(now, (now - timedelta(days=rng.randrange(1, days + 1))).replace(
            hour=rng.choice([7, 8, 9, 10, 11, 13, 14, 15, 16]), minute=rng.randrange(60), second=0))
        for _ in range(count))
    quotes = []
    for when in moments:
        sender = rng.choice(local)
        recipient = rng.choice([a for a in active if a["id"] != sender["id"]])
        secrecy = rng.choices([None, "C", "B", "A"], weights=[80, 10, 7, 3])[0]
        hoa_toc = rng.random() < 0.12
        quotes.append(quote(store, clerk, sender=sender["code"], recipient=recipient["code"],
                            kind=rng.choices(["thu", "goi", "kien"], weights=[70, 22, 8])[0],
                            weight_g=rng.choice([15, 20, 45, 90, 180, 240, 480, 950, 1500, 3200]),
                            pieces=rng.choices([1, 2, 3], weights=[90, 8, 2])[0], secrecy=secrecy,
                            hoa_toc=hoa_toc, accepted_at=when, history=True))
    if not life:
        with store.write(clerk, "demo.history") as tx:
            for i, q in enumerate(quotes):
                _insert(tx, clerk, q, counters[i % 2], DEMO_NO_WARNING, in_shift=False)
        return
    from .demo_life import replay_history

    replay_history(store, clerk, [(q, counters[i % 2]) for i, q in enumerate(quotes)], rng)
