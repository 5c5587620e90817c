"""The extraction pipeline: one :class:`Article` flows through stage functions.

Like spaCy's components, each stage reads the article and fills its part:
meta (date, source, province) → documents → officials → figures → models →
model domains. Stages never return anything; they only add to the article.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from danvan_nlp.article import Article
from danvan_nlp.checks import MAX_CHARS, check_text
from danvan_nlp.components import check_order
from danvan_nlp.deadline import ARTICLE_SECONDS, deadline_for, stages_until
from danvan_nlp.errors import InputError
from danvan_nlp.normalize import normalize
from danvan_nlp.sentences import split_sentences

Stage = Callable[[Article], None]


def default_stages() -> list[Stage]:
    """The stages :func:`extract` runs, in order."""
    from danvan_nlp.stages import documents, figures, meta, models, officials
    from danvan_nlp.stages.where_when import locate_figures

    return [
        meta.read_meta,
        documents.find_documents,
        officials.find_officials,
        officials.recover_names,
        figures.find_figures,
        locate_figures,
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
    time_limit: float | None = ARTICLE_SECONDS,
) -> Article:
    """Extract officials, figures, documents and models from one article's text.

    ``published`` (ISO date) and ``source`` override what the text's own date line
    and source line say. Raises :class:`~danvan_nlp.errors.InputError` for text that
    cannot be an article (empty, binary, mis-decoded, not Vietnamese, too long), and
    :class:`~danvan_nlp.errors.ExtractTimeout` when it takes over ``time_limit`` seconds
    (``None``: no limit), checked between stages (see :mod:`danvan_nlp.deadline`), and
    :class:`~danvan_nlp.errors.StageOrderError` when ``stages`` runs a stage before the
    stages filling what it reads (see :mod:`danvan_nlp.components`).
    """
    published = iso_date_or_none(published)
    chosen = default_stages() if stages is None else list(stages)
    given = [name for name, value in (("published", published), ("source", source)) if value]
    check_order(chosen, given)
    deadline = deadline_for(time_limit)
    check_text(text, max_chars=max_chars)
    article = Article(norm=normalize(text), url=url, published=published, source=source)
    article.sentences = split_sentences(article.ntext)
    for stage in stages_until(deadline, chosen):
        stage(article)
    return article


def iso_date_or_none(value: object) -> str | None:
    """``published=`` as an ISO day (``2024-07-23``); a :class:`datetime.date` is accepted.

    Anything else raises :class:`~danvan_nlp.errors.InputError` saying the form wanted,
    so a wrong date never passes silently into every fact of the article.
    """
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip()).isoformat() if len(
                value.strip()) == 10 else _refuse_date(value)
        except ValueError:
            return _refuse_date(value)
    return _refuse_date(value)


def _refuse_date(value: object) -> str:
    raise InputError(f"published={value!r} is not an ISO date; give the day as YYYY-MM-DD "
                     "(e.g. published='2024-07-23') or None")
