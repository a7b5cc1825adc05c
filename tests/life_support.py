"""What the tests of the item's life share: items accepted through the real service, walked to any state."""

from __future__ import annotations

import itertools

from kt1desk.life import arrival, bags, corrections, delivery, dispatches
from kt1desk.services import intake

HOME = "Đắk Lắk"  # the demo office's province: bags for it are received and delivered here
LOCAL = dict(sender="SYT", recipient="STC", kind="thu", weight_g=20)  # SYT pays cash
_seals = itertools.count(1)


def accept(store, clerk, n: int = 1, **fields) -> list[str]:
    return [intake.intake(store, clerk, **(LOCAL | fields)).item["id"] for _ in range(n)]


def seal() -> str:
    return f"NP-T{next(_seals):05d}"


def bag_of(store, clerk, item_ids, destination: str = HOME) -> str:
    bag = bags.open_bag(store, clerk, destination)
    bags.add_items(store, clerk, bag["id"], item_ids)
    return bag["id"]


def dispatched(store, clerk, item_ids, destination: str = HOME) -> str:
    """The items bagged, sealed and handed over; returns the bag id."""
    bag_id = bag_of(store, clerk, item_ids, destination)
    bags.close_bag(store, clerk, bag_id, seal_no=seal())
    dispatches.create(store, clerk, [bag_id], vehicle="47C-000.01", receiver="Lê Văn Tài")
    return bag_id


# The steps that take a freshly accepted local item to each state (supervisor needed only for voided).
def walk(store, clerk, supervisor, item_id: str, status: str) -> None:
    if status == "accepted":
        return
    if status == "voided":
        corrections.void(store, supervisor, item_id, reason="nhận nhầm")
        return
    if status == "bagged":
        bag_of(store, clerk, [item_id])
        return
    bag_id = dispatched(store, clerk, [item_id])
    if status == "dispatched":
        return
    if status == "missing":
        arrival.receive(store, clerk, bag_id, [])
        return
    arrival.receive(store, clerk, bag_id, [item_id])
    if status == "received":
        return
    if status == "delivered":
        delivery.deliver(store, clerk, item_id, receiver="Hoàng Thị Lan")
        return
    if status == "returned":
        delivery.return_to_sender(store, clerk, item_id, reason="không có người nhận")
        return
    delivery.carry(store, clerk, [item_id], carrier="Nguyễn Thị Mai")
    if status == "delivery_failed":
        delivery.fail(store, clerk, item_id, reason="vắng văn thư")


def snapshot(store) -> dict:
    """Row count of every table and every item's status: what 'nothing changed' is checked against."""
    tables = [r["name"] for r in store.all("SELECT name FROM sqlite_master WHERE type = 'table'")]
    counts = {t: store.scalar(f'SELECT COUNT(*) FROM "{t}"') for t in tables}
    counts["statuses"] = tuple(r["status"] for r in store.all("SELECT status FROM items ORDER BY rowid"))
    return counts
