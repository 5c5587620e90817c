"""Recovering people the rules miss, with underthesea's NER, only where a title has no name.

A title cue (a position from the titles lexicon) that no official found so far holds is
an *orphan*. Next to an orphan, a run of two to four capitalised words that no rule took
is a *candidate*, in one of four layouts:

- ``list``: the orphan (or a comma chain of orphans) ends at a colon and items follow
  ("các Phó Bí thư ... gồm: ông A (Chủ tịch ...); bà B"): each item gets the shared post;
- ``bracket``: "ông A (Chủ tịch UBND tỉnh)": the post in brackets;
- ``before``: "Bí thư chi bộ, ông A" or "Bí thư chi bộ A": the post before the name;
- ``after``: "A, Phó Chủ tịch ...": the post after the name.

Only the sentences holding a candidate go through ``underthesea.ner``, imported then;
a candidate is kept only when NER tags exactly its words as one person. A wrong official
is worse than a missed one, hence both gates (layout, then NER).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from danvan_nlp import lexicon
from danvan_nlp.article import Article
from danvan_nlp.components import component
from danvan_nlp.records import Official, Position
from danvan_nlp.stages.officials import positions as pos
from danvan_nlp.stages.officials.article_tokens import article_title_starts, article_tokens
from danvan_nlp.stages.officials.ner_people import Tagger, tag_sentence
from danvan_nlp.stages.officials.person_names import listed_not_person, whole_syllable
from danvan_nlp.stages.officials.position_forms import merge_position, normalized_position
from danvan_nlp.stages.officials.roles import roles_of
from danvan_nlp.stages.officials.stage import OfficialRule
from danvan_nlp.tokens import PhraseIndex, Token, phrase_index, words_at

RULE = OfficialRule.NER_FALLBACK
PROPER_NOUNS = True  # also accept a proper noun (POS "Np") that opens with a family name
_MIN_WORDS, _MAX_WORDS = 2, 4
_LIST_FILLERS = frozenset({"gồm", "có", "là", "gồm có", "đồng", "chí"})
_ITEM_SEPARATORS = frozenset({";", ",", "và"})
_AFTER_SEPARATORS = frozenset({",", "-", "–", "\n"})
_MAX_LEAD = 3  # words before a name alone on its line
TokenSpan = tuple[int, int]  # token indices, end exclusive


@dataclass(slots=True)
class Candidate:
    """A name-shaped run next to orphan posts, waiting for NER to confirm it."""

    name: TokenSpan
    posts: list[TokenSpan] = field(default_factory=list)
    honorific: str | None = None


@lru_cache(maxsize=1)
def _honorifics() -> PhraseIndex:
    return phrase_index(lexicon.words("honorifics.txt"))


@component(requires=("officials",), assigns=("officials",))
def recover_names(article: Article) -> None:
    """Add the officials underthesea's NER confirms next to posts no one holds."""
    add_confirmed(article)


def add_confirmed(article: Article, tagger: Tagger | None = None, *,
                  proper_nouns: bool = PROPER_NOUNS) -> None:
    """:func:`recover_names` with a chosen tagger (``None``: underthesea.ner) and gate."""
    tokens = article_tokens(article)
    held, orphans = posts_in(article, tokens, article_title_starts(article))
    candidates = find_candidates(tokens, held, orphans, _known(article))
    if not candidates:
        return
    people = {official.name: official for official in article.officials}
    for candidate in _confirmed(article, tokens, candidates, tagger, proper_nouns):
        _add(article, tokens, people, candidate)
    article.officials[:] = list(people.values())


def posts_in(article: Article, tokens: list[Token], title_starts: list[int] | None = None,
             ) -> tuple[list[TokenSpan], list[TokenSpan]]:
    """Every position in the text, and those no official found so far holds (read from
    each title head word of ``title_starts``, found if not given, not inside the last)."""
    held = [(p.span.start, p.span.end) for o in article.officials for p in o.positions]
    every: list[TokenSpan] = []
    orphans: list[TokenSpan] = []
    read_to = 0  # where the position last read ends
    for index in pos.title_starts(tokens) if title_starts is None else title_starts:
        if index < read_to or tokens[index].kind != "word":
            continue
        end = pos.position_end(tokens, index)
        if end is None:
            continue
        every.append((index, end))
        start = article.norm.to_original(tokens[index].start, tokens[index].end)[0]
        if not any(first <= start < last for first, last in held):
            orphans.append((index, end))
        read_to = end
    return every, orphans


def _known(article: Article) -> frozenset[str]:
    return frozenset(o.name.lower() for o in article.officials)


def find_candidates(tokens: list[Token], every: list[TokenSpan], orphans: list[TokenSpan],
                    known: frozenset[str] = frozenset()) -> list[Candidate]:
    """Name-shaped runs in the four layouts, one per run: lists after any post (a list
    whose first name holds the post may name more), the others around ``orphans``."""
    found = [c for index in range(len(every)) for c in _list_layout(tokens, every, index)]
    for index in range(len(orphans)):
        found += (_bracket_layout(tokens, orphans[index]) + _before_layout(tokens, orphans, index)
                  + _after_layout(tokens, orphans, index))
    return _merged(tokens, found, known)


def _merged(tokens: list[Token], found: list[Candidate], known: frozenset[str],
            ) -> list[Candidate]:
    by_name: dict[TokenSpan, Candidate] = {}
    for candidate in found:
        if _text(tokens, candidate.name).lower() in known:
            continue
        kept = by_name.setdefault(candidate.name, Candidate(candidate.name))
        kept.honorific = kept.honorific or candidate.honorific
        kept.posts += [post for post in candidate.posts if post not in kept.posts]
    return list(by_name.values())


def _text(tokens: list[Token], span: TokenSpan) -> str:
    return " ".join(token.text for token in tokens[span[0]:span[1]])


def _chain_back(tokens: list[Token], orphans: list[TokenSpan], index: int) -> list[TokenSpan]:
    """The orphan at ``index`` and the orphans before it joined by commas, in text order."""
    chain = [orphans[index]]
    while index > 0 and orphans[index - 1][1] + 1 == chain[0][0] \
            and tokens[chain[0][0] - 1].text == ",":
        index -= 1
        chain.insert(0, orphans[index])
    return chain


def _chain_forward(tokens: list[Token], orphans: list[TokenSpan], index: int,
                   ) -> list[TokenSpan]:
    chain = [orphans[index]]
    while index + 1 < len(orphans) and chain[-1][1] + 1 == orphans[index + 1][0] \
            and tokens[chain[-1][1]].text == ",":
        index += 1
        chain.append(orphans[index])
    return chain


def name_shaped_run(tokens: list[Token], index: int) -> TokenSpan | None:
    """Two to four capitalised words from ``index`` that start no title, or None."""
    if words_at(tokens, index, _honorifics()):
        return None  # "Ông", "Bà" open a sentence: the layouts read honorifics first
    end = index
    while end < len(tokens) and end - index <= _MAX_WORDS and tokens[end].is_capitalised \
            and not pos.title_at(tokens, end):
        end += 1
    if not _MIN_WORDS <= end - index <= _MAX_WORDS:
        return None
    if end < len(tokens) and tokens[end].is_capitalised:
        return None  # a longer capitalised run: an organisation or a place, not a name
    if not all(whole_syllable(token.lower) for token in tokens[index:end]):
        return None  # "Lê Qu": an excerpt cut mid-name
    if listed_not_person(tokens, index, end):
        return None  # "Ninh Bình": a province the tagger took for a person
    return index, end


def _run_ending(tokens: list[Token], end: int) -> TokenSpan | None:
    """The name-shaped run that ends right before ``end``, or None."""
    start = end
    while start > 0 and end - start <= _MAX_WORDS and tokens[start - 1].is_capitalised:
        start -= 1
    start += words_at(tokens, start, _honorifics())  # "Ông Lê Văn A" at a sentence start
    return name_shaped_run(tokens, start) if start < end else None


def _honorific_at(tokens: list[Token], index: int) -> tuple[str | None, int]:
    size = words_at(tokens, index, _honorifics())
    honorific = _text(tokens, (index, index + size)).lower() if size else None
    return honorific, index + size


def _list_layout(tokens: list[Token], orphans: list[TokenSpan], index: int,
                 ) -> list[Candidate]:
    """"các Phó Bí thư Tỉnh ủy gồm: bà A (Phó Bí thư Thường trực); ông B": each item."""
    colon = orphans[index][1]
    while colon < len(tokens) and colon - orphans[index][1] < 3 \
            and tokens[colon].lower in _LIST_FILLERS:
        colon += 1
    if colon >= len(tokens) or tokens[colon].text != ":":
        return []
    shared = _chain_back(tokens, orphans, index)
    items: list[Candidate] = []
    cursor = colon + 1
    while (found := _list_item(tokens, cursor)) is not None:
        item, cursor = found
        item.posts[:0] = shared
        items.append(item)
        if cursor >= len(tokens) or tokens[cursor].lower not in _ITEM_SEPARATORS:
            break
        cursor += 1
    return items


def _list_item(tokens: list[Token], index: int) -> tuple[Candidate, int] | None:
    """One item (an optional honorific, a name, an optional post in brackets) and
    where the next token after it stands."""
    honorific, start = _honorific_at(tokens, index)
    name = name_shaped_run(tokens, start)
    if name is None:
        return None
    bracketed = _bracketed_post(tokens, name[1])
    after = bracketed[0][1] + 1 if bracketed else name[1]
    return Candidate(name, bracketed, honorific), after


def _bracketed_post(tokens: list[Token], index: int) -> list[TokenSpan]:
    """"(Chủ tịch UBND tỉnh)" at ``index``: the post inside, when the bracket holds one."""
    if index >= len(tokens) or tokens[index].text != "(":
        return []
    end = pos.position_end(tokens, index + 1)
    if end is None or end >= len(tokens) or tokens[end].text != ")":
        return []
    return [(index + 1, end)]


def _bracket_layout(tokens: list[Token], orphan: TokenSpan) -> list[Candidate]:
    """"ông A (Chủ tịch UBND tỉnh)": the run before the bracket holding the orphan."""
    start, end = orphan
    if start < 2 or tokens[start - 1].text != "(" or end >= len(tokens) \
            or tokens[end].text != ")":
        return []
    name = _run_ending(tokens, start - 1)
    if name is None:
        return []
    honorific, _ = _honorific_at(tokens, name[0] - 1) if name[0] else (None, 0)
    return [Candidate(name, [orphan], honorific)]


def _before_layout(tokens: list[Token], orphans: list[TokenSpan], index: int,
                   ) -> list[Candidate]:
    """"Bí thư chi bộ, ông A" (a comma needs an honorific) or "Bí thư chi bộ A"."""
    cursor = orphans[index][1]
    comma = cursor < len(tokens) and tokens[cursor].text == ","
    honorific, start = _honorific_at(tokens, cursor + comma)
    if comma and honorific is None:
        return []
    name = name_shaped_run(tokens, start)
    if name is None:
        return []
    return [Candidate(name, _chain_back(tokens, orphans, index), honorific)]


def _after_layout(tokens: list[Token], orphans: list[TokenSpan], index: int,
                  ) -> list[Candidate]:
    """"A, Phó Chủ tịch UBND tỉnh, ...": the run before a comma that opens the chain; or
    a line holding only a name (a rank may open it) above a line of posts."""
    start = orphans[index][0]
    if start < 2 or tokens[start - 1].text not in _AFTER_SEPARATORS:
        return []
    if index and orphans[index - 1][1] + 1 == start:
        return []  # inside a chain: its first post reads the name
    name = _run_ending(tokens, start - 1)
    if name is None:
        return []
    chain = _chain_forward(tokens, orphans, index)
    if tokens[start - 1].text == "\n" and not (
            _alone_on_line(tokens, name) and _ends_line(tokens, chain[-1][1])):
        return []  # a name line counts only above a line of posts and nothing else
    return [Candidate(name, chain)]


def _ends_line(tokens: list[Token], index: int) -> bool:
    return index >= len(tokens) or tokens[index].kind == "newline"


def _alone_on_line(tokens: list[Token], name: TokenSpan) -> bool:
    """Only a few words (a rank, "Tiến sỹ") stand before the name on its line."""
    first = name[0]
    while first > 0 and tokens[first - 1].kind == "word" and name[0] - first < _MAX_LEAD:
        first -= 1
    return first == 0 or tokens[first - 1].kind == "newline"


def _confirmed(article: Article, tokens: list[Token], candidates: list[Candidate],
               tagger: Tagger | None, proper_nouns: bool) -> list[Candidate]:
    """The candidates NER tags as one person (or, with ``proper_nouns``, as one proper
    noun opening with a listed family name), sentence by sentence."""
    by_sentence: dict[tuple[int, int], list[Candidate]] = {}
    for candidate in candidates:
        sentence = article.sentence_at(tokens[candidate.name[0]].start)
        by_sentence.setdefault(sentence, []).append(candidate)
    kept: list[Candidate] = []
    for (start, end), waiting in by_sentence.items():
        tagged = tag_sentence(article.ntext[start:end], start, tagger)
        for candidate in waiting:
            span = (tokens[candidate.name[0]].start, tokens[candidate.name[1] - 1].end)
            if span in tagged.people or (proper_nouns and span in tagged.proper_nouns
                                         and tokens[candidate.name[0]].text in lexicon.surnames()):
                kept.append(candidate)
    return kept


def _add(article: Article, tokens: list[Token], people: dict[str, Official],
         candidate: Candidate) -> None:
    first, last = tokens[candidate.name[0]], tokens[candidate.name[1] - 1]
    name_span = article.span(first.start, last.end)
    official = people.setdefault(name_span.text, Official(
        name=name_span.text, positions=[], mentions=[], rule=RULE,
        honorific=candidate.honorific))
    official.mentions.append(name_span)
    for start, end in candidate.posts:
        span = article.span(tokens[start].start, tokens[end - 1].end)
        merge_position(official.positions, Position(
            surface=span.text, normalized=normalized_position(span.text, article),
            span=span, rule=RULE))
    for role in roles_of(tokens, candidate.name, candidate.posts):
        if role not in official.roles:
            official.roles.append(role)
