"""Article facts: publication date, source, title, province and its post-2025 province."""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from danvan_nlp import lexicon
from danvan_nlp.article import Article
from danvan_nlp.components import component
from danvan_nlp.lexicon import Province, province_by_spelling, provinces
from danvan_nlp.published import published_date

_SOURCE_LINE = re.compile(
    r"""
    ^[ \t]*\([ \t]*                  # a line that is only a bracketed ...
    (?P<host>(?:[\w-]+\.)+[a-z]{2,}) # ... host name such as baobackan.org.vn
    [ \t]*\)[ \t]*$
    """,
    re.VERBOSE | re.MULTILINE | re.IGNORECASE,
)
_LEAD_SOURCE = re.compile(
    r"""
    ^[ \t]*\((?P<host>(?:[\w-]+\.)+[a-z]{2,})\)  # "(Baonghean.vn) - Sáng 11/10, ..."
    [ \t]*-
    """,
    re.VERBOSE | re.MULTILINE | re.IGNORECASE,
)


@lru_cache(maxsize=1)
def _not_title() -> re.Pattern[str]:
    """A line that is page furniture, not a title (``not_title_openers.txt``)."""
    openers = lexicon.alternation(lexicon.words("not_title_openers.txt"))
    return re.compile(
        r"""
        ^ (?: """ + openers + r"""  # "Thứ Hai, ...", "Cập nhật: 08:42", "Trang chủ"
            | \d                    # a date or a time
        )
        """,
        re.VERBOSE | re.IGNORECASE,
    )


@component(assigns=("published", "source", "title", "province", "province_2025", "warnings"))
def read_meta(article: Article) -> None:
    """Fill published date, source, title, province and ``province_2025``."""
    text = article.ntext
    if not article.published:
        article.published, warnings = published_date(text, article.url)
        article.warnings.extend(warnings)
    article.source = article.source or _source(text)
    article.title = article.title or _title(text)
    province = _province(article)
    if province:
        article.province = province.name
        article.province_2025 = province.province_2025


def _source(text: str) -> str | None:
    hosts = [m["host"] for m in _SOURCE_LINE.finditer(text)]
    hosts = hosts or [m["host"] for m in _LEAD_SOURCE.finditer(text)]
    return hosts[-1].lower() if hosts else None


def _title(text: str) -> str | None:
    for line in text[:1500].splitlines():
        line = line.strip()
        if len(line) >= 20 and not _not_title().match(line):
            return line
    return None


@lru_cache(maxsize=1)
def _province_pattern() -> re.Pattern[str]:
    spellings = [s for p in provinces() for s in p.spellings]
    return re.compile(
        r"""
        (?<!\w)                                     # a whole word: not inside another
        (""" + lexicon.alternation(spellings) + r""")  # a province's spelling
        (?!\w)                                      # ending as a word
        """,
        re.VERBOSE,
    )


def _province(article: Article) -> Province | None:
    votes: Counter[str] = Counter()
    for match in _province_pattern().finditer(article.ntext):
        province = province_by_spelling(match[1])
        if province:
            weight = 3 if article.title and match.start() < len(article.title) + 40 else 1
            votes[province.name] += weight
    hinted = lexicon.mapping("news_sources.tsv").get(article.source or "")
    if hinted:
        votes[hinted] += 2
    if not votes:
        return None
    best = votes.most_common(1)[0][0]
    return province_by_spelling(best)
