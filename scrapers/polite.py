"""Politeness: robots.txt rules per host and a pause between requests to one host."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from protego import Protego

ROBOTS_MAX_BYTES = 500_000

# fetch_text(url) -> (status, text); status 0 when the host could not be reached
RobotsFetcher = Callable[[str], tuple[int, str]]


@dataclass
class HostPacer:
    """Keeps at least ``delay`` seconds between two requests to the same host."""

    sleep: Callable[[float], None] = time.sleep
    clock: Callable[[], float] = time.monotonic
    last_request: dict[str, float] = field(default_factory=dict)

    def wait(self, host: str, delay: float) -> None:
        """Sleep until ``delay`` seconds have passed since the last request to ``host``."""
        previous = self.last_request.get(host)
        if previous is not None:
            remaining = previous + delay - self.clock()
            if remaining > 0:
                self.sleep(remaining)
        self.last_request[host] = self.clock()


@dataclass
class RobotsRules:
    """robots.txt of each host, fetched once (RFC 9309: 4xx allows all, 5xx or no answer
    disallows all for the run)."""

    fetch_text: RobotsFetcher
    agent: str
    parsed: dict[str, Protego | None] = field(default_factory=dict)
    blocked_hosts: set[str] = field(default_factory=set)

    def allowed(self, url: str) -> bool:
        """True when robots.txt lets our agent fetch ``url``."""
        origin = _origin(url)
        if origin not in self.parsed:
            self._load(origin)
        if origin in self.blocked_hosts:
            return False
        rules = self.parsed[origin]
        return rules is None or bool(rules.can_fetch(url, self.agent))

    def crawl_delay(self, url: str) -> float:
        """The Crawl-delay robots.txt asks of our agent on this host (0 when none)."""
        origin = _origin(url)
        if origin not in self.parsed:
            self._load(origin)
        rules = self.parsed[origin]
        delay = rules.crawl_delay(self.agent) if rules is not None else None
        return float(delay or 0.0)

    def sitemaps(self, url: str) -> list[str]:
        """The sitemaps robots.txt of the URL's host names."""
        origin = _origin(url)
        if origin not in self.parsed:
            self._load(origin)
        rules = self.parsed[origin]
        return [str(sitemap) for sitemap in rules.sitemaps] if rules is not None else []

    def _load(self, origin: str) -> None:
        self.parsed[origin] = None  # set first: fetching robots.txt asks for the crawl delay
        status, text = self.fetch_text(origin + "/robots.txt")
        if status == 0 or status >= 500:
            self.blocked_hosts.add(origin)
        elif 200 <= status < 300:
            self.parsed[origin] = Protego.parse(text)


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}".lower()
