"""Issue 12: backups, restores, where the data lives, start-up refusals — through the command line."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from test_cli import ROOT, count, db, demo_template, digest, run  # noqa: F401 (fixtures)

INTAKE = ["intake", "--user", "gdv1", "--sender", "TUDLK", "--recipient", "STC", "--kind", "thu", "--weight", "20",
          "--json"]


def intake_id(db: Path, check=0) -> str:
    result = run(*INTAKE, db=db, check=check)
    return json.loads(result.stdout)["id"] if check == 0 else result


def take_items(db: Path, n: int) -> list[str]:
    """Items accepted by a clerk in this process (quicker than a command each)."""
    from kt1desk.services import intake, users
    from kt1desk.storage import Store

    store = Store(db)
    try:
        clerk = users.get_user(store, "gdv1")
        return [intake.intake(store, clerk, sender="TUDLK", recipient="STC", kind="thu", weight_g=20).item["id"]
                for _ in range(n)]
    finally:
        store.close()


def backups(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.suffix == ".sqlite3")


def backup(db: Path, folder: Path, *extra, check=0) -> dict:
    result = run("backup", "--out", folder, "--json", *extra, db=db, check=check)
    return json.loads(result.stdout) if check == 0 else result


# -- backup -----------------------------------------------------------------------------------

def test_a_backup_is_named_checked_hashed_and_the_newest_n_are_kept(db, tmp_path):
    folder = tmp_path / "usb"
    folder.mkdir()
    first = backup(db, folder)
    name = Path(first["file"]).name
    assert name.startswith("KT1-BDDLK-Q01-") and name.endswith(".sqlite3")
    assert first["integrity"] == "ok" and first["chain"] == "intact" and first["items"] == 20
    side = Path(first["file"] + ".sha256").read_text().split()
    assert side == [first["sha256"], name]
    # The copy is one self-contained file that reads back as the database did.
    assert count(Path(first["file"]), "SELECT COUNT(*) FROM items") == 20
    assert not list(folder.glob("*-wal")) and not list(folder.glob("*.part"))
    for _ in range(3):
        backup(db, folder, "--keep", "2")
    kept = backups(folder)
    assert len(kept) == 2 and Path(first["file"]) not in kept
    assert all(Path(str(p) + ".sha256").exists() for p in kept)
    assert len(list(folder.glob("*.sha256"))) == 2


def test_a_backup_never_carries_the_private_key(db, tmp_path):
    folder = tmp_path / "usb"
    folder.mkdir()
    run("sync", "key", "--new", "--user", "admin", db=db, check=0)  # the counter's key, beside the database
    done = backup(db, folder)
    keys = list(Path(str(db) + ".keys").glob("*.key"))
    assert keys
    secret = keys[0].read_bytes()
    body = secret.split(b"-----")[2].strip()  # the base64 of the key itself
    assert body and body not in Path(done["file"]).read_bytes()
    assert sorted(p.name for p in folder.iterdir()) == sorted([Path(done["file"]).name, Path(done["file"]).name + ".sha256"])


def test_a_backup_into_a_missing_or_unset_folder_is_a_message(db, tmp_path):
    before = digest(db)
    missing = backup(db, tmp_path / "no-stick", check=2)
    assert "USB" in missing.stderr and "Traceback" not in missing.stderr
    unset = run("backup", db=db, check=2)
    assert "backup_folder" in unset.stderr
    assert digest(db) == before


def test_a_backup_taken_while_another_process_takes_in_items_is_whole(db, tmp_path):
    """Backups made while a second process accepts items one after another: each copy is one moment
    of the database — every item in it has its event and its search row, and its serial block
    says exactly how many ids were issued."""
    folder = tmp_path / "usb"
    folder.mkdir()
    script = (
        "import sys, time\n"
        "from kt1desk.storage import Store\nfrom kt1desk.services import intake, users\n"
        "store = Store(sys.argv[1]); clerk = users.get_user(store, 'gdv1'); stop = time.monotonic() + 60\n"
        "n = 0\n"
        "while time.monotonic() < stop and n < 400:\n"
        "    intake.intake(store, clerk, sender='TUDLK', recipient='STC', kind='thu', weight_g=20); n += 1\n"
        "    print(n, flush=True)\n"
    )
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    writer = subprocess.Popen([sys.executable, "-c", script, str(db)], stdout=subprocess.PIPE, text=True, env=env)
    try:
        writer.stdout.readline()  # it is writing
        made = [backup(db, folder) for _ in range(3)]
    finally:
        writer.kill()
        writer.wait()
    sizes = set()
    for done in made:
        copy = Path(done["file"])
        conn = sqlite3.connect(copy)
        try:
            items = conn.execute("SELECT COUNT(*) FROM items").fetchone()[0]
            sizes.add(items)
            assert conn.execute("SELECT COUNT(*) FROM items i WHERE NOT EXISTS (SELECT 1 FROM item_events e "
                                "WHERE e.item_id = i.id AND e.kind = 'accepted')").fetchone()[0] == 0
            assert conn.execute("SELECT COUNT(*) FROM items_fts").fetchone()[0] == items
            issued = conn.execute("SELECT SUM(next - first) FROM serial_blocks").fetchone()[0]
            assert issued == items
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        finally:
            conn.close()
    assert max(sizes) > 20  # the copies were taken while items were coming in


def test_a_shift_close_backs_up_into_the_configured_folder(demo_store, supervisor, tmp_path):
    from kt1desk.backup import hooks
    from kt1desk.services import settings

    folder = tmp_path / "share"
    folder.mkdir()
    done = []
    hooks.install(demo_store, lambda job: done.append(job()))
    with demo_store.write(supervisor, "shift.close"):
        pass
    assert done == []  # no folder set: nothing to do
    settings.put(demo_store, supervisor, "backup_folder", str(folder))
    with demo_store.write(supervisor, "item.print"):
        pass
    assert done == []  # only a shift close
    with demo_store.write(supervisor, "shift.close"):
        pass
    assert len(done) == 1 and Path(done[0]["file"]).parent == folder and Path(done[0]["file"]).exists()


# -- restore -----------------------------------------------------------------------------------

@pytest.fixture
def backed_up(db, tmp_path):
    folder = tmp_path / "usb"
    folder.mkdir()
    done = backup(db, folder)
    return db, Path(done["file"])


def _damage(path: Path, at: float) -> None:
    data = bytearray(path.read_bytes())
    spot = int(len(data) * at)
    data[spot:spot + 64] = os.urandom(64)
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("how", ["zeroed-page", "truncated", "not-sqlite", "hash", "edited-behind"])
def test_a_damaged_backup_is_refused_and_the_database_is_left_alone(backed_up, how):
    db, file = backed_up
    side = Path(str(file) + ".sha256")
    if how == "zeroed-page":  # the items table's root page wiped: a damaged file
        conn = sqlite3.connect(file)
        page, size = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'items'").fetchone()[0], \
            conn.execute("PRAGMA page_size").fetchone()[0]
        conn.close()
        data = bytearray(file.read_bytes())
        data[(page - 1) * size:page * size] = bytes(size)
        file.write_bytes(bytes(data))
        side.unlink()  # only the file's own checks can tell
    elif how == "truncated":
        side.unlink()
        file.write_bytes(file.read_bytes()[: len(file.read_bytes()) // 2])
    elif how == "not-sqlite":
        file.write_bytes(b"PK\x03\x04" + os.urandom(5000))
        side.unlink()
    else:
        conn = sqlite3.connect(file)
        if how == "edited-behind":  # a sound file whose item was changed with the log's triggers out of the way
            conn.execute("DROP TRIGGER kt1log_items_upd")
            conn.execute("DROP TRIGGER IF EXISTS items_frozen_update")
            for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'items'"
                                        ).fetchall():
                conn.execute(f'DROP TRIGGER "{name}"')
            conn.execute("UPDATE items SET weight_g = weight_g + 1 WHERE rowid = 1")
            side.unlink()
        else:  # a sound file, but not the one that was written
            conn.execute("PRAGMA user_version = 7")
        conn.commit()
        conn.close()
    take_items(db, 1)
    before = digest(db)
    result = run("restore", file, "--user", "admin", db=db, check=2)
    assert "Traceback" not in result.stderr and "không bị thay đổi" in result.stderr
    assert digest(db) == before
    assert not list(db.parent.glob(".*restoring*")) and not list(db.parent.glob("*.before-restore-*"))


def test_a_restore_keeps_the_old_database_and_never_issues_an_id_twice(backed_up):
    db, file = backed_up
    after_backup = take_items(db, 3)  # issued after the backup: known only to the old database
    result = run("restore", file, "--user", "admin", "--json", db=db, check=0)
    done = json.loads(result.stdout)
    assert done["serials_confirmed"] and done["serial_sources"] == ["previous-database"]
    kept = Path(done["kept_as"])
    assert kept.exists() and count(kept, "SELECT COUNT(*) FROM items") == 23
    assert count(db, "SELECT COUNT(*) FROM items") == 20
    fresh = take_items(db, 1)[0]
    assert fresh not in after_backup and fresh > max(after_backup)
    assert count(db, "SELECT COUNT(*) FROM restores") == 1
    run("audit", "verify", db=db, check=0)


def test_a_restore_on_a_new_machine_issues_no_id_until_the_operator_says(backed_up, tmp_path):
    db, file = backed_up
    last = take_items(db, 2)[-1]
    new_machine = tmp_path / "new-pc" / "kt1desk.sqlite3"
    new_machine.parent.mkdir()
    done = json.loads(run("restore", file, "--user", "admin", "--json", db=new_machine, check=0).stdout)
    assert not done["serials_confirmed"] and done["kept_as"] is None and not done["keys_here"]
    refused = intake_id(new_machine, check=2)
    assert "--last-id" in refused.stderr
    run("serials", "--user", "admin", "--last-id", "DK999999999VN", db=new_machine, check=2)  # not a valid id
    run("serials", "--user", "gdv1", "--last-id", last, db=new_machine, check=2)  # admins only
    run("serials", "--user", "admin", "--last-id", last, db=new_machine, check=0)
    assert take_items(new_machine, 1)[0] > last


def test_a_restore_refuses_another_office_and_a_database_in_use(backed_up, tmp_path):
    db, file = backed_up
    other = tmp_path / "other.sqlite3"
    run("init", "--office-code", "BDX", "--office-name", "X", "--province", "Đắk Lắk", "--admin", "admin", db=other,
        check=0)
    before = digest(other)
    refused = run("restore", file, "--user", "admin", db=other, check=2)
    assert "BDX" in refused.stderr and "BDDLK" in refused.stderr
    assert digest(other) == before
    holder = sqlite3.connect(db)  # another program has the database open
    holder.execute("SELECT 1 FROM items").fetchall()
    try:
        busy = run("restore", file, "--user", "admin", db=db, check=12)
        assert "đang được mở" in busy.stderr
    finally:
        holder.close()


# -- start-up -------------------------------------------------------------------------------------

def test_a_database_from_a_newer_program_is_refused_before_anything_is_written(db):
    conn = sqlite3.connect(db)
    conn.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES ('kt1desk', '0099_future', "
                 "'2030-01-01')")
    conn.commit()
    conn.close()
    before = db.read_bytes()
    for args in (["counter", "list"], INTAKE):
        result = run(*args, db=db, check=16)
        assert "0099_future" in result.stderr and "restore" in result.stderr and "Traceback" not in result.stderr
    assert db.read_bytes() == before


# -- where the data lives --------------------------------------------------------------------------

def test_one_database_per_machine_and_a_users_database_moved_there_once(tmp_path):
    home = tmp_path / "home-data"
    etc = tmp_path / "etc-xdg"
    machine = tmp_path / "srv" / "kt1desk"
    env = {"XDG_DATA_HOME": str(home), "XDG_CONFIG_DIRS": str(etc)}
    run("demo", "--items", "5", env=env, check=0)  # an ordinary user: their own data folder
    user_db = home / "KT1Desk" / "kt1desk.sqlite3"
    assert count(user_db, "SELECT COUNT(*) FROM items") == 5
    key_names = sorted(p.name for p in Path(str(user_db) + ".keys").iterdir())
    run(*INTAKE, env=env, check=0)  # something in the WAL too
    (etc / "KT1Desk").mkdir(parents=True)
    machine.mkdir(parents=True)
    (etc / "KT1Desk" / "kt1desk.ini").write_text(f"[data]\nfolder = {machine}\n", encoding="utf-8")
    listed = run("counter", "list", env=env, check=0)
    assert "Q01" in listed.stdout
    moved = machine / "kt1desk.sqlite3"
    assert count(moved, "SELECT COUNT(*) FROM items") == 6
    assert sorted(p.name for p in Path(str(moved) + ".keys").iterdir()) == key_names
    assert not user_db.exists() and (user_db.parent / "kt1desk.sqlite3.moved").exists()
    assert not Path(str(user_db) + ".keys").exists() or not any(Path(str(user_db) + ".keys").iterdir())
    assert oct(os.stat(moved).st_mode & 0o777) == oct(0o660)  # the machine's users, no one else
    run("sync", "key", env=env, check=0)  # the key still signs, from its new place
    # Once: a later start uses the machine's database and moves nothing.
    run(*INTAKE, env=env, check=0)
    assert count(moved, "SELECT COUNT(*) FROM items") == 7
    # KT1DESK_DB wins over everything.
    other = tmp_path / "elsewhere.sqlite3"
    run("demo", "--items", "1", env=env | {"KT1DESK_DB": str(other)}, check=0)
    assert count(other, "SELECT COUNT(*) FROM items") == 1 and count(moved, "SELECT COUNT(*) FROM items") == 7


def test_a_users_database_in_use_is_not_moved(tmp_path):
    home, etc, machine = tmp_path / "h", tmp_path / "e", tmp_path / "m"
    env = {"XDG_DATA_HOME": str(home), "XDG_CONFIG_DIRS": str(etc)}
    run("demo", "--items", "2", env=env, check=0)
    (etc / "KT1Desk").mkdir(parents=True)
    machine.mkdir()
    (etc / "KT1Desk" / "kt1desk.ini").write_text(f"[data]\nfolder = {machine}\n", encoding="utf-8")
    holder = sqlite3.connect(home / "KT1Desk" / "kt1desk.sqlite3")
    holder.execute("SELECT 1 FROM items").fetchall()
    try:
        busy = run("counter", "list", env=env, check=12)
        assert "đang được mở" in busy.stderr
    finally:
        holder.close()
    assert not (machine / "kt1desk.sqlite3").exists() and not list(machine.glob(".*moving*"))
    time.sleep(0)  # the next start moves it
    run("counter", "list", env=env, check=0)
    assert count(machine / "kt1desk.sqlite3", "SELECT COUNT(*) FROM items") == 2


def test_an_upgrade_copies_the_database_aside_before_changing_its_schema(db):
    """A database from before this program's last migration is copied as it was, then brought up to date."""
    conn = sqlite3.connect(db)
    conn.execute("DROP TABLE restores")
    conn.execute("DELETE FROM _sqlite_migrations WHERE name = '0006_restores'")
    conn.commit()
    conn.close()
    before = digest(db)
    run("counter", "list", db=db, check=0)
    kept = Path(f"{db}.before-0006_restores")
    assert kept.exists() and digest(kept) == before
    assert count(db, "SELECT COUNT(*) FROM _sqlite_migrations WHERE name = '0006_restores'") == 1
    assert oct(os.stat(kept).st_mode & 0o777) == oct(0o600)
