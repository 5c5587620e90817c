"""Site definitions: data files read by the one generic scraper.

Each ``scrapers/sites/*.json`` file describes one site: its hosts, the shape of its
article URLs (a regex whose ``id`` group is the site's article number), the CSS
selectors for listing pages and article fields (``sel@attr`` reads an attribute),
and text clean-up rules. ``sister_hosts`` names other hosts the site may redirect to
(they may be fetched; nothing else off the site is). Every regex must pass
:func:`danvan_nlp.scrapers.regex_safety.unsafe_reason` (linear time on any URL). Users may add their
own files in a folder given by ``--sites-dir`` or the ``DANVAN_SITES_DIR`` environment
variable.

A definition may name a ``template`` (``scrapers/sites/templates/*.json``, one per CMS
family): it starts from the template's fields and overrides the ones it sets (the
``listing``, ``article``, ``text``, ``discovery`` and ``embedded`` groups key by key).
``discovery`` names the sitemaps (read first) and listing pages (read when the sitemaps
give nothing) a crawl from the site's home page starts with; ``skip_titles`` are regexes
of titles never stored (print digests); ``embedded`` reads the article out of JSON kept in
a script element when the HTML body is empty; ``verified`` is the date someone last ran
``danvan scrape --check`` against the live site (empty until then).
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from danvan_nlp.errors import InputError
from danvan_nlp.scrapers.regex_safety import unsafe_reason

GENERIC = "generic"
TRACKING_PARAMS = re.compile(
    r"""
    ^(?: utm_\w+            # campaign tags
       | fbclid | gclid     # click ids of social networks and ads
       | zarsrc | zalo_\w+  # Zalo share tags
       | ref | src )$       # generic referrer tags
    """,
    re.VERBOSE | re.IGNORECASE,
)
SITES_DIR_ENV = "DANVAN_SITES_DIR"
ARTICLE_FIELDS = ("title", "lead", "body", "date", "author")
MERGED_GROUPS = ("listing", "article", "text", "discovery", "embedded")
TEMPLATES_FOLDER = "templates"


@dataclass(frozen=True, slots=True)
class ListingRules:
    """How to read a listing page: article links and the next page."""

    links: tuple[str, ...]
    next: tuple[str, ...]
    next_texts: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class TextRules:
    """Clean-up of the extracted text (lines are compared after whitespace folding)."""

    date_line: bool
    source_line: bool
    stop_lines: tuple[str, ...]
    drop_lines: tuple[re.Pattern[str], ...]
    lead_prefix: re.Pattern[str] | None


@dataclass(frozen=True, slots=True)
class DiscoveryRules:
    """Where a crawl from the site's home page starts: sitemaps first, then listings."""

    sitemaps: tuple[str, ...] = ()
    listings: tuple[str, ...] = ()
    sitemap_month: re.Pattern[str] | None = None


@dataclass(frozen=True, slots=True)
class EmbeddedRules:
    """Article data kept as JSON in a script element: which scripts, which keys."""

    scripts: tuple[str, ...]
    keys: dict[str, tuple[str, ...]]


@dataclass(frozen=True, slots=True)
class SiteDefinition:
    """One site, as read from its data file."""

    name: str
    title: str
    hosts: frozenset[str]
    sister_hosts: frozenset[str]
    canonical_host: str
    canonical_scheme: str
    article_url: re.Pattern[str]
    source: str
    listing: ListingRules
    selectors: dict[str, tuple[str, ...]]
    drop: tuple[str, ...]
    text: TextRules
    path: str
    template: str = ""
    verified: str = ""
    closed: str = ""
    check_urls: tuple[str, ...] = ()
    discovery: DiscoveryRules = DiscoveryRules()
    skip_titles: tuple[re.Pattern[str], ...] = ()
    embedded: EmbeddedRules | None = None

    def skips_title(self, title: str | None) -> bool:
        """True for a title the definition says never to store (a print digest...)."""
        return bool(title) and any(rule.search(title or "") for rule in self.skip_titles)

    def owns(self, url: str) -> bool:
        """True when the URL's host belongs to this site."""
        return host_of(url) in self.hosts

    def is_article_url(self, url: str) -> bool:
        """True when the URL has the shape of one of this site's article pages."""
        return self.article_url.search(urlsplit(url).path) is not None

    def article_id(self, url: str) -> str | None:
        """The site's own article number in the URL, if its pattern has one."""
        match = self.article_url.search(urlsplit(url).path)
        return match.group("id") if match and "id" in match.groupdict() else None

    def canonical_url(self, url: str) -> str:
        """The archive key: no fragment or tracking tags, one host and scheme for the site."""
        parts = urlsplit(without_tracking(url))
        host = (parts.hostname or "").lower()
        netloc = parts.netloc.lower()
        scheme = parts.scheme.lower()
        if host in self.hosts and self.canonical_host:
            netloc, scheme = self.canonical_host, self.canonical_scheme or scheme
        return urlunsplit((scheme, netloc, parts.path or "/", parts.query, ""))


def without_tracking(url: str) -> str:
    """The URL without its fragment and tracking parameters (utm_*, fbclid...)."""
    parts = urlsplit(url.strip())
    kept = [pair for pair in parse_qsl(parts.query, keep_blank_values=True)
            if not TRACKING_PARAMS.match(pair[0])]
    return urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(kept), ""))


def host_of(url: str) -> str:
    """The lower-case host name of a URL ('' when it has none)."""
    return (urlsplit(url).hostname or "").lower()


def load_sites(extra_dir: str | None = None) -> dict[str, SiteDefinition]:
    """Every known definition by name; files in ``extra_dir`` (or $DANVAN_SITES_DIR) win."""
    templates = load_templates()
    sites: dict[str, SiteDefinition] = {}
    for path, raw in _bundled_files():
        sites[raw["name"]] = parse_definition(with_template(raw, templates, path), path)
    folder = extra_dir or os.environ.get(SITES_DIR_ENV)
    if folder:
        for file in sorted(_user_files(folder)):
            raw = _read_json(file.read_text(encoding="utf-8"), str(file))
            sites[raw["name"]] = parse_definition(with_template(raw, templates, str(file)),
                                                  str(file))
    return sites


def load_templates() -> dict[str, dict[str, Any]]:
    """The CMS templates by name, as raw data."""
    folder = resources.files("danvan_nlp.scrapers").joinpath("sites", TEMPLATES_FOLDER)
    templates: dict[str, dict[str, Any]] = {}
    for entry in sorted(folder.iterdir(), key=lambda item: item.name):
        if entry.name.endswith(".json"):
            raw = _read_json(entry.read_text("utf-8"), entry.name)
            templates[raw["name"]] = raw
    return templates


def with_template(raw: dict[str, Any], templates: dict[str, dict[str, Any]],
                  path: str) -> dict[str, Any]:
    """The definition laid over the template it names (its own fields win, groups merge
    key by key); a definition without a template is returned as it is."""
    name = raw.get("template")
    if not name:
        return raw
    if name not in templates:
        known = ", ".join(sorted(templates)) or "none"
        raise InputError(f"site definition {path} names template {name!r}, which does not "
                         f"exist; known templates: {known}")
    merged = {key: value for key, value in templates[name].items() if key != "_comment"}
    for key, value in raw.items():
        inherited = merged.get(key)
        if key in MERGED_GROUPS and isinstance(inherited, dict) and isinstance(value, dict):
            value = {**inherited, **value}
        merged[key] = value
    return merged


def site_for(url: str, sites: dict[str, SiteDefinition], name: str | None = None) -> SiteDefinition:
    """The definition named ``name``, else the one owning the URL's host, else generic."""
    if name:
        if name not in sites:
            known = ", ".join(sorted(sites))
            raise InputError(f"no site definition named {name!r}; known: {known}")
        return sites[name]
    for site in sites.values():
        if site.owns(url):
            return site
    return sites[GENERIC]


def site_after_redirect(site: SiteDefinition, final_url: str,
                        sites: dict[str, SiteDefinition]) -> SiteDefinition:
    """The definition to read a page with: one that redirected to a sister host owned by
    another definition (baobackan.vn -> baothainguyen.vn) is read with that one's rules."""
    if site.owns(final_url) or host_of(final_url) not in site.sister_hosts:
        return site
    return next((other for other in sites.values() if other.owns(final_url)), site)


def parse_definition(raw: dict[str, Any], path: str) -> SiteDefinition:
    """Build a :class:`SiteDefinition` from a parsed data file (bad files raise InputError)."""
    try:
        return _build(raw, path)
    except (KeyError, TypeError, AttributeError, re.error) as error:
        raise InputError(f"site definition {path} is malformed ({error!r}); "
                         "compare it with scrapers/sites/generic.json") from error


def _build(raw: dict[str, Any], path: str) -> SiteDefinition:
    article = raw["article"]
    return SiteDefinition(
        name=raw["name"],
        title=raw.get("title", raw["name"]),
        hosts=frozenset(host.lower() for host in raw.get("hosts", [])),
        sister_hosts=frozenset(host.lower() for host in raw.get("sister_hosts", [])),
        canonical_host=raw.get("canonical_host", ""),
        canonical_scheme=raw.get("canonical_scheme", ""),
        article_url=_safe_regex(raw["article_url"], "article_url", path, re.IGNORECASE),
        source=raw.get("source", ""),
        listing=_listing(raw.get("listing", {})),
        selectors={field: tuple(article.get(field, [])) for field in ARTICLE_FIELDS},
        drop=tuple(article.get("drop", [])),
        text=_text_rules(raw.get("text", {}), path),
        path=path,
        template=raw.get("template", ""),
        verified=raw.get("verified", ""),
        closed=raw.get("closed", ""),
        check_urls=tuple(raw.get("check", [])),
        discovery=_discovery(raw.get("discovery", {}), path),
        skip_titles=tuple(_safe_regex(pattern, "skip_titles", path, re.IGNORECASE)
                          for pattern in raw.get("skip_titles", [])),
        embedded=_embedded(raw.get("embedded")),
    )


def _discovery(raw: dict[str, Any], path: str) -> DiscoveryRules:
    month = raw.get("sitemap_month") or ""
    return DiscoveryRules(
        sitemaps=tuple(raw.get("sitemaps", [])),
        listings=tuple(raw.get("listings", [])),
        sitemap_month=_safe_regex(month, "sitemap_month", path) if month else None,
    )


def _embedded(raw: dict[str, Any] | None) -> EmbeddedRules | None:
    if not raw:
        return None
    keys = {field: tuple(raw["keys"].get(field, [])) for field in ARTICLE_FIELDS}
    return EmbeddedRules(scripts=tuple(raw["scripts"]), keys=keys)


def _listing(raw: dict[str, Any]) -> ListingRules:
    return ListingRules(
        links=tuple(raw.get("links", [])),
        next=tuple(raw.get("next", [])),
        next_texts=tuple(raw.get("next_texts", [])),
    )


def _safe_regex(pattern: str, field: str, path: str, flags: int = 0) -> re.Pattern[str]:
    """The compiled pattern, refused unless it runs in linear time on any input."""
    compiled = re.compile(pattern, flags)
    problem = unsafe_reason(pattern, flags)
    if problem:
        raise InputError(f"site definition {path}: {field} {pattern!r} could take hours on a "
                         f"hostile URL ({problem}); rewrite it so no two repeats can match "
                         "the same characters, e.g. [^/-]*- instead of [^/]*-")
    return compiled


def _text_rules(raw: dict[str, Any], path: str) -> TextRules:
    prefix = raw.get("lead_prefix") or ""
    return TextRules(
        date_line=bool(raw.get("date_line", False)),
        source_line=bool(raw.get("source_line", False)),
        stop_lines=tuple(raw.get("stop_lines", [])),
        drop_lines=tuple(_safe_regex(pattern, "drop_lines", path)
                         for pattern in raw.get("drop_lines", [])),
        lead_prefix=_safe_regex(prefix, "lead_prefix", path) if prefix else None,
    )


def _bundled_files() -> Iterable[tuple[str, dict[str, Any]]]:
    folder = resources.files("danvan_nlp.scrapers").joinpath("sites")
    for entry in sorted(folder.iterdir(), key=lambda item: item.name):
        if entry.name.endswith(".json"):
            yield f"scrapers/sites/{entry.name}", _read_json(entry.read_text("utf-8"), entry.name)


def _user_files(folder: str) -> list[Path]:
    path = Path(folder)
    if not path.is_dir():
        raise InputError(f"sites folder {folder} does not exist; give a folder of .json files")
    return list(path.glob("*.json"))


def _read_json(text: str, where: str) -> dict[str, Any]:
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as error:
        raise InputError(f"site definition {where} is not valid JSON: {error}") from error
    if not isinstance(raw, dict) or "name" not in raw:
        raise InputError(f"site definition {where} needs a JSON object with a 'name'")
    return raw
