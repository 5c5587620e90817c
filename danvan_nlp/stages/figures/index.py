"""Where a regex matches in a whole text, found once per text and looked up by offset.

Stages ask, for every figure, whether it lies inside a quoted name or which period its
paragraph names. Searching the line or paragraph again for each figure makes the time
grow with the square of the text's length; these tables are built in one pass and
answer each question with a binary search.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

TEXTS_KEPT = 4  # tables of this many texts stay cached (one article is read at a time)


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


@lru_cache(maxsize=TEXTS_KEPT * 4)
def match_spans(pattern: re.Pattern[str], text: str) -> MatchSpans:
    """The spans of ``pattern``'s matches in ``text`` (computed once per text)."""
    found = [match.span() for match in pattern.finditer(text)]
    return MatchSpans([start for start, _ in found], [end for _, end in found])


@lru_cache(maxsize=TEXTS_KEPT)
def line_starts(text: str) -> list[int]:
    """Where each line of ``text`` starts (0, then one after every newline)."""
    return [0] + [match.end() for match in re.finditer("\n", text)]


def line_of(text: str, offset: int) -> int:
    """The index of the line holding ``offset`` (a newline belongs to the line it ends)."""
    return bisect.bisect_right(line_starts(text), offset) - 1


def line_bounds(text: str, index: int) -> tuple[int, int]:
    """The (start, end) of line ``index``, without its newline."""
    starts = line_starts(text)
    end = starts[index + 1] - 1 if index + 1 < len(starts) else len(text)
    return starts[index], end
