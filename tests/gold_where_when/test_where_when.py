"""The where_when stage on sentences written for these tests: places, periods, as-of days."""

from __future__ import annotations

from typing import Any

import pytest

from danvan_nlp import extract
from danvan_nlp.records import Figure
from danvan_nlp.stages.where_when.periods import find_periods
from danvan_nlp.stages.where_when.places import find_mentions
from tests.operation_counts import calls


def _only_figure(text: str, published: str | None = "2024-05-10") -> Figure:
    figures = extract(text, published=published).figures
    assert len(figures) == 1, [figure.span.text for figure in figures]
    return figures[0]


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("giai đoạn 2018 – 2020", (2018, 2020, None, None)),
        ("nhiệm kỳ 2020-2025", (2020, 2025, None, None)),
        ("từ năm 2021 đến nay", (2021, 2024, None, "2024-05-10")),
        ("từ ngày 1/7/2023 đến nay", (2023, 2024, None, "2024-05-10")),
        ("6 tháng đầu năm 2023", (2023, 2023, 6, None)),
        ("9 tháng năm 2022", (2022, 2022, 9, None)),
        ("quý II/2023", (2023, 2023, 3, None)),
        ("nửa đầu năm 2022", (2022, 2022, 6, None)),
        ("6 tháng đầu năm", (2024, 2024, 6, None)),
        ("trong năm 2022", (2022, 2022, None, None)),
        ("cuối tháng 5/2023", (2023, 2023, None, None)),
        ("tính đến 30/6", (2024, 2024, None, "2024-06-30")),
        ("tính đến ngày 15/3/2023", (2023, 2023, None, "2023-03-15")),
        ("đến nay", (None, None, None, "2024-05-10")),
        ("tính đến 31/2/2024", (None, None, None, None)),
    ],
)
def test_period_phrases(phrase: str, expected: tuple[Any, ...]) -> None:
    found = find_periods(f"Báo cáo {phrase} cho thấy.", "2024-05-10")
    assert len(found) == 1
    mention = found[0]
    assert (mention.first, mention.last, mention.months, mention.as_of) == expected


def test_a_bracketed_year_speaks_for_its_own_sentence_only() -> None:
    text = ("Số xã khó khăn giảm từ 36 xã (năm 2017) xuống còn 14 xã. "
            "Hội Nông dân xã Quảng Bạch vận động 40 hộ hiến đất.")
    figures = {figure.value: figure for figure in extract(text, published="2022-12-13").figures}
    assert (figures[36].period_start, figures[36].period_inferred) == (2017, False)
    assert (figures[40].period_start, figures[40].period_inferred) == (2022, True)


def test_no_period_without_a_publication_day_stays_empty() -> None:
    figure = _only_figure("Hội Nông dân xã Quảng Bạch vận động 40 hộ hiến đất.", None)
    assert (figure.period_start, figure.period_end, figure.period_inferred) == (
        None, None, False)


def test_publication_year_is_flagged_as_inferred() -> None:
    figure = _only_figure("Hội Nông dân xã Quảng Bạch vận động 40 hộ hiến đất.")
    assert (figure.period_start, figure.period_end, figure.period_inferred) == (
        2024, 2024, True)
    assert (figure.place, figure.place_level.value if figure.place_level else None) == (
        "Quảng Bạch", "commune")


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Theo văn bản Hướng dẫn số 5.", []),
        ("Phó Chủ tịch UBND huyện Triệu Thị Mai phát biểu.", [None]),
        ("Đoàn về thôn Nà Sành Lường Văn Hùng dẫn đường.", ["Nà Sành"]),
        ("Tại xóm 5, xã Nghi Long có nhiều hộ.", ["5", "Nghi Long"]),
        ("Toàn tỉnh có nhiều hộ, trong đó 21 xã, thị trấn đạt chuẩn.", [None]),
        ("Năm 2023, huyện đã công nhận nhiều mô hình.", [None]),
        ("Đến nay, huyện Đồng Văn có nhiều hộ.", ["Đồng Văn"]),
        ("Ban Dân vận Huyện ủy cho biết.", [None]),
        ("Thành đoàn và UBND huyện phối hợp.", [None, None]),
        ("Xây dựng nông thôn Quảng Ninh giàu đẹp.", []),
        ("Cùng già làng Đinh Văn Hùng đến từng nhà.", []),
        ("Ở xã Nam Gianh.\nXã có 21 thôn; phường có 11 khu phố.", ["Nam Gianh", None, None]),
    ],
)
def test_place_mentions(text: str, names: list[str | None]) -> None:
    assert [mention.name for mention in find_mentions(text)] == names


def test_a_name_running_into_an_official_is_cut() -> None:
    found = find_mentions("Ở bản Phiêng Lơi Lò Văn Pó kể lại.", ["Lò Văn Pó"])
    assert [mention.name for mention in found] == ["Phiêng Lơi"]


def test_a_centrally_run_city_is_a_province_and_another_city_a_district() -> None:
    found = find_mentions("Thành phố Hà Nội và thành phố Bắc Giang ký kết.")
    assert [(mention.name, mention.level.value) for mention in found] == [
        ("Hà Nội", "province"), ("Bắc Giang", "district")]


def test_the_2025_commune_needs_an_article_from_july_2025() -> None:
    text = "Năm 2025, xã Bình Liêu, tỉnh Quảng Ninh vận động 60 hộ hiến đất."
    assert _only_figure(text, "2025-08-01").commune_2025 == "xã Bình Liêu"
    assert _only_figure(text, "2025-06-30").commune_2025 is None




SYLLABLES = ("Khau", "Pài", "Lừa", "Sán", "Mạ", "Nặm", "Pắc", "Cốc", "Tà", "Lùng")


def _village(number: int) -> str:
    """A distinct made-up village name per number: 207 is "Nà Lừa Khau Pắc"."""
    return "Nà " + " ".join(SYLLABLES[int(digit)] for digit in f"{number:03d}")


def _villages(count: int) -> str:
    return "".join(f"Năm 2023, thôn {_village(k)} vận động {k + 1} hộ hiến đất. "
                   for k in range(count))


def test_work_grows_linearly_with_places_and_figures() -> None:
    from danvan_nlp.stages.where_when import locate_figures

    small, double = extract(_villages(150)), extract(_villages(300))
    assert len(double.figures) == 2 * len(small.figures) == 300
    assert [figure.place for figure in double.figures] == [_village(k) for k in range(300)]
    assert calls(lambda: locate_figures(double)) <= 2.3 * calls(lambda: locate_figures(small))
