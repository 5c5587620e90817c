"""Models and exemplary practices an article presents, and their domains.

Found after a cue (``lang/vi/model_cues.tsv``: "mô hình", "cách làm", ...) as
``quoted_name`` (``mô hình "Hũ gạo thiện tâm"``, and names chained to it),
``quoted_list`` (``nhiều mô hình, như "A" ở ...; "B" của ...``) or ``described``
(``mô hình nuôi ong của gia đình anh ...`` → "nuôi ong"); as ``quoted_passive``
(``"Lớp dạy chữ Khmer" được duy trì``); and, in a sentence with no cue in a
paragraph presenting exemplars, as a mobilising ``deed`` (``vận động bà con tự
nguyện hiến đất ...``). Campaign names ("Dân vận khéo", ...) and mottos ("dân bàn,
dân làm, dân hưởng") are never models; a cue used as a common noun ("các mô
hình", "mô hình được công nhận", "cách làm hay") gives nothing; sentences listing
shortcomings are skipped; a model told twice (titles sharing most words) is kept
once. :func:`label_domains` weighs each model's title and its words around
(``classify.api.classify_described``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from danvan_nlp.article import Article
from danvan_nlp.components import RuleName, component
from danvan_nlp.context import ArticleContext
from danvan_nlp.errors import ModelArtifactError
from danvan_nlp.records import Model
from danvan_nlp.stages.models import lexicon as lex
from danvan_nlp.stages.models.repeats import first_of_each

MIN_TITLE_WORDS = 2
MAX_DESCRIBED_WORDS = 20
CONTEXT_WORDS_BEFORE = 12
CONTEXT_WORDS_AFTER = 15
_LIST_GAP = 80  # characters allowed between two quoted names of one list
LOOKBACK = 200  # characters before a cue or deed that the checks on what precedes read
_WORD = re.compile(r"\S+")  # a word of the context, with its punctuation
_OR = re.compile(r"(?<!\w)hay(?!\w)")  # "hay": a list's next item starts
LOOKAHEAD = 2000  # characters after a cue that a described title may take


class ModelRule(RuleName):
    """How a model's title was found (see the module docstring for each)."""

    QUOTED_NAME = "quoted_name"
    QUOTED_LIST = "quoted_list"
    DESCRIBED = "described"
    QUOTED_PASSIVE = "quoted_passive"
    DEED = "deed"


@dataclass(frozen=True, slots=True)
class _Found:
    start: int  # title span in the sentence
    end: int
    rule: ModelRule


# ---------------------------------------------------------------- language data

# ---------------------------------------------------------------- finding


@component(assigns=("models",))
def find_models(article: Article) -> None:
    """Append a :class:`Model` for each model or exemplary practice the article presents."""
    told: list[tuple[str, Model]] = []
    for start, end in article.sentences:
        sentence = article.ntext[start:end]
        if lex.lists_shortcomings(sentence):
            continue
        found = _after_cues(sentence)
        if not found and _presents_deeds(article.context, start):
            found = _deeds(sentence)
        for index, item in enumerate(found):
            context = _context(sentence, found, index)
            told.append(_record(article, start, item, context))
    article.models.extend(first_of_each(told))


def _after_cues(sentence: str) -> list[_Found]:
    """Models after cue words, then quoted names presented by a passive verb."""
    results: list[_Found] = []
    consumed = 0
    for match in lex.cue_re().finditer(sentence):
        if match.start() < consumed:
            continue
        found = _after_cue(sentence, match, lex.cues()[match["cue"].lower()])
        results.extend(found)
        consumed = max([consumed, *(item.end for item in found)])
    results.extend(_presented_by_passive(sentence, results))
    return sorted(results, key=lambda item: item.start)


def _presented_by_passive(sentence: str, found: list[_Found]) -> list[_Found]:
    """``"Lớp dạy chữ Khmer dịp hè" được duy trì``: a named initiative, no cue needed."""
    taken = {item.start for item in found}
    return [
        _Found(match.start("name"), match.end("name"), ModelRule.QUOTED_PASSIVE)
        for match in lex.passive_re().finditer(sentence)
        if match.start("name") not in taken and not lex.not_a_model(match["name"])
        and not lex.names_something_else(_words_before(sentence, match.start()))
    ]


def _after_cue(sentence: str, match: re.Match[str], cue: lex.Cue) -> list[_Found]:
    if lex.frames_manner(_words_before(sentence, match.end())):
        return []
    if cue.kind == "name" and _at_an_event(_words_before(sentence, match.start())):
        return []  # "được tôn vinh tại chương trình "...": a ceremony, not a model
    position = _skip_campaigns(sentence, match.end())
    quoted = lex.QUOTED_AT.match(sentence, position)
    if quoted and not cue.starts_with:
        return _quoted_chain(sentence, quoted)
    opener = lex.LIST_OPENER.match(sentence, position)
    if opener and not cue.starts_with and cue.kind != "name":
        return _quoted_list(sentence, opener.end())
    lookback = max(0, match.start() - LOOKBACK)
    if cue.kind != "any" or lex.plural_before_re().search(sentence, lookback, match.start()):
        return []
    in_quotes = _words_before(sentence, match.start()).rstrip().endswith('"')
    described = _described(sentence, position, cue.starts_with, in_quotes=in_quotes)
    return [described] if described else []


def _at_an_event(before: str) -> bool:
    words = before.lower().split()
    return bool(words) and words[-1] == "tại"


def _skip_campaigns(sentence: str, position: int) -> int:
    """Past campaign names after the cue: ``mô hình "Dân vận khéo" X``.

    Names listed right after a campaign (``"Toàn dân ...", "Xây dựng ..."``) are
    its sibling campaigns and are passed too; so is an unquoted campaign name
    before a quoted one (``mô hình dân vận khéo "Nhà sạch, vườn đẹp"``).
    """
    unquoted = lex.unquoted_campaign_re().match(sentence, position)
    if unquoted:
        return unquoted.end()
    quoted = lex.QUOTED_AT.match(sentence, position)
    if not quoted or not lex.is_campaign(quoted["name"]):
        return position
    position = quoted.end()
    while chained := lex.CHAINED_QUOTE.match(sentence, position):
        position = chained.end()
    return position


def _quoted_chain(sentence: str, first: re.Match[str]) -> list[_Found]:
    found: list[_Found] = []
    match: re.Match[str] | None = first
    while match:
        launched = lex.launched_from_above(sentence, match.end())
        if not launched and not lex.not_a_model(match["name"]):
            found.append(_Found(match.start("name"), match.end("name"), ModelRule.QUOTED_NAME))
        match = lex.CHAINED_QUOTE.match(sentence, match.end())
    return found


def _quoted_list(sentence: str, position: int) -> list[_Found]:
    """Quoted names from ``position`` on, while the gaps between them stay short."""
    found: list[_Found] = []
    for match in lex.ANY_QUOTED.finditer(sentence, position):
        gap = sentence[position : match.start()]
        if len(gap) > _LIST_GAP or lex.cue_re().search(gap):
            break
        if not lex.not_a_model(match["name"]):
            found.append(_Found(match.start("name"), match.end("name"), ModelRule.QUOTED_LIST))
        position = match.end()
    return found


def _described(
    sentence: str, position: int, starts_with: str, *, in_quotes: bool
) -> _Found | None:
    """The unquoted description after a cue, up to its owner, place or result.

    ``in_quotes``: the cue opened a quotation (``nhờ "Mô hình nuôi ..."``), so the
    closing quote ends the description.
    """
    while position < len(sentence) and sentence[position].isspace():
        position += 1
    rest = sentence[position : position + LOOKAHEAD]
    if starts_with and not rest.lower().startswith(starts_with + " "):
        return None
    if not rest[:1].isalpha() or lex.title_stop_re().match(rest):
        return None
    addressees = lex.addressees_re().match(rest)
    if addressees:  # the title is the activity, not whom and where it mobilises
        position, rest = position + addressees.end(), rest[addressees.end():]
    title = _cut_description(rest, in_quotes=in_quotes)
    if not _can_be_title(title):
        return None
    return _Found(position, position + len(title), ModelRule.DESCRIBED)


def _cut_description(rest: str, *, in_quotes: bool) -> str:
    """``rest`` up to the first end marker (or closing quote), at most one long clause."""
    end_match = lex.title_end_re().search(rest)
    title = rest[: end_match.start() if end_match else len(rest)]
    if in_quotes and '"' in title:
        title = title[: title.index('"')]
    if len(title.split()) > MAX_DESCRIBED_WORDS and "," in title:
        title = title[: title.index(",")]
    return title.rstrip(" ,")


def _can_be_title(title: str) -> bool:
    """Long enough, not ending in a stop word, with no demonstrative or percentage."""
    words = title.lower().split()
    if len(words) < MIN_TITLE_WORDS or lex.title_stop_re().fullmatch(words[-1]):
        return False
    rejects = lex.lower("model_title_rejects.txt")
    return not any(word in words or (not word.isalnum() and word in title) for word in rejects)


def _deeds(sentence: str) -> list[_Found]:
    """Mobilising deeds told as a clause: "vận động bà con hiến đất ...", "hiến 200 m² đất để"."""
    found: list[_Found] = []
    end = -1  # where the last deed's clause ends (the next deed may end there too)
    for match in lex.deed_re().finditer(sentence):
        before = _words_before(sentence, match.start()).lower().rstrip()
        nominalised = any(before.endswith(w) for w in lex.lower("model_deed_nominalisers.txt"))
        if nominalised or before.endswith('"'):
            continue
        if end < match.end():  # no end marker lies between the last deed's and this one
            end_match = lex.title_end_re().search(sentence, match.end())
            end = end_match.start() if end_match else len(sentence)
        found.append(_Found(match.start(), end, ModelRule.DEED))
    return found


def _presents_deeds(ctx: ArticleContext, offset: int) -> bool:
    """Whether the paragraph at ``offset`` (or its list's intro line) presents exemplars."""
    return ctx.memo(_lines_presenting_deeds)[ctx.line_of(offset)]


def _lines_presenting_deeds(ctx: ArticleContext) -> list[bool]:
    """For each line of the article: whether it (a bulleted line: with the last line before
    it that is neither blank nor bulleted) names an exemplar-presenting word."""
    presenters = lex.lower("model_deed_presenters.txt")
    answers, intro = [], ""
    for line in ctx.text.split("\n"):
        scope = line
        if lex.BULLET.match(line):
            scope += " " + intro
        elif line.strip():
            intro = line
        lowered = scope.lower()
        answers.append(any(word in lowered for word in presenters))
    return answers


def _words_before(sentence: str, position: int) -> str:
    """The last :data:`LOOKBACK` characters before ``position`` (what a check reads)."""
    return sentence[max(0, position - LOOKBACK) : position]


def _record(
    article: Article, offset: int, found: _Found, context: tuple[int, int]
) -> tuple[str, Model]:
    span = article.span(offset + found.start, offset + found.end)
    described = article.span(offset + context[0], offset + context[1]).text
    return lex.plain(span.text), Model(span.text.strip(), span, described, found.rule)


def _context(sentence: str, found: list[_Found], index: int) -> tuple[int, int]:
    """The words that describe ``found[index]``: its clause, without its neighbours.

    The clause ends at semicolons; it is cut at the models listed before and after
    in the same sentence and at a list's "hay", and kept to a few words each side.
    """
    item = found[index]
    previous_end = found[index - 1].end if index else 0
    start = max(sentence.rfind(";", previous_end, item.start) + 1, previous_end)
    semicolon = sentence.find(";", item.end)
    end = len(sentence) if semicolon < 0 else semicolon
    if index + 1 < len(found):
        end = min(end, found[index + 1].start)
    before = [m.start() for m in _WORD.finditer(sentence[start : item.start])]
    first = start + before[-CONTEXT_WORDS_BEFORE] if len(before) >= CONTEXT_WORDS_BEFORE else start
    right = _OR.split(sentence[item.end : end], maxsplit=1)[0]
    after = [m.end() for m in _WORD.finditer(right)][:CONTEXT_WORDS_AFTER]
    last = item.end + after[-1] if after else item.end
    while first < item.start and sentence[first].isspace():
        first += 1
    return first, last


# ---------------------------------------------------------------- domains


@component(requires=("models",), assigns=("models.domain",))
def label_domains(article: Article) -> None:
    """Fill each model's ``domain`` and ``domain_score`` from its title and its words around."""
    if not article.models:
        return
    from danvan_nlp.classify.api import classify_described

    titles = [model.title for model in article.models]
    contexts = [model.context or model.title for model in article.models]
    try:
        labelled = classify_described(titles, contexts)
    except ModelArtifactError as error:
        article.warnings.append(f"model domains not labelled: {error}")
        return
    for model, best in zip(article.models, labelled, strict=True):
        model.domain, model.domain_score = best.label, round(best.score, 4)
