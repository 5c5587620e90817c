"""Where and when each figure counts: its place, the place's level and 2025 units, its years.

Runs after the figures stage and reads only the figures' spans and the article.

- **Place**: the nearest place mention before the figure in its sentence ("huyện Chợ Đồn
  vừa công nhận 123 mô hình" is Chợ Đồn, a district), else the first after it, else the last
  earlier in its paragraph; a chain ("thôn A, xã B, huyện C") gives its most specific unit;
  "toàn tỉnh" is the article's province, a bare "huyện" the district last named; no mention
  means the article's province.
- **Period**: the nearest period of the sentence ("giai đoạn 2018 - 2020", "6 tháng đầu năm
  2024", "năm 2022"), else the last one earlier in the paragraph, else the year of an as-of
  day, else the publication year with ``period_inferred``.
- **As of**: "tính đến 30/6/2024", or the publication day for "đến nay", "hiện có".
"""

from __future__ import annotations

import bisect
from typing import TypeVar

from danvan_nlp.article import Article
from danvan_nlp.normalize import normalize_str
from danvan_nlp.records import Figure, PlaceLevel
from danvan_nlp.stages.meta import province_by_spelling
from danvan_nlp.stages.where_when_periods import PeriodMention, find_periods
from danvan_nlp.stages.where_when_places import (
    PlaceMention,
    chain_of,
    communes_2025,
    find_mentions,
    most_specific,
)

NATION = "Việt Nam"
REFORM_DAY = "2025-07-01"  # communes are the new ones in articles from this day on
PERIOD_KINDS = ("range", "part", "year")
T = TypeVar("T", PlaceMention, PeriodMention)


def locate_figures(article: Article) -> None:
    """Fill each figure's place, level, 2025 province and commune, period and as-of day."""
    text = article.ntext
    places = find_mentions(text, _people(article))
    periods = find_periods(text, article.published)
    for figure in article.figures:
        start = bisect.bisect_left(article.norm.offsets, figure.span.start)
        end = start + len(figure.span.text)
        sentence = article.sentence_at(start)
        _place(article, figure, _place_mention(text, places, (start, end), sentence))
        _period(article, figure, periods, (start, end), sentence)


def _people(article: Article) -> tuple[str, ...]:
    """The names of the article's officials, normalised, longest first."""
    names = {normalize_str(official.name) for official in article.officials if official.name}
    return tuple(sorted(names, key=len, reverse=True))


def _nearest(found: list[T], figure: tuple[int, int], sentence: tuple[int, int]) -> T | None:
    """The last of ``found`` before the figure in its sentence, else the first after it."""
    before = [item for item in found if sentence[0] <= item.start and item.end <= figure[0]]
    if before:
        return before[-1]
    after = [item for item in found if figure[1] <= item.start and item.end <= sentence[1]]
    return after[0] if after else None


def _place_mention(
    text: str, places: list[PlaceMention], figure: tuple[int, int], sentence: tuple[int, int]
) -> tuple[PlaceMention, list[PlaceMention]] | None:
    """The mention a figure counts in, and its chain (with earlier mentions for bare ones):
    the nearest of its sentence, else the last earlier in its paragraph."""
    nearest = _nearest(places, figure, sentence) or _last_in_paragraph(text, places, sentence)
    if nearest is None:
        return None
    index = places.index(nearest)
    if nearest.name is not None:
        chain = chain_of(text, places, index)
        return most_specific(chain), chain
    earlier = [place for place in places[:index]
               if place.level is nearest.level and place.name is not None]
    if nearest.level in (PlaceLevel.PROVINCE, PlaceLevel.NATIONAL):
        return nearest, [nearest]
    if not earlier:
        return None
    named = places.index(earlier[-1])
    return earlier[-1], chain_of(text, places, named)


def _last_in_paragraph(text: str, found: list[T], sentence: tuple[int, int]) -> T | None:
    """The last of ``found`` in the sentence's paragraph before the sentence."""
    paragraph_start = text.rfind("\n", 0, sentence[0]) + 1
    before = [item for item in found if paragraph_start <= item.start and item.end <= sentence[0]]
    return before[-1] if before else None


def _place(article: Article, figure: Figure,
           found: tuple[PlaceMention, list[PlaceMention]] | None) -> None:
    mention, chain = found if found else (None, [])
    level = mention.level if mention else PlaceLevel.PROVINCE
    if level is PlaceLevel.NATIONAL:
        figure.place, figure.place_level = NATION, level
        return
    province_names = [item.name for item in chain if item.level is PlaceLevel.PROVINCE]
    province = province_by_spelling(_province_spelling(province_names[0])) if province_names \
        else province_by_spelling(article.province or "")
    if mention is None or mention.name is None or level is PlaceLevel.PROVINCE:
        figure.place = province.name if province else (province_names or [None])[0]
    else:
        figure.place = mention.name
    figure.place_level = level if figure.place else None
    figure.province_2025 = province.province_2025 if province else None
    if province and (article.published or "") >= REFORM_DAY:
        figure.commune_2025 = _commune_2025(province.province_2025, chain)


def _province_spelling(name: str | None) -> str:
    """A province's spelling as listed: "Hồ Chí Minh" is "Thành phố Hồ Chí Minh"."""
    spelling = name or ""
    if province_by_spelling(spelling) is None and province_by_spelling(f"Thành phố {spelling}"):
        return f"Thành phố {spelling}"
    return spelling


def _commune_2025(province_2025: str, chain: list[PlaceMention]) -> str | None:
    """The 2025 commune of the chain's commune, when the list has one of its name and type."""
    for mention in chain:
        if mention.level is PlaceLevel.COMMUNE and mention.name:
            commune = communes_2025().get((province_2025, mention.name.casefold()))
            if commune and commune.split()[0].casefold() == mention.word.split()[0].casefold():
                return commune
    return None


def _period(article: Article, figure: Figure, periods: list[PeriodMention],
            span: tuple[int, int], sentence: tuple[int, int]) -> None:
    period = _nearest([p for p in periods if p.kind in PERIOD_KINDS and p.first], span, sentence)
    period = period or _last_in_paragraph(
        article.ntext, [p for p in periods if p.kind in PERIOD_KINDS and p.first], sentence)
    as_of = _nearest([p for p in periods if p.as_of], span, sentence)
    figure.as_of = as_of.as_of if as_of else None
    if period is not None:
        figure.period_start, figure.period_end = period.first, period.last
        figure.period_months = period.months if period.kind == "part" else None
        return
    year = (figure.as_of or article.published or "")[:4]
    if year.isdigit():
        figure.period_start = figure.period_end = int(year)
        figure.period_inferred = figure.as_of is None
