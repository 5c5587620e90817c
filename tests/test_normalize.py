"""Normalisation: NFC, look-alikes, one tone placement, and offsets back to the input."""

import unicodedata

import pytest

from danvan_nlp.normalize import fix_tone_placement, normalize, normalize_str, normalize_table


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Uỷ ban nhân dân", "Ủy ban nhân dân"),
        ("Tỉnh uỷ Bắc Kạn", "Tỉnh ủy Bắc Kạn"),
        ("hoà giải", "hòa giải"),
        ("HOÀ BÌNH", "HÒA BÌNH"),
        ("khoẻ mạnh", "khỏe mạnh"),
        ("hoàn thành", "hoàn thành"),  # closed syllable: the mark stays on "à"
        ("quý", "quý"),  # "qu" carries no vowel: nothing moves
        ("Quỳ, GUÝ", "Quỳ, GUÝ"),  # nor "qu"/"gu", whatever the case
        ("uỷ", "ủy"),  # at the very start of the text
        ("xoà toé\n", "xòa tóe\n"),  # before a space and at a line's end
        ("Hoà Quý", "Hòa Quý"),
        ("thuở", "thuở"),
        ("ÐẢNG bộ", "ĐẢNG bộ"),  # Icelandic Eth, a look-alike of Đ
        ("Ðảng ủy", "Đảng ủy"),
        ("2018 – 2020", "2018 - 2020"),
        ("“Dân vận khéo”", '"Dân vận khéo"'),
        ("MTTQ\u00a0Việt Nam", "MTTQ Việt Nam"),
    ],
)
def test_normalize_str(raw: str, expected: str) -> None:
    assert normalize_str(raw) == expected


@pytest.mark.parametrize("word", ["Thuỷ", "thuý", "Khoẻ", "hoạ"])
def test_tone_fix_keeps_length(word: str) -> None:
    assert len(fix_tone_placement(word)) == len(word)


def test_decomposed_input_maps_back_to_original_offsets() -> None:
    original = unicodedata.normalize("NFD", "Ông Hoàng Văn Thụ - Bí thư Chi bộ")
    result = normalize(original)
    start = result.text.index("Bí thư")
    first, last = result.to_original(start, start + len("Bí thư"))
    assert unicodedata.normalize("NFC", original[first:last]) == "Bí thư"
    assert len(result.text) < len(original)


def test_offsets_are_identity_for_composed_text() -> None:
    text = "Chủ tịch UBND tỉnh"
    result = normalize(text)
    assert list(result.offsets) == list(range(len(text)))
    assert result.to_original(9, 13) == (9, 13)


def test_normalize_table_is_normalize_str_of_each_cell() -> None:
    cells = [["Uỷ ban", "hoà\u00a0giải"], ["ÐẢNG", "quý", "toé"], ["# source: x", ""]]
    table = "\n".join("\t".join(row) for row in cells) + "\n"
    expected = "\n".join("\t".join(normalize_str(cell) for cell in row) for row in cells) + "\n"
    assert normalize_table(table) == expected


def test_lookalikes_are_replaced_as_by_the_translation_table() -> None:
    from danvan_nlp.normalize import _LOOKALIKES, replace_lookalikes

    every_char = "".join(chr(code) for code in range(0x3100)) + "\ufeff"
    assert replace_lookalikes(every_char) == every_char.translate(_LOOKALIKES)
    assert replace_lookalikes("a\tb\u2013c", keep_tabs=True) == "a\tb-c"
    assert replace_lookalikes("“Ðoàn”\u00a0—\t1") == '"Đoàn" - 1'
