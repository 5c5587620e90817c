"""What one side of a figure's clause says, and which figures stand in one list."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from danvan_nlp import lexicon
from danvan_nlp.records import Outcome
from danvan_nlp.stages.figures.clauses import ClauseView, VerbHit
from danvan_nlp.stages.figures.drafts import Draft
from danvan_nlp.stages.figures.labels import How


@dataclass(frozen=True, slots=True)
class Reading:
    """What one side of the clause says: the verb, how it was found, the awarder."""

    outcome: Outcome | None
    how: How
    hit: VerbHit | None = None
    awarder: str | None = None
    same_segment: bool = False


NOTHING = Reading(None, How.NONE)


@lru_cache(maxsize=1)
def connector() -> re.Pattern[str]:
    """Text that may stand between two figures of one list: ", ", "và", "cùng", a qualifier."""
    rows = lexicon.table("qualifiers.tsv")
    qualifiers = lexicon.alternation([r[0] for r in rows if r[2] == "before"])
    return re.compile(
        r"""
        [\s,]* (?:(?:và|cùng|với|cùng\s+với|hoặc)\s+)?  # "," / "và" / "cùng" between figures
        (?:(?:""" + qualifiers + r""")\s+)? $           # and maybe "hơn", "gần"
        """,
        re.VERBOSE,
    )


def listed_together(view: ClauseView, first: Draft, second: Draft) -> bool:
    """Whether two figures stand in one list ("19 tập thể và 23 cá nhân")."""
    return bool(connector().match(view.text, first.unit_end, second.start))
