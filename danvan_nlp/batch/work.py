"""What a worker does with one chunk of articles: extract each, never let one stop the rest.

These functions run in worker processes (local or Dask), so they are plain
module-level functions of picklable arguments.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from danvan_nlp.article import Article
from danvan_nlp.batch.sources import SourceArticle
from danvan_nlp.deadline import ARTICLE_SECONDS, interrupt_after
from danvan_nlp.errors import DanvanError, ExtractTimeout
from danvan_nlp.pipeline import extract

ExtractFn = Callable[..., Article]
_FROM_SOURCE = ("url", "published", "source", "title")
INPUT, INTERNAL, TIMEOUT = "input", "internal", "timeout"


@dataclass(frozen=True, slots=True)
class Job:
    """How to extract: the function (module-level, so picklable) and the time per article."""

    extract_fn: ExtractFn | None = None
    article_seconds: float = ARTICLE_SECONDS


def extract_chunk(articles: list[SourceArticle], job: Job | None = None) -> list[dict[str, Any]]:
    """One result line per article, in order: an extraction or a failure."""
    job = job or Job()
    function = job.extract_fn or extract
    return [result_line(article, function, job.article_seconds) for article in articles]


def result_line(
    article: SourceArticle, extract_fn: ExtractFn = extract, seconds: float = ARTICLE_SECONDS
) -> dict[str, Any]:
    """The result line of one article; a failure becomes an ``error`` line."""
    if article.problem is not None or article.text is None:
        return failure_line(article, article.problem or "the article has no text")
    try:
        with interrupt_after(seconds):
            found = extract_fn(article.text, url=article.url, published=article.published,
                               source=article.source, time_limit=seconds or None)
    except ExtractTimeout as error:
        return failure_line(article, str(error), kind=TIMEOUT)
    except DanvanError as error:
        return failure_line(article, str(error))
    except Exception as error:  # a bug in a stage: record it, the batch goes on
        message = f"internal error ({type(error).__name__}: {error})"
        return failure_line(article, message, kind=INTERNAL)
    return _merge(article, found.to_dict())


def failure_line(article: SourceArticle, message: str, kind: str = INPUT) -> dict[str, Any]:
    """The line recording that an article could not be extracted, and why.

    ``error_kind`` is ``input`` (the article itself is unusable), ``internal`` (a
    stage raised something unexpected: a bug to report, the article may be fine) or
    ``timeout`` (extraction took longer than the time per article).
    """
    return {"id": article.id, "url": article.url, "path": article.path, "error": message,
            "error_kind": kind}


def _merge(article: SourceArticle, extraction: dict[str, Any]) -> dict[str, Any]:
    """Where the article came from, then its extraction (which wins unless it is empty)."""
    line: dict[str, Any] = {
        "id": article.id, "url": article.url, "path": article.path,
        "published": article.published, "source": article.source, "site": article.site,
    }
    for key, value in extraction.items():
        if key in _FROM_SOURCE and value is None:
            line[key] = getattr(article, key)
        else:
            line[key] = value
    return line


def library_version() -> str:
    """The danvan-nlp version a worker has (checks a remote cluster can run the chunks)."""
    from danvan_nlp import __version__

    return __version__
