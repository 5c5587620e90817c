"""A crawl from Python: :func:`crawl` does what ``danvan scrape START_URL --archive PATH`` does.

    from danvan_nlp.scrapers import crawl
    stats = crawl("https://baolaocai.vn/", "news.sqlite", since=date(2025, 1, 1),
                  max_articles=200, delay=2.0, contact="team@example.org")
    print(stats.summary())
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from danvan_nlp.errors import InputError
from danvan_nlp.scrapers.archive import Archive
from danvan_nlp.scrapers.crawl import CrawlBounds, Crawler, CrawlStats
from danvan_nlp.scrapers.fetch import FetchConfig, Fetcher
from danvan_nlp.scrapers.gate import RequestGate
from danvan_nlp.scrapers.sites import SiteDefinition, load_sites, site_for

Reporter = Callable[[str], None]


def fetch_config(politeness: dict[str, Any]) -> FetchConfig:
    """The fetch knobs from keyword arguments; an unknown name is an InputError."""
    known = {item.name for item in dataclasses.fields(FetchConfig)}
    unknown = sorted(set(politeness) - known)
    if unknown:
        raise InputError(f"unknown politeness option {', '.join(unknown)}; "
                         f"use {', '.join(sorted(known))}")
    return FetchConfig(**politeness)


def crawl(start_url: str, archive: str | Path, *, site: str | None = None,
          sites_dir: str | None = None, since: date | None = None, until: date | None = None,
          max_pages: int | None = None, max_articles: int | None = None,
          refresh: bool = False, report: Reporter | None = None,
          on_article: Callable[[CrawlStats], None] | None = None,
          **politeness: Any) -> CrawlStats:
    """Crawl ``start_url`` (a listing page, feed, sitemap or article) into ``archive``.

    ``politeness`` sets :class:`~danvan_nlp.scrapers.fetch.FetchConfig` (``delay``,
    ``timeout``, ``deadline``, ``retries``, ``backoff``, ``max_bytes``, ``contact``,
    ``max_crawl_delay``); every request goes through the site's request gate. ``report``
    receives the crawl's notices (default: dropped), ``on_article`` the running stats
    after each article. Returns the crawl's :class:`~danvan_nlp.scrapers.crawl.CrawlStats`.
    """
    if since and until and since > until:
        raise InputError(f"since {since} is after until {until}; swap them")
    sites = load_sites(sites_dir)
    check_url(start_url)
    definition = site_for(start_url, sites, site)
    fetcher = site_fetcher(start_url, definition, fetch_config(politeness), report)
    bounds = CrawlBounds(since=since, until=until, max_pages=max_pages,
                         max_articles=max_articles, refresh=refresh)
    store = Archive(str(archive))
    try:
        crawler = Crawler(definition, store, fetcher, bounds, report=report or _quiet,
                          on_article=on_article or _ignore, sites=sites)
        return crawler.run(start_url)
    finally:
        store.close()


def site_fetcher(url: str, site: SiteDefinition, config: FetchConfig,
                 report: Reporter | None) -> Fetcher:
    """A fetcher for ``site`` whose gate admits its hosts, sister hosts and the start URL's."""
    hosts = {*site.hosts, *start_hosts(url)}
    gate = RequestGate.for_start({*hosts, *site.sister_hosts}, url)
    return Fetcher(config, hosts, gate=gate, report=report or _quiet)


def start_hosts(url: str) -> set[str]:
    """The start URL's host and its www./bare twin (sites often redirect between them)."""
    host = (urlsplit(url).hostname or "").lower()
    twin = host[4:] if host.startswith("www.") else f"www.{host}"
    return {host, twin} if host else set()


def check_url(url: str) -> None:
    """Refuse anything but an http(s) URL with a host."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise InputError(f"{url!r} is not an http(s) URL; give one like https://baolaocai.vn/")


def _quiet(message: str) -> None:
    """A reporter that drops notices."""


def _ignore(stats: CrawlStats) -> None:
    """An article callback that does nothing."""
