"""The bundle: one self-contained, signed file for the network and the USB stick alike.

    KT1B/1\\n
    <manifest: one line of JSON, keys sorted>\\n
    <base64 Ed25519 signature over exactly the manifest line's bytes>\\n
    <gzip of the body: JSON Lines>

The manifest says what the bundle is (``kind``: ``changes`` from a counter, ``receipt``
or ``province`` from the province), who signed it (``key_id``), for whom it is
(``destination``), and the body's SHA-256 and length, so a flipped byte, a cut-off
copy or an edited manifest is refused before anything is read from the body.
No zip, no SQLite file: untrusted input is parsed by these few lines only, and the
body is decompressed with a bound. See docs/bundle-format.md.
"""

from __future__ import annotations

import base64
import binascii
import gzip
import hashlib
import json
import os
import uuid
import zlib
from dataclasses import dataclass
from pathlib import Path

from ..errors import Kt1Error

MAGIC = b"KT1B/1\n"
FORMAT = 1
MAX_MANIFEST = 64 * 1024
# A week of Tết at a busy counter is a few hundred thousand entries; this bounds a hostile body.
MAX_BODY_RAW = 1024 * 1024 * 1024


def canonical(data: dict) -> bytes:
    return json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode()


def new_id() -> str:
    return str(uuid.uuid4())


def write(manifest: dict, body_raw: bytes, sign) -> bytes:
    """The bundle's bytes; ``sign(bytes) -> bytes`` signs the manifest line."""
    body = gzip.compress(body_raw, compresslevel=6, mtime=0)
    manifest = dict(manifest, format=FORMAT, body_sha256=hashlib.sha256(body).hexdigest(),
                    body_length=len(body), body_raw_length=len(body_raw))
    line = canonical(manifest)
    signature = base64.b64encode(sign(line))
    return MAGIC + line + b"\n" + signature + b"\n" + body


@dataclass
class Bundle:
    manifest: dict
    manifest_line: bytes
    signature: bytes
    body: bytes

    @property
    def kind(self) -> str:
        return self.manifest.get("kind", "")

    def verify(self, public_key) -> None:
        from cryptography.exceptions import InvalidSignature

        try:
            public_key.verify(self.signature, self.manifest_line)
        except InvalidSignature:
            raise Kt1Error("bundle_signature", key_id=self.manifest.get("key_id", "?")) from None

    def body_raw(self, limit: int = MAX_BODY_RAW) -> bytes:
        """The decompressed body, refusing more than the manifest announced (or ``limit``)."""
        announced = self.manifest.get("body_raw_length")
        if not isinstance(announced, int) or announced < 0 or announced > limit:
            raise Kt1Error("bundle_too_big", limit=limit)
        inflater = zlib.decompressobj(wbits=31)  # gzip
        try:
            raw = inflater.decompress(self.body, announced + 1)
        except zlib.error:
            raise Kt1Error("bundle_damaged", reason="gzip") from None
        if len(raw) != announced or not inflater.eof:
            raise Kt1Error("bundle_damaged", reason="length")
        return raw

    def lines(self) -> list:
        """The body's JSON lines."""
        raw = self.body_raw().strip(b"\n")
        if not raw:
            return []
        # Each line is one JSON value with no raw newline inside (JSON escapes them), so the lines
        # joined by commas are one JSON array: one parse instead of one per line.
        try:
            lines = json.loads(b"[" + raw.replace(b"\n", b",") + b"]")
        except (ValueError, UnicodeDecodeError):
            raise Kt1Error("bundle_damaged", reason="json") from None
        if raw.count(b"\n") + 1 != len(lines):
            raise Kt1Error("bundle_damaged", reason="json")
        return lines


def read(data: bytes) -> Bundle:
    """Split and check a bundle's framing and body hash; the signature is checked by the caller."""
    if not data.startswith(MAGIC):
        if data[:5] == b"KT1B/":
            raise Kt1Error("bundle_version", version=data[:12].split(b"\n")[0].decode("ascii", "replace"))
        raise Kt1Error("bundle_not_bundle")
    rest = data[len(MAGIC):]
    first = rest.find(b"\n", 0, MAX_MANIFEST)
    second = rest.find(b"\n", first + 1, first + 1 + 200) if first >= 0 else -1
    if first < 0 or second < 0:
        raise Kt1Error("bundle_damaged", reason="header")
    line, signature_b64, body = rest[:first], rest[first + 1:second], rest[second + 1:]
    try:
        manifest = json.loads(line)
        signature = base64.b64decode(signature_b64, validate=True)
    except (ValueError, UnicodeDecodeError, binascii.Error):
        raise Kt1Error("bundle_damaged", reason="manifest") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise Kt1Error("bundle_damaged", reason="manifest")
    if manifest.get("body_length") != len(body):
        raise Kt1Error("bundle_truncated", expected=manifest.get("body_length"), got=len(body))
    if hashlib.sha256(body).hexdigest() != manifest.get("body_sha256"):
        raise Kt1Error("bundle_body_hash")
    return Bundle(manifest, line, signature, body)


def read_bytes(path) -> bytes:
    """A bundle file's bytes (bounded), or the program's message when it cannot be read."""
    try:
        with open(path, "rb") as handle:
            return handle.read(MAX_BODY_RAW + 1)
    except OSError as err:
        raise Kt1Error("file_unreadable", path=str(path), reason=err.strerror or str(err)) from None


def read_file(path) -> Bundle:
    return read(read_bytes(path))


def write_file(out, data: bytes, name: str) -> Path:
    """Write a bundle to ``out`` (a file, or a folder such as a USB stick: ``name`` in it), whole or not at all:
    a stick pulled out mid-write leaves a ``.part``, never a cut bundle."""
    out = Path(out)
    if out.is_dir():
        out = out / name
    tmp = out.with_name(out.name + ".part")
    try:
        with open(tmp, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        tmp.replace(out)
    except OSError as err:
        raise Kt1Error("file_unwritable", path=str(out), reason=err.strerror or str(err)) from None
    return out


_COMPACT = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


def entry_line(entry: tuple) -> bytes:
    """One change entry (seq, at, origin, actor, action, tbl, pk, op, row, prev_hash, hash) as a body line:

        [seq,at,origin,actor,action,tbl,pk,op,prev_hash,hash] TAB row

    The row image follows the tab as the very text that was hashed (empty for a delete): it is
    neither escaped nor parsed on the way, and JSON text never holds a raw tab.
    """
    header = _COMPACT([*entry[:8], entry[9], entry[10]])
    return header.encode() + b"\t" + (entry[8] or "").encode() + b"\n"


def entries(b: Bundle) -> list[tuple]:
    """The entries of a ``changes`` bundle as (seq, at, origin, actor, action, tbl, pk, op, row, prev_hash,
    hash, row_bytes); Kt1Error('bundle_damaged') when a line is not one."""
    raw = b.body_raw().strip(b"\n")
    if not raw:
        return []
    heads, rows = [], []
    for line in raw.split(b"\n"):
        head, tab, row = line.partition(b"\t")
        if not tab:
            raise Kt1Error("bundle_damaged", reason="line")
        heads.append(head)
        rows.append(row)
    try:
        parsed = json.loads(b"[" + b",".join(heads) + b"]")
        return [(*h[:8], row.decode() if row else None, h[8], h[9], row)
                for h, row in zip(parsed, rows, strict=True)]
    except (ValueError, UnicodeDecodeError, TypeError, IndexError):
        raise Kt1Error("bundle_damaged", reason="json") from None
