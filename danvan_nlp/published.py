"""The publication date: from the page's own date line or the url, never from the body.

Candidates, strongest first (:class:`Evidence`):

1. ``URL``: a date in the article's url ("/2024/07/23/", "-2024-07-23"), or an ISO date
   opening the text (a stored copy's "date 2025-10-15" marker).
2. ``CUED``: a date after a publishing cue ("Cập nhật lúc 07:35, 04/12/2023",
   "Đăng ngày: 24/07/2025"), in the head of the page.
3. ``DATE_LINE``: a head line holding only a date and a clock ("17/11/2025 | 08:42"),
   or a short byline closed by one ("M.Hà - 20:21, 06/01/2025").
4. ``WEEKDAY_LINE``: a head line holding only a weekday and a date ("Thứ Ba, 23/7/2024"),
   or a listing's headline closed by its day in brackets ("... làm đường (18/09/2017)").
   Sites also print today's date that way in their banner, so this candidate loses to
   any stronger one that disagrees, and to the lead's own event date ("Sáng 11/10").

Dates inside sentences (cited documents, anniversaries "(15/10/1930 - 15/10/2025)",
events) are never candidates. When the evidence disagrees the strongest wins and a
warning says so; when nothing reliable is left the date is ``None`` with a warning.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from enum import Enum
from functools import lru_cache

from danvan_nlp import lexicon

_HEAD_CHARS = 1500
_LEAD_CHARS = 900
_EVENT_LAG = timedelta(days=60)  # an article reports an event at most this long after it
_DATE = r"""
    (?<!\d)(?P<day>\d{1,2})          # day, one or two digits
    (?P<sep>\s?[/.-]\s?)             # "/", "." or "-", spaced on some sites ("17 - 05 - 2024")
    (?P<month>\d{1,2})               # month
    (?P=sep)(?P<year>(?:19|20)\d{2}) # four-digit year, after the same separator
    (?!\d)
"""
_URL_DATE = re.compile(
    r"""
    (?<!\d)(?P<year>20\d{2})        # year
    (?P<sep>[/_-]?)                 # "/" "-" "_" or nothing ("20240723")
    (?P<month>[01]\d)               # two-digit month
    (?P=sep)(?P<day>[0-3]\d)        # two-digit day, same separator
    (?!\d)
    """,
    re.VERBOSE,
)
_URL_STAMP = re.compile(
    r"""
    (?<!\d)(?P<year>20\d{2})        # a time stamp in the url ("-20220904211502.htm"): year,
    (?P<month>[01]\d)(?P<day>[0-3]\d)  # month and day,
    [0-2]\d[0-5]\d[0-5]\d           # then hours, minutes and seconds
    (?!\d)
    """,
    re.VERBOSE,
)
_ISO_OPENING = re.compile(
    r"""
    \A\s*(?:date\s*:?\s*)?          # a stored copy's date marker opening the text
    (?P<year>(?:19|20)\d{2})        # "2025-10-15": year,
    -(?P<month>\d{2})-(?P<day>\d{2})  # month and day (a month alone is not enough)
    (?![\d-])
    """,
    re.VERBOSE | re.IGNORECASE,
)
_EVENT = re.compile(
    r"""
    \b(?:Sáng|Chiều|Tối|Trưa|Đêm|Ngày)  # "Sáng", "Ngày" opening a sentence (not "ngày"
                                        # after a cited document) ...
    \s+(?:(?:ngày|hôm)\s+)?                               # ... "ngày" ...
    (?P<day>\d{1,2})[/.-](?P<month>\d{1,2})  # ... day and month
    (?![/.-]?\d)                             # no year after them
    """,
    re.VERBOSE,
)


class Evidence(int, Enum):
    """Where a candidate date was read; a lower value is stronger evidence."""

    URL = 1
    CUED = 2
    DATE_LINE = 3
    WEEKDAY_LINE = 4


@dataclass(frozen=True, slots=True)
class Candidate:
    """One date the page offers as its publication date."""

    day: date
    evidence: Evidence
    offset: int  # where it was read in the text (-1: the url)


@lru_cache(maxsize=1)
def _cues() -> tuple[tuple[str, ...], dict[str, int]]:
    """Publishing cues, and weekday names with their weekday number (``date_line_cues.tsv``)."""
    rows = lexicon.table("date_line_cues.tsv")
    cues = tuple(row[0] for row in rows if row[1] == "cue")
    weekdays = {row[0].lower(): int(row[1].split()[1]) for row in rows
                if row[1].startswith("weekday")}
    return cues, weekdays


@lru_cache(maxsize=1)
def _banner_pattern() -> re.Pattern[str]:
    """Words opening the contact lines of a site's banner (``date_line_cues.tsv``)."""
    words = [row[0] for row in lexicon.table("date_line_cues.tsv") if row[1] == "banner"]
    return re.compile(
        r"""
        (?:""" + lexicon.alternation(words) + r""")  # a contact word of the banner ("Hotline")
        \s*:                                         # then its colon
        """,
        re.VERBOSE | re.IGNORECASE,
    )


@lru_cache(maxsize=1)
def _line_pattern() -> re.Pattern[str]:
    cues, weekdays = _cues()
    return re.compile(
        r"""
        ^\W*                                                # bullets, pipes
        (?:(?P<cue>""" + lexicon.alternation(cues) + r""")\s*:?\s*)?  # "Cập nhật lúc"
        (?:\d{1,2}[:h]\d{2}(?::\d{2})?\s*[-|,]\s*(?=\D))?    # a clock first ("06:00:00 - Thứ Hai")
        (?:(?P<weekday>""" + lexicon.alternation(list(weekdays)) + r""")\s*[,-]?\s*)?
        (?:ngày\s*)?                                        # "Thứ Bảy, ngày 20/04/2024"
        (?:\d{1,2}[:h]\d{2}\s*[,|-]?\s*(?:ngày\s*)?)?       # a clock before the date
        """ + _DATE + r"""
        (?:\s*[,|-]?\s*(?:lúc\s*)?                          # then a clock ...
           (?P<clock>\d{1,2}[:h]\d{2}(?::\d{2})?)'?        # ... "08:42", "8h15", "14:46'"
           (?:\s?[AaPp][Mm])?)?                             # ... "10:35:12 AM"
        (?(clock)(?:\s+\d{1,7})?)                         # a view counter after it ("14:33 1670")
        \s*(?:[([]?GMT\s*\+\s*0?7(?::00)?[)\]]?)?          # a time zone: "(GMT+7)", "[GMT+7]"
        \W*$
        """,
        re.VERBOSE | re.IGNORECASE,
    )


@lru_cache(maxsize=1)
def _cued_pattern() -> re.Pattern[str]:
    cues, _ = _cues()
    return re.compile(
        r"""
        (?:""" + lexicon.alternation(cues) + r""")      # "Đăng ngày", "Cập nhật lúc"
        \s*:?\s*(?:\d{1,2}[:h]\d{2}\s*,?\s*)?           # an optional clock
        """ + _DATE,
        re.VERBOSE | re.IGNORECASE,
    )


_FRAMED_CHARS = 50  # a stamp line with its buttons ("Print", "Gốc") is short
_WORD_START = re.compile(r"(?<!\w)\w")  # the first letter of a word: where a stamp may start
_FRAME_END = re.compile(r"(?<=\d)\s+[^\W\d]{1,6}\W*$")  # a short label after the clock
_BYLINE_CHARS = 60  # a byline before a date stamp is short: author names or a source


@lru_cache(maxsize=1)
def _stamp_ending_pattern() -> re.Pattern[str]:
    """A clock and a date closing a short byline line ("M.Hà - 20:21, 06/01/2025")."""
    return re.compile(
        r"""
        \s[-|–]\s                                   # the byline's separator
        (?:(?P<clock>\d{1,2}[:h]\d{2})\s*[,|-]?\s*)? # a clock before the date ...
        """ + _DATE + r"""
        (?(clock)|\s*[,|-]?\s*\d{1,2}[:h]\d{2})      # ... or after it: one is required
        \W*$
        """,
        re.VERBOSE,
    )


def _to_date(year: str, month: str, day: str) -> date | None:
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        return None


def candidates(text: str, url: str | None) -> tuple[list[Candidate], list[str]]:
    """Every candidate date of the page, and a note for each date line thrown out."""
    found: list[Candidate] = []
    notes: list[str] = []
    if url:
        found += [Candidate(day, Evidence.URL, -1)
                  for m in (*_URL_DATE.finditer(url), *_URL_STAMP.finditer(url))
                  if (day := _to_date(m["year"], m["month"], m["day"]))][:1]
    opening = _ISO_OPENING.match(text)
    if opening and (day := _to_date(opening["year"], opening["month"], opening["day"])):
        found.append(Candidate(day, Evidence.URL, opening.start("year")))
    offset = 0
    lines = text[:_HEAD_CHARS].splitlines(keepends=True)
    headline = next((index for index, line in enumerate(lines) if line.strip()), -1)
    for index, line in enumerate(lines):
        dated = _line_candidates(line, offset, notes) or (
            _headline_date(line, offset) if index == headline else [])
        if dated and _opens_site_banner(lines, index):
            notes.append(f"published: {line.strip()!r} opens the site's banner; not a date line")
        else:
            found += dated
        offset += len(line)
    return found, notes


_HEADLINE_DATE = re.compile(
    r"""
    \((?P<day>\d{1,2})/(?P<month>\d{1,2})/(?P<year>(?:19|20)\d{2})\)  # "(18/09/2017)"
    \s*$                                                          # closing the headline
    """,
    re.VERBOSE,
)


def _headline_date(headline: str, offset: int) -> list[Candidate]:
    """A listing's headline closed by its day in brackets ("Xóm ... làm đường (18/09/2017)").

    As weak as a weekday line: an event may be dated so too, so stronger evidence or the
    lead's own event date wins over it."""
    match = _HEADLINE_DATE.search(headline.rstrip())
    day = _to_date(match["year"], match["month"], match["day"]) if match else None
    return [Candidate(day, Evidence.WEEKDAY_LINE, offset + match.start())] if match and day else []


def _opens_site_banner(lines: list[str], index: int) -> bool:
    """True when the next non-empty line is banner furniture ("Hotline:", "Email:", a
    weather box's temperatures).

    Sites print today's date beside their contact lines; that is the day the page was
    fetched, not the day it was published.
    """
    following = next((line.strip() for line in lines[index + 1:] if line.strip()), "")
    return _banner_pattern().match(following) is not None \
        or _WEATHER_BOX.fullmatch(following) is not None


_WEATHER_BOX = re.compile(
    r"""
    \D{0,30}?                        # the place, perhaps "weather" ("Đà Lạt", "Huế weather")
    \d{1,2}\s?°\s?C?                 # the low: "14°"
    \s*[-–]\s*                        # a dash
    \d{1,2}\s?°\s?C?                 # the high: "22°C": a line of its own, not a lead's "39°C"
    """,
    re.VERBOSE,
)


def _line_candidates(line: str, offset: int, notes: list[str]) -> list[Candidate]:
    whole = _line_pattern().match(line.strip()) or _framed_stamp(line)
    if whole is None:
        return _byline_stamp(line, offset) or [
            Candidate(day, Evidence.CUED, offset + m.start())
            for m in _cued_pattern().finditer(line)
            if (day := _to_date(m["year"], m["month"], m["day"]))]
    day = _to_date(whole["year"], whole["month"], whole["day"])
    if day is None:
        return []
    if whole["weekday"] and _cues()[1][whole["weekday"].lower()] != day.weekday():
        notes.append(f"published: date line {line.strip()!r}: the weekday does not match "
                     "the date")
        return []
    evidence = (Evidence.CUED if whole["cue"] else Evidence.DATE_LINE
                if whole["clock"] or not whole["weekday"] else Evidence.WEEKDAY_LINE)
    return [Candidate(day, evidence, offset)]


def _framed_stamp(line: str) -> re.Match[str] | None:
    """A weekday, date and clock framed by button labels ("In Thứ Tư, 15/01/2020 08:22 Gốc").

    A weekday, a date and a clock together are a page's stamp, so short words around them
    (the page's buttons) do not make the line a sentence.
    """
    stripped = line.strip()
    if len(stripped) > _FRAMED_CHARS:
        return None
    for start in (m.start() for m in _WORD_START.finditer(stripped)):
        whole = _line_pattern().match(_FRAME_END.sub("", stripped[start:]))
        if whole and whole["weekday"] and whole["clock"]:
            return whole
    return None


def _byline_stamp(line: str, offset: int) -> list[Candidate]:
    """The date stamp closing a byline: as strong as a date line, since it carries a clock."""
    stamp = _stamp_ending_pattern().search(line.rstrip())
    if stamp is None or len(line[:stamp.start()].strip()) > _BYLINE_CHARS:
        return []
    day = _to_date(stamp["year"], stamp["month"], stamp["day"])
    return [Candidate(day, Evidence.DATE_LINE, offset + stamp.start())] if day else []


def lead_event(text: str, after: int) -> tuple[int, int] | None:
    """(day, month) of the first event the lead dates without a year ("Sáng 11/10, ...")."""
    match = _EVENT.search(text, max(after, 0), max(after, 0) + _LEAD_CHARS)
    if match is None:
        return None
    day, month = int(match["day"]), int(match["month"])
    return (day, month) if 1 <= day <= 31 and 1 <= month <= 12 else None


def agrees_with_event(day: date, event: tuple[int, int] | None) -> bool:
    """True unless the lead's event falls after ``day`` or long before it."""
    if event is None:
        return True
    for year in (day.year, day.year - 1):
        happened = _to_date(str(year), str(event[1]), str(event[0]))
        if happened is not None and timedelta(0) <= day - happened <= _EVENT_LAG:
            return True
    return False


def published_date(text: str, url: str | None) -> tuple[str | None, list[str]]:
    """The publication date (ISO) or None, and warnings whenever the choice was uncertain."""
    found, warnings = candidates(text, url)
    if not found:
        return None, [*warnings, "published: no date line or url date; left empty"]
    best = min(found, key=lambda c: (c.evidence, c.offset))
    others = sorted({c.day for c in found if c.day != best.day})
    if others:
        warnings.append(f"published: {best.day.isoformat()} from the {best.evidence.name.lower()}"
                        f" over {', '.join(d.isoformat() for d in others)}")
    if not agrees_with_event(best.day, lead_event(text, best.offset)):
        if best.evidence is Evidence.WEEKDAY_LINE:
            return None, [*warnings, f"published: the weekday line {best.day.isoformat()} "
                                     "disagrees with the lead's event date; left empty"]
        warnings.append(f"published: {best.day.isoformat()} disagrees with the lead's event date")
    return best.day.isoformat(), warnings
