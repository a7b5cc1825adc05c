"""Paper: item labels, sender receipts and daily manifests as PDF (reportlab; no Qt here).

    label_pdf(store, item_ids, *, size=(100, 150)) -> bytes
    receipt_pdf(store, item_id, *, paper="80mm" | "a5", copy=False) -> bytes
    manifest_pdf(store, manifest_ids) -> bytes
    bag_pdf(store, bag_id, *, label=True, manifest=True) -> bytes      (a bag's label and its manifest)
    dispatch_pdf(store, dispatch_id) -> bytes, arrival_pdf(store, receipt_id) -> bytes   (hand-over records)
    shift_report_pdf(report, office, *, print_no=None) -> bytes           (X or Z report of a shift)

The caller counts a print with ``services.items.record_print`` once it has been
printed; a receipt with ``copy=True`` says "BẢN SAO". Printing to a printer is
the Qt layer's business (``kt1desk.qt.printing.print_documents``).
"""

from __future__ import annotations

from importlib import import_module

__all__ = ["arrival_pdf", "bag_pdf", "dispatch_pdf", "label_pdf", "manifest_pdf", "receipt_pdf", "shift_report_pdf"]

# reportlab and python-barcode take ~0.15 s to import: every command line (the window's
# start included) builds its parser through printing.cli, so the documents load on first use.
_HOMES = {"label_pdf": ".label", "manifest_pdf": ".manifest", "receipt_pdf": ".receipt", "bag_pdf": ".bag",
          "dispatch_pdf": ".handover", "arrival_pdf": ".handover", "shift_report_pdf": ".shift_report"}


def __getattr__(name: str):
    if name in _HOMES:
        return getattr(import_module(_HOMES[name], __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
