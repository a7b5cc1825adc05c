#!/bin/sh
# Regenerate the English translation from every Qt source and Designer form, then compile it.
#   scripts/update_translations.sh
# Source strings are Vietnamese; translate the new entries in resources/translations/kt1desk_en.ts
# (Qt Linguist: `uv run pyside6-linguist resources/translations/kt1desk_en.ts`), then run this again.
set -eu
cd "$(dirname "$0")/.."
TS=resources/translations/kt1desk_en.ts
uv run pyside6-lupdate -source-language vi_VN -target-language en_GB -no-obsolete -locations relative \
    kt1desk/qt/*.py ui/*.ui -ts "$TS"
uv run pyside6-lrelease "$TS" -qm resources/translations/kt1desk_en.qm
