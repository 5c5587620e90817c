"""Language data loaded from ``danvan_nlp/lang/vi/``: lexicons live apart from code.

Each data file is UTF-8 text. Lines starting with ``#`` are comments; every file
opens with ``# source:`` lines naming where its entries come from. A ``.txt`` file
holds one entry a line; a ``.tsv`` file holds tab-separated columns.
"""

from __future__ import annotations

import re
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


def alternation(entries: tuple[str, ...] | list[str], space: str = r"\ ") -> str:
    """A regex alternation of literal entries where the longest entry wins.

    Built as a trie: ``(?:t(?:hành\\ phố|ỉnh|hôn)|xã)`` rather than
    ``thành\\ phố|tỉnh|thôn|xã``, so the regex engine reads a text letter by letter
    instead of trying every entry in turn at every position. At each letter the longer
    continuations come before the end of a shorter entry, so the entries that match
    are tried longest first, as in the flat list sorted by length. Letters of one step
    that differ only by case ("t", "T": under ``IGNORECASE`` both match) keep their
    entries' ends as that flat list. ``space`` is the regex of the space between an
    entry's words (``r"\\s+"``: any run of spaces; the entry's own runs count as one).
    """
    root: Trie = {}
    for entry in set(entries):
        node = root
        for letter in entry if space == r"\ " else " ".join(entry.split()):
            node = node.setdefault(letter, {})
        node[""] = {}
    guard = _first_letter_guard(root)
    pattern = _trie_pattern(root, space)
    return f"(?:{guard}{pattern})" if guard else pattern


def _first_letter_guard(root: Trie) -> str:
    """A look-ahead for the letters entries start with (``(?=[tx])``), or "" if an entry
    is empty or starts with a space. It never changes a match (every entry starts with
    one of them, under the same flags), but a regex scanning a text tries it at each
    position in one step, before the branches (one by one, each letter lower-cased
    under ``IGNORECASE``): most positions fail it."""
    firsts = sorted(letter for letter in root if letter)
    if "" in root or not firsts or any(letter.isspace() for letter in firsts):
        return ""
    return "(?=[" + "".join(re.escape(letter) for letter in firsts) + "])"


Trie = dict[str, "Trie"]  # letter -> the entries' continuations; "" marks an entry's end


def _trie_pattern(node: Trie, space: str) -> str:
    """The regex of a trie node: each letter and its continuations, then the end."""
    chain = []  # letters that no entry branches off or ends at: written as they are
    while len(node) == 1 and "" not in node:
        ((letter, node),) = node.items()
        chain.append(letter)
    if chain:
        return _literal("".join(chain), space) + _trie_pattern(node, space)
    branches = []
    for letters in _case_groups([letter for letter in node if letter]):
        if len(letters) == 1:
            branches.append(_literal(letters[0], space) + _trie_pattern(node[letters[0]], space))
        else:  # the ends after letters equal but for case, longest first
            ends = [letter + end for letter in letters for end in _ends(node[letter])]
            ordered = sorted(ends, key=len, reverse=True)
            branches.append("(?:" + "|".join(_literal(end, space) for end in ordered) + ")")
    if "" in node:
        branches.append("")  # an entry ends here: tried after every longer one
    if len(branches) == 1:
        return branches[0]
    return "(?:" + "|".join(branches) + ")"


def _literal(text: str, space: str) -> str:
    """``text`` as a regex matching it literally, with ``space`` between its words."""
    return space.join(re.escape(word) for word in text.split(" "))


def _case_groups(letters: list[str]) -> list[list[str]]:
    """The letters grouped with those they match when case is ignored."""
    forms_of = [{letter.lower(), letter.upper(), letter.casefold()} for letter in letters]
    if len(set().union(*forms_of)) == sum(map(len, forms_of)):  # the usual case: no two meet
        return [[letter] for letter in letters]
    groups: list[tuple[set[str], list[str]]] = []
    for letter in letters:
        forms = {letter.lower(), letter.upper(), letter.casefold()}
        matching = [group for group in groups if group[0] & forms]
        merged = (forms.union(*(group[0] for group in matching)),
                  [member for group in matching for member in group[1]] + [letter])
        groups = [group for group in groups if group not in matching] + [merged]
    return [members for _, members in groups]


def _ends(node: Trie) -> list[str]:
    """Every entry's remainder below ``node`` ("" where an entry ends at it)."""
    return [letter + end for letter, child in node.items()
            for end in (_ends(child) if letter else [""])]


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


@cache
def province_spellings() -> tuple[str, ...]:
    """Every spelling of every province ("Kiên Giang", "TP.HCM"), in file order."""
    return tuple(spelling for province in provinces() for spelling in province.spellings)


@cache
def surnames() -> frozenset[str]:
    """Vietnamese family names (``surnames.txt``), read by every stage that reads names."""
    return frozenset(words("surnames.txt"))


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
