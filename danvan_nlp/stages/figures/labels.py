"""The labels the figures stage uses internally, and the rule names figures carry.

Every label the code branches on is an Enum member here, never a bare string: what kind
of thing a unit counts, how its unit was read, how strongly a verb decides an outcome,
and how the clause gave the outcome. A figure's ``rule`` is a :data:`FigureRule`: the
unit rule and the outcome rule that produced it (``figure.unit_table.marker``), one
member for each pair the registries (:mod:`.cascade`) can produce.
"""

from __future__ import annotations

from enum import Enum, EnumMeta
from itertools import product

from danvan_nlp.components import RuleName


class UnitKind(str, Enum):
    """What a unit counts (column 3 of ``units.tsv``)."""

    COUNT = "count"
    CLASSIFIER = "classifier"
    MONEY = "money"
    MEASURE = "measure"
    PERCENT = "percent"


MEASURED = (UnitKind.MONEY, UnitKind.MEASURE)  # amounts, not things that can act or be done


class UnitRule(str, Enum):
    """How the unit of a figure was read."""

    TABLE = "unit_table"  # a unit of ``units.tsv`` right after the number
    NOUN_AFTER = "noun_after"  # one or two plain nouns right after the number
    MONEY_DEFAULT = "money_default"  # "hơn 5 tỷ": a scaled number where money is spoken of
    BORROWED = "unit_borrowed"  # "từ 358 xuống 50 xóm": the unit of the number it moves to
    FROM_SUBJECT = "unit_from_subject"  # "số hộ ... là 120": the noun of the subject
    OF_TOTAL = "unit_of_total"  # "trong đó kinh tế 514": the unit of the total


class Strength(str, Enum):
    """How strongly a verb of ``outcome_verbs.tsv`` (column 3) decides an outcome."""

    STRONG = "strong"
    SOFT = "soft"  # an outcome only when nothing stronger stands near
    WEAK = "weak"  # a copula-like verb ("là", "có"): read before the number only
    BEFORE_ONLY = "before_only"  # never read after the number
    LABEL = "label"  # names a list, not an event: ignored


class How(str, Enum):
    """How a figure's clause gave its outcome: the outcome rule's name."""

    NONE = ""  # nothing read on this side of the clause
    SET_OF = "set_of"
    MARKER = "marker"
    MARKER_UNKNOWN = "marker_unknown"
    BARE = "bare"
    AGENT_OF_VERB = "agent_of_verb"
    PARTNER = "partner"
    WITH = "with"
    LABOUR_OF_MOBILISED = "labour_of_mobilised"
    WEAK = "weak"
    VERB_BEFORE = "verb_before"
    PLACE_OF_VERB = "place_of_verb"
    VERB_AFTER_OTHER = "verb_after_other"
    SHARED_VERB = "shared_verb"
    PART_OF_TOTAL = "part_of_total"
    OTHER_VERB_BEFORE = "other_verb_before"
    NO_VERB = "no_verb"
    COST = "cost"
    RATE = "rate"
    RESTATED_SHARE = "restated_share"
    TARGET_MET = "target_met"
    PRIZE_GIVEN = "prize_given"
    DELEGATES = "delegates"
    LIST_VERB_AFTER = "list_verb_after"
    VERB_OF_PARTS = "verb_of_parts"
    PER_PERIOD = "per_period"
    MOVED_FROM = "moved_from"
    MOVED_TO = "moved_to"
    TOLD_WITH_BEFORE = "told_with_before"
    SEMICOLON_ITEM = "semicolon_item"


# what one side of the clause says before the cascade decides; never a figure's rule:
# ``weak``, ``marker_unknown`` and ``agent_of_verb`` end as ``other_verb_before`` or
# ``verb_after_other``, ``with`` and nothing as the rules after them
INTERMEDIATE = (How.NONE, How.WITH, How.WEAK, How.MARKER_UNKNOWN, How.AGENT_OF_VERB)
# how a figure can be told on its final record: the rules of the cascade
FINAL_HOWS = tuple(how for how in How if how not in INTERMEDIATE)


RULE_PAIRS = tuple(product(UnitRule, FINAL_HOWS))  # every (unit rule, outcome rule) pair


def _figure_rule_enum() -> type[RuleName]:
    """The Enum of figure rules, one member per pair of :data:`RULE_PAIRS`, in their order;
    built through the Enum metaclass, and checked to be a :class:`RuleName` (no cast)."""
    members = {f"{unit.name}__{how.name}": f"figure.{unit.value}.{how.value}"
               for unit, how in RULE_PAIRS}
    made = EnumMeta.__call__(RuleName, "FigureRule", members, module=__name__)
    assert issubclass(made, RuleName), "a figure rule is a rule name"
    return made


# one member per (unit rule, outcome rule) pair; the value is the serialised rule name
FigureRule = _figure_rule_enum()
_RULE_OF_PAIR: dict[tuple[UnitRule, How], RuleName] = dict(zip(RULE_PAIRS, FigureRule,
                                                                strict=True))
_PAIR_OF_RULE: dict[str, tuple[UnitRule, How]] = {rule.value: pair
                                                  for pair, rule in _RULE_OF_PAIR.items()}


def figure_rule(unit: UnitRule, how: How) -> RuleName:
    """The :data:`FigureRule` of a figure whose unit came by ``unit`` and outcome by ``how``."""
    return _RULE_OF_PAIR[(unit, how)]


def rule_parts(rule: str) -> tuple[UnitRule, How]:
    """The unit rule and the outcome rule of a figure's rule (a member or its value, as a
    record read back from JSON holds it); raises ``KeyError`` for a name no pair makes."""
    return _PAIR_OF_RULE[rule.value if isinstance(rule, RuleName) else rule]
