#!/bin/sh
# Every screen at 1024×768 and 1366×768 in both languages, and 1366×768 at 125 % scaling (Vietnamese),
# each on its own X server (Debian: apt-get install xvfb xauth).
set -eu
cd "$(dirname "$0")/.."
for size in 1024x768 1366x768; do
    for lang in vi en; do
        xvfb-run -a -s "-screen 0 ${size}x24" uv run python scripts/screenshots.py --lang "$lang"
    done
done
QT_SCALE_FACTOR=1.25 xvfb-run -a -s "-screen 0 1366x768x24" uv run python scripts/screenshots.py --lang vi
