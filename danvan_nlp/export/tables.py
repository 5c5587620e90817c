"""Rows of the export tables, built from the result lines of a batch run.

Articles, figures, mentions and models are one row per article or fact, in result
order. Officials, documents and facts are merged across articles: one row per person
and post (per province), per document, and per fact (:mod:`danvan_nlp.export.facts`).
Ids join them: ``article_id`` everywhere, ``person_id`` (officials, mentions),
``figure_id`` (figures, ``facts.figure_ids``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any

from danvan_nlp.batch.sources import iso_day
from danvan_nlp.export.facts import fact_rows
from danvan_nlp.export.merged import Result, Row, Seen, key_of, most_common, span_id, stable_id
from danvan_nlp.export.people import mention_rows, official_rows

FACT_KINDS = ("officials", "figures", "documents", "models")


def _article_fields(result: Result) -> Row:
    return {
        "article_id": result.get("id"), "url": result.get("url"),
        "published": iso_day(result.get("published")), "province": result.get("province"),
        "province_2025": result.get("province_2025"),
    }


def _span(record: dict[str, Any]) -> tuple[Any, Any, Any]:
    span = record.get("span") or {}
    return span.get("start"), span.get("end"), span.get("text")


def article_rows(results: Iterable[Result]) -> Iterator[Row]:
    """One row per extracted article, with how many facts of each kind it holds."""
    for result in results:
        counts = {f"{kind[:-1]}_count": len(result.get(kind) or []) for kind in FACT_KINDS}
        yield {**_article_fields(result), "path": result.get("path"),
               "site": result.get("site"), "source": result.get("source"),
               "title": result.get("title"), **counts,
               "warnings": list(result.get("warnings") or [])}


def figure_rows(results: Iterable[Result]) -> Iterator[Row]:
    """One row per figure of every extracted article."""
    for result in results:
        article = _article_fields(result)
        for figure in result.get("figures") or []:
            start, end, text = _span(figure)
            yield {**article, **{key: figure.get(key) for key in _FIGURE_KEYS},
                   "figure_id": span_id(result.get("id"), figure),
                   "place_province_2025": figure.get("province_2025"),
                   "span_start": start, "span_end": end, "span_text": text}


_FIGURE_KEYS = ("value", "value_max", "total", "unit", "qualifier", "outcome", "awarder",
                "period", "place", "place_level", "commune_2025", "period_start",
                "period_end", "period_months", "period_inferred", "as_of", "evidence")


def model_rows(results: Iterable[Result]) -> Iterator[Row]:
    """One row per model of every extracted article."""
    for result in results:
        article = _article_fields(result)
        for model in result.get("models") or []:
            start, end, _ = _span(model)
            yield {**article, **{key: model.get(key) for key in _MODEL_KEYS},
                   "model_id": span_id(result.get("id"), model),
                   "span_start": start, "span_end": end}


_MODEL_KEYS = ("title", "domain", "domain_score", "context")


def document_rows(results: Iterable[Result]) -> list[Row]:
    """One row per document (code, kind, date, province), merged across articles."""
    merged: dict[tuple[str, ...], Seen] = {}
    for result in results:
        province = result.get("province") or ""
        for document in result.get("documents") or []:
            code = "".join(str(document.get("code", "")).split())
            kind, day = str(document.get("kind") or ""), iso_day(document.get("date")) or ""
            key = (key_of(code), key_of(kind), day, province)
            merged.setdefault(key, Seen()).add((code, kind), result, document.get("issuer"))
    rows = [_document_row(key, seen) for key, seen in merged.items()]
    return sorted(rows, key=lambda row: (row["province"] or "", key_of(row["code"]),
                                         row["date"] or ""))


def _document_row(key: tuple[str, ...], seen: Seen) -> Row:
    code, kind = most_common(seen.forms)
    return {"document_id": stable_id("document", *key), "code": code, "kind": kind or None,
            "date": key[2] or None, "issuer": most_common(seen.extras),
            "province": key[3] or None, **seen.seen()}


BUILDERS: dict[str, Callable[[Iterable[Result]], Iterable[Row]]] = {
    "articles": article_rows,
    "figures": figure_rows,
    "facts": fact_rows,
    "officials": official_rows,
    "mentions": mention_rows,
    "documents": document_rows,
    "models": model_rows,
}
