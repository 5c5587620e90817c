"""The outcome of each figure, decided by the verb that governs the counted thing.

For each figure the clause is read both ways. After it: a passive or aspect marker
and its verb ("được ... công nhận", "đã xây dựng", "do X xây dựng"), or a bare verb
right after the counted noun ("mô hình đăng ký thực hiện"). Before it: the nearest
outcome verb ("hiến 334 nghìn m2"). A figure with no verb of its own shares the verb
of the list it belongs to ("19 tập thể và 23 cá nhân ... được tặng Bằng khen") or
takes its total's outcome when it is a part ("trong đó", a colon, brackets).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from danvan_nlp import lexicon
from danvan_nlp.extract.figure_awarder import active_subject, award_owner, passive_agent
from danvan_nlp.extract.figure_clauses import ClauseView, VerbHit, clause_words
from danvan_nlp.extract.figure_drafts import Draft
from danvan_nlp.records import Outcome

PASSIVE_REACH = 60
NEAR_REACH = 3
BARE_REACH = 70
PART_OPENERS = ("(", ":", ";", "trong đó", "trong số đó", "trong số này", "bao gồm")
COPULAS = ("là", "gồm", "bao gồm")
DESCRIBED_UNITS = ("mô hình", "điển hình", "cách làm")
PREDICATES_OF_MODELS = (Outcome.REGISTERED, Outcome.RECOGNIZED, Outcome.COMMENDED)
ASIDE_REACH = 40
OBJECT_REACH = 40
GIVING_VERBS = ("trao", "tặng", "trao tặng")
LABOUR_UNITS = ("ngày công",)
HELP_VERBS = ("giúp", "giúp đỡ", "hỗ trợ", "tham gia")
TARGET_UNITS = ("chỉ tiêu", "tiêu chí", "đại hội", "mục tiêu", "nhiệm vụ", "kế hoạch")


@dataclass(frozen=True, slots=True)
class Reading:
    """What one side of the clause says: the verb, how it was found, the awarder."""

    outcome: Outcome | None
    how: str
    hit: VerbHit | None = None
    awarder: str | None = None
    same_segment: bool = False


NOTHING = Reading(None, "")

_PARTNER = re.compile(
    r"""
    (?<!\w) (?:phối|kết|liên\s+kết|cùng)\s+hợp\s+với \s+  # "phối hợp với 143 chùa": partners
    (?:(?:hơn|trên|gần|khoảng)\s+)? $                  # maybe a qualifier, then the number
    """,
    re.VERBOSE,
)

_COST = re.compile(
    r"""
    (?<!\w) (?:tổng\s+)? (?:kinh\s+phí|chi\s+phí|mức\s+đầu\s+tư|vốn\s+đầu\s+tư)  # a cost
    (?:\s+(?:là|khoảng|hơn|trên|gần|ước\s+tính|dự\s+kiến))* \s+ $              # then the number
    """,
    re.VERBOSE,
)

_PLACE = re.compile(r"(?<!\w)(?:ở|tại)\s+(?:(?:hơn|trên|gần|khoảng)\s+)?$")  # "Ở ba bản X, ..."

_WITH = re.compile(
    r"""
    (?<!\w) với \s+                                     # "thành lập tổ ... với 640 thành viên"
    (?:(?:hơn|trên|gần|khoảng)\s+)? $                  # maybe a qualifier, then the number
    """,
    re.VERBOSE,
)

_VALUE_OF = re.compile(
    r"""
    (?<!\w) (?:tổng\s+)? (?:trị\s+giá|giá\s+trị) \s+  # "đất trị giá 3,1 tỉ": its value
    (?:(?:hơn|trên|gần|khoảng)\s+)? $                  # maybe a qualifier, then the number
    """,
    re.VERBOSE,
)

_BULLET = re.compile(r"\s*(?:[-+•*]|\d{1,2}[.)])\s")  # "- ", "+ ", "1. " open a list item

_LIST_SEPARATOR = re.compile(r",|(?<!\w)(?:và|cùng|với)(?!\w)")  # between two list items


@lru_cache(maxsize=1)
def _connector() -> re.Pattern[str]:
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
    return bool(_connector().match(view.text, first.unit_end, second.start))


def decide_outcomes(view: ClauseView, drafts: list[Draft]) -> None:
    """Set ``outcome``, ``awarder`` and ``rule`` of every draft (in text order)."""
    for index in range(len(drafts)):
        _decide(view, drafts, index)


def _decide(view: ClauseView, drafts: list[Draft], index: int) -> None:
    draft = drafts[index]
    left, opener = view.left_limit(draft.start, draft.sentence[0])
    after_end = _after_end(view, drafts, index)
    at_place = bool(_PLACE.search(view.text, left, draft.start))
    if (opener in PART_OPENERS and opener != ";") or at_place:
        comma = view.text.find(",", draft.unit_end, after_end)
        after_end = after_end if comma == -1 else comma  # "trong đó A 5 tỷ, B do X vận động",
        # "Ở ba bản A, B, mô hình X được duy trì": the verb after the comma is not theirs
    after = _agent_check(view, drafts, index, _after(view, draft, after_end))
    before, previous = _before(view, drafts, index, left)
    head = _head(view, drafts, index, (left, opener)) if opener in PART_OPENERS else None
    if opener == ";" and not _connector().match(view.text, left, draft.start):
        head = None  # "; các tổ hiện có 516 thành viên": a clause of its own
    if opener == "(" and head is None and after.outcome is None:
        after = _after_aside(view, draft)
    head = head or _bullet_head(view, drafts, index)
    reading = _cost_rule(view, draft, _choose(after, before, previous, head))
    _apply(draft, _target_rule(draft, reading), view, left)


def _bullet_head(view: ClauseView, drafts: list[Draft], index: int) -> Draft | None:
    """The total of a bulleted item: the last figure of the line that opens the list
    with a colon ("công nhận 64 mô hình, cụ thể:" / "- Kinh tế: 30 mô hình;")."""
    draft = drafts[index]
    if not _BULLET.match(view.text, draft.sentence[0]):
        return None
    for earlier in reversed(drafts[:index]):
        if earlier.sentence == draft.sentence or _BULLET.match(view.text, earlier.sentence[0]):
            continue
        between = view.text[earlier.sentence[1]:draft.sentence[0]].strip("\n ")
        items = all(_BULLET.match(line) for line in between.splitlines() if line.strip())
        opens_list = view.text[earlier.sentence[0]:earlier.sentence[1]].rstrip().endswith(":")
        return earlier if opens_list and items else None
    return None


def _after_aside(view: ClauseView, draft: Draft) -> Reading:
    """ "toàn bộ (100%) đường ... đã được cứng hóa": read on after the closing bracket."""
    closing = view.text.find(")", draft.unit_end, draft.sentence[1])
    if closing == -1:
        return NOTHING
    return _after(view, draft, view.right_limit(closing + 1, draft.sentence[1]), closing + 1)


def _agent_check(view: ClauseView, drafts: list[Draft], index: int, after: Reading) -> Reading:
    """ "13 đồn đã xây dựng 86 mô hình": a figure doing the work to another is its agent."""
    if after.how not in ("marker", "bare") or after.hit is None or after.outcome in (
            Outcome.MOBILIZED, Outcome.OTHER):
        return after
    draft = drafts[index]
    if draft.unit.kind in ("money", "measure") or draft.unit.unit in LABOUR_UNITS:
        return after  # only people and bodies act: "2.400 ngày công chỉnh trang 27 tuyến ngõ"
    following = drafts[index + 1] if index + 1 < len(drafts) else None
    if (following is None or following.start < after.hit.end
            or following.sentence != drafts[index].sentence):
        return after
    active = not clause_words("marker").search(view.text, drafts[index].unit_end, after.hit.start)
    if active and _is_object(view, after.hit, following):
        return Reading(Outcome.OTHER, "agent_of_verb", after.hit)
    return after


def _is_object(view: ClauseView, hit: VerbHit, following: Draft) -> bool:
    """Whether ``following`` is the object of ``hit`` ("xây dựng, duy trì 86 mô hình"),
    not the next item of a list ("1.954 mô hình đăng ký và 1.402 mô hình ...")."""
    gap = view.text[hit.end:following.start]
    if len(gap) > OBJECT_REACH or re.search(r"[;:]|(?<!\w)và(?!\w)", gap):
        return False
    verb_starts = {h.start for h in view.hits_between(hit.end, following.start)}
    # a comma not followed by another verb ends the verb's reach
    return all(hit.end + comma.end() in verb_starts for comma in re.finditer(r",\s*", gap))


def _choose(after: Reading, before: Reading, previous: Draft | None,
            head: Draft | None) -> Reading:
    strong_before = before.outcome is not None and before.how != "weak"
    if after.how == "marker" and after.outcome not in (None, Outcome.OTHER):
        return after
    if strong_before and before.same_segment:
        return before
    if after.how == "bare" and after.outcome is not Outcome.OTHER:
        return after
    if after.how:
        return Reading(Outcome.OTHER, "verb_after_other", after.hit)
    for source, how in ((previous, "shared_verb"), (head, "part_of_total")):
        if source is not None and source.outcome is not None:
            return Reading(source.outcome, how, None, source.awarder)
    if before.how in ("weak", "verb_before"):
        return Reading(Outcome.OTHER, "other_verb_before", before.hit)
    return Reading(Outcome.OTHER, "no_verb")


def _cost_rule(view: ClauseView, draft: Draft, reading: Reading) -> Reading:
    """ "xây dựng với kinh phí 1,35 tỷ đồng": a cost is ``other`` unless it was raised."""
    if draft.unit.kind != "money" or reading.outcome is Outcome.MOBILIZED:
        return reading
    if _COST.search(view.text, max(0, draft.start - 40), draft.start):
        return Reading(Outcome.OTHER, "cost", reading.hit)
    return reading


def _target_rule(draft: Draft, reading: Reading) -> Reading:
    """ "hoàn thành 9/9 tiêu chí" is ``other``; "giúp dân 2.500 ngày công" is labour given."""
    verb = reading.hit.phrase if reading.hit else ""
    if draft.unit.unit in TARGET_UNITS and verb in ("hoàn thành", "đạt", "vượt"):
        return Reading(Outcome.OTHER, "target_met", reading.hit)
    if draft.unit.unit in LABOUR_UNITS and verb in HELP_VERBS:
        return Reading(Outcome.MOBILIZED, "labour_given", reading.hit)
    return reading


def _apply(draft: Draft, reading: Reading, view: ClauseView, left: int) -> None:
    draft.outcome = reading.outcome or Outcome.OTHER
    draft.rule = f"figure.{draft.unit.rule}.{reading.how or 'no_verb'}"
    if draft.outcome is not Outcome.COMMENDED:
        return
    awarder = reading.awarder
    if awarder is None and reading.hit is not None:
        awarder = award_owner(view, reading.hit)
        if awarder is None and reading.how.startswith("verb_before"):
            awarder = active_subject(view, reading.hit, left)
    draft.awarder = awarder


def _after_end(view: ClauseView, drafts: list[Draft], index: int) -> int:
    """The end of the clause after a figure, passing figures listed with it."""
    draft = drafts[index]
    end = view.right_limit(draft.unit_end, draft.sentence[1])
    for previous, following in zip(drafts[index:], drafts[index + 1:], strict=False):
        if following.start >= end:
            break
        if not listed_together(view, previous, following):
            return following.start
    return end


def _after(view: ClauseView, draft: Draft, end: int, start: int | None = None) -> Reading:
    start = draft.unit_end if start is None else start
    marker = _first_marker(view, start, end)
    bare = _bare_verb(view, draft, start, end if marker is None else marker[0])
    if bare.how:
        return bare
    if marker is None:
        return NOTHING
    return _marker_reading(view, marker, end)


def _first_marker(view: ClauseView, start: int, end: int) -> tuple[int, int, str] | None:
    found: tuple[int, int, str] | None = None
    for role in ("marker", "near_marker"):
        match = clause_words(role).search(view.text, start, end)
        if match is not None and (found is None or match.start() < found[0]):
            found = (match.start(), match.end(), role)
    return found


def _marker_reading(view: ClauseView, marker: tuple[int, int, str], end: int) -> Reading:
    _, marker_end, role = marker
    reach = PASSIVE_REACH if role == "marker" else NEAR_REACH
    for hit in view.hits_between(marker_end, min(end, marker_end + reach + 40)):
        if hit.start - marker_end > reach or not _agent_list(view, marker_end, hit.start):
            break
        if hit.strength in ("weak", "before_only"):
            continue
        agent = passive_agent(view, marker_end, hit) if role == "marker" else None
        return Reading(hit.outcome, "marker", hit, agent)
    return Reading(Outcome.OTHER, "marker_unknown")


def _agent_list(view: ClauseView, start: int, end: int) -> bool:
    """Whether commas between a marker and its verb only list names ("được Ban A, UBND B")."""
    agent = view.original[start:end]
    return all(agent[m.end():m.end() + 1].isupper() for m in re.finditer(r",\s*", agent))


def _bare_verb(view: ClauseView, draft: Draft, start: int, end: int) -> Reading:
    if draft.unit.kind in ("money", "measure") or draft.unit.unit in LABOUR_UNITS:
        return NOTHING  # "27,4 tỷ đồng xây dựng 58 cây cầu": what the money or labour was for
    comma = view.text.find(",", start, end)
    hits = view.hits_between(start, min(end if comma == -1 else comma, start + BARE_REACH))
    if not hits:
        return NOTHING
    hit = hits[0]
    gap = view.text[start:hit.start]
    if hit.strength in ("weak", "before_only") or clause_words("blocker").search(gap):
        return NOTHING
    if draft.unit.unit in DESCRIBED_UNITS and hit.outcome not in PREDICATES_OF_MODELS:
        return NOTHING  # "mô hình xây dựng ...": what the model is about
    return Reading(hit.outcome, "bare", hit)


def _before(view: ClauseView, drafts: list[Draft], index: int,
            left: int) -> tuple[Reading, Draft | None]:
    draft = drafts[index]
    previous = drafts[index - 1] if index and drafts[index - 1].start >= left else None
    listed = previous is not None and listed_together(view, previous, draft)
    if _PARTNER.search(view.text, left, draft.start):
        return Reading(Outcome.OTHER, "partner", None, None, True), None
    if not listed and _WITH.search(view.text, left, draft.start):
        return Reading(None, "with"), None  # the verb before is not what happened to it
    hits = view.hits_between(left, draft.start)
    if previous is not None:
        hits = [hit for hit in hits if hit.start >= previous.unit_end]
    if not hits:
        next_item = previous is not None and _next_item(view, previous, draft)
        return NOTHING, previous if next_item else None
    reading = _resolve_before(view, hits, draft)
    if _parallel_item(view, previous, draft):
        return NOTHING, previous  # "9 mô hình giữ gìn, phát huy ... và 03 mô hình"
    return reading, None


def _parallel_item(view: ClauseView, previous: Draft | None, draft: Draft) -> bool:
    """A list item with the unit of the item before, right after "và" or a comma."""
    if previous is None or previous.unit.unit != draft.unit.unit:
        return False
    separators = list(_LIST_SEPARATOR.finditer(view.text, previous.unit_end, draft.start))
    return bool(separators) and bool(_connector().match(view.text, separators[-1].end(),
                                                        draft.start))


def _next_item(view: ClauseView, previous: Draft, draft: Draft) -> bool:
    """Whether ``draft`` opens the next item of a list that ``previous`` is in."""
    if listed_together(view, previous, draft):
        return True
    gap = view.text[previous.unit_end:draft.start]
    if _VALUE_OF.search(gap):  # "hiến 23 nghìn m² đất trị giá 3,1 tỉ đồng": what was given
        return previous.outcome is Outcome.MOBILIZED
    separators = list(_LIST_SEPARATOR.finditer(gap))
    return bool(separators) and bool(_connector().match(gap, separators[-1].end()))


def _resolve_before(view: ClauseView, hits: list[VerbHit], draft: Draft) -> Reading:
    hit = hits[-1]
    if hit.strength == "weak" and hit.phrase in COPULAS:
        stronger = [h for h in hits[:-1] if h.strength != "weak"
                    and not view.has_comma(h.end, draft.start)]
        hit = stronger[-1] if stronger else hit
    if hit.strength == "weak":
        return Reading(hit.outcome, "weak", hit)
    same_segment = not view.has_comma(hit.end, draft.start)
    if not same_segment and _opens_segment(view, draft):
        return NOTHING  # ", 14/17 xã ... nằm trong": the figure is a new subject
    return Reading(_soft_outcome(view, hits, hit), "verb_before", hit, None, same_segment)


def _soft_outcome(view: ClauseView, hits: list[VerbHit], hit: VerbHit) -> Outcome:
    """ "tham gia", "nhận", "hỗ trợ" mobilise only after a mobilising verb in the segment;
    "trao", "tặng" commend when an award was named before ("Kỷ niệm chương ... được trao")."""
    if hit.phrase in GIVING_VERBS and any(h.outcome is Outcome.COMMENDED for h in hits
                                          if h.end <= hit.start):
        return Outcome.COMMENDED
    if hit.strength != "soft":
        return hit.outcome
    mobilising = [h for h in hits if h.end <= hit.start and h.outcome is Outcome.MOBILIZED
                  and not view.has_comma(h.end, hit.start)]
    return Outcome.MOBILIZED if mobilising else Outcome.OTHER


def _opens_segment(view: ClauseView, draft: Draft) -> bool:
    comma = view.text.rfind(",", draft.sentence[0], draft.start)
    return bool(_connector().match(view.text, comma + 1, draft.start))


def _head(view: ClauseView, drafts: list[Draft], index: int,
          opening: tuple[int, str]) -> Draft | None:
    """The total a part belongs to: the last figure of the sentence before the part.

    Brackets and colons must follow their total closely ("55 mô hình (29 tập thể ...)").
    """
    draft, (left, opener) = drafts[index], opening
    earlier = next((d for d in reversed(drafts[:index]) if d.unit_end <= left), None)
    if earlier is None or earlier.sentence != draft.sentence:
        return None
    if opener in ("(", ":"):
        gap_end = left - 1
        near = gap_end - earlier.unit_end <= ASIDE_REACH
        crosses = any(mark in view.text[earlier.unit_end:gap_end] for mark in ";:.")
        if not near or crosses or view.hits_between(earlier.unit_end, gap_end):
            return None
    return earlier
