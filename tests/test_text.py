"""Vietnamese text: NFC for storage, folding for search (diacritics, đ→d, old/new tone placement)."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from kt1desk.text import fold, fold_words, matches_all, nfc

NFD = lambda s: unicodedata.normalize("NFD", s)  # noqa: E731

VIETNAMESE = ("aăâbcdđeêghiklmnoôơpqrstuưvxy"
              "àáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ")
viet_text = st.text(alphabet=VIETNAMESE + VIETNAMESE.upper() + " .,-'0123456789", max_size=40)


@pytest.mark.parametrize("raw, folded", [
    ("Tỉnh ủy Đắk Lắk", "tinh uy dak lak"),
    ("ĐẮK LẮK", "dak lak"),
    ("đến", "den"),
    ("Ủy ban nhân dân tỉnh", "uy ban nhan dan tinh"),
    ("Sở Tài chính", "so tai chinh"),
    ("Văn phòng Chính phủ", "van phong chinh phu"),
    ("Hội Liên hiệp Phụ nữ", "hoi lien hiep phu nu"),
    ("  Bộ   Nội vụ  ", "bo noi vu"),
    ("", ""),
    (None, ""),
])
def test_fold(raw, folded):
    assert fold(raw) == folded


def test_d_with_stroke_is_folded_though_nfd_does_not_split_it():
    assert NFD("đ") == "đ"  # the reason it needs its own rule
    assert fold("đường Đinh Tiên Hoàng") == "duong dinh tien hoang"


def test_old_and_new_tone_placement_fold_alike():
    old, new = "hoà", "hòa"   # "hoà" (old style: mark on a), "hòa" (new style: on o)
    assert nfc(old) != nfc(new)
    assert fold(old) == fold(new) == "hoa"
    for o, n in (("Khánh Hoà", "Khánh Hòa"), ("thuỷ", "thủy"), ("Tuy Hoà", "Tuy Hòa"), ("quý", "qúy")):
        assert fold(o) == fold(n)


def test_nfd_input_is_stored_as_nfc():
    decomposed = NFD("Tỉnh ủy Đắk Lắk")
    assert decomposed != "Tỉnh ủy Đắk Lắk"
    assert nfc(decomposed) == "Tỉnh ủy Đắk Lắk"
    assert unicodedata.is_normalized("NFC", nfc(decomposed))
    assert nfc("  Sở \t Tài\nchính ") == "Sở Tài chính"
    assert nfc(None) == ""


def test_tinh_uy_finds_tinh_uy():
    hay = fold("Tỉnh ủy Đắk Lắk")
    assert matches_all(hay, "tinh uy")
    assert matches_all(hay, "TỈNH ỦY")
    assert matches_all(hay, NFD("tỉnh ủy"))
    assert matches_all(hay, "dak")
    assert not matches_all(hay, "tinh uy khanh")
    assert not matches_all(hay, "  ,. ")


def test_fold_words_drop_punctuation():
    assert fold_words("Ủy ban (tỉnh), Đắk-Lắk!") == ["uy", "ban", "tinh", "dak", "lak"]
    assert fold_words("") == []


@hsettings(deadline=None)
@given(viet_text)
def test_fold_of_nfc_equals_fold_of_nfd_vietnamese(text):
    assert fold(unicodedata.normalize("NFC", text)) == fold(NFD(text))


@hsettings(deadline=None)
@given(st.text(max_size=40))
def test_fold_of_nfc_equals_fold_of_nfd_any_text(text):
    assert fold(unicodedata.normalize("NFC", text)) == fold(NFD(text))


@hsettings(deadline=None)
@given(viet_text)
def test_folded_vietnamese_is_plain_ascii_and_folding_is_idempotent(text):
    folded = fold(text)
    assert folded.isascii()
    assert folded == folded.lower()
    assert fold(folded) == folded
    assert not any(unicodedata.combining(ch) for ch in folded)


@hsettings(deadline=None)
@given(viet_text)
def test_nfc_is_idempotent_and_normalised(text):
    once = nfc(NFD(text))
    assert nfc(once) == once
    assert unicodedata.is_normalized("NFC", once)
    assert fold(once) == fold(text)


@hsettings(deadline=None)
@given(viet_text, viet_text)
def test_a_name_is_found_by_any_of_its_words_typed_without_marks(before, after):
    name = nfc(before + " Tỉnh ủy " + after)
    assert matches_all(fold(name), "tinh uy")


def test_agency_search_folds(demo_store):
    from kt1desk.services.agencies import find_agencies

    codes = [a["code"] for a in find_agencies(demo_store, "tinh uy")]
    assert "TUDLK" in codes and "TUKH" in codes
    assert all("tinh" in a["name_fold"] and "uy" in a["name_fold"] for a in find_agencies(demo_store, "tinh uy"))
    assert [a["code"] for a in find_agencies(demo_store, NFD("Khánh Hoà"))] == ["TUKH"]
    assert "TUKH" in [a["code"] for a in find_agencies(demo_store, "khanh hòa")]
    assert find_agencies(demo_store, "tudlk")[0]["code"] == "TUDLK"
