"""The :class:`Article`: one document object that every pipeline stage reads and fills."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Any

from danvan_nlp.context import ArticleContext
from danvan_nlp.errors import InputError
from danvan_nlp.normalize import NormalizedText, normalize
from danvan_nlp.records import DocumentRef, Figure, Model, Official, Span, from_plain, to_plain

SCHEMA_VERSION = "1.1"


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

    @classmethod
    def from_dict(cls, data: dict[str, Any], text: str = "") -> Article:
        """The article that :meth:`to_dict` described (``Article.from_dict(a.to_dict(),
        a.text).to_dict() == a.to_dict()``).

        ``text`` is the article's text, which ``to_dict`` leaves out; spans keep their
        offsets and text either way. Keys outside the schema's article fields (a batch
        result line's ``id``, ``path``, ``site``) are ignored; a malformed fact raises
        :class:`~danvan_nlp.errors.InputError` saying where.
        """
        if not isinstance(data, dict):
            raise InputError("Article.from_dict takes the dict that Article.to_dict made")
        version = data.get("schema_version", SCHEMA_VERSION)
        if str(version).split(".")[0] != SCHEMA_VERSION.split(".")[0]:
            raise InputError(f"schema version {version} cannot be read by this danvan-nlp "
                             f"(schema {SCHEMA_VERSION}); re-extract with this version")
        article = cls(norm=normalize(text))
        for name in _SCALAR_FIELDS:
            setattr(article, name, _optional_text(data.get(name), name))
        article.officials = from_plain(list[Official], data.get("officials", []), "officials")
        article.figures = from_plain(list[Figure], data.get("figures", []), "figures")
        article.documents = from_plain(list[DocumentRef], data.get("documents", []), "documents")
        article.models = from_plain(list[Model], data.get("models", []), "models")
        article.warnings = from_plain(list[str], data.get("warnings", []), "warnings")
        return article

    def to_html(self) -> str:
        """The article as a self-contained HTML page with its facts highlighted
        (:func:`danvan_nlp.views.article_html`)."""
        from danvan_nlp.views import article_html

        return article_html(self)

    def __repr__(self) -> str:
        title = self.title if self.title is None or len(self.title) <= 40 else (
            self.title[:39] + "…")
        return (f"<Article {title!r} published={self.published} province={self.province}: "
                f"{len(self.officials)} officials, {len(self.figures)} figures, "
                f"{len(self.documents)} documents, {len(self.models)} models>")


_SCALAR_FIELDS = ("url", "source", "published", "title", "province", "province_2025")


def _optional_text(value: Any, name: str) -> str | None:
    if value is None or isinstance(value, str):
        return value
    raise InputError(f"{name}: expected a string or null, got {type(value).__name__}")


def _start(sentence: tuple[int, int]) -> int:
    return sentence[0]
