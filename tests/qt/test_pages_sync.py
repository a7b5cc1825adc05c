"""Đồng bộ: the honest pending count, export to a folder, a receipt back, push, province bundle."""

from __future__ import annotations

import socket
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from shell_support import open_window, own_preferences, session_for, settle_status  # noqa: E402,F401
from sync_support import central, pg_dsn  # noqa: E402,F401

from kt1desk.sync import client, keys  # noqa: E402


def test_export_then_the_receipt_brings_the_count_to_zero(qtbot, demo_store, clerk, open_window, central, tmp_path):
    keys.trust_province_key(demo_store, None, central.signer.key_line())
    central.trust(demo_store)
    window = open_window(session_for(demo_store, clerk))
    page = window.show_page("sync")
    pending = client.status(demo_store)["pending"]
    assert pending > 0
    assert page.pending.text() == f"Chưa gửi lên tỉnh: {pending} bản ghi".replace("1.", "1.")
    assert window.status_unsynced.text().endswith(f"{pending:,} bản ghi".replace(",", "."))
    assert page.confirmed.text() == "chưa lần nào"

    page.export_to(str(tmp_path))
    qtbot.waitUntil(lambda: not page.busy, timeout=10000)
    files = list(tmp_path.glob("kt1-*.kt1b"))
    assert len(files) == 1 and str(files[0]) in page.last_result
    outcome, answer = central.import_bundle(files[0].read_bytes())
    assert outcome.pushed == pending
    (tmp_path / "receipt.kt1b").write_bytes(answer)

    page.apply_receipt(str(tmp_path / "receipt.kt1b"))
    qtbot.waitUntil(lambda: not page.busy, timeout=10000)
    assert page.last_result == f"Tỉnh đã xác nhận đến bản ghi số {pending}.".replace("1.", "1.")
    assert page.pending.text() == "Tỉnh đã nhận đủ mọi bản ghi của quầy."
    assert page.confirmed.text().startswith(f"đến bản ghi số {pending}")
    assert not page.export_button.isEnabled()
    qtbot.waitUntil(lambda: window.status_unsynced.text() == "Chưa đồng bộ: 0 bản ghi", timeout=5000)
    window.resize(1024, 768)
    qtbot.wait(50)
    window.grab().save(str(tmp_path / "sync-page.png"))


def test_a_push_to_nowhere_says_so_plainly_and_loses_nothing(qtbot, demo_store, clerk, open_window):
    window = open_window(session_for(demo_store, clerk))
    page = window.show_page("sync")
    pending = client.status(demo_store)["pending"]
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    page.url.setText(f"http://127.0.0.1:{port}")
    page.push()
    qtbot.waitUntil(lambda: not page.busy, timeout=15000)
    assert page.last_result.startswith(f"Không kết nối được dịch vụ đồng bộ http://127.0.0.1:{port}")
    assert "Không mất gì" in page.last_result
    assert "lỗi:" in page.attempt.text()
    assert client.status(demo_store)["pending"] == pending
    page.url.clear()
    page.push()
    assert page.last_result == "Nhập địa chỉ dịch vụ đồng bộ của tỉnh trước."


def test_a_damaged_province_bundle_is_refused_with_a_clear_message(qtbot, demo_store, clerk, open_window, tmp_path):
    window = open_window(session_for(demo_store, clerk))
    page = window.show_page("sync")
    (tmp_path / "p.kt1b").write_bytes(b"KT1B/1\n{}\nxx\n")
    page.apply_province(str(tmp_path / "p.kt1b"))
    qtbot.waitUntil(lambda: not page.busy, timeout=10000)
    assert page.last_result == "Gói đồng bộ bị hỏng (manifest): không áp dụng gì."


def test_an_admin_enters_the_province_key_line(qtbot, demo_store, admin, clerk, open_window):
    from cryptography.hazmat.primitives.asymmetric import ed25519

    line = keys.province_key_line("Đắk Lắk", ed25519.Ed25519PrivateKey.generate().public_key())
    window = open_window(session_for(demo_store, admin))
    page = window.show_page("sync")
    assert page.province_key_button.isVisible()
    assert page.province.text() == "chưa có khóa của tỉnh: nhờ quản trị nhập dòng khóa của tỉnh"
    page.trust_province_key("not a key line")
    assert page.last_result.startswith("Dòng khóa không hợp lệ")
    page.trust_province_key(line)
    assert page.last_result == f"Quầy đã tin cậy khóa {keys.parse_key_line(line)['key_id']} của tỉnh."
    assert page.province.text() == "chưa áp dụng gói nào"
