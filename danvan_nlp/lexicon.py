"""Language data loaded from ``danvan_nlp/lang/vi/``: lexicons live apart from code.

Each data file is UTF-8 text. Lines starting with ``#`` are comments; every file
opens with ``# source:`` lines naming where its entries come from. A ``.txt`` file
holds one entry a line; a ``.tsv`` file holds tab-separated columns.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

from danvan_nlp.normalize import normalize_table

_PACKAGE = "danvan_nlp.lang.vi"


@cache
def _lines(name: str) -> tuple[str, ...]:
    raw = resources.files(_PACKAGE).joinpath(name).read_text(encoding="utf-8")
    lines = normalize_table(raw).splitlines()  # one pass over the file, not one per cell
    return tuple(line for line in lines if line.strip() and not line.lstrip().startswith("#"))


@cache
def words(name: str) -> tuple[str, ...]:
    """Entries of a one-entry-a-line file, normalised, in file order."""
    return tuple(line.strip() for line in _lines(name))


@cache
def table(name: str) -> tuple[tuple[str, ...], ...]:
    """Rows of a tab-separated file, normalised, each cell stripped."""
    return tuple(tuple(cell.strip() for cell in line.split("\t")) for line in _lines(name))


def mapping(name: str) -> dict[str, str]:
    """A two-column table as a dict from the first column to the second."""
    return {row[0]: row[1] for row in table(name) if len(row) >= 2}


def alternation(entries: tuple[str, ...] | list[str]) -> str:
    """A regex alternation of literal entries, longest first so the longest wins."""
    import re

    ordered = sorted(set(entries), key=len, reverse=True)
    return "|".join(re.escape(entry) for entry in ordered)


@dataclass(frozen=True, slots=True)
class Province:
    """A pre-2025 province, the province it belongs to now, and its spellings."""

    name: str
    province_2025: str
    spellings: tuple[str, ...]


@cache
def provinces() -> tuple[Province, ...]:
    """Every pre-2025 province with its spellings, from ``lang/vi/provinces.tsv`` (read by
    the meta stage and by the person-name reader, so it lives with the language data)."""
    return tuple(
        Province(row[0], row[1], (row[0], *(s for s in (row[2] if len(row) > 2 else "")
                                            .split(",") if s)))
        for row in table("provinces.tsv")
    )


def province_by_spelling(spelling: str) -> Province | None:
    """The province written ``spelling`` (any listed spelling), if any (the meta and the
    where-and-when stages both read it, once per match and per figure)."""
    return _provinces_by_spelling().get(spelling)


@cache
def _provinces_by_spelling() -> dict[str, Province]:
    """Each spelling and its province; the first listed wins, as a scan in file order would."""
    found: dict[str, Province] = {}
    for province in provinces():
        for spelling in province.spellings:
            found.setdefault(spelling, province)
    return found
