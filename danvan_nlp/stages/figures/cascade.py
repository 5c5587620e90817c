"""The outcome cascade: which reading of a figure's clause decides its outcome.

:mod:`.outcome` reads each side of the clause once (the verb after the figure, the verb
before it, the list item whose verb it shares, the total it is a part of) into
:class:`Sides`. Two ordered registries then decide; in each the first rule that answers
wins, and each rule's name is the ``how`` part of the figure's rule
(``figure.<unit rule>.<how>``).

``CHOICE`` - what the clause says of the figure:

1. ``set_of``: the figure names a set someone belongs to or speaks for ("một trong số
   1.040 người", "đại diện 6/48 xã") - the verbs around are said of that someone, so
   this ``other`` comes before everything;
2. ``moved_from``: the value a change starts from ("mở rộng đường từ 3m lên 5,5m") is
   the state before the work, ``other``, whatever verb stands before it;
3. ``marker``: a passive or aspect marker after the figure and its verb ("được ... công
   nhận", "đã xây dựng") - the most explicit statement, so it wins over the rest (read
   past a long subject too: "1.420 mô hình trên các lĩnh vực A, B được triển khai");
4. ``moved_to``: the value a change reaches ("... lên 4m") takes the outcome of the verb
   of the change, the verb right before its start (what 2 withheld from the start value):
   "mở rộng" works are implemented, "nâng", "tăng" a rate are ``other`` - a mobilising
   verb before that verb ("vận động nâng tỷ lệ ... từ 60% lên 85%") moved people to make
   the change, it is not what the value reached is (GUIDELINES.md: the verb that governs
   the counted thing decides) - after 3, which is explicit;
5. ``place_of_verb``: the verb before is followed by a preposition of place ("thực hiện
   tại 46 khóm"): the number says where, so it is ``other`` - before 6, whose verb it is;
6. ``verb_before`` (and ``partner``, ``labour_of_mobilised``): a strong verb before the
   number in the same segment ("hiến 334 nghìn m2") - explicit and adjacent, sixth. The
   reading of that verb (:func:`.before.read_before`) already says what it means for the
   figure: labour given through "giúp" is mobilised, money a giving verb governs through
   works is mobilised, founding a Party or state body is ``other``. A verb the figure
   before read as its own verb after is its predicate, not this figure's, when "và" opens
   this figure's clause and a verb follows it ("140 gia đình thực hiện trồng rau sạch và
   60 hội viên thường xuyên sử dụng ...");
7. ``told_with_before``: a figure told as going with the figure before it in the
   sentence ("hiến 420m2 ruộng, cùng với đó là 90m2", "hiến 35m dài, rộng 1,5m") shares that
   figure's outcome - after 6, as a strong verb of its own comes first;
8. ``bare``: a verb right after the counted noun ("mô hình đăng ký thực hiện"), or the
   first deciding verb past verbs that describe it ("hộ dân sinh sống dọc ... tự nguyện
   hiến đất") - it can be a description of the noun, so it yields to 2 to 7;
9. ``verb_after_other``: a verb after that decides no outcome still says the figure is
   ``other`` - a verb of its own beats borrowing one (a marker with no verb after it,
   "..., vì đã có", is no verb; nor is giving on what a list raised, "vận động 350 triệu
   đồng, 500 suất quà tặng hộ nghèo"; nor the share of a part, "17 hội viên chiếm 76%");
10. ``per_period``: what each period holds ("mỗi tháng có 3 giải") is a rate: ``other``,
   before 11 and 12, because it borrows no verb from a list item or total before it;
11. ``shared_verb``: a list item with no verb of its own takes the verb of the item before;
12. ``part_of_total``: a part ("trong đó ...", a bullet) takes its total's outcome - after
   11, because a list inside the parts shares its own verb first;
13. ``semicolon_item``: an item of a ";" list with no verb on either side, after a place
   ("đổ bê tông đường A hơn 100m; bản B được 250m"), takes the outcome the item before
   had from its verb before - after 11 and 12, which read a list or total first;
14. ``other_verb_before``: a weak or distant verb before the number gives ``other``;
15. ``no_verb``: nothing said (the last resort, always answers).

``CORRECTIONS`` - what the chosen reading means for this kind of figure, tried on the
choice, first answer wins, else the choice stands. They come after the choice because
each re-reads the chosen verb; their order puts the most specific first:

1. ``target_met``: "hoàn thành 9/9 tiêu chí", "105% chỉ tiêu" - a target reached is
   ``other`` whatever the verb;
2. ``prize_given``: "trao 12 giải" - prizes handed out are commended;
3. ``delegates``: "345 đại biểu được bầu chọn" - delegates elected or chosen to attend
   are counted as who attends, ``other``, never recognised;
4. ``rate``: "mức hỗ trợ ... 5 triệu đồng" - a support level is ``other``;
5. ``restated_share``: "đạt 80,5%" right after a count restates that count's outcome;
6. ``cost``: "với kinh phí 1,35 tỷ đồng", "nhà sửa chữa 30 triệu đồng" - money not
   raised (named a cost, or "built": spent on works) is ``other``.

Labour given through a helping verb ("giúp dân 2.500 ngày công") is read as mobilised by
the verb before (:func:`.before.read_before`), not corrected here.

A later pass (:func:`.lists.share_verb_after`, rule ``list_verb_after``) gives a verbless
list item the verb that follows the item after it; it reads decided neighbours, so it
runs once every figure has its reading. Then :func:`.lists.give_totals_their_parts_verb`
(rule ``verb_of_parts``) gives a verbless total, and the parts that borrowed its lack of a
verb, the verb after its last "trong đó" part, when two or more parts share that verb.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from danvan_nlp.records import Outcome
from danvan_nlp.stages.figures.before import read_before
from danvan_nlp.stages.figures.clauses import ClauseView, VerbHit, place_of_verb
from danvan_nlp.stages.figures.drafts import Draft
from danvan_nlp.stages.figures.labels import How, UnitKind
from danvan_nlp.stages.figures.lexicon import (
    before_number,
    role_alternation,
    role_words,
    search_back,
)
from danvan_nlp.stages.figures.reading import Reading
from danvan_nlp.stages.figures.restate import rated, restated, share_of_target

COST_REACH = 40  # characters before a sum where "kinh phí" may make it a cost
PRIZE_LIST_REACH = 300  # characters before a prize count where "trao:" may open its list


@dataclass(frozen=True, slots=True)
class Sides:
    """What one figure's clause says, read once: every rule decides from this."""

    view: ClauseView
    drafts: list[Draft]
    index: int
    left: int  # where the figure's clause starts
    after: Reading
    before: Reading
    previous: Draft | None  # the list item before, whose verb this one may share
    head: Draft | None  # the total this figure is a part of
    chosen: Reading | None = None  # the CHOICE answer, for CORRECTIONS

    @property
    def draft(self) -> Draft:
        return self.drafts[self.index]


@dataclass(frozen=True, slots=True)
class Rule:
    """One step of a cascade: its name, the lexicon roles it reads, and its decision."""

    name: How
    reads: tuple[str, ...]
    decide: Callable[[Sides], Reading | None]


def _set_of(s: Sides) -> Reading | None:
    if search_back(before_number("set_of"), s.view.text, s.left, s.draft.start):
        return Reading(Outcome.OTHER, How.SET_OF)
    return None


@cache
def _change() -> re.Pattern[str]:
    """The gap between the two values of a change, after the first value's unit."""
    return re.compile(
        r"""
        \s* (?:""" + role_alternation("move_verb") + r""")  # "lên", "xuống"
        \s+ (?: (?:""" + role_alternation("move_filler") + r""") \s+ )?  # "mức"
        $                                                   # the second value next
        """,
        re.VERBOSE | re.IGNORECASE,
    )


def _change_start(s: Sides, index: int) -> bool:
    """Whether ``drafts[index]`` opens a change "từ X lên Y" with the figure after it."""
    if index + 1 >= len(s.drafts):
        return False
    draft, following = s.drafts[index], s.drafts[index + 1]
    opened = search_back(before_number("move_from"), s.view.text, draft.sentence[0],
                         draft.start)
    gap = s.view.text[draft.unit_end:following.start]
    return bool(opened) and len(gap) <= 20 and bool(_change().match(gap))


def _moved_from(s: Sides) -> Reading | None:
    return Reading(Outcome.OTHER, How.MOVED_FROM) if _change_start(s, s.index) else None


def _moved_to(s: Sides) -> Reading | None:
    if s.index == 0 or not _change_start(s, s.index - 1):
        return None
    start = s.drafts[s.index - 1]
    left, _ = s.view.left_limit(start.start, start.sentence[0])
    reading, _ = read_before(s.view, s.drafts, s.index - 1, left)
    if reading.how is not How.VERB_BEFORE or reading.hit is None:
        return None
    return Reading(reading.hit.outcome, How.MOVED_TO, reading.hit)  # the change's own verb


def _marker(s: Sides) -> Reading | None:
    known = s.after.outcome not in (None, Outcome.OTHER)
    return s.after if s.after.how is How.MARKER and known else None


def _place_of_verb(s: Sides) -> Reading | None:
    hit = s.before.hit
    if hit is None or s.before.how is not How.VERB_BEFORE:
        return None
    if place_of_verb(s.view.text[hit.end:s.draft.start]):
        return Reading(Outcome.OTHER, How.PLACE_OF_VERB, hit)
    return None


def _before_same_segment(s: Sides) -> Reading | None:
    strong = s.before.outcome is not None and s.before.how is not How.WEAK
    if strong and s.before.same_segment and not _predicate_of_previous(s):
        return s.before
    return None


_AND = re.compile(r"(?<!\w)và(?!\w)")  # "và" joining two clauses


def _predicate_of_previous(s: Sides) -> bool:
    """ "140 gia đình thực hiện trồng rau sạch và 60 hội viên thường xuyên sử dụng ...": a verb the
    figure before read as its own verb after is that figure's predicate, when "và" opens
    a clause whose figure has a verb of its own right after it."""
    hit = s.before.hit
    if s.index == 0 or hit is None or s.after.how is not How.BARE:
        return False
    previous = s.drafts[s.index - 1]
    own_verb = previous.how in (How.BARE, How.MARKER) and previous.outcome is not Outcome.OTHER
    joined = _AND.search(s.view.text, hit.end, s.draft.start)
    return (previous.sentence == s.draft.sentence and own_verb and bool(joined)
            and hit.start >= previous.unit_end)


DIMENSION_GAP = 12  # characters between the two measures of one thing ("35m dài, rộng 1,5m")


def _told_with_before(s: Sides) -> Reading | None:
    """ "hiến 420m2 ruộng, cùng với đó là gần 90m2", "hiến 35m dài, rộng 1,5m": the figure
    shares the outcome of the figure told right before it in the sentence - unless a verb
    of its own follows it ("..., ngoài ra còn 15 hộ chưa đồng ý hiến đất")."""
    if s.index == 0 or s.drafts[s.index - 1].sentence != s.draft.sentence:
        return None
    if s.after.how in (How.MARKER, How.BARE):
        return None
    earlier, text = s.drafts[s.index - 1], s.view.text
    along = search_back(before_number("along_with"), text, earlier.unit_end, s.draft.start)
    second = (s.draft.start - earlier.unit_end <= DIMENSION_GAP
              and earlier.unit.kind is s.draft.unit.kind
              and search_back(before_number("second_dimension"), text, earlier.unit_end,
                              s.draft.start))
    if not (along or second) or earlier.outcome is None:
        return None
    return Reading(earlier.outcome, How.TOLD_WITH_BEFORE, None, earlier.awarder)


def _bare(s: Sides) -> Reading | None:
    return s.after if s.after.how is How.BARE and s.after.outcome is not Outcome.OTHER else None


def _verb_after_other(s: Sides) -> Reading | None:
    if s.after.how in (How.NONE, How.MARKER_UNKNOWN):
        return None  # a marker with no verb after it ("..., vì đã có") says nothing
    if _given_on(s):
        return None  # "vận động 350 triệu đồng, 500 suất quà tặng hộ nghèo": still raised
    if _share_of_part(s):
        return None  # "trong đó 31 chi hội, 17 hội viên chiếm 76%": still a part
    return Reading(Outcome.OTHER, How.VERB_AFTER_OTHER, s.after.hit)


def _given_on(s: Sides) -> bool:
    """Whether the verb after a list item hands on what the list raised: goods mobilised
    with the item before and then given ("..., 500 suất quà tặng hộ nghèo")."""
    hit = s.after.hit
    raised = s.previous is not None and s.previous.outcome is Outcome.MOBILIZED
    return raised and hit is not None and hit.phrase in role_words("giving")


def _share_of_part(s: Sides) -> bool:
    """Whether the verb after a part or list item only tells its share ("chiếm 80%")."""
    hit = s.after.hit
    borrows = s.head is not None or s.previous is not None
    return borrows and hit is not None and hit.phrase in role_words("share_verb")


def _borrowed(source: Draft | None, how: How) -> Reading | None:
    if source is None or source.outcome is None:
        return None
    return Reading(source.outcome, how, None, source.awarder)


def _per_period(s: Sides) -> Reading | None:
    if search_back(before_number("per_period", ("có",)), s.view.text, s.left, s.draft.start):
        return Reading(Outcome.OTHER, How.PER_PERIOD)
    return None


ITEM_DECIDED = (How.VERB_BEFORE, How.TOLD_WITH_BEFORE, How.SEMICOLON_ITEM)  # by a verb before


def _semicolon_item(s: Sides) -> Reading | None:
    """ "đổ bê tông đường A hơn 100m; bản B được 250m": a verbless ";" item takes the
    outcome of the item before, which its verb before gave."""
    if s.index == 0 or s.before.how is not How.NONE or s.after.how not in (
            How.NONE, How.MARKER_UNKNOWN):
        return None
    earlier, text = s.drafts[s.index - 1], s.view.text
    opens_item = text[max(earlier.unit_end, s.left - 3):s.left].strip() == ";"
    if not opens_item or earlier.sentence != s.draft.sentence or earlier.how not in ITEM_DECIDED:
        return None
    if ";" in text[earlier.unit_end:s.left - 1] or earlier.outcome is None:
        return None  # only the item right after
    return Reading(earlier.outcome, How.SEMICOLON_ITEM, None, earlier.awarder)


def _other_verb_before(s: Sides) -> Reading | None:
    if s.before.how in (How.WEAK, How.VERB_BEFORE):
        return Reading(Outcome.OTHER, How.OTHER_VERB_BEFORE, s.before.hit)
    return None


CHOICE: tuple[Rule, ...] = (
    Rule(How.SET_OF, ("set_of",), _set_of),
    Rule(How.MOVED_FROM, ("move_from", "move_verb"), _moved_from),
    Rule(How.MARKER, ("marker", "near_marker"), _marker),
    Rule(How.MOVED_TO, ("move_from", "move_verb"), _moved_to),
    Rule(How.PLACE_OF_VERB, ("place",), _place_of_verb),
    Rule(How.VERB_BEFORE, ("copula", "mobilising_head", "partner", "with"), _before_same_segment),
    Rule(How.TOLD_WITH_BEFORE, ("along_with", "second_dimension"), _told_with_before),
    Rule(How.BARE, ("labour_unit", "described_unit", "blocker", "locative"), _bare),
    Rule(How.VERB_AFTER_OTHER, ("giving", "share_verb"), _verb_after_other),
    Rule(How.PER_PERIOD, ("per_period",), _per_period),
    Rule(How.SHARED_VERB, (), lambda s: _borrowed(s.previous, How.SHARED_VERB)),
    Rule(How.PART_OF_TOTAL, ("part_opener", "sentence_part_opener"),
         lambda s: _borrowed(s.head, How.PART_OF_TOTAL)),
    Rule(How.SEMICOLON_ITEM, (), _semicolon_item),
    Rule(How.OTHER_VERB_BEFORE, (), _other_verb_before),
    Rule(How.NO_VERB, (), lambda s: Reading(Outcome.OTHER, How.NO_VERB)),
)


def _verb_of(s: Sides) -> str:
    hit = s.chosen.hit if s.chosen else None
    return hit.phrase if hit else ""


def _target_met(s: Sides) -> Reading | None:
    target = s.draft.unit.unit in role_words("target_unit") or share_of_target(s.view, s.draft)
    if target and _verb_of(s) in role_words("target_verb"):
        return Reading(Outcome.OTHER, How.TARGET_MET, _hit(s))
    return None


@cache
def _giving_list() -> re.Pattern[str]:
    """A giving verb that opens a list with a colon, in the figure's sentence."""
    return re.compile(
        r"""
        (?<!\w) (?:""" + role_alternation("giving") + r""")  # "trao", "trao tặng"
        \s* :                                                # the list opens
        [^.!?\n]* $                                          # no sentence end after it
        """,
        re.VERBOSE | re.IGNORECASE,
    )


def _prize_given(s: Sides) -> Reading | None:
    """ "trao 12 giải", "đã trao: ..., 3 giải Ba": prizes handed out are commended."""
    unit = s.draft.unit.unit or ""
    if not any(unit == word or unit.startswith(word + " ") for word in role_words("prize_unit")):
        return None
    start = s.draft.start
    if _verb_of(s) in role_words("giving"):
        return Reading(Outcome.COMMENDED, How.PRIZE_GIVEN, _hit(s))
    listed = _giving_list().search(s.view.text, max(0, start - PRIZE_LIST_REACH), start)
    if listed:  # the giving verb that opens the list, for its subject (the awarder)
        giving = s.view.hits_between(listed.start(), listed.end())
        return Reading(Outcome.COMMENDED, How.PRIZE_GIVEN, giving[0] if giving else None)
    return None


def _delegates(s: Sides) -> Reading | None:
    """ "345 đại biểu chính thức được bầu chọn": delegates elected or chosen to attend are
    counted as who attends, ``other``, not as people recognised."""
    if s.draft.unit.unit in role_words("delegate_unit") and (
            _chosen(s).outcome is Outcome.RECOGNIZED):
        return Reading(Outcome.OTHER, How.DELEGATES, _hit(s))
    return None


def _rate(s: Sides) -> Reading | None:
    if rated(s.view, s.draft, s.left, _chosen(s)):
        return Reading(Outcome.OTHER, How.RATE, _hit(s))
    return None


def _restated_share(s: Sides) -> Reading | None:
    count = restated(s.view, s.drafts, s.index, _chosen(s))
    if count is None or count.outcome is None:
        return None
    return Reading(count.outcome, How.RESTATED_SHARE, _hit(s), count.awarder)


def _cost(s: Sides) -> Reading | None:
    """ "với kinh phí 1,35 tỷ đồng", "nhà sửa chữa 30 triệu đồng": money not raised is a
    cost - named so, or money the verb says was built (spent on works)."""
    chosen = _chosen(s).outcome
    if s.draft.unit.kind is not UnitKind.MONEY or chosen is Outcome.MOBILIZED:
        return None
    start = s.draft.start
    if chosen is Outcome.IMPLEMENTED or before_number("cost", role_words("cost_filler")).search(
            s.view.text, max(0, start - COST_REACH), start):
        return Reading(Outcome.OTHER, How.COST, _hit(s))
    return None


def _chosen(s: Sides) -> Reading:
    assert s.chosen is not None, "corrections read the choice"
    return s.chosen


def _hit(s: Sides) -> VerbHit | None:
    return _chosen(s).hit


CORRECTIONS: tuple[Rule, ...] = (
    Rule(How.TARGET_MET, ("target_unit", "target_verb"), _target_met),
    Rule(How.PRIZE_GIVEN, ("prize_unit", "giving"), _prize_given),
    Rule(How.DELEGATES, ("delegate_unit",), _delegates),
    Rule(How.RATE, ("rate",), _rate),
    Rule(How.RESTATED_SHARE, ("restate_verb",), _restated_share),
    Rule(How.COST, ("cost", "cost_filler"), _cost),
)


def first_answer(rules: tuple[Rule, ...], sides: Sides) -> Reading | None:
    """The reading of the first rule of ``rules`` that answers, if any does."""
    for rule in rules:
        reading = rule.decide(sides)
        if reading is not None:
            return reading
    return None


def decide(sides: Sides) -> Reading:
    """The reading that decides the figure: the choice, corrected."""
    chosen = first_answer(CHOICE, sides)
    assert chosen is not None, "no_verb always answers"
    with_choice = Sides(sides.view, sides.drafts, sides.index, sides.left, sides.after,
                        sides.before, sides.previous, sides.head, chosen)
    return first_answer(CORRECTIONS, with_choice) or chosen
