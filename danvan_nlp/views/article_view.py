"""One article with its facts highlighted (spaCy's displaCy is the model).

Every fact with a span becomes one or more ``<mark data-fact=ID>`` elements (more than
one where facts overlap: the text is cut at every span boundary and each piece is
wrapped in the marks of all facts covering it, longest outermost), so the pieces of a
fact always join to exactly its span. A tooltip (``title``) gives the fact's fields
and the rule that made it; the side panel lists the facts and links to them.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from itertools import pairwise
from typing import TYPE_CHECKING, Any

from danvan_nlp.views.page import KIND_COLOURS, KIND_NAMES, page, text

if TYPE_CHECKING:
    from danvan_nlp.article import Article

_SKIPPED_FIELDS = {"span", "sentence", "mentions", "positions", "context", "evidence"}


@dataclass(frozen=True, slots=True)
class Highlight:
    """A span of the article's text belonging to one fact."""

    fact: str
    kind: str
    start: int
    end: int
    tooltip: str


def article_html(article: Article) -> str:
    """The article as a self-contained HTML page with its facts highlighted."""
    data = article.to_dict()
    highlights = sorted(_highlights(data, len(article.text)),
                        key=lambda h: (h.start, -(h.end - h.start)))
    body = (f'<div class="text" lang="vi">{_marked_text(article.text, highlights)}</div>'
            f"<aside>{_legend()}{_panel(data)}</aside>")
    style = "".join(f"mark.k-{kind}{{background:{colour}}}"
                    for kind, colour in KIND_COLOURS.items())
    return page(data.get("title") or "danvan-nlp: article", _subtitle(data), body,
                extra_style=style)


def _subtitle(data: dict[str, Any]) -> str:
    parts = [data.get("published") or "date unknown", data.get("province") or "province unknown"]
    if data.get("url"):
        parts.append(str(data["url"]))
    counts = ", ".join(f"{len(data[key])} {key}"
                       for key in ("officials", "figures", "documents", "models"))
    return " · ".join([*parts, counts])


def _highlights(data: dict[str, Any], length: int) -> Iterator[Highlight]:
    """Every span of every fact, with its fact id and tooltip."""
    for number, official in enumerate(data["officials"], start=1):
        tip = _tooltip("official", official)
        for span in official["mentions"]:
            yield from _spanned(f"o{number}", "official", span, tip, length)
        for index, position in enumerate(official["positions"], start=1):
            yield from _spanned(f"o{number}p{index}", "position", position["span"],
                                _tooltip("position", position), length)
    for key, kind, prefix in (("figures", "figure", "f"), ("documents", "document", "d"),
                              ("models", "model", "m")):
        for number, fact in enumerate(data[key], start=1):
            yield from _spanned(f"{prefix}{number}", kind, fact["span"], _tooltip(kind, fact),
                                length)


def _spanned(fact: str, kind: str, span: dict[str, Any], tip: str, length: int
             ) -> Iterator[Highlight]:
    start, end = int(span["start"]), int(span["end"])
    if 0 <= start < end <= length:
        yield Highlight(fact, kind, start, end, tip)


def _tooltip(kind: str, fact: dict[str, Any]) -> str:
    lines = [KIND_NAMES[kind]]
    for name, value in fact.items():
        if name in _SKIPPED_FIELDS or value in (None, [], ""):
            continue
        shown = ", ".join(map(str, value)) if isinstance(value, list) else value
        lines.append(f"{name}: {shown}")
    if kind == "official":
        lines.insert(2, "positions: " + "; ".join(p["normalized"] for p in fact["positions"]))
    return "\n".join(lines)


def _marked_text(source: str, highlights: list[Highlight]) -> str:
    """The text cut at every span boundary, each piece inside the marks covering it."""
    cuts = sorted({0, len(source), *(h.start for h in highlights), *(h.end for h in highlights)})
    out: list[str] = []
    pending = 0
    active: list[Highlight] = []
    seen: set[str] = set()
    for left, right in pairwise(cuts):
        while pending < len(highlights) and highlights[pending].start <= left:
            active.append(highlights[pending])
            pending += 1
        active = [h for h in active if h.end > left]
        out.append(_wrapped(source[left:right], active, seen))
    return "".join(out)


def _wrapped(piece: str, covering: list[Highlight], seen: set[str]) -> str:
    html = text(piece)
    for highlight in sorted(covering, key=lambda h: h.end - h.start):
        anchor = ""
        if highlight.fact not in seen:
            seen.add(highlight.fact)
            anchor = f' id="fact-{highlight.fact}"'
        html = (f'<mark class="k-{highlight.kind}" data-fact="{highlight.fact}"{anchor} '
                f'title="{text(highlight.tooltip)}">{html}</mark>')
    return html


def _legend() -> str:
    items = "".join(f'<span class="k-{kind}" style="background:{colour}">{KIND_NAMES[kind]}</span>'
                    for kind, colour in KIND_COLOURS.items())
    return f'<div class="legend">{items}</div>'


def _link(fact: str, label: str) -> str:
    return f'<a href="#fact-{fact}" data-goto="{fact}">{text(label)}</a>'


def _panel(data: dict[str, Any]) -> str:
    sections = [
        ("Officials", [_link(f"o{n}", o["name"]) + " — " + text("; ".join(
            _position_label(p) for p in o["positions"]))
            for n, o in enumerate(data["officials"], start=1)]),
        ("Figures", [_link(f"f{n}", _figure_label(f))
                     for n, f in enumerate(data["figures"], start=1)]),
        ("Documents", [_link(f"d{n}", " ".join(filter(None, (d["kind"], d["code"], d.get("date")))))
                       for n, d in enumerate(data["documents"], start=1)]),
        ("Models", [_link(f"m{n}", m["title"]) + text(f" — {m.get('domain') or '?'}")
                    for n, m in enumerate(data["models"], start=1)]),
    ]
    return "".join(f"<h2>{name} ({len(items)})</h2>" + (
        "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>" if items
        else '<p class="empty">none found</p>') for name, items in sections)


def _position_label(position: dict[str, Any]) -> str:
    status = position.get("status")
    label = str(position["normalized"])
    return f"{label} ({status})" if status and status != "current" else label


def _figure_label(figure: dict[str, Any]) -> str:
    upper = f"–{_number(figure['value_max'])}" if figure.get("value_max") is not None else ""
    return (f"{_number(figure['value'])}{upper} {figure['unit']} · {figure['qualifier']} · "
            f"{figure['outcome']}")


def _number(value: float) -> str:
    """``2,700`` for a whole number, ``1.5`` for a decimal one."""
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,}"
