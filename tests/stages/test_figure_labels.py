"""The figure rule names: one typed member per (unit rule, outcome rule) pair."""

import pickle

import pytest

from danvan_nlp.components import RuleName
from danvan_nlp.stages.figures.labels import (
    RULE_PAIRS,
    FigureRule,
    How,
    UnitRule,
    figure_rule,
    rule_parts,
)
from danvan_nlp.stages.figures.unit_cascade import UNITS


def test_each_pair_has_one_member_and_back() -> None:
    assert len(FigureRule) == len(RULE_PAIRS) == len(set(RULE_PAIRS))
    for unit, how in RULE_PAIRS:
        rule = figure_rule(unit, how)
        assert isinstance(rule, RuleName)
        assert rule.value == f"figure.{unit.value}.{how.value}"
        assert rule_parts(rule) == (unit, how)
        assert rule_parts(rule.value) == (unit, how)


def test_a_member_reads_as_its_value_and_survives_pickling() -> None:
    rule = figure_rule(UnitRule.TABLE, How.PLACE_OF_VERB)
    assert rule == "figure.unit_table.place_of_verb"
    assert pickle.loads(pickle.dumps(rule)) is rule


def test_intermediate_readings_are_no_rule() -> None:
    with pytest.raises(KeyError):
        figure_rule(UnitRule.TABLE, How.WEAK)
    with pytest.raises(KeyError):
        rule_parts("figure.unit_table.money_spent")


def test_the_merged_rules_are_gone() -> None:
    names = {how.value for how in How}
    assert not {"money_spent", "labour_given"} & names


def test_every_unit_rule_is_answered_by_one_step_of_the_unit_cascade() -> None:
    named = [rule for step in UNITS for rule in step.names]
    assert sorted(named) == sorted(UnitRule) and len(named) == len(set(named))
