"""Figures that restate or price another: a share of the count before it, a support level.

"đã công nhận 900 mô hình, đạt 80,5%" tells the same fact as a share, so the share takes
the count's outcome (but "đạt 120% kế hoạch" and "phấn đấu ... đạt 100%" are targets).
"Mức hỗ trợ mỗi căn từ 50 - 70 triệu đồng" is a level set per unit, not money spent on
works, whatever works verb stands near it.
"""

from __future__ import annotations

import re

from danvan_nlp.records import Outcome
from danvan_nlp.stages.figures.clauses import ClauseView, clause_words
from danvan_nlp.stages.figures.drafts import Draft
from danvan_nlp.stages.figures.labels import UnitKind
from danvan_nlp.stages.figures.lexicon import before_number, mentions, search_back
from danvan_nlp.stages.figures.reading import Reading

RESTATE_REACH = 40  # the count a share restates stands this close before its verb
RATE_REACH = 400  # characters before a sum where "mức hỗ trợ" may make it a level
RESIDUE_WORDS = 2  # words other than verbs between them ("tiêu biểu", "dứt điểm")
_PART_BREAK = re.compile(r"[;:.()]")  # a share across these restates nothing before them
_PHRASE_END = re.compile(r"[,;.:()\n]")  # where the words after a share stop
_WORD = re.compile(r"\w+")  # a word left between a count and its share


def rated(view: ClauseView, draft: Draft, left: int, reading: Reading) -> bool:
    """Whether a sum not mobilised is a support level ("mức hỗ trợ ... 5 triệu đồng")."""
    money = draft.unit.kind is UnitKind.MONEY and reading.outcome is not Outcome.MOBILIZED
    return money and bool(mentions("rate").search(
        view.text, max(left, draft.start - RATE_REACH), draft.start))


def restated(view: ClauseView, drafts: list[Draft], index: int,
                    reading: Reading) -> Draft | None:
    """The count that a share ("đạt 80,5%") right after it restates, if any."""
    draft, hit = drafts[index], reading.hit
    if draft.unit.kind is not UnitKind.PERCENT or index == 0 or hit is None:
        return None
    if not search_back(before_number("restate_verb"), view.text, hit.start, draft.start):
        return None
    count = drafts[index - 1]
    gap = view.text[count.unit_end:hit.start]
    if (count.sentence != draft.sentence or count.unit.kind is UnitKind.PERCENT
            or len(gap) > RESTATE_REACH or _PART_BREAK.search(gap)
            or _new_subject(view, count.unit_end, hit.start)):
        return None
    return None if _a_target(view, count, draft) else count


def _new_subject(view: ClauseView, start: int, end: int) -> bool:
    """Whether the words between a count and "đạt" hold a subject of their own ("tỷ lệ hộ
    nghèo", "các mô hình hoạt động") rather than the count's verbs and a word or two."""
    words = view.text[start:end]
    for hit in reversed(view.hits_between(start, end)):
        words = words[:hit.start - start] + " " + words[hit.end - start:]
    for role in ("marker", "near_marker"):
        words = clause_words(role).sub(" ", words)
    residue = _WORD.findall(words)
    return len(residue) > RESIDUE_WORDS or bool(mentions("share_subject").search(words))


def _a_target(view: ClauseView, count: Draft, share: Draft) -> bool:
    """ "đạt 120% kế hoạch", "phấn đấu ... xây dựng 500 mô hình, đạt 100%": a target;
    "đạt 85,6% so với đăng ký": a ratio to another count."""
    planned = mentions("target_intent").search(view.text, count.sentence[0], share.start)
    compared = mentions("compared").search(_words_after(view, share))  # "85% so với đăng ký"
    return bool(share_of_target(view, share) or planned or compared)


def share_of_target(view: ClauseView, share: Draft) -> bool:
    """Whether a share is of a target ("105% chỉ tiêu", "100% kế hoạch")."""
    return share.unit.kind is UnitKind.PERCENT and bool(
        mentions("target_unit").search(_words_after(view, share)))


def _words_after(view: ClauseView, share: Draft) -> str:
    """The words after a share up to the next punctuation ("so với đăng ký")."""
    after = _PHRASE_END.search(view.text, share.number.end, share.sentence[1])
    return view.text[share.number.end:after.start() if after else share.sentence[1]]
