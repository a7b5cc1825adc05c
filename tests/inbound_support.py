"""Two offices in two databases: Đắk Lắk (the demo, sends) and Hà Nội (receives and delivers)."""

from __future__ import annotations

from conftest import PASSWORD
from life_support import accept, seal

from kt1desk.demo import AGENCIES_FILE
from kt1desk.life import bags, dispatches
from kt1desk.paths import resource
from kt1desk.services import agencies, office, tariff, users
from kt1desk.storage import Store
from kt1desk.sync import keys

FAR = "Hà Nội"
TO_HANOI = dict(recipient="BNV")  # Bộ Nội vụ, Hà Nội: its after-hours contact is in the directory


def hanoi_office(path, password: str = PASSWORD) -> Store:
    """A second office, in another province, in a database of its own, with the same sample directory."""
    from datetime import date

    store = Store(path)
    with store.write(None, "test.setup"):
        office.init_office(store, None, code="BDHN", name="Bưu điện Hà Nội", province=FAR, postal_code="10000",
                           service_indicator="DH")
        office.add_counter(store, None, code="Q01", name="Quầy 1", first=20_000_000, last=20_999_999)
        for login, name, role in (("admin", "Quản trị Hà Nội", "admin"), ("gdv1", "Phạm Thu Hà", "clerk")):
            users.create_user(store, None, login=login, full_name=name, role=role, password=password)
        agencies.import_csv(store, None, resource(AGENCIES_FILE))
        tariff.import_sample(store, None, effective_from=date(2025, 1, 1))
    return store


def send(store, clerk, groups: list[list[str]], destination: str = FAR) -> dict:
    """Each group of items in a sealed bag for ``destination``, all the bags handed over as one dispatch."""
    made = []
    for group in groups:
        bag = bags.open_bag(store, clerk, destination)
        bags.add_items(store, clerk, bag["id"], group)
        bags.close_bag(store, clerk, bag["id"], seal_no=seal())
        made.append(bag["id"])
    return dispatches.create(store, clerk, made, vehicle="29A-123.45", receiver="Lê Văn Tài")


def to_hanoi(store, clerk, n: int, **fields) -> list[str]:
    return accept(store, clerk, n, **(TO_HANOI | fields))


def trust(sender_store, receiver_store, receiver_admin) -> str:
    from kt1desk.sync import peers

    return peers.trust_peer(receiver_store, receiver_admin, keys.counter_key_line(sender_store))["key_id"]
