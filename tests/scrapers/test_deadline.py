"""Time limits on the network: a whole-response deadline, a capped Crawl-delay."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from danvan_nlp.cli import main
from danvan_nlp.errors import PageError
from danvan_nlp.scrapers.fetch import FetchConfig, Fetcher
from danvan_nlp.scrapers.gate import RequestGate
from tests.scrapers.server import FixtureServer, Reply, page

BODY = ("<html><body><p>" + "Huyện Na Rì có 120 mô hình dân vận khéo. " * 40 +
        "</p></body></html>").encode()


class Sleeps(list[float]):
    """Records the pauses asked of time.sleep instead of waiting."""

    def __call__(self, seconds: float) -> None:
        self.append(seconds)


def test_a_one_byte_at_a_time_server_is_cut_at_the_deadline(server: FixtureServer) -> None:
    server.routes["/robots.txt"] = Reply(status=404)
    server.routes["/cham"] = Reply(body=BODY, headers={"Content-Type": "text/html"}, drip=0.05)
    # each read gets a byte well within its 2-second timeout: only the deadline can stop it
    config = FetchConfig(delay=0, timeout=2, retries=2, backoff=0.01, deadline=0.6)
    fetcher = Fetcher(config, {"127.0.0.1"}, sleep=Sleeps())
    try:
        fetcher.get(server.base + "/cham")
    except PageError as error:
        message = str(error)
    else:
        raise AssertionError("a page dribbled byte by byte was read to its end")
    assert "whole-response deadline of 0.6 s" in message and "cut off" in message
    assert 0 < server.dripped < len(BODY)  # cut in the middle of the body...
    assert server.hits("/cham") == 1  # ...and not fetched again: it would be cut again


def test_a_server_that_never_ends_its_headers_is_cut_too(server: FixtureServer) -> None:
    server.routes["/robots.txt"] = Reply(status=404)
    server.routes["/im-lang"] = Reply(body=BODY, headers={"Content-Type": "text/html"},
                                      pause=30)
    config = FetchConfig(delay=0, timeout=60, retries=0, deadline=0.5)
    fetcher = Fetcher(config, {"127.0.0.1"}, sleep=Sleeps())
    try:
        fetcher.get(server.base + "/im-lang")
    except PageError as error:
        assert "deadline" in str(error)
    else:
        raise AssertionError("a page whose headers never came was waited for")


def test_a_page_within_the_deadline_is_read_whole(server: FixtureServer) -> None:
    server.routes["/robots.txt"] = Reply(status=404)
    server.routes["/nhanh"] = Reply(body=BODY, headers={"Content-Type": "text/html"})
    fetcher = Fetcher(FetchConfig(delay=0, timeout=2, deadline=30), {"127.0.0.1"})
    assert fetcher.get(server.base + "/nhanh").body == BODY
    assert fetcher.watchdog is not None and not fetcher.watchdog.expired.is_set()


def test_a_huge_crawl_delay_is_capped_and_said_once(server: FixtureServer) -> None:
    server.routes["/robots.txt"] = page("User-agent: *\nCrawl-delay: 86400\n", "text/plain")
    for path in ("/a", "/b", "/c"):
        server.routes[path] = page("<p>Tin dân vận</p>")
    sleeps, notices = Sleeps(), list[str]()
    config = FetchConfig(delay=1, timeout=2, max_crawl_delay=7)
    fetcher = Fetcher(config, {"127.0.0.1"}, sleep=sleeps, report=notices.append)
    for path in ("/a", "/b", "/c"):
        fetcher.get(server.base + path)
    assert max(sleeps) <= 7
    assert sum(1 for wait in sleeps if wait > 6) == 3  # before /a, /b and /c
    assert len(notices) == 1
    assert "Crawl-delay of 86400 s; capped at 7 s (--max-crawl-delay)" in notices[0]


def test_a_modest_crawl_delay_is_obeyed_silently(server: FixtureServer) -> None:
    server.routes["/robots.txt"] = page("User-agent: *\nCrawl-delay: 5\n", "text/plain")
    server.routes["/a"] = page("<p>Tin</p>")
    server.routes["/b"] = page("<p>Tin</p>")
    sleeps, notices = Sleeps(), list[str]()
    fetcher = Fetcher(FetchConfig(delay=0, timeout=2), {"127.0.0.1"}, sleep=sleeps,
                      report=notices.append)
    fetcher.get(server.base + "/a")
    fetcher.get(server.base + "/b")
    assert notices == [] and any(wait > 4 for wait in sleeps)


def test_the_scrape_command_takes_both_limits(server: FixtureServer, tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    server.routes["/robots.txt"] = page("User-agent: *\nCrawl-delay: 86400\n", "text/plain")
    server.routes["/cham-post7.html"] = Reply(body=BODY, headers={"Content-Type": "text/html"},
                                              drip=0.05)
    archive = tmp_path / "tin.sqlite"
    status = main(["scrape", server.base + "/cham-post7.html", "--site", "baobackan",
                   "--archive", str(archive), "--retries", "0", "--delay", "0",
                   "--max-crawl-delay", "0.1", "--deadline", "0.5"])
    err = capsys.readouterr().err
    assert status == 1
    assert "Crawl-delay of 86400 s; capped at 0.1 s" in err
    assert "whole-response deadline of 0.5 s" in err
    with sqlite3.connect(archive) as db:
        rows = db.execute("SELECT error, text FROM articles").fetchall()
    assert len(rows) == 1 and "deadline" in rows[0][0] and rows[0][1] is None


def test_the_deadline_holds_through_an_http_proxy(server: FixtureServer,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """The loopback server plays a forward proxy that dribbles the page it relays."""
    monkeypatch.setenv("HTTP_PROXY", server.base)
    monkeypatch.setenv("http_proxy", server.base)
    server.routes["http://bao.example.vn/robots.txt"] = Reply(status=404)
    server.routes["http://bao.example.vn/cham"] = Reply(
        body=BODY, headers={"Content-Type": "text/html"}, drip=0.05)
    gate = RequestGate.for_start({"bao.example.vn"}, "http://bao.example.vn/",
                                 resolver=lambda host, port: ["93.184.216.34"])
    config = FetchConfig(delay=0, timeout=2, retries=0, deadline=0.6)
    fetcher = Fetcher(config, {"bao.example.vn"}, sleep=Sleeps(), gate=gate)
    with pytest.raises(PageError, match=r"whole-response deadline of 0\.6 s"):
        fetcher.get("http://bao.example.vn/cham")
    assert server.hits("http://bao.example.vn/cham") == 1  # it did go through the proxy
    assert 0 < server.dripped < len(BODY)
