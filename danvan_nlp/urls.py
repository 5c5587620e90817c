"""One step from a URL, or a saved HTML page, to facts.

:func:`extract_url` fetches a page politely (robots.txt, delays, retries, the scrapers'
request gate: http(s), the site's own and sister hosts, public addresses unless the URL
itself is local), reads the article out of it with the site definition chosen by host
(or named by ``site``) and runs :func:`danvan_nlp.extract` on it. The :class:`Article`
carries the page's URL, its title and its published date from the page metadata.
:func:`extract_html` does the same for HTML already saved to disk.

The scraper modules are imported only when these functions run, so ``import danvan_nlp``
stays light.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from danvan_nlp.article import Article
from danvan_nlp.errors import InputError
from danvan_nlp.pipeline import extract

if TYPE_CHECKING:
    from danvan_nlp.scrapers.fetch import FetchConfig, Fetcher
    from danvan_nlp.scrapers.sites import SiteDefinition

HTML_SUFFIXES = (".html", ".htm", ".xhtml")
_MARKUP_START = re.compile(
    r"""
    ^ \ufeff? \s*        # an optional byte-order mark and blanks
    < [!?a-zA-Z]         # a tag, a doctype, a comment or an XML declaration
    """,
    re.VERBOSE,
)


def extract_url(url: str, *, site: str | None = None, sites_dir: str | None = None,
                **politeness: Any) -> Article:
    """Fetch ``url`` politely and extract its article's facts.

    ``site`` forces a site definition (any URL); ``politeness`` sets the fetch knobs of
    :class:`~danvan_nlp.scrapers.fetch.FetchConfig` (``delay``, ``timeout``, ``deadline``,
    ``retries``,
    ``backoff``, ``max_bytes``, ``contact``, ``max_crawl_delay``). Raises
    :class:`~danvan_nlp.errors.FetchError` when the page cannot be fetched and
    :class:`~danvan_nlp.errors.InputError` when it holds no article.
    """
    reader = UrlReader(fetch_config(politeness), site=site, sites_dir=sites_dir)
    return reader.article(url)


def extract_html(html: str, *, url: str | None = None, site: str | None = None,
                 sites_dir: str | None = None) -> Article:
    """The facts of the article in a saved HTML page; ``url`` (default: the page's own
    canonical or og:url link) picks the site definition unless ``site`` names one."""
    from danvan_nlp.scrapers.sites import load_sites, site_for

    page_url = url or saved_page_url(html) or ""
    definition = site_for(page_url, load_sites(sites_dir), site)
    return article_from_html(html, page_url, definition)


def looks_like_html(name: str, text: str) -> bool:
    """True for a saved page: an .html/.htm name, or text that opens with markup."""
    return name.lower().endswith(HTML_SUFFIXES) or _MARKUP_START.match(text[:200]) is not None


def saved_page_url(html: str) -> str | None:
    """The URL a saved page names for itself (link rel=canonical, then og:url)."""
    from danvan_nlp.scrapers.htmltext import first_value, parse_html

    rules = ("link[rel=canonical]@href", "meta[property='og:url']@content")
    value, _ = first_value(parse_html(html), rules)
    return value if value and value.startswith(("http://", "https://")) else None


def article_from_html(html: str, url: str, site: SiteDefinition) -> Article:
    """Read the article out of the page with the site's rules, then extract its facts."""
    from danvan_nlp.scrapers.extract import extract_article

    found = extract_article(html, url, site)
    if not found.text:
        hint = f"danvan scrape --check {url}" if url else "danvan scrape --check URL"
        raise InputError(f"no article text found in the page by site definition {site.name}; "
                         f"check its selectors with {hint} or name another with --site")
    article = extract(found.text, url=url or None, published=found.published,
                      source=found.source)
    article.title = found.title or article.title
    return article


def fetch_config(politeness: dict[str, Any]) -> FetchConfig:
    """The fetch knobs from keyword arguments; an unknown name is an InputError."""
    from danvan_nlp.scrapers.api import fetch_config as from_options

    return from_options(politeness)


class UrlReader:
    """Fetches article pages of any sites politely: one fetcher per host and site (so
    robots.txt is read once and the pause between requests holds), each with the request
    gate of that site (its hosts, sister hosts and the URL's own address)."""

    def __init__(self, config: FetchConfig, *, site: str | None = None,
                 sites_dir: str | None = None) -> None:
        from danvan_nlp.scrapers.sites import load_sites

        self.config = config
        self.sites = load_sites(sites_dir)
        self.site_name = site
        self.fetchers: dict[tuple[str, str], Fetcher] = {}

    def article(self, url: str) -> Article:
        """Fetch ``url`` and extract its article (FetchError / InputError when it cannot)."""
        from danvan_nlp.scrapers.sites import site_after_redirect, site_for

        _check_http(url)
        definition = site_for(url, self.sites, self.site_name)
        page = self._fetcher(url, definition).get(url)
        reader = site_after_redirect(definition, page.final_url, self.sites)
        return article_from_html(page.text(), page.final_url, reader)

    def _fetcher(self, url: str, site: SiteDefinition) -> Fetcher:
        from urllib.parse import urlsplit

        from danvan_nlp.scrapers.api import site_fetcher

        key = (urlsplit(url).netloc.lower(), site.name)
        if key not in self.fetchers:
            self.fetchers[key] = site_fetcher(url, site, self.config, None)
        return self.fetchers[key]


def _check_http(url: str) -> None:
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise InputError(f"{url!r} is not an http(s) URL; give one like "
                         "https://baolaocai.vn/some-article-post12345.html")
