"""Whether a position is held now, from the cue written right before it.

"nguyên Bí thư Tỉnh ủy" and "khi đó là Chủ tịch UBND xã" are ``former``, "Quyền Giám
đốc" is ``acting``, "được bổ nhiệm giữ chức" and "về làm" are ``new``
(``lang/vi/position_status_cues.tsv``). Each position of a chain carries its own cue:
"nguyên A, nguyên B, C" has two former posts and a current one. "năm 2019 là Bí thư" is
former when the article was published in a later year (:func:`dated_past`), and so is a post
in a province that no longer exists (:func:`of_dissolved_province`). A past or new post is
written without its cue ("nguyên Bí thư Tỉnh ủy" is the post "Bí thư Tỉnh ủy", as the gold
guidelines say); an acting post keeps it, since "Quyền Giám đốc" is the post as written
and the guidelines strip only past cues.
"""

from __future__ import annotations

from functools import lru_cache

from danvan_nlp import lexicon
from danvan_nlp.records import PositionStatus
from danvan_nlp.tokens import PhraseIndex, Token, phrase_index, words_at

_LONGEST_CUE = 5  # tokens


@lru_cache(maxsize=1)
def _cues() -> dict[tuple[str, ...], PositionStatus]:
    return {tuple(row[0].lower().split()): PositionStatus(row[1])
            for row in lexicon.table("position_status_cues.tsv")}


def _cue_before(tokens: list[Token], start: int) -> tuple[int, PositionStatus]:
    """The longest status cue ending right before token ``start``: its length in tokens
    and its status; ``(0, CURRENT)`` when there is none."""
    cues = _cues()
    for size in range(min(_LONGEST_CUE, start), 0, -1):
        words = tuple(token.lower for token in tokens[start - size:start])
        if words in cues:
            return size, cues[words]
    return 0, PositionStatus.CURRENT


def status_before(tokens: list[Token], start: int) -> PositionStatus:
    """The status the words ending right before token ``start`` give the position there."""
    return _cue_before(tokens, start)[1]


def dated_past(tokens: list[Token], start: int, published: str | None) -> bool:
    """"(năm 2019 là Bí thư Chi bộ thôn)" in an article of 2024: a post said to be held in
    a year before the article's is a past one (unknown publication date: not past)."""
    if published is None or start < 3 or not published[:4].isdigit():
        return False
    year = tokens[start - 2].text
    if tokens[start - 3].lower != "năm" or tokens[start - 1].lower != "là":
        return False
    return len(year) == 4 and year.isdigit() and int(year) < int(published[:4])


@lru_cache(maxsize=1)
def _dissolved() -> PhraseIndex:
    return phrase_index(lexicon.words("dissolved_provinces.txt"))


def of_dissolved_province(tokens: list[Token], start: int, end: int) -> bool:
    """"Chủ tịch UBND tỉnh Nghệ Tĩnh": a post in a province that no longer exists
    (``dissolved_provinces.txt``) is a past one, with or without "nguyên"."""
    dissolved = _dissolved()
    return any(tokens[index].lower in dissolved and after_province_word(tokens, index)
               and words_at(tokens, index, dissolved) for index in range(start + 1, end))


_PROVINCE_WORD = "tỉnh"
_COMMITTEE = frozenset({"ủy", "uỷ"})  # "Tỉnh ủy"; "xã Vĩnh Phú" is a commune


def after_province_word(tokens: list[Token], index: int) -> bool:
    """Right after "tỉnh" or "Tỉnh ủy": only a province's name can follow."""
    if index < 1:
        return False
    before = tokens[index - 1].lower
    return before == _PROVINCE_WORD or (
        before in _COMMITTEE and index >= 2 and tokens[index - 2].lower == _PROVINCE_WORD)


def written_start(tokens: list[Token], start: int) -> int:
    """Where the post at token ``start`` begins as written: before an acting cue
    ("Quyền Giám đốc"), else at ``start``."""
    size, status = _cue_before(tokens, start)
    return start - size if status is PositionStatus.ACTING else start


def cue_length(tokens: list[Token], start: int) -> int:
    """Tokens of a status cue starting at ``start`` ("Quyền Chủ tịch": 1), else 0."""
    cues = _cues()
    for size in range(min(_LONGEST_CUE, len(tokens) - start), 0, -1):
        if tuple(token.lower for token in tokens[start:start + size]) in cues:
            return size
    return 0


def stronger(old: PositionStatus, new: PositionStatus) -> PositionStatus:
    """The status kept when one post is named twice: a cue anywhere beats none."""
    return old if new is PositionStatus.CURRENT else new
