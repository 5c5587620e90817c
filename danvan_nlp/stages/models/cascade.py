"""The model cascade: which words of a sentence name a model, tried in one declared order.

Each sentence of the article is read by three registries, top-down:

``SENTENCE_REJECTIONS`` - a sentence that gives no model at all, whatever it holds:

1. ``shortcomings``: a sentence listing shortcomings ("còn hạn chế", "chưa phát huy")
   names practices that fall short, not models to follow; it is read first so no finder
   spends time on it.

``SENTENCE_FINDERS`` - every finder adds its titles; each sees what the ones before found:

1. the cue steps (``CUE_STEPS`` below), once per cue word ("mô hình", "cách làm", ...):
   a cue is the surest sign, so its titles come first and claim their words;
2. ``quoted_passive``: a quoted name presented by a passive verb with no cue
   (``"Lớp học tình thương" được duy trì``); second, because it skips names a cue took;
3. ``counted_name``: a quoted name after a count, with a verb of setting up earlier in
   its clause ("thành lập 64 "Tổ tàu thuyền an toàn""), or before a count of its members
   (""Tổ ..." gồm 15 đoàn viên", not after an event noun: "Cuộc thi "..." gồm"); after
   1 and 2, and skipping the names they took;
4. ``campaign_activity``: only in a sentence where nothing was found, the activities
   listed after a campaign's activities and "như:" ("Nhiều hoạt động Dân vận khéo ...
   như: A; B"), named without a cue; after 1 and 2, which name models surely;
5. ``deed``: only in a sentence where nothing was found, in a paragraph presenting
   exemplars, a mobilising deed told as a clause ("vận động bà con hiến đất ..."); after
   1 to 4, because it is the loosest reading and would repeat what a cue already named;
6. ``pointed_back``: only in a sentence where nothing was found, one opening "Đây là
   cách làm ..." or "Mô hình này ..." points back to the one capitalised quoted name of
   the sentence before, if no event, media or work noun stands before it and a cue or a
   verb of setting up or running it does (``model_running_verbs.txt``); last, because
   the title it gives lies outside the sentence.

``CUE_STEPS`` - what follows one cue word; the first step that answers wins, and an empty
answer means the cue gives nothing:

1. ``labelled``: a line opened by "Tên" and the cue, then a colon ("Tên mô hình: A")
   names the model in the rest of the line - a label is the surest sign, so it is first;
2. ``manner`` (rejects): "nhờ cách làm ..." frames the article's own method - read before
   any title, since whatever follows is no model, unless it is a capitalised quoted name;
3. ``at_event`` (rejects): a naming cue after "tại" names a ceremony or programme;
4. ``named_before``: a quoted name right before "là (một)" or "làm" and the cue
   (""A" là một mô hình ...", "chọn "A" làm mô hình trọng tâm") - the copula makes the
   name the cue's model, so the words after the cue only describe it: first of the
   finders after a label;
5. ``quoted_name``: a quoted name right after the cue (past any campaign names), and the
   names chained to it or listed on after a clause describing the one before
   (""A" ở xã X, nơi ...; và "B" của ...": "B" opened by no event or media noun and
   followed by a describing word, punctuation or the sentence end, not by a predicate of
   its own): the most explicit way to name a model;
6. ``quoted_list``: a list opened after the cue ("như:", "mang tên") of quoted names,
   each maybe after its owner ("như: Ban X với "A"; "B" của ...; Ban Y có "C""), the
   last one kept when the excerpt ends inside it - after 5, since a quote right after
   the cue is the name itself, not a list;
7. ``after_dash``: a campaign name after the cue, then a dash and the unquoted
   initiative (``phong trào "Dân vận khéo" – hiến đất làm đường``) - after 5 and 6,
   which take a quoted name, and before 8, since a cue of any kind names it here;
8. ``common_noun`` (rejects): a cue that is not a free title opener, or one after a
   plural or a number ("các mô hình", "12 mô hình"), is a common noun; it comes after 4
   to 7 because "các mô hình như "A", "B"" still lists names;
9. ``listed_activity``: after a list opener ("Tiêu biểu như: Mô hình A (...); B; C", or
   "như" with no colon: "như mô hình A; B; C"), the described title and the
   ";"-separated activities after it, or the one after its bracketed owner and a comma
   ("như: mô hình A (Hội Nông dân), B"), named without a cue - before 10, which would
   take the first item alone;
10. ``described``: the unquoted words after the cue up to its owner, place or result
    ("mô hình nuôi ong của ..." gives "nuôi ong"), one title per item when three or
    more comma-separated items end in an ellipsis ("Mô hình nuôi dê, trồng sả, ép mía...":
    an open list), and nothing when the words are a bare sector noun ("mô hình chăn nuôi
    để ...": a kind of practice) - the last resort, always answers.

The names of the steps that find are :class:`.found.ModelRule`, the names of those that
reject :class:`.found.ModelRejection`; :func:`finding_rules` lists the former from the
registries, and a test checks it against the Enum.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from danvan_nlp.stages.models import finders
from danvan_nlp.stages.models import lexicon as lex
from danvan_nlp.stages.models.found import CueSite, Found, ModelRejection, ModelRule, SentenceSite


@dataclass(frozen=True, slots=True)
class Rejection:
    """A step that refuses a whole sentence: its name, the lexicons it reads, its test."""

    name: ModelRejection
    reads: tuple[str, ...]
    rejects: Callable[[SentenceSite], bool]


@dataclass(frozen=True, slots=True)
class CueStep:
    """One step after a cue word: its name, the lexicons it reads, and its answer
    (None: not this step's case; a list, maybe empty: the cue's titles)."""

    name: ModelRule | ModelRejection
    reads: tuple[str, ...]
    decide: Callable[[CueSite], list[Found] | None]


@dataclass(frozen=True, slots=True)
class Finder:
    """A step that adds titles to a sentence's: the rules it answers with, the lexicons it
    reads, and its finding."""

    names: tuple[ModelRule, ...]
    reads: tuple[str, ...]
    find: Callable[[SentenceSite], list[Found]]


def _labelled(site: CueSite) -> list[Found] | None:
    """ "Tên mô hình: A": a label line of a profile or a form names the model in the rest
    of its line, whatever words it holds."""
    line_start = site.sentence.rfind("\n", 0, site.match.start()) + 1
    label = lex.LABEL_BEFORE.fullmatch(site.sentence, line_start, site.match.start())
    colon = lex.LABEL_COLON.match(site.sentence, site.match.end())
    if site.cue.kind is not lex.CueKind.ANY or not label or not colon:
        return None
    line_end = site.sentence.find("\n", colon.end())
    line = site.sentence[colon.end() : line_end if line_end >= 0 else len(site.sentence)]
    title = line.rstrip(" .…")
    return [Found(colon.end(), colon.end() + len(title), ModelRule.LABELLED)] if title else []


def _manner(site: CueSite) -> list[Found] | None:
    """ "nhờ cách làm bài bản đó" frames a manner; a capitalised quoted name after it
    ("nhờ cách làm "Con đường nghĩa tình"") is still named, so the steps after decide."""
    quoted = lex.QUOTED_AT.match(site.sentence, site.position)
    if quoted and quoted["name"][:1].isupper():
        return None
    before_and_cue = finders.words_before(site.sentence, site.match.end())
    return [] if lex.frames_manner(before_and_cue) else None


def _at_event(site: CueSite) -> list[Found] | None:
    before = finders.words_before(site.sentence, site.match.start())
    return [] if site.cue.kind is lex.CueKind.NAME and finders.at_an_event(before) else None


def _named_before(site: CueSite) -> list[Found] | None:
    """ "chọn "A" làm mô hình trọng tâm", ""A" là một mô hình ...": the quoted name before
    the copula is the model; the words after the cue describe it."""
    start = max(0, site.match.start() - finders.LOOKBACK)
    named = lex.NAMED_BEFORE.search(site.sentence, start, site.match.start())
    if site.cue.kind is lex.CueKind.NAME or not named or lex.not_a_model(named["name"]):
        return None
    return [Found.of_name(named, ModelRule.NAMED_BEFORE)]


def _quoted_name(site: CueSite) -> list[Found] | None:
    quoted = lex.QUOTED_AT.match(site.sentence, site.position)
    if quoted and not site.cue.starts_with:
        return finders.quoted_chain(site.sentence, quoted)
    return None


def _quoted_list(site: CueSite) -> list[Found] | None:
    opener = lex.LIST_OPENER.match(site.sentence, site.position)
    if opener and not site.cue.starts_with and site.cue.kind is not lex.CueKind.NAME:
        return finders.quoted_list(site.sentence, opener.end())
    return None


def _after_dash(site: CueSite) -> list[Found] | None:
    """ "phong trào "Dân vận khéo" – hiến đất ...": after a campaign name, a dash opens
    the initiative the place made of it."""
    if site.position == site.match.end():
        return None
    dash = finders.DASH_AFTER.match(site.sentence, site.position)
    if not dash:
        return None
    title = finders.described(site.sentence, dash.end(), "", in_quotes=False)
    return [Found(title.start, title.end, ModelRule.AFTER_DASH)] if title else []


def _common_noun(site: CueSite) -> list[Found] | None:
    lookback = max(0, site.match.start() - finders.LOOKBACK)
    plural = lex.plural_before_re().search(site.sentence, lookback, site.match.start())
    return [] if site.cue.kind is not lex.CueKind.ANY or plural else None


def _described(site: CueSite) -> list[Found]:
    title = finders.described(site.sentence, site.position, site.cue.starts_with,
                              in_quotes=finders.inside_quotes(site.sentence, site.match.start()))
    return finders.open_list_items(site.sentence, title) if title else []


def _listed_activities(site: CueSite) -> list[Found] | None:
    """ "như: Mô hình A (...); B; C": a described title opening a list whose next items
    are activities named without a cue."""
    before = finders.words_before(site.sentence, site.match.start())
    if site.cue.kind is not lex.CueKind.ANY or not lex.LIST_INTRO.search(before):
        return None
    described = _described(site)
    if not described:
        return None
    items = finders.listed_items(site.sentence, described[0].end)
    return [*described, *items] if items else None


_TITLE_LISTS = ("model_title_stops.txt", "model_title_ends.txt", "model_title_rejects.txt",
                "model_title_compounds.txt", "model_generic_practices.txt")
_EVENT_LISTS = ("model_event_nouns.txt", "model_event_lookalikes.txt")
_NAME_LISTS = ("model_campaigns.txt", "model_campaign_markers.txt", "model_abstract_heads.txt",
               "model_slogan_values.txt")

CUE_STEPS: tuple[CueStep, ...] = (
    CueStep(ModelRule.LABELLED, ("model_cues.tsv",), _labelled),
    CueStep(ModelRejection.MANNER, ("model_manner_phrases.txt",), _manner),
    CueStep(ModelRejection.AT_EVENT, ("model_cues.tsv",), _at_event),
    CueStep(ModelRule.NAMED_BEFORE, _NAME_LISTS, _named_before),
    CueStep(ModelRule.QUOTED_NAME, (*_NAME_LISTS, *_EVENT_LISTS, "model_item_describers.txt"),
            _quoted_name),
    CueStep(ModelRule.QUOTED_LIST, ("model_campaigns.txt", "model_abstract_heads.txt",
                                    "model_slogan_values.txt"), _quoted_list),
    CueStep(ModelRule.AFTER_DASH, _TITLE_LISTS, _after_dash),
    CueStep(ModelRejection.COMMON_NOUN, ("model_cues.tsv", "model_plural_words.txt"),
            _common_noun),
    CueStep(ModelRule.LISTED_ACTIVITY, (*_TITLE_LISTS, "model_item_openers.txt"),
            _listed_activities),
    CueStep(ModelRule.DESCRIBED, _TITLE_LISTS, _described),
)


def after_cue(site: CueSite) -> list[Found]:
    """The titles one cue word gives: the answer of the first cue step that answers."""
    for step in CUE_STEPS:
        answer = step.decide(site)
        if answer is not None:
            return answer
    return []


def _after_cues(site: SentenceSite) -> list[Found]:
    """The titles after every cue word of the sentence; a cue inside a title taken is
    part of that title."""
    results: list[Found] = []
    consumed = 0
    for match in lex.cue_re().finditer(site.sentence):
        if match.start() < consumed:
            continue
        cue = lex.cues()[match["cue"].lower()]
        position = finders.skip_campaigns(site.sentence, match.end())
        found = after_cue(CueSite(site.sentence, match, cue, position))
        results.extend(found)
        consumed = max([consumed, *(item.end for item in found)])
    return results


def _deeds(site: SentenceSite) -> list[Found]:
    if site.found or not finders.presents_deeds(site.context, site.offset):
        return []
    return finders.deeds(site.sentence)


SENTENCE_REJECTIONS: tuple[Rejection, ...] = (
    Rejection(ModelRejection.SHORTCOMINGS, ("model_shortcoming_cues.txt",),
              lambda site: lex.lists_shortcomings(site.sentence)),
)

SENTENCE_FINDERS: tuple[Finder, ...] = (
    Finder(tuple(step.name for step in CUE_STEPS if isinstance(step.name, ModelRule)),
           ("model_cues.tsv",), _after_cues),
    Finder((ModelRule.QUOTED_PASSIVE,), ("model_passive_cues.txt", "model_name_holders.txt",
                                         "model_abstract_heads.txt", "model_slogan_values.txt"),
           lambda site: finders.presented_by_passive(site.sentence, site.found)),
    Finder((ModelRule.COUNTED_NAME,), ("model_count_verbs.txt", "model_member_nouns.txt",
                                       "model_campaigns.txt", "model_abstract_heads.txt",
                                       "model_slogan_values.txt", *_EVENT_LISTS),
           lambda site: finders.counted_names(site.sentence, site.found)),
    Finder((ModelRule.CAMPAIGN_ACTIVITY,), ("model_activity_openers.txt", "model_campaigns.txt",
                                            *_TITLE_LISTS),
           lambda site: [] if site.found else finders.campaign_activities(site.sentence)),
    Finder((ModelRule.DEED,), ("model_deed_presenters.txt", "model_deed_people.txt",
                               "model_deed_verbs.txt", "model_deed_nominalisers.txt"), _deeds),
    Finder((ModelRule.POINTED_BACK,), ("model_cues.tsv", "model_campaigns.txt",
                                       "model_abstract_heads.txt", "model_slogan_values.txt",
                                       "model_running_verbs.txt", "model_name_holders.txt",
                                       *_EVENT_LISTS),
           lambda site: [] if site.found else finders.pointed_back(site.sentence, site.context,
                                                                   site.offset)),
)


def find_in_sentence(site: SentenceSite) -> list[Found]:
    """The titles of one sentence, in the order they stand, as the registries find them."""
    if any(rejection.rejects(site) for rejection in SENTENCE_REJECTIONS):
        return []
    found: tuple[Found, ...] = ()
    for finder in SENTENCE_FINDERS:
        found += tuple(finder.find(SentenceSite(site.sentence, site.context, site.offset, found)))
    return sorted(found, key=lambda item: item.start)


def finding_rules() -> list[ModelRule]:
    """The names of the steps that find titles, in cascade order."""
    return [name for finder in SENTENCE_FINDERS for name in finder.names]


def lexicons_read() -> set[str]:
    """Every lexicon file a step of the cascade declares it reads."""
    steps: list[Rejection | CueStep | Finder] = [*SENTENCE_REJECTIONS, *CUE_STEPS,
                                                 *SENTENCE_FINDERS]
    return {name for step in steps for name in step.reads}
