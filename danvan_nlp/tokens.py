"""A light tokenizer for normalised Vietnamese text: words, numbers and punctuation.

Tokens keep their offsets. A line break becomes a token of its own (it ends lists and
captions) unless it follows a comma, where it is only a wrapped line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_TOKEN = re.compile(
    r"""
    (?P<word>\w+(?:[./&]\w+)*)        # words, "T.Ư", "TP.HCM", "PGS.TS", "TG&DV"
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

    @property
    def lower(self) -> str:
        """The token in lower case."""
        return self.text.lower()

    @property
    def is_capitalised(self) -> bool:
        """Upper-case first letter followed by lower-case letters ("Nguyễn", "A")."""
        text = self.text
        return self.kind == "word" and text[0].isupper() and text[1:] == text[1:].lower() \
            and text.isalpha()

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
        tokens.append(Token(match.group(), match.start(), match.end(), kind))
    return tokens


def words_at(tokens: list[Token], index: int, phrases: dict[int, set[tuple[str, ...]]],
             ) -> int:
    """Length in tokens of the longest phrase (lower-cased word tuples) starting at ``index``."""
    for size in sorted(phrases, reverse=True):
        window = tuple(t.lower for t in tokens[index:index + size])
        if len(window) == size and window in phrases[size]:
            return size
    return 0


def phrase_index(entries: tuple[str, ...] | list[str]) -> dict[int, set[tuple[str, ...]]]:
    """Phrases grouped by their length in words, lower-cased, for :func:`words_at`."""
    index: dict[int, set[tuple[str, ...]]] = {}
    for entry in entries:
        words = tuple(t.lower for t in tokenize(entry) if t.kind != "newline")
        if words:
            index.setdefault(len(words), set()).add(words)
    return index
