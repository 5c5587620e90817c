"""Finding article URLs: listing pages (with pagination), RSS/Atom feeds, sitemaps.

:func:`discover` reads one fetched page and returns the article links on it (with a
date when the page gives one) and the further pages to read: the next listing page,
or the sitemaps a sitemap index names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Any
from urllib.parse import urldefrag, urljoin, urlsplit

from lxml import etree

from danvan_nlp.scrapers.dates import iso_date
from danvan_nlp.scrapers.htmltext import Element, attribute_text, parse_html, select, text_of
from danvan_nlp.scrapers.sites import SiteDefinition

NEAR_ANCESTORS = 3
_XML_START = re.compile(
    r"""
    ^\s*                                   # leading blanks
    (?:<\?xml[^>]*\?>\s*)?                 # an optional XML declaration
    (?: <!-- (?:[^-]|-(?!->))* -->\s*     # comments: the body cannot hold "-->", so each
      | <\?[^>]*\?>\s* )*                 # ends at its first one (no backtracking blow-up)
                                           # and processing instructions
    <(?:[\w-]+:)?(?P<root>urlset|sitemapindex|rss|feed|RDF)\b  # the root element
    """,
    re.VERBOSE | re.DOTALL,
)


_XML_DECLARATION = re.compile(
    r"""
    ^\s* <\?xml [^>]* \?>   # the declaration; its encoding no longer applies to a str
    """,
    re.VERBOSE,
)


@dataclass(frozen=True, slots=True)
class Link:
    """A URL found on a page, with the date the page gives for it (ISO) if any."""

    url: str
    date: str | None = None
    title: str | None = None
    month: str | None = None


@dataclass(slots=True)
class Discovered:
    """What one discovery page yields."""

    kind: str
    articles: list[Link] = field(default_factory=list)
    pages: list[Link] = field(default_factory=list)
    why: str | None = None


def discover(text: str, page_url: str, site: SiteDefinition) -> Discovered:
    """Article links and further pages on a listing page, feed or sitemap."""
    match = _XML_START.match(text[:4096])
    if match is None:
        return _listing(parse_html(text), page_url, site)
    root = _parse_xml(text)
    if root is None:
        return Discovered(kind="unreadable xml", why=f"{page_url}: the XML cannot be read")
    kind = match["root"]
    if kind == "sitemapindex":
        children = [_with_month(link, site) for link in _sitemap_entries(root, "sitemap")]
        why = None if children else f"{page_url}: the sitemap index names no sitemap"
        return Discovered(kind="sitemap index", pages=children, why=why)
    if kind == "urlset":
        return _kept("sitemap", _sitemap_entries(root, "url"), page_url, site)
    return _kept("feed", _feed_entries(root, page_url), page_url, site)


def _kept(kind: str, links: list[Link], page_url: str, site: SiteDefinition) -> Discovered:
    """Feeds and sitemaps may list section pages too: a known site keeps its article URLs
    (and says so when none is left)."""
    kept = [link for link in links if not site.hosts or site.is_article_url(link.url)]
    why = None
    if not kept:
        why = (f"{page_url}: the {kind} lists no url" if not links else
               f"{page_url}: none of the {len(links)} urls in the {kind} matches the "
               f"article_url pattern {site.article_url.pattern!r} of {site.name}")
    return Discovered(kind=kind, articles=kept, why=why)


def _with_month(link: Link, site: SiteDefinition) -> Link:
    """A child sitemap with the month its name says it covers ('2024-07'), if any."""
    pattern = site.discovery.sitemap_month
    found = pattern.search(urlsplit(link.url).path) if pattern else None
    if found is None or not 1 <= int(found["month"]) <= 12:
        return link
    return replace(link, month=f"{int(found['year']):04d}-{int(found['month']):02d}")


def _parse_xml(text: str) -> Any:
    parser = etree.XMLParser(recover=True, resolve_entities=False, no_network=True)
    body = _XML_DECLARATION.sub("", text, count=1).strip().encode("utf-8")
    try:
        return etree.fromstring(body, parser)
    except etree.XMLSyntaxError:
        return None


def _local(tag: Any) -> str:
    return str(tag).rpartition("}")[2] if isinstance(tag, str) else ""


def _children(element: Any, name: str) -> list[Any]:
    return [child for child in element.iter() if _local(child.tag) == name]


def _child_text(element: Any, *names: str) -> str | None:
    for child in element.iter():
        if _local(child.tag) in names and child.text and child.text.strip():
            return str(child.text).strip()
    return None


def _sitemap_entries(root: Any, entry: str) -> list[Link]:
    links = []
    for item in _children(root, entry):
        loc = _child_text(item, "loc")
        when = _child_text(item, "publication_date") or _child_text(item, "lastmod")
        if loc:
            links.append(Link(url=loc, date=iso_date(when), title=_child_text(item, "title")))
    return links


def _feed_entries(root: Any, feed_url: str) -> list[Link]:
    links = []
    for item in _children(root, "item") + _children(root, "entry"):
        url = _entry_url(item)
        when = _child_text(item, "pubDate", "published", "date", "updated")
        if url:
            links.append(Link(url=urljoin(feed_url, url), date=iso_date(when)))
    return links


def _entry_url(item: Any) -> str | None:
    for child in item:
        if _local(child.tag) != "link":
            continue
        href = child.get("href")
        if href and child.get("rel", "alternate") == "alternate":
            return str(href).strip()
        if child.text and child.text.strip():
            return str(child.text).strip()
    return _child_text(item, "guid")


def _listing(tree: Element, page_url: str, site: SiteDefinition) -> Discovered:
    base = _base_url(tree, page_url)
    anchors = _selected_anchors(tree, site) or _pattern_anchors(tree, base, page_url, site)
    articles: dict[str, Link] = {}
    for anchor in anchors:
        url = _absolute(base, attribute_text(anchor, "href"))
        if url and url not in articles:
            articles[url] = Link(url=url, date=_nearby_date(anchor), title=text_of(anchor) or None)
    next_url = _next_page(tree, base, site)
    pages = [Link(url=next_url)] if next_url and next_url != page_url else []
    why = None if articles else _no_links_reason(page_url, site)
    return Discovered(kind="listing", articles=list(articles.values()), pages=pages, why=why)


def _no_links_reason(page_url: str, site: SiteDefinition) -> str:
    selectors = ", ".join(repr(rule) for rule in site.listing.links) or "(none)"
    return (f"{page_url}: the listing selectors of {site.name} ({selectors}) matched no link "
            f"and no link on the page matches its article_url pattern "
            f"{site.article_url.pattern!r}")


def _base_url(tree: Element, page_url: str) -> str:
    for base in tree.find_all("base"):
        href = attribute_text(base, "href")
        if href:
            return urljoin(page_url, href)
    return page_url


def _absolute(base: str, href: str | None) -> str | None:
    if not href or href.strip().lower().startswith(("javascript:", "mailto:", "tel:", "#")):
        return None
    url = urldefrag(urljoin(base, href.strip()))[0]
    return url if urlsplit(url).scheme in ("http", "https") else None


def _selected_anchors(tree: Element, site: SiteDefinition) -> list[Element]:
    anchors: list[Element] = []
    for rule in site.listing.links:
        for element in select(tree, rule):
            found = [element] if element.name == "a" else list(element.find_all("a"))
            anchors.extend(anchor for anchor in found if anchor.get("href"))
    return anchors


def _pattern_anchors(tree: Element, base: str, page_url: str,
                     site: SiteDefinition) -> list[Element]:
    """Every link on the page's host whose path has the site's article shape."""
    host = urlsplit(page_url).hostname
    anchors = []
    for anchor in tree.find_all("a"):
        url = _absolute(base, attribute_text(anchor, "href"))
        if url and url != page_url and site.is_article_url(url):
            same_site = urlsplit(url).hostname == host or site.owns(url)
            if same_site:
                anchors.append(anchor)
    return anchors


def _nearby_date(anchor: Element) -> str | None:
    """The date in the anchor's own item: climb until the block holds links elsewhere."""
    element: Element | None = anchor
    href = attribute_text(anchor, "href")
    for _ in range(NEAR_ANCESTORS):
        element = element.parent if element is not None else None
        if element is None or _links_elsewhere(element, href):
            return None
        for stamp in element.find_all("time"):
            found = iso_date(attribute_text(stamp, "datetime") or stamp.get_text())
            if found:
                return found
    return None


def _links_elsewhere(element: Element, href: str) -> bool:
    return any(other.get("href") not in (None, href) for other in element.find_all("a"))


def _next_page(tree: Element, base: str, site: SiteDefinition) -> str | None:
    for rule in site.listing.next:
        for element in select(tree, rule):
            url = _absolute(base, attribute_text(element, "href"))
            if url:
                return url
    wanted = {text.casefold() for text in site.listing.next_texts}
    for anchor in tree.find_all("a"):
        if text_of(anchor).casefold() in wanted:
            url = _absolute(base, attribute_text(anchor, "href"))
            if url:
                return url
    return None
