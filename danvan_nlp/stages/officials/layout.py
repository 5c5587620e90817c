"""What stands around a name in one article's tokens: the tables the cascades read.

:class:`Scan` is built once per article (one pass per table, so reading a list of n names
costs n steps, not n squared) and handed to every rule of :mod:`.cascade`. The helpers
below read the layouts a post can take around a name: a fronted role clause, a shared
prefix before a colon, a list item "Name, Post".
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from danvan_nlp import lexicon
from danvan_nlp.numerals import parse_words
from danvan_nlp.stages.officials import positions as pos
from danvan_nlp.stages.officials.person_names import name_end
from danvan_nlp.tokens import PhraseIndex, Token, phrase_index, words_at

_CLAUSE_BOUNDARIES = frozenset({".", ";", ":", "\n", "(", ")", "!", "?"})
TokenSpan = tuple[int, int]  # token indices, end exclusive


@dataclass(frozen=True, slots=True)
class Scan:
    """One article's tokens and the tables over them that every rule reads."""

    tokens: list[Token]
    clause_starts: list[int]  # for each token, where its clause starts
    title_starts: list[int]  # where a title head word starts, in order
    # a name's start -> the first name of the bare-name list it ends (None: not such a
    # list); filled as names are read left to right, so a list of n names costs n steps
    list_firsts: dict[int, int | None] = field(default_factory=dict)


def scan_of(tokens: list[Token], title_starts: list[int] | None = None) -> Scan:
    """The tables over ``tokens``, one pass each (``title_starts``: already found)."""
    clause_starts = [0] * (len(tokens) + 1)
    for index in range(1, len(tokens) + 1):
        opens = tokens[index - 1].text in _CLAUSE_BOUNDARIES
        clause_starts[index] = index if opens else clause_starts[index - 1]
    if title_starts is None:
        title_starts = pos.title_starts(tokens)
    return Scan(tokens, clause_starts, title_starts)


@lru_cache(maxsize=1)
def honorifics() -> PhraseIndex:
    return phrase_index(lexicon.words("honorifics.txt"))


@lru_cache(maxsize=1)
def _ranks() -> PhraseIndex:
    return phrase_index(lexicon.words("ranks.txt"))


def introducers(tokens: list[Token], index: int) -> tuple[str | None, str | None, int]:
    """Rank and honorific right before the name, and where they start."""
    start, rank, honorific = index, None, None
    for size in (3, 2, 1):
        if start - size >= 0 and words_at(tokens, start - size, _ranks()) == size:
            rank = " ".join(t.text for t in tokens[start - size:start])
            start -= size
            break
    for size in (2, 1):
        if start - size >= 0 and words_at(tokens, start - size, honorifics()) == size:
            honorific = " ".join(t.text for t in tokens[start - size:start]).lower()
            start -= size
            break
    return rank, honorific, start


def list_item_with_post(tokens: list[Token], index: int) -> bool:
    """A list item "...: Nai Thị Phương, Phó Chủ tịch ...;" names a person whatever the
    family name: it opens the item and a post follows it."""
    if index == 0 or tokens[index - 1].text not in {":", ";", "-", "–", "\n"}:
        return False
    end = name_end(tokens, index, introduced=True)
    return end is not None and bool(pos.chain_after(tokens, end, descriptor_skip=0))


def fronted_role(scan: Scan, intro_start: int) -> list[TokenSpan]:
    """"Với vai trò là Trưởng thôn, ông A ...": the post of a fronted clause that ends in
    the comma right before the name."""
    tokens, comma = scan.tokens, intro_start - 1
    if comma < 1 or tokens[comma].text != ",":
        return []
    start = scan.clause_starts[comma]
    size = words_at(tokens, start, pos.frames("role"))
    end = pos.position_end(tokens, start + size) if size else None
    return [(start + size, comma)] if end == comma else []


COPULA_LEAD = 3  # words that may open a "Title là ông A" clause before the title ("Ba", "Tân")


def post_then_copula(scan: Scan, intro_start: int) -> list[TokenSpan]:
    """"Phó Chủ tịch UBND tỉnh là ông A", "Hai Phó Bí thư khác là bà B": a post opening the
    clause, then "là" (and "khác") right before the name's honorific; likewise "chuẩn y Bí
    thư Tỉnh ủy nhiệm kỳ ... đối với ông A" (the post, its term, then "đối với")."""
    tokens, copula = scan.tokens, intro_start - 1
    if copula >= 2 and tokens[copula - 1].lower == "đối" and tokens[copula].lower == "với":
        return _post_ending_at(scan, _before_term(tokens, copula - 1), copula - 1)
    if copula < 1 or tokens[copula].lower != "là":
        return _copula_list_post(scan, intro_start)
    return _copula_post(scan, copula)


def _post_ending_at(scan: Scan, term: int, link: int) -> list[TokenSpan]:
    """The first post of the sentence's clause before ``link`` ("đối với") that ends within
    the term told before it (anywhere in the clause: an appointment's verb and its subject
    come first, "Bộ Chính trị chuẩn y ...")."""
    tokens = scan.tokens
    start = term
    while start > 0 and term - start < SENTENCE_REACH \
            and tokens[start - 1].text not in _SENTENCE_ENDS:
        start -= 1
    for head in range(start, term):
        end = pos.position_end(tokens, head) if pos.may_open_title(tokens[head]) else None
        if end is not None and term <= end <= link:
            return [(head, end)]
    return []


_TERM_WORDS = frozenset({"nhiệm", "kỳ", "khóa", "khoá", "-", "–", ","})
_TERM_REACH = 8  # tokens of "khóa XV, nhiệm kỳ 2021 - 2026" between a post and "đối với"


def _before_term(tokens: list[Token], end: int) -> int:
    """Where a post ends before the term it is held for ("Bí thư Tỉnh ủy nhiệm kỳ
    2020-2025 đối với ông A": "nhiệm kỳ ..." is stepped over)."""
    start = end
    while start > 0 and end - start < _TERM_REACH and (
            tokens[start - 1].lower in _TERM_WORDS or tokens[start - 1].text.isdigit()
            or (start >= 2 and tokens[start - 1].text.isupper()
                and tokens[start - 2].lower in {"khóa", "khoá"})):
        start -= 1
    while start < end and tokens[start].lower not in {"nhiệm", "khóa", "khoá"}:
        start += 1  # the term opens with its word; anything before it is the post's own
    return start


def _copula_post(scan: Scan, copula: int) -> list[TokenSpan]:
    """The post opening the clause of ``copula`` and ending right before it (or "khác")."""
    tokens = scan.tokens
    start = scan.clause_starts[copula]
    for head in range(start, min(start + COPULA_LEAD, copula)):
        end = pos.position_end(tokens, head) if pos.may_open_title(tokens[head]) else None
        if end == copula or (end == copula - 1 and tokens[end].lower == "khác"):
            return [(head, end)]
    return []


def _copula_list_post(scan: Scan, intro_start: int) -> list[TokenSpan]:
    """"Hai Phó Bí thư khác là ông A, B, C": the names after the first of the list share
    its post - only when "khác" marks the post as held by several."""
    first = _list_first(scan, intro_start)
    if first is None or first == intro_start:
        return []
    tokens = scan.tokens
    copula = first - words_at_end(tokens, first, honorifics()) - 1
    if copula < 1 or tokens[copula].lower != "là" or tokens[copula - 1].lower != "khác":
        return []
    return _copula_post(scan, copula)


SENTENCE_REACH = 60  # tokens back from a short name where its sentence's "Là <post>" may open
_SENTENCE_ENDS = frozenset({".", "!", "?", "\n"})


def fronted_sentence_post(tokens: list[Token], intro_start: int) -> list[TokenSpan]:
    """"Là Bí thư Chi bộ kiêm Trưởng ban ..., hằng ngày ..., ông Củng chỉ nghĩ ...": a
    sentence opening with "Là" and a chain of posts ended by a comma speaks of the first
    person it then names (no other name stands between)."""
    start = _sentence_start(tokens, intro_start)
    if start is None or tokens[start].lower != "là":
        return []
    chain = pos.chain_from(tokens, start + 1)
    if not chain or chain[-1][1] >= intro_start or tokens[chain[-1][1]].text != ",":
        return []
    between = range(chain[-1][1], intro_start)
    if any(name_end(tokens, index) is not None for index in between):
        return []
    return chain


def _sentence_start(tokens: list[Token], index: int) -> int | None:
    """Where the sentence holding ``index`` starts, if within :data:`SENTENCE_REACH`."""
    for start in range(index, max(-1, index - SENTENCE_REACH), -1):
        if start == 0 or tokens[start - 1].text in _SENTENCE_ENDS or \
                tokens[start - 1].kind == "newline":
            return start
    return None


def title_clause_start(scan: Scan, index: int) -> int:
    """Where titles before a name may start: a bracketed place between title and name
    ("Chủ tịch UBND xã (Tân Lập) Lê Văn A") does not end the clause."""
    start = scan.clause_starts[index]
    if start > 0 and scan.tokens[start - 1].text == ")":
        opening = _opening_bracket(scan.tokens, start - 1)
        if opening < start - 1:
            return scan.clause_starts[opening]
    return start


def shared_prefix(scan: Scan, index: int) -> list[TokenSpan]:
    """"các Ủy viên Trung ương Đảng: A, B; C" (or "Ba Phó Bí thư ... gồm các ông: A; B")
    gives that position to A, B and C; so does
    "các đồng chí Ủy viên ..., Phó Trưởng ban ... gồm có: A; B" (a chain, to each name)."""
    tokens = scan.tokens
    colon = _list_colon(scan, index)
    if colon is None:
        return []
    clause = scan.clause_starts[colon]
    end_at = colon - words_at_end(tokens, colon, _list_openers())
    for start in range(clause, end_at):
        if not _plural_opener(tokens[start]):
            continue
        title = start + 1 + words_at(tokens, start + 1, honorifics())
        chain = pos.chain_before(tokens, end_at, title, scan.title_starts)
        if chain and chain[0][0] == title:
            return chain
    return []


def _list_colon(scan: Scan, index: int) -> int | None:
    """The colon opening the list whose item starts the clause of ``index``, if any."""
    tokens = scan.tokens
    colon = scan.clause_starts[index] - 1
    crossed = False
    while colon > 0 and tokens[colon].text in {";", ")"}:
        if tokens[colon].text == ")":  # "A (Post), B (Post)": step over the brackets
            colon = _opening_bracket(tokens, colon)
        else:
            crossed = True
        colon = scan.clause_starts[colon] - 1
    if colon < 1 or tokens[colon].text != ":":
        return None
    if crossed and not _items_split_by_semicolons(tokens, colon + 1):
        return None  # "các Phó Chủ tịch UBND tỉnh: A, B; C, Giám đốc ..." ends at ";"
    return colon


def _opening_bracket(tokens: list[Token], close: int) -> int:
    """Index of the "(" matching the ")" at ``close`` (``close`` itself if none is near)."""
    for index in range(close - 1, max(-1, close - pos.MAX_BRACKET), -1):
        if tokens[index].text == "(":
            return index
    return close


@lru_cache(maxsize=1)
def _list_openers() -> PhraseIndex:
    return phrase_index(["gồm có", "gồm", "bao gồm", "là", "gồm các ông", "gồm các bà",
                         "gồm các đồng chí"])


def _plural_opener(token: Token) -> bool:
    """"các", or a count of two or more ("Ba Phó Bí thư Tỉnh ủy gồm các ông: ...", "3 Phó
    Chủ tịch: ..."), spelled as ``number_words.tsv`` lists it."""
    if token.lower == "các" or token.text.isdigit():
        return True
    count = parse_words(token.lower) if token.kind == "word" else None
    return count is not None and count >= 2


def words_at_end(tokens: list[Token], end: int, phrases: PhraseIndex) -> int:
    """Length of a phrase of ``phrases`` ending right before ``end`` (0 if none)."""
    for size in (3, 2, 1):
        if end - size >= 0 and words_at(tokens, end - size, phrases) == size:
            return size
    return 0


def _items_split_by_semicolons(tokens: list[Token], first: int) -> bool:
    """True when the list's items are split by ";": its first item is "Name, Post", "Post
    Name" or a bare name followed straight by ";"."""
    end = name_end(tokens, first, introduced=True) if first < len(tokens) else None
    if end is not None and end < len(tokens) and tokens[end].text == ";":
        return True
    return _items_carry_posts(tokens, first) or _items_post_then_name(tokens, first)


_ITEM_REACH = 40  # tokens of posts an item "Post Name" may hold before its name


def _items_post_then_name(tokens: list[Token], first: int) -> bool:
    """True when the list's first item is "Post Name" closed by ";" ("các Ủy viên Trung
    ương Đảng: Phó Chủ tịch Quốc hội A; Phó Chủ tịch ... B")."""
    if first >= len(tokens) or not pos.title_at(tokens, first):
        return False
    for later in range(first + 1, min(len(tokens), first + _ITEM_REACH)):
        if tokens[later].text in {";", ".", "\n"}:
            return False
        end = name_end(tokens, later) if tokens[later].is_capitalised else None
        if end is not None:
            return end < len(tokens) and tokens[end].text == ";"
    return False


def _items_carry_posts(tokens: list[Token], first: int) -> bool:
    """True when the list's first item is "Name, Post": items are then split by ";"."""
    end = name_end(tokens, first, introduced=True) if first < len(tokens) else None
    return end is not None and bool(pos.chain_after(tokens, end, descriptor_skip=0))


_LIST_JOINERS = frozenset({",", "và"})
_MAX_NAME_TOKENS = 5


def plural_title_list(scan: Scan, intro_start: int) -> list[TokenSpan]:
    """"các đồng chí Phó Bí thư Tỉnh ủy A, B và C": a plural title before a list of bare
    names gives its posts to every name of the list, not to the first one only."""
    first = _list_first(scan, intro_start)
    if first is None or first == intro_start:
        return []  # the first name of the list reads its title as usual
    tokens = scan.tokens
    chain = pos.chain_before(tokens, first, scan.clause_starts[first], scan.title_starts)
    return chain if chain and _plural_before(tokens, chain[0][0]) else []


def _list_first(scan: Scan, intro_start: int) -> int | None:
    """Where the list of bare names joined by "," or "và" that ends at ``intro_start``
    begins (None when a joiner follows something else than a name)."""
    tokens, first = scan.tokens, intro_start
    found: int | None = intro_start
    while first > 0 and tokens[first - 1].text in _LIST_JOINERS:
        if first != intro_start and first in scan.list_firsts:
            found = scan.list_firsts[first]  # the name before already knows its list
            break
        start = _name_ending_at(tokens, first - 1)
        if start is None:
            found = None
            break
        first = found = start
    scan.list_firsts[intro_start] = found
    return found


def _name_ending_at(tokens: list[Token], end: int) -> int | None:
    """Where a name ending right before ``end`` starts (after its honorific), if one does."""
    for start in range(max(0, end - _MAX_NAME_TOKENS), end - 1):
        if name_end(tokens, start, introduced=True) == end:
            return start
    return None


def _plural_before(tokens: list[Token], title: int) -> bool:
    """True when "các" (perhaps with "đồng chí") stands right before the title."""
    start = title - words_at_end(tokens, title, honorifics())
    return start > 0 and tokens[start - 1].lower == "các"
