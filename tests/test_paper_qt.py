"""Qt printing, offscreen: to a PDF file through QPrinter, the preview, no printer, a failing printer."""

from __future__ import annotations

import pytest
from test_paper_support import codes, make_items, page_sizes_mm, rasters

from kt1desk.printing import label_pdf, manifest_pdf, receipt_pdf
from kt1desk.services import items, manifests

pytest.importorskip("PySide6.QtPdf")

from PySide6.QtCore import QLocale, Qt  # noqa: E402
from PySide6.QtGui import QColor  # noqa: E402
from PySide6.QtPrintSupport import QPrinter  # noqa: E402

from kt1desk.qt import printing  # noqa: E402


@pytest.fixture(autouse=True)
def own_settings(tmp_path, monkeypatch):
    monkeypatch.setenv("KT1DESK_SETTINGS", str(tmp_path / "kt1desk.ini"))
    yield
    QLocale.setDefault(QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam))


@pytest.fixture
def papers(demo_store, clerk):
    ids = make_items(demo_store, clerk, 3)
    return ids


class Said:
    def __init__(self, save: bool = False):
        self.messages: list[tuple[str, str]] = []
        self.save = save

    def __call__(self, parent, title, text):
        self.messages.append((title, text))
        return self.save


def pdf_printer(path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    printer.setResolution(203)
    return printer


def test_printing_through_qt_keeps_pages_sizes_and_scannable_bars(qapp, demo_store, clerk, papers, tmp_path):
    out = tmp_path / "qt-labels.pdf"
    printing.render_to_printer(pdf_printer(out), label_pdf(demo_store, papers))
    printed = out.read_bytes()
    assert len(page_sizes_mm(printed)) == 3
    for w, h in page_sizes_mm(printed):
        assert abs(w - 100) < 0.6 and abs(h - 150) < 0.6
    assert [codes(img) for img in rasters(printed)] == [[i] for i in papers]
    # Landscape A4 manifest stays landscape; a receipt roll keeps its 80 mm width.
    (mid,) = manifests.prepare(demo_store, clerk, "2026-11-25", "Đắk Lắk")
    out2 = tmp_path / "qt-manifest.pdf"
    printing.render_to_printer(pdf_printer(out2), manifest_pdf(demo_store, [mid]))
    (w, h), = page_sizes_mm(out2.read_bytes())
    assert abs(w - 297) < 1 and abs(h - 210) < 1
    assert codes(rasters(out2.read_bytes())[0]) == [mid]
    out3 = tmp_path / "qt-receipt.pdf"
    printing.render_to_printer(pdf_printer(out3), receipt_pdf(demo_store, papers[0]))
    (w, _h), = page_sizes_mm(out3.read_bytes())
    assert abs(w - 80) < 0.6
    assert codes(rasters(out3.read_bytes())[0]) == [papers[0]]


def test_pages_are_rendered_on_white(qapp, demo_store, papers):
    pages = printing.PdfPages(label_pdf(demo_store, papers[:1]))
    image = pages.render(0, 50)
    assert image.pixelColor(image.width() - 2, image.height() - 2) == QColor(Qt.GlobalColor.white)
    assert image.pixelColor(0, 0).alpha() == 255


def test_no_printer_says_so_offers_pdf_and_loses_nothing(qapp, demo_store, papers, monkeypatch, tmp_path):
    monkeypatch.setattr(printing, "available_printers", lambda: [])
    said = Said(save=False)
    monkeypatch.setattr(printing, "show_problem", said)
    pdf = label_pdf(demo_store, papers[:1])
    assert printing.print_documents(None, pdf, doc_type="label", title=f"Nhãn {papers[0]}") is False
    ((title, text),) = said.messages
    assert title == "Chưa có máy in" and "chưa cài máy in nào" in text and papers[0] in text
    assert "Không mất gì" in text
    # The clerk chooses to save the PDF instead.
    said.save = True
    target = tmp_path / "saved.pdf"
    monkeypatch.setattr(printing, "ask_save_path", lambda parent, title: str(target))
    assert printing.print_documents(None, pdf, doc_type="label", title="Nhãn") is False
    assert target.read_bytes() == pdf
    assert items.get_item(demo_store, papers[0])["label_prints"] == 0  # nothing printed, nothing counted
    # In English when the window is in English.
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.Vietnam))
    said.save = False
    printing.print_documents(None, pdf, doc_type="label", title="Label")
    assert said.messages[-1][0] == "No printer" and "No printer is installed" in said.messages[-1][1]


def test_a_failing_printer_gives_a_message_and_returns_false(qapp, demo_store, papers, monkeypatch):
    monkeypatch.setattr(printing, "available_printers", lambda: ["Kho-Nhan"])
    printing.remember_printer("label", "Kho-Nhan")

    def broken(printer, pdf):
        raise printing.PrintError("Kho-Nhan", "hết giấy")

    monkeypatch.setattr(printing, "render_to_printer", broken)
    asked = []
    monkeypatch.setattr(printing, "ask_printer", lambda parent, printer: asked.append(1) or True)
    said = Said()
    monkeypatch.setattr(printing, "show_problem", said)
    assert printing.print_documents(None, label_pdf(demo_store, papers[:1]), doc_type="label", title="Nhãn X") is False
    assert asked == []  # the remembered label printer is used without a dialog
    ((title, text),) = said.messages
    assert title == "In không thành công" and "Kho-Nhan" in text and "hết giấy" in text


def test_the_dialog_is_shown_when_no_printer_is_remembered_and_cancel_prints_nothing(qapp, demo_store, papers,
                                                                                    monkeypatch):
    monkeypatch.setattr(printing, "available_printers", lambda: ["Laser-A4"])
    asked = []
    monkeypatch.setattr(printing, "ask_printer", lambda parent, printer: asked.append(printer.docName()) or False)
    rendered = []
    monkeypatch.setattr(printing, "render_to_printer", lambda printer, pdf: rendered.append(pdf))
    assert printing.print_documents(None, label_pdf(demo_store, papers[:1]), doc_type="receipt", title="Biên nhận") \
        is False
    assert asked == ["Biên nhận"] and rendered == []


def test_last_printer_is_remembered_per_document_type(qapp):
    printing.remember_printer("label", "Zebra-203")
    printing.remember_printer("manifest", "Laser-A4")
    assert printing.remembered_printer("label") == "Zebra-203"
    assert printing.remembered_printer("manifest") == "Laser-A4"
    assert printing.remembered_printer("receipt") is None


def test_preview_shows_each_page_and_its_number(qtbot, demo_store, papers, monkeypatch):
    pdf = label_pdf(demo_store, papers)
    dialog = printing.PrintPreviewDialog(pdf, doc_type="label", title="Nhãn", parent=None)
    qtbot.addWidget(dialog)
    assert dialog.page_label.text() == "Trang 1/3" and not dialog.previous_button.isEnabled()
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    assert dialog.page_label.text() == "Trang 2/3"
    image = dialog.page_image(1)
    assert image.pixelColor(1, 1) == QColor(Qt.GlobalColor.white)
    pixmap = dialog.image.pixmap()
    assert pixmap.width() == image.width()
    # Print from the preview goes through the same path (no printer: message, not printed).
    monkeypatch.setattr(printing, "available_printers", lambda: [])
    said = Said()
    monkeypatch.setattr(printing, "show_problem", said)
    qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    assert dialog.printed is False and said.messages


def test_bad_pdf_is_a_print_error_not_a_crash(qapp):
    with pytest.raises(printing.PrintError):
        printing.PdfPages(b"not a pdf")
