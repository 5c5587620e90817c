"""Clean-up of an article's paragraphs by a site's text rules.

Removes player residue and other junk lines, cuts the boilerplate that follows the
body ("Gửi cho bạn bè", "Các tin khác"...), takes the weekday date line from the top
and the bracketed original source from the end, and drops a repeated title.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from danvan_nlp.scrapers.dates import WEEKDAY_LINE, iso_date
from danvan_nlp.scrapers.sites import TextRules

HEAD_LINES = 3
_SOURCE_LINE = re.compile(
    r"""
    ^\s* [(\[] \s*                                   # an opening bracket
    (?: (?:Theo|Nguồn\s*:?) \s+ (?P<named>[^()\[\]]{2,80}?)  # "Theo Báo Cao Bằng"
      | (?P<host>(?:[\w-]+\.)+[a-z]{2,}) )              # or a bare domain
    \s* [)\]] \s*$                                    # the closing bracket ends the line
    """,
    re.VERBOSE | re.IGNORECASE,
)
_PUNCTUATION_EDGES = " .:;,-–—…!?\u00a0"


@dataclass(frozen=True, slots=True)
class CleanBody:
    """Paragraphs after clean-up, with what the rules found on the way."""

    paragraphs: list[str]
    date_line: str | None
    source: str | None


def clean_body(lines: list[str], rules: TextRules, title: str | None) -> CleanBody:
    """Apply the site's text rules to the body's paragraphs."""
    kept = _without_repeats([line for line in lines if not _is_junk(line, rules)])
    kept = _cut_at_boilerplate(kept, rules.stop_lines)
    found_date = None
    if rules.date_line:
        kept, found_date = _take_date_line(kept)
    kept = _drop_title(kept, title)
    found_source = None
    if rules.source_line:
        kept, found_source = _take_source_line(kept)
    return CleanBody(paragraphs=kept, date_line=found_date, source=found_source)


def strip_lead_prefix(text: str, rules: TextRules) -> str:
    """The lead without the paper's dateline prefix ("BBK - ...")."""
    if rules.lead_prefix is None:
        return text
    return rules.lead_prefix.sub("", text, count=1).strip()


def _is_junk(line: str, rules: TextRules) -> bool:
    return any(pattern.search(line) for pattern in rules.drop_lines)


def _without_repeats(lines: list[str]) -> list[str]:
    """Drop a paragraph that repeats the one before it (a lead printed twice...)."""
    return [line for index, line in enumerate(lines) if index == 0 or line != lines[index - 1]]


def _fold(line: str) -> str:
    return line.strip(_PUNCTUATION_EDGES).casefold()


def _cut_at_boilerplate(lines: list[str], stop_lines: tuple[str, ...]) -> list[str]:
    stops = {_fold(stop) for stop in stop_lines}
    for index, line in enumerate(lines):
        if index > 0 and _fold(line) in stops:
            return lines[:index]
    return lines


def _take_date_line(lines: list[str]) -> tuple[list[str], str | None]:
    for index, line in enumerate(lines[:HEAD_LINES]):
        match = WEEKDAY_LINE.match(line)
        if match:
            return lines[:index] + lines[index + 1:], iso_date(match["date"])
    return lines, None


def _drop_title(lines: list[str], title: str | None) -> list[str]:
    if not title:
        return lines
    folded = _fold(title)
    head = [index for index, line in enumerate(lines[:HEAD_LINES]) if _fold(line) == folded]
    return [line for index, line in enumerate(lines) if index not in head]


def _take_source_line(lines: list[str]) -> tuple[list[str], str | None]:
    if not lines:
        return lines, None
    match = _SOURCE_LINE.match(lines[-1])
    if not match or len(lines) < 2:
        return lines, None
    return lines[:-1], (match["named"] or match["host"]).strip()
