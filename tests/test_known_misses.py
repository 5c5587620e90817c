"""The ledger of known misses: patterns real pages show that the extractor still gets wrong.

Each case is a sentence of our own that paraphrases a pattern found in the blind real-text
batches (``benchmarks/real_text/MISSES.md``; never a copied sentence), and asserts what the
extractor SHOULD output. It is marked ``known_miss(reason)``, a strict xfail: while the miss
lasts the case fails quietly; the day a change fixes it, the case passes, strict mode turns
that into a failure, and whoever fixed it moves the case to the regular tests (dropping the
mark). So known misses stay visible and fixed ones cannot slip back unnoticed.

To add a miss: write a new ``test_miss_*`` function with ``@known_miss("<pattern>: <batch>")``.
"""

import sys
from collections.abc import Callable

import pytest

from danvan_nlp import extract
from tests.stages.real_text_helpers import facts_of

Case = Callable[[], None]


def known_miss(reason: str) -> pytest.MarkDecorator:
    """Mark a case as a known miss: a strict xfail with the pattern and where it was seen."""
    assert reason.strip(), "a known miss needs its reason"
    return pytest.mark.xfail(strict=True, reason=reason)




def _figures(text: str) -> list[tuple[float, str, str]]:
    return [(f.value, f.unit, f.outcome.value) for f in extract(text).figures]


@known_miss("figures: two facts with equal value and unit are kept once (batch 1)")
def test_miss_equal_value_and_unit_kept_once() -> None:
    facts = facts_of("Tổ tự quản của thôn có 6 người dân tộc Tày và 6 người dân tộc Nùng cùng "
                   "tham gia tuần tra.")
    assert [(f["value"], f["unit"]) for f in facts["figures"]] == [(6, "người"), (6, "người")]




@known_miss("figures: a range with the unit on both bounds ('từ 2m đến 4m') gives the upper "
            "bound as a figure of its own (batches 1-2)")
def test_miss_a_range_with_units_on_both_bounds() -> None:
    assert [(f.value, f.value_max) for f in extract(
        "Con đường được mở rộng từ 3m đến 5m.").figures] == [(3.0, 5.0)]


@known_miss("figures: a decimal comma followed by a space ('277, 556 km') is read as two "
            "numbers (batches 1-2)")
def test_miss_a_decimal_comma_followed_by_a_space() -> None:
    assert _figures("Tuyến biên giới dài 118, 25 km.") == [(118.25, "km", "other")]


@known_miss("figures: the second count after a slash ('hộ/khẩu') is lost (batches 1-2)")
def test_miss_a_second_count_after_a_slash() -> None:
    assert [f.value for f in extract("Xã có 1.210 hộ/5.034 khẩu.").figures] == [1210.0, 5034.0]


@known_miss("figures: 'nửa' (half) before a scale word is not a number (batches 1-2)")
def test_miss_half_a_billion() -> None:
    assert _figures("Gia đình ông ủng hộ nửa tỷ đồng làm đường.") == [
        (500000000.0, "đồng", "mobilized")]


@known_miss("models: a model told twice in other words (most words not shared) is kept twice "
            "(batches 1-2)")
def test_miss_a_model_told_twice_in_other_words() -> None:
    text = ("Xã phát triển mô hình nuôi bò vỗ béo với quy mô lớn. Nhờ vốn vay, nhiều hộ mở "
            "rộng mô hình nuôi bò tập trung quy mô lớn.")
    assert len(extract(text).models) == 1


def _cases() -> dict[str, Case]:
    module = sys.modules[__name__]
    return {name: case for name, case in vars(module).items()
            if name.startswith("test_miss_") and callable(case)}


def test_every_case_of_the_ledger_is_a_strict_xfail_with_a_reason() -> None:
    cases = _cases()
    assert len(cases) >= 3
    for name, case in cases.items():
        marks = [m for m in getattr(case, "pytestmark", []) if m.name == "xfail"]
        assert len(marks) == 1, f"{name} is not marked known_miss(...)"
        assert marks[0].kwargs.get("strict") is True, f"{name}: the xfail must be strict"
        assert str(marks[0].kwargs.get("reason", "")).strip(), f"{name}: no reason"


def _posts(text: str) -> dict[str, list[str]]:
    return {o.name: [p.surface for p in o.positions] for o in extract(text).officials}


@known_miss("officials: a task-force post whose body names what it helps carry out ('Tổ "
            "công tác giúp việc thực hiện Quyết định ...') is cut at the verb (batch 3)")
def test_miss_a_task_force_post_with_a_verb_in_its_body() -> None:
    text = ("Dự có ông Hà Quang Vinh, Tổ trưởng Tổ công tác giúp việc triển khai Kết luận số "
            "12 của Ban Bí thư.")
    assert _posts(text) == {"Hà Quang Vinh": [
        "Tổ trưởng Tổ công tác giúp việc triển khai Kết luận số 12 của Ban Bí thư"]}


@known_miss("officials: a lower-case post told in a later sentence of a profile ('Bởi ông "
            "... mà còn là trưởng ấp') is not tied to the person (batch 5)")
def test_miss_a_lower_case_post_in_a_later_sentence_of_a_profile() -> None:
    text = ("Ở ấp Bình Lợi, ai cũng biết ông Phan Văn Sáu. Không chỉ nhiệt tình, ông còn là "
            "trưởng ấp gần dân, sát dân.")
    assert _posts(text) == {"Phan Văn Sáu": ["trưởng ấp"]}
