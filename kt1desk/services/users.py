"""Named users, roles and passwords (argon2id). Role checks live here, used by every service."""

from __future__ import annotations

import re
from datetime import timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from .. import clock
from ..errors import FieldErrors, Kt1Error
from ..storage import Store, User
from ..text import bad_char_error, nfc

ROLES = ("clerk", "supervisor", "admin")
ROLE_NAMES = {
    "clerk": {"vi": "giao dịch viên", "en": "clerk"},
    "supervisor": {"vi": "kiểm soát viên", "en": "supervisor"},
    "admin": {"vi": "quản trị", "en": "admin"},
}
MIN_PASSWORD = 6
_LOGIN = re.compile(r"^[A-Za-z0-9._-]{2,32}$", re.ASCII)
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
    hidden = bad_char_error(full_name, "full_name", {"vi": "Họ tên", "en": "Full name"})
    if hidden:
        errors.append(hidden)
    elif not nfc(full_name):
        errors.append(Kt1Error("required", "full_name", label={"vi": "Họ tên", "en": "Full name"}))
    if not is_encodable(password or ""):
        errors.append(Kt1Error("password_encoding", "password"))
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


def locked_for(store: Store, login: str) -> Kt1Error | None:
    """``login_locked`` (with the seconds left) while this account must wait, else None.

    Only for a user whose identity is already known (the lock screen of their own session):
    the login dialog says the same thing for every refusal, so that nobody learns which logins exist.
    """
    from . import settings

    row = store.one("SELECT login, failed_logins, last_failed_at FROM users WHERE login = ?", (login,))
    if row is None or not row["last_failed_at"]:
        return None
    wait = lockout_seconds(row["failed_logins"], settings.get(store, "login_free_attempts"))
    left = (clock.parse_iso(row["last_failed_at"]) + timedelta(seconds=wait) - clock.now()).total_seconds()
    if wait and left > 0:
        return Kt1Error("login_locked", "password", login=row["login"], count=row["failed_logins"],
                        seconds=int(left) + 1)
    return None


def authenticate(store: Store, login: str, password: str) -> User:
    """The user, or Kt1Error('login_failed') — the same words for an unknown login, a wrong password
    and a locked account, so that nobody learns which logins exist.

    Each attempt is one short write that holds the write lock while the password is checked and
    counts a failure before it lets go: attempts made at once (twelve processes, twelve guesses) are
    checked one after the other, and once the free attempts are used the rest are refused without a
    check. A right password writes nothing (it clears an earlier count). Right passwords typed at once all succeed. The lock is
    held for one argon2 check (about 80 ms); refused attempts pay the same cost outside it.
    """
    from . import settings

    password = password or ""
    if not is_encodable(password):
        raise Kt1Error("password_encoding", "password")
    free = settings.get(store, "login_free_attempts")
    user, verified, rehash = None, False, False
    with store.write(None, "user.login_attempt") as tx:
        now = tx.now
        row = tx.execute("SELECT id, login, full_name, role, password_hash, active, failed_logins, last_failed_at "
                         "FROM users WHERE login = ?", ((login or "").strip(),)).fetchone()
        if row is not None:
            failures, last_failed = row[6], row[7]
            wait = lockout_seconds(failures, free)
            locked = bool(wait and last_failed and now < clock.parse_iso(last_failed) + timedelta(seconds=wait))
            if not locked:
                user = User(id=row[0], login=row[1], full_name=row[2], role=row[3])
                try:
                    _hasher.verify(row[4], password)
                    verified = True
                except (VerificationError, InvalidHashError):
                    tx.execute("UPDATE users SET failed_logins = failed_logins + 1, last_failed_at = ? WHERE id = ?",
                               (clock.iso(now), user.id))
                    tx.action = "user.login_failed"  # what the journal says of this write
                    tx.record("user", user.id, login=user.login, event="login_failed")
                if verified:
                    if failures:  # a right password clears the count; a login with none writes nothing
                        tx.execute("UPDATE users SET failed_logins = 0 WHERE id = ?", (user.id,))
                    rehash = _hasher.check_needs_rehash(row[4])
    if user is None:
        _hasher.hash(password or "x")  # the same cost as a real check: no hint in the time taken either
    if not verified:
        raise Kt1Error("login_failed", "password")
    if rehash:
        with store.write(user, "user.login") as tx:
            tx.execute("UPDATE users SET password_hash = ? WHERE id = ?", (_hasher.hash(password), user.id))
    # Said only to someone who knows the password: no hint to others that the login exists.
    if not row[5]:
        raise Kt1Error("user_inactive", "login", login=user.login)
    return user


def is_encodable(password: str) -> bool:
    """A password read from the environment may hold bytes that are not UTF-8 (surrogate escapes)."""
    try:
        password.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


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
