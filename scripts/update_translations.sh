#!/bin/sh
# Regenerate the English translation from every Qt source and Designer form, then compile it.
#   scripts/update_translations.sh
# Source strings are Vietnamese; translate the new entries in resources/translations/kt1desk_en.ts
# (Qt Linguist: `uv run pyside6-linguist resources/translations/kt1desk_en.ts`), then run this again.
set -eu
cd "$(dirname "$0")/.."
TS=resources/translations/kt1desk_en.ts
# kt1desk/qt/printing.py carries its own two-language table (its tr() is not Qt's): left out.
SOURCES=$(ls kt1desk/qt/*.py ui/*.ui | grep -v '^kt1desk/qt/printing\.py$')
# shellcheck disable=SC2086
uv run pyside6-lupdate -source-language vi_VN -target-language en_GB -no-obsolete -locations relative \
    $SOURCES -ts "$TS"
uv run pyside6-lrelease "$TS" -qm resources/translations/kt1desk_en.qm
# Qt's own dialogs in Vietnamese (Qt ships no qtbase_vi): our catalogue, written by scripts/qtbase_vi.py.
uv run python scripts/qtbase_vi.py
uv run pyside6-lrelease resources/translations/qtbase_vi.ts -qm resources/translations/qtbase_vi.qm
