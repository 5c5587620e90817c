"""A light tokenizer for normalised Vietnamese text: words, numbers and punctuation.

Tokens keep their offsets. A line break becomes a token of its own (it ends lists and
captions) unless it follows a comma, where it is only a wrapped line.
"""

from __future__ import annotations

import re
from typing import NamedTuple

_TOKEN = re.compile(
    r"""
    ([^\S\n]*)                        # the spaces before the token (a line break is one)
    (?:
      (\w+(?:[./&]\w+)*               # words, "T.Ư", "TP.HCM", "PGS.TS", "TG&DV",
        (?:'\w+)*)                     # and names such as "H'Liên", "K'Lưm"
    | (\n)                             # a line break
    | ([^\w\s])                        # any other visible character
    )
    """,
    re.VERBOSE,
)


class Token(NamedTuple):
    """A token: its text, its offsets in the normalised text, and its kind.

    A named tuple rather than a frozen dataclass: an article makes hundreds of them,
    and a tuple is built about five times faster (immutable all the same). Build tokens
    with :func:`tokenize`, which fills ``is_capitalised`` once per word: the rules ask
    it of most tokens, some of them many times.
    """

    text: str
    start: int
    end: int
    kind: str  # "word", "newline" or "punct"
    lower: str  # the text in lower case, for matching phrases
    is_capitalised: bool  # upper-case first letter then lower case ("Nguyễn", "K'Lưm")

    @property
    def is_upper_word(self) -> bool:
        """An abbreviation or upper-case word ("UBND", "HĐND", "T.Ư", "XIV", "ThS")."""
        return self.kind == "word" and self.text[0].isupper() and not self.is_capitalised


_WRAPPING = frozenset({",", "\n"})  # a line break after these is only a wrapped line


def tokenize(text: str) -> list[Token]:
    """Tokens of ``text``; line breaks after a comma are dropped as wrapping.

    ``findall`` hands over plain strings, the spaces before each token included, so
    the offsets are counted here rather than asked of a match object per token
    (every character is a space, a word character, a line break or punctuation).
    """
    tokens: list[Token] = []
    append, build = tokens.append, tuple.__new__  # looked up once: this loop is hot
    offset = 0  # where the text not yet tokenized starts
    previous = ""  # the text of the last token kept
    for spaces, word, newline, punct in _TOKEN.findall(text):
        offset += len(spaces)
        if word:
            end = offset + len(word)
            capitalised = word[0].isupper() and is_capitalised(word)
            append(build(Token, (word, offset, end, "word", word.lower(), capitalised)))
            previous, offset = word, end
        elif newline:
            if previous not in _WRAPPING:
                append(build(Token, (newline, offset, offset + 1, "newline", newline, False)))
                previous = newline
            offset += 1
        else:
            append(build(Token, (punct, offset, offset + 1, "punct", punct.lower(), False)))
            previous, offset = punct, offset + 1
    return tokens


def is_capitalised(word: str) -> bool:
    """Upper-case first letter then lower case ("Nguyễn", "A", "H'Liên", "K'Lưm")."""
    if not word[0].isupper():
        return False
    if "'" not in word:  # the common case, without the generator below
        rest = word[1:]
        return word.isalpha() and rest == rest.lower()
    return all(part.isalpha() and part[1:] == part[1:].lower() for part in word.split("'"))


PhraseIndex = dict[str, tuple[tuple[str, ...], ...]]


def words_at(tokens: list[Token], index: int, phrases: PhraseIndex) -> int:
    """Length in tokens of the longest listed phrase starting at ``index`` (0 if none)."""
    try:
        candidates = phrases.get(tokens[index].lower)
    except IndexError:  # past the last token (cheaper than comparing with len on every call)
        return 0
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
