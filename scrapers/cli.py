"""``danvan scrape``, ``danvan sites`` and ``danvan archive export``."""

from __future__ import annotations

import argparse
import dataclasses
import sys
from datetime import date
from pathlib import Path
from typing import Any

from tqdm import tqdm

from danvan_nlp.errors import ArchiveError, InputError
from danvan_nlp.progress import progress_disabled
from danvan_nlp.scrapers.api import check_url, crawl, site_fetcher
from danvan_nlp.scrapers.archive import check_readable, export_jsonl
from danvan_nlp.scrapers.check import check_page
from danvan_nlp.scrapers.crawl import CrawlStats
from danvan_nlp.scrapers.fetch import FetchConfig
from danvan_nlp.scrapers.sites import SiteDefinition, load_sites, site_for


def register(subparsers: Any) -> None:
    """Add the scraper commands to ``danvan``."""
    _register_scrape(subparsers)
    sites = subparsers.add_parser("sites", help="list the known site definitions")
    sites.add_argument("--sites-dir", metavar="DIR", help="extra site definitions (*.json)")
    sites.set_defaults(handler=run_sites)
    archive = subparsers.add_parser("archive", help="work with an article archive")
    actions = archive.add_subparsers(dest="archive_command", metavar="ACTION", required=True)
    export = actions.add_parser("export", help="write the usable articles of an archive")
    export.add_argument("archive", metavar="ARCHIVE", help="archive made by danvan scrape")
    export.add_argument("--format", choices=("jsonl",), default="jsonl")
    export.add_argument("--out", metavar="FILE", help="output file (default: stdout)")
    export.set_defaults(handler=run_export)


def _register_scrape(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "scrape", help="crawl a news site politely into an article archive",
        description="Discover articles from a listing page, feed or sitemap, fetch them "
                    "politely (robots.txt, delays, retries) and store them in a SQLite archive.")
    parser.add_argument("start_url", nargs="?", metavar="START_URL")
    parser.add_argument("--check", metavar="URL", help="fetch one page and report what each "
                        "selector and fallback extracts; stores nothing")
    parser.add_argument("--archive", metavar="PATH", help="SQLite archive (created if missing)")
    parser.add_argument("--site", help="site definition to use on any URL (default: chosen by "
                        "host); with no START_URL, crawl that site from its home page")
    parser.add_argument("--sites-dir", metavar="DIR", help="extra site definitions (*.json)")
    _register_bounds(parser.add_argument_group("what to fetch"))
    _register_politeness(parser.add_argument_group("politeness"))
    parser.set_defaults(handler=run_scrape)


def _register_bounds(bounds: Any) -> None:
    bounds.add_argument("--since", type=_date_arg, help="skip articles before this date")
    bounds.add_argument("--until", type=_date_arg, help="skip articles after this date")
    bounds.add_argument("--max-pages", type=_positive, help="discovery pages to read at most")
    bounds.add_argument("--max-articles", type=_positive, help="article pages to fetch at most")
    bounds.add_argument("--refresh", action="store_true",
                        help="re-validate archived articles (conditional requests)")


def _register_politeness(polite: Any) -> None:
    polite.add_argument("--delay", type=_seconds, default=1.0,
                        help="seconds between requests to one host (default 1; robots.txt "
                             "Crawl-delay wins when longer)")
    polite.add_argument("--timeout", type=_seconds, default=20.0,
                        help="seconds one network read may wait (default 20)")
    polite.add_argument("--deadline", type=_seconds, default=120.0,
                        help="seconds one whole answer may take; a slower one is cut off "
                             "(default 120)")
    polite.add_argument("--max-crawl-delay", type=_seconds, default=30.0,
                        help="cap on a robots.txt Crawl-delay, in seconds (default 30; a "
                             "capped delay is reported)")
    polite.add_argument("--retries", type=int, default=3, help="retries on 429/5xx/time-outs")
    polite.add_argument("--backoff", type=_seconds, default=2.0,
                        help="first retry wait in seconds, doubled each retry")
    polite.add_argument("--max-bytes", type=_positive, default=5_000_000, help="page size cap")
    polite.add_argument("--contact", default="",
                        help="e-mail or URL put in the User-Agent ($DANVAN_SCRAPER_CONTACT)")


def run_scrape(args: argparse.Namespace) -> int:
    """Handle ``danvan scrape``."""
    sites = load_sites(args.sites_dir)
    url = args.check or args.start_url or _home_of(sites, args.site)
    check_url(url)
    site = site_for(url, sites, args.site)
    if args.check:
        return check_page(url, site, site_fetcher(url, site, _fetch_config(args), _notice))
    return _run_crawl(url, site, args)


def _run_crawl(url: str, site: SiteDefinition, args: argparse.Namespace) -> int:
    if not args.archive:
        raise InputError("give --archive PATH, the SQLite file the articles go to")
    if args.since and args.until and args.since > args.until:
        raise InputError(f"--since {args.since} is after --until {args.until}; swap them")
    stats = _crawl(url, site, args)
    print(f"{site.name}: {stats.summary()} -> {args.archive}")
    if stats.discovered == 0:
        print(f"danvan: found no article to fetch: {stats.why_nothing()}", file=sys.stderr)
        return 1
    return 1 if stats.failed_entirely() else 0


def _crawl(url: str, site: SiteDefinition, args: argparse.Namespace) -> CrawlStats:
    with tqdm(unit="article", desc=site.name, disable=progress_disabled(),
              file=sys.stderr) as bar:
        def progress(stats: CrawlStats) -> None:
            bar.update(1)
            bar.set_postfix(new=stats.new, failed=stats.failed)

        return crawl(url, args.archive, site=site.name, sites_dir=args.sites_dir,
                     since=args.since, until=args.until, max_pages=args.max_pages,
                     max_articles=args.max_articles, refresh=args.refresh, report=_notice,
                     on_article=progress, **dataclasses.asdict(_fetch_config(args)))


def run_sites(args: argparse.Namespace) -> int:
    """Handle ``danvan sites``."""
    for site in load_sites(args.sites_dir).values():
        print(f"{site.name}  {site.title}")
        for label, value in _site_lines(site):
            print(f"    {label:<10} {value}")
    return 0


def _site_lines(site: SiteDefinition) -> list[tuple[str, str]]:
    """What ``danvan sites`` says of one definition, line by line."""
    discovery = [*(f"sitemap {path}" for path in site.discovery.sitemaps),
                 *(f"listing {path}" for path in site.discovery.listings)]
    lines = [("hosts", ", ".join(sorted(site.hosts)) or "any other host"),
             ("sisters", ", ".join(sorted(site.sister_hosts)) or "-"),
             ("template", site.template or "-"),
             ("discovery", ", then ".join(discovery) or "from the START_URL given"),
             ("verified", site.verified or "never (run danvan scrape --check URL on the live "
                                           "site, then set 'verified')")]
    if site.closed:
        lines.append(("closed", site.closed))
    if site.check_urls:
        lines.append(("check", " ".join(site.check_urls)))
    lines.append(("file", site.path))
    return lines


def _home_of(sites: dict[str, SiteDefinition], name: str | None) -> str:
    """The home page of the site --site names, where its discovery starts."""
    if not name:
        raise InputError("give a START_URL to crawl (or --check URL, or --site NAME to start "
                         "from that site's sitemaps); see danvan scrape --help")
    site = site_for("", sites, name)
    if not site.canonical_host:
        raise InputError(f"site {name!r} has no home host; give a START_URL")
    return f"{site.canonical_scheme or 'https'}://{site.canonical_host}/"


def run_export(args: argparse.Namespace) -> int:
    """Handle ``danvan archive export``."""
    target = Path(args.out) if args.out else None
    if target is not None and not target.parent.is_dir():
        raise ArchiveError(f"cannot write {target}: folder {target.parent} does not exist")
    check_readable(args.archive)  # before the output file is made
    if target is None:
        count = export_jsonl(args.archive, sys.stdout)
    else:
        with target.open("w", encoding="utf-8") as out:
            count = export_jsonl(args.archive, out)
    print(f"exported {count} articles", file=sys.stderr)
    return 0


def _notice(line: str) -> None:
    """A line on stderr that does not break the progress bar."""
    tqdm.write(line, file=sys.stderr)


def _fetch_config(args: argparse.Namespace) -> FetchConfig:
    return FetchConfig(delay=args.delay, timeout=args.timeout, retries=max(0, args.retries),
                       backoff=args.backoff, max_bytes=args.max_bytes, contact=args.contact,
                       deadline=args.deadline, max_crawl_delay=args.max_crawl_delay)


def _date_arg(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date like 2024-07-23") from None


def _positive(value: str) -> int:
    if not value.isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError(f"{value!r} is not a positive whole number")
    return int(value)


def _seconds(value: str) -> float:
    try:
        seconds = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number of seconds") from None
    if seconds < 0:
        raise argparse.ArgumentTypeError("seconds cannot be negative")
    return seconds
