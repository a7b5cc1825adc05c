"""Where the counter's database lives: one database per counter machine, whoever is logged in.

In order:

1. ``--db PATH`` (the caller passes it) or ``KT1DESK_DB``;
2. the machine's folder, when one is configured: the ``folder`` of the ``[data]`` section of
   ``kt1desk.ini`` beside the program (the installer writes it) or in the system's configuration
   folder (``/etc/xdg/KT1Desk/`` on Linux, ``%PROGRAMDATA%\\KT1Desk\\`` on Windows); on Windows,
   ``%PROGRAMDATA%\\KT1Desk`` itself when the installer made it (the program never makes it: a
   folder it made would carry the default permissions, readable by every user of the machine);
3. otherwise the user's own data folder (``~/.local/share/KT1Desk``, ``%LOCALAPPDATA%\\KT1Desk``).

When a machine folder is configured and holds no database yet, a database the user had in their
own data folder is moved there once (``move_user_database``): copied with SQLite's backup API while
nobody uses it, checked, its ``.keys`` folder with it, and the old file renamed ``*.moved`` — never
deleted.
"""

from __future__ import annotations

import configparser
import os
import shutil
import sqlite3
import sys
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "KT1Desk"
DB_FILENAME = "kt1desk.sqlite3"
CONFIG_NAME = "kt1desk.ini"


def user_data_dir() -> Path:
    """The program's own folder in the user's data folder (kept owner-only)."""
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def config_files() -> list[Path]:
    """Where a machine configuration may be, first found wins: beside the program, then the system's."""
    found = []
    if getattr(sys, "frozen", False):
        found.append(Path(sys.executable).resolve().parent / CONFIG_NAME)
    found.append(Path(platformdirs.site_config_dir(APP_NAME, appauthor=False)) / CONFIG_NAME)
    return found


def _windows_machine_folder() -> Path | None:
    base = os.environ.get("PROGRAMDATA")
    if os.name != "nt" or not base:
        return None
    folder = Path(base) / APP_NAME
    return folder if folder.is_dir() else None


def machine_folder() -> Path | None:
    """The machine's data folder when the installer (or an admin) configured one, else None."""
    for path in config_files():
        if path.is_file():
            parser = configparser.ConfigParser()
            try:
                parser.read(path, encoding="utf-8")
            except (configparser.Error, OSError, UnicodeDecodeError):
                continue
            folder = parser.get("data", "folder", fallback="").strip()
            if folder:
                return Path(os.path.expandvars(folder)).expanduser()
    return _windows_machine_folder()


@dataclass(frozen=True)
class Where:
    path: Path
    source: str  # 'env' | 'machine' | 'user' | 'option'

    @property
    def shared(self) -> bool:
        return self.source == "machine"


def database_location() -> Where:
    """The database this machine uses, and why (without moving anything)."""
    env = os.environ.get("KT1DESK_DB")
    if env:
        return Where(Path(env), "env")
    machine = machine_folder()
    if machine is not None:
        return Where(machine / DB_FILENAME, "machine")
    return Where(user_data_dir() / DB_FILENAME, "user")


def default_db_path() -> Path:
    return database_location().path


def is_machine_database(path: str | Path) -> bool:
    """True for the database in the configured machine folder (shared by the machine's users)."""
    machine = machine_folder()
    if machine is None or str(path) == ":memory:":
        return False
    try:
        return Path(path).resolve().parent == machine.resolve()
    except OSError:
        return False


# -- the one-time move of a per-user database ------------------------------------------------------

def open_database(explicit: str | Path | None) -> Where:
    """The database to open: ``--db`` when given, else ``database_location()``, after moving a
    per-user database into a newly configured machine folder (once)."""
    if explicit is not None:
        return Where(Path(explicit), "option")
    where = database_location()
    if where.source == "machine":
        old = user_data_dir() / DB_FILENAME
        if old.exists() and not where.path.exists() and old.resolve() != where.path.resolve():
            move_user_database(old, where.path)
    return where


def _in_use_check(conn: sqlite3.Connection) -> None:
    """Take the file for this connection alone: refused (database is locked) while anyone else has it open."""
    conn.execute("PRAGMA locking_mode=EXCLUSIVE")
    conn.execute("BEGIN EXCLUSIVE")
    conn.execute("COMMIT")


def take_whole(path: Path) -> sqlite3.Connection:
    """A connection holding the database for itself (nobody else has it open), its WAL folded in;
    StorageError('db_in_use') when another program uses it."""
    from .dbfile import StorageError, translate

    conn = sqlite3.connect(str(path), isolation_level=None, timeout=1.0)
    try:
        _in_use_check(conn)
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return conn
    except sqlite3.Error as err:
        conn.close()
        if "locked" in str(err) or "busy" in str(err):
            raise StorageError("db_in_use", path=str(path)) from None
        raise (translate(err, str(path)) or StorageError("db_not_database", path=str(path))) from None


def fsync_dir(folder: Path) -> None:
    """Make a rename in ``folder`` durable (POSIX; Windows has no directory handles to sync)."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_file(path: Path) -> None:
    with open(path, "rb+") as handle:
        os.fsync(handle.fileno())


def move_user_database(old: Path, new: Path) -> None:
    """Move a per-user database (and its keys) into the machine folder, safely, once.

    The copy is made with SQLite's backup API while the old file is held for this process alone,
    checked (quick_check), its keys copied beside it, and only then put in place by a rename;
    the old file is renamed ``<name>.moved`` and its private keys removed (they live once).
    A crash at any point leaves either the old database in use or the new one complete.
    """
    from . import dbfile
    from .dbfile import StorageError

    folder = new.parent
    if not folder.is_dir():
        raise StorageError("db_bad_folder", path=str(new), folder=str(folder))
    staged = folder / f".{new.name}.moving"
    staged_keys = folder / f".{new.name}.keys.moving"
    for leftover in (staged, staged_keys):  # from a move cut short earlier
        if leftover.is_dir():
            shutil.rmtree(leftover)
        elif leftover.exists():
            leftover.unlink()
    old_keys = old.with_name(old.name + ".keys")
    new_keys = new.with_name(new.name + ".keys")
    source = take_whole(old)
    try:
        target = sqlite3.connect(str(staged), isolation_level=None)
        try:
            source.backup(target)
            target.execute("PRAGMA journal_mode=WAL")
            dbfile.quick_check(target, str(staged))
        finally:
            target.close()
        fsync_file(staged)
        if old_keys.is_dir() and not new_keys.exists():
            staged_keys.mkdir(mode=0o770 if os.name == "posix" else 0o777)
            for key in sorted(old_keys.iterdir()):
                shutil.copyfile(key, staged_keys / key.name)
                os.chmod(staged_keys / key.name, 0o640)
                fsync_file(staged_keys / key.name)
            staged_keys.rename(new_keys)
        staged.rename(new)
        fsync_dir(folder)
    finally:
        source.close()  # last connection: SQLite folds the (empty) WAL and removes it
    dbfile.keep_private(new, shared=True)
    # The old one is retired, never deleted; its private keys now live in the machine folder only.
    retired = old.with_name(old.name + ".moved")
    old.rename(retired)
    for suffix in ("-wal", "-shm"):
        companion = old.with_name(old.name + suffix)
        if companion.exists():
            companion.rename(retired.with_name(retired.name + suffix))
    if old_keys.is_dir() and new_keys.is_dir():
        for key in old_keys.iterdir():
            if (new_keys / key.name).is_file() and (new_keys / key.name).read_bytes() == key.read_bytes():
                key.unlink()
        try:
            old_keys.rmdir()
        except OSError:
            pass  # a key that was not copied stays where it was
    retired.with_name(retired.name + ".txt").write_text(
        f"Cơ sở dữ liệu đã được chuyển sang thư mục của máy / The database was moved to the machine folder:\n{new}\n",
        encoding="utf-8")
