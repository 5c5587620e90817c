"""Lists whose verb comes after their last item: "Có 12 tập thể xuất sắc và 20 cá nhân
tiêu biểu được khen thưởng", "35 chi hội, 120 tổ hội, 6 hợp tác xã được thành lập".
A total with no verb of its own whose "trong đó" parts end with a verb takes that verb
too ("có 130 mô hình, trong đó 90 mô hình tổ dân phố, 40 mô hình hộ gia đình đăng ký").

The outcome pass reads each figure's own clause, and the clause of an item with its own
modifiers ("tổ hợp tác", "xuất sắc") stops at the next item. Read right to left, an item
with no verb of its own takes the verb its list ends with.
"""

from __future__ import annotations

import re
from functools import lru_cache

from danvan_nlp.records import Outcome
from danvan_nlp.stages.figures.clauses import ClauseView
from danvan_nlp.stages.figures.drafts import Draft
from danvan_nlp.stages.figures.labels import How
from danvan_nlp.stages.figures.lexicon import role_alternation
from danvan_nlp.stages.figures.reading import connector

ITEM_GAP = 40  # an item's own modifiers are this short at most
VERBLESS = (How.NO_VERB, How.OTHER_VERB_BEFORE, How.SHARED_VERB)  # how an item had no verb
VERB_AFTER = (How.MARKER, How.BARE, How.LIST_VERB_AFTER)  # how the last item found its verb


@lru_cache(maxsize=1)
def _item_separator() -> re.Pattern[str]:
    """A comma or "và" between two items of a list."""
    return re.compile(
        r"""
        ,                                                          # a comma
        | (?<!\w) (?:""" + role_alternation("item_separator") + r""") (?!\w)  # "và", "cùng"
        """,
        re.VERBOSE,
    )


@lru_cache(maxsize=1)
def _list_break() -> re.Pattern[str]:
    """What a list of figures does not run across."""
    return re.compile(
        r"""
        [;:.()\n]                                      # punctuation closing the clause
        | (?<!\w) (?:""" + role_alternation("list_break", r"\s+") + r""") (?!\w)  # "trong đó"
        """,
        re.VERBOSE,
    )


def share_verb_after(view: ClauseView, drafts: list[Draft]) -> None:
    """Give a verbless list item the verb after the item that follows it."""
    for index in range(len(drafts) - 2, -1, -1):
        item, following = drafts[index], drafts[index + 1]
        if _verbless(item) and following.how in VERB_AFTER and _next_item(
                view, item, following):
            item.outcome, item.awarder = following.outcome, following.awarder
            item.how = How.LIST_VERB_AFTER


def _verbless(item: Draft) -> bool:
    return item.outcome is Outcome.OTHER and item.how in VERBLESS


def _next_item(view: ClauseView, item: Draft, following: Draft) -> bool:
    """Whether ``following`` is the next item of a list with ``item``: other things
    ("tổ hợp tác" and "hợp tác xã", not "300 hộ, 120 hộ"), a short verbless gap."""
    gap = view.text[item.unit_end:following.start]
    return (item.sentence == following.sentence and item.unit.unit != following.unit.unit
            and len(gap) <= ITEM_GAP and not _list_break().search(gap) and _separated(gap)
            and not view.hits_between(item.unit_end, following.start))


def _separated(gap: str) -> bool:
    """Whether the gap ends with a separator and maybe a qualifier ("và hơn ")."""
    separators = list(_item_separator().finditer(gap))
    return bool(separators) and bool(connector().match(gap, separators[-1].end()))


def give_totals_their_parts_verb(drafts: list[Draft], heads: list[Draft | None]) -> None:
    """ "có 130 mô hình, trong đó 90 mô hình tổ dân phố, 40 mô hình hộ gia đình đăng ký": the verb
    after a list of two or more parts that add up to their verbless total is said of them
    all. Parts that do not add up ("có 45 chi hội, trong đó 20 chi hội vùng cao, 8 chi hội
    được công nhận") are subsets told side by side: the verb is the last one's only, and so
    is one part with a verb ("trong đó 30 mô hình được công nhận")."""
    for index, total in enumerate(drafts[:-1]):
        if not _verbless(total) or heads[index + 1] is not total:
            continue
        last = _parts_verb(drafts, index)
        if last is None or not _add_up(total, drafts[index + 1:last + 1]):
            continue
        for draft in [total, *drafts[index + 1:last]]:
            draft.outcome, draft.awarder = drafts[last].outcome, drafts[last].awarder
            draft.how = How.VERB_OF_PARTS


SUM_TOLERANCE = 0.005  # parts written rounded ("1,2 nghìn") may miss the total by this share


def _add_up(total: Draft, parts: list[Draft]) -> bool:
    """Whether the parts' values add up to the total's (the whole breakdown, not a subset)."""
    whole = total.number.value
    return abs(sum(part.number.value for part in parts) - whole) <= SUM_TOLERANCE * whole


def _parts_verb(drafts: list[Draft], index: int) -> int | None:
    """The index of the part after ``drafts[index]`` (its total) whose verb after ends the
    list of parts, if the parts before it borrowed the total's lack of one."""
    total = drafts[index]
    for later in range(index + 1, len(drafts)):
        part = drafts[later]
        if part.sentence != total.sentence:
            return None
        if part.how in VERB_AFTER and part.outcome is not Outcome.OTHER:
            return later if later > index + 1 else None
        if part.how is not How.PART_OF_TOTAL:
            return None
    return None
