"""The item view: every field, every event with its time and user, and counted reprints."""

from __future__ import annotations

import pytest
from pages_support import PrintCollector, make_session, printing, show  # noqa: F401 (fixtures)

from kt1desk.qt.item_dialog import ItemDialog
from kt1desk.services import intake, items


@pytest.fixture
def secret_item(demo_store, clerk):
    return intake.intake(demo_store, clerk, sender="TUDLK", recipient="VPCP", kind="goi", weight_g="1,5 kg",
                         secrecy="A", hoa_toc=True).item["id"]


def test_the_item_shows_its_fields_with_secrecy_as_its_letter(qtbot, demo_store, clerk, secret_item, make_session):
    dialog = show(qtbot, ItemDialog(make_session(demo_store, clerk), secret_item.lower()))
    assert dialog.item_id == secret_item
    assert dialog.field("Độ mật") == "A"
    assert dialog.field("Cơ quan nhận") == "VPCP — Văn phòng Chính phủ"
    assert dialog.field("Khối lượng") == "1,5 kg"
    assert dialog.field("Hỏa tốc") == "có"
    assert dialog.field("Giao dịch viên") == "Nguyễn Văn Hùng (gdv1)"
    assert dialog.field("Thời điểm nhận") == "25/11/2026 09:30"
    assert "Tuyệt mật" not in " ".join(dialog.field(n) for n in ("Độ mật", "Cước"))
    assert "chuyển đi ngay" in dialog.print_status.text()


def test_events_show_time_and_user_and_a_receipt_reprint_is_a_counted_copy(
        qtbot, demo_store, clerk, secret_item, make_session, printing):
    printer = PrintCollector()
    dialog = show(qtbot, ItemDialog(make_session(demo_store, clerk, printer), secret_item))
    model = dialog.events_model
    assert model.rowCount() == 1
    assert [model.index(0, c).data() for c in range(4)] == ["25/11/2026 09:30", "Nhận gửi",
                                                              "Nguyễn Văn Hùng (gdv1)", "Q01"]
    assert dialog.reprint("receipt")  # the first receipt print (none was printed at intake here)
    assert dialog.reprint("receipt")
    assert dialog.reprint("label")
    item = items.get_item(demo_store, secret_item)
    assert (item["receipt_prints"], item["label_prints"]) == (2, 1)
    assert printer.types() == ["receipt", "receipt", "label"]
    assert model.rowCount() == 4
    assert model.index(2, 1).data() == "In biên nhận" and model.index(2, 4).data() == "lần 2, bản sao"
    assert dialog.field("Số lần in") == "nhãn 1, biên nhận 2"
    assert dialog.print_status.text() == "Đã in nhãn (lần 1)."
    if hasattr(printing, "calls"):  # the stand-in: the second receipt was asked for as a copy
        assert [c[2] for c in printing.calls if c[0] == "receipt"] == [False, True]


def test_a_printer_fault_is_reported_and_nothing_is_counted(qtbot, demo_store, clerk, secret_item, make_session,
                                                            printing):
    dialog = show(qtbot, ItemDialog(make_session(demo_store, clerk, PrintCollector(works=False)), secret_item))
    assert not dialog.reprint("label")
    assert "Không in được nhãn" in dialog.print_status.text()
    assert items.get_item(demo_store, secret_item)["label_prints"] == 0
