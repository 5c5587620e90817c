"""An official's role in the reported event, from the words around the mention."""

from __future__ import annotations

from functools import lru_cache

from danvan_nlp import lexicon
from danvan_nlp.records import Role
from danvan_nlp.tokens import PhraseIndex, Token, phrase_index, words_at

_LOOK_AHEAD = 4
_INTRO_BOUNDARIES = frozenset({".", "\n", "!", "?"})


@lru_cache(maxsize=2)  # "after" and "intro": both stay cached
def _cues(where: str) -> dict[tuple[str, ...], Role]:
    cues: dict[tuple[str, ...], Role] = {}
    for row in lexicon.table("roles.tsv"):
        if len(row) >= 3 and row[2] == where:
            cues[tuple(row[0].lower().split())] = Role(row[1])
    return cues


def roles_of(tokens: list[Token], name: tuple[int, int],
             positions: list[tuple[int, int]]) -> list[Role]:
    """Roles read after the mention (its name or last position) and in the list's intro."""
    end = max([name[1], *(stop for _, stop in positions)])
    roles = _after(tokens, end)
    intro = _intro(tokens, name[0])
    return [r for r in (*roles, *intro) if r is not None]


def _after(tokens: list[Token], end: int) -> list[Role]:
    """A cue in the few words after the mention: "... Tỉnh ủy phát biểu"."""
    cues, grouped = _cues("after"), _grouped("after")
    for offset in range(end, min(len(tokens), end + _LOOK_AHEAD)):
        if tokens[offset].text in {".", ";", "\n"}:
            break
        size = words_at(tokens, offset, grouped)
        if size:
            return [cues[tuple(t.lower for t in tokens[offset:offset + size])]]
    return []


@lru_cache(maxsize=2)
def _grouped(where: str) -> PhraseIndex:
    return phrase_index([" ".join(key) for key in _cues(where)])


def _intro(tokens: list[Token], start: int) -> list[Role]:
    """"Chủ trì hội nghị có các đồng chí: A, B" — the cue before the colon of the list;
    without a colon, a sentence opening "Dự hội nghị có ..." gives its role to every name."""
    index = start - 1
    while index >= 0 and tokens[index].text not in _INTRO_BOUNDARIES:
        if tokens[index].text == ":":
            return _intro_cue(tokens, index)
        index -= 1
    return _opening_cue(tokens, index + 1, start)


def _opening_cue(tokens: list[Token], first: int, name: int) -> list[Role]:
    """The role of a sentence that opens with an intro cue and then "có" before ``name``."""
    cues, grouped = _cues("intro"), _grouped("intro")
    size = words_at(tokens, first, grouped) if first < name else 0
    if not size or not any(t.lower == "có" for t in tokens[first + size:name]):
        return []
    return [cues[tuple(t.lower for t in tokens[first:first + size])]]


def _intro_cue(tokens: list[Token], colon: int) -> list[Role]:
    cues, grouped = _cues("intro"), _grouped("intro")
    index = colon - 1
    while index >= 0 and tokens[index].text not in _INTRO_BOUNDARIES:
        size = words_at(tokens, index, grouped)
        if size:
            return [cues[tuple(t.lower for t in tokens[index:index + size])]]
        index -= 1
    return []
