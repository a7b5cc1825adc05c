"""Printing the papers through Qt's print support: print dialog, preview, last printer per document.

The window engineers call, after an item is saved::

    print_documents(parent, pdf, doc_type="label" | "receipt" | "manifest", title=..., preview=False) -> bool

It returns True only when the document went to a printer. With no printer
installed, or when a printer fails, it says so in the user's language and
offers to save the PDF; nothing is lost either way (the item stays accepted
and its paper can be printed again from the item), and it returns False.

``print_papers(parent, [(pdf, doc_type, title), ...])`` prints an item's papers
together: with no printer the clerk is told once (not once per paper) and may
save them all into one folder.

The printer chosen for each document type is remembered (QSettings key
``printing/<doc_type>/printer``): the next label goes straight to the label
printer without a dialog; ``ask=True`` (or a remembered printer that is gone)
shows the dialog again. Pages are rendered from the PDF with QtPdf on white at
the printer's resolution (at most 300 dpi; 203-dpi thermal heads get their own
dots), without smoothing, so bars stay crisp.
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QLocale, QMarginsF, QRectF, QSize, QSizeF, Qt
from PySide6.QtGui import QColor, QImage, QPageLayout, QPageSize, QPainter, QPixmap
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrinterInfo
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFileDialog, QHBoxLayout, QLabel, QMessageBox,
                               QPushButton, QScrollArea, QVBoxLayout, QWidget)

from ..errors import Kt1Error

log = logging.getLogger(__name__)
MAX_DPI = 300
PREVIEW_DPI = 96

_TEXT = {
    "preview": ("Xem trước: {title}", "Preview: {title}"),
    "print": ("In…", "Print…"),
    "save": ("Lưu PDF…", "Save PDF…"),
    "close": ("Đóng", "Close"),
    "previous": ("◀ Trang trước", "◀ Previous"),
    "next": ("Trang sau ▶", "Next ▶"),
    "page": ("Trang {n}/{total}", "Page {n}/{total}"),
    "save_title": ("Lưu tài liệu thành PDF", "Save the document as PDF"),
    "no_printer_title": ("Chưa có máy in", "No printer"),
    "no_printer": ("Máy tính này chưa cài máy in nào nên chưa in được «{title}».\n\n"
                   "Không mất gì: mọi thứ đã được lưu, có thể in lại sau. "
                   "Bạn có thể lưu tài liệu thành tệp PDF.",
                   "No printer is installed on this computer, so “{title}” was not printed.\n\n"
                   "Nothing is lost: everything is saved and can be printed again later. "
                   "You can save the document as a PDF file."),
    "failed_title": ("In không thành công", "Printing failed"),
    "failed": ("Không in được «{title}» trên máy in «{printer}»: {reason}.\n\n"
               "Không mất gì: mọi thứ đã được lưu, có thể in lại sau. "
               "Bạn có thể lưu tài liệu thành tệp PDF.",
               "“{title}” could not be printed on “{printer}”: {reason}.\n\n"
               "Nothing is lost: everything is saved and can be printed again later. "
               "You can save the document as a PDF file."),
    "bad_pdf": ("tài liệu PDF không đọc được", "the PDF document cannot be read"),
    "no_start": ("máy in không nhận lệnh in (tắt, hết giấy hoặc mất kết nối?)",
                 "the printer does not accept the job (off, out of paper or disconnected?)"),
    "saved": ("Đã lưu: {path}", "Saved: {path}"),
    "no_printer_many": ("Máy tính này chưa cài máy in nào nên chưa in được: {titles}.\n\n"
                        "Không mất gì: mọi thứ đã được lưu, có thể in lại sau. "
                        "Bạn có thể lưu các tài liệu thành tệp PDF vào một thư mục.",
                        "No printer is installed on this computer, so these were not printed: {titles}.\n\n"
                        "Nothing is lost: everything is saved and can be printed again later. "
                        "You can save the documents as PDF files in a folder."),
    "save_folder_title": ("Chọn thư mục lưu các tệp PDF", "Choose a folder for the PDF files"),
}

PRINTED, SAVED, NOT_PRINTED = "printed", "saved", "not printed"  # what became of one paper


def lang() -> str:
    """The language the window is in (install_language sets the default locale)."""
    return "en" if QLocale().language() == QLocale.Language.English else "vi"


def tr(key: str, **values) -> str:
    vi, en = _TEXT[key]
    return (en if lang() == "en" else vi).format(**values)


class PrintError(Exception):
    """The printer could not print; ``reason`` is for people, in the window's language."""

    def __init__(self, printer: str, reason: str):
        super().__init__(f"{printer}: {reason}")
        self.printer = printer
        self.reason = reason


class NoPrinter(Exception):
    """No printer is installed on this computer."""


# -- the PDF ------------------------------------------------------------------------

class PdfPages:
    """A PDF held in memory, its pages rendered on white (QPdfDocument draws on transparent)."""

    def __init__(self, pdf: bytes):
        self._bytes = QByteArray(pdf)
        self._buffer = QBuffer(self._bytes)
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument()
        self.document.load(self._buffer)
        if self.document.status() != QPdfDocument.Status.Ready or self.document.pageCount() < 1:
            raise PrintError("PDF", tr("bad_pdf"))

    @property
    def count(self) -> int:
        return self.document.pageCount()

    def size_pt(self, index: int) -> QSizeF:
        return self.document.pagePointSize(index)

    def render(self, index: int, dpi: float) -> QImage:
        size = self.size_pt(index)
        pixels = QSize(max(1, round(size.width() / 72 * dpi)), max(1, round(size.height() / 72 * dpi)))
        image = self.document.render(index, pixels)
        white = QImage(pixels, QImage.Format.Format_RGB32)
        white.fill(QColor(Qt.GlobalColor.white))
        painter = QPainter(white)
        painter.drawImage(0, 0, image)
        painter.end()
        return white


def page_layout(size_pt: QSizeF) -> QPageLayout:
    """A page exactly the size of the PDF page, no margins, in the PDF page's orientation."""
    w, h = size_pt.width(), size_pt.height()
    landscape = w > h
    portrait_size = QSizeF(min(w, h), max(w, h))
    page_size = QPageSize(portrait_size, QPageSize.Unit.Point, "", QPageSize.SizeMatchPolicy.FuzzyMatch)
    orientation = QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait
    return QPageLayout(page_size, orientation, QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Point)


def render_to_printer(printer: QPrinter, pdf: bytes) -> None:
    """Print every page of ``pdf`` on ``printer`` (a real printer, or QPrinter in PdfFormat). Raises PrintError."""
    name = printer.printerName() or printer.outputFileName() or "?"
    pages = PdfPages(pdf)
    printer.setFullPage(True)
    printer.setPageLayout(page_layout(pages.size_pt(0)))
    dpi = min(printer.resolution(), MAX_DPI)
    painter = QPainter()
    if not painter.begin(printer):
        raise PrintError(name, tr("no_start"))
    try:
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, False)
        for index in range(pages.count):
            if index:
                printer.setPageLayout(page_layout(pages.size_pt(index)))
                if not printer.newPage():
                    raise PrintError(name, tr("no_start"))
            image = pages.render(index, dpi)
            target = printer.pageRect(QPrinter.Unit.DevicePixel)
            painter.drawImage(QRectF(0, 0, target.width(), target.height()), image)
    finally:
        painter.end()
    if printer.printerState() == QPrinter.PrinterState.Error:
        raise PrintError(name, tr("no_start"))


# -- printers and the remembered choice ------------------------------------------------

def available_printers() -> list[str]:
    return list(QPrinterInfo.availablePrinterNames())


def _settings():
    from .base import app_settings

    return app_settings()


def remembered_printer(doc_type: str) -> str | None:
    value = _settings().value(f"printing/{doc_type}/printer")
    return str(value) if value else None


def remember_printer(doc_type: str, name: str) -> None:
    settings = _settings()
    settings.setValue(f"printing/{doc_type}/printer", name)
    settings.sync()


def _printer_named(name: str | None) -> QPrinter:
    info = QPrinterInfo.printerInfo(name) if name else QPrinterInfo.defaultPrinter()
    if info.isNull():
        info = QPrinterInfo.defaultPrinter()
    if info.isNull():
        return QPrinter(QPrinter.PrinterMode.HighResolution)
    return QPrinter(info, QPrinter.PrinterMode.HighResolution)


def print_default(pdf: bytes, *, doc_type: str, title: str) -> str:
    """No dialog: print on this type's remembered printer, else the default. Returns the printer's name.

    Raises NoPrinter when none is installed and PrintError when printing fails (for the command line).
    """
    names = available_printers()
    if not names:
        raise NoPrinter()
    remembered = remembered_printer(doc_type)
    printer = _printer_named(remembered if remembered in names else None)
    printer.setDocName(title)
    render_to_printer(printer, pdf)
    return printer.printerName()


# -- talking to the clerk (module functions: tests replace them) -----------------------------

def show_problem(parent: QWidget | None, title: str, text: str) -> bool:
    """Tell the clerk what went wrong; True when they ask to save the PDF instead."""
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.NoButton, parent)
    save = box.addButton(tr("save"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(tr("close"), QMessageBox.ButtonRole.RejectRole)
    box.exec()
    return box.clickedButton() is save


def ask_save_path(parent: QWidget | None, title: str) -> str | None:
    suggested = str(Path.home() / (_safe_name(title) + ".pdf"))
    path, _filter = QFileDialog.getSaveFileName(parent, tr("save_title"), suggested, "PDF (*.pdf)")
    return path or None


def ask_printer(parent: QWidget | None, printer: QPrinter) -> bool:
    dialog = QPrintDialog(printer, parent)
    return dialog.exec() == QDialog.DialogCode.Accepted


def ask_save_folder(parent: QWidget | None) -> str | None:
    return QFileDialog.getExistingDirectory(parent, tr("save_folder_title"), str(Path.home())) or None


def _safe_name(title: str) -> str:
    return "".join(ch if ch.isalnum() or ch in " -_" else "_" for ch in title).strip() or "kt1desk"


def save_pdf(parent: QWidget | None, pdf: bytes, title: str) -> str | None:
    """Ask where, and write the PDF there; returns the path, or None when the clerk cancelled."""
    path = ask_save_path(parent, title)
    if not path:
        return None
    if not path.lower().endswith(".pdf"):
        path += ".pdf"
    try:
        Path(path).write_bytes(pdf)
    except OSError as err:
        show_problem(parent, tr("failed_title"),
                     Kt1Error("file_unwritable", path=path, reason=err.strerror or str(err)).text(lang()))
        return None
    return path


def print_documents(parent: QWidget | None, pdf: bytes, *, doc_type: str, title: str, preview: bool = False,
                    ask: bool | None = None) -> bool:
    """Print ``pdf``; True when it went to a printer, False otherwise (cancelled, no printer, failure).

    ``preview=True`` shows the pages first. ``ask=None`` shows the print dialog only when this
    document type has no remembered printer that is still installed.
    """
    if preview:
        dialog = PrintPreviewDialog(pdf, doc_type=doc_type, title=title, parent=parent)
        dialog.exec()
        return dialog.printed
    names = available_printers()
    if not names:
        if show_problem(parent, tr("no_printer_title"), tr("no_printer", title=title)):
            save_pdf(parent, pdf, title)
        return False
    remembered = remembered_printer(doc_type)
    if ask is None:
        ask = remembered not in names
    printer = _printer_named(remembered if remembered in names else None)
    printer.setDocName(title)
    if ask and not ask_printer(parent, printer):
        return False
    try:
        render_to_printer(printer, pdf)
    except PrintError as err:
        log.warning("printing %s failed: %s", title, err)
        if show_problem(parent, tr("failed_title"), tr("failed", title=title, printer=err.printer, reason=err.reason)):
            save_pdf(parent, pdf, title)
        return False
    if printer.outputFormat() == QPrinter.OutputFormat.NativeFormat and printer.printerName():
        remember_printer(doc_type, printer.printerName())
    return True


def print_papers(parent: QWidget | None, papers: list[tuple[bytes, str, str]]) -> tuple[list[str], str | None]:
    """Print several papers ``(pdf, doc_type, title)``; returns each one's outcome and the folder they were saved in.

    With a printer each goes to its own (label printer, receipt printer). With none, one message
    for all of them, and "Lưu PDF…" saves every one into the folder the clerk picks.
    """
    if available_printers():
        return [PRINTED if print_documents(parent, pdf, doc_type=doc_type, title=title) else NOT_PRINTED
                for pdf, doc_type, title in papers], None
    outcomes = [NOT_PRINTED] * len(papers)
    titles = ", ".join(title for _pdf, _type, title in papers)
    if not show_problem(parent, tr("no_printer_title"), tr("no_printer_many", titles=titles)):
        return outcomes, None
    folder = ask_save_folder(parent)
    if not folder:
        return outcomes, None
    for index, (pdf, _type, title) in enumerate(papers):
        path = Path(folder) / (_safe_name(title) + ".pdf")
        try:
            path.write_bytes(pdf)
        except OSError as err:
            show_problem(parent, tr("failed_title"),
                         Kt1Error("file_unwritable", path=str(path), reason=err.strerror or str(err)).text(lang()))
            continue
        outcomes[index] = SAVED
    return outcomes, folder


class PrintPreviewDialog(QDialog):
    """The pages of a document as they will print, one at a time, with Print, Save PDF and Close.

    ``printed`` says whether it went to a printer.
    """

    def __init__(self, pdf: bytes, *, doc_type: str, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.pdf, self.doc_type, self.title = pdf, doc_type, title
        self.printed = False
        self.pages = PdfPages(pdf)
        self.index = 0
        self.setWindowTitle(tr("preview", title=title))
        layout = QVBoxLayout(self)
        self.image = QLabel()
        self.image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.image.setStyleSheet("background: #777; padding: 12px;")
        scroll = QScrollArea()
        scroll.setWidget(self.image)
        scroll.setWidgetResizable(True)
        layout.addWidget(scroll, 1)
        nav = QHBoxLayout()
        self.previous_button = QPushButton(tr("previous"))
        self.next_button = QPushButton(tr("next"))
        self.page_label = QLabel()
        nav.addWidget(self.previous_button)
        nav.addStretch(1)
        nav.addWidget(self.page_label)
        nav.addStretch(1)
        nav.addWidget(self.next_button)
        layout.addLayout(nav)
        buttons = QDialogButtonBox()
        self.print_button = buttons.addButton(tr("print"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button = buttons.addButton(tr("save"), QDialogButtonBox.ButtonRole.ActionRole)
        self.close_button = buttons.addButton(tr("close"), QDialogButtonBox.ButtonRole.RejectRole)
        layout.addWidget(buttons)
        self.previous_button.clicked.connect(lambda: self.show_page(self.index - 1))
        self.next_button.clicked.connect(lambda: self.show_page(self.index + 1))
        self.print_button.clicked.connect(self.print_now)
        self.save_button.clicked.connect(lambda: save_pdf(self, self.pdf, self.title))
        self.close_button.clicked.connect(self.reject)
        self.show_page(0)
        size = self.pages.size_pt(0)
        self.resize(min(1100, int(size.width() / 72 * PREVIEW_DPI) + 80),
                    min(900, int(size.height() / 72 * PREVIEW_DPI) + 140))

    def page_image(self, index: int) -> QImage:
        return self.pages.render(index, PREVIEW_DPI)

    def show_page(self, index: int) -> None:
        self.index = max(0, min(index, self.pages.count - 1))
        self.image.setPixmap(QPixmap.fromImage(self.page_image(self.index)))
        self.page_label.setText(tr("page", n=self.index + 1, total=self.pages.count))
        self.previous_button.setEnabled(self.index > 0)
        self.next_button.setEnabled(self.index < self.pages.count - 1)

    def print_now(self) -> None:
        self.printed = print_documents(self, self.pdf, doc_type=self.doc_type, title=self.title, ask=True)
        if self.printed:
            self.accept()


def ensure_application():
    """A QApplication for printing from the command line (offscreen when there is no display)."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        if sys.platform.startswith("linux") and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QApplication(sys.argv[:1])
        app.setOrganizationName("KT1Desk")
        app.setApplicationName("KT1 Desk")
    return app
