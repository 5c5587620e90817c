"""Facts: the same figure reported by several articles, consolidated into one row.

Figures are the same fact when their place, level, period, unit and outcome are equal
and their values are equal or one is a rounded restatement of the other. A rounded value
is a qualified one ("hơn", "khoảng", "gần": not ``exact``) ending in zeros; it stands for
values within a tenth of it: "hơn 2.000 mô hình" restates 2.071 (above it), "gần 2.100"
too (below it), "khoảng 2.100" too (within half a tenth either way); "hơn 2.000" does not
swallow 2.900, nor an exact "1.990".
"""

from __future__ import annotations

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
    groups: dict[tuple[Any, ...], list[Fact]] = {}
    for result in results:
        for figure in result.get("figures") or []:
            report = _report(result, figure)
            if report is not None:
                key = _key(figure)
                new_fact = partial(Fact, key, figure.get("place"), figure.get("unit"))
                _add(groups.setdefault(key, []), report, new_fact)
    facts = [fact for group in groups.values() for fact in group]
    return [_row(fact) for fact in facts]


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


def _add(group: list[Fact], report: Report, new_fact: Callable[[], Fact]) -> None:
    """Add ``report`` to the first fact of its group it restates, else to a new fact."""
    fact = next((fact for fact in group
                 if any(restates(old, report) for old in fact.reports)), None)
    if fact is None:
        fact = new_fact()
        group.append(fact)
    fact.reports.append(report)


def restates(first: Report, second: Report) -> bool:
    """Whether two reports give the same value, one perhaps rounding the other."""
    if first.value == second.value:
        return True
    return _rounds(first, second.value) or _rounds(second, first.value)


def _rounds(rounded: Report, value: float) -> bool:
    """Whether ``rounded`` (a round number with its qualifier) may stand for ``value``."""
    if rounded.qualifier == EXACT or not _trailing_zeros(rounded.value):
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
