"""Periods and dates in an article: "giai đoạn 2018 - 2020", "6 tháng đầu năm 2024",
"quý II/2024", "năm 2022", "từ năm 2021 đến nay", "tính đến 30/6".

The words are data (``lang/vi/period_words.tsv``); this module finds every period
mention of a text once, with the years, months and as-of day it says.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache

from danvan_nlp import lexicon

WORDS_FILE = "period_words.tsv"
YEAR = r"(?:19|20)\d{2}(?!\d)"


@dataclass(frozen=True, slots=True)
class PeriodMention:
    """A period or date written in the text, resolved against the publication day.

    ``kind`` is ``range``, ``part`` or ``year`` (a period) or ``as_of`` (a day a count
    stands at, whose year stands for the period when the text gives no other). An
    ``aside`` stands in brackets and speaks for its own sentence only."""

    start: int
    end: int
    kind: str
    first: int | None = None
    last: int | None = None
    months: int | None = None
    as_of: str | None = None
    aside: bool = False


def _phrases(role: str) -> str:
    """The phrases of ``role`` as an alternation, any run of spaces between words."""
    phrases = [row[0] for row in lexicon.table(WORDS_FILE) if row[1] == role]
    return lexicon.alternation(phrases, space=r"\s+")


@lru_cache(maxsize=1)
def _part_months() -> dict[str, int]:
    return {" ".join(row[0].casefold().split()): int(row[2])
            for row in lexicon.table(WORDS_FILE) if row[1] == "part"}


@lru_cache(maxsize=1)
def _period_regex() -> re.Pattern[str]:
    day = r"\d{1,2}/\d{1,2}"
    return re.compile(
        _first_characters() + r"""               # (tried first: most positions fail it)
        (?<![^\W\d_])
        (?: (?:""" + _phrases("range") + r""") \s+    # RANGE: "giai đoạn", "từ năm", "từ ngày"
            (?:(?:tháng\s+)?\d{1,2}/(?:\d{1,2}/)?)?   #   maybe a day or month: "1/7/2025"
            (?P<first>""" + YEAR + r""")              #   first year
            \s* (?:[-–—]|đến|tới) \s* (?:năm\s+)?     #   a dash, "đến", "đến năm"
            (?: (?P<last>""" + YEAR + r""")           #   last year
              | (?P<now>nay|hiện\s+nay) )             #   or "nay": up to publication
          | (?: (?P<count>\d{1,2}) \s+ tháng          # PART: "6 tháng", "9 tháng đầu"
                (?:\s+(?:đầu|cuối))?
              | (?P<part>""" + _phrases("part") + r""") )  # or "quý II", "nửa đầu năm"
            (?: \s* / \s* | \s+ (?:năm\s+)? )?        #   "/2024", " năm 2024", " 2024"
            (?P<part_year>""" + YEAR + r""")?          #   its year (else the publication's)
          | (?: (?:""" + _phrases("year") + r""") \s+  # YEAR: "năm", "trong năm"
              | tháng \s+ \d{1,2} \s* / \s* )          #   or a month: "tháng 9/2019"
            (?P<year>""" + YEAR + r""")
          | (?:""" + _phrases("as_of") + r""") \s+    # AS OF: "tính đến", "tính đến ngày"
            (?P<day>""" + day + r""")                 #   day/month
            (?:/(?P<day_year>""" + YEAR + r"""))?      #   /year (else the publication's)
          | (?P<now_alone>""" + _phrases("now") + r""")  # NOW: "đến nay", "hiện có"
        )
        (?![^\W\d_])
        """,
        re.VERBOSE | re.IGNORECASE,
    )


def _first_characters() -> str:
    """A look-ahead for the characters a period mention can start with: a digit ("6 tháng"),
    the "t" of "tháng 9/2019", or the first letter of a phrase of ``period_words.tsv``. It
    never changes a match, but rejects most positions of a text in one step."""
    letters = {row[0][0] for row in lexicon.table(WORDS_FILE) if row[0]} | {"t"}
    return r"(?=[\d" + "".join(re.escape(letter) for letter in sorted(letters)) + "])"


def find_periods(text: str, published: str | None) -> list[PeriodMention]:
    """Every period mention of ``text``, in order, resolved against ``published``."""
    pub = _day(published)
    return [_aside(text, _resolve(match, pub)) for match in _period_regex().finditer(text)]


def _aside(text: str, mention: PeriodMention) -> PeriodMention:
    """The mention marked ``aside`` when it stands in brackets: "36 xã (năm 2017)"."""
    if _next_visible(text, mention.start, -1) == "(" and _next_visible(text, mention.end, 1) == ")":
        return replace(mention, aside=True)
    return mention


def _next_visible(text: str, offset: int, step: int) -> str:
    """The first character that is not a space going from ``offset`` by ``step`` (1: the
    one at ``offset`` on, -1: the one before it back; "" at the text's end). Only the
    spaces are read, not a copy of the text before or after."""
    index = offset if step == 1 else offset - 1
    while 0 <= index < len(text) and text[index].isspace():
        index += step
    return text[index] if 0 <= index < len(text) else ""


def _day(published: str | None) -> date | None:
    try:
        return date.fromisoformat(published[:10]) if published else None
    except ValueError:
        return None


def _resolve(match: re.Match[str], pub: date | None) -> PeriodMention:
    span = match.start(), match.end()
    pub_year = pub.year if pub else None
    pub_day = pub.isoformat() if pub else None
    if match["first"]:
        last = int(match["last"]) if match["last"] else pub_year
        as_of = None if match["last"] else pub_day
        return PeriodMention(*span, "range", first=int(match["first"]), last=last, as_of=as_of)
    if match["count"] or match["part"]:
        return _part(match, pub_year)
    if match["year"]:
        return PeriodMention(*span, "year", first=int(match["year"]), last=int(match["year"]))
    if match["day"]:
        return _as_of(match, pub_year)
    return PeriodMention(*span, "as_of", as_of=pub_day)


def _part(match: re.Match[str], pub_year: int | None) -> PeriodMention:
    """ "6 tháng đầu năm 2024": the year (the publication's when not given) and months."""
    months = (int(match["count"]) if match["count"]
              else _part_months()[" ".join(match["part"].casefold().split())])
    year = int(match["part_year"]) if match["part_year"] else pub_year
    if not 1 <= months <= 12:
        return PeriodMention(match.start(), match.end(), "part")
    return PeriodMention(match.start(), match.end(), "part", first=year, last=year,
                         months=months)


def _as_of(match: re.Match[str], pub_year: int | None) -> PeriodMention:
    """ "tính đến 30/6/2024": that day (the publication's year when not given)."""
    day, month = (int(part) for part in match["day"].split("/"))
    year = int(match["day_year"]) if match["day_year"] else pub_year
    try:
        as_of = date(year, month, day).isoformat() if year else None
    except ValueError:
        as_of = None
    first = year if as_of else None
    return PeriodMention(match.start(), match.end(), "as_of", first=first, last=first,
                         as_of=as_of)
