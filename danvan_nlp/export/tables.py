"""Rows of the four export tables, built from the result lines of a batch run.

Figures and models are one row per fact, in result order. Officials and
documents are merged across articles: one row per person and post (per
province), and one row per document, with when and where they were seen.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from danvan_nlp.batch.sources import iso_day
from danvan_nlp.export.positions import split_position
from danvan_nlp.normalize import normalize_str

Row = dict[str, Any]
Result = dict[str, Any]


def _article_fields(result: Result) -> Row:
    return {
        "article_id": result.get("id"), "url": result.get("url"),
        "published": iso_day(result.get("published")), "province": result.get("province"),
        "province_2025": result.get("province_2025"),
    }


def _span(record: dict[str, Any]) -> tuple[Any, Any, Any]:
    span = record.get("span") or {}
    return span.get("start"), span.get("end"), span.get("text")


def figure_rows(results: Iterable[Result]) -> Iterator[Row]:
    """One row per figure of every extracted article."""
    for result in results:
        article = _article_fields(result)
        for figure in result.get("figures") or []:
            start, end, text = _span(figure)
            yield {**article, **{key: figure.get(key) for key in _FIGURE_KEYS},
                   "span_start": start, "span_end": end, "span_text": text}


_FIGURE_KEYS = ("value", "value_max", "total", "unit", "qualifier", "outcome", "awarder",
                "period", "evidence")


def model_rows(results: Iterable[Result]) -> Iterator[Row]:
    """One row per model of every extracted article."""
    for result in results:
        article = _article_fields(result)
        for model in result.get("models") or []:
            start, end, _ = _span(model)
            yield {**article, **{key: model.get(key) for key in _MODEL_KEYS},
                   "span_start": start, "span_end": end}


_MODEL_KEYS = ("title", "domain", "domain_score", "context")


@dataclass(slots=True)
class _Seen:
    """What is merged into one row: surface forms, dates and articles."""

    forms: Counter[tuple[str, ...]] = field(default_factory=Counter)
    extras: Counter[str] = field(default_factory=Counter)
    first: str | None = None
    last: str | None = None
    article_ids: dict[str, None] = field(default_factory=dict)

    def add(self, form: tuple[str, ...], result: Result, extra: str | None = None) -> None:
        self.forms[form] += 1
        if extra:
            self.extras[extra] += 1
        day = iso_day(result.get("published"))
        if day:
            self.first = min(day, self.first or day)
            self.last = max(day, self.last or day)
        self.article_ids[str(result.get("id"))] = None

    def seen(self) -> Row:
        return {"first_seen": self.first, "last_seen": self.last,
                "article_count": len(self.article_ids), "article_ids": list(self.article_ids)}


def _key(text: str | None) -> str:
    return " ".join(normalize_str(text or "").casefold().split())


def _most_common(counter: Counter[Any]) -> Any:
    return counter.most_common(1)[0][0] if counter else None


def official_rows(results: Iterable[Result]) -> list[Row]:
    """A who's-who: one row per (name, title, organisation, province), merged across articles."""
    merged: dict[tuple[str, ...], _Seen] = {}
    for result in results:
        province = result.get("province") or ""
        for official in result.get("officials") or []:
            name = normalize_str(str(official.get("name") or "")).strip()
            for full in _positions(official) if name else []:
                title, organisation = split_position(full)
                key = (_key(name), _key(title), _key(organisation), province)
                merged.setdefault(key, _Seen()).add((name, title, organisation, full), result)
    rows = [_official_row(key, seen) for key, seen in merged.items()]
    return sorted(rows, key=lambda row: (row["province"] or "", _key(row["name"]),
                                         _key(row["position_full"])))


def _positions(official: dict[str, Any]) -> list[str]:
    positions = official.get("positions") or []
    found = [str(item.get("normalized") or item.get("surface") or "") for item in positions]
    return [position for position in found if position.strip()] or [""]


def _official_row(key: tuple[str, ...], seen: _Seen) -> Row:
    name, title, organisation, full = _most_common(seen.forms)
    return {"name": name, "position": title, "organisation": organisation,
            "position_full": full, "province": key[3] or None, **seen.seen()}


def document_rows(results: Iterable[Result]) -> list[Row]:
    """One row per document (code, kind, date, province), merged across articles."""
    merged: dict[tuple[str, ...], _Seen] = {}
    for result in results:
        province = result.get("province") or ""
        for document in result.get("documents") or []:
            code = "".join(str(document.get("code", "")).split())
            kind, day = str(document.get("kind") or ""), iso_day(document.get("date")) or ""
            key = (_key(code), _key(kind), day, province)
            merged.setdefault(key, _Seen()).add((code, kind), result, document.get("issuer"))
    rows = [_document_row(key, seen) for key, seen in merged.items()]
    return sorted(rows, key=lambda row: (row["province"] or "", _key(row["code"]),
                                         row["date"] or ""))


def _document_row(key: tuple[str, ...], seen: _Seen) -> Row:
    code, kind = _most_common(seen.forms)
    return {"code": code, "kind": kind or None, "date": key[2] or None,
            "issuer": _most_common(seen.extras), "province": key[3] or None, **seen.seen()}


BUILDERS: dict[str, Callable[[Iterable[Result]], Iterable[Row]]] = {
    "figures": figure_rows,
    "officials": official_rows,
    "documents": document_rows,
    "models": model_rows,
}
