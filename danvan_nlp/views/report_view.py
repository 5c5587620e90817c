"""A report of a batch result: charts of figures, model domains, documents and officials.

Each chart is inline SVG with its table beside it (the numbers a chart shows, for people
who read tables and for screen readers). Counts are of facts as extracted, one article at
a time: the same fact told by two articles counts twice (``danvan export facts``
consolidates them).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from typing import Any

from danvan_nlp.views.page import page, text
from danvan_nlp.views.svg import StackedBars, stacked_bars_svg

OUTCOMES = ("registered", "implemented", "recognized", "commended", "mobilized", "other")
TOP_ROWS = 15
UNKNOWN = "(unknown)"


def report_html(results: Iterable[dict[str, Any]], title: str = "danvan-nlp report") -> str:
    """The report page for the extracted articles among ``results`` (batch result lines)."""
    articles = [r for r in results if "error" not in r]
    if not articles:
        return page(title, "no extracted articles in this result",
                    '<p class="empty">Nothing to show: the result holds no extracted article.</p>')
    blocks = [
        _block("Figures by province and outcome", _figures_by(articles, _province)),
        _block("Figures by year and outcome", _figures_by(articles, _year)),
        _block("Model domains by province", _domains_by_province(articles)),
        _block("Most cited documents (articles citing)", _documents(articles)),
        _officials_block(articles),
    ]
    subtitle = (f"{len(articles)} articles · "
                f"{sum(len(a['figures']) for a in articles)} figures · "
                f"{sum(len(a['models']) for a in articles)} models")
    return page(title, subtitle, "".join(blocks))


def _province(article: dict[str, Any]) -> str:
    return str(article.get("province") or UNKNOWN)


def _year(article: dict[str, Any]) -> str:
    published = article.get("published")
    return str(published)[:4] if published else UNKNOWN


def _figures_by(articles: list[dict[str, Any]], key: Any) -> StackedBars:
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for article in articles:
        for figure in article["figures"]:
            counts[key(article)][figure["outcome"]] += 1
    rows = sorted(counts, key=lambda row: (-sum(counts[row].values()), row))[:TOP_ROWS]
    if key is _year:
        rows = sorted(rows)
    return StackedBars("figures", rows, list(OUTCOMES),
                       [[float(counts[row][o]) for o in OUTCOMES] for row in rows])


def _domains_by_province(articles: list[dict[str, Any]]) -> StackedBars:
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for article in articles:
        for model in article["models"]:
            counts[_province(article)][model.get("domain") or UNKNOWN] += 1
    domains = sorted({d for counter in counts.values() for d in counter})
    rows = sorted(counts, key=lambda row: (-sum(counts[row].values()), row))[:TOP_ROWS]
    return StackedBars("models", rows, domains,
                       [[float(counts[row][d]) for d in domains] for row in rows])


def _documents(articles: list[dict[str, Any]]) -> StackedBars:
    citing: Counter[str] = Counter()
    for article in articles:
        names = {" ".join(filter(None, (d["kind"], d["code"]))) for d in article["documents"]}
        citing.update(names)
    top = citing.most_common(TOP_ROWS)
    return StackedBars("documents", [name for name, _ in top], ["articles"],
                       [[float(count)] for _, count in top])


def _block(heading: str, chart: StackedBars) -> str:
    if not chart.rows:
        return (f'<section class="block"><h2>{text(heading)}</h2>'
                '<p class="empty">none found</p></section>')
    header = "".join(f"<th>{text(s)}</th>" for s in chart.series)
    rows = "".join(
        f"<tr><td>{text(row)}</td>" + "".join(f'<td class="n">{v:g}</td>' for v in values)
        + "</tr>" for row, values in zip(chart.rows, chart.values, strict=True))
    table = (f'<div class="table-wrap"><table><thead><tr><th></th>{header}</tr></thead>'
             f"<tbody>{rows}</tbody></table></div>")
    return (f'<section class="block"><h2>{text(heading)}</h2>'
            f"<figure>{stacked_bars_svg(chart)}</figure>{table}</section>")


def _officials_block(articles: list[dict[str, Any]]) -> str:
    seen: dict[tuple[str, str], set[str]] = defaultdict(set)
    posts: dict[tuple[str, str], str] = {}
    for number, article in enumerate(articles):
        for official in article["officials"]:
            key = (official["name"], _province(article))
            seen[key].add(str(article.get("id", number)))
            posts.setdefault(key, "; ".join(p["normalized"] for p in official["positions"]))
    ranked = sorted(seen, key=lambda k: (-len(seen[k]), k))[:30]
    rows = "".join(f"<tr><td>{text(name)}</td><td>{text(posts[key])}</td>"
                   f'<td>{text(province)}</td><td class="n">{len(seen[key])}</td></tr>'
                   for key in ranked for name, province in [key])
    return (f'<section class="block"><h2>Officials seen ({len(seen)})</h2>'
            '<div class="table-wrap"><table><thead><tr><th>name</th><th>positions</th>'
            f"<th>province</th><th>articles</th></tr></thead><tbody>{rows}</tbody></table></div>"
            "</section>")
