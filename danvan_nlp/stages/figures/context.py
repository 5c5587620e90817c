"""The words around a figure: its qualifier, the period it covers, and its evidence."""

from __future__ import annotations

import re
from functools import lru_cache

from danvan_nlp import lexicon
from danvan_nlp.context import ArticleContext
from danvan_nlp.records import Qualifier
from danvan_nlp.stages.figures.lexicon import role_alternation

_PERIOD = re.compile(
    r"""
    (?:giai\s+đoạn|nhiệm\s+kỳ|thời\s+kỳ|từ\s+năm)  # a period word
    \s+ (?P<first>(?:19|20)\d{2})                # first year
    \s* (?:-|đến|tới) \s*                        # dash or "đến"
    (?:năm\s+)? (?P<last>(?:19|20)\d{2})          # last year
    """,
    re.VERBOSE | re.IGNORECASE,
)


EVIDENCE_REACH = 60


@lru_cache(maxsize=1)
def _qualifier_regexes() -> tuple[re.Pattern[str], re.Pattern[str]]:
    rows = lexicon.table("qualifiers.tsv")
    before = lexicon.alternation([r[0] for r in rows if r[2] == "before"])
    after = lexicon.alternation([r[0] for r in rows if r[2] == "after"])
    return (
        re.compile(
            r"""
            (?<!\w) (?P<q>""" + before + r""")  # "hơn 2.700", "khoảng 50"
            [ ]* $                              # right before the number
            """,
            re.VERBOSE | re.IGNORECASE,
        ),
        re.compile(
            r"""
            [ ]* (?P<q>""" + after + r""")  # "100 hộ trở lên", right after the unit
            (?!\w)                          # as whole words
            """,
            re.VERBOSE | re.IGNORECASE,
        ),
    )


@lru_cache(maxsize=1)
def _qualifier_table() -> dict[str, Qualifier]:
    return {row[0].lower(): Qualifier(row[1]) for row in lexicon.table("qualifiers.tsv")}


def qualifier(text: str, start: int, unit_end: int) -> Qualifier:
    """The qualifier from the words right before the number or right after its unit."""
    before_re, after_re = _qualifier_regexes()
    match = before_re.search(text, max(0, start - 25), start)
    if match is None:
        match = after_re.match(text, unit_end)
    if match is None:
        return Qualifier.EXACT
    return _qualifier_table()[match["q"].lower()]


@lru_cache(maxsize=1)
def _year_regex() -> re.Pattern[str]:
    """A year a figure is of: "năm 2023", "cuối năm 2024"."""
    return re.compile(
        r"""
        (?:""" + role_alternation("year_lead") + r""")  # "năm", "trong năm", "cuối năm"
        \s+ (?P<year>(?:19|20)\d{2})                   # a year of this or the last century
        (?!\d)                                        # and not a longer number
        """,
        re.VERBOSE | re.IGNORECASE,
    )


def period_bounds(ctx: ArticleContext, sentence: tuple[int, int]) -> tuple[int, int] | None:
    """Where the period a figure covers is written: "giai đoạn 2018 – 2020" in its sentence
    or in its paragraph so far, else a year of its sentence ("năm 2023")."""
    found = ctx.memo(_sentence_periods)
    if sentence not in found:
        found[sentence] = _period_bounds(ctx, sentence)
    return found[sentence]


def _period_bounds(ctx: ArticleContext, sentence: tuple[int, int]) -> tuple[int, int] | None:
    periods = ctx.match_spans(_PERIOD)  # a period word opens each match: none overlap
    paragraph = (ctx.line_start_of(sentence[0]), sentence[1])
    found = periods.first_within(*sentence) or periods.first_within(*paragraph)
    if found is None:
        year = _year_regex().search(ctx.text, *sentence)
        found = year.span() if year else None
    return found


def _sentence_periods(_ctx: ArticleContext) -> dict[tuple[int, int], tuple[int, int] | None]:
    """The period found so far for each sentence of the article (figures share sentences)."""
    return {}


def evidence_bounds(text: str, start: int, end: int, sentence: tuple[int, int]) -> tuple[int, int]:
    """Where a short fragment of the sentence around ``start:end`` lies (word boundaries)."""
    left = max(sentence[0], start - EVIDENCE_REACH)
    right = min(sentence[1], end + EVIDENCE_REACH)
    if left > sentence[0]:
        space = text.find(" ", left, start)
        left = space + 1 if space != -1 else start
    if right < sentence[1]:
        space = text.rfind(" ", end, right)
        right = space if space != -1 else end
    return left, right
