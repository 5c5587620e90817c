"""Sentence boundaries of normalised Vietnamese news text, as offsets."""

from __future__ import annotations

import re

_BOUNDARY = re.compile(
    r"""
    (?<![,])\n\s*\n?                  # a line break ends a sentence, unless after a comma
    | (?<=[.!?…])                    # sentence-final punctuation,
      (?<!\b[A-ZĐ]\.)                # but not an initial ("T.D", "Nguyễn V. A")
      (?<!\bTP\.)(?<!\bTS\.)          # nor "TP." (city), "TS." ...
      (?<!\bThS\.)(?<!\bPGS\.)        # ... "ThS.", "PGS." titles
      (?<!\bGS\.)(?<!\bBS\.)          # ... "GS.", "BS."
      ["')\]]?                       # closing quote or bracket stays in the sentence
      \s+(?=["'(\[]?[A-ZĐÀ-Ỹ0-9])    # then space and an upper-case or digit start
    """,
    re.VERBOSE,
)


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Half-open (start, end) offsets of the sentences in ``text``, blanks dropped."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        _append_trimmed(spans, text, start, match.start())
        start = match.end()
    _append_trimmed(spans, text, start, len(text))
    return spans


def _append_trimmed(spans: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))
