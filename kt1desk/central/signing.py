"""The province's signing key: a file in the central's key folder (0600 in 0700), its public half in kt1."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from ..errors import Kt1Error
from ..sync.keys import province_key_line, public_b64, public_key_id, read_private_key, write_private_key


def default_key_dir() -> Path:
    env = os.environ.get("KT1CENTRAL_KEYS")
    return Path(env) if env else Path(platformdirs.user_data_dir("KT1Central", appauthor=False)) / "keys"


@dataclass
class Signer:
    key_id: str
    private_key: object
    province: str

    def sign(self, data: bytes) -> bytes:
        return self.private_key.sign(data)

    def key_line(self) -> str:
        return province_key_line(self.province, self.private_key.public_key())


def ensure_key(conn, key_dir: Path, province: str) -> Signer:
    """The current province key, made (and its public half recorded) when there is none here."""
    try:
        return load(conn, key_dir)
    except Kt1Error:
        pass
    from cryptography.hazmat.primitives.asymmetric import ed25519

    private_key = ed25519.Ed25519PrivateKey.generate()
    write_private_key(Path(key_dir), private_key)
    with conn.transaction():
        conn.execute("UPDATE kt1.province_keys SET retired_at = now() WHERE retired_at IS NULL")
        conn.execute("INSERT INTO kt1.province_keys (key_id, public_key) VALUES (%s, %s)",
                     (public_key_id(private_key.public_key()), public_b64(private_key.public_key())))
    return Signer(public_key_id(private_key.public_key()), private_key, province)


def load(conn, key_dir: Path) -> Signer:
    from .schema import province_of

    row = conn.execute("SELECT key_id, public_key FROM kt1.province_keys WHERE retired_at IS NULL "
                       "ORDER BY created_at DESC LIMIT 1").fetchone()
    conn.commit()
    path = Path(key_dir) / f"{row[0]}.key" if row else Path(key_dir)
    if row is None or not path.exists():
        raise Kt1Error("central_no_key", path=str(path))
    private_key = read_private_key(path)
    if public_b64(private_key.public_key()) != row[1]:
        raise Kt1Error("central_no_key", path=str(path))
    return Signer(row[0], private_key, province_of(conn) or "")
