"""The outcome of each figure, decided by the verb that governs the counted thing.

For each figure the clause is read both ways. After it: a passive or aspect marker
and its verb ("được ... công nhận", "đã xây dựng", "do X xây dựng"), or a bare verb
right after the counted noun ("mô hình đăng ký thực hiện"). Before it: the nearest
outcome verb ("hiến 334 nghìn m2"). A figure with no verb of its own shares the verb
of the list it belongs to ("19 tập thể và 23 cá nhân ... được tặng Bằng khen") or
takes its total's outcome when it is a part ("trong đó", a colon, brackets, or a
sentence opening with "Trong đó,"); an amount alone in brackets reads the verb before
the bracket ("vận động góp quỹ khuyến học (36 triệu đồng)"). Shares that restate a count and
support levels are read in :mod:`.restate`; lists whose verb follows their last item in
:mod:`.lists`. A commended figure whose verb has no subject of its own takes the awarder of
the commended figure before it in the sentence ("...; tặng Bằng khen 11 tập thể").
"""

from __future__ import annotations

import re

from danvan_nlp.records import Outcome
from danvan_nlp.stages.figures.after import (
    ListRuns,
    after_aside,
    agent_check,
    negated,
    read_after,
    read_after_long_subject,
    reads_on,
)
from danvan_nlp.stages.figures.awarder import active_subject, award_owner
from danvan_nlp.stages.figures.before import read_before
from danvan_nlp.stages.figures.cascade import Sides, decide
from danvan_nlp.stages.figures.clauses import ClauseView
from danvan_nlp.stages.figures.drafts import Draft
from danvan_nlp.stages.figures.labels import MEASURED, How, UnitKind
from danvan_nlp.stages.figures.lexicon import before_number, role_words, search_back
from danvan_nlp.stages.figures.lists import give_totals_their_parts_verb, share_verb_after
from danvan_nlp.stages.figures.reading import Reading, connector

ASIDE_REACH = 40
FIGURELESS_GAP_REACH = 400  # characters of figureless sentences between a total and its parts

_BULLET = re.compile(
    r"""
    \s* (?: [-+•*]        # "- ", "+ ", "• " open a list item
          | \d{1,2}[.)]   # and so do "1. ", "2) "
    ) \s
    """,
    re.VERBOSE,
)


def decide_outcomes(view: ClauseView, drafts: list[Draft]) -> None:
    """Set ``outcome``, ``awarder`` and ``rule`` of every draft (in text order)."""
    intros, runs = _list_intros(view, drafts), ListRuns(view, drafts)
    heads: list[Draft | None] = []
    for index in range(len(drafts)):
        heads.append(_decide(view, drafts, index, intros[index], (runs, heads)))
    share_verb_after(view, drafts)
    give_totals_their_parts_verb(drafts, heads)
    _share_awarders(drafts)


def _share_awarders(drafts: list[Draft]) -> None:
    """ "Chủ tịch UBND tỉnh tặng Bằng khen 21 tập thể; tặng Bằng khen 11 tập thể và Bằng
    khen 4 tập thể": a commending verb with no subject of its own has the subject of the
    commending verb before it in the sentence."""
    giver: Draft | None = None
    for draft in drafts:
        if giver is not None and giver.sentence != draft.sentence:
            giver = None
        if draft.outcome is not Outcome.COMMENDED:
            continue
        if draft.awarder is None and giver is not None:
            draft.awarder = giver.awarder
        giver = draft if draft.awarder is not None else giver


def _list_intros(view: ClauseView, drafts: list[Draft]) -> list[Draft | None]:
    """For each figure, the last figure before it in a sentence that is not a list item."""
    intros: list[Draft | None] = []
    last: Draft | None = None
    for draft in drafts:
        intros.append(last)
        if not _BULLET.match(view.text, draft.sentence[0]):
            last = draft
    return intros


def _decide(view: ClauseView, drafts: list[Draft], index: int, intro: Draft | None,
            known: tuple[ListRuns, list[Draft | None]]) -> Draft | None:
    """Decide one figure's outcome; return the total it was read as a part of.

    ``known``: where each list ends, and the totals of the figures decided so far."""
    runs, heads = known
    draft = drafts[index]
    left, opener = view.left_limit(draft.start, draft.sentence[0])
    end = _reach_after(view, drafts, index, (left, opener), runs)
    after = agent_check(view, drafts, index, read_after(view, draft, end))
    before, previous = read_before(view, drafts, index, left)
    if previous is None and reads_on(after):  # a list item shares the verb of its list
        further = read_after_long_subject(view, drafts, index)
        after = after if further.how is How.NONE else further
    opens_part = opener in role_words("part_opener")
    head = _head(view, drafts, index, (left, opener)) if opens_part else None
    if opener == ";" and not connector().match(view.text, left, draft.start):
        head = _carried_head(view, drafts, index, heads)  # "; các tổ hiện có 516 thành
        # viên" is a clause of its own, "trong đó nam 90 người; nữ 12 người" a part
    if opener == "(" and head is None and after.outcome is None:
        after = after_aside(view, draft)
        before = _before_aside(view, drafts, index, (left, before))
    head = head or _bullet_head(view, drafts[index], intro)
    after = negated(view, after)
    reading = decide(Sides(view, drafts, index, left, after, before, previous, head))
    _apply(draft, reading, view, left)
    return head


def _before_aside(view: ClauseView, drafts: list[Draft], index: int,
                  inside: tuple[int, Reading]) -> Reading:
    """ "vận động góp quỹ khuyến học (36 triệu đồng)": an amount alone in brackets is what
    the verb before the bracket moved; things counted there keep their own reading."""
    left, before = inside
    if before.how is not How.NONE or drafts[index].unit.kind not in MEASURED:
        return before
    outer_left, _ = view.left_limit(left - 1, drafts[index].sentence[0])
    outer, _ = read_before(view, drafts, index, outer_left)
    return outer if outer.how is How.VERB_BEFORE else before


def _carried_head(view: ClauseView, drafts: list[Draft], index: int,
                  heads: list[Draft | None]) -> Draft | None:
    """The total of the part before, for a ";" item with no verb between the two: the
    parts of one "trong đó" breakdown share their total across semicolons."""
    if index == 0 or heads[index - 1] is None:
        return None
    previous, draft = drafts[index - 1], drafts[index]
    if previous.sentence != draft.sentence or view.hits_between(previous.unit_end, draft.start):
        return None
    return heads[index - 1]


def _reach_after(view: ClauseView, drafts: list[Draft], index: int,
                 opening: tuple[int, str], runs: ListRuns) -> int:
    """How far the verb after a figure may be: a part ("trong đó A 5 tỷ, B do X vận động")
    and a fronted place ("Ở ba bản A, B, mô hình X được duy trì") stop at the next comma."""
    draft, (left, opener) = drafts[index], opening
    end = runs.after_end(index)
    at_place = search_back(before_number("place"), view.text, left, draft.start)
    if (opener in role_words("part_opener") and opener != ";") or at_place:
        comma = view.text.find(",", draft.unit_end, end)
        return end if comma == -1 else comma
    return end


def _bullet_head(view: ClauseView, draft: Draft, intro: Draft | None) -> Draft | None:
    """The total of a bulleted item: the last figure of the line that opens the list
    with a colon ("công nhận 57 mô hình, cụ thể:" / "- Kinh tế: 30 mô hình;")."""
    if intro is None or not _BULLET.match(view.text, draft.sentence[0]):
        return None
    opens_list = view.text[intro.sentence[0]:intro.sentence[1]].rstrip().endswith(":")
    return intro if opens_list and _only_items(view, intro.sentence[1], draft.sentence[0]) else None


def _only_items(view: ClauseView, start: int, end: int) -> bool:
    """Whether every line of ``start:end`` with words is a list item.

    The items of one list are read in order, so the lines already found to be items
    (up to ``view.item_lines[start]``, a line start) are not read again."""
    checked = view.item_lines.get(start, start)
    checked = checked if checked <= end else start
    between = view.text[checked:end].strip("\n ")
    if not all(_BULLET.match(line) for line in between.splitlines() if line.strip()):
        return False
    view.item_lines[start] = max(checked, view.text.rfind("\n", checked, end) + 1)
    return True


def _apply(draft: Draft, reading: Reading, view: ClauseView, left: int) -> None:
    draft.outcome = reading.outcome or Outcome.OTHER
    draft.how = reading.how
    if draft.outcome is not Outcome.COMMENDED:
        return
    awarder = reading.awarder
    if awarder is None and reading.hit is not None:
        awarder = award_owner(view, reading.hit)
        if awarder is None and reading.how in (How.VERB_BEFORE, How.PRIZE_GIVEN):
            verb_left = min(left, view.left_limit(reading.hit.start, draft.sentence[0])[0])
            awarder = active_subject(view, reading.hit, verb_left)  # "Ban Tổ chức đã trao:"
    draft.awarder = awarder


def _head(view: ClauseView, drafts: list[Draft], index: int,
          opening: tuple[int, str]) -> Draft | None:
    """The total a part belongs to: the last figure of the sentence before the part.

    Brackets and colons must follow their total closely ("48 mô hình (27 tập thể ...)").
    """
    draft, (left, opener) = drafts[index], opening
    earlier = next((drafts[i] for i in range(index - 1, -1, -1) if drafts[i].unit_end <= left
                    and not _in_closed_aside(view.text, drafts[i], left)), None)
    if earlier is None:
        return None
    if earlier.sentence != draft.sentence:
        return _sentence_total(view, drafts, index, opening)
    if opener in ("(", ":") and not _close_aside(view, earlier, left - 1):
        return None
    return earlier


def _in_closed_aside(text: str, earlier: Draft, left: int) -> bool:
    """"870 hội viên (thêm 12 người so với cuối nhiệm kỳ), trong đó ...": a figure inside a
    bracket closed before the part is an aside, not the part's total."""
    opening = text.rfind("(", earlier.sentence[0], earlier.start)
    if opening == -1 or ")" in text[opening:earlier.start]:
        return False
    return ")" in text[earlier.unit_end:left]


def _close_aside(view: ClauseView, earlier: Draft, gap_end: int) -> bool:
    """Whether a bracket or colon at ``gap_end`` follows its total closely, with no verb."""
    near = gap_end - earlier.unit_end <= ASIDE_REACH
    crosses = any(mark in view.text[earlier.unit_end:gap_end] for mark in ";:.")
    return near and not crosses and not view.hits_between(earlier.unit_end, gap_end)


def _sentence_total(view: ClauseView, drafts: list[Draft], index: int,
                    opening: tuple[int, str]) -> Draft | None:
    """ "... công nhận 900 mô hình. Trong đó, kinh tế 300 mô hình": a sentence that opens
    with "trong đó" lists parts of the last figure of the sentence before that counts
    the same kind of thing (no money among the parts of 16 collectives), the same unit
    first ("140 mô hình ... tại 46 khóm. Trong đó, 98 mô hình ...": the models). A few
    sentences with no figure may stand between (a caption, a remark), if the total
    counts the very unit of the part."""
    (left, opener), draft = opening, drafts[index]
    before = drafts[index - 1].sentence
    if not (opener in role_words("sentence_part_opener")
            and " ".join(view.text[draft.sentence[0]:left].split()) == opener):  # opens it
        return None
    gap = view.text[before[1]:draft.sentence[0]]
    if gap.strip() and len(gap) > FIGURELESS_GAP_REACH:
        return None
    candidates: list[Draft] = []
    for earlier in (drafts[i] for i in range(index - 1, -1, -1)):  # a sentence's figures
        if earlier.sentence != before:  # stand together: none of ``before`` is further back
            break
        if _same_kind(earlier, draft) and not _is_place(view, earlier):
            candidates.append(earlier)  # not "tại 46 khóm": a place is where, not a total
    same_unit = [earlier for earlier in candidates if earlier.unit.unit == draft.unit.unit]
    if gap.strip():
        candidates = []  # across other sentences: only a total of the same unit
    chosen = same_unit or candidates
    return chosen[0] if chosen else None


COUNTED = (UnitKind.COUNT, UnitKind.CLASSIFIER)  # things counted, with or without a noun


def _same_kind(earlier: Draft, draft: Draft) -> bool:
    """Whether two figures count the same kind of thing ("146 vị", "58 già làng")."""
    kinds = {earlier.unit.kind, draft.unit.kind}
    return len(kinds) == 1 or kinds <= set(COUNTED)


def _is_place(view: ClauseView, draft: Draft) -> bool:
    """Whether a figure names places ("tại 46 khóm", "thuộc 70/92 thôn")."""
    return draft.how is How.PLACE_OF_VERB or bool(
        search_back(before_number("place"), view.text, draft.sentence[0], draft.start))
