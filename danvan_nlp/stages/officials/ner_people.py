"""Person names in one sentence by underthesea's NER, as character offsets.

underthesea is imported on the first call only, so a run that never asks (no title
without a name) never pays its import and model load (about two seconds each).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

NerRow = tuple[str, ...]  # word, POS tag, chunk tag, entity tag ("B-PER", "I-PER", "O")
Tagger = Callable[[str], list[NerRow]]
_PERSON = frozenset({"B-PER", "I-PER"})


@lru_cache(maxsize=1)
def _underthesea_ner() -> Tagger:
    """underthesea.ner, imported now; a clear error when the package is absent."""
    from danvan_nlp.errors import MissingDependencyError

    try:
        from underthesea import ner
    except ImportError as error:
        raise MissingDependencyError(
            "recovering names with NER needs underthesea: run `pip install underthesea`, "
            "or leave officials.recover_names out of the stages") from error
    tagger: Tagger = ner
    return tagger


@dataclass(frozen=True, slots=True)
class TaggedSpans:
    """What the tagger saw in one sentence, as (start, end) character offsets."""

    people: frozenset[tuple[int, int]]  # entities tagged B-PER/I-PER
    proper_nouns: frozenset[tuple[int, int]]  # single words tagged Np (proper noun)


def tag_sentence(sentence: str, offset: int = 0, tagger: Tagger | None = None,
                 ) -> TaggedSpans:
    """People and proper nouns in ``sentence``, shifted by ``offset``."""
    rows = (tagger or _underthesea_ner())(sentence)
    people: list[tuple[int, int]] = []
    proper: list[tuple[int, int]] = []
    current: tuple[int, int] | None = None
    cursor = 0
    for row in rows:
        word, entity = row[0], row[-1]
        found = sentence.find(word, cursor)
        if found < 0:
            continue  # a word the tagger rewrote: it cannot anchor a span
        cursor = found + len(word)
        if row[1] == "Np":
            proper.append((found + offset, cursor + offset))
        if entity == "I-PER" and current is not None:
            current = (current[0], cursor + offset)
            continue
        if current is not None:
            people.append(current)
        current = (found + offset, cursor + offset) if entity in _PERSON else None
    if current is not None:
        people.append(current)
    return TaggedSpans(frozenset(people), frozenset(proper))
