"""Officials: named people with their positions, one record per person.

Two orders are read: "Name - Title, Title" (``chain_after``) and "Title Name"
(``chain_before``); a shared prefix ("các Ủy viên Trung ương Đảng: A, B") gives its
position to every name after it. Mentions of one person are merged, keeping the
longest form of each position. Honorifics and ranks stay apart from the name.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from danvan_nlp import lexicon
from danvan_nlp.article import Article
from danvan_nlp.components import RuleName, component
from danvan_nlp.records import Official, Position, Span
from danvan_nlp.stages.officials import positions as pos
from danvan_nlp.stages.officials.article_tokens import article_tokens
from danvan_nlp.stages.officials.person_names import name_end
from danvan_nlp.stages.officials.position_forms import merge_position, normalized_position
from danvan_nlp.stages.officials.roles import roles_of
from danvan_nlp.stages.officials.status import status_before, written_start
from danvan_nlp.tokens import PhraseIndex, Token, phrase_index, words_at

_CLAUSE_BOUNDARIES = frozenset({".", ";", ":", "\n", "(", ")", "!", "?"})
_LATER_REACH = 30  # tokens after the chain where "được bầu giữ chức ..." still speaks of it
_PAST_REACH = 10  # tokens after the chain where "khi đó là ..." still speaks of the person


class OfficialRule(RuleName):
    """How an official (and each position read with the name) was found."""

    TITLE_NAME = "official.title-name"  # "Bí thư Tỉnh ủy Nguyễn Văn A"
    NAME_TITLE = "official.name-title"  # "Nguyễn Văn A - Bí thư Tỉnh ủy"
    SHORT_NAME = "official.short-name"  # "ông A" after the full name was told
    NER_FALLBACK = "official.ner-fallback"  # NER confirms a name by an unheld post

@dataclass(slots=True)
class _Mention:
    """One place a person is named, with what stands around the name."""

    name: str
    name_span: tuple[int, int]  # token indices
    honorific: str | None = None
    rank: str | None = None
    positions: list[tuple[int, int]] = field(default_factory=list)
    rule: OfficialRule = OfficialRule.NAME_TITLE


@lru_cache(maxsize=1)
def _honorifics() -> PhraseIndex:
    return phrase_index(lexicon.words("honorifics.txt"))


@lru_cache(maxsize=1)
def _ranks() -> PhraseIndex:
    return phrase_index(lexicon.words("ranks.txt"))


@component(requires=("province", "published"), assigns=("officials",))
def find_officials(article: Article) -> None:
    """Append one :class:`Official` per named person holding a position."""
    tokens = article_tokens(article)
    people: dict[str, Official] = {}
    mentions = _mentions(tokens)
    for mention in mentions + _short_mentions(tokens, mentions):
        if mention.positions:
            _add(article, tokens, people, mention)
    article.officials.extend(people.values())


@dataclass(frozen=True, slots=True)
class _Lookups:
    """Tables over one article's tokens, built in one pass each so that reading a list of
    n names costs n steps, not n squared."""

    position_ends: frozenset[int]  # where a position ends (a name may follow)
    clause_starts: list[int]  # for each token, where its clause starts
    title_starts: list[int]  # where a title head word starts, in order


def _lookups(tokens: list[Token]) -> _Lookups:
    clause_starts = [0] * (len(tokens) + 1)
    for index in range(1, len(tokens) + 1):
        opens = tokens[index - 1].text in _CLAUSE_BOUNDARIES
        clause_starts[index] = index if opens else clause_starts[index - 1]
    titles = pos.title_starts(tokens)
    return _Lookups(_position_ends(tokens, titles), clause_starts, titles)


def _mentions(tokens: list[Token]) -> list[_Mention]:
    found: list[_Mention] = []
    look = _lookups(tokens)
    index = 0
    while index < len(tokens):
        token = tokens[index]  # the upper-case test first: most tokens fail it cheaply
        capitalised = token.text[0].isupper() and token.is_capitalised
        mention = _mention_at(tokens, index, look) if capitalised else None
        if mention is None:
            index += 1
            continue
        found.append(mention)
        index = mention.name_span[1]
    return found


def _mention_at(tokens: list[Token], index: int, look: _Lookups) -> _Mention | None:
    rank, honorific, intro_start = _introducers(tokens, index)
    end = name_end(tokens, index)
    if end is None and (intro_start < index or index in look.position_ends
                        or _list_item_with_post(tokens, index)):
        end = name_end(tokens, index, introduced=True)
    if end is None:
        return None
    name = " ".join(t.text for t in tokens[index:end])
    mention = _Mention(name, (index, end), honorific, rank)
    after = pos.chain_after(tokens, end) or pos.held_post(tokens, end)
    if after:  # "A - Phó Bí thư Tỉnh ủy, được bầu giữ chức Bí thư Tỉnh ủy"
        after += pos.held_post(tokens, after[-1][1], _LATER_REACH)
    after += pos.held_post(tokens, after[-1][1] if after else end, _PAST_REACH, past=True)
    clause_start = _title_clause_start(tokens, intro_start, look)
    before = pos.chain_before(tokens, intro_start, clause_start, look.title_starts)
    before = before or _fronted_role(tokens, intro_start, look)
    mention.positions = before + after + _shared_prefix(tokens, intro_start, look)
    mention.rule = OfficialRule.TITLE_NAME if before else OfficialRule.NAME_TITLE
    return mention


def _short_mentions(tokens: list[Token], full: list[_Mention]) -> list[_Mention]:
    """"ông Thuận nguyên là ..." after "ông Nguyễn Văn Thuận": the given name alone.

    An honorific and one capitalised word naming the last syllable of exactly one
    person already found is that person; the posts after it are read as usual.
    """
    by_given: dict[str, set[str]] = {}
    for mention in full:
        by_given.setdefault(mention.name.split()[-1], set()).add(mention.name)
    found: list[_Mention] = []
    for index in range(1, len(tokens)):
        names = by_given.get(tokens[index].text, set())
        if len(names) != 1 or not words_at(tokens, index - 1, _honorifics()):
            continue
        if index + 1 < len(tokens) and tokens[index + 1].is_capitalised:
            continue
        (name,) = names
        mention = _Mention(name, (index, index + 1), rule=OfficialRule.SHORT_NAME)
        mention.positions = pos.chain_after(tokens, index + 1) or pos.held_post(
            tokens, index + 1, _PAST_REACH, past=True)
        found.append(mention)
    return found


def _list_item_with_post(tokens: list[Token], index: int) -> bool:
    """A list item "...: Nai Thị Phương, Phó Chủ tịch ...;" names a person whatever the
    family name: it opens the item and a post follows it."""
    if index == 0 or tokens[index - 1].text not in {":", ";", "-", "–", "\n"}:
        return False
    end = name_end(tokens, index, introduced=True)
    return end is not None and bool(pos.chain_after(tokens, end, descriptor_skip=0))


def _introducers(tokens: list[Token], index: int) -> tuple[str | None, str | None, int]:
    """Rank and honorific right before the name, and where they start."""
    start, rank, honorific = index, None, None
    for size in (3, 2, 1):
        if start - size >= 0 and words_at(tokens, start - size, _ranks()) == size:
            rank = " ".join(t.text for t in tokens[start - size:start])
            start -= size
            break
    for size in (2, 1):
        if start - size >= 0 and words_at(tokens, start - size, _honorifics()) == size:
            honorific = " ".join(t.text for t in tokens[start - size:start]).lower()
            start -= size
            break
    return rank, honorific, start


def _position_ends(tokens: list[Token], titles: list[int]) -> frozenset[int]:
    """Where the positions of the text end: a name may follow ("Bí thư Tỉnh ủy | Hầu A Lềnh")."""
    return frozenset(end for start in titles
                     if (end := pos.position_end(tokens, start)) is not None)


@lru_cache(maxsize=1)
def _role_frames() -> PhraseIndex:
    return phrase_index(["với vai trò là", "với vai trò", "với cương vị là", "với cương vị",
                         "trên cương vị là", "trên cương vị", "là"])


def _fronted_role(tokens: list[Token], intro_start: int, look: _Lookups,
                  ) -> list[tuple[int, int]]:
    """"Với vai trò là Trưởng thôn, ông A ...": the post of a fronted clause that ends in
    the comma right before the name."""
    comma = intro_start - 1
    if comma < 1 or tokens[comma].text != ",":
        return []
    start = look.clause_starts[comma]
    size = words_at(tokens, start, _role_frames())
    end = pos.position_end(tokens, start + size) if size else None
    return [(start + size, comma)] if end == comma else []


def _title_clause_start(tokens: list[Token], index: int, look: _Lookups) -> int:
    """Where titles before a name may start: a bracketed place between title and name
    ("Chủ tịch UBND xã (Tân Lập) Lê Văn A") does not end the clause."""
    start = look.clause_starts[index]
    if start > 0 and tokens[start - 1].text == ")":
        opening = _opening_bracket(tokens, start - 1)
        if opening < start - 1:
            return look.clause_starts[opening]
    return start


def _shared_prefix(tokens: list[Token], index: int, look: _Lookups) -> list[tuple[int, int]]:
    """"các Ủy viên Trung ương Đảng: A, B; C" gives that position to A, B and C; so does
    "các đồng chí Ủy viên ..., Phó Trưởng ban ... gồm có: A; B" (a chain, to each name)."""
    colon = look.clause_starts[index] - 1
    crossed = False
    while colon > 0 and tokens[colon].text in {";", ")"}:
        if tokens[colon].text == ")":  # "A (Post), B (Post)": step over the brackets
            colon = _opening_bracket(tokens, colon)
        else:
            crossed = True
        colon = look.clause_starts[colon] - 1
    if colon < 1 or tokens[colon].text != ":":
        return []
    if crossed and not _items_split_by_semicolons(tokens, colon + 1):
        return []  # "các Phó Chủ tịch UBND tỉnh: A, B; C, Giám đốc ..." ends at ";"
    clause = look.clause_starts[colon]
    end_at = colon - words_at_end(tokens, colon, _list_openers())
    for start in range(clause, end_at):
        if tokens[start].lower != "các":
            continue
        title = start + 1 + words_at(tokens, start + 1, _honorifics())
        chain = pos.chain_before(tokens, end_at, title, look.title_starts)
        if chain and chain[0][0] == title:
            return chain
    return []


def _opening_bracket(tokens: list[Token], close: int) -> int:
    """Index of the "(" matching the ")" at ``close`` (``close`` itself if none is near)."""
    for index in range(close - 1, max(-1, close - pos.MAX_BRACKET), -1):
        if tokens[index].text == "(":
            return index
    return close


@lru_cache(maxsize=1)
def _list_openers() -> PhraseIndex:
    return phrase_index(["gồm có", "gồm", "bao gồm", "là"])


def words_at_end(tokens: list[Token], end: int, phrases: PhraseIndex) -> int:
    """Length of a phrase of ``phrases`` ending right before ``end`` (0 if none)."""
    for size in (3, 2, 1):
        if end - size >= 0 and words_at(tokens, end - size, phrases) == size:
            return size
    return 0


def _items_split_by_semicolons(tokens: list[Token], first: int) -> bool:
    """True when the list's items are split by ";": its first item is "Name, Post" or a
    bare name followed straight by ";"."""
    end = name_end(tokens, first, introduced=True) if first < len(tokens) else None
    if end is not None and end < len(tokens) and tokens[end].text == ";":
        return True
    return _items_carry_posts(tokens, first)


def _items_carry_posts(tokens: list[Token], first: int) -> bool:
    """True when the list's first item is "Name, Post": items are then split by ";"."""
    end = name_end(tokens, first, introduced=True) if first < len(tokens) else None
    return end is not None and bool(pos.chain_after(tokens, end, descriptor_skip=0))


def _add(article: Article, tokens: list[Token], people: dict[str, Official],
         mention: _Mention) -> None:
    first, last = tokens[mention.name_span[0]], tokens[mention.name_span[1] - 1]
    name_span = article.span(first.start, last.end)
    official = people.get(mention.name)
    if official is None:
        shown = mention.name if mention.rule is OfficialRule.SHORT_NAME else name_span.text
        official = Official(name=shown, positions=[], mentions=[], rule=mention.rule,
                            honorific=mention.honorific, rank=mention.rank)
        people[mention.name] = official
    official.mentions.append(name_span)
    official.honorific = official.honorific or mention.honorific
    official.rank = official.rank or mention.rank
    for start, end in mention.positions:
        merge_position(official.positions, _position(article, tokens, start, end, mention.rule))
    for role in roles_of(tokens, mention.name_span, mention.positions):
        if role not in official.roles:
            official.roles.append(role)


def _position(article: Article, tokens: list[Token], start: int, end: int, rule: OfficialRule,
              ) -> Position:
    span: Span = article.span(tokens[written_start(tokens, start)].start, tokens[end - 1].end)
    return Position(surface=span.text, normalized=normalized_position(span.text, article),
                    span=span, rule=rule, status=status_before(tokens, start))
