"""Polite HTTP fetching: robots.txt, pacing, retries with backoff, size cap, redirects.

One :class:`Fetcher` serves one crawl. It sends one request at a time, waits at least
``delay`` seconds (or the robots.txt Crawl-delay) between requests to a host, retries
429 and 5xx answers with exponential backoff honouring Retry-After, follows redirects
itself (only to allowed http/https hosts, never in a loop), sends conditional
requests when given an ETag or Last-Modified, and never reads more than ``max_bytes``.
Every request, robots.txt and each redirect hop included, passes the one
:class:`~danvan_nlp.scrapers.gate.RequestGate` (http(s), the site's and sister hosts, public
addresses)
and must end within ``deadline`` seconds as a whole (see :mod:`danvan_nlp.scrapers.deadline`); a
robots.txt Crawl-delay above ``max_crawl_delay`` is capped, and the cap is reported.
"""

from __future__ import annotations

import email.utils
import os
import socket
import sys
import time
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.parse import urljoin, urlsplit

import requests

from danvan_nlp import __version__
from danvan_nlp.errors import BodyReadError, FetchError, PageError, RefusedRequestError
from danvan_nlp.scrapers.deadline import SocketWatch, Watchdog, watch_session
from danvan_nlp.scrapers.encoding import decode_page, misdecoding
from danvan_nlp.scrapers.gate import RequestGate
from danvan_nlp.scrapers.polite import ROBOTS_MAX_BYTES, HostPacer, RobotsAnswer, RobotsRules

AGENT_TOKEN = "danvan-nlp-scraper"
CONTACT_ENV = "DANVAN_SCRAPER_CONTACT"
REDIRECTS = frozenset({301, 302, 303, 307, 308})
HTML_TYPES = ("text/html", "application/xhtml+xml")
XML_TYPES = ("xml", "rss", "atom", "application/x-gzip", "application/gzip", "text/plain")
GZIP_MAGIC = b"\x1f\x8b"


@dataclass(frozen=True, slots=True)
class FetchConfig:
    """Knobs of a crawl's fetching; the defaults are the polite ones."""

    delay: float = 1.0
    timeout: float = 20.0
    retries: int = 3
    backoff: float = 2.0
    max_retry_after: float = 300.0
    max_bytes: int = 5_000_000
    max_redirects: int = 5
    contact: str = ""
    deadline: float = 120.0
    max_crawl_delay: float = 30.0

    @property
    def user_agent(self) -> str:
        """A descriptive User-Agent naming the project and whom to contact."""
        contact = self.contact or os.environ.get(CONTACT_ENV, "") or "unset (use --contact)"
        return f"{AGENT_TOKEN}/{__version__} (research crawler for news on mass mobilisation; " \
               f"contact: {contact})"


@dataclass(frozen=True, slots=True)
class Page:
    """One answer: the URL asked for, where it ended, and the bytes read."""

    url: str
    final_url: str
    status: int
    content_type: str
    body: bytes
    etag: str | None
    last_modified: str | None

    @property
    def not_modified(self) -> bool:
        """True for a 304 answer to a conditional request."""
        return self.status == 304

    def text(self) -> str:
        """The body decoded (header charset, meta charset, legacy Vietnamese encodings,
        detection) in NFC; raises :class:`PageError` when it still looks mis-decoded."""
        text = decode_page(self.body, self.content_type)[0]
        problem = misdecoding(text)
        if problem:
            raise PageError(f"{self.final_url}: the page text looks mis-decoded ({problem}); "
                            "not stored: report the page with its charset", self.status)
        return text


def _to_stderr(line: str) -> None:
    print(line, file=sys.stderr)


class Fetcher:
    """Fetches pages of the allowed hosts, politely, one at a time. ``gate`` decides what
    may be requested (default: the allowed hosts, trusting those given as IP literals);
    ``report`` receives notices such as a capped Crawl-delay."""

    def __init__(self, config: FetchConfig, allowed_hosts: set[str],
                 sleep: Callable[[float], None] = time.sleep,
                 session: requests.Session | None = None, *, gate: RequestGate | None = None,
                 report: Callable[[str], None] = _to_stderr) -> None:
        self.config = config
        self.allowed_hosts = {host.lower() for host in allowed_hosts}
        self.gate = gate or RequestGate.for_hosts(self.allowed_hosts)
        self.sleep = sleep
        self.report = report
        self.session = session or requests.Session()
        self.session.max_redirects = config.max_redirects
        self.session.headers.update({"User-Agent": config.user_agent,
                                     "Accept-Language": "vi,en;q=0.5", "Connection": "close"})
        self.watch = SocketWatch(peer_check=self.gate.check_peer)
        watch_session(self.session, self.watch)
        self.watchdog: Watchdog | None = None
        self.capped_hosts: set[str] = set()
        self.pacer = HostPacer(sleep=sleep)
        self.robots = RobotsRules(fetch_text=self._fetch_robots, agent=AGENT_TOKEN)

    def get(self, url: str, *, etag: str | None = None, last_modified: str | None = None,
            html_only: bool = True) -> Page:
        """Fetch ``url``; raises :class:`FetchError` (or :class:`PageError`) when it cannot.
        A body cut off in transit is fetched again, like a 5xx answer."""
        headers = _conditional_headers(etag, last_modified)
        for attempt in range(self.config.retries + 1):
            try:
                return self._get_once(url, headers, html_only)
            except BodyReadError:
                if attempt == self.config.retries:
                    raise
                self.sleep(self._backoff(attempt))
        raise AssertionError("unreachable")  # pragma: no cover

    def _get_once(self, url: str, headers: dict[str, str], html_only: bool) -> Page:
        seen: list[str] = []
        current = url
        while True:
            self._check_hop(url, current)
            seen.append(current)
            response = self._request_with_retries(current, headers)
            location = response.headers.get("Location")
            if response.status_code not in REDIRECTS or not location:
                return self._page(url, current, response, html_only)
            response.close()
            current = self._next_hop(current, location, seen)

    def _next_hop(self, current: str, location: str, seen: list[str]) -> str:
        target = urljoin(current, location.strip())
        if target in seen:
            raise FetchError(f"redirect loop ({' -> '.join([*seen, target])}); skip this URL")
        if len(seen) > self.config.max_redirects:
            raise FetchError(f"more than {self.config.max_redirects} redirects from {seen[0]}")
        return target

    def _check_hop(self, url: str, current: str) -> None:
        """The gate, then robots.txt, for one hop of a fetch of ``url``."""
        self._gate_hop(url, current)
        if not self.robots.allowed(current):
            raise PageError(f"{current}: {self._robots_refusal(current)}; not fetched")

    def _gate_hop(self, url: str, current: str) -> None:
        """The gate for one hop; a refused redirect names where it led, never fetched."""
        try:
            self.gate.check(current)
        except RefusedRequestError as error:
            if current == url:
                raise
            reason = str(error).removeprefix(f"{current}: ")
            raise RefusedRequestError(f"{url}: redirect to {current} refused ({reason})") \
                from error

    def _robots_refusal(self, url: str) -> str:
        """Why robots.txt keeps us from ``url``: its rules, or robots.txt itself unreadable."""
        problem = self.robots.unavailable_reason(url)
        if problem is None:
            return "disallowed by robots.txt"
        return f"robots.txt could not be fetched ({problem}): treated as disallow-all (RFC 9309)"

    def _request_with_retries(self, url: str, headers: dict[str, str]) -> requests.Response:
        attempts = self.config.retries + 1
        for attempt in range(attempts):
            last = attempt == attempts - 1
            response = self._attempt(url, headers, attempt, last)
            if response is None:
                continue
            if not _retryable(response.status_code) or last:
                return response
            wait = self._retry_wait(response, attempt)
            response.close()
            self.sleep(wait)
        raise AssertionError("unreachable")  # pragma: no cover

    def _attempt(self, url: str, headers: dict[str, str], attempt: int,
                 last: bool) -> requests.Response | None:
        """One request; a network failure waits the backoff and gives None (raises if last)."""
        try:
            return self._send(url, headers)
        except requests.RequestException as error:
            self._raise_if_late(url, error)
            if last:
                raise FetchError(f"{url}: {describe_request_error(error)} after {attempt + 1} "
                                 "attempts; check the URL or try again later") from error
            self.sleep(self._backoff(attempt))
            return None

    def _send(self, url: str, headers: dict[str, str]) -> requests.Response:
        """One paced request, redirects not followed, under a fresh whole-response deadline
        (disarmed once the body is read or the response closed)."""
        delay = max(self.config.delay, self._crawl_delay(url))
        self.pacer.wait(urlsplit(url).netloc.lower(), delay)
        self._disarm()
        self.watchdog = Watchdog(self.watch, self.config.deadline).start()
        try:
            return self.session.get(url, headers=headers, timeout=self.config.timeout,
                                    allow_redirects=False, stream=True)
        except RefusedRequestError as error:  # the connection reached a refused address
            self._disarm()
            raise RefusedRequestError(f"{url}: {error}") from error
        except requests.RequestException:
            if not self.watchdog.expired.is_set():
                self._disarm()
            raise

    def _crawl_delay(self, url: str) -> float:
        """robots.txt's Crawl-delay, capped at ``max_crawl_delay`` (said once per host)."""
        asked = self.robots.crawl_delay(url)
        cap = self.config.max_crawl_delay
        if asked <= cap:
            return asked
        host = urlsplit(url).netloc.lower()
        if host not in self.capped_hosts:
            self.capped_hosts.add(host)
            self.report(f"{host}: robots.txt asks a Crawl-delay of {asked:g} s; capped at "
                        f"{cap:g} s (--max-crawl-delay)")
        return cap

    def _disarm(self) -> None:
        if self.watchdog is not None:
            self.watchdog.cancel()

    def _raise_if_late(self, url: str, error: BaseException | None = None) -> None:
        """A request the watchdog cut is not retried: it would be cut again."""
        if self.watchdog is not None and self.watchdog.expired.is_set():
            raise PageError(f"{url}: the answer took longer than the whole-response deadline "
                            f"of {self.config.deadline:g} s and was cut off (--deadline); "
                            "skipped") from error

    def _retry_wait(self, response: requests.Response, attempt: int) -> float:
        asked = _retry_after(response.headers.get("Retry-After"))
        if asked is None:
            return self._backoff(attempt)
        if asked > self.config.max_retry_after:
            raise PageError(f"{response.url}: server asks to wait {asked:.0f} s (Retry-After); "
                            "try again later", response.status_code)
        return asked

    def _backoff(self, attempt: int) -> float:
        return float(self.config.backoff * (2 ** attempt))

    def _page(self, url: str, final: str, response: requests.Response, html_only: bool) -> Page:
        try:
            body = self._body(final, response, html_only)
        finally:
            response.close()
            self._disarm()
        return Page(url=url, final_url=final, status=response.status_code,
                    content_type=response.headers.get("Content-Type", ""), body=body,
                    etag=response.headers.get("ETag"),
                    last_modified=response.headers.get("Last-Modified"))

    def _body(self, final: str, response: requests.Response, html_only: bool) -> bytes:
        status = response.status_code
        if status == 304:
            return b""
        if status != 200:
            raise PageError(f"{final}: HTTP {status}", status)
        _check_type(final, response.headers.get("Content-Type", ""), html_only, status)
        return _maybe_gunzip(self._read_capped(final, response), self.config.max_bytes)

    def _read_capped(self, url: str, response: requests.Response) -> bytes:
        cap = self.config.max_bytes
        declared = response.headers.get("Content-Length", "")
        if declared.isdigit() and int(declared) > cap:
            raise PageError(f"{url}: page is {int(declared)} bytes, over the {cap}-byte cap", 200)
        try:
            body = _read_up_to(url, response, cap)
        except (requests.RequestException, OSError) as error:
            self._raise_if_late(url, error)
            problem = describe_request_error(error) \
                if isinstance(error, requests.RequestException) else type(error).__name__
            raise BodyReadError(f"{url}: page truncated or stalled ({problem})") from error
        self._raise_if_late(url)  # a cut may look like the end of a page without a length
        return body

    def _fetch_robots(self, url: str) -> RobotsAnswer:
        """robots.txt, its redirects followed hop by hop through the gate (RFC 9309 asks
        for five); a hop the gate refuses makes robots.txt unreadable: disallow-all."""
        try:
            return self._robots_hops(url)
        except requests.RequestException as error:
            return RobotsAnswer(0, problem=describe_request_error(error))
        except FetchError as error:
            return RobotsAnswer(0, problem=str(error).removeprefix(f"{url}: "))
        finally:
            self._disarm()

    def _robots_hops(self, url: str) -> RobotsAnswer:
        seen: list[str] = []
        current = url
        while True:
            self._gate_hop(url, current)
            seen.append(current)
            with self._send(current, {}) as response:
                location = response.headers.get("Location")
                if response.status_code in REDIRECTS and location:
                    current = self._next_hop(current, location, seen)
                    continue
                ok = response.status_code == 200
                body = self._read_capped(current, response) if ok else b""
            text = decode_page(body[:ROBOTS_MAX_BYTES], response.headers.get("Content-Type"))[0]
            return RobotsAnswer(response.status_code, text)


def _read_up_to(url: str, response: requests.Response, cap: int) -> bytes:
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_content(65536):
        size += len(chunk)
        if size > cap:
            raise PageError(f"{url}: page is over the {cap}-byte cap", 200)
        chunks.append(chunk)
    return b"".join(chunks)


def _conditional_headers(etag: str | None, last_modified: str | None) -> dict[str, str]:
    headers: dict[str, str] = {}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    return headers


def _retryable(status: int) -> bool:
    return status == 429 or 500 <= status < 600


def _retry_after(value: str | None) -> float | None:
    """Seconds asked by a Retry-After header (delta-seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


def _check_type(url: str, content_type: str, html_only: bool, status: int) -> None:
    kind = content_type.split(";")[0].strip().lower()
    if not kind or kind in HTML_TYPES:
        return
    if not html_only and any(part in kind for part in XML_TYPES):
        return
    wanted = "an HTML page" if html_only else "an HTML, feed or sitemap page"
    raise PageError(f"{url}: not {wanted} ({kind}); skipped", status)


def _maybe_gunzip(body: bytes, cap: int) -> bytes:
    if not body.startswith(GZIP_MAGIC):
        return body
    inflater = zlib.decompressobj(wbits=31)
    try:
        data = inflater.decompress(body, cap + 1)
    except zlib.error as error:
        raise FetchError(f"gzip body cannot be read ({error})") from error
    if len(data) > cap:
        raise PageError(f"unpacked page is over the {cap}-byte cap", 200)
    return data


def describe_request_error(error: requests.RequestException) -> str:
    """What went wrong on the network, in a few words for a message."""
    if isinstance(error, requests.Timeout):
        return "timed out"
    if isinstance(error, requests.exceptions.ChunkedEncodingError):
        return "connection closed before the end of the page"
    if isinstance(error, requests.ConnectionError):
        return _connection_problem(error)
    return type(error).__name__


def _connection_problem(error: BaseException) -> str:
    """The socket-level reason under requests' and urllib3's wrappers, in a few words."""
    for cause in _causes(error):
        if isinstance(cause, ConnectionRefusedError):
            return "connection refused"
        if isinstance(cause, socket.gaierror):
            return "host name not found"
    return "connection failed"


def _causes(error: BaseException) -> Iterator[BaseException]:
    """The error and what it wraps: __cause__, __context__, urllib3's ``reason``, args."""
    pending: list[BaseException] = [error]
    seen: set[int] = set()
    while pending:
        current = pending.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        yield current
        wrapped = [current.__cause__, current.__context__, getattr(current, "reason", None),
                   *current.args]
        pending.extend(item for item in wrapped if isinstance(item, BaseException))
