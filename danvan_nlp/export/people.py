"""Officials' rows: one mention per person per article, and a timeline per person and post.

A person is a name within a province (the article's): the same name in two provinces
is two people. A post is its title and organisation ("Phó Trưởng Ban" of "Ban Dân vận
Tỉnh ủy"); its status (``current`` or ``former``) is the position's ``status`` field
when the extraction gives one, else ``current``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from danvan_nlp.batch.sources import iso_day
from danvan_nlp.export.merged import Result, Row, Seen, key_of, most_common, person_id
from danvan_nlp.export.positions import split_position
from danvan_nlp.normalize import normalize_str

CURRENT = "current"


def _name(official: dict[str, Any]) -> str:
    return normalize_str(str(official.get("name") or "")).strip()


def _status(position: dict[str, Any]) -> str:
    return str(position.get("status") or CURRENT)


def _posts(official: dict[str, Any]) -> list[tuple[str, str]]:
    """(post as extracted, status) of each position; one empty post when none has text."""
    found = [(str(item.get("normalized") or item.get("surface") or ""), _status(item))
             for item in official.get("positions") or []]
    return [post for post in found if post[0].strip()] or [("", CURRENT)]


def mention_rows(results: Iterable[Result]) -> Iterator[Row]:
    """One row per official per article, with the posts and roles given there."""
    for result in results:
        province = result.get("province")
        for official in result.get("officials") or []:
            name = _name(official)
            if name:
                yield _mention_row(result, official, name, province)


def _mention_row(result: Result, official: dict[str, Any], name: str,
                 province: str | None) -> Row:
    positions = official.get("positions") or []
    person = person_id(name, province)
    return {
        "mention_id": f"{result.get('id')}:{person}", "article_id": result.get("id"),
        "person_id": person, "name": name, "honorific": official.get("honorific"),
        "rank": official.get("rank"),
        "positions": [str(item.get("surface") or "") for item in positions],
        "positions_normalized": [str(item.get("normalized") or "") for item in positions],
        "statuses": [_status(item) for item in positions],
        "roles": list(official.get("roles") or []),
        "mention_count": len(official.get("mentions") or []) or 1,
        "url": result.get("url"), "published": iso_day(result.get("published")),
        "province": province,
    }


def official_rows(results: Iterable[Result]) -> list[Row]:
    """A timeline: one row per person and post (per province), merged across articles."""
    merged: dict[tuple[str, ...], Seen] = {}
    for result in results:
        province = result.get("province") or ""
        for official in result.get("officials") or []:
            name = _name(official)
            for full, status in _posts(official) if name else []:
                title, organisation = split_position(full)
                key = (key_of(name), key_of(title), key_of(organisation), province)
                seen = merged.setdefault(key, Seen())
                seen.add((name, title, organisation, full), result, latest_extra=status)
    rows = [_official_row(key, seen) for key, seen in merged.items()]
    return sorted(rows, key=lambda row: (row["province"] or "", key_of(row["name"]),
                                         key_of(row["position_full"])))


def _official_row(key: tuple[str, ...], seen: Seen) -> Row:
    name, title, organisation, full = most_common(seen.forms)
    province = key[3] or None
    return {"person_id": person_id(name, province), "name": name, "position": title,
            "organisation": organisation, "position_full": full,
            "status": seen.latest_extra or CURRENT, "province": province, **seen.seen()}
