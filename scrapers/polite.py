"""Politeness: robots.txt rules per host and a pause between requests to one host."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from protego import Protego

ROBOTS_MAX_BYTES = 500_000


@dataclass(frozen=True, slots=True)
class RobotsAnswer:
    """What asking for robots.txt gave: the HTTP status (0 when nothing answered), the
    text, and, when nothing answered, why (e.g. "connection refused")."""

    status: int
    text: str = ""
    problem: str = ""


RobotsFetcher = Callable[[str], RobotsAnswer]


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
    blocked_hosts: dict[str, str] = field(default_factory=dict)  # origin -> why

    def allowed(self, url: str) -> bool:
        """True when robots.txt lets our agent fetch ``url``."""
        origin = _origin(url)
        if origin not in self.parsed:
            self._load(origin)
        if origin in self.blocked_hosts:
            return False
        rules = self.parsed[origin]
        return rules is None or bool(rules.can_fetch(url, self.agent))

    def unavailable_reason(self, url: str) -> str | None:
        """Why robots.txt of the URL's host could not be read (so the host is disallowed
        as a whole), or None when it was read or answered 4xx."""
        origin = _origin(url)
        if origin not in self.parsed:
            self._load(origin)
        return self.blocked_hosts.get(origin)

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
        answer = self.fetch_text(origin + "/robots.txt")
        if answer.status == 0:
            self.blocked_hosts[origin] = answer.problem or "no answer"
        elif answer.status >= 500:
            self.blocked_hosts[origin] = f"HTTP {answer.status}"
        elif 200 <= answer.status < 300:
            self.parsed[origin] = Protego.parse(answer.text)


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}".lower()
