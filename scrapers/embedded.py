"""Articles kept as JSON in a script element (pages rendered by JavaScript).

Some sites (tuyengiaodanvan.vn) send an empty HTML body and the article as data in a
``<script>`` element (``__NEXT_DATA__``, ``application/json``, JSON-LD). A definition's
``embedded`` group names the scripts to read and, per field, the keys that may hold it;
the article is the first JSON object (breadth first) holding a title key and a body key.
"""

from __future__ import annotations

import json
from collections import deque
from datetime import datetime
from typing import Any

from danvan_nlp.scrapers.dates import VIETNAM
from danvan_nlp.scrapers.htmltext import Element, html_paragraphs, select
from danvan_nlp.scrapers.sites import EmbeddedRules

MAX_NODES = 200_000


def embedded_fields(tree: Element, rules: EmbeddedRules,
                    drop: tuple[str, ...] = ()) -> dict[str, Any] | None:
    """The article's fields (title, lead, date, author as text; body as paragraphs without
    what the ``drop`` rules match) from the first script holding an article object."""
    for rule in rules.scripts:
        for script in select(tree, rule):
            data = _json(script.get_text())
            found = _article_object(data, rules) if data is not None else None
            if found is not None:
                return _fields(found, rules, drop)
    return None


def _json(text: str) -> Any:
    try:
        return json.loads(text)
    except (json.JSONDecodeError, RecursionError):
        return None


def _article_object(data: Any, rules: EmbeddedRules) -> dict[str, Any] | None:
    """The first object (breadth first, bounded) with a non-empty title and body key."""
    pending: deque[Any] = deque([data])
    visited = 0
    while pending and visited < MAX_NODES:
        node = pending.popleft()
        visited += 1
        if isinstance(node, dict):
            if _first(node, rules.keys["title"]) and _first(node, rules.keys["body"]):
                return node
            pending.extend(node.values())
        elif isinstance(node, list):
            pending.extend(node)
    return None


def _first(node: dict[str, Any], keys: tuple[str, ...]) -> str | None:
    """The first key's value as text; a person object gives its name."""
    for key in keys:
        value = node.get(key)
        if isinstance(value, dict):
            value = value.get("name")
        elif isinstance(value, list) and value and isinstance(value[0], dict):
            value = value[0].get("name")
        if isinstance(value, str | int) and str(value).strip():
            return str(value).strip()
    return None


def _fields(node: dict[str, Any], rules: EmbeddedRules,
            drop: tuple[str, ...]) -> dict[str, Any]:
    body = _first(node, rules.keys["body"]) or ""
    fields: dict[str, Any] = {name: _first(node, rules.keys[name])
                              for name in ("title", "lead", "date", "author")}
    if fields["lead"]:
        fields["lead"] = " ".join(html_paragraphs(fields["lead"]))
    fields["date"] = _epoch_date(fields["date"]) or fields["date"]
    fields["body"] = html_paragraphs(body, drop)
    return fields


def _epoch_date(value: str | None) -> str | None:
    """A Unix time in seconds or milliseconds (as page data often has it) as an ISO date
    in Vietnam's time; anything else gives None."""
    if not value or not value.isdigit() or len(value) not in (10, 13):
        return None
    seconds = int(value) / (1000 if len(value) == 13 else 1)
    return datetime.fromtimestamp(seconds, VIETNAM).date().isoformat()
