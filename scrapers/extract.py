"""HTML page -> article (title, lead, text, date, author, source) by a site definition.

Each field is read with the site's selectors, first match wins; a field no selector
finds falls back to trafilatura (text, title, author) or htmldate (date). A page whose
HTML body is empty may keep the article as JSON in a script element (the definition's
``embedded`` group, :mod:`danvan_nlp.scrapers.embedded`), read before the fallbacks. The text
the archive keeps is the title, the lead (without the paper's dateline) and the body's
paragraphs, separated by blank lines, in NFC: the shape of the texts the extractor reads
(it takes the title, and weighs the province, from the text's first lines).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

import trafilatura
from htmldate.core import find_date

from danvan_nlp.scrapers.cleanup import clean_body, strip_lead_prefix
from danvan_nlp.scrapers.dates import iso_date
from danvan_nlp.scrapers.embedded import embedded_fields
from danvan_nlp.scrapers.htmltext import Element, drop_elements, first_value, parse_html, select
from danvan_nlp.scrapers.htmltext import paragraphs as element_paragraphs
from danvan_nlp.scrapers.sites import SiteDefinition

META_FIELDS = ("title", "lead", "date", "author")
TRAFILATURA = "fallback:trafilatura"
HTMLDATE = "fallback:htmldate"
EMBEDDED = "embedded:json"
MIN_BODY_CHARS = 80


@dataclass(slots=True)
class ExtractedArticle:
    """What one page yields; ``how`` says which rule gave each field."""

    title: str | None = None
    lead: str | None = None
    text: str | None = None
    published: str | None = None
    author: str | None = None
    source: str | None = None
    how: dict[str, str] = field(default_factory=dict)


def extract_article(html: str, url: str, site: SiteDefinition,
                    *, fallbacks: bool = True) -> ExtractedArticle:
    """Extract the article on one page; fields nothing finds stay None."""
    tree = parse_html(html)
    article = ExtractedArticle()
    values = {name: _from_selectors(tree, site, name, article) for name in META_FIELDS}
    embedded = embedded_fields(tree, site.embedded, site.drop) if site.embedded else None
    drop_elements(tree, site.drop)
    body_lines = _body_from_selectors(tree, site, article)
    if body_lines is None and embedded:
        body_lines = _from_embedded(embedded, values, article)
    fallback = _trafilatura(html, url) if body_lines is None and fallbacks else {}
    if body_lines is None:
        body_lines = _fallback_lines(fallback, article)
    title = values["title"] or _fallback_field(fallback, "title", article)
    _fill(article, site, values, body_lines or [], title)
    if article.published is None and fallbacks:
        article.published = _htmldate(html, article)
    _complete_byline(article, fallback, site, url)
    _normalise(article)
    return article


def _complete_byline(article: ExtractedArticle, fallback: dict[str, Any],
                     site: SiteDefinition, url: str) -> None:
    """Author from trafilatura, source from the site definition or the host, when the
    page's own rules found none."""
    article.author = article.author or _fallback_field(fallback, "author", article)
    article.source = article.source or site.source or urlsplit(url).hostname


def _fill(article: ExtractedArticle, site: SiteDefinition, values: dict[str, str | None],
          body_lines: list[str], title: str | None) -> None:
    cleaned = clean_body(body_lines, site.text, title)
    lead = strip_lead_prefix(values["lead"], site.text) if values["lead"] else None
    body = [strip_lead_prefix(line, site.text) if index == 0 else line
            for index, line in enumerate(cleaned.paragraphs)]
    article.title = title
    article.lead = lead or None
    article.text = _article_text(title, lead, body)
    article.published = iso_date(values["date"]) or cleaned.date_line
    if values["date"] is None and cleaned.date_line:
        article.how["date"] = "text:date line"
    article.author = values["author"]
    article.source = cleaned.source
    if cleaned.source:
        article.how["source"] = "text:source line"


def _article_text(title: str | None, lead: str | None, body: list[str]) -> str | None:
    """Title, lead (unless the body repeats it), body: the shape of the corpus texts.
    A body shorter than MIN_BODY_CHARS is a menu or an error page, not an article."""
    if sum(len(line) for line in body) < MIN_BODY_CHARS:
        return None
    if lead and not _same_start(lead, body[0]):
        body = [lead, *body]
    return "\n\n".join([title, *body] if title else body)


def _same_start(lead: str, first: str) -> bool:
    probe = min(len(lead), len(first), 60)
    return lead[:probe].casefold() == first[:probe].casefold()


def _from_selectors(tree: Element, site: SiteDefinition, name: str,
                    article: ExtractedArticle) -> str | None:
    value, rule = first_value(tree, site.selectors[name])
    if rule:
        article.how[name] = rule
    return value


def _body_from_selectors(tree: Element, site: SiteDefinition,
                         article: ExtractedArticle) -> list[str] | None:
    for rule in site.selectors["body"]:
        for element in select(tree, rule):
            lines = element_paragraphs(element)
            if lines:
                article.how["body"] = rule
                return lines
    return None


def _trafilatura(html: str, url: str) -> dict[str, Any]:
    try:
        found: Any = trafilatura.bare_extraction(html, url=url, include_comments=False,
                                                 include_tables=True, with_metadata=True)
    except (AttributeError, ValueError):  # trafilatura 1.12.0 on a page lxml finds empty
        return {}
    if found is None or isinstance(found, dict):  # trafilatura 1.x returns a dict
        return found or {}
    as_dict = getattr(found, "as_dict", None)  # trafilatura 2.x returns a Document
    return dict(as_dict()) if callable(as_dict) else {}


def _fallback_lines(found: dict[str, Any], article: ExtractedArticle) -> list[str] | None:
    text = found.get("text") or ""
    lines = [" ".join(line.split()) for line in str(text).split("\n")]
    lines = [line for line in lines if line]
    if lines:
        article.how["body"] = TRAFILATURA
    return lines or None


def _fallback_field(found: dict[str, Any], name: str, article: ExtractedArticle) -> str | None:
    value = found.get(name)
    if not value:
        return None
    article.how.setdefault(name, TRAFILATURA)
    return " ".join(str(value).split())


def _from_embedded(embedded: dict[str, Any], values: dict[str, str | None],
                   article: ExtractedArticle) -> list[str] | None:
    """The body kept as page data, and each field the selectors missed (the data wins over
    a page-wide fallback such as the site name in og:title)."""
    lines: list[str] = embedded["body"]
    if not lines:
        return None
    article.how["body"] = EMBEDDED
    for name in META_FIELDS:
        if embedded.get(name) and (values[name] is None or name in ("title", "date")):
            values[name] = embedded[name]
            article.how[name] = EMBEDDED
    return lines


def _htmldate(html: str, article: ExtractedArticle) -> str | None:
    try:
        found = find_date(html, extensive_search=False, original_date=True)
    except Exception:  # htmldate raises on odd trees; a missing date is not fatal
        return None
    if found:
        article.how["date"] = HTMLDATE
    return iso_date(found) if found else None


def _normalise(article: ExtractedArticle) -> None:
    for name in ("title", "lead", "text", "author", "source"):
        value = getattr(article, name)
        if value is not None:
            setattr(article, name, unicodedata.normalize("NFC", value) or None)
