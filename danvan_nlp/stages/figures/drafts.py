"""A figure under construction: the number, its unit and what the clause says of it."""

from __future__ import annotations

from dataclasses import dataclass

from danvan_nlp.components import RuleName
from danvan_nlp.numerals import Number
from danvan_nlp.records import Outcome, Qualifier
from danvan_nlp.stages.figures.labels import How, figure_rule
from danvan_nlp.stages.figures.units import CountedUnit


@dataclass(slots=True)
class Draft:
    """One candidate figure while its outcome is being decided."""

    number: Number
    unit: CountedUnit
    sentence: tuple[int, int]
    qualifier: Qualifier
    outcome: Outcome | None = None
    awarder: str | None = None
    how: How = How.NONE  # the outcome rule that decided ``outcome``

    @property
    def rule(self) -> RuleName:
        """The figure's rule: how its unit was read and how its outcome was decided."""
        return figure_rule(self.unit.rule, self.how)

    @property
    def start(self) -> int:
        """Where the number starts in the normalised text."""
        return self.number.start

    @property
    def unit_end(self) -> int:
        """Where the unit phrase (or the number, for a borrowed unit) ends."""
        return max(self.unit.end, self.number.end)
