"""Named users, roles and passwords (argon2id). Role checks live here, used by every service."""

from __future__ import annotations

import re
from datetime import timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from .. import clock
from ..errors import FieldErrors, Kt1Error
from ..storage import Store, User
from ..text import nfc

ROLES = ("clerk", "supervisor", "admin")
ROLE_NAMES = {
    "clerk": {"vi": "giao dịch viên", "en": "clerk"},
    "supervisor": {"vi": "kiểm soát viên", "en": "supervisor"},
    "admin": {"vi": "quản trị", "en": "admin"},
}
MIN_PASSWORD = 6
_LOGIN = re.compile(r"^[A-Za-z0-9._-]{2,32}$")
_hasher = PasswordHasher()  # argon2id with the library's current defaults


def require_role(actor: User | None, *roles: str) -> None:
    if actor is None or actor.role not in roles:
        raise Kt1Error(
            "role_required",
            roles=" / ".join(ROLE_NAMES[r]["vi"] for r in roles),
            login=actor.login if actor else "?",
            role=ROLE_NAMES[actor.role] if actor else "?",
        )


def _user(row: dict) -> User:
    return User(id=row["id"], login=row["login"], full_name=row["full_name"], role=row["role"])


def create_user(store: Store, actor: User | None, *, login: str, full_name: str, role: str, password: str) -> User:
    """Admins create users; ``actor=None`` only while setting up a new database."""
    if actor is not None:
        require_role(actor, "admin")
    login = (login or "").strip()
    errors = []
    if not _LOGIN.match(login):
        errors.append(Kt1Error("bad_login", "login"))
    if role not in ROLES:
        errors.append(Kt1Error("bad_role", "role"))
    if len(password or "") < MIN_PASSWORD:
        errors.append(Kt1Error("weak_password", "password", min=MIN_PASSWORD))
    if not nfc(full_name):
        errors.append(Kt1Error("required", "full_name", label={"vi": "Họ tên", "en": "Full name"}))
    if errors:
        raise FieldErrors(errors)
    if store.scalar("SELECT 1 FROM users WHERE login = ?", (login,)):
        raise Kt1Error("login_taken", "login", login=login)
    with store.write(actor, "user.create") as tx:
        cursor = tx.execute(
            "INSERT INTO users (login, full_name, role, password_hash, created_at) VALUES (?, ?, ?, ?, ?)",
            (login, nfc(full_name), role, _hasher.hash(password), clock.iso(tx.now)),
        )
        tx.record("user", cursor.lastrowid, login=login, role=role)
    return get_user(store, login)


def get_user(store: Store, login: str) -> User | None:
    row = store.one("SELECT id, login, full_name, role FROM users WHERE login = ?", (login,))
    return _user(row) if row else None


def list_users(store: Store) -> list[dict]:
    return store.all("SELECT id, login, full_name, role, active, created_at FROM users ORDER BY login")


def lockout_seconds(failures: int, free_attempts: int) -> int:
    """After the free attempts, each wrong password doubles the wait: 5, 10, 20 … 300 s."""
    if failures < free_attempts:
        return 0
    return min(300, 5 * 2 ** (failures - free_attempts))


def authenticate(store: Store, login: str, password: str) -> User:
    """The user, or Kt1Error. Wrong passwords are counted and slow the next try down."""
    from . import settings

    row = store.one("SELECT * FROM users WHERE login = ?", ((login or "").strip(),))
    if row is None:
        _hasher.hash(password or "x")  # same cost as a real check: no hint that the login is unknown
        raise Kt1Error("login_failed", "password")
    now = clock.now()
    wait = lockout_seconds(row["failed_logins"], settings.get(store, "login_free_attempts"))
    if wait and row["last_failed_at"]:
        until = clock.parse_iso(row["last_failed_at"]) + timedelta(seconds=wait)
        if now < until:
            raise Kt1Error("login_locked", "password", login=row["login"], count=row["failed_logins"],
                           seconds=int((until - now).total_seconds()) + 1)
    try:
        _hasher.verify(row["password_hash"], password or "")
    except (VerificationError, InvalidHashError):
        with store.write(None, "user.login_failed") as tx:
            tx.execute("UPDATE users SET failed_logins = failed_logins + 1, last_failed_at = ? WHERE id = ?",
                       (clock.iso(now), row["id"]))
            tx.record("user", row["id"], login=row["login"], event="login_failed")
        raise Kt1Error("login_failed", "password") from None
    # Said only to someone who knows the password: no hint to others that the login exists.
    if not row["active"]:
        raise Kt1Error("user_inactive", "login", login=row["login"])
    if row["failed_logins"] or _hasher.check_needs_rehash(row["password_hash"]):
        with store.write(_user(row), "user.login") as tx:
            tx.execute("UPDATE users SET failed_logins = 0, password_hash = ? WHERE id = ?",
                       (_hasher.hash(password) if _hasher.check_needs_rehash(row["password_hash"]) else row["password_hash"], row["id"]))
    return _user(row)


def set_password(store: Store, actor: User, *, login: str, password: str) -> None:
    """A user changes their own password; an admin may set anyone's."""
    if actor.login != login:
        require_role(actor, "admin")
    if len(password or "") < MIN_PASSWORD:
        raise Kt1Error("weak_password", "password", min=MIN_PASSWORD)
    with store.write(actor, "user.password") as tx:
        tx.execute("UPDATE users SET password_hash = ?, failed_logins = 0 WHERE login = ?", (_hasher.hash(password), login))
        tx.record("user", login, event="password_changed")


def set_active(store: Store, actor: User, *, login: str, active: bool) -> None:
    require_role(actor, "admin")
    with store.write(actor, "user.active") as tx:
        tx.execute("UPDATE users SET active = ? WHERE login = ?", (int(active), login))
        tx.record("user", login, active=active)
