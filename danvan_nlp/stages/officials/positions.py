"""Positions in token space: a title head word ("Phó Chủ tịch") and the body it heads.

``position_end`` reads one position; ``chain_after`` reads "Name - Title, Title";
``chain_before`` reads "Title, Title Name". All work on :mod:`danvan_nlp.tokens`.
"""

from __future__ import annotations

import bisect
from functools import lru_cache

from danvan_nlp import lexicon
from danvan_nlp.lexicon import province_by_spelling
from danvan_nlp.stages.officials.person_names import name_end
from danvan_nlp.stages.officials.status import after_province_word, cue_length
from danvan_nlp.tokens import PhraseIndex, Token, phrase_index, words_at

MAX_BRACKET = 14
_CHAIN_SEPARATORS = frozenset({",", "-", "–", "kiêm"})
_TRAILING_FILLERS = frozenset({"và", "của", "các", "số", "cấp"})
_OPENERS = {"(": ")", '"': '"', "“": "”"}
_PERSON_WORDS = frozenset({"ông", "bà", "anh", "chị", "đồng"})  # "đồng chí" too
Span = tuple[int, int]  # token indices, end exclusive


@lru_cache(maxsize=1)
def _titles() -> PhraseIndex:
    return phrase_index(lexicon.words("titles.txt"))


@lru_cache(maxsize=1)
def _org_words() -> PhraseIndex:
    return phrase_index(lexicon.words("org_words.txt"))


@lru_cache(maxsize=1)
def _comma_parts() -> PhraseIndex:
    return phrase_index(lexicon.words("org_comma_parts.txt"))


@lru_cache(maxsize=1)
def _and_parts() -> PhraseIndex:
    return phrase_index(lexicon.words("org_and_parts.txt"))


@lru_cache(maxsize=1)
def _dash_parts() -> PhraseIndex:
    return phrase_index(lexicon.words("org_dash_parts.txt"))


@lru_cache(maxsize=1)
def _stops() -> PhraseIndex:
    return phrase_index(lexicon.words("position_stops.txt"))


@lru_cache(maxsize=1)
def _connectors() -> PhraseIndex:
    return phrase_index(lexicon.words("position_connectors.txt"))


def title_at(tokens: list[Token], index: int) -> int:
    """Length in tokens of the title head word at ``index`` (0 if none)."""
    return words_at(tokens, index, _titles()) if index < len(tokens) else 0


def may_open_title(token: Token) -> bool:
    """Whether a title head word can start at ``token`` (one dictionary look-up, so that
    scans over every token skip most words before calling :func:`title_at`)."""
    return token.lower in _titles()


def title_starts(tokens: list[Token]) -> list[int]:
    """Where a title head word starts, in order."""
    heads = _titles()
    return [start for start, token in enumerate(tokens)
            if token.lower in heads and words_at(tokens, start, heads)]


def position_end(tokens: list[Token], index: int) -> int | None:
    """End (exclusive) of the position starting at ``index``, or None if none starts there."""
    size = title_at(tokens, index)
    if not size:
        return None
    end = index + size
    while end < len(tokens):
        step = _body_step(tokens, end) or _open_name_step(tokens, index + size, end)
        if not step:
            break
        end += step
    while end > index + size and tokens[end - 1].lower in _TRAILING_FILLERS:
        end -= 1
    return end


@lru_cache(maxsize=1)
def _province_spellings() -> PhraseIndex:
    """Every spelling of every province, and the provinces of the past."""
    return phrase_index([*lexicon.province_spellings(),
                         *lexicon.words("dissolved_provinces.txt")])


_SEAT_REACH = 12  # tokens back from "tại" in which the seated body's head word stands


@lru_cache(maxsize=1)
def _seated_bodies() -> PhraseIndex:
    return phrase_index(lexicon.words("org_seated_bodies.txt"))


def _seat_step(tokens: list[Token], index: int) -> int:
    """"tại" and a province after a body that keeps a seat there ("Cơ quan thường trực ...",
    "Ban liên lạc ...", ``org_seated_bodies.txt``); after any other post it ends the post
    ("Giám đốc Sở Tài chính tại Cần Thơ cho biết")."""
    place = words_at(tokens, index + 1, _province_spellings())
    seated = any(words_at(tokens, before, _seated_bodies())
                 for before in range(max(0, index - _SEAT_REACH), index))
    return 1 + place if place and seated else 0


@lru_cache(maxsize=1)
def _ranks() -> PhraseIndex:
    return phrase_index(lexicon.words("ranks.txt"))




def _before_parent_place(tokens: list[Token], end_at: int, clause_start: int) -> int:
    """"Phó Chủ tịch UBND xã Tân Phú, huyện Tân Hưng - Lê Văn A": a parent place told after
    a comma, between the post and the name, is stepped over (the post ends before it)."""
    start = end_at
    while start - 1 > clause_start and tokens[start - 1].is_capitalised:
        start -= 1
    for size in (2, 1):
        place = start - size
        if place - 1 >= clause_start and start < end_at and tokens[place - 1].text == "," \
                and words_at(tokens, place, _place_words()) == size \
                and tokens[place].text[0].islower():
            return place - 1
    return end_at


_PARENT_LEVELS = frozenset({"province", "city", "district"})  # a commune's parents


@lru_cache(maxsize=1)
def _place_words() -> PhraseIndex:
    """The lower-case words naming a province, city or district (``place_levels.tsv``)."""
    return phrase_index([row[0] for row in lexicon.table("place_levels.tsv")
                         if row[1] in _PARENT_LEVELS and row[2] == "named" and row[0].islower()])


def _body_step(tokens: list[Token], index: int) -> int:
    """How many tokens at ``index`` still belong to the body of a position (0: stop)."""
    token = tokens[index]
    if token.text == "," and index + 1 < len(tokens):  # "Bộ Lao động, Thương binh và Xã hội"
        part = words_at(tokens, index + 1, _comma_parts())
        return 1 + part if part else 0
    if token.text in {"-", "–"} and index + 1 < len(tokens):  # "Phòng Văn hóa - Xã hội"
        if _joined_abbreviations(tokens, index):
            return 1  # "Đài PT-TH tỉnh": a dash written tight between two abbreviations
        part = words_at(tokens, index + 1, _dash_parts())
        return 1 + part if part and tokens[index + 1].is_capitalised else 0
    if token.kind == "punct":
        return _bracket_step(tokens, index)
    if token.kind != "word":
        return 0
    if token.is_capitalised and after_province_word(tokens, index) \
            and (place := words_at(tokens, index, _province_spellings())):
        return place  # "Tỉnh ủy Hà Sơn Bình": a province's name, though "Sơn Bình" reads as a name
    if token.is_capitalised and (name_end(tokens, index) is not None
                                 or words_at(tokens, index, _ranks())):
        return 0  # a name, or a rank before one ("Phó Chủ tịch Quốc hội Thượng tướng ...")
    if token.text[0].isupper():  # "Ủy viên Dự khuyết Ban Chấp hành": a listed phrase goes on
        return max(1, words_at(tokens, index, _org_words()))
    if token.text[0].isdigit():
        return 1
    if token.lower == "năm" and _year_at(tokens, index + 1):
        return 2  # "Ban Chỉ đạo Chiến dịch ... năm 2025"
    if token.lower == "và":  # "Dân tộc và Tôn giáo", not "... huyện và lãnh đạo UBND"
        return _and_step(tokens, index + 1)
    if token.lower == "tại":  # "Cơ quan thường trực ... tại Thành phố Hồ Chí Minh"
        return _seat_step(tokens, index)
    body = words_at(tokens, index, _org_words())
    return body if body > words_at(tokens, index, _stops()) else 0


_OPEN_NAME_WORDS = 3  # lower-case words an open head's name may hold before its capitals


@lru_cache(maxsize=1)
def _open_heads() -> PhraseIndex:
    return phrase_index(lexicon.words("org_open_heads.txt"))


def _open_name_step(tokens: list[Token], body_start: int, end: int) -> int:
    """"Giám đốc Hợp tác xã dừa hữu cơ Mỏ Cày": after an open head
    (``org_open_heads.txt``) and only lower-case words since, lower-case words closed by a
    capitalised word that opens no name or title belong to the body."""
    head_end = _open_head_end(tokens, body_start, end)
    if head_end is None or not _capitalised_head(tokens, body_start, head_end):
        return 0
    later = end
    while later < len(tokens) and later - head_end < _OPEN_NAME_WORDS \
            and tokens[later].kind == "word" and tokens[later].text[0].islower():
        later += 1
    closes = later < len(tokens) and tokens[later].is_capitalised \
        and name_end(tokens, later) is None and not title_at(tokens, later) \
        and _capitals_close_clause(tokens, later)
    return later - end if later > end and closes else 0


_CLAUSE_CLOSERS = frozenset({",", ".", ";", ")", "-", "–", ":"})


def _capitals_close_clause(tokens: list[Token], index: int) -> bool:
    """The capitalised name ends the clause ("... dừa hữu cơ Mỏ Cày, chia sẻ"), as the
    last part of a post does; a verb's object ("vận động ... Quỹ Vì người nghèo") goes on."""
    while index < len(tokens) and tokens[index].is_capitalised:
        index += 1
    return index == len(tokens) or tokens[index].kind == "newline" \
        or tokens[index].text in _CLAUSE_CLOSERS


def _capitalised_head(tokens: list[Token], body_start: int, head_end: int) -> bool:
    """The head is written as a name ("Hợp tác xã", "HTX"), not as a common noun."""
    return any(head_end - size >= body_start and tokens[head_end - size].text[0].isupper()
               and words_at(tokens, head_end - size, _open_heads()) == size for size in (1, 2, 3))


def _open_head_end(tokens: list[Token], body_start: int, end: int) -> int | None:
    """Where the last open head of the body ends, if only lower-case words follow it."""
    for head_end in range(end, max(body_start, end - _OPEN_NAME_WORDS) - 1, -1):
        if any(head_end - size >= body_start
               and words_at(tokens, head_end - size, _open_heads()) == size
               for size in (1, 2, 3)):
            return head_end
        if head_end > body_start and not tokens[head_end - 1].text[0].islower():
            return None
    return None


def _joined_abbreviations(tokens: list[Token], dash: int) -> bool:
    before, after = tokens[dash - 1], tokens[dash + 1]
    return dash > 0 and before.is_upper_word and after.is_upper_word \
        and before.end == tokens[dash].start and tokens[dash].end == after.start


def _year_at(tokens: list[Token], index: int) -> bool:
    return index < len(tokens) and len(tokens[index].text) == 4 and tokens[index].text.isdigit() \
        and tokens[index].text[:2] in {"19", "20"}


def _and_step(tokens: list[Token], after: int) -> int:
    """1 when "và" joins two parts of one body: a capitalised part that opens no title
    ("... và Trưởng Đoàn" is a second post), or a lower-case body word ("Ban Chỉ đạo phong
    trào thi đua ... và thực hiện quy chế dân chủ ở cơ sở") listed in org_and_parts.txt."""
    if after >= len(tokens):
        return 0
    if tokens[after].text[0].isupper():
        return 0 if title_at(tokens, after) else 1
    part = words_at(tokens, after, _and_parts())
    return 1 + part if part else 0


def _bracket_step(tokens: list[Token], index: int) -> int:
    """A bracketed or quoted part of a body: "(Bộ Dân tộc và Tôn giáo)", "“Dân vận khéo”"."""
    closer = _OPENERS.get(tokens[index].text)
    if closer is None or index + 1 >= len(tokens) or not tokens[index + 1].text[0].isupper():
        return 0
    for end in range(index + 1, min(len(tokens), index + MAX_BRACKET)):
        if tokens[end].text == closer:
            return end - index + 1
        if tokens[end].kind == "newline":
            return 0
    return 0


def _connector_skip(tokens: list[Token], index: int) -> int:
    return words_at(tokens, index, _connectors()) if index < len(tokens) else 0


def chain_after(tokens: list[Token], index: int, descriptor_skip: int = 2) -> list[Span]:
    """Positions in "Name[ (note)] - Title, Title" starting right after the name.

    A position followed straight by another name ("A, Phó Chủ tịch Quốc hội B")
    is B's, not A's: the chain stops before it.
    """
    bracketed = _bracketed_chain(tokens, index)
    if bracketed:
        return bracketed
    index = _skip_note(tokens, index)
    if index >= len(tokens) or tokens[index].text not in _CHAIN_SEPARATORS | {":"}:
        return []
    spans = _read_chain(tokens, index + 1, descriptor_skip)
    for number, (_, end) in enumerate(spans):
        if _name_follows(tokens, end):
            return spans[:number]
    return spans


def _bracketed_chain(tokens: list[Token], index: int) -> list[Span]:
    """Posts in brackets right after the name: "ông A (Chủ tịch UBND tỉnh)"."""
    if index + 1 >= len(tokens) or tokens[index].text != "(":
        return []
    spans = _read_chain(tokens, index + 1, 0)
    closes = bool(spans) and spans[-1][1] < len(tokens) and tokens[spans[-1][1]].text == ")"
    return spans if closes else []


def _name_follows(tokens: list[Token], end: int) -> bool:
    if end < len(tokens) and tokens[end].text in {"-", "–"}:
        end += 1
    return end < len(tokens) and name_end(tokens, end) is not None


def held_post(tokens: list[Token], index: int, limit: int = 30, *, past: bool = False,
              ) -> list[Span]:
    """A post named later in the sentence after a connector, with no other name between.

    "X, cán bộ ..., giữ chức Phó Bí thư Đảng ủy xã"; with ``past``, also "(năm 2019 là
    Bí thư Chi bộ thôn)" and "khi đó là Bí thư Chi bộ".
    """
    connectors = frames("past" if past else "held")
    for cursor in range(index, min(len(tokens), index + limit)):
        if tokens[cursor].text in {".", ";", "\n"} or name_end(tokens, cursor):
            return []
        size = words_at(tokens, cursor, connectors)
        end = position_end(tokens, cursor + size) if size else None
        if end is not None:
            return [(cursor + size, end)]
    return []


def frames(frame: str) -> PhraseIndex:
    """The phrases of ``position_frames.tsv`` that frame a post as ``frame``."""
    return _frames()[frame]


@lru_cache(maxsize=1)
def _frames() -> dict[str, PhraseIndex]:
    rows = lexicon.table("position_frames.tsv")
    return {frame: phrase_index([row[0] for row in rows if row[1] == frame])
            for frame in {row[1] for row in rows}}



CAREER_REACH = 40  # tokens after a career cue where its posts may start


@lru_cache(maxsize=1)
def _career_cues() -> PhraseIndex:
    return phrase_index(lexicon.words("career_cues.txt"))


def career_posts(tokens: list[Token], index: int) -> list[Span]:
    """"ông Châu từng công tác tại ..., kiêm Hiệu trưởng ..., Bí thư Tỉnh ủy ...": the
    chain of posts that a career cue right after the name leads to in its sentence (past
    posts); none when another name comes first."""
    cue = words_at(tokens, index, _career_cues()) if index < len(tokens) else 0
    if not cue:
        return []
    for cursor in range(index + cue, min(len(tokens), index + cue + CAREER_REACH)):
        if tokens[cursor].text in {".", ";", "\n"} or name_end(tokens, cursor):
            return []
        opens = cursor == index + cue or tokens[cursor - 1].text in _CHAIN_SEPARATORS
        if opens and title_at(tokens, cursor + _connector_skip(tokens, cursor)):
            return chain_from(tokens, cursor)
    return []


def chain_from(tokens: list[Token], index: int) -> list[Span]:
    """The chain of positions that starts right at ``index`` ("Bí thư Chi bộ kiêm ...")."""
    return _read_chain(tokens, index, 0)


def _read_chain(tokens: list[Token], index: int, descriptor_skip: int) -> list[Span]:
    """Positions separated by commas, dashes, "kiêm" or "và" before a title, from ``index`` on."""
    spans: list[Span] = []
    while index < len(tokens):
        index += _connector_skip(tokens, index)
        end = position_end(tokens, index)
        if end is None:
            skipped = _descriptor_end(tokens, index) if descriptor_skip and not spans else None
            if skipped is None:
                break
            descriptor_skip, index = descriptor_skip - 1, skipped + 1
            continue
        spans.append((index, _parent_body(tokens, index, end) or _continued_body(tokens, end)))
        index = spans[-1][1] + 1
        if index > len(tokens) or not _chain_goes_on(tokens, index - 1):
            break
    return spans


def _chain_goes_on(tokens: list[Token], separator: int) -> bool:
    """A comma, dash or "kiêm" after a post, or "và" before the next title ("Phó Bí thư
    Tỉnh ủy và Trưởng Đoàn đại biểu Quốc hội tỉnh"), leads to another post."""
    if tokens[separator].text in _CHAIN_SEPARATORS:
        return True
    return tokens[separator].lower == "và" and title_at(tokens, separator + 1) > 0


@lru_cache(maxsize=2)
def _org_units(kind: str) -> PhraseIndex:
    return phrase_index([row[0] for row in lexicon.table("org_units.tsv") if row[1] == kind])


def _parent_body(tokens: list[Token], start: int, end: int) -> int | None:
    """"Vụ trưởng Vụ Địa phương 1, Văn phòng Trung ương Đảng": a post in a sub-unit goes
    on after a comma with the body the sub-unit belongs to (not with another post)."""
    if end + 1 >= len(tokens) or tokens[end].text != "," or title_at(tokens, end + 1):
        return None
    in_subunit = any(tokens[i].is_capitalised and words_at(tokens, i, _org_units("subunit"))
                     for i in range(start + 1, end))
    head = words_at(tokens, end + 1, _org_units("parent"))
    if not in_subunit or not head or not tokens[end + 1].is_capitalised:
        return None
    stop = end + 1 + head
    while stop < len(tokens) and (step := _body_step(tokens, stop)):
        stop += step
    return stop if stop > end + 1 + head else None


def _continued_body(tokens: list[Token], end: int) -> int:
    """A comma then lower-case body words ending the chain extend the position.

    "Vụ Tuyên truyền công tác dân tộc, tôn giáo (Bộ ...)" is one body; so is
    "Trưởng đoàn ĐBQH khóa XIV, đơn vị tỉnh Hà Giang".
    """
    if end + 1 >= len(tokens) or tokens[end].text != ",":
        return end
    nxt = tokens[end + 1]
    if nxt.kind != "word" or nxt.text[0].isupper() or title_at(tokens, end + 1) \
            or cue_length(tokens, end + 1):  # ", nguyên Bộ trưởng ..." is another post
        return end
    if not words_at(tokens, end + 1, _org_words()):
        return end
    stop = end + 1
    while stop < len(tokens) and (step := _body_step(tokens, stop)):
        stop += step
    closes = stop >= len(tokens) or tokens[stop].text in {";", ".", "\n", ":"}
    named = any(t.text[0].isupper() for t in tokens[end + 1:stop])  # "xã Nghi Phong", "(Bộ ...)"
    return stop if named and (closes or name_end(tokens, stop) is not None) else end


def _skip_note(tokens: list[Token], index: int) -> int:
    """Skip a photo note in brackets after a name: "(đứng giữa)", "(thứ hai từ trái sang)"."""
    if index < len(tokens) and tokens[index].text == "(":
        for end in range(index + 1, min(len(tokens), index + MAX_BRACKET)):
            if tokens[end].text == ")":
                return end + 1
    return index


def _descriptor_end(tokens: list[Token], index: int) -> int | None:
    """Index of the comma ending a short non-title descriptor ("dân tộc Dao", "Người có uy tín").

    A segment that names another person ("anh Đàng Văn Tâm") is no descriptor.
    """
    for end in range(index, min(len(tokens), index + 6)):
        if tokens[end].text == ",":
            return end if end > index else None
        if tokens[end].kind != "word" or tokens[end].lower in _PERSON_WORDS \
                or name_end(tokens, end) is not None:
            return None
    return None


def chain_before(tokens: list[Token], name_start: int, clause_start: int,
                 title_starts: list[int]) -> list[Span]:
    """Positions in "Title, Title[ -] Name", read between ``clause_start`` and the name;
    ``title_starts`` lists where the text's title head words start, in order."""
    end_at = name_start
    if end_at - 1 >= clause_start and (tokens[end_at - 1].text in {"-", "–"} or (
            tokens[end_at - 1].text == "," and words_at(tokens, end_at, _ranks()))):
        end_at -= 1  # "Title - Name", "Title, Thượng tướng Name"
    end_at = _before_parent_place(tokens, end_at, clause_start)
    first = bisect.bisect_left(title_starts, clause_start)
    last = bisect.bisect_left(title_starts, end_at, lo=first)
    for start in title_starts[first:last]:
        if _reads_to(tokens, start, end_at):
            return _read_chain(tokens, start, 0)
    return []


def _reads_to(tokens: list[Token], start: int, end_at: int) -> bool:
    spans = _read_chain(tokens, start, 0)
    return bool(spans) and spans[-1][1] == end_at


def without_province_note(tokens: list[Token], start: int, end: int) -> int:
    """End of the post at ``start:end`` without a closing bracket that only names its
    province: "Bí thư Huyện ủy Mù Cang Chải (Yên Bái)" is the post "Bí thư Huyện ủy Mù Cang
    Chải"; the bracket locates the body, it is not part of its name."""
    if end - start < 4 or tokens[end - 1].text != ")":
        return end
    for opening in range(end - 2, max(start, end - 2 - MAX_BRACKET), -1):
        if tokens[opening].text == "(":
            inside = " ".join(token.text for token in tokens[opening + 1:end - 1])
            return opening if province_by_spelling(inside) else end
    return end
