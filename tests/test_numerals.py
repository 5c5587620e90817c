"""Vietnamese numerals: digits, scale words, number words, ranges, ratios and units."""

import pytest

from danvan_nlp.numerals import (
    find_numbers,
    parse_digits,
    parse_number,
    parse_quantity,
    parse_words,
)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("2.700", 2700),
        ("1,5", 1.5),
        ("338,3", 338.3),
        ("01", 1),
        ("08", 8),
        ("2.345.678", 2345678),
        ("468,281", 468.281),
        ("1.234,5", 1234.5),
    ],
)
def test_digits(text: str, value: float) -> None:
    assert parse_digits(text) == pytest.approx(value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("2.700", 2700),
        ("1,3 triệu", 1_300_000),
        ("193 nghìn", 193_000),
        ("97 ngàn", 97_000),
        ("23 tỷ", 23_000_000_000),
        ("3,1 tỉ", 3_100_000_000),
        ("826,5 tỷ", 826_500_000_000),
        ("40 nghìn tỷ", 40_000_000_000_000),
        ("1 tỷ 200 triệu", 1_200_000_000),
        ("2 triệu 500 nghìn", 2_500_000),
        ("hai", 2),
        ("Ba", 3),
        ("mười", 10),
        ("mười một", 11),
        ("mười lăm", 15),
        ("hai mươi", 20),
        ("hai mươi mốt", 21),
        ("ba mươi tư", 34),
        ("chín mươi lăm", 95),
        ("một trăm", 100),
        ("một trăm lẻ năm", 105),
        ("hai trăm năm mươi", 250),
        ("ba nghìn", 3000),
        ("hai chục", 20),
        ("năm triệu", 5_000_000),
    ],
)
def test_numbers_with_scales_and_words(text: str, value: float) -> None:
    number = parse_number(text)
    assert number is not None
    assert number.value == pytest.approx(value)


@pytest.mark.parametrize("text", ["hai năm", "mươi", "lăm", "tư", "mốt", "trăm", "nghìn", "hai ba"])
def test_not_a_spelled_number(text: str) -> None:
    assert parse_words(text) is None


@pytest.mark.parametrize(
    ("text", "value", "value_max"),
    [
        ("500 - 700 triệu", 500_000_000, 700_000_000),
        ("30 - 40", 30, 40),
        ("3 – 4", 3, 4),
        ("50-165", 50, 165),
        ("1,5 - 2 tỷ", 1_500_000_000, 2_000_000_000),
    ],
)
def test_ranges(text: str, value: float, value_max: float) -> None:
    number = parse_number(text)
    assert number is not None
    expected: tuple[object, ...] = (pytest.approx(value), pytest.approx(value_max))
    assert (number.value, number.value_max) == expected


@pytest.mark.parametrize(
    ("text", "value", "total"),
    [("105/130", 105, 130), ("11/24", 11, 24), ("73/73", 73, 73)],
)
def test_ratios(text: str, value: float, total: float) -> None:
    number = parse_number(text)
    assert number is not None
    assert (number.value, number.total) == (value, total)


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("31,4%", 31.4, "%"),
        ("100 %", 100, "%"),
        ("12 phần trăm", 12, "%"),
        ("70m2", 70, "m²"),
        ("2.000m²", 2000, "m²"),
        ("334 nghìn m2", 334_000, "m²"),
        ("338,3 ha", 338.3, "ha"),
        ("5 héc ta", 5, "ha"),
        ("43km", 43, "km"),
        ("6 km", 6, "km"),
        ("200kg", 200, "kg"),
        ("165 mm", 165, "mm"),
        ("23 tỷ đồng", 23_000_000_000, "đồng"),
        ("500.000đ", 500_000, "đồng"),
        ("1,3 triệu đồng bào", 1_300_000, "đồng bào"),
        ("15 căn nhà", 15, "căn"),
        ("202 lượt mô hình", 202, "lượt"),
        ("4 khẩu súng", 4, "khẩu"),
        ("86 hộ gia đình", 86, "hộ"),
        ("16 tập thể", 16, "tập thể"),
        ("3 mô hình", 3, "mô hình"),
    ],
)
def test_quantities(text: str, value: float, unit: str) -> None:
    quantity = parse_quantity(text)
    assert quantity is not None
    expected: tuple[object, ...] = (pytest.approx(value), unit)
    assert (quantity.value, quantity.unit) == expected


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("ngày 15/10/1930 - 15/10/2022", []),
        ("Sáng ngày 6.8, đoàn về xã", []),
        ("có 2.700 mô hình và 19 tập thể", [2700, 19]),
        ("hai tập thể, mười hộ", [2, 10]),
        ("tỷ lệ 5,2%, tỷ lệ hộ nghèo", [5.2]),
    ],
)
def test_find_numbers(text: str, found: list[float]) -> None:
    assert [n.value for n in find_numbers(text)] == found


def test_spelled_numbers_are_marked() -> None:
    numbers = find_numbers("hai tập thể và 3 cá nhân")
    assert [(n.value, n.spelled) for n in numbers] == [(2, True), (3, False)]


@pytest.mark.parametrize("text", [
    "từ 40 đến 50 hộ, Từ 1.234,5 tới 2.000 triệu đồng",
    "A1 B2-3 12/5/2024 105/130 hộ; 2.700 - 3.000 tỷ; 1 tỷ 200 triệu",
    "x7 7x 7.7.7 ,8 -9 /10 năm 2025: 31,4% 70m2 và 01 mô hình",
    "",
])
def test_digit_numbers_are_found_as_the_regex_alone_finds_them(text: str) -> None:
    from danvan_nlp.numerals import _digit_matches, _number_regex

    expected = [(m.span(), m.groupdict()) for m in _number_regex().finditer(text)]
    assert [(m.span(), m.groupdict()) for m in _digit_matches(text)] == expected
