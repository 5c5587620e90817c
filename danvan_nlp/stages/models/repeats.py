"""A model told twice: titles sharing most of their words name one model.

Two titles are one model when the words they share are at least :data:`SAME_MODEL_SHARE`
of the shorter title's words, or :data:`LONG_SAME_MODEL_SHARE` when the shorter title has
:data:`LONG_TITLE_WORDS` words or more: a short name differs from another by one word
that matters ("phiên chợ 0 đồng", "phiên chợ 1 đồng"), while a long description told
again swaps a modifier or two ("chăn nuôi đại gia súc với quy mô lớn", then "chăn nuôi
tập trung quy mô lớn"). Comparing every title with every kept one takes time
growing with the square of their number, so candidates are found by prefix filtering:
with the words of every title ordered rarest first, two titles sharing ``t`` words of a
title of ``n`` words share one of that title's first ``n - t + 1`` words. Only kept titles
found through those words are compared; the answer is the one a full comparison gives.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from typing import Generic, TypeVar

SAME_MODEL_SHARE = 0.8  # "Con nuôi đồn Biên phòng" is not "đảng viên đồn Biên phòng ..."
LONG_SAME_MODEL_SHARE = 0.7  # 5 of 7 words: the same description in other words
LONG_TITLE_WORDS = 7  # from 7 words, a title is a description that may be rephrased

Item = TypeVar("Item")


def first_of_each(titles: Iterable[tuple[str, Item]]) -> list[Item]:
    """The items whose title (plain words) shares most of its words with no title kept
    before it, in order."""
    return [group[0] for group in each_with_repeats(titles)]


def each_with_repeats(titles: Iterable[tuple[str, Item]],
                      apart: Callable[[Item, Item], bool] | None = None) -> list[list[Item]]:
    """Per kept item (as :func:`first_of_each`), the item followed by the later items that
    tell the same model again; ``apart(later, kept)`` says two items are never one model,
    whatever words they share."""
    titles = list(titles)
    kept = _Kept[Item](Counter(word for plain, _ in titles for word in set(plain.split())),
                       apart or (lambda later, earlier: False))
    groups: list[list[Item]] = []
    for plain, item in titles:
        index = kept.add(frozenset(plain.split()), item)
        if index == len(groups):
            groups.append([item])
        else:
            groups[index].append(item)
    return groups


def needed_shared(size: int) -> int:
    """The fewest shared words making a title of ``size`` words the same as another."""
    return next(count for count in range(size + 1) if count / size >= share_needed(size))


def share_needed(shorter: int) -> float:
    """The share of the shorter title's words two titles must share to be one model."""
    return LONG_SAME_MODEL_SHARE if shorter >= LONG_TITLE_WORDS else SAME_MODEL_SHARE


class _Kept(Generic[Item]):
    """The items kept so far, indexed by all their words and by their rarest words."""

    def __init__(self, frequency: Counter[str], apart: Callable[[Item, Item], bool]) -> None:
        self.frequency = frequency
        self.apart = apart
        self.items: list[Item] = []
        self.words: list[frozenset[str]] = []
        self.holding: dict[str, list[int]] = {}  # a word → the kept titles with it
        self.opening: dict[str, list[int]] = {}  # a word → the kept titles it opens (rarest)

    def add(self, words: frozenset[str], item: Item) -> int:
        """Keep ``item`` unless a kept title shares most of its words (told twice); the
        index of the kept item it is (the first such one) or was made."""
        if words:
            same = [index for index in self._near(words) if self._same(words, self.words[index])
                    and not self.apart(item, self.items[index])]
            if same:
                return min(same)
        index = len(self.items)
        for word in words:
            self.holding.setdefault(word, []).append(index)
        for word in self._prefix(words):
            self.opening.setdefault(word, []).append(index)
        self.items.append(item)
        self.words.append(words)
        return index

    def _near(self, words: frozenset[str]) -> set[int]:
        """Kept titles that may share most words with ``words``: as long or longer ones
        holding one of its rarest words, shorter ones opened by one of its words."""
        size = len(words)
        longer = {index for word in self._prefix(words) for index in self.holding.get(word, ())
                  if len(self.words[index]) >= size}
        shorter = {index for word in words for index in self.opening.get(word, ())
                   if len(self.words[index]) < size}
        return longer | shorter

    def _prefix(self, words: frozenset[str]) -> list[str]:
        """The rarest ``n - t + 1`` words of a title (``t``: the words it must share)."""
        if not words:
            return []
        ordered = sorted(words, key=lambda word: (self.frequency[word], word))
        return ordered[: len(words) - needed_shared(len(words)) + 1]

    @staticmethod
    def _same(words: frozenset[str], other: frozenset[str]) -> bool:
        shorter = min(len(words), len(other))
        return bool(shorter) and len(words & other) / shorter >= share_needed(shorter)
