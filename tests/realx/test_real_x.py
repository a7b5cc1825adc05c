"""The window on a real X server (Xvfb), driven by xdotool: keys as hardware sends them, screen size, scaling, focus.

Skipped, with the reason, only where Xvfb or xdotool is missing — never when CI is set.
"""

from __future__ import annotations

import pytest
from xserver import XServer, require_tools


@pytest.fixture(scope="module")
def x1024():
    require_tools()
    with XServer("1024x768") as server:
        yield server


def test_a_real_scanner_opens_the_item_and_types_nothing_into_the_focused_field(x1024):
    seen = x1024.run("scan")
    assert seen["opened"] == seen["item_id"]
    assert seen["page"] == "lookup"
    assert seen["scans"] == 1
    assert seen["sender_text"] == "" and seen["recipient_text"] == ""


def test_dates_typed_with_slashes_are_the_dates_typed(x1024):
    seen = x1024.run("dates")
    assert seen == {"from": "29/11/2026", "to": "01/12/2026", "hen_gio": "30/11/2026 14:05"}


def test_tab_takes_the_highlighted_agency_and_a_new_dialog_takes_the_typing(x1024):
    seen = x1024.run("typing")
    assert len(seen["suggestions"]) > 1
    assert seen["sender"] == seen["suggestions"][1] and seen["focus_on_recipient"]
    assert seen["dialog_open"] and seen["code_text"] == "SGD "


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_page_fits_a_1024_by_768_screen(x1024, lang):
    seen = x1024.run("fit", lang)
    assert seen["window_inside"], seen["window"]
    assert all(seen["shown"].values()), seen["shown"]
    assert not any(page["sideways_scroll"] for page in seen["pages"].values()), seen["pages"]


def test_every_page_fits_1366_by_768_at_125_percent():
    require_tools()
    with XServer("1366x768") as server:
        seen = server.run("fit", "vi", env={"QT_SCALE_FACTOR": "1.25"})
    assert seen["screen"] == [1093, 614]  # 1366 × 768 at 125 %, in Qt's pixels
    assert seen["window_inside"], seen["window"]
    assert all(seen["shown"].values()), seen["shown"]
    assert not any(page["sideways_scroll"] for page in seen["pages"].values()), seen["pages"]
