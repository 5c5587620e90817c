"""The verb after a figure: a passive or aspect marker and its verb, or a bare verb.

"hơn 2.700 mô hình được đăng ký", "2.967 căn đã xây dựng", "do X xây dựng", and the bare
"mô hình đăng ký thực hiện". A figure doing the work to another figure is its agent:
"13 đồn đã xây dựng 86 mô hình" says nothing of what happened to the outposts.
"""

from __future__ import annotations

import bisect
import re
from functools import cache

from danvan_nlp import lexicon
from danvan_nlp.records import Outcome
from danvan_nlp.stages.figures.awarder import passive_agent
from danvan_nlp.stages.figures.clauses import ClauseView, VerbHit, clause_words, place_of_verb
from danvan_nlp.stages.figures.drafts import Draft
from danvan_nlp.stages.figures.labels import MEASURED, How, Strength
from danvan_nlp.stages.figures.lexicon import before_number, role_words, search_back
from danvan_nlp.stages.figures.reading import NOTHING, Reading, listed_together

PASSIVE_REACH = 60
NEAR_REACH = 3
BARE_REACH = 70
OBJECT_REACH = 40
LONG_SUBJECT_REACH = 200  # characters after a count where the verb of a long subject may be
PREDICATES_OF_MODELS = (Outcome.REGISTERED, Outcome.RECOGNIZED, Outcome.COMMENDED)
_COMMA = re.compile(r",\s*")  # a comma and the spaces after it
_PART_END = re.compile(r"[;:]")  # a new part of the sentence
_NOT_OBJECT_GAP = re.compile(
    r"""
    [;:]                    # a new part of the sentence
    | (?<!\w) và (?!\w)     # or "và": the figure after is the next item of a list
    """,
    re.VERBOSE,
)


class ListRuns:
    """Where each list of figures ends: for each figure, the first figure after it that is
    not listed with the one before it ("19 tập thể và 23 cá nhân, 5 hộ ..."), found in one
    pass back over the figures so a list of n items costs n steps, not n squared."""

    def __init__(self, view: ClauseView, drafts: list[Draft]) -> None:
        self.view, self.drafts = view, drafts
        self.starts = [draft.start for draft in drafts]
        self.breaks = [len(drafts)] * len(drafts)
        for index in range(len(drafts) - 2, -1, -1):
            listed = listed_together(view, drafts[index], drafts[index + 1])
            self.breaks[index] = self.breaks[index + 1] if listed else index + 1

    def after_end(self, index: int) -> int:
        """The end of the clause after a figure, passing figures listed with it."""
        draft = self.drafts[index]
        end = self.view.right_limit(draft.unit_end, draft.sentence[1])
        beyond = bisect.bisect_left(self.starts, end, lo=index + 1)  # first starting at end
        unlisted = self.breaks[index]
        return end if beyond <= unlisted else self.starts[unlisted]


def read_after(view: ClauseView, draft: Draft, end: int, start: int | None = None) -> Reading:
    start = draft.unit_end if start is None else start
    marker = _first_marker(view, start, end)
    bare = _bare_verb(view, draft, start, end if marker is None else marker[0])
    if bare.how is not How.NONE:
        return bare
    if marker is None:
        return NOTHING
    return _marker_reading(view, marker, end)


def negated(view: ClauseView, reading: Reading) -> Reading:
    """ "15 hộ chưa đồng ý hiến đất": a verb after the figure that did not happen decides
    no outcome; the figure is ``other`` by its own (negated) verb."""
    hit = reading.hit
    if hit is None or reading.how not in (How.MARKER, How.BARE):
        return reading
    if search_back(_negation_before(), view.text, max(0, hit.start - NEGATION_REACH),
                   hit.start):
        return Reading(Outcome.OTHER, reading.how, hit)
    return reading


NEGATION_REACH = 40  # characters before a verb where its negation and linking words may stand
NEGATION_LINKS = 3  # linking words at most between a negation and its verb


@cache
def _negation_before() -> re.Pattern[str]:
    """A negation before a verb, maybe with a few linking words between: verbs of agreeing,
    markers, modals and soft verbs ("chưa đồng ý hiến", "không tham gia hiến", "chưa được
    công nhận", "không phải thực hiện")."""
    soft = [row[0] for row in lexicon.table("outcome_verbs.tsv") if row[2] == "soft"]
    links = "|".join(clause_words(role).pattern
                     for role in ("consent", "marker", "near_marker", "modal"))
    return re.compile(
        r"""
        (?<!\w) (?:""" + clause_words("negation").pattern + r""")  # "chưa", "không"
        (?: \s+ (?:""" + links + r"""                             # "đồng ý", "được"
               | (?<!\w) (?:""" + lexicon.alternation(soft) + r""") (?!\w)  # "tham gia"
        ) ){0,""" + str(NEGATION_LINKS) + r"""}
        \s+ $                                                      # the verb next
        """,
        re.VERBOSE,
    )


def after_aside(view: ClauseView, draft: Draft) -> Reading:
    """ "toàn bộ (100%) đường ... đã được cứng hóa": read on after the closing bracket."""
    closing = view.text.find(")", draft.unit_end, draft.sentence[1])
    if closing == -1:
        return NOTHING
    return read_after(view, draft, view.right_limit(closing + 1, draft.sentence[1]), closing + 1)


def _first_marker(view: ClauseView, start: int, end: int) -> tuple[int, int, str] | None:
    found: tuple[int, int, str] | None = None
    for role in ("marker", "near_marker"):
        match = view.first_match(clause_words(role), start, end)
        if match is not None and (found is None or match.start() < found[0]):
            found = (match.start(), match.end(), role)
    return found


def _marker_reading(view: ClauseView, marker: tuple[int, int, str], end: int) -> Reading:
    _, marker_end, role = marker
    reach = PASSIVE_REACH if role == "marker" else NEAR_REACH
    while (consent := _consent_after().match(view.text, marker_end)) and not _verb_starts_in(
            view, marker_end, consent.end()):
        marker_end = consent.end()  # "đều đồng ý hiến": the verb after the consent
    for hit in view.hits_between(marker_end, min(end, marker_end + reach + 40)):
        if hit.start - marker_end > reach or not _agent_list(view, marker_end, hit.start):
            break
        if hit.strength in (Strength.WEAK, Strength.BEFORE_ONLY):
            continue
        agent = passive_agent(view, marker_end, hit) if role == "marker" else None
        return Reading(hit.outcome, How.MARKER, hit, agent)
    return Reading(Outcome.OTHER, How.MARKER_UNKNOWN)


@cache
def _consent_after() -> re.Pattern[str]:
    """A verb of agreeing right after a marker or the one before it ("đều đồng ý hiến",
    "đã đồng lòng, tự nguyện hiến"): the verb follows them."""
    return re.compile(
        r"""
        ,? \s+ (?:""" + clause_words("consent").pattern + r""")  # maybe after a comma
        """,
        re.VERBOSE,
    )


def _verb_starts_in(view: ClauseView, start: int, end: int) -> bool:
    """Whether a verb starts in ``start:end`` ("tự nguyện hiến" is one verb, not a consent)."""
    first = bisect.bisect_left(view.hit_starts, start)
    return first < len(view.hit_starts) and view.hit_starts[first] < end


def _agent_list(view: ClauseView, start: int, end: int) -> bool:
    """Whether commas between a marker and its verb only list names ("được Ban A, UBND B")."""
    agent = view.original[start:end]
    if not agent.strip(" ,"):
        return True  # no agent: "đã đồng lòng, tự nguyện hiến"
    return all(agent[m.end():m.end() + 1].isupper() for m in _COMMA.finditer(agent))


def _bare_verb(view: ClauseView, draft: Draft, start: int, end: int) -> Reading:
    if draft.unit.kind in MEASURED or draft.unit.unit in role_words("labour_unit"):
        return NOTHING  # "27,4 tỷ đồng xây dựng 58 cây cầu": what the money or labour was for
    comma = view.text.find(",", start, end)
    hits = view.hits_between(start, min(end if comma == -1 else comma, start + BARE_REACH))
    if not hits:
        return NOTHING
    hit = hits[0]
    if hit.strength in (Strength.WEAK, Strength.BEFORE_ONLY) or _blocked(view, draft, start, hit):
        return NOTHING
    described = draft.unit.unit in role_words("described_unit")
    if described and hit.outcome not in PREDICATES_OF_MODELS:
        return NOTHING  # "mô hình xây dựng ...": what the model is about
    return Reading(hit.outcome, How.BARE, hit)


def _blocked(view: ClauseView, draft: Draft, start: int, hit: VerbHit) -> bool:
    """A preposition before the verb makes it describe the noun ("mô hình về xây dựng"),
    except a place of a co-agent ("ông A cùng 9 hộ trong thôn duy trì mô hình")."""
    gap = view.text[start:hit.start]
    blockers = [m.group() for m in clause_words("blocker").finditer(gap)]
    if not blockers:
        return False
    co_agent = search_back(before_number("co_agent"), view.text, draft.sentence[0],
                           draft.start)
    places = set(blockers) <= {m.group() for m in clause_words("locative").finditer(gap)}
    return not (co_agent and places)


def read_after_long_subject(view: ClauseView, drafts: list[Draft], index: int) -> Reading:
    """The verb of a long subject, read as a marker or a bare verb: "86 hộ dân sinh sống
    dọc tuyến ... tự nguyện hiến đất", "1.420 mô hình trên các lĩnh vực A, B, C được triển
    khai". Verbs that decide nothing describe the noun and are passed; the first strong
    verb that decides is the predicate, unless a figure after it is its object ("13 đồn ...
    xây dựng 86 mô hình"). Past a comma only a marked verb ("được", "đã") or a verb that
    predicates of models ("đăng ký") is the predicate; a copula ("có", "là") or a fronted
    place ("Ở ba bản A, B, mô hình") ends the subject."""
    draft = drafts[index]
    if draft.unit.kind in MEASURED or draft.unit.unit in role_words("labour_unit") or (
            search_back(before_number("place"), view.text, draft.sentence[0], draft.start)):
        return NOTHING  # amounts and labour do not act; a place is not a subject
    hit = _long_subject_verb(view, drafts, index)
    if hit is None:
        return NOTHING
    marked = _marked(view, draft.unit_end, hit)
    predicate = marked or hit.outcome in PREDICATES_OF_MODELS
    if view.has_comma(draft.unit_end, hit.start) and not predicate:
        return NOTHING
    described = draft.unit.unit in role_words("described_unit")
    if described and not marked and hit.outcome not in PREDICATES_OF_MODELS:
        return NOTHING
    return Reading(hit.outcome, How.MARKER if marked else How.BARE, hit)


def reads_on(after: Reading) -> bool:
    """Whether the verb of a long subject may replace ``after``: nothing was read, a marker
    found no verb, or the bare verb only describes the noun ("hộ dân sinh sống ...")."""
    describing = after.how is How.BARE and after.outcome is Outcome.OTHER
    return after.how in (How.NONE, How.MARKER_UNKNOWN) or describing


def _long_subject_verb(view: ClauseView, drafts: list[Draft], index: int) -> VerbHit | None:
    """The first strong deciding verb after a figure, within the reach of a long subject,
    if only describing verbs stand before it and no figure right after it is its object."""
    draft = drafts[index]
    following = drafts[index + 1] if index + 1 < len(drafts) else None
    stop = min(draft.sentence[1], draft.unit_end + LONG_SUBJECT_REACH,
               following.start if following else draft.sentence[1])
    part_end = _PART_END.search(view.text, draft.unit_end, stop)
    for hit in view.hits_between(draft.unit_end, part_end.start() if part_end else stop):
        if hit.strength is Strength.WEAK or (hit.outcome is Outcome.OTHER
                                             and _marked(view, draft.unit_end, hit)):
            return None  # "12 huyện đều có kế hoạch", "hộ được hỗ trợ xây": its own predicate
        if hit.strength is Strength.STRONG and hit.outcome is not Outcome.OTHER:
            return None if following and _is_object(view, hit, following) else hit
    return None


def _marked(view: ClauseView, start: int, hit: VerbHit) -> bool:
    """Whether a marker stands right before ``hit`` ("được triển khai")."""
    markers = list(clause_words("marker").finditer(view.text, start, hit.start))
    return bool(markers) and not view.text[markers[-1].end():hit.start].strip()


def agent_check(view: ClauseView, drafts: list[Draft], index: int, after: Reading) -> Reading:
    """ "13 đồn đã xây dựng 86 mô hình": a figure doing the work to another is its agent.

    Givers stay mobilised ("30 hộ hiến 8.000 m²"), but whoever mobilises others ("hai tổ
    đã vận động được 900 triệu đồng") is the agent of that mobilising."""
    if after.how not in (How.MARKER, How.BARE) or after.hit is None or after.outcome is (
            Outcome.OTHER):
        return after
    if after.outcome is Outcome.MOBILIZED and (
            after.hit.phrase.lower() not in role_words("mobilising_head")):
        return after
    draft = drafts[index]
    if draft.unit.kind in MEASURED or draft.unit.unit in role_words("labour_unit"):
        return after  # only people and bodies act: "2.400 ngày công chỉnh trang 27 tuyến ngõ"
    following = drafts[index + 1] if index + 1 < len(drafts) else None
    if (following is None or following.start < after.hit.end
            or following.sentence != drafts[index].sentence):
        return after
    active = not clause_words("marker").search(view.text, drafts[index].unit_end, after.hit.start)
    if active and _is_object(view, after.hit, following):
        return Reading(Outcome.OTHER, How.AGENT_OF_VERB, after.hit)
    return after


def _is_object(view: ClauseView, hit: VerbHit, following: Draft) -> bool:
    """Whether ``following`` is the object of ``hit`` ("xây dựng, duy trì 86 mô hình"),
    not the next item of a list ("1.954 mô hình đăng ký và 1.402 mô hình ...")."""
    gap = view.text[hit.end:following.start]
    if len(gap) > OBJECT_REACH or _NOT_OBJECT_GAP.search(gap) or place_of_verb(gap):
        return False  # "thực hiện tại 14 thôn": where it was done, not what
    if search_back(before_number("with"), view.text, hit.end, following.start):
        return False  # "đăng ký tài khoản với 900 lượt dự thi": what goes with it
    between = view.hits_between(hit.end, following.start)
    if between and between[-1].outcome is Outcome.OTHER:
        return False  # "căn hoàn thành, bàn giao, đạt 80%": "đạt" governs the share
    verb_starts = {h.start for h in between}
    # a comma not followed by another verb ends the verb's reach
    return all(hit.end + comma.end() in verb_starts for comma in _COMMA.finditer(gap))
