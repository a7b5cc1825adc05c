"""Opening the counter's database file safely, and saying in words what went wrong with it.

The file holds every item and every password hash of the office: it and its
``-wal``/``-shm`` companions are the owner's only (0600), and so is the
program's own data folder (0700) — set at creation and again at every open.

Whatever SQLite or the file system reports (not a database, a damaged or
empty file, a lock held too long, a full disk, no permission) becomes a
``StorageError``: a message in the user's language and an exit status of its
own. A file that fails ``PRAGMA quick_check`` is never written to.
"""

from __future__ import annotations

import os
import sqlite3
import stat
from pathlib import Path

from .errors import Kt1Error

# Exit status of the command line (and of the window) for each kind of storage failure.
EXIT_NOT_DATABASE = 10
EXIT_DAMAGED = 11
EXIT_LOCKED = 12
EXIT_DISK_FULL = 13
EXIT_NO_ACCESS = 14
EXIT_IO = 15
EXIT_NEWER = 16

_EXIT_BY_CODE = {
    "db_not_database": EXIT_NOT_DATABASE, "db_is_directory": EXIT_NOT_DATABASE, "db_not_file": EXIT_NOT_DATABASE,
    "db_empty_file": EXIT_NOT_DATABASE,
    "db_damaged": EXIT_DAMAGED,
    "db_locked": EXIT_LOCKED,
    "db_disk_full": EXIT_DISK_FULL,
    "db_read_only": EXIT_NO_ACCESS, "db_no_access": EXIT_NO_ACCESS, "db_bad_folder": EXIT_NO_ACCESS,
    "db_io": EXIT_IO,
    "db_newer": EXIT_NEWER,
    "db_in_use": EXIT_LOCKED,
}
PRIVATE_FILE = 0o600
PRIVATE_DIR = 0o700
# The machine's database (location.machine_folder, shared by the machine's users): the folder's group
# (the program's users, set by the installer) may read and write; others never.
SHARED_FILE = 0o660
COMPANIONS = ("-wal", "-shm", "-journal")
# Above this size quick_check at every open would slow start-up noticeably (it reads the whole
# file): bigger files are checked on open only for the header and schema, and fully by `kt1desk check`.
QUICK_CHECK_MAX_BYTES = 256 * 1024 * 1024


class StorageError(Kt1Error):
    """The database file cannot be used as asked; ``exit_code`` says which way (see the README)."""

    def __init__(self, code: str, /, **params: object):
        super().__init__(code, None, **params)
        self.exit_code = _EXIT_BY_CODE[code]


def _reason(err: BaseException) -> str:
    return getattr(err, "strerror", None) or str(err)


def prepare(path: Path, *, private_folder: bool, shared: bool = False) -> bool:
    """Make sure ``path`` can hold the database; create it (0600) if missing. Returns True when created.

    ``private_folder``: the folder is the program's own (the default data folder, or one made here),
    so it is kept 0700 too; a folder the user named (``--db /srv/kt1/x.sqlite3``) keeps its mode.
    """
    folder = path.parent
    try:
        if not folder.exists():
            folder.mkdir(mode=PRIVATE_DIR, parents=True)
            private_folder = True
        elif not folder.is_dir():
            raise StorageError("db_bad_folder", path=str(path), folder=str(folder))
        if private_folder and os.name == "posix":
            os.chmod(folder, PRIVATE_DIR)
    except (NotADirectoryError, FileExistsError):
        raise StorageError("db_bad_folder", path=str(path), folder=str(folder)) from None
    except PermissionError as err:
        raise StorageError("db_no_access", path=str(path), reason=_reason(err)) from None
    except OSError as err:
        raise StorageError("db_io", path=str(path), reason=_reason(err)) from None

    try:
        info = path.stat()
    except FileNotFoundError:
        info = None
    except NotADirectoryError:
        raise StorageError("db_bad_folder", path=str(path), folder=str(folder)) from None
    except OSError as err:
        raise StorageError("db_no_access", path=str(path), reason=_reason(err)) from None
    if info is None:
        try:
            os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, SHARED_FILE if shared else PRIVATE_FILE))
        except PermissionError as err:
            raise StorageError("db_no_access", path=str(path), reason=_reason(err)) from None
        except OSError as err:
            raise StorageError("db_io", path=str(path), reason=_reason(err)) from None
        return True
    if stat.S_ISDIR(info.st_mode):
        raise StorageError("db_is_directory", path=str(path))
    if not stat.S_ISREG(info.st_mode):
        raise StorageError("db_not_file", path=str(path))
    if info.st_size == 0:
        # Never a new office: an emptied file is data lost, and `init` over it would hide that.
        raise StorageError("db_empty_file", path=str(path))
    if not os.access(path, os.R_OK):
        raise StorageError("db_no_access", path=str(path), reason="không có quyền đọc / not readable")
    if not os.access(path, os.W_OK) or not os.access(folder, os.W_OK):
        raise StorageError("db_read_only", path=str(path))
    keep_private(path, shared=shared)
    return False


def connect(path: str, *, private_folder: bool, shared: bool = False) -> sqlite3.Connection:
    """The connection the Store uses: the file made private, checked before anything writes to it
    (an existing file must read as a sound database), then the program's pragmas."""
    created = True
    if path != ":memory:":
        created = prepare(Path(path), private_folder=private_folder, shared=shared)
    conn = None
    try:
        # isolation_level=None: transactions are begun only where the Store says so.
        conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False, timeout=2.0)
        if not created:
            # Journal mode and migrations write: a file that is not sound is left untouched.
            conn.execute("PRAGMA query_only=ON")
            conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
            check_schema_version(conn, path)
            if os.path.getsize(path) <= QUICK_CHECK_MAX_BYTES:
                quick_check(conn, path)
            conn.execute("PRAGMA query_only=OFF")
        for pragma in (
            "PRAGMA journal_mode=WAL",
            # An item whose receipt has printed must survive a power cut.
            "PRAGMA synchronous=FULL",
            "PRAGMA foreign_keys=ON",
            # REPLACE's implicit delete then fires delete triggers too (closed manifests).
            "PRAGMA recursive_triggers=ON",
            # A write waits in steps of this (see Store._begin); a read in WAL mode hardly ever waits.
            "PRAGMA busy_timeout=2000",
            # Room for the index pages a bulk back-entry touches, so its one write does not spill
            # to disk half way and holds the lock for less (allocated only as pages are used).
            "PRAGMA cache_size=-65536",
        ):
            conn.execute(pragma)
        return conn
    except BaseException as err:
        if conn is not None:
            conn.close()
        if isinstance(err, sqlite3.Error):
            raise (translate(err, path) or StorageError("db_not_database", path=path)) from None
        if isinstance(err, UnicodeDecodeError):  # the schema's own text is damaged: it reads as no text at all
            raise StorageError("db_damaged", path=path) from None
        raise


def keep_private(path: Path, *, shared: bool = False) -> None:
    """The database and its companions: owner only (owner and the folder's group for the machine's
    shared database). Called at every open and after the WAL exists."""
    if os.name != "posix":
        return  # Windows: the folder's permissions (per-user, or set by the installer) are inherited
    mode = SHARED_FILE if shared else PRIVATE_FILE
    for name in [str(path)] + [str(path) + suffix for suffix in COMPANIONS]:
        try:
            if stat.S_IMODE(os.stat(name).st_mode) != mode:
                os.chmod(name, mode)
        except FileNotFoundError:
            pass
        except PermissionError as err:
            raise StorageError("db_no_access", path=name, reason=_reason(err)) from None


def translate(err: sqlite3.Error, path: str) -> StorageError | None:
    """The StorageError for what SQLite said, or None when it is not about the file (a constraint, a bug)."""
    name = getattr(err, "sqlite_errorname", "") or ""
    text = str(err)
    if name.startswith("SQLITE_NOTADB") or "file is not a database" in text:
        return StorageError("db_not_database", path=path)
    if name.startswith("SQLITE_CORRUPT") or "malformed" in text:
        return StorageError("db_damaged", path=path)
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "database is locked" in text:
        return StorageError("db_locked", path=path)
    if name.startswith("SQLITE_FULL") or "database or disk is full" in text:
        return StorageError("db_disk_full", path=path)
    if name.startswith("SQLITE_READONLY"):
        return StorageError("db_read_only", path=path)
    if name.startswith(("SQLITE_CANTOPEN", "SQLITE_PERM", "SQLITE_AUTH")):
        return StorageError("db_no_access", path=path, reason=text)
    if name.startswith("SQLITE_IOERR") or "disk I/O error" in text:
        return StorageError("db_io", path=path, reason=text)
    return None


def is_busy(err: sqlite3.Error) -> bool:
    name = getattr(err, "sqlite_errorname", "") or ""
    return name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "database is locked" in str(err)


def unknown_migrations(conn: sqlite3.Connection) -> list[str]:
    """Migrations the file has that this program does not know: it was made by a newer program."""
    from .schema_names import MIGRATIONS

    if not conn.execute("SELECT 1 FROM sqlite_master WHERE name = '_sqlite_migrations'").fetchone():
        return []
    done = [r[0] for r in conn.execute("SELECT name FROM _sqlite_migrations WHERE migration_set = 'kt1desk'")]
    return [name for name in done if name not in MIGRATIONS]


def check_schema_version(conn: sqlite3.Connection, path: str) -> None:
    """Refuse, before anything is written, a database a newer program has already changed: this one
    would not know its tables' rules (and its own migrations could fight them)."""
    unknown = unknown_migrations(conn)
    if unknown:
        raise StorageError("db_newer", path=path, names=", ".join(unknown))


def quick_check(conn: sqlite3.Connection, path: str) -> None:
    """Raise StorageError('db_damaged') unless SQLite's quick_check says ok."""
    try:
        rows = conn.execute("PRAGMA quick_check(5)").fetchall()
    except sqlite3.DatabaseError as err:
        raise (translate(err, path) or StorageError("db_damaged", path=path)) from None
    if [r[0] for r in rows] != ["ok"]:
        raise StorageError("db_damaged", path=path)
