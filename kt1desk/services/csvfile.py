"""Reading the CSV files people bring: UTF-8 (with or without BOM), comma or semicolon."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path

from ..errors import Kt1Error
from ..text import nfc


def read_rows(path: str | Path, required: list[str], optional: list[str] = ()) -> Iterator[tuple[int, dict]]:
    """Yield (line number, row with NFC values) after checking the header names the required columns."""
    try:
        raw = Path(path).read_bytes().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as err:
        raise Kt1Error("file_unreadable", path=str(path), reason=getattr(err, "strerror", None) or str(err)) from None
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
    for row in reader:
        values = {k: nfc(v) for k, v in row.items() if k is not None}
        if not any(values.values()):
            continue
        count += 1
        yield reader.line_num + skipped, values
    if count == 0:
        raise Kt1Error("csv_empty")
