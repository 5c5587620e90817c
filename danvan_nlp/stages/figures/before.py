"""The verb before a figure: the nearest outcome verb, or the list the figure continues.

"hiến 334 nghìn m2 đất" is mobilised by the verb before it; in "công nhận 01 mô hình và
26 tập thể" the second figure shares the verb of the first; a weak verb ("có", "là")
lets a verb after the figure decide. A verb right after "mô hình" that follows another
verb names what the model does ("triển khai mô hình trồng 10 ha lúa"): the verb before
the model decides.
"""

from __future__ import annotations

import re
from functools import lru_cache

from danvan_nlp import lexicon
from danvan_nlp.records import Outcome
from danvan_nlp.stages.figures.clauses import ClauseView, VerbHit
from danvan_nlp.stages.figures.drafts import Draft
from danvan_nlp.stages.figures.labels import How, Strength, UnitKind
from danvan_nlp.stages.figures.lexicon import (
    before_number,
    role_alternation,
    role_words,
    search_back,
)
from danvan_nlp.stages.figures.reading import NOTHING, Reading, connector, listed_together

_COORDINATION = re.compile(
    r"""
    \s* (?: ,                   # "đóng góp, lắp đặt": a comma
          | và                  # "vận động và hỗ trợ": "và"
          | , \s* và             # "biểu dương, và khen thưởng": both
    ) \s*                       # between two coordinated verbs
    """,
    re.VERBOSE,
)


_AND = re.compile(r"\s+ và \s+", re.VERBOSE)  # "xây dựng và phát huy": two verbs, one object


@lru_cache(maxsize=1)
def _list_separator() -> re.Pattern[str]:
    """What stands between two items of a list of figures: a comma or "và", "cùng"."""
    return re.compile(
        r"""
        ,                                                          # a comma
        | (?<!\w) (?:""" + role_alternation("list_separator") + r""") (?!\w)  # "và", "với"
        """,
        re.VERBOSE,
    )


def read_before(view: ClauseView, drafts: list[Draft], index: int,
                left: int) -> tuple[Reading, Draft | None]:
    """The verb before a figure, or the figure before it whose verb it shares."""
    draft = drafts[index]
    previous = drafts[index - 1] if index and drafts[index - 1].start >= left else None
    framed = _framed(view, previous, draft, left)
    if framed is not None:
        return framed
    hits = view.hits_between(left if previous is None else previous.unit_end, draft.start)
    if not hits:
        next_item = previous is not None and _next_item(view, previous, draft)
        return NOTHING, previous if next_item else None
    reading = _resolve_before(view, _past_model_names(view, hits), draft)
    if _parallel_item(view, previous, draft):
        return NOTHING, previous  # "9 mô hình giữ gìn, phát huy ... và 03 mô hình"
    return reading, None


def _past_model_names(view: ClauseView, hits: list[VerbHit]) -> list[VerbHit]:
    """ "triển khai mô hình trồng 10 ha lúa": a verb right after "mô hình" names what the
    model does; the verb right before the model ("triển khai") decides."""
    if len(hits) < 2 or not _model_noun_between().fullmatch(
            view.text, hits[-2].end, hits[-1].start):
        return hits
    return hits[:-1]


@lru_cache(maxsize=1)
def _model_noun_between() -> re.Pattern[str]:
    return re.compile(
        r"""
        \s+ (?:""" + role_alternation("described_unit") + r""")  # "mô hình", "cách làm" alone
        \s+                                                    # between two verbs
        """,
        re.VERBOSE | re.IGNORECASE,
    )


def _framed(view: ClauseView, previous: Draft | None, draft: Draft,
            left: int) -> tuple[Reading, Draft | None] | None:
    """Words right before the number that decide how the verb before relates to it."""
    if search_back(before_number("partner"), view.text, left, draft.start):
        return Reading(Outcome.OTHER, How.PARTNER, None, None, True), None
    listed = previous is not None and listed_together(view, previous, draft)
    if not listed and search_back(before_number("with"), view.text, left, draft.start):
        return _with_figure(view, draft, left), None
    if previous is not None and search_back(_each_regex(), view.text, left, draft.start):
        return NOTHING, previous  # "đăng ký 100% cơ sở, mỗi cơ sở tối thiểu 01 mô hình"
    return None


def _with_figure(view: ClauseView, draft: Draft, left: int) -> Reading:
    """ "thành lập tổ với 640 thành viên": the verb before is not what happened to it,
    but "huy động 4.000 đoàn viên tham gia với 18 nghìn ngày công" gives their labour."""
    if draft.unit.unit in role_words("labour_unit"):
        mobilising = [h for h in view.hits_between(left, draft.start)
                      if h.outcome is Outcome.MOBILIZED]
        if mobilising:
            return Reading(Outcome.MOBILIZED, How.LABOUR_OF_MOBILISED, mobilising[-1], None, True)
    return Reading(None, How.WITH)


@lru_cache(maxsize=1)
def _each_regex() -> re.Pattern[str]:
    counted = (UnitKind.COUNT, UnitKind.CLASSIFIER)
    nouns = [row[0] for row in lexicon.table("units.tsv") if UnitKind(row[2]) in counted]
    return re.compile(
        r"""
        (?<!\w) mỗi \s+ (?:""" + lexicon.alternation(nouns) + r""")  # "mỗi cơ sở", "mỗi hộ"
        \s+ (?:(?:tối\s+thiểu|ít\s+nhất|khoảng|trên|hơn)\s+)? $  # maybe a qualifier, then N
        """,
        re.VERBOSE,
    )


def _parallel_item(view: ClauseView, previous: Draft | None, draft: Draft) -> bool:
    """A list item with the unit of the item before, right after "và" or a comma."""
    if previous is None or previous.unit.unit != draft.unit.unit:
        return False
    separators = list(_list_separator().finditer(view.text, previous.unit_end, draft.start))
    return bool(separators) and bool(connector().match(view.text, separators[-1].end(),
                                                        draft.start))


def _next_item(view: ClauseView, previous: Draft, draft: Draft) -> bool:
    """Whether ``draft`` opens the next item of a list that ``previous`` is in."""
    if listed_together(view, previous, draft):
        return True
    gap = view.text[previous.unit_end:draft.start]
    if before_number("value_of").search(gap):
        return previous.outcome is Outcome.MOBILIZED  # "hiến 23 nghìn m² đất trị giá 3,1 tỉ"
    separators = list(_list_separator().finditer(gap))
    return bool(separators) and bool(connector().match(gap, separators[-1].end()))


def _resolve_before(view: ClauseView, hits: list[VerbHit], draft: Draft) -> Reading:
    hit = hits[-1]
    if hit.strength is Strength.WEAK and hit.phrase in role_words("copula"):
        stronger = [h for h in hits[:-1] if h.strength is not Strength.WEAK
                    and not view.has_comma(h.end, draft.start)]
        hit = stronger[-1] if stronger else hit
    if hit.strength is Strength.WEAK:
        return Reading(hit.outcome, How.WEAK, hit)
    same_segment = not view.has_comma(hit.end, draft.start)
    if not same_segment and _opens_segment(view, draft):
        return NOTHING  # ", 14/17 xã ... nằm trong": the figure is a new subject
    outcome = _soft_outcome(view, hits, hit)
    if hit.phrase in role_words("founding") and _body_after(view, draft):
        outcome = Outcome.OTHER  # "thành lập 38 đảng bộ xã": a reorganisation, not a deed
    if _raised_for_works(view, hits, hit, draft, outcome):
        outcome = Outcome.MOBILIZED  # "ủng hộ xây nhà văn hóa được 200 triệu": money raised
    if draft.unit.unit in role_words("labour_unit") and hit.phrase in role_words("help"):
        outcome = Outcome.MOBILIZED  # "giúp dân 2.500 ngày công": labour given
    return Reading(outcome, How.VERB_BEFORE, hit, None, same_segment)


@lru_cache(maxsize=1)
def _body_regex() -> re.Pattern[str]:
    bodies = [phrase.lower() for phrase in role_words("body_unit")]
    return re.compile(
        r"""
        \s+ (?:""" + lexicon.alternation(bodies) + r""")  # a Party, state or union body
        (?!\w)                                            # as a whole word
        """,
        re.VERBOSE,
    )


def _body_after(view: ClauseView, draft: Draft) -> bool:
    """Whether a body of the political system is counted ("38 đảng bộ", "205 tổ chức Đảng")."""
    return _body_regex().match(view.text, draft.number.end) is not None


def _raised_for_works(view: ClauseView, hits: list[VerbHit], hit: VerbHit, draft: Draft,
                      outcome: Outcome) -> bool:
    """Money after works or their cost that a giving verb governs ("ủng hộ xây nhà ...
    được 200 triệu", "đóng góp kinh phí xây dựng ... được 2,6 tỷ") was raised."""
    if draft.unit.kind is not UnitKind.MONEY or outcome not in (Outcome.IMPLEMENTED,
                                                                  Outcome.OTHER):
        return False
    earlier = [verb for verb in hits if verb.end <= hit.start]
    return any(verb.outcome is Outcome.MOBILIZED for verb, _ in _chain(view, earlier, hit))


def _soft_outcome(view: ClauseView, hits: list[VerbHit], hit: VerbHit) -> Outcome:
    """ "tham gia", "nhận", "hỗ trợ" mobilise only after a mobilising verb in the segment;
    "trao", "tặng" commend when an award was named before ("Kỷ niệm chương ... được trao")."""
    if hit.phrase in role_words("giving") and any(h.outcome is Outcome.COMMENDED for h in hits
                                          if h.end <= hit.start):
        return Outcome.COMMENDED
    if _mobilised_chain(view, hits, hit):
        return Outcome.MOBILIZED
    if hit.outcome is Outcome.OTHER:
        coordinated = _coordinated_outcome(view, hits, hit)
        if coordinated is not None:
            return coordinated  # "xây dựng và phát huy 38 mô hình": built, then kept up
    return Outcome.OTHER if hit.strength is Strength.SOFT else hit.outcome


def _coordinated_outcome(view: ClauseView, hits: list[VerbHit], hit: VerbHit) -> Outcome | None:
    """The outcome of the strong verb joined to ``hit`` by "và", when ``hit`` itself decides
    none ("xây dựng và phát huy hiệu quả của N mô hình"); a comma joins steps of their own
    ("thực hiện, tổ chức 48 đợt")."""
    earlier = [h for h in hits if h.end <= hit.start]
    if not earlier or not _AND.fullmatch(view.text, earlier[-1].end, hit.start):
        return None
    verb = earlier[-1]
    if verb.strength is Strength.STRONG and verb.outcome is not Outcome.OTHER:
        return verb.outcome
    return None


def _mobilised_chain(view: ClauseView, hits: list[VerbHit], hit: VerbHit) -> bool:
    """ "vận động các nhà hảo tâm trao 150 suất", "đóng góp, lắp đặt 3.000 camera",
    "vận động ... tham gia": a mobilising verb governs the verbs after it."""
    chain = _chain(view, [h for h in hits if h.end <= hit.start], hit)
    serial = [i for i, (_, link) in enumerate(chain) if link == "serial"]
    coordinated = chain[serial[-1] + 1 if serial else 0:]  # the run ending at ``hit``
    if coordinated and coordinated[0][0].phrase in role_words("giver_first"):
        return True
    if hit.outcome is not Outcome.OTHER or hit.phrase in role_words("event_verb"):
        return False
    heads = role_words("mobilising_head") if hit.strength is not Strength.SOFT else None
    return any(verb.outcome is Outcome.MOBILIZED and (heads is None or verb.phrase in heads)
               for verb, _ in chain)


def _chain(view: ClauseView, earlier: list[VerbHit], hit: VerbHit) -> list[tuple[VerbHit, str]]:
    """The verbs linked to ``hit`` going back, nearest last, each with how it links on:
    "coordinated" ("đóng góp, lắp đặt") or "serial" ("vận động các hộ trao")."""
    chain: list[tuple[VerbHit, str]] = []
    following = hit
    for verb in reversed(earlier):
        gap = view.text[verb.end:following.start]
        if "," in gap and not _COORDINATION.fullmatch(gap):
            break
        chain.insert(0, (verb, "coordinated" if _COORDINATION.fullmatch(gap) else "serial"))
        following = verb
    return chain


def _opens_segment(view: ClauseView, draft: Draft) -> bool:
    comma = view.text.rfind(",", draft.sentence[0], draft.start)
    return bool(connector().match(view.text, comma + 1, draft.start))
