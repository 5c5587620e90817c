"""The unit cascade: where a number's unit comes from.

Each rule reads one place the unit of a number can be written; the first that answers
wins (an answer may be "no unit": the number is then no figure). The rule that answered
is the unit part of the figure's rule (``figure.<unit rule>.<outcome rule>``).

1. ``words_after`` (:func:`.units.unit_after`): a unit of ``units.tsv`` right after the
   number (``unit_table``), else one or two plain nouns (``noun_after``), else money where
   money is spoken of (``money_default``). The words after a number are where Vietnamese
   writes what it counts, so they come first. A spelled number ("ba", "hai") takes only a
   table unit, and none before a capital ("ba Đồn" is a place), so for it the cascade
   stops here.
2. ``unit_borrowed``: "từ 358 xuống 50 xóm" - a bare number moving to another borrows its
   unit; explicit in the clause, so before the readings of a subject or total.
3. ``unit_from_subject``: "số hộ tham gia ... là 120" - the noun of the subject.
4. ``unit_of_total``: "1.042 mô hình, trong đó kinh tế 514" - a bare part of a total
   counts what the total counts; last, because it reads furthest back.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from danvan_nlp.context import ArticleContext
from danvan_nlp.numerals import Number
from danvan_nlp.stages.figures.drafts import Draft
from danvan_nlp.stages.figures.labels import UnitRule
from danvan_nlp.stages.figures.units import CountedUnit, moved_unit, subject_unit, unit_after

_PARTS_OPENER = re.compile(
    r"""
    (?<!\w) trong \s+ (?:số\s+)? đó (?!\w)   # "trong đó", "Trong số đó"
    | :                                     # a colon
    """,
    re.VERBOSE | re.IGNORECASE,
)
_BARE_END = re.compile(
    r"""
    \s* (?: [,;.)]              # nothing counted after the number: punctuation,
          | (?<!\w) và (?!\w)   # "và" and the next part,
          | $                   # or the end of the text
    )
    """,
    re.VERBOSE,
)
_PART_END = re.compile(r"[.;:()]")  # the parts of a total do not run across these


@dataclass(frozen=True, slots=True)
class NumberAt:
    """A number and what around it a unit rule may read."""

    ctx: ArticleContext
    number: Number
    clause_start: int  # where the number's sentence starts
    total: Draft | None  # the figure whose parts this number may list


@dataclass(frozen=True, slots=True)
class UnitAnswer:
    """A unit rule's answer: the unit, or None when the number has none."""

    unit: CountedUnit | None


@dataclass(frozen=True, slots=True)
class UnitStep:
    """One step of the unit cascade: the rules it answers with, the lexicon files it
    reads, its reading."""

    names: tuple[UnitRule, ...]
    reads: tuple[str, ...]
    decide: Callable[[NumberAt], UnitAnswer | None]


def _words_after(at: NumberAt) -> UnitAnswer | None:
    unit = unit_after(at.ctx, at.number)
    return UnitAnswer(unit) if unit is not None or at.number.spelled else None


def _found(unit: CountedUnit | None) -> UnitAnswer | None:
    return UnitAnswer(unit) if unit is not None else None


def _of_total(at: NumberAt) -> UnitAnswer | None:
    text, total, number = at.ctx.text, at.total, at.number
    if total is None or not _BARE_END.match(text, number.end):
        return None
    gap = text[total.unit_end:number.start]
    opens_parts = _PARTS_OPENER.search(gap) is not None
    next_part = total.unit.rule is UnitRule.OF_TOTAL and not _PART_END.search(gap)
    if not (opens_parts or next_part):
        return None
    return UnitAnswer(CountedUnit(total.unit.unit, number.end, total.unit.kind,
                                  UnitRule.OF_TOTAL))


UNITS: tuple[UnitStep, ...] = (
    UnitStep((UnitRule.TABLE, UnitRule.NOUN_AFTER, UnitRule.MONEY_DEFAULT),
             ("units.tsv", "figure_stop_words.txt", "figure_non_units.txt", "money_context"),
             _words_after),
    UnitStep((UnitRule.BORROWED,), ("move_verb", "move_filler"),
             lambda at: _found(moved_unit(at.ctx, at.number))),
    UnitStep((UnitRule.FROM_SUBJECT,), ("units.tsv",),
             lambda at: _found(subject_unit(at.ctx, at.number, at.clause_start))),
    UnitStep((UnitRule.OF_TOTAL,), (), _of_total),
)


def unit_of(at: NumberAt) -> CountedUnit | None:
    """The unit of the first step of :data:`UNITS` that answers, if any does."""
    for step in UNITS:
        answer = step.decide(at)
        if answer is not None:
            return answer.unit
    return None
