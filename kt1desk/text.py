"""Vietnamese text: normalisation for storage and folding for search.

Everything stored is NFC. Search compares *folded* text: lower case, no
diacritics, đ→d. Folding also makes the old and new tone placement
("hoà" / "hòa") equal, because the tone mark is dropped altogether.
"""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"\s+")
# đ/Đ are letters of their own, not d plus a mark: NFD does not split them.
_FOLD_EXTRA = str.maketrans({"đ": "d", "Đ": "d", "ð": "d"})


def nfc(value: str | None) -> str:
    """NFC, with runs of white space collapsed and the ends trimmed."""
    if value is None:
        return ""
    return _SPACES.sub(" ", unicodedata.normalize("NFC", str(value))).strip()


def fold(value: str | None) -> str:
    """Lower-case ASCII-ish form used only for matching, never for display."""
    if not value:
        return ""
    decomposed = unicodedata.normalize("NFD", str(value).translate(_FOLD_EXTRA))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SPACES.sub(" ", stripped.casefold().translate(_FOLD_EXTRA)).strip()


def fold_words(value: str | None) -> list[str]:
    """Folded words, punctuation dropped: the pieces a search query is made of."""
    return [w for w in re.split(r"[^0-9a-z]+", fold(value)) if w]


def matches_all(haystack_folded: str, query: str) -> bool:
    """True when every folded word of ``query`` occurs in the folded text."""
    words = fold_words(query)
    return bool(words) and all(w in haystack_folded for w in words)


# Control characters, format characters (zero-width, right-to-left overrides, BOM), private-use,
# unassigned code points, surrogates and line/paragraph separators: never part of a name, a code
# or an address. A province written with U+202E looks the same and sorts as another province.
_FORBIDDEN_CATEGORIES = {"Cc", "Cf", "Co", "Cn", "Cs", "Zl", "Zp"}
_WHITESPACE_CONTROLS = "\t\n\r"  # collapsed to one space by nfc()


def bad_char(value: object) -> str | None:
    """'U+202E' for the first character that has no place in stored text, else None."""
    for ch in str(value or ""):
        if ch not in _WHITESPACE_CONTROLS and unicodedata.category(ch) in _FORBIDDEN_CATEGORIES:
            return f"U+{ord(ch):04X}"
    return None


def bad_char_error(value: object, field: str, label: dict):
    """A Kt1Error naming the field when ``value`` holds such a character, else None."""
    char = bad_char(value)
    if char is None:
        return None
    from .errors import Kt1Error

    return Kt1Error("bad_char", field, label=label, char=char)
