"""One crawl: discovery pages in order, each page's new articles fetched, extracted, stored.

The crawl reads the start page (listing, feed, sitemap or sitemap index), follows the
pages it names (next listing page, child sitemaps) breadth first, and after each
discovery page fetches that page's articles that the archive does not hold yet.
Every stored row is committed at once, so a killed crawl resumes where it stopped.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from urllib.parse import urljoin, urlsplit

from danvan_nlp.errors import FetchError, PageError
from danvan_nlp.scrapers.archive import Archive, ArticleRow, CachedPage
from danvan_nlp.scrapers.discover import Discovered, Link, discover
from danvan_nlp.scrapers.encoding import decode_page
from danvan_nlp.scrapers.extract import extract_article
from danvan_nlp.scrapers.fetch import Fetcher, Page
from danvan_nlp.scrapers.sites import SiteDefinition, site_after_redirect, without_tracking

Reporter = Callable[[str], None]
NO_TEXT = "no article text found on the page; check the site definition (danvan scrape --check URL)"


@dataclass(frozen=True, slots=True)
class CrawlBounds:
    """What limits a run: dates, numbers of pages and articles, re-validation."""

    since: date | None = None
    until: date | None = None
    max_pages: int | None = None
    max_articles: int | None = None
    refresh: bool = False

    def in_window(self, iso: str | None) -> bool:
        """True for an unknown date or one inside --since/--until."""
        if iso is None:
            return True
        day = date.fromisoformat(iso)
        return not ((self.since and day < self.since) or (self.until and day > self.until))

    def before_window(self, iso: str | None) -> bool:
        """True when a known date is older than --since."""
        return bool(iso and self.since and date.fromisoformat(iso) < self.since)

    def sitemap_outside(self, link: Link) -> bool:
        """True for a child sitemap that cannot hold an article inside --since/--until: by
        the month its name says it covers, else by its lastmod (older than --since)."""
        if link.month is None:
            return self.before_window(link.date)
        year, month = (int(part) for part in link.month.split("-"))
        first = date(year, month, 1)
        last = date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)
        return bool((self.since and last < self.since) or (self.until and first > self.until))


@dataclass(slots=True)
class CrawlStats:
    """Counts for the end-of-run summary."""

    pages: int = 0
    pages_failed: int = 0
    discovered: int = 0
    fetched: int = 0
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    out_of_range: int = 0
    failed: int = 0
    skipped_titles: int = 0
    sitemaps_outside: int = 0
    reasons: list[str] = field(default_factory=list)

    def failed_entirely(self) -> bool:
        """True when the start could not be read: every discovery page (or the one article
        the crawl started from) failed."""
        if self.pages:
            return self.pages_failed == self.pages
        return self.failed > 0

    def summary(self) -> str:
        """One line a person reads at the end of a run."""
        return (f"discovered {self.discovered}, fetched {self.fetched}, new {self.new}, "
                f"unchanged {self.unchanged}, updated {self.updated}, failed {self.failed}, "
                f"outside dates {self.out_of_range}, skipped by title {self.skipped_titles}; "
                f"discovery pages {self.pages} ({self.pages_failed} failed), "
                f"sitemaps outside the dates {self.sitemaps_outside}")

    def why_nothing(self) -> str:
        """Why no article link was found, for a run that found none."""
        reasons = list(dict.fromkeys(self.reasons))
        if self.sitemaps_outside:
            reasons.append(f"{self.sitemaps_outside} sitemaps cover only months outside "
                           "--since/--until")
        return "; ".join(reasons) or "no discovery page could be read (see above)"


@dataclass
class Crawler:
    """Runs one crawl of one site into one archive."""

    site: SiteDefinition
    archive: Archive
    fetcher: Fetcher
    bounds: CrawlBounds
    report: Reporter = print
    on_article: Callable[[CrawlStats], None] = lambda stats: None
    stats: CrawlStats = field(default_factory=CrawlStats)
    seen_articles: set[str] = field(default_factory=set)
    sites: dict[str, SiteDefinition] = field(default_factory=dict)

    def run(self, start_url: str) -> CrawlStats:
        """Crawl from ``start_url`` until the bounds or the pages run out; a known site's
        article URL as the start fetches just that article."""
        if self.site.hosts and self.site.is_article_url(start_url):
            self._article(Link(url=start_url))
            return self.stats
        for starts in start_phases(self.site, start_url):
            self._crawl_from(starts)
            if self.stats.discovered:
                break
        return self.stats

    def _crawl_from(self, starts: list[str]) -> None:
        """Read discovery pages breadth first from ``starts``, fetching their articles."""
        queue: deque[str] = deque(starts)
        seen_pages = set(starts)
        while queue and not self._pages_exhausted() and not self._articles_exhausted():
            found = self._discovery_page(queue.popleft())
            if found is not None:
                fresh = [url for url in dict.fromkeys(self._further_pages(found))
                         if url not in seen_pages]
                seen_pages.update(fresh)
                queue.extend(fresh)
                self._articles(found.articles)

    def _articles(self, links: list[Link]) -> None:
        for link in links:
            if self._articles_exhausted():
                return
            self._article(link)

    def _pages_exhausted(self) -> bool:
        limit = self.bounds.max_pages
        return limit is not None and self.stats.pages >= limit

    def _articles_exhausted(self) -> bool:
        limit = self.bounds.max_articles
        return limit is not None and self.stats.fetched >= limit

    def _fetch_discovery_page(self, url: str, cached: CachedPage | None) -> Page | None:
        """The page (conditionally when cached), or None when it failed (reported)."""
        try:
            return self.fetcher.get(url, etag=cached.etag if cached else None,
                                    last_modified=cached.last_modified if cached else None,
                                    html_only=False)
        except FetchError as error:
            self.stats.pages_failed += 1
            self.report(f"discovery page failed: {error}")
            return None

    def _further_pages(self, found: Discovered) -> list[str]:
        """Child sitemaps not older than --since; the next listing page unless all is older."""
        if found.kind == "listing" and self._listing_is_past(found):
            return []
        if found.kind != "sitemap index":
            return [link.url for link in found.pages if not self.bounds.before_window(link.date)]
        inside = [link.url for link in found.pages if not self.bounds.sitemap_outside(link)]
        self.stats.sitemaps_outside += len(found.pages) - len(inside)
        return inside

    def _listing_is_past(self, found: Discovered) -> bool:
        dated = [link.date for link in found.articles if link.date]
        return bool(dated) and all(self.bounds.before_window(day) for day in dated)

    def _discovery_page(self, url: str) -> Discovered | None:
        self.stats.pages += 1
        cached = self.archive.cached_page(url)
        page = self._fetch_discovery_page(url, cached)
        if page is None:
            return None
        fresh = CachedPage(page.etag, page.last_modified, page.content_type, page.body)
        body = cached if (page.not_modified and cached) else fresh
        found = discover(decode_page(body.body, body.content_type)[0], page.final_url, self.site)
        if not page.not_modified:
            self.archive.save_page(url, found.kind, fresh)
        if found.why:
            self.stats.reasons.append(found.why)
        return found

    def _article(self, link: Link) -> None:
        url = self._new_article_url(link)
        if url is None:
            return
        stored = self.archive.lookup(url)
        usable = stored if stored is not None and stored.usable else None
        known = usable is not None or self._known_article_id(link.url)
        if known and not self.bounds.refresh:
            self.stats.unchanged += 1
            return
        self._fetch_article(without_tracking(link.url), url, usable.etag if usable else None,
                            usable.last_modified if usable else None)

    def _known_article_id(self, url: str) -> bool:
        """A known site's article number seen under another of its hosts or slugs
        (the generic definition spans many hosts, so its numbers say nothing)."""
        if not self.site.hosts:
            return False
        return self.archive.usable_by_article_id(self.site.name, self.site.article_id(url))

    def _new_article_url(self, link: Link) -> str | None:
        """The canonical URL of a link on our hosts, first seen in this run, inside the dates."""
        if not self._may_fetch_host(link.url):
            return None
        url = self.site.canonical_url(link.url)
        if url in self.seen_articles:
            return None
        self.seen_articles.add(url)
        self.stats.discovered += 1
        if self.site.skips_title(link.title):
            self.stats.skipped_titles += 1
            return None
        if not self.bounds.in_window(link.date):
            self.stats.out_of_range += 1
            return None
        return url

    def _may_fetch_host(self, url: str) -> bool:
        parts = urlsplit(url)
        host = (parts.hostname or "").lower()
        return parts.scheme in ("http", "https") and host in self.fetcher.allowed_hosts

    def _fetch_article(self, fetch_url: str, url: str, etag: str | None,
                       last_modified: str | None) -> None:
        self.stats.fetched += 1
        try:
            page = self.fetcher.get(fetch_url, etag=etag, last_modified=last_modified)
        except FetchError as error:
            self._failed(url, str(error), error.status if isinstance(error, PageError) else None)
        else:
            if page.not_modified:
                self.archive.mark_not_modified(url)
                self.stats.unchanged += 1
            else:
                self._store(url, page)
        self.on_article(self.stats)

    def _store(self, url: str, page: Page) -> None:
        try:
            html = page.text()
        except PageError as error:
            self._failed(url, str(error), page.status)
            return
        reader = site_after_redirect(self.site, page.final_url, self.sites)
        article = extract_article(html, page.final_url, reader)
        if not article.text:
            self._failed(url, NO_TEXT, page.status)
            return
        if self.site.skips_title(article.title):
            self.stats.skipped_titles += 1
            return
        if not self.bounds.in_window(article.published):
            self.stats.out_of_range += 1
            return
        outcome = self.archive.save_article(ArticleRow(
            url=url, site=self.site.name, status=page.status, title=article.title,
            lead=article.lead, text=article.text, published=article.published,
            author=article.author, source=article.source, raw_html=page.body,
            etag=page.etag, last_modified=page.last_modified,
            article_id=self.site.article_id(page.final_url), final_url=page.final_url))
        setattr(self.stats, outcome, getattr(self.stats, outcome) + 1)

    def _failed(self, url: str, error: str, status: int | None) -> None:
        self.archive.save_failure(url, self.site.name, error, status)
        self.stats.failed += 1
        self.report(f"failed: {error}")


def start_phases(site: SiteDefinition, start_url: str) -> list[list[str]]:
    """Where a crawl begins: from a site's home page, its sitemaps first and its listing
    pages second (read only when the sitemaps give no article); else the start URL."""
    if urlsplit(start_url).path not in ("", "/"):
        return [[start_url]]
    phases = [[urljoin(start_url, path) for path in paths]
              for paths in (site.discovery.sitemaps, site.discovery.listings) if paths]
    return phases or [[start_url]]
