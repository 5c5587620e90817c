"""Word lists of ``lang/vi/figure_roles.tsv`` by role, and regexes built from them.

Each row of the file is ``phrase, role, category``: the role says what the phrase does
for a figure (``copula``, ``part_opener``, ``cost``...), the category which linguistic
class the role's phrases belong to (:class:`Category`), as dateparser groups its
language data.
"""

from __future__ import annotations

import re
from enum import Enum
from functools import cache

from danvan_nlp import lexicon


class Category(str, Enum):
    """The linguistic class of a role's phrases (column 3 of ``figure_roles.tsv``)."""

    CONNECTIVE = "connective"  # joins or relates two phrases: "và", "với", "so với", "ở"
    COPULA = "copula"  # links a subject to its number: "là", "đạt"
    PART_OPENER = "part_opener"  # opens the parts of a total: "trong đó", ":"
    QUALIFIER = "qualifier"  # stands between a head word and its number: "dự kiến", "mỗi"
    VERB = "verb"  # a verb or adverb: "trao", "vận động", "đề xuất"
    NOUN = "noun"  # a noun phrase: "kinh phí", "tiêu chí", "ngày công"


@cache
def role_categories() -> dict[str, Category]:
    """Each role of ``figure_roles.tsv`` and its category."""
    return {row[1]: Category(row[2]) for row in lexicon.table("figure_roles.tsv")}


def roles_in(category: Category) -> tuple[str, ...]:
    """The roles of one category, in file order."""
    return tuple(role for role, found in role_categories().items() if found is category)


@cache
def role_words(role: str) -> tuple[str, ...]:
    """The phrases of ``figure_roles.tsv`` that have ``role``, in file order."""
    return tuple(row[0] for row in lexicon.table("figure_roles.tsv") if row[1] == role)


@cache
def role_alternation(role: str, space: str = r"\ ") -> str:
    """A regex alternation of the phrases of ``role``, longest first, their words joined
    by ``space`` (a literal space, or ``r"\\s+"`` for any run of spaces)."""
    phrases = sorted(set(role_words(role)), key=len, reverse=True)
    return "|".join(space.join(re.escape(word) for word in phrase.split()) for phrase in phrases)


LOOKBACK = 120  # characters before a number that a phrase and its qualifiers may take


def search_back(pattern: re.Pattern[str], text: str, start: int, end: int) -> re.Match[str] | None:
    """``pattern.search(text, start, end)`` for a pattern anchored at ``end`` (``$``), such
    as :func:`before_number`'s: only the last :data:`LOOKBACK` characters are searched, so
    a long clause is not scanned again for every figure in it."""
    return pattern.search(text, max(start, end - LOOKBACK), end)


@cache
def before_number(role: str, fillers: tuple[str, ...] = ()) -> re.Pattern[str]:
    """A regex for a phrase of ``role`` ending right before a number, maybe followed by
    qualifiers ("hơn", "khoảng") or ``fillers``: search it up to the number's start."""
    qualifiers = [row[0] for row in lexicon.table("qualifiers.tsv") if row[2] == "before"]
    between = lexicon.alternation(qualifiers + list(fillers))
    return re.compile(
        r"""
        (?<!\w) (?:""" + lexicon.alternation(list(role_words(role))) + r""")  # the phrase
        (?: \s+ (?:""" + between + r""") )*                                  # qualifiers
        \s+ $                                                                # the number next
        """,
        re.VERBOSE | re.IGNORECASE,
    )


@cache
def mentions(role: str) -> re.Pattern[str]:
    """A regex for any phrase of ``role`` as whole words."""
    return re.compile(
        r"""
        (?<!\w) (?:""" + lexicon.alternation(list(role_words(role))) + r""")  # a phrase
        (?!\w)                                                              # as words
        """,
        re.VERBOSE | re.IGNORECASE,
    )
