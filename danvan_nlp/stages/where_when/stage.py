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
from dataclasses import dataclass
from typing import TypeVar

from danvan_nlp.article import Article
from danvan_nlp.components import component
from danvan_nlp.lexicon import province_by_spelling
from danvan_nlp.normalize import normalize_str
from danvan_nlp.records import Figure, PlaceLevel
from danvan_nlp.stages.where_when.index import Ordered, Paragraphs
from danvan_nlp.stages.where_when.periods import PeriodMention, find_periods
from danvan_nlp.stages.where_when.places import (
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


@dataclass(frozen=True, slots=True)
class Mentions:
    """An article's place and period mentions, ordered for lookups by offset."""

    text: str
    places: Ordered[PlaceMention]
    periods: Ordered[PeriodMention]
    unbracketed: Ordered[PeriodMention]
    as_of: Ordered[PeriodMention]
    paragraphs: Paragraphs
    named: dict[PlaceLevel, Ordered[PlaceMention]]


@component(requires=("figures", "province", "published"),
           assigns=("figures.place", "figures.period"))
def locate_figures(article: Article) -> None:
    """Fill each figure's place, level, 2025 province and commune, period and as-of day."""
    mentions = _mentions(article)
    for figure in article.figures:
        start = bisect.bisect_left(article.norm.offsets, figure.span.start)
        end = max(start, bisect.bisect_left(article.norm.offsets, figure.span.end))
        sentence = article.sentence_at(start)
        _place(article, figure, _place_mention(mentions, (start, end), sentence))
        _period(article, figure, mentions, (start, end), sentence)


def _mentions(article: Article) -> Mentions:
    text = article.ntext
    places = find_mentions(text, _people(article))
    periods = find_periods(text, article.published)
    named = {level: Ordered([place for place in places
                             if place.level is level and place.name is not None])
             for level in PlaceLevel}
    spans = [period for period in periods if period.kind in PERIOD_KINDS and period.first]
    return Mentions(
        text, Ordered(places), Ordered(spans),
        Ordered([period for period in spans if not period.aside]),
        Ordered([period for period in periods if period.as_of]), Paragraphs.of(text), named)


def _people(article: Article) -> tuple[str, ...]:
    """The names of the article's officials, normalised, longest first."""
    names = {normalize_str(official.name) for official in article.officials if official.name}
    return tuple(sorted(names, key=len, reverse=True))


def _in_sentence_or_paragraph(found: Ordered[T], mentions: Mentions, figure: tuple[int, int],
                              sentence: tuple[int, int]) -> T | None:
    """The nearest of ``found`` in the figure's sentence, else the last earlier in its
    paragraph."""
    index = found.nearest(figure, sentence)
    if index is None:
        index = found.last_before(sentence[0], mentions.paragraphs.start_of(sentence[0]))
    return None if index is None else found.items[index]


def _place_mention(mentions: Mentions, figure: tuple[int, int], sentence: tuple[int, int]
                   ) -> tuple[PlaceMention, list[PlaceMention]] | None:
    """The mention a figure counts in, and its chain (a bare "huyện" is the district last
    named before it)."""
    nearest = _in_sentence_or_paragraph(mentions.places, mentions, figure, sentence)
    if nearest is None:
        return None
    if nearest.level in (PlaceLevel.PROVINCE, PlaceLevel.NATIONAL) and nearest.name is None:
        return nearest, [nearest]
    if nearest.name is None:
        named = mentions.named[nearest.level]
        earlier = named.last_before(nearest.start, 0)
        if earlier is None:
            return None
        nearest = named.items[earlier]
    index = bisect.bisect_left(mentions.places.starts, nearest.start)
    chain = chain_of(mentions.text, mentions.places.items, index)
    return most_specific(chain), chain


def _place(article: Article, figure: Figure,
           found: tuple[PlaceMention, list[PlaceMention]] | None) -> None:
    mention, chain = found if found else (None, [])
    level = mention.level if mention else PlaceLevel.PROVINCE
    if level is PlaceLevel.NATIONAL:
        figure.place, figure.place_level = NATION, level
        return
    written = next((item.name for item in chain
                    if item.level is PlaceLevel.PROVINCE and item.name is not None), None)
    province = province_by_spelling(_province_spelling(written or article.province))
    if mention is not None and mention.name is not None and level is not PlaceLevel.PROVINCE:
        figure.place = mention.name
    else:
        figure.place = province.name if province else written
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


def _period(article: Article, figure: Figure, mentions: Mentions,
            span: tuple[int, int], sentence: tuple[int, int]) -> None:
    index = mentions.periods.nearest(span, sentence)
    if index is None:
        index = mentions.unbracketed.last_before(
            sentence[0], mentions.paragraphs.start_of(sentence[0]))
        period = None if index is None else mentions.unbracketed.items[index]
    else:
        period = mentions.periods.items[index]
    as_of_index = mentions.as_of.nearest(span, sentence)
    figure.as_of = None if as_of_index is None else mentions.as_of.items[as_of_index].as_of
    if period is not None:
        figure.period_start, figure.period_end = period.first, period.last
        figure.period_months = period.months if period.kind == "part" else None
        return
    year = (figure.as_of or article.published or "")[:4]
    if year.isdigit():
        figure.period_start = figure.period_end = int(year)
        figure.period_inferred = figure.as_of is None
