"""Labels, receipts and manifests read back: barcodes decoded at 203 dpi, text compared with the database."""

from __future__ import annotations

import re

import pdfplumber
import pytest
from test_paper_support import (SECRECY_WORDS, codes, make_items, page_sizes_mm, pdfium_pages, plumber_pages,
                                rasters)

from kt1desk import clock, formats
from kt1desk.printing import barcodes, label_pdf, manifest_pdf, receipt_pdf
from kt1desk.printing import manifest as manifest_layout
from kt1desk.services import intake, items, manifests
from kt1desk.services.intake import KINDS


def when(text):
    return formats.moment(clock.parse_iso(text))


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


@pytest.fixture
def sample(demo_store, clerk):
    """Plain, secret A + Hỏa tốc, secret B parcel, secret C to Hà Nội, Hẹn giờ, free (central office sender)."""
    ids = make_items(demo_store, clerk, 6)
    ids += make_items(demo_store, clerk, 1, sender="VPCP")
    return [items.get_item(demo_store, i) for i in ids]


# -- labels ---------------------------------------------------------------------------

def test_every_label_scans_back_to_its_id_and_reads_like_the_database(demo_store, sample):
    pdf = label_pdf(demo_store, [i["id"] for i in sample])
    images = rasters(pdf)
    texts = plumber_pages(pdf)
    assert len(images) == len(sample) == len(texts)
    assert set(page_sizes_mm(pdf)) == {(100.0, 150.0)}
    for item, image, text in zip(sample, images, texts, strict=True):  # batch order kept
        assert codes(image) == [item["id"]]
        lines = flat(text)
        for expected in (item["recipient_name"], item["sender_name"], item["recipient_province"],
                         formats.weight(item["weight_g"]), f"{item['pieces']} kiện", KINDS[item["kind"]]["vi"],
                         when(item["accepted_at"]), when(item["deadline"]), "KT1"):
            assert expected in lines, (expected, lines)
        assert item["id"] in text.split()
        assert not SECRECY_WORDS.search(text)
        tokens = text.split()
        if item["secrecy"]:
            assert item["secrecy"] in tokens
        else:
            assert not {"A", "B", "C"} & set(tokens)
        assert ("HỎA TỐC" in text) == bool(item["hoa_toc"])
        if item["hen_gio_at"]:
            assert "HẸN GIỜ" in text and when(item["hen_gio_at"]) in lines
        else:
            assert "HẸN GIỜ" not in text


def test_label_barcode_sizes_and_quiet_zones(demo_store, sample):
    item = sample[1]
    pdf = label_pdf(demo_store, [item["id"]])
    import io

    with pdfplumber.open(io.BytesIO(pdf)) as document:
        page = document.pages[0]
        bars = [r for r in page.rects if r["height"] / 72 * 25.4 >= 9 and r["width"] / 72 * 25.4 < 3]
        assert bars, "no bars"
        module = min(b["width"] for b in bars) / 72 * 25.4
        assert barcodes.MODULE_MIN_MM <= module <= barcodes.MODULE_MAX_MM
        assert abs(module / barcodes.DOT_MM - round(module / barcodes.DOT_MM)) < 0.01  # whole thermal dots
        height = bars[0]["height"] / 72 * 25.4
        assert height >= 12.5
        left = min(b["x0"] for b in bars)
        right = max(b["x1"] for b in bars)
        top, bottom = min(b["top"] for b in bars), max(b["bottom"] for b in bars)
        quiet = 10 * module / 25.4 * 72
        assert left - quiet >= 0 and right + quiet <= page.width
        # Nothing else printed in the quiet zones beside the bars.
        others = [o for o in page.chars + [r for r in page.rects if r not in bars] + page.lines
                  if o["bottom"] > top and o["top"] < bottom]
        for o in others:
            assert o["x1"] <= left - quiet or o["x0"] >= right + quiet, o
        # The readable id sits below the bars.
        id_chars = [c for c in page.chars if c["top"] >= bottom and c["top"] < bottom + 20]
        assert "".join(c["text"] for c in id_chars) == item["id"]
    # The drawing refuses sizes outside the trade's limits.
    from io import BytesIO

    from reportlab.pdfgen.canvas import Canvas
    canvas = Canvas(BytesIO())
    with pytest.raises(ValueError):
        barcodes.draw(canvas, item["id"], 0, 0, module_mm=0.2)
    with pytest.raises(ValueError):
        barcodes.draw(canvas, item["id"], 0, 0, bar_mm=8)


@pytest.mark.parametrize("size", [(100, 150), (100, 100), (80, 120)])
def test_label_sizes_are_configurable(demo_store, sample, size):
    pdf = label_pdf(demo_store, [sample[4]["id"], sample[0]["id"]], size=size)
    assert page_sizes_mm(pdf) == [(float(size[0]), float(size[1]))] * 2
    assert [codes(img) for img in rasters(pdf)] == [[sample[4]["id"]], [sample[0]["id"]]]
    text = flat(plumber_pages(pdf)[0])
    assert sample[4]["recipient_name"] in text and sample[4]["sender_name"] in text


def test_unknown_item_gives_the_message_not_a_paper(demo_store):
    from kt1desk.errors import Kt1Error

    with pytest.raises(Kt1Error) as err:
        label_pdf(demo_store, ["DK999999995VN"])
    assert err.value.code == "item_not_found"


# -- receipts -------------------------------------------------------------------------

@pytest.mark.parametrize("paper,width", [("80mm", 80.0), ("a5", 148.0)])
def test_receipt_reads_like_the_database(demo_store, sample, paper, width):
    for item in sample:
        pdf = receipt_pdf(demo_store, item["id"], paper=paper)
        assert len(page_sizes_mm(pdf)) == 1 and page_sizes_mm(pdf)[0][0] == width
        (image,) = rasters(pdf)
        assert codes(image) == [item["id"]]
        (text,) = plumber_pages(pdf)
        lines = flat(text)
        for expected in (item["recipient_name"], item["sender_name"], "Bưu điện tỉnh Đắk Lắk", item["counter_code"],
                         item["clerk_name"], formats.weight(item["weight_g"]), when(item["accepted_at"]),
                         when(item["deadline"])):
            assert expected in lines, (expected, lines)
        if item["free_reason"]:
            assert "Miễn cước" in lines and "Phụ lục I" in lines or "văn phòng Trung ương" in lines
            assert "Cước Miễn cước" in lines
        else:
            # Tariff amounts are before VAT: the receipt shows that amount, the VAT and the total.
            assert f"Cước chưa VAT {formats.money(item['fee_vnd'])}" in lines
            assert f"VAT {formats.percent(item['vat_rate_bp'])} {formats.money(item['vat_vnd'])}" in lines
            assert f"Tổng cộng {formats.money(item['fee_vnd'] + item['vat_vnd'])}" in lines
            assert item["vat_vnd"] == (item["fee_vnd"] * item["vat_rate_bp"] + 5000) // 10000 > 0
        assert not SECRECY_WORDS.search(text)
        if item["secrecy"]:
            assert f"KT1 · {item['secrecy']}" in lines
        assert "BẢN SAO" not in text


def test_free_item_says_miễn_cước_with_the_reason(demo_store, sample):
    free = sample[-1]
    assert free["free_reason"] == "central-office" and free["fee_vnd"] == 0
    text = flat(plumber_pages(receipt_pdf(demo_store, free["id"]))[0])
    assert "Miễn cước — văn phòng Trung ương" in text
    assert "0 đ" not in text


def test_reprinted_receipt_says_bản_sao_and_the_print_is_counted(demo_store, clerk, sample):
    item = sample[0]
    assert items.record_print(demo_store, clerk, item["id"], "receipt") == 1
    again = items.get_item(demo_store, item["id"])
    pdf = receipt_pdf(demo_store, item["id"], copy=again["receipt_prints"] > 0)
    text = flat(plumber_pages(pdf)[0])
    assert "BẢN SAO" in text and "lần in thứ 2" in text
    assert codes(rasters(pdf)[0]) == [item["id"]]
    assert items.record_print(demo_store, clerk, item["id"], "receipt") == 2
    assert items.get_item(demo_store, item["id"])["receipt_prints"] == 2
    kinds = [(e["kind"], e["details"].get("copy")) for e in items.events(demo_store, item["id"])]
    assert kinds[-2:] == [("printed_receipt", False), ("printed_receipt", True)]


def test_text_on_paper_is_nfc_even_when_stored_decomposed(demo_store, sample):
    import unicodedata

    item = sample[0]
    name = "Ủy ban nhân dân xã Hòa Phú"
    with demo_store.write(None, "test.nfd") as tx:  # an older row written before everything was NFC
        tx.execute("UPDATE items SET recipient_name = ? WHERE id = ?", (unicodedata.normalize("NFD", name), item["id"]))
    for pdf in (label_pdf(demo_store, [item["id"]]), receipt_pdf(demo_store, item["id"])):
        text = plumber_pages(pdf)[0]
        assert name in flat(text)
        assert unicodedata.is_normalized("NFC", text)


# -- manifests ------------------------------------------------------------------------

def _rows_of(pages: list[str]) -> list[str]:
    return [line for page in pages for line in page.splitlines() if re.match(r"^\d+ [A-Z]{2}\d{9}VN ", line)]


@pytest.mark.parametrize("count,expected_pages", [(1, 1), (40, 2), (2000, 70)])
def test_manifest_pages_rows_and_totals(demo_store, clerk, count, expected_pages):
    # One destination: local items only.
    local = [t for t in __import__("test_paper_support").TEMPLATES if t[0] in ("SYT", "MTTQ", "UBNDSH", "SGDDT")]
    ids = make_items(demo_store, clerk, count, templates=local)
    (manifest_id,) = manifests.prepare(demo_store, clerk, clock.now().date())
    pdf = manifest_pdf(demo_store, [manifest_id])
    pages = pdfium_pages(pdf) if count > 100 else plumber_pages(pdf)
    assert len(pages) == expected_pages == len(manifest_layout.pages_for(count))
    for number, page in enumerate(pages, 1):
        assert f"Trang {number}/{expected_pages}" in page
    rows = _rows_of(pages)
    assert [int(r.split()[0]) for r in rows] == list(range(1, count + 1))
    assert [r.split()[1] for r in rows] == ids  # acceptance order
    db = {i["id"]: i for i in (items.get_item(demo_store, x) for x in ids[:60])}
    weights, pieces = 0, 0
    for row in rows:
        match = re.search(r" (\d+(?:,\d+)? k?g) (\d+)(?: .*)?$", row)
        assert match, row
        weights += formats.parse_weight_g(match.group(1))
        pieces += int(match.group(2))
        item = db.get(row.split()[1])
        if item:
            assert f" {item['sender_name']} {item['recipient_name']} {KINDS[item['kind']]['vi']} " in row, row
            assert not SECRECY_WORDS.search(row)
            if item["secrecy"]:
                assert row.split()[-1] == item["secrecy"] or f" {item['secrecy']} · HT" in row
    total = re.search(r"Tổng cộng ([\d.]+) bưu gửi (\d+(?:,\d+)? k?g) ([\d.]+)", pages[-1])
    assert total, pages[-1]
    assert int(total.group(1).replace(".", "")) == count == len(rows)
    db_weight, db_pieces = demo_store.one(
        f"SELECT SUM(weight_g) AS w, SUM(pieces) AS p FROM items WHERE id IN ({','.join('?' * len(ids))})", ids).values()
    assert formats.parse_weight_g(total.group(2)) == weights == db_weight
    assert int(total.group(3).replace(".", "")) == pieces == db_pieces
    assert "BÊN GIAO" in pages[-1] and "BÊN NHẬN" in pages[-1]
    assert codes(rasters(pdf)[0]) == [manifest_id]


def test_manifest_per_destination_one_section_each(demo_store, clerk):
    ids = make_items(demo_store, clerk, 12)
    found = manifests.prepare(demo_store, clerk, clock.now().date())
    dests = {manifests.get_manifest(demo_store, m)["destination"] for m in found}
    expected = {items.get_item(demo_store, i)["recipient_province"] for i in ids}
    assert dests == expected and len(found) == 3  # Đắk Lắk, Hà Nội, Khánh Hòa
    pdf = manifest_pdf(demo_store, found)
    pages = plumber_pages(pdf)
    assert len(pages) == 3 and all("Trang 1/1" in p for p in pages)
    for manifest_id, page, image in zip(found, pages, rasters(pdf)):
        m = manifests.get_manifest(demo_store, manifest_id)
        assert codes(image) == [manifest_id]
        assert f"Nơi đến: {m['destination']}" in page
        assert [r.split()[1] for r in _rows_of([page])] == [r["id"] for r in m["rows"]]
        assert not SECRECY_WORDS.search(page)
    hen_gio = next(items.get_item(demo_store, i) for i in ids if items.get_item(demo_store, i)["hen_gio_at"])
    assert f"HG {when(hen_gio['hen_gio_at'])}" in flat("".join(pages))
    # Only one destination when asked.
    only = manifests.prepare(demo_store, clerk, clock.now().date(), "ha noi")
    assert [manifests.get_manifest(demo_store, m)["destination"] for m in only] == ["Hà Nội"]



# -- properties ---------------------------------------------------------------------------

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

VIETNAMESE = "aăâbcdđeêghiklmnoôơpqrstuưvxyàằầèềìòồờùừỳảẳẩẻểỉỏổởủửỷãẵẫẽễĩõỗỡũữỹáắấéếíóốớúứýạặậẹệịọộợụựỵ"


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(indicator=st.sampled_from(["DK", "BA", "NZ", "PQ", "ZZ", "GA"]), serial=st.integers(0, 99_999_999))
def test_any_s10_id_scans_back_exactly_at_203_dpi(indicator, serial):
    from io import BytesIO

    from reportlab.pdfgen.canvas import Canvas

    from kt1desk import s10
    from kt1desk.printing import fonts

    item_id = s10.make_id(indicator, serial)
    fonts.register()
    buffer = BytesIO()
    canvas = Canvas(buffer, pagesize=(100 * 72 / 25.4, 40 * 72 / 25.4))
    module = barcodes.fit_module(item_id, 92)
    width = barcodes.draw(canvas, item_id, 4, 15, module_mm=module, bar_mm=12.5)
    canvas.showPage()
    canvas.save()
    assert width <= 92 and module >= barcodes.MODULE_MIN_MM
    assert codes(rasters(buffer.getvalue())[0]) == [item_id]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(words=st.lists(st.text(alphabet=VIETNAMESE, min_size=1, max_size=9), min_size=1, max_size=7))
def test_any_vietnamese_name_reads_back_exactly_from_the_label(demo_store, sample, words):
    name = " ".join(w.capitalize() for w in words)
    item = sample[0]
    with demo_store.write(None, "test.name") as tx:
        tx.execute("UPDATE items SET recipient_name = ? WHERE id = ?", (name, item["id"]))
    text = flat(plumber_pages(label_pdf(demo_store, [item["id"]]))[0])
    assert name in text
