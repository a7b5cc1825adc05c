"""Reading the CSV files people bring: UTF-8 (with or without BOM), comma or semicolon."""

from __future__ import annotations

import csv
import io
import os
import stat
from collections.abc import Iterator
from pathlib import Path

from ..errors import Kt1Error
from ..text import bad_char, nfc


# 160,000 back-entered items take about 16 MB; nothing people bring to the counter comes near this.
MAX_FILE_BYTES = 64 * 1024 * 1024


def read_bounded(path: str | Path, limit: int = MAX_FILE_BYTES) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes (never /dev/zero read forever)."""
    path = Path(path)
    try:
        with open(path, "rb") as handle:
            if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
                raise Kt1Error("file_not_regular", path=str(path))
            data = handle.read(limit + 1)
    except OSError as err:
        raise Kt1Error("file_unreadable", path=str(path), reason=err.strerror or str(err)) from None
    if len(data) > limit:
        raise Kt1Error("file_too_big", path=str(path), max=limit // (1024 * 1024))
    return data


def read_rows(path: str | Path, required: list[str], optional: list[str] = ()) -> Iterator[tuple[int, dict]]:
    """Yield (line number, row with NFC values) after checking the header names the required columns."""
    try:
        raw = read_bounded(path).decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise Kt1Error("file_unreadable", path=str(path), reason=str(err)) from None
    # Lines starting with # are notes for people (the sample files say they are samples).
    # They become blank lines so that line numbers in messages stay those of the file.
    lines = [ln if not ln.lstrip().startswith("#") else "" for ln in raw.splitlines()]
    skipped = 0
    while skipped < len(lines) and not lines[skipped].strip():
        skipped += 1
    raw = "\n".join(lines[skipped:])
    first_line = lines[skipped] if skipped < len(lines) else ""
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    reader = csv.DictReader(io.StringIO(raw), delimiter=delimiter)
    header = [h.strip() for h in (reader.fieldnames or [])]
    missing = [c for c in required if c not in header]
    if missing:
        raise Kt1Error("csv_header", missing=", ".join(missing), expected=", ".join(list(required) + list(optional)))
    reader.fieldnames = header
    count = 0
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as err:  # a field over the size limit, a NUL byte, a broken quote
            # line_num counts the lines read before the one that broke.
            raise Kt1Error("csv_bad", line=reader.line_num + skipped + 1, reason=str(err)) from None
        # A cell with a control or hidden character stays as it is, for the validator to name it
        # (nfc() would turn some of them into spaces).
        values = {k: (v if bad_char(v) else nfc(v)) for k, v in row.items() if k is not None}
        if not any(values.values()):
            continue
        count += 1
        yield reader.line_num + skipped, values
    if count == 0:
        raise Kt1Error("csv_empty")
