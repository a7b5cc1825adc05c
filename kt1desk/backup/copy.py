"""``kt1desk backup``: a checked copy of the counter's database, safe while the program runs.

The copy is made by SQLite's online backup API in one step from a connection of its own: one
consistent snapshot, while the other counters and this window go on writing (in WAL mode a
reader never blocks a writer). It is written as ``.<name>.part`` in the backup folder, made a
single self-contained file (rollback journal, not WAL), synced to the disk, then checked as it
lies there — ``PRAGMA integrity_check`` and the change log's hash chain — and only then given
its name by a rename, with its SHA-256 beside it. A backup that fails anywhere leaves nothing
behind. The counter's private key lives beside the database (``<db>.keys/``), never in it, so a
backup never carries it.

Names: ``KT1-<office>-<counter>-<YYYYMMDD-HHMMSS>.sqlite3`` (Vietnam time); the newest N of this
counter's backups in that folder are kept (setting ``backup_keep``), older ones removed.
"""

from __future__ import annotations

import hashlib
import os
import re
import sqlite3
import time
from pathlib import Path

from .. import clock
from ..errors import Kt1Error
from ..location import fsync_dir, fsync_file

SUFFIX = ".sqlite3"
SQLITE_MAGIC = b"SQLite format 3\x00"


def _safe(code: str) -> str:
    """An office or counter code as it may appear in a file name on any system."""
    return re.sub(r"[^A-Za-z0-9_]", "_", code) or "_"


def backup_name(office: str, counter: str, when, n: int = 1) -> str:
    stamp = clock.to_vn(when).strftime("%Y%m%d-%H%M%S")
    return f"KT1-{_safe(office)}-{_safe(counter)}-{stamp}{'' if n == 1 else f'-{n}'}{SUFFIX}"


def _pattern(office: str, counter: str) -> re.Pattern:
    return re.compile(rf"KT1-{re.escape(_safe(office))}-{re.escape(_safe(counter))}-(\d{{8}}-\d{{6}})(?:-(\d+))?"
                      rf"{re.escape(SUFFIX)}")


def backups_in(folder: Path, office: str, counter: str) -> list[Path]:
    """This counter's backups in ``folder``, oldest first."""
    pattern = _pattern(office, counter)
    found = []
    for path in folder.iterdir():
        match = pattern.fullmatch(path.name)
        if match and path.is_file():
            found.append(((match[1], int(match[2] or 1)), path))
    return [path for _key, path in sorted(found)]


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def sidecar(path: Path) -> Path:
    return path.with_name(path.name + ".sha256")


# -- checking a copy --------------------------------------------------------------------------------

def _why(vi: str, en: str) -> dict:
    return {"vi": vi, "en": en}


class NotSound(Exception):
    """A database file that must not be used as a backup; ``reason`` is {'vi': …, 'en': …}."""

    def __init__(self, reason: dict):
        super().__init__(reason["en"])
        self.reason = reason


def read_only(path: Path) -> sqlite3.Connection:
    """A connection that can neither write the file nor leave a -wal or -shm beside it (a stick may be read-only)."""
    return sqlite3.connect(path.resolve().as_uri() + "?mode=ro&immutable=1", uri=True, isolation_level=None)


def inspect(path: Path, *, records: bool = False) -> dict:
    """Check a backup file as it lies on its disk and say what it holds; NotSound when it must not be used.

    Checks, in order: a regular, non-empty SQLite file; the SHA-256 written beside it, if there;
    ``PRAGMA integrity_check`` over every page; no migration this program does not know (a newer
    program's file); an office; the change log's hash chain, entry by entry; with ``records`` (before a
    restore) every logged record against its last logged image too.
    """
    from ..dbfile import unknown_migrations
    from ..sync.audit import verify_chain

    path = Path(path)
    try:
        if not path.is_file():
            raise NotSound(_why("không phải một tệp", "not a file"))
        with open(path, "rb") as handle:
            if handle.read(16) != SQLITE_MAGIC:
                raise NotSound(_why("không phải tệp cơ sở dữ liệu SQLite", "not an SQLite database file"))
    except OSError as err:
        raise NotSound(_why(f"không đọc được ({err.strerror or err})", f"cannot be read ({err.strerror or err})")) from None
    side = sidecar(path)
    digest = None
    if side.is_file():
        digest = sha256_of(path)
        written = side.read_text(encoding="utf-8", errors="replace").split()[:1]
        if written != [digest]:
            raise NotSound(_why("tệp đã bị thay đổi sau khi sao lưu (SHA-256 không khớp)",
                                "the file changed after it was made (SHA-256 does not match)"))
    conn = read_only(path)
    try:
        try:
            problems = [r[0] for r in conn.execute("PRAGMA integrity_check(5)")]
        except sqlite3.DatabaseError as err:
            raise NotSound(_why(f"tệp bị hỏng ({err})", f"the file is damaged ({err})")) from None
        if problems != ["ok"]:
            raise NotSound(_why("kiểm tra toàn vẹn không đạt: " + "; ".join(problems),
                                "integrity check failed: " + "; ".join(problems)))
        newer = unknown_migrations(conn)
        if newer:
            raise NotSound(_why(f"do phiên bản mới hơn của chương trình tạo ra ({', '.join(newer)})",
                                f"made by a newer version of the program ({', '.join(newer)})"))
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        office = conn.execute("SELECT code, name FROM office WHERE id = 1").fetchone() if "office" in tables else None
        if office is None:
            raise NotSound(_why("không có dữ liệu bưu cục", "it holds no office"))
        chain = verify_chain(conn, records=records)
        if not chain.intact:
            first = chain.findings[0]
            raise NotSound(_why(first.text("vi").rstrip("."), first.text("en").rstrip(".")))
        facts = _facts(conn, tables)
    except sqlite3.DatabaseError as err:
        raise NotSound(_why(f"tệp bị hỏng ({err})", f"the file is damaged ({err})")) from None
    finally:
        conn.close()
    return facts | {"office": office[0], "office_name": office[1], "entries": chain.entries, "sha256": digest,
                    "bytes": path.stat().st_size}


def _facts(conn: sqlite3.Connection, tables: set[str]) -> dict:
    """Counter, identity, items, the log's head and its newest time, the serial blocks."""
    setting = conn.execute("SELECT value FROM settings WHERE key = 'this_counter' ORDER BY effective_from DESC "
                           "LIMIT 1").fetchone() if "settings" in tables else None
    code = (setting[0] if setting else "").strip().upper()
    counter = conn.execute("SELECT id, code FROM counters WHERE code = ?", (code,)).fetchone() if code else None
    counter = counter or conn.execute("SELECT id, code FROM counters WHERE active = 1 ORDER BY id LIMIT 1").fetchone()
    identity = head_seq = as_of = None
    if "change_log" in tables:
        identity = conn.execute("SELECT counter_uuid FROM sync_identity ORDER BY id DESC LIMIT 1").fetchone()[0]
        last = conn.execute("SELECT seq, at FROM change_log WHERE counter_uuid = ? ORDER BY id DESC LIMIT 1",
                            (identity,)).fetchone()
        head_seq = last[0] if last else 0
        as_of = conn.execute("SELECT MAX(at) FROM change_log").fetchone()[0]
    blocks = [{"indicator": r[0], "first": r[1], "last": r[2], "next": r[3]}
              for r in conn.execute("SELECT indicator, first, last, next FROM serial_blocks WHERE counter_id = ? "
                                    "ORDER BY id", (counter[0] if counter else -1,))]
    return {"counter": counter[1] if counter else None, "counter_uuid": identity, "head_seq": head_seq,
            "as_of": as_of, "items": conn.execute("SELECT COUNT(*) FROM items").fetchone()[0], "blocks": blocks}


# -- taking a backup --------------------------------------------------------------------------------

def configured_folder(store) -> Path | None:
    from ..services import settings

    folder = settings.get(store, "backup_folder")
    return Path(folder) if folder else None


def take(store, out_dir: str | Path | None = None, *, keep: int | None = None) -> dict:
    """Back the database up into ``out_dir`` (else the configured backup folder); returns what was done.

    Raises Kt1Error with a message for people when there is no folder, it is not there (a stick
    not plugged in), the copy cannot be written (full, read-only), or it fails its check.
    """
    from ..services import office, settings

    folder = Path(out_dir) if out_dir else configured_folder(store)
    if folder is None:
        raise Kt1Error("backup_no_folder")
    if not folder.is_dir():
        raise Kt1Error("backup_folder_missing", folder=str(folder))
    keep = keep or settings.get(store, "backup_keep")
    the_office, counter = office.get_office(store)["code"], office.get_counter(store)["code"]
    when = clock.now()
    n = 1
    while (folder / backup_name(the_office, counter, when, n)).exists():
        n += 1
    final = folder / backup_name(the_office, counter, when, n)
    part = folder / f".{final.name}.part"
    started = time.perf_counter()
    try:
        _copy(store.path, part)
        copied = time.perf_counter()
        try:
            facts = inspect(part)
        except NotSound as bad:
            raise Kt1Error("backup_copy_bad", reason=bad.reason) from None
        digest = sha256_of(part)
        part.rename(final)
        side = sidecar(final)
        side.write_text(f"{digest}  {final.name}\n", encoding="utf-8")
        fsync_file(side)
        fsync_dir(folder)
    except OSError as err:
        raise Kt1Error("backup_failed", folder=str(folder), reason=err.strerror or str(err)) from None
    except sqlite3.Error as err:
        raise Kt1Error("backup_failed", folder=str(folder), reason=_sqlite_reason(err)) from None
    finally:
        if part.exists():
            part.unlink()
    removed = []
    for old in backups_in(folder, the_office, counter)[:-keep]:
        for path in (old, sidecar(old)):
            if path.exists():
                path.unlink()
        removed.append(str(old))
    checked = time.perf_counter()
    return {"file": str(final), "bytes": facts["bytes"], "sha256": digest, "office": the_office, "counter": counter,
            "items": facts["items"], "entries": facts["entries"], "integrity": "ok", "chain": "intact",
            "copy_seconds": round(copied - started, 3), "check_seconds": round(checked - copied, 3),
            "kept": keep, "removed": removed}


def _sqlite_reason(err: sqlite3.Error) -> dict:
    name = getattr(err, "sqlite_errorname", "") or ""
    if name.startswith("SQLITE_FULL") or "full" in str(err):
        return _why("ổ đĩa sao lưu đã đầy", "the backup disk is full")
    if name.startswith(("SQLITE_READONLY", "SQLITE_CANTOPEN", "SQLITE_PERM")):
        return _why("không ghi được vào thư mục (chỉ đọc hoặc không có quyền)",
                    "the folder cannot be written (read-only or no permission)")
    return _why(str(err), str(err))


def _copy(source: str, part: Path) -> None:
    """SQLite's online backup, in one step from a connection of its own: one consistent snapshot."""
    src = sqlite3.connect(source, isolation_level=None, timeout=30)
    try:
        src.execute("PRAGMA query_only=ON")
        dst = sqlite3.connect(str(part), isolation_level=None)
        try:
            # Nothing to journal: a copy cut short is deleted, never used.
            dst.execute("PRAGMA journal_mode=OFF")
            dst.execute("PRAGMA synchronous=OFF")
            src.backup(dst)
            # One self-contained file: no -wal or -shm beside it on the stick.
            dst.execute("PRAGMA journal_mode=DELETE")
        finally:
            dst.close()
    finally:
        src.close()
    if os.name == "posix":
        os.chmod(part, 0o600)  # the office's data: the owner's only, wherever it is carried
    fsync_file(part)
