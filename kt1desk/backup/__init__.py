"""Backups of the counter's database and restores from them (issue 12).

``copy``: ``kt1desk backup`` — SQLite's online backup API (safe while the program runs), the copy
checked (``integrity_check`` and the change log chain), named by office, counter and time, the last
N kept. ``restore``: ``kt1desk restore`` — the file checked first, the current database kept aside,
swapped in by one rename, and no S10 id issued again. ``hooks``: a backup at every shift close.
"""
