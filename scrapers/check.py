"""``danvan scrape --check URL``: fetch one page and show what each rule finds.

Nobody can tune selectors without seeing the live page, so this report lists, field by
field, which selectors matched (and what), what the site rules extracted in the end,
what trafilatura and htmldate find on their own, the links a listing page yields, and
the feeds and sitemaps (from the page and robots.txt) that could serve as START_URL.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from urllib.parse import urljoin

from danvan_nlp.scrapers.discover import Link, discover
from danvan_nlp.scrapers.extract import extract_article
from danvan_nlp.scrapers.fetch import Fetcher, Page
from danvan_nlp.scrapers.htmltext import (
    Element,
    attribute_text,
    element_value,
    parse_html,
    select,
    split_rule,
)
from danvan_nlp.scrapers.sites import ARTICLE_FIELDS, SiteDefinition

PREVIEW = 160
Printer = Callable[[str], None]


def check_page(url: str, site: SiteDefinition, fetcher: Fetcher, out: Printer = print) -> int:
    """Fetch ``url`` and print the report; returns 0 when an article text was found."""
    page = fetcher.get(url, html_only=False)
    html = page.text()
    out(f"URL      {url}\nfinal    {page.final_url}\nsite     {site.name} ({site.path})")
    out(f"fetched  HTTP {page.status}, {len(page.body)} bytes, {page.content_type or '?'}")
    found = discover(html, page.final_url, site)
    if found.kind != "listing":
        _print_discovery(found.kind, found.articles, found.pages, out)
        return 0
    _print_selectors(html, site, out)
    text_found = _print_extraction(html, page, site, out)
    _print_discovery("listing", found.articles, found.pages, out)
    _print_start_points(html, page.final_url, fetcher, out)
    if text_found and site.selectors["body"]:
        out(f"\nif the values above are right, set \"verified\": \"{date.today().isoformat()}\" "
            f"in {site.path} (verified so far: {site.verified or 'never'})")
    return 0 if text_found or found.articles else 1


def _print_start_points(html: str, url: str, fetcher: Fetcher, out: Printer) -> None:
    """Feeds the page advertises and sitemaps robots.txt names: good START_URLs."""
    feeds = [urljoin(url, attribute_text(link, "href"))
             for link in parse_html(html).find_all("link")
             if link.get("href") and ("rss" in attribute_text(link, "type")
                                      or "atom" in attribute_text(link, "type"))]
    starts = [("feed", feed) for feed in feeds] + [
        ("sitemap", sitemap) for sitemap in fetcher.robots.sitemaps(url)]
    if starts:
        out("\nother start points")
    for kind, where in starts[:10]:
        out(f"  {kind:<8} {where}")


def _print_selectors(html: str, site: SiteDefinition, out: Printer) -> None:
    tree = parse_html(html)
    out("\nselectors (first match wins)")
    for name in ARTICLE_FIELDS:
        rules = site.selectors[name] or ("(none: fallback only)",)
        for rule in rules:
            out(f"  {name:<7} {_rule_result(tree, rule)}  {rule}")


def _rule_result(tree: Element, rule: str) -> str:
    if rule.startswith("("):
        return "-"
    matches = select(tree, rule)
    if not matches:
        return "✗ 0 matches"
    value = element_value(matches[0], split_rule(rule)[1])
    return f"✓ {len(matches)} match{'es' if len(matches) > 1 else ''}: {_short(value)!r}"


def _print_extraction(html: str, page: Page, site: SiteDefinition, out: Printer) -> bool:
    article = extract_article(html, page.final_url, site)
    out("\nextracted with the site rules (and fallbacks where no rule matched)")
    for name in ("title", "lead", "published", "author", "source"):
        value = getattr(article, name)
        how = article.how.get("date" if name == "published" else name, "site default")
        out(f"  {name:<9} {_short(value or '—')!r}  [{how}]")
    text = article.text or ""
    out(f"  text      {text.count(chr(10) * 2) + 1 if text else 0} paragraphs, {len(text)} "
        f"characters [{article.how.get('body', 'none')}]\n            {_short(text)!r}")
    bare = extract_article(html, page.final_url, _without_rules(site))
    out("\nfallbacks alone (trafilatura + htmldate)")
    out(f"  title     {_short(bare.title or '—')!r}\n  published {bare.published or '—'}")
    out(f"  text      {len(bare.text or '')} characters: {_short(bare.text or '—')!r}")
    return bool(article.text)


def _print_discovery(kind: str, articles: list[Link], pages: list[Link], out: Printer) -> None:
    out(f"\ndiscovery: {kind}, {len(articles)} article links, {len(pages)} further pages")
    for link in articles[:10]:
        out(f"  article  {link.url}  {link.date or ''}")
    for link in pages[:5]:
        out(f"  page     {link.url}  {link.date or ''}")


def _without_rules(site: SiteDefinition) -> SiteDefinition:
    empty: dict[str, tuple[str, ...]] = {name: () for name in ARTICLE_FIELDS}
    return replace(site, selectors=empty, drop=())


def _short(value: str) -> str:
    flat = " ".join(value.split())
    return flat if len(flat) <= PREVIEW else flat[:PREVIEW - 1] + "…"
