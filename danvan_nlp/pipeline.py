"""The extraction pipeline: one :class:`Article` flows through stage functions.

Like spaCy's components, each stage reads the article and fills its part:
meta (date, source, province) → documents → officials → figures → models →
model domains. Stages never return anything; they only add to the article.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from danvan_nlp.article import Article
from danvan_nlp.checks import MAX_CHARS, check_text
from danvan_nlp.components import check_order
from danvan_nlp.normalize import normalize
from danvan_nlp.sentences import split_sentences

Stage = Callable[[Article], None]


def default_stages() -> list[Stage]:
    """The stages :func:`extract` runs, in order."""
    from danvan_nlp.stages import documents, figures, meta, models, officials

    return [
        meta.read_meta,
        documents.find_documents,
        officials.find_officials,
        figures.find_figures,
        models.find_models,
        models.label_domains,
    ]


def extract(
    text: str,
    *,
    url: str | None = None,
    published: str | None = None,
    source: str | None = None,
    stages: Sequence[Stage] | None = None,
    max_chars: int = MAX_CHARS,
) -> Article:
    """Extract officials, figures, documents and models from one article's text.

    ``published`` (ISO date) and ``source`` override what the text's own date line
    and source line say. Raises :class:`~danvan_nlp.errors.InputError` for text that
    cannot be an article (empty, binary, mis-decoded, not Vietnamese, too long), and
    :class:`~danvan_nlp.errors.StageOrderError` when ``stages`` runs a stage before the
    stages filling what it reads (see :mod:`danvan_nlp.components`).
    """
    chosen = default_stages() if stages is None else list(stages)
    given = [name for name, value in (("published", published), ("source", source)) if value]
    check_order(chosen, given)
    check_text(text, max_chars=max_chars)
    article = Article(norm=normalize(text), url=url, published=published, source=source)
    article.sentences = split_sentences(article.ntext)
    for stage in chosen:
        stage(article)
    return article
