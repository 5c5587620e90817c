"""Fetcher against a real local server: robots.txt, retries, redirects, limits, faults."""

from __future__ import annotations

import email.utils
import socket
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
import requests
import urllib3

from danvan_nlp.errors import BodyReadError, DanvanError, FetchError, PageError
from danvan_nlp.scrapers.fetch import FetchConfig, Fetcher, describe_request_error
from tests.scrapers.server import FixtureServer, Reply, Request, Route, page, sequence

ARTICLE = "<html><body><p>Xã Quảng Chu ra mắt mô hình dân vận khéo.</p></body></html>"
QUICK = FetchConfig(delay=0, timeout=0.5, retries=2, backoff=0.01, max_bytes=20_000,
                    contact="kiem-thu@example.org")


class Sleeps(list[float]):
    """A stand-in for time.sleep that records what it was asked to wait."""

    def __call__(self, seconds: float) -> None:
        self.append(seconds)


def make_fetcher(server: FixtureServer, config: FetchConfig = QUICK) -> tuple[Fetcher, Sleeps]:
    sleeps = Sleeps()
    return Fetcher(config, {"127.0.0.1"}, sleep=sleeps), sleeps


def http_date(seconds_ahead: float) -> str:
    return email.utils.format_datetime(datetime.now(UTC) + timedelta(seconds=seconds_ahead),
                                       usegmt=True)


def conditional(request: Request) -> Reply:
    if request.headers.get("if-none-match") == '"v1"':
        return Reply(status=304)
    return page(ARTICLE, ETag='"v1"', **{"Last-Modified": "Tue, 23 Jul 2024 01:00:00 GMT"})


def fault_routes() -> dict[str, Route]:
    """Each test gets fresh routes (the sequences keep state)."""
    return {
        "/robots.txt": page("User-agent: *\nDisallow: /private/\n", "text/plain"),
        "/ok": page(ARTICLE),
        "/private/secret": page(ARTICLE),
        "/busy": sequence(Reply(status=429, headers={"Retry-After": "3"}), page(ARTICLE)),
        "/flaky": sequence(Reply(status=500), page(ARTICLE)),
        "/down": Reply(status=503),
        "/gone": Reply(status=404),
        "/moved": Reply(status=301, headers={"Location": "/ok"}),
        "/loop-a": Reply(status=302, headers={"Location": "/loop-b"}),
        "/loop-b": Reply(status=302, headers={"Location": "/loop-a"}),
        "/away": Reply(status=302, headers={"Location": "http://other.invalid/x"}),
        "/ftp": Reply(status=302, headers={"Location": "ftp://127.0.0.1/x"}),
        "/slow": Reply(pause=1.5, body=b"<html></html>", headers={"Content-Type": "text/html"}),
        "/report.pdf": page(b"%PDF-1.4 ...", "application/pdf"),
        "/truncated": Reply(body=b"<html><body><p>Bai viet bi", short_by=4000,
                            headers={"Content-Type": "text/html"}),
        "/huge": page("<p>" + "dân vận " * 5000 + "</p>"),
        "/huge-chunked": Reply(body=("<p>" + "dân vận " * 5000 + "</p>").encode(), chunked=True,
                               headers={"Content-Type": "text/html"}),
        "/chunked": Reply(body=ARTICLE.encode(), chunked=True,
                          headers={"Content-Type": "text/html; charset=utf-8"}),
        "/busy-until": sequence(Reply(status=503, headers={"Retry-After": http_date(2)}),
                                page(ARTICLE)),
        "/conditional": conditional,
    }


@pytest.fixture
def faults() -> Iterator[FixtureServer]:
    with FixtureServer(fault_routes()) as running:
        yield running


@pytest.mark.parametrize(("path", "final_path", "retry_sleeps"), [
    ("/ok", "/ok", []),
    ("/busy", "/busy", [3.0]),       # 429 honours Retry-After
    ("/flaky", "/flaky", [0.01]),    # 500 then 200: one backoff
    ("/moved", "/ok", []),           # redirect followed
    ("/chunked", "/chunked", []),    # no Content-Length
])
def test_fetch_succeeds(faults: FixtureServer, path: str, final_path: str,
                        retry_sleeps: list[float]) -> None:
    fetcher, sleeps = make_fetcher(faults)
    fetched = fetcher.get(faults.base + path)
    assert fetched.status == 200
    assert fetched.final_url == faults.base + final_path
    assert "dân vận khéo" in fetched.text()
    assert [wait for wait in sleeps if wait >= 0.01] == retry_sleeps


@pytest.mark.parametrize(("path", "message"), [
    ("/private/secret", r"robots\.txt"),
    ("/down", "HTTP 503"),
    ("/gone", "HTTP 404"),
    ("/loop-a", "redirect loop"),
    ("/away", "outside the site"),
    ("/ftp", "only http and https"),
    ("/slow", "timed out"),
    ("/report.pdf", "not an HTML page"),
    ("/truncated", "truncated"),
    ("/huge", "cap"),
    ("/huge-chunked", "cap"),
])
def test_fetch_fails_with_a_clear_error(faults: FixtureServer, path: str, message: str) -> None:
    fetcher, _ = make_fetcher(faults, FetchConfig(delay=0, timeout=0.3, retries=1,
                                                  backoff=0.01, max_bytes=20_000))
    with pytest.raises(FetchError, match=message):
        fetcher.get(faults.base + path)


def test_retries_stop_after_the_configured_number(faults: FixtureServer) -> None:
    fetcher, sleeps = make_fetcher(faults)
    with pytest.raises(PageError) as caught:
        fetcher.get(faults.base + "/down")
    assert caught.value.status == 503
    assert faults.hits("/down") == QUICK.retries + 1
    assert sleeps.count(0.01) == 1 and sleeps.count(0.02) == 1  # exponential backoff


def test_too_long_retry_after_gives_up(server: FixtureServer) -> None:
    server.routes["/later"] = Reply(status=503, headers={"Retry-After": "86400"})
    fetcher, _ = make_fetcher(server)
    with pytest.raises(PageError, match="Retry-After"):
        fetcher.get(server.base + "/later")
    assert server.hits("/later") == 1


def test_conditional_request_gets_304(faults: FixtureServer) -> None:
    fetcher, _ = make_fetcher(faults)
    first = fetcher.get(faults.base + "/conditional")
    again = fetcher.get(faults.base + "/conditional", etag=first.etag,
                        last_modified=first.last_modified)
    assert (first.status, first.etag) == (200, '"v1"')
    assert again.not_modified and again.body == b""
    assert faults.requests[-1].headers["if-modified-since"] == "Tue, 23 Jul 2024 01:00:00 GMT"


def test_user_agent_names_project_and_contact(faults: FixtureServer) -> None:
    fetcher, _ = make_fetcher(faults)
    fetcher.get(faults.base + "/ok")
    agents = {request.headers["user-agent"] for request in faults.requests}
    assert len(agents) == 1
    agent = agents.pop()
    assert agent.startswith("danvan-nlp-scraper/") and "kiem-thu@example.org" in agent


def test_robots_txt_is_read_once_per_host(faults: FixtureServer) -> None:
    fetcher, _ = make_fetcher(faults)
    for path in ("/ok", "/moved", "/flaky"):
        fetcher.get(faults.base + path)
    assert faults.hits("/robots.txt") == 1


@pytest.mark.parametrize(("robots", "delay", "least_wait"), [
    ("User-agent: *\nCrawl-delay: 5\n", 0.0, 4.0),     # robots.txt asks for more
    ("User-agent: *\nDisallow:\n", 2.0, 1.0),          # our own --delay
])
def test_pause_between_requests_to_a_host(server: FixtureServer, robots: str, delay: float,
                                          least_wait: float) -> None:
    server.routes.update({"/robots.txt": page(robots, "text/plain"), "/ok": page(ARTICLE)})
    fetcher, sleeps = make_fetcher(server, FetchConfig(delay=delay, timeout=1, retries=0))
    fetcher.get(server.base + "/ok")
    fetcher.get(server.base + "/ok")
    assert sleeps and max(sleeps) >= least_wait


@pytest.mark.parametrize(("robots", "message"), [
    (Reply(status=503), "robots.txt could not be fetched (HTTP 503): treated as disallow-all "
                        "(RFC 9309); not fetched"),
    (page("User-agent: *\nDisallow: /\n", "text/plain"), ": disallowed by robots.txt; "),
])
def test_unreadable_or_disallowing_robots_txt_blocks_the_host(server: FixtureServer,
                                                              robots: Reply, message: str) -> None:
    server.routes.update({"/robots.txt": robots, "/ok": page(ARTICLE)})
    fetcher, _ = make_fetcher(server, FetchConfig(delay=0, timeout=1, retries=0))
    with pytest.raises(PageError) as caught:
        fetcher.get(server.base + "/ok")
    assert message in str(caught.value)
    assert server.hits("/ok") == 0


def test_unreachable_host_is_not_reported_as_disallowed(refused_port: int) -> None:
    fetcher = Fetcher(FetchConfig(delay=0, timeout=1, retries=0), {"127.0.0.1"})
    with pytest.raises(PageError) as caught:
        fetcher.get(f"http://127.0.0.1:{refused_port}/x")
    assert str(caught.value) == (
        f"http://127.0.0.1:{refused_port}/x: robots.txt could not be fetched (connection "
        "refused): treated as disallow-all (RFC 9309); not fetched")


def test_robots_txt_behind_a_redirect_is_obeyed(server: FixtureServer) -> None:
    server.routes.update({
        "/robots.txt": Reply(status=301, headers={"Location": "/robots-moi.txt"}),
        "/robots-moi.txt": page("User-agent: *\nDisallow: /an/\n", "text/plain"),
        "/an/bai": page(ARTICLE),
    })
    fetcher, _ = make_fetcher(server)
    with pytest.raises(PageError, match=r"robots\.txt"):
        fetcher.get(server.base + "/an/bai")


def test_retry_after_as_an_http_date(faults: FixtureServer) -> None:
    fetcher, sleeps = make_fetcher(faults)
    assert fetcher.get(faults.base + "/busy-until").status == 200
    assert [wait for wait in sleeps if 0.5 <= wait <= 2.5]  # about two seconds asked


def test_truncated_body_is_fetched_again(server: FixtureServer) -> None:
    server.routes["/dut"] = sequence(
        Reply(body=b"<html><body><p>Bai", short_by=500, headers={"Content-Type": "text/html"}),
        page(ARTICLE))
    fetcher, sleeps = make_fetcher(server)
    assert "dân vận khéo" in fetcher.get(server.base + "/dut").text()
    assert server.hits("/dut") == 2 and sleeps.count(QUICK.backoff) == 1


@pytest.mark.parametrize(("path", "error_class"), [
    ("/truncated", BodyReadError),   # cut off on every attempt
    ("/gone", PageError),
    ("/report.pdf", PageError),
])
def test_fetch_errors_belong_to_the_library_hierarchy(faults: FixtureServer, path: str,
                                                      error_class: type[FetchError]) -> None:
    fetcher, _ = make_fetcher(faults)
    with pytest.raises(error_class) as caught:
        fetcher.get(faults.base + path)
    assert isinstance(caught.value, FetchError) and isinstance(caught.value, DanvanError)
    assert caught.value.exit_code == FetchError.exit_code


def wrapped(cause: BaseException) -> requests.ConnectionError:
    """A requests error wrapping ``cause`` the way urllib3 does (through ``reason``)."""
    inner = urllib3.exceptions.NewConnectionError(None, f"cannot connect: {cause}")  # type: ignore[arg-type]
    inner.__cause__ = cause
    outer = urllib3.exceptions.MaxRetryError(None, "/robots.txt", inner)  # type: ignore[arg-type]
    return requests.ConnectionError(outer)


@pytest.mark.parametrize(("error", "described"), [
    (wrapped(ConnectionRefusedError(111, "Connection refused")), "connection refused"),
    (wrapped(socket.gaierror(-2, "Name or service not known")), "host name not found"),
    (wrapped(OSError(113, "No route to host")), "connection failed"),
    (requests.ConnectTimeout("chậm quá"), "timed out"),
])
def test_network_failures_are_described_in_a_few_words(error: requests.RequestException,
                                                       described: str) -> None:
    assert describe_request_error(error) == described
