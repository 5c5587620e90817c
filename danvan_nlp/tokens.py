"""A light tokenizer for normalised Vietnamese text: words, numbers and punctuation.

Tokens keep their offsets. A line break becomes a token of its own (it ends lists and
captions) unless it follows a comma, where it is only a wrapped line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_TOKEN = re.compile(
    r"""
    (?P<word>\w+(?:[./&]\w+)*         # words, "T.Ư", "TP.HCM", "PGS.TS", "TG&DV",
      (?:'\w+)*)                     # and names such as "H'Liên", "K'Lưm"
    | (?P<newline>\n)                 # a line break
    | (?P<punct>[^\w\s])              # any other visible character
    """,
    re.VERBOSE,
)


@dataclass(frozen=True, slots=True)
class Token:
    """A token: its text, its offsets in the normalised text, and its kind."""

    text: str
    start: int
    end: int
    kind: str  # "word", "newline" or "punct"
    lower: str  # the text in lower case, for matching phrases

    @property
    def is_capitalised(self) -> bool:
        """Upper-case first letter then lower case ("Nguyễn", "A", "H'Liên", "K'Lưm")."""
        text = self.text
        if self.kind != "word" or not text[0].isupper():
            return False
        if "'" not in text:  # the common case, without the generator below
            rest = text[1:]
            return text.isalpha() and rest == rest.lower()
        return all(part.isalpha() and part[1:] == part[1:].lower() for part in text.split("'"))

    @property
    def is_upper_word(self) -> bool:
        """An abbreviation or upper-case word ("UBND", "HĐND", "T.Ư", "XIV", "ThS")."""
        return self.kind == "word" and self.text[0].isupper() and not self.is_capitalised


def tokenize(text: str) -> list[Token]:
    """Tokens of ``text``; line breaks after a comma are dropped as wrapping."""
    tokens: list[Token] = []
    for match in _TOKEN.finditer(text):
        kind = match.lastgroup or "punct"
        if kind == "newline" and tokens and tokens[-1].text in {",", "\n"}:
            continue
        text = match.group()
        tokens.append(Token(text, match.start(), match.end(), kind, text.lower()))
    return tokens


PhraseIndex = dict[str, tuple[tuple[str, ...], ...]]


def words_at(tokens: list[Token], index: int, phrases: PhraseIndex) -> int:
    """Length in tokens of the longest listed phrase starting at ``index`` (0 if none)."""
    if index >= len(tokens):
        return 0
    candidates = phrases.get(tokens[index].lower)
    if not candidates:  # most words start no phrase
        return 0
    available = len(tokens) - index
    for phrase in candidates:
        size = len(phrase)
        if size > available:
            continue
        for offset in range(1, size):  # a plain loop: no generator per candidate
            if tokens[index + offset].lower != phrase[offset]:
                break
        else:
            return size
    return 0


def phrase_index(entries: tuple[str, ...] | list[str]) -> PhraseIndex:
    """Phrases (lower-cased word tuples) by their first word, longest first."""
    grouped: dict[str, set[tuple[str, ...]]] = {}
    for entry in entries:
        words = tuple(t.lower for t in tokenize(entry) if t.kind != "newline")
        if words:
            grouped.setdefault(words[0], set()).add(words)
    return {first: tuple(sorted(group, key=len, reverse=True)) for first, group in grouped.items()}
