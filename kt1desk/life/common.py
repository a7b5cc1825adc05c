"""What the hand-overs share: names typed as signatures, pictures from a signature pad, times given."""

from __future__ import annotations

import base64
import hashlib
from datetime import datetime, timedelta

from .. import clock
from ..errors import Kt1Error, label
from ..formats import moment
from ..text import fold, nfc

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
MAX_SIGNATURE_BYTES = 512 * 1024
# A clock a little ahead on another PC must not refuse "now".
FUTURE_SLACK = timedelta(minutes=5)


def required_text(value, field: str, vi: str, en: str, *, max_length: int = 200) -> str:
    text = nfc(value)
    if not text:
        raise Kt1Error("required", field, label=label(vi, en))
    if len(text) > max_length:
        raise Kt1Error("text_too_long", field, label=label(vi, en), max=max_length)
    return text


def typed_signature(name: str, signature: str | None, field: str) -> str:
    """A signature typed as the signer's name: it must be that name (case and diacritics forgiven)."""
    typed = nfc(signature) if signature is not None else name
    if not typed:
        raise Kt1Error("required", field, label=label("Chữ ký (gõ họ tên)", "Signature (typed name)"))
    if fold(typed) != fold(name):
        raise Kt1Error("signature_mismatch", field, signature=typed, name=name)
    return typed


def moment_given(value, field: str, vi: str, en: str, *, not_before: datetime | None = None) -> datetime | None:
    """A time someone typed for when a hand-over happened: not in the future, not before ``not_before``."""
    if value in (None, ""):
        return None
    if isinstance(value, datetime):
        when = clock.to_vn(value)
    else:
        try:
            when = clock.parse_local(str(value))
        except (ValueError, OverflowError):
            raise Kt1Error("bad_datetime", field, label=label(vi, en), value=value) from None
    if when > clock.now() + FUTURE_SLACK:
        raise Kt1Error("time_future", field, label=label(vi, en))
    if not_before is not None and when < not_before:
        raise Kt1Error("time_too_early", field, label=label(vi, en), earliest=moment(not_before))
    return when


def keep_signature(tx, png: bytes | None) -> str | None:
    """Store a signature-pad picture (PNG) once, keyed by its SHA-256; None when there is none."""
    if not png:
        return None
    if not png.startswith(PNG_MAGIC) or len(png) > MAX_SIGNATURE_BYTES:
        raise Kt1Error("signature_image", "signature_image", max=MAX_SIGNATURE_BYTES // 1024)
    digest = hashlib.sha256(png).hexdigest()
    tx.execute("INSERT OR IGNORE INTO signatures (sha256, png_base64, at) VALUES (?, ?, ?)",
               (digest, base64.b64encode(png).decode("ascii"), clock.iso(tx.now)))
    return digest


def signature_png(store, digest: str | None) -> bytes | None:
    text = store.scalar("SELECT png_base64 FROM signatures WHERE sha256 = ?", (digest,)) if digest else None
    return base64.b64decode(text) if text else None
