"""One gate for every request: pages, robots.txt, sitemaps, redirects, ``scrape --check``.

127.0.0.1 is the site being crawled (its address is the start URL's, so it is trusted);
a second server on 127.0.0.2 stands for another host, and must never see a request.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from danvan_nlp.cli import main
from danvan_nlp.errors import FetchError, RefusedRequestError
from danvan_nlp.scrapers.fetch import FetchConfig, Fetcher
from danvan_nlp.scrapers.gate import RequestGate, Resolver
from danvan_nlp.scrapers.sites import load_sites
from tests.scrapers.server import XML, FixtureServer, Reply, page

QUICK = FetchConfig(delay=0, timeout=2, retries=0, backoff=0.01)
ARTICLE = "<html><body><p>Xã Quảng Chu ra mắt mô hình dân vận khéo.</p></body></html>"
SECRET = "bi-mat-noi-bo-khong-duoc-in-ra"


def fake_dns(table: dict[str, list[str]]) -> Resolver:
    """Name resolution from a table; the start host is always public."""
    def resolver(host: str, port: int) -> list[str]:
        return table.get(host, ["93.184.216.34"] if host == "start.example.vn" else [])
    return resolver


@pytest.fixture
def other_host() -> Iterator[FixtureServer]:
    """Another host (127.0.0.2) holding something internal."""
    with FixtureServer({"/x": page(SECRET), "/robots.txt": page("User-agent: *\n", "text/plain"),
                        "/latest/meta-data/": page(SECRET)}, host="127.0.0.2") as running:
        yield running


@pytest.mark.parametrize(("url", "addresses", "reason"), [
    ("file:///etc/passwd", ["93.184.216.34"], "only http and https"),
    ("ftp://bao.example.vn/x", ["93.184.216.34"], "only http and https"),
    ("http://khac.example.vn/x", ["93.184.216.34"], "outside the site"),
    ("http://bao.example.vn/x", ["10.1.2.3"], "10.1.2.3"),
    ("http://bao.example.vn/x", ["93.184.216.34", "192.168.1.1"], "192.168.1.1"),
    ("http://bao.example.vn/x", ["169.254.169.254"], "link-local"),
    ("http://bao.example.vn/x", ["127.0.0.1"], "loopback"),
    ("http://bao.example.vn/x", ["::1"], "::1"),
    ("http://bao.example.vn/x", ["::ffff:127.0.0.1"], "::ffff:7f00:1"),
    ("http://bao.example.vn/x", ["224.0.0.1"], "224.0.0.1"),
    ("http://bao.example.vn/x", ["0.0.0.0"], "0.0.0.0"),
    ("http://bao.example.vn/x", [], "host name not found"),
])
def test_gate_refuses(url: str, addresses: list[str], reason: str) -> None:
    resolver = fake_dns({"bao.example.vn": addresses, "khac.example.vn": addresses})
    gate = RequestGate.for_start({"bao.example.vn", "chi-em.example.vn"},
                                 "https://start.example.vn/", resolver=resolver)
    with pytest.raises(RefusedRequestError, match=re.escape(reason)):
        gate.check(url)


def test_gate_lets_public_site_and_sister_hosts_through() -> None:
    resolver = fake_dns({"bao.example.vn": ["93.184.216.34"],
                         "chi-em.example.vn": ["2606:2800:220:1::1"]})
    gate = RequestGate.for_start({"bao.example.vn", "chi-em.example.vn"},
                                 "https://bao.example.vn/", resolver=resolver)
    gate.check("https://bao.example.vn/tin-post1.html")
    gate.check("http://chi-em.example.vn/tin-1/")
    assert gate.trusted_addresses == frozenset()


def test_only_the_start_address_is_trusted_when_it_is_not_public(
        server: FixtureServer, other_host: FixtureServer) -> None:
    gate = RequestGate.for_start({"127.0.0.1", "127.0.0.2"}, server.base + "/")
    gate.check(server.base + "/x")
    with pytest.raises(RefusedRequestError, match=r"127\.0\.0\.2, a private, loopback"):
        gate.check(other_host.base + "/x")


def test_redirect_to_another_host_is_refused_and_never_fetched(
        server: FixtureServer, other_host: FixtureServer) -> None:
    server.routes["/robots.txt"] = page("User-agent: *\n", "text/plain")
    server.routes["/tin"] = Reply(status=302, headers={"Location": other_host.base + "/x"})
    fetcher = Fetcher(QUICK, {"127.0.0.1"})
    with pytest.raises(RefusedRequestError, match=r"/tin: redirect to http://127\.0\.0\.2:\d+/x "
                                                  r"refused \(host 127\.0\.0\.2 is outside"):
        fetcher.get(server.base + "/tin")
    assert other_host.requests == []


def test_redirect_to_a_sister_host_is_followed_but_not_to_its_loopback_address(
        server: FixtureServer, other_host: FixtureServer) -> None:
    server.routes["/robots.txt"] = page("User-agent: *\n", "text/plain")
    server.routes["/tin"] = Reply(status=301, headers={"Location": other_host.base + "/x"})
    site_only = RequestGate.for_start({"127.0.0.1", "127.0.0.2"}, server.base + "/")
    with pytest.raises(RefusedRequestError, match="loopback"):
        Fetcher(QUICK, {"127.0.0.1"}, gate=site_only).get(server.base + "/tin")
    assert other_host.requests == []
    both_trusted = RequestGate.for_hosts({"127.0.0.1", "127.0.0.2"})  # a sister host on a LAN
    fetched = Fetcher(QUICK, {"127.0.0.1"}, gate=both_trusted).get(server.base + "/tin")
    assert SECRET in fetched.text() and fetched.final_url == other_host.base + "/x"


@pytest.mark.parametrize("target", ["other", "metadata", "file"])
def test_robots_txt_redirected_off_the_site_blocks_the_host(
        server: FixtureServer, other_host: FixtureServer, target: str) -> None:
    location = {"other": other_host.base + "/robots.txt",
                "metadata": "http://169.254.169.254/latest/meta-data/",
                "file": "file:///etc/passwd"}[target]
    server.routes["/robots.txt"] = Reply(status=301, headers={"Location": location})
    server.routes["/tin"] = page(ARTICLE)
    fetcher = Fetcher(QUICK, {"127.0.0.1"})
    with pytest.raises(FetchError, match=r"robots\.txt could not be fetched \(redirect to .* "
                                         r"refused"):
        fetcher.get(server.base + "/tin")
    assert other_host.requests == [] and server.hits("/tin") == 0


def test_sitemap_redirect_off_the_site_fails_that_discovery_page(
        server: FixtureServer, other_host: FixtureServer, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    server.routes["/robots.txt"] = Reply(status=404)
    server.routes["/sitemap.xml"] = Reply(status=302,
                                          headers={"Location": other_host.base + "/x"})
    status = main(["scrape", server.base + "/sitemap.xml",
                   "--archive", str(tmp_path / "a.sqlite"), "--delay", "0", "--retries", "0"])
    captured = capsys.readouterr()
    assert status == 1 and "refused" in captured.err and SECRET not in captured.err + captured.out
    assert other_host.requests == []


def test_links_to_another_host_in_a_sitemap_are_not_followed(
        server: FixtureServer, other_host: FixtureServer, tmp_path: Path) -> None:
    sitemap = ("<?xml version='1.0'?><urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>"
               f"<url><loc>{other_host.base}/tin-tuc/bai-viet-mot-hai-ba-12345.html</loc></url>"
               "</urlset>")
    server.routes.update({"/robots.txt": Reply(status=404), "/sitemap.xml": page(sitemap, XML)})
    main(["scrape", server.base + "/sitemap.xml", "--archive", str(tmp_path / "a.sqlite"),
          "--delay", "0", "--retries", "0"])
    assert other_host.requests == []


@pytest.mark.parametrize("location", ["{other}/latest/meta-data/",
                                      "http://169.254.169.254/latest/meta-data/"])
def test_check_never_prints_a_refused_redirect(server: FixtureServer, other_host: FixtureServer,
                                               location: str,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    server.routes["/robots.txt"] = page("User-agent: *\n", "text/plain")
    server.routes["/tin"] = Reply(status=302,
                                  headers={"Location": location.format(other=other_host.base)})
    status = main(["scrape", "--check", server.base + "/tin", "--delay", "0", "--retries", "0"])
    captured = capsys.readouterr()
    assert status == FetchError.exit_code
    assert captured.out == "" and SECRET not in captured.err
    assert len(captured.err.strip().splitlines()) == 1 and "refused" in captured.err
    assert other_host.requests == []


def test_a_sites_dir_definition_names_its_sister_hosts(tmp_path: Path) -> None:
    raw = json.loads((Path(__file__).resolve().parents[2] / "scrapers" / "sites" /
                      "generic.json").read_text(encoding="utf-8"))
    raw.update(name="bao-moi", hosts=["bao.example.vn"], sister_hosts=["Chi-Em.example.vn"])
    (tmp_path / "bao-moi.json").write_text(json.dumps(raw), encoding="utf-8")
    site = load_sites(str(tmp_path))["bao-moi"]
    assert site.sister_hosts == frozenset({"chi-em.example.vn"})
    assert load_sites()["baobackan"].sister_hosts >= {"baothainguyen.vn"}


def test_a_name_that_rebinds_to_loopback_is_caught_at_connection(server: FixtureServer) -> None:
    """The gate's lookup says public; the connection then reaches 127.0.0.1 (DNS rebinding):
    the socket is closed before any request is sent."""
    port = server.base.rsplit(":", 1)[1]
    gate = RequestGate.for_start({"localhost"}, "https://start.example.vn/",
                                 resolver=fake_dns({"localhost": ["93.184.216.34"]}))
    fetcher = Fetcher(QUICK, {"localhost"}, gate=gate)
    with pytest.raises(FetchError, match=r"connection reached 127\.0\.0\.1, .*closed before "
                                         r"any request was sent"):
        fetcher.get(f"http://localhost:{port}/tin")
    assert server.requests == []  # neither robots.txt nor the page reached the server
