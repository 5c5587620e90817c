"""The :class:`Article`: one document object that every pipeline stage reads and fills."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Any

from danvan_nlp.context import ArticleContext
from danvan_nlp.normalize import NormalizedText
from danvan_nlp.records import DocumentRef, Figure, Model, Official, Span, to_plain

SCHEMA_VERSION = "1.0"


@dataclass(slots=True)
class Article:
    """An article's text, its facts, and the spans tying each fact to the text.

    ``text`` is exactly what the caller gave; stages read ``norm`` (the normalised
    text, see :mod:`danvan_nlp.normalize`) and build spans with :meth:`span`.
    """

    norm: NormalizedText
    url: str | None = None
    source: str | None = None
    published: str | None = None
    title: str | None = None
    province: str | None = None
    province_2025: str | None = None
    sentences: list[tuple[int, int]] = field(default_factory=list)
    officials: list[Official] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    documents: list[DocumentRef] = field(default_factory=list)
    models: list[Model] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    _context: ArticleContext | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def text(self) -> str:
        """The text exactly as the caller gave it."""
        return self.norm.original

    @property
    def ntext(self) -> str:
        """The normalised text the stages read (offsets differ only after NFC)."""
        return self.norm.text

    @property
    def context(self) -> ArticleContext:
        """Lookup tables over ``ntext`` (lines, regex spans, stage memos), built once."""
        if self._context is None:
            self._context = ArticleContext(self.ntext)
        return self._context

    def span(self, start: int, end: int) -> Span:
        """A :class:`Span` of the caller's text from a span of the normalised text."""
        first, last = self.norm.to_original(start, end)
        return Span(first, last, self.text[first:last])

    def sentence_at(self, offset: int) -> tuple[int, int]:
        """The (start, end) of the normalised sentence holding ``offset`` (binary search);
        the whole text when ``offset`` falls between sentences."""
        index = bisect.bisect_right(self.sentences, offset, key=_start) - 1
        if index >= 0 and self.sentences[index][0] <= offset < self.sentences[index][1]:
            return self.sentences[index]
        return 0, len(self.ntext)

    def to_dict(self) -> dict[str, Any]:
        """The article's facts as plain JSON values (see ``schema/article.schema.json``)."""
        return {
            "schema_version": SCHEMA_VERSION,
            "url": self.url,
            "source": self.source,
            "published": self.published,
            "title": self.title,
            "province": self.province,
            "province_2025": self.province_2025,
            "officials": to_plain(self.officials),
            "figures": to_plain(self.figures),
            "documents": to_plain(self.documents),
            "models": to_plain(self.models),
            "warnings": list(self.warnings),
        }


def _start(sentence: tuple[int, int]) -> int:
    return sentence[0]
