"""Place, level and period of figures on the written where/when gold, kept above floors."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.gold_where_when.scoring import Tally, gold_articles, score_all

FLOORS = {"place": 0.90, "place_level": 0.90, "period": 0.90, "province_2025": 0.90,
          "commune_2025": 0.80, "period_months": 0.80, "as_of": 0.80}
MIN_ARTICLES = 20


@pytest.fixture(scope="module")
def scores() -> tuple[dict[str, Tally], list[str]]:
    return score_all()


def test_the_gold_set_is_large_enough() -> None:
    assert len(gold_articles()) >= MIN_ARTICLES


@pytest.mark.parametrize("field", list(FLOORS))
def test_field_stays_above_its_floor(field: str, scores: tuple[dict[str, Tally], list[str]],
                                     record_property: Callable[[str, object], None]) -> None:
    tallies, disagreements = scores
    tally = tallies[field]
    record_property(f"{field}_f1", round(tally.f1, 3))  # in --junitxml reports
    print(f"{field}: F1 {tally.f1:.3f} (hits {tally.hits}, extra {tally.extra}, "
          f"missed {tally.missed})")  # shown with -s
    assert tally.hits > 0, f"no {field} matched the gold at all"
    assert tally.f1 >= FLOORS[field], "\n".join(d for d in disagreements if f" {field}:" in d)


def test_the_scorer_counts_a_wrong_place_as_extra_and_missed() -> None:
    tally = Tally(hits=8, extra=2, missed=2)
    assert tally.f1 == pytest.approx(0.8)
    assert Tally().f1 == 1.0 and Tally(extra=1).f1 == 0.0
