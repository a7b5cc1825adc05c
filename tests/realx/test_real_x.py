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
