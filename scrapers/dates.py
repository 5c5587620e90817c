"""Dates as Vietnamese news pages and feeds write them, turned into ISO dates.

Times with a zone are moved to Vietnam's time (UTC+7) before the day is taken, so a
feed's "Mon, 22 Jul 2024 18:00:00 GMT" is the 23rd, as the paper printed it.
"""

from __future__ import annotations

import email.utils
import re
from datetime import date, datetime, timedelta, timezone

VIETNAM = timezone(timedelta(hours=7))

_ISO = re.compile(
    r"""
    (?P<year>\d{4}) - (?P<month>\d{1,2}) - (?P<day>\d{1,2})   # 2024-07-23
    (?: [T\s] (?P<time>\d{1,2}:\d{2}(?::\d{2})?(?:\.\d+)?)     # optional time
        \s* (?P<zone>Z|[+-]\d{2}:?\d{2})? )?                  # optional zone
    """,
    re.VERBOSE,
)
_DAY_FIRST = re.compile(
    r"""
    (?<!\d)(?P<day>\d{1,2})      # 23
    \s*[/.-]\s*(?P<month>\d{1,2}) # /7
    \s*[/.-]\s*(?P<year>\d{4})    # /2024
    (?!\d)
    """,
    re.VERBOSE,
)
_WORDS = re.compile(
    r"""
    ngày \s+ (?P<day>\d{1,2}) \s+   # ngày 23
    tháng \s+ (?P<month>\d{1,2}) \s+ # tháng 7
    năm \s+ (?P<year>\d{4})          # năm 2024
    """,
    re.VERBOSE | re.IGNORECASE,
)
_RFC822_START = re.compile(
    r"""
    [A-Za-z]{3} ,?   # an English weekday, "Tue,"
    \s+ \d          # then the day of the month
    """,
    re.VERBOSE,
)
WEEKDAY_LINE = re.compile(
    r"""
    ^\s* (?:Thứ\s+(?:Hai|Ba|Tư|Năm|Sáu|Bảy|[2-7])|Chủ\s+nhật|CN)  # the weekday
    \s*(?:[,-]\s*)?                                               # a comma or dash
    (?P<date>\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{4})                    # 23/7/2024
    (?:\s*(?:[,|-]\s*)?\d{1,2}:\d{2}(?:\s*(?:SA|CH|AM|PM))?)?      # an optional time
    \s*$
    """,
    re.VERBOSE | re.IGNORECASE,
)


def parse_date(value: str | None) -> date | None:
    """The calendar date in a string (ISO, RFC 822, day/month/year, 'ngày .. tháng ..')."""
    if not value or not value.strip():
        return None
    value = value.strip()
    for reader in (_from_iso, _from_rfc822, _from_day_first):
        found = reader(value)
        if found is not None:
            return found
    return None


def iso_date(value: str | None) -> str | None:
    """:func:`parse_date` as 'YYYY-MM-DD' (None when there is no date)."""
    found = parse_date(value)
    return found.isoformat() if found else None


def _from_iso(value: str) -> date | None:
    match = _ISO.search(value)
    if not match:
        return None
    day = _safe_date(match["year"], match["month"], match["day"])
    if day is None or not match["time"] or not match["zone"]:
        return day
    stamp = f"{day.isoformat()}T{match['time']}{match['zone'].replace('Z', '+00:00')}"
    try:
        return datetime.fromisoformat(stamp).astimezone(VIETNAM).date()
    except ValueError:
        return day


def _from_rfc822(value: str) -> date | None:
    if not _RFC822_START.match(value):
        return None
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return when.astimezone(VIETNAM).date() if when.tzinfo else when.date()


def _from_day_first(value: str) -> date | None:
    match = _DAY_FIRST.search(value) or _WORDS.search(value)
    return _safe_date(match["year"], match["month"], match["day"]) if match else None


def _safe_date(year: str, month: str, day: str) -> date | None:
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        return None
