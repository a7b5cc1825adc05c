"""The counter's Ed25519 key, its identity line, and the province keys it trusts.

The private key is a file of its own beside the database — ``<database>.keys/<key id>.key``,
the folder 0700 and the file 0600 — never inside it: a copy of the database (a backup)
carries no private key. Only the public key is recorded in the database (``sync_keys``,
so that a new key is a visible, logged event). A database restored on another machine
has no key there: ``kt1desk sync key --new`` makes one, which the province registers
with ``kt1desk central trust``.

A key line is one line of text that people carry to the province (or back):

    kt1desk-key/1;role=counter;office=BDDLK;counter=Q01;uuid=…;province=dak lak;ed25519=<base64>
    kt1desk-key/1;role=province;province=dak lak;ed25519=<base64>
"""

from __future__ import annotations

import base64
import hashlib
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from .. import clock
from ..errors import Kt1Error
from ..text import fold
from .changelog import head, set_origin

LINE_PREFIX = "kt1desk-key/1"


def key_id_of(public_raw: bytes) -> str:
    """A short, stable name for a public key: the first 16 hex digits of its SHA-256."""
    return hashlib.sha256(public_raw).hexdigest()[:16]


def _ed25519():
    from cryptography.hazmat.primitives.asymmetric import ed25519

    return ed25519


def public_from_b64(text: str):
    try:
        raw = base64.b64decode(text, validate=True)
        return _ed25519().Ed25519PublicKey.from_public_bytes(raw)
    except Exception:
        raise Kt1Error("key_line_bad", value=text[:40]) from None


def public_b64(public_key) -> str:
    from cryptography.hazmat.primitives import serialization

    raw = public_key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return base64.b64encode(raw).decode()


def public_key_id(public_key) -> str:
    return key_id_of(base64.b64decode(public_b64(public_key)))


# -- files -----------------------------------------------------------------------

def keys_dir(db_path: str | Path) -> Path | None:
    """The folder of this database's private keys, or None for a database in memory."""
    if str(db_path) == ":memory:":
        return None
    path = Path(db_path)
    return path.with_name(path.name + ".keys")


def write_private_key(folder: Path, private_key, *, shared: bool = False) -> Path:
    """Write a private key readable by its owner only (0600 in a 0700 folder); beside the machine's
    shared database, by the folder's group too (0640 in a 0770 folder: the program's users)."""
    from cryptography.hazmat.primitives import serialization

    folder_mode, file_mode = (0o770, 0o640) if shared else (0o700, 0o600)
    folder.mkdir(mode=folder_mode, parents=True, exist_ok=True)
    os.chmod(folder, folder_mode)
    pem = private_key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                    serialization.NoEncryption())
    path = folder / f"{public_key_id(private_key.public_key())}.key"
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, file_mode)
    with os.fdopen(fd, "wb") as out:
        out.write(pem)
        out.flush()
        os.fsync(out.fileno())
    return path


def read_private_key(path: Path, *, shared: bool = False):
    from cryptography.hazmat.primitives import serialization

    if os.name == "posix" and stat.S_IMODE(path.stat().st_mode) & (0o027 if shared else 0o077):
        raise Kt1Error("key_file_open", path=str(path))
    return serialization.load_pem_private_key(path.read_bytes(), password=None)


# -- the counter's key ---------------------------------------------------------------

@dataclass
class CounterKey:
    key_id: str
    counter_uuid: str
    private_key: object

    def sign(self, data: bytes) -> bytes:
        return self.private_key.sign(data)


def _current_public(store) -> dict | None:
    uuid_ = head(store.conn).counter_uuid
    return store.one("SELECT * FROM sync_keys WHERE counter_uuid = ? AND retired_at IS NULL "
                     "ORDER BY created_at DESC, rowid DESC LIMIT 1", (uuid_,))


def make_counter_key(store, actor=None) -> str:
    """Make a new key for this counter's current identity; the previous one is retired (logged)."""
    folder = keys_dir(store.path)
    if folder is None:
        raise Kt1Error("key_in_memory")
    private_key = _ed25519().Ed25519PrivateKey.generate()
    path = write_private_key(folder, private_key, shared=getattr(store, "shared", False))
    key_id = path.stem
    with store.write(actor, "sync.key") as tx:
        set_origin(tx, "sync")
        uuid_ = head(store.conn).counter_uuid
        now = clock.iso(tx.now)
        tx.execute("UPDATE sync_keys SET retired_at = ? WHERE counter_uuid = ? AND retired_at IS NULL", (now, uuid_))
        tx.execute("INSERT INTO sync_keys (key_id, counter_uuid, public_key, created_at) VALUES (?, ?, ?, ?)",
                   (key_id, uuid_, public_b64(private_key.public_key()), now))
        tx.record("sync_key", key_id, counter_uuid=uuid_)
    return key_id


def ensure_counter_key(store) -> str | None:
    """The current key's id, made first if this counter has none yet (init, demo, first start)."""
    if keys_dir(store.path) is None:
        return None
    current = _current_public(store)
    if current is not None and (keys_dir(store.path) / f"{current['key_id']}.key").exists():
        return current["key_id"]
    if current is not None:
        return None  # the key file is missing: a restore on another machine; `sync key --new` is a decision
    return make_counter_key(store)


def counter_key(store) -> CounterKey:
    """The key that signs this counter's bundles, or a clear message saying why there is none."""
    current = _current_public(store)
    folder = keys_dir(store.path)
    if current is None or folder is None:
        raise Kt1Error("no_counter_key")
    path = folder / f"{current['key_id']}.key"
    if not path.exists():
        raise Kt1Error("counter_key_missing", key_id=current["key_id"], path=str(path))
    private_key = read_private_key(path, shared=getattr(store, "shared", False))
    if public_b64(private_key.public_key()) != current["public_key"]:
        raise Kt1Error("counter_key_missing", key_id=current["key_id"], path=str(path))
    return CounterKey(current["key_id"], current["counter_uuid"], private_key)


def identity(store) -> dict:
    """Office, counter, identity and current key: what a key line says."""
    from ..services import office

    the_office = office.get_office(store)
    counter = office.get_counter(store)
    current = _current_public(store)
    return {"office": the_office["code"], "counter": counter["code"], "uuid": head(store.conn).counter_uuid,
            "province": fold(the_office["province"]), "province_name": the_office["province"],
            "key_id": current["key_id"] if current else None,
            "public_key": current["public_key"] if current else None}


def counter_key_line(store) -> str:
    me = identity(store)
    if me["public_key"] is None:
        raise Kt1Error("no_counter_key")
    line = (f"{LINE_PREFIX};role=counter;office={me['office']};counter={me['counter']};uuid={me['uuid']};"
            f"province={me['province']};ed25519={me['public_key']}")
    successor = store.one("SELECT predecessor, fork_seq FROM sync_identity WHERE counter_uuid = ?", (me["uuid"],))
    if successor and successor["predecessor"]:
        line += f";predecessor={successor['predecessor']};fork_seq={successor['fork_seq']}"
    return line


def province_key_line(province: str, public_key) -> str:
    return f"{LINE_PREFIX};role=province;province={fold(province)};ed25519={public_b64(public_key)}"


def parse_key_line(line: str) -> dict:
    """The fields of a key line, with ``key_id`` and the public key; Kt1Error if it is not one."""
    text = (line or "").strip()
    parts = text.split(";")
    if not parts or parts[0] != LINE_PREFIX:
        raise Kt1Error("key_line_bad", value=text[:40])
    fields = {}
    for part in parts[1:]:
        name, sep, value = part.partition("=")
        if not sep:
            raise Kt1Error("key_line_bad", value=text[:40])
        fields[name.strip()] = value.strip()
    needed = {"counter": ("office", "counter", "uuid", "province", "ed25519"), "province": ("province", "ed25519")}
    if fields.get("role") not in needed or any(not fields.get(k) for k in needed[fields["role"]]):
        raise Kt1Error("key_line_bad", value=text[:40])
    public_key = public_from_b64(fields["ed25519"])
    fields["public_key"] = public_key
    fields["key_id"] = public_key_id(public_key)
    return fields


# -- province keys this counter trusts ---------------------------------------------------

def trust_province_key(store, actor, line: str) -> str:
    """Trust a province key line for receipts and province bundles (setup, or an admin)."""
    from ..services.users import require_role

    if actor is not None:
        require_role(actor, "admin")
    fields = parse_key_line(line)
    if fields["role"] != "province":
        raise Kt1Error("key_line_role", expected="province")
    if store.scalar("SELECT 1 FROM sync_province_keys WHERE key_id = ?", (fields["key_id"],)):
        return fields["key_id"]
    with store.write(actor, "sync.trust_province") as tx:
        tx.execute("INSERT INTO sync_province_keys (key_id, province, public_key, added_at) VALUES (?, ?, ?, ?)",
                   (fields["key_id"], fields["province"], fields["ed25519"], clock.iso(tx.now)))
        tx.record("province_key", fields["key_id"], province=fields["province"])
    return fields["key_id"]


def province_keys(store) -> dict[str, object]:
    """Trusted province keys by id (not retired)."""
    return {r["key_id"]: public_from_b64(r["public_key"])
            for r in store.all("SELECT key_id, public_key FROM sync_province_keys WHERE retired_at IS NULL")}
