"""Normalised forms of positions, and merging the forms one person is given.

The normal form expands abbreviations ("UBND" → "Ủy ban nhân dân") and, where the
article's province is known, resolves "Tỉnh ủy" and a final "tỉnh" to it
("Phó Chủ tịch UBND tỉnh" → "Phó Chủ tịch Ủy ban nhân dân tỉnh Bắc Kạn").
"""

from __future__ import annotations

import re
from functools import lru_cache

from danvan_nlp import lexicon
from danvan_nlp.article import Article
from danvan_nlp.normalize import normalize_str
from danvan_nlp.records import Position
from danvan_nlp.stages.officials.status import stronger

_PROVINCIAL_TAIL = re.compile(
    r"""
    (?P<body>\b(?:Tỉnh\sủy|tỉnh))   # "Tỉnh ủy" or "tỉnh" ...
    \s*$                             # ... ending the position
    """,
    re.VERBOSE,
)


_MERGER_DAY = "2025-07-01"  # provinces merged and districts abolished (Resolution 202/2025/QH15)
_SPACES = re.compile(r"\s+")  # a run of spaces, written as one
_PUNCTUATION = re.compile(r"[^\w\s]")  # what a position's key leaves out


@lru_cache(maxsize=1)
def _abbreviation_pattern() -> tuple[re.Pattern[str], dict[str, str]]:
    table = lexicon.mapping("abbreviations.tsv")
    pattern = re.compile(
        r"""
        (?<![\w.&])                                      # not inside a word or "T.Ư"
        (""" + lexicon.alternation(list(table)) + r""")  # a listed abbreviation
        (?![\w&])                                        # ending there
        """,
        re.VERBOSE,
    )
    return pattern, table


def expand_abbreviations(text: str) -> str:
    """``text`` with every listed abbreviation written out."""
    pattern, table = _abbreviation_pattern()
    return pattern.sub(lambda m: table[m.group(1)], text)


def normalized_position(surface: str, article: Article) -> str:
    """The position with abbreviations expanded and the province resolved."""
    text = _SPACES.sub(" ", expand_abbreviations(normalize_str(surface))).strip()
    province = _province_then(article)
    if province:
        text = _PROVINCIAL_TAIL.sub(lambda m: f"{m['body']} {province}", text)
    return text


def _province_then(article: Article) -> str | None:
    """The province as it was when the article was written: from 1/7/2025 on the merged
    province ("Tỉnh ủy" of an article on Bắc Kạn in October 2025 is Thái Nguyên's)."""
    if article.published and article.published >= _MERGER_DAY and article.province_2025:
        return article.province_2025
    return article.province


def _key(text: str) -> list[str]:
    plain = _PUNCTUATION.sub(" ", expand_abbreviations(normalize_str(text))).lower()
    return plain.replace(" việt nam", "").split()  # "MTTQ Việt Nam tỉnh" = "MTTQ tỉnh"


def merge_position(positions: list[Position], new: Position) -> None:
    """Add ``new`` unless it is the same post as one held already; keep the longer form.

    Two forms are the same post when one's words (abbreviations expanded) begin the
    other's: "Phó Chủ tịch HĐND tỉnh" and "Phó Chủ tịch Hội đồng nhân dân tỉnh Tuyên Quang".
    """
    new_key = _key(new.surface)
    for index, old in enumerate(positions):
        old_key = _key(old.surface)
        short, long_ = sorted((old_key, new_key), key=len)
        if short and long_[: len(short)] == short:
            status = stronger(old.status, new.status)
            if len(new_key) > len(old_key):
                positions[index] = new
            positions[index].status = status
            return
    positions.append(new)
