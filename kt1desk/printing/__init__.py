"""Paper: item labels, sender receipts and daily manifests as PDF (reportlab; no Qt here).

    label_pdf(store, item_ids, *, size=(100, 150)) -> bytes
    receipt_pdf(store, item_id, *, paper="80mm" | "a5", copy=False) -> bytes
    manifest_pdf(store, manifest_ids) -> bytes

The caller counts a print with ``services.items.record_print`` once it has been
printed; a receipt with ``copy=True`` says "BẢN SAO". Printing to a printer is
the Qt layer's business (``kt1desk.qt.printing.print_documents``).
"""

from __future__ import annotations

from .label import label_pdf
from .manifest import manifest_pdf
from .receipt import receipt_pdf

__all__ = ["label_pdf", "manifest_pdf", "receipt_pdf"]
