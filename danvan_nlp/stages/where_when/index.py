"""Mentions in text order, looked up by offset with binary searches (no rescans per figure)."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Generic, Protocol, TypeVar


class Spanned(Protocol):
    """Anything with a ``start`` and an ``end`` in the text."""

    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


T = TypeVar("T", bound=Spanned)


@dataclass(frozen=True, slots=True)
class Ordered(Generic[T]):
    """Non-overlapping mentions in text order, with their starts and ends for bisecting."""

    items: Sequence[T]
    starts: list[int] = field(init=False)
    ends: list[int] = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "starts", [item.start for item in self.items])
        object.__setattr__(self, "ends", [item.end for item in self.items])

    def nearest(self, figure: tuple[int, int], sentence: tuple[int, int]) -> int | None:
        """Index of the last mention before ``figure`` within ``sentence``, else of the
        first after it there."""
        before = self.last_before(figure[0], sentence[0])
        if before is not None:
            return before
        after = bisect.bisect_left(self.starts, figure[1])
        if after < len(self.items) and self.ends[after] <= sentence[1]:
            return after
        return None

    def last_before(self, offset: int, floor: int) -> int | None:
        """Index of the last mention ending by ``offset`` and starting at ``floor`` or later."""
        index = bisect.bisect_right(self.ends, offset) - 1
        return index if index >= 0 and self.starts[index] >= floor else None


@dataclass(frozen=True, slots=True)
class Paragraphs:
    """Where each paragraph (line) of a text starts."""

    starts: list[int]

    @classmethod
    def of(cls, text: str) -> Paragraphs:
        """The paragraphs of ``text``."""
        return cls([0] + [match.end() for match in re.finditer("\n", text)])

    def start_of(self, offset: int) -> int:
        """Where the paragraph holding ``offset`` starts."""
        return self.starts[bisect.bisect_right(self.starts, offset) - 1]
