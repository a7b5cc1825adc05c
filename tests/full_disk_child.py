"""Run inside a private mount namespace (tests/test_full_disk.py): a real file system that fills up.

argv: FOLDER (a tiny tmpfs). Prints one JSON line of facts for the test to check."""

import json
import os
import sys
from pathlib import Path

from kt1desk.backup import copy
from kt1desk.dbfile import StorageError
from kt1desk.demo import create_demo
from kt1desk.errors import Kt1Error
from kt1desk.services import intake, users
from kt1desk.storage import Store

folder = Path(sys.argv[1])
db = folder / "kt1.sqlite3"
store = Store(db)
create_demo(store, password="full-disk-1", items=0)
clerk = users.get_user(store, "gdv1")
filler = folder / "filler"
with open(filler, "wb") as out:  # the rest of the disk taken by something else, less a little room
    free = os.statvfs(folder).f_bavail * os.statvfs(folder).f_frsize
    out.write(b"\0" * max(0, free - 160 * 1024))
returned, error = [], None
for _ in range(5000):
    try:
        returned.append(intake.intake(store, clerk, sender="TUDLK", recipient="STC", kind="thu", weight_g=20).item["id"])
    except StorageError as err:
        error = {"code": err.code, "exit": err.exit_code, "text": err.text("vi")}
        break
backup_error = None
try:
    copy.take(store, folder, keep=3)  # a backup onto the full disk
except Kt1Error as err:
    backup_error = {"code": err.code, "text": err.text("en")}
store.close()
# Start-up on the full disk: it opens (or says why), and everything that returned is there.
store = Store(db)
stored = {r["id"] for r in store.all("SELECT id FROM items")}
facts = {
    "returned": returned, "error": error, "backup_error": backup_error,
    "stored": len(stored), "missing": [i for i in returned if i not in stored],
    "events": store.scalar("SELECT COUNT(*) FROM item_events WHERE kind = 'accepted'"),
    "issued": store.scalar("SELECT SUM(next - first) FROM serial_blocks"),
    "quick_check": store.scalar("PRAGMA quick_check"),
    "parts_left": [p.name for p in folder.iterdir() if p.name.endswith(".part")],
}
filler.unlink()  # room again: the counter goes on with the next id
facts["after"] = intake.intake(store, clerk, sender="TUDLK", recipient="STC", kind="thu", weight_g=20).item["id"]
store.close()
print(json.dumps(facts))
