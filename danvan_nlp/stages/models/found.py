"""What the model cascade reads and answers: the places it looks at and the titles it finds."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

from danvan_nlp.components import RuleName
from danvan_nlp.context import ArticleContext
from danvan_nlp.stages.models import lexicon as lex


class ModelRule(RuleName):
    """How a model's title was found: the finding steps of :mod:`.cascade` (a test checks
    that these members are exactly the names of the steps that find)."""

    LABELLED = "labelled"
    NAMED_BEFORE = "named_before"
    QUOTED_NAME = "quoted_name"
    QUOTED_LIST = "quoted_list"
    AFTER_DASH = "after_dash"
    DESCRIBED = "described"
    LISTED_ACTIVITY = "listed_activity"
    QUOTED_PASSIVE = "quoted_passive"
    COUNTED_NAME = "counted_name"
    CAMPAIGN_ACTIVITY = "campaign_activity"
    DEED = "deed"
    POINTED_BACK = "pointed_back"


class ModelRejection(str, Enum):
    """Why a sentence or a cue gives no model: the rejecting steps of :mod:`.cascade`."""

    SHORTCOMINGS = "shortcomings"
    MANNER = "manner"
    AT_EVENT = "at_event"
    COMMON_NOUN = "common_noun"


@dataclass(frozen=True, slots=True)
class Found:
    """A model's title found in a sentence: its span there, the step that found it, and
    whether the article wrote it as a quoted name (two quoted names of one sentence are
    two models, see ``stage._told_apart``)."""

    start: int
    end: int
    rule: ModelRule
    quoted: bool = False

    @classmethod
    def of_name(cls, match: re.Match[str], rule: ModelRule) -> Found:
        """The quoted name ``match`` holds in its "name" group, found by ``rule``."""
        return cls(match.start("name"), match.end("name"), rule, quoted=True)


@dataclass(frozen=True, slots=True)
class CueSite:
    """One cue word in a sentence ("mô hình", "cách làm"), read once for the cue steps."""

    sentence: str
    match: re.Match[str]
    cue: lex.Cue
    position: int  # where a title may start: after the cue and any campaign names


@dataclass(frozen=True, slots=True)
class SentenceSite:
    """One sentence of the article, and the titles the steps before found in it."""

    sentence: str
    context: ArticleContext
    offset: int  # where the sentence starts in the article
    found: tuple[Found, ...] = ()
