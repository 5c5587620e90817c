"""Per-article lookup tables, built once for an article and handed to every rule.

spaCy keeps per-document results on the ``Doc``; here they live on the
:class:`~danvan_nlp.article.Article` as its :class:`ArticleContext`. Rules ask, for
every figure or sentence, which line an offset lies on, whether it sits inside a
quoted name, or which period its paragraph names. Searching the text again for each
question makes the time grow with the square of the text's length; these tables are
built in one pass the first time they are asked for and answer with a binary search.

Nothing here is keyed by the text in a module-level cache: the tables die with the
article, so two articles never share (or evict) each other's state.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class MatchSpans:
    """The (start, end) of every match of one regex in one text, in text order.

    The regex must be one whose matches cannot overlap (each starts with a word no match
    holds inside), so the matches a scan of the whole text finds are all there are.
    """

    starts: list[int]
    ends: list[int]

    def first_within(self, start: int, end: int) -> tuple[int, int] | None:
        """The first match lying wholly inside ``start:end`` (``search(text, start, end)``)."""
        index = bisect.bisect_left(self.starts, start)
        if index < len(self.starts) and self.ends[index] <= end:
            return self.starts[index], self.ends[index]
        return None

    def last_end_before(self, offset: int) -> int:
        """Where the last match ending by ``offset`` ends (0 if none does)."""
        index = bisect.bisect_right(self.ends, offset)
        return self.ends[index - 1] if index else 0

    def encloses(self, start: int, end: int) -> bool:
        """Whether a match starts before ``start`` and ends after ``end``."""
        index = bisect.bisect_left(self.starts, start) - 1
        return index >= 0 and end < self.ends[index]


@dataclass(slots=True)
class ArticleContext:
    """Lookup tables over one article's normalised text, each built on first use."""

    text: str
    _line_starts: list[int] | None = field(default=None, repr=False)
    _spans: dict[re.Pattern[str], MatchSpans] = field(default_factory=dict, repr=False)
    _memos: dict[Callable[..., Any], Any] = field(default_factory=dict, repr=False)

    def line_starts(self) -> list[int]:
        """Where each line starts (0, then one after every newline)."""
        if self._line_starts is None:
            self._line_starts = [0] + [m.end() for m in re.finditer("\n", self.text)]
        return self._line_starts

    def line_of(self, offset: int) -> int:
        """The index of the line holding ``offset`` (a newline belongs to the line it ends)."""
        return bisect.bisect_right(self.line_starts(), offset) - 1

    def line_start_of(self, offset: int) -> int:
        """Where the line holding ``offset`` starts."""
        return self.line_starts()[self.line_of(offset)]

    def match_spans(self, pattern: re.Pattern[str]) -> MatchSpans:
        """The spans of ``pattern``'s matches in the text (scanned once per article)."""
        found = self._spans.get(pattern)
        if found is None:
            pairs = [match.span() for match in pattern.finditer(self.text)]
            found = MatchSpans([start for start, _ in pairs], [end for _, end in pairs])
            self._spans[pattern] = found
        return found

    def memo(self, build: Callable[[ArticleContext], T]) -> T:
        """What ``build(self)`` returns, built once per article: a stage keeps its own
        per-article tables (a clause view, answers per line or per sentence) here."""
        if build not in self._memos:
            self._memos[build] = build(self)
        answer: T = self._memos[build]
        return answer
