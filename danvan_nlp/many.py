"""``extract_many``: a stream of articles through the pipeline, like spaCy's ``nlp.pipe``.

Texts are taken ``batch_size`` at a time; with ``n_process > 1`` each batch goes to a
pool of freshly started (spawned) worker processes and comes back as plain dicts,
rebuilt with :meth:`Article.from_dict`, so results arrive in input order whatever the
number of processes. Memory stays bounded: at most ``n_process`` batches are in flight.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator, Mapping
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice
from typing import Any, Literal

from danvan_nlp.article import Article
from danvan_nlp.errors import DanvanError, InputError
from danvan_nlp.pipeline import extract

ArticleInput = str | Mapping[str, Any]
OnError = Literal["raise", "skip"]
_KEYWORDS = ("url", "published", "source")


def extract_many(texts: Iterable[ArticleInput], *, n_process: int = 1, batch_size: int = 32,
                 on_error: OnError = "raise") -> Iterator[Article]:
    """Yield one :class:`Article` per input, in input order.

    An input is a text, or a mapping with ``text`` and optionally ``url``, ``published``
    and ``source`` (the keyword arguments of :func:`~danvan_nlp.extract`). With
    ``on_error="raise"`` the first input that cannot be extracted raises its
    :class:`~danvan_nlp.errors.DanvanError` (its position in the message); with
    ``"skip"`` it is left out. With more than one process, call this under
    ``if __name__ == "__main__":`` (workers are spawned).
    """
    if n_process < 1 or batch_size < 1:
        raise InputError("n_process and batch_size must be at least 1")
    if on_error not in ("raise", "skip"):
        raise InputError("on_error is 'raise' or 'skip'")
    batches = _batches(texts, batch_size)
    if n_process == 1:
        for start, batch in batches:
            yield from _extract_here(start, batch, on_error)
        return
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=n_process, mp_context=context) as pool:
        pending: deque[tuple[list[dict[str, Any]], Future[list[dict[str, Any]]]]] = deque()
        for start, batch in batches:
            pending.append((batch, pool.submit(_extract_batch, start, batch)))
            if len(pending) >= n_process:
                done_batch, future = pending.popleft()
                yield from _rebuilt(future.result(), done_batch, on_error)
        while pending:
            done_batch, future = pending.popleft()
            yield from _rebuilt(future.result(), done_batch, on_error)


def _batches(texts: Iterable[ArticleInput], size: int
             ) -> Iterator[tuple[int, list[dict[str, Any]]]]:
    """(index of the first input, the inputs as dicts) for each batch of ``size``."""
    items = iter(texts)
    start = 0
    while batch := [_as_mapping(item, start + offset)
                    for offset, item in enumerate(islice(items, size))]:
        yield start, batch
        start += len(batch)


def _as_mapping(item: ArticleInput, index: int) -> dict[str, Any]:
    if isinstance(item, str):
        return {"text": item}
    if isinstance(item, Mapping) and isinstance(item.get("text"), str):
        unknown = set(item) - {"text", *_KEYWORDS}
        if unknown:
            raise InputError(f"input {index}: unknown key(s) {', '.join(sorted(unknown))}; "
                             f"use text, {', '.join(_KEYWORDS)}")
        return dict(item)
    raise InputError(f"input {index}: give a text or a mapping with a 'text' string")


def _extract_here(start: int, batch: list[dict[str, Any]], on_error: OnError
                  ) -> Iterator[Article]:
    """The articles of one batch, extracted in this process."""
    for offset, item in enumerate(batch):
        try:
            yield _extract_item(item)
        except DanvanError as error:
            if on_error == "raise":
                raise _error_class(type(error).__name__)(
                    f"input {start + offset}: {error}") from error


def _extract_item(item: dict[str, Any]) -> Article:
    return extract(item["text"], url=item.get("url"), published=item.get("published"),
                   source=item.get("source"))


def _extract_batch(start: int, batch: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each input's ``to_dict()``, or ``{"error": message}`` where extraction refused it."""
    out: list[dict[str, Any]] = []
    for offset, item in enumerate(batch):
        try:
            found = _extract_item(item)
        except DanvanError as error:
            out.append({"error": f"input {start + offset}: {error}",
                        "error_type": type(error).__name__})
            continue
        out.append(found.to_dict())
    return out


def _rebuilt(results: list[dict[str, Any]], batch: list[dict[str, Any]],
             on_error: OnError) -> Iterator[Article]:
    for result, item in zip(results, batch, strict=True):
        if "error" in result:
            if on_error == "raise":
                raise _error_class(result["error_type"])(result["error"])
            continue
        yield Article.from_dict(result, item["text"])


def _error_class(name: str) -> type[DanvanError]:
    from danvan_nlp import errors

    found = getattr(errors, name, DanvanError)
    return found if isinstance(found, type) and issubclass(found, DanvanError) else DanvanError
