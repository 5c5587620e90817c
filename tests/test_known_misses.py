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
from typing import Any

import pytest

from danvan_nlp import extract

Case = Callable[[], None]


def known_miss(reason: str) -> pytest.MarkDecorator:
    """Mark a case as a known miss: a strict xfail with the pattern and where it was seen."""
    assert reason.strip(), "a known miss needs its reason"
    return pytest.mark.xfail(strict=True, reason=reason)


def _facts(text: str) -> dict[str, Any]:
    facts: dict[str, Any] = extract(text).to_dict()
    return facts


def _positions(facts: dict[str, Any], name: str) -> list[dict[str, Any]]:
    for official in facts["officials"]:
        if official["name"] == name:
            positions: list[dict[str, Any]] = official["positions"]
            return positions
    raise AssertionError(f"{name} not found among {[o['name'] for o in facts['officials']]}")


@known_miss("former posts: a 'nguyên' chain in an attendee list gives no status (batches 1-2)")
def test_miss_former_chain_in_attendee_list() -> None:
    facts = _facts("Dự buổi gặp mặt có các đồng chí: Hoàng Văn Lực, nguyên Ủy viên Trung ương "
                   "Đảng, nguyên Bí thư Tỉnh ủy Nam Định; Đỗ Thị Thu, Phó Chủ tịch UBND tỉnh.")
    retired = _positions(facts, "Hoàng Văn Lực")
    assert [p["surface"] for p in retired] == ["Ủy viên Trung ương Đảng", "Bí thư Tỉnh ủy Nam Định"]
    assert [p.get("status") for p in retired] == ["former", "former"]
    assert [p.get("status") for p in _positions(facts, "Đỗ Thị Thu")] == ["current"]


@known_miss("positions: a ministry name with commas is cut at the first comma (batches 1-2)")
def test_miss_ministry_name_with_commas() -> None:
    facts = _facts("Cùng dự có ông Lương Minh Đạo, Thứ trưởng Bộ Lao động, Thương binh và Xã "
                   "hội, cùng lãnh đạo các sở, ngành của tỉnh.")
    surfaces = [p["surface"] for p in _positions(facts, "Lương Minh Đạo")]
    assert surfaces == ["Thứ trưởng Bộ Lao động, Thương binh và Xã hội"]


@known_miss("figures: the scale word 'vạn' (ten thousand) is not applied (batch 1)")
def test_miss_scale_word_van() -> None:
    facts = _facts("Huyện vùng cao này có trên 12 vạn người, phần đông là đồng bào Mông.")
    assert [(f["value"], f["unit"], f["qualifier"]) for f in facts["figures"]] == [
        (120000, "người", "more_than")]


@known_miss("figures: two facts with equal value and unit are kept once (batch 1)")
def test_miss_equal_value_and_unit_kept_once() -> None:
    facts = _facts("Tổ tự quản của thôn có 6 người dân tộc Tày và 6 người dân tộc Nùng cùng "
                   "tham gia tuần tra.")
    assert [(f["value"], f["unit"]) for f in facts["figures"]] == [(6, "người"), (6, "người")]


@known_miss("publication date: a cited decision's date taken for an undated page (batches 1-2)")
def test_miss_cited_decision_date_is_not_the_publication_date() -> None:
    facts = _facts("Thực hiện Quyết định số 88/QĐ-UBND ngày 14/3/2022 của UBND tỉnh, xã đã rà "
                   "soát lại 35 hộ nghèo trên địa bàn.")
    assert facts["published"] is None
    assert [(d["code"], d["date"]) for d in facts["documents"]] == [("88/QĐ-UBND", "2022-03-14")]


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
