"""Known misses on real text (issue 8), kept visible as strict xfail cases.

Each case is a pattern seen in the real-text batches, written as our own sentence. When a
change fixes one, its xfail turns into an unexpected pass and fails the run: move the case
to the pattern tests then.
"""

import pytest

from danvan_nlp import extract


def _figures(text: str) -> list[tuple[float, str, str]]:
    return [(f.value, f.unit, f.outcome.value) for f in extract(text).figures]


def _posts(text: str) -> dict[str, list[str]]:
    return {o.name: [p.surface for p in o.positions] for o in extract(text).officials}


@pytest.mark.xfail(strict=True, reason="prizes handed out ('trao 15 giải') are not read as "
                   "commended: no prize unit role yet, and no gold article fires such a rule")
def test_prizes_handed_out_are_commended() -> None:
    assert _figures("Ban tổ chức đã trao 15 giải cho các đội thi xuất sắc.") == [
        (15.0, "giải", "commended")]


@pytest.mark.xfail(strict=True, reason="a range with the unit on both bounds ('từ 2m đến 4m') "
                   "gives the upper bound as a figure of its own")
def test_a_range_with_units_on_both_bounds() -> None:
    assert [(f.value, f.value_max) for f in extract(
        "Con đường được mở rộng từ 3m đến 5m.").figures] == [(3.0, 5.0)]


@pytest.mark.xfail(strict=True, reason="a decimal comma followed by a space ('277, 556 km') "
                   "is read as two numbers")
def test_a_decimal_comma_followed_by_a_space() -> None:
    assert _figures("Tuyến biên giới dài 118, 25 km.") == [(118.25, "km", "other")]


@pytest.mark.xfail(strict=True, reason="the second count after a slash ('hộ/khẩu') is lost")
def test_a_second_count_after_a_slash() -> None:
    assert [f.value for f in extract("Xã có 1.210 hộ/5.034 khẩu.").figures] == [1210.0, 5034.0]


@pytest.mark.xfail(strict=True, reason="'nửa' (half) before a scale word is not a number")
def test_half_a_billion() -> None:
    assert _figures("Gia đình ông ủng hộ nửa tỷ đồng làm đường.") == [
        (500000000.0, "đồng", "mobilized")]


@pytest.mark.xfail(strict=True, reason="an author byline: a degree word and the name on one "
                   "line, the posts on the next lines")
def test_an_author_byline_on_its_own_lines() -> None:
    text = "Bài viết của tác giả\nTiến sĩ Phan Văn Khải\nPhó Giám đốc Sở Nội vụ\n\nNội dung."
    assert _posts(text) == {"Phan Văn Khải": ["Phó Giám đốc Sở Nội vụ"]}


@pytest.mark.xfail(strict=True, reason="a model told twice in other words (most words not "
                   "shared) is kept twice")
def test_a_model_told_twice_in_other_words() -> None:
    text = ("Xã phát triển mô hình nuôi bò vỗ béo với quy mô lớn. Nhờ vốn vay, nhiều hộ mở "
            "rộng mô hình nuôi bò tập trung quy mô lớn.")
    assert len(extract(text).models) == 1
