"""What rows merged across articles share: ids, keys, and when and where a thing was seen."""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from danvan_nlp.batch.sources import iso_day
from danvan_nlp.normalize import normalize_str

Row = dict[str, Any]
Result = dict[str, Any]
ID_DIGITS = 16


def stable_id(*parts: object) -> str:
    """The first 16 hex digits of the SHA-1 of the parts (joined by ``|``): the same
    parts give the same id in every export."""
    joined = "|".join("" if part is None else str(part) for part in parts)
    return hashlib.sha1(joined.encode("utf-8")).hexdigest()[:ID_DIGITS]


@lru_cache(maxsize=1 << 16)  # names, units and posts repeat across a result
def key_of(text: str | None) -> str:
    """``text`` normalised, case-folded, its spaces collapsed: equal keys, same thing."""
    return " ".join(normalize_str(text or "").casefold().split())


def person_id(name: str | None, province: str | None) -> str:
    """A person's id: same-named people of different provinces get different ids."""
    return stable_id("person", key_of(name), province or "")


def span_id(article_id: Any, record: dict[str, Any]) -> str:
    """``article_id:start-end`` of a fact's span: unique within the result."""
    span = record.get("span") or {}
    return f"{article_id}:{span.get('start')}-{span.get('end')}"


def most_common(counter: Counter[Any]) -> Any:
    """The most frequent item (the first met among equals), else ``None``."""
    return counter.most_common(1)[0][0] if counter else None


@dataclass(slots=True)
class Seen:
    """What is merged into one row: surface forms, dates, articles and their URLs."""

    forms: Counter[tuple[str, ...]] = field(default_factory=Counter)
    extras: Counter[str] = field(default_factory=Counter)
    first: str | None = None
    last: str | None = None
    latest: tuple[str, int] = ("", -1)
    latest_url: str | None = None
    latest_extra: str | None = None
    urls: dict[str, str | None] = field(default_factory=dict)

    def add(self, form: tuple[str, ...], result: Result, extra: str | None = None,
            latest_extra: str | None = None) -> None:
        """Count one sighting of ``form`` in the article ``result``."""
        self.forms[form] += 1
        if extra:
            self.extras[extra] += 1
        day = iso_day(result.get("published"))
        if day:
            self.first = min(day, self.first or day)
            self.last = max(day, self.last or day)
        self.urls.setdefault(str(result.get("id")), result.get("url"))
        order = (day or "", len(self.urls))
        if order >= self.latest:
            self.latest, self.latest_url, self.latest_extra = order, result.get("url"), latest_extra

    def seen(self) -> Row:
        """The shared columns: first/last seen, the articles and their URLs."""
        return {"first_seen": self.first, "last_seen": self.last,
                "article_count": len(self.urls), "article_ids": list(self.urls),
                "url": self.latest_url, "urls": [url or "" for url in self.urls.values()]}
