"""Facts: the same figure reported by several articles, consolidated into one row.

Figures are the same fact when their place, level, period, unit and outcome are equal
and their values are equal or one is a rounded restatement of the other. A rounded value
is a qualified one ("hơn", "khoảng", "gần": not ``exact``) ending in zeros; it stands for
values within a tenth of it: "hơn 2.000 mô hình" restates 2.071 (above it), "gần 2.100"
too (below it), "khoảng 2.100" too (within half a tenth either way); "hơn 2.000" does not
swallow 2.900, nor an exact "1.990".
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from danvan_nlp.batch.sources import iso_day
from danvan_nlp.export.merged import Result, Row, key_of, span_id, stable_id

EXACT = "exact"
ROUND_SHARE = 0.1  # a round value stands for values within this share of it
ABOVE = frozenset({"more_than", "at_least"})
BELOW = frozenset({"less_than", "nearly"})
KEY_FIELDS = ("place", "place_level", "province_2025", "period_start", "period_end",
              "period_months")


@dataclass(slots=True)
class Report:
    """One figure as a report of a fact."""

    value: float
    qualifier: str
    figure_id: str
    article_id: str
    published: str | None


@dataclass(slots=True)
class Fact:
    """Reports of one fact, and the key they share."""

    key: tuple[Any, ...]
    place: str | None
    unit: str | None
    reports: list[Report] = field(default_factory=list)


def fact_rows(results: Iterable[Result]) -> list[Row]:
    """One row per fact, in the order each fact was first reported."""
    groups: dict[tuple[Any, ...], _Group] = {}
    facts: list[Fact] = []
    for result in results:
        for figure in result.get("figures") or []:
            report = _report(result, figure)
            if report is None:
                continue
            key = _key(figure)
            fact = groups.setdefault(key, _Group()).place(report, partial(_new_fact, key, figure))
            if len(fact.reports) == 1:
                facts.append(fact)
    return [_row(fact) for fact in facts]


def _new_fact(key: tuple[Any, ...], figure: dict[str, Any]) -> Fact:
    return Fact(key, figure.get("place"), figure.get("unit"))


@dataclass(slots=True)
class _Group:
    """The facts of one key, with what finding the fact a report restates needs: each
    value's first fact, and the values sorted (all, and the rounded ones) for windows."""

    facts: list[Fact] = field(default_factory=list)
    first_fact: dict[float, int] = field(default_factory=dict)
    values: list[tuple[float, int, int]] = field(default_factory=list)
    rounded: list[tuple[float, int, int]] = field(default_factory=list)

    def place(self, report: Report, new_fact: Callable[[], Fact]) -> Fact:
        """Add ``report`` to the first fact holding a report it restates, else to a new
        fact; returns that fact."""
        number = self._find(report)
        if number is None:
            number = len(self.facts)
            self.facts.append(new_fact())
        fact = self.facts[number]
        entry = (report.value, number, len(fact.reports))
        bisect.insort(self.values, entry)
        if is_rounded(report):
            bisect.insort(self.rounded, entry)
        self.first_fact.setdefault(report.value, number)
        fact.reports.append(report)
        return fact

    def _find(self, report: Report) -> int | None:
        """Equal values by lookup; a rounded value (this one, or an earlier one) only
        within a tenth either way, found by bisecting."""
        found = [self.first_fact[report.value]] if report.value in self.first_fact else []
        found += self._restated(self.rounded, report)
        if is_rounded(report):
            found += self._restated(self.values, report)
        return min(found) if found else None

    def _restated(self, entries: list[tuple[float, int, int]], report: Report) -> list[int]:
        low, high = sorted((report.value * (1 - ROUND_SHARE), report.value / (1 - ROUND_SHARE)))
        first = bisect.bisect_left(entries, (low - 1e-9,))
        last = bisect.bisect_right(entries, (high + 1e-9,))
        return [number for _, number, index in entries[first:last]
                if restates(self.facts[number].reports[index], report)]


def _key(figure: dict[str, Any]) -> tuple[Any, ...]:
    place = tuple(key_of(figure.get(name)) if name == "place" else figure.get(name)
                  for name in KEY_FIELDS)
    return (*place, key_of(figure.get("unit")), figure.get("outcome"))


def _report(result: Result, figure: dict[str, Any]) -> Report | None:
    value = figure.get("value")
    if not isinstance(value, int | float):
        return None
    return Report(float(value), str(figure.get("qualifier") or EXACT),
                  span_id(result.get("id"), figure), str(result.get("id")),
                  iso_day(result.get("published")))


def restates(first: Report, second: Report) -> bool:
    """Whether two reports give the same value, one perhaps rounding the other."""
    if first.value == second.value:
        return True
    return _rounds(first, second.value) or _rounds(second, first.value)


def is_rounded(report: Report) -> bool:
    """Whether a report gives a rounded value: qualified ("hơn", "khoảng") and round."""
    return report.qualifier != EXACT and _trailing_zeros(report.value) > 0


def _rounds(rounded: Report, value: float) -> bool:
    """Whether ``rounded`` (a round number with its qualifier) may stand for ``value``."""
    if not is_rounded(rounded):
        return False
    reach = abs(rounded.value) * ROUND_SHARE
    gap = value - rounded.value
    if rounded.qualifier in ABOVE:
        return 0 <= gap < reach
    if rounded.qualifier in BELOW:
        return -reach < gap <= 0
    return abs(gap) <= reach / 2


def _trailing_zeros(value: float) -> int:
    """How many zeros end a whole ``value`` (2.000 has 3; 2.071, 0 and 1,5 have none)."""
    if value != int(value) or value == 0:
        return 0
    whole, zeros = int(abs(value)), 0
    while whole % 10 == 0:
        whole, zeros = whole // 10, zeros + 1
    return zeros


def _row(fact: Fact) -> Row:
    reports = fact.reports
    values = [report.value for report in reports]
    exact = [report for report in reports if report.qualifier == EXACT] or reports
    days = [report.published for report in reports if report.published]
    article_ids = list(dict.fromkeys(report.article_id for report in reports))
    _, level, province, start, end, months, _, outcome = fact.key
    value = max(exact, key=_precision).value
    return {
        "fact_id": stable_id("fact", *fact.key, value), "place": fact.place,
        "place_level": level, "province_2025": province, "period_start": start,
        "period_end": end, "period_months": months, "unit": fact.unit, "outcome": outcome,
        "value": value, "value_min": min(values), "value_max": max(values),
        "values_agree": len(set(values)) == 1, "figure_count": len(reports),
        "figure_ids": [report.figure_id for report in reports],
        "article_count": len(article_ids), "article_ids": article_ids,
        "first_published": min(days) if days else None,
        "last_published": max(days) if days else None,
    }


def _precision(report: Report) -> tuple[int, str]:
    """Fewer trailing zeros is more precise (2.071 over 2.000); then the latest report."""
    return -_trailing_zeros(report.value), report.published or ""
