"""Fixture sites served on 127.0.0.1: one per site definition, shaped like the real ones."""

from __future__ import annotations

import socket
from collections.abc import Callable, Iterator

import pytest

from tests.scrapers.server import XML, FixtureServer, Reply, Route, fixture, page

ROBOTS = "User-agent: *\nDisallow: /private/\n\nSitemap: https://baobackan.org.vn/sitemap.xml\n"


def baobackan_routes(base: str) -> dict[str, Route]:
    """A Báo Bắc Kạn section: two listing pages, four articles, a foreign link."""
    routes: dict[str, Route] = {
        "/robots.txt": page(ROBOTS, "text/plain"),
        "/chinh-tri": fixture("baobackan/list-1.html"),
        "/chinh-tri?page=2": fixture("baobackan/list-2.html"),
    }
    slugs = {101: "cho-moi-dan-van-kheo-o-na-ri", 102: "cho-don-xay-dung-nong-thon-moi",
             103: "ba-be-nguoi-co-uy-tin", 104: "pac-nam-giam-ngheo"}
    for number, slug in slugs.items():
        routes[f"/{slug}-post{number}.html"] = fixture(f"baobackan/bbk-{number}.html")
    return routes


def danvan_routes(base: str) -> dict[str, Route]:
    """A danvan.vn section: a listing with 'Trang sau', three reposted articles."""
    section = "/Home/Tin-tuc/Dia-phuong"
    return {
        "/robots.txt": page(ROBOTS, "text/plain"),
        section: fixture("danvan/list-1.html"),
        f"{section}?page=2": fixture("danvan/list-2.html"),
        f"{section}/30001/Bac-Kan-Hoi-nghi-Dan-van-kheo": fixture("danvan/dv-30001.html"),
        f"{section}/30002/Cao-Bang-bieu-duong-mo-hinh": fixture("danvan/dv-30002.html"),
        f"{section}/30003/Lang-Son-dan-van-chinh-quyen": fixture("danvan/dv-30003.html"),
    }


def generic_routes(base: str) -> dict[str, Route]:
    """Any other site: a sitemap index, a news sitemap, an old sitemap, RSS and Atom feeds."""
    routes: dict[str, Route] = {"/robots.txt": Reply(status=404)}
    for name in ("sitemap-index.xml", "feed.rss", "feed.atom"):
        routes[f"/{name}"] = fixture(f"generic/{name}", base, XML)
    for name in ("news-2024.xml", "archive-2019.xml"):
        routes[f"/sitemaps/{name}"] = fixture(f"generic/{name}", base, XML)
    articles = {"5001": "thai-nguyen-ra-mat-mo-hinh-dan-van-kheo",
                "5002": "tuyen-quang-hien-dat-lam-duong", "4001": "bai-cu-nam-2019"}
    for number, slug in articles.items():
        routes[f"/tin-tuc/{slug}-{number}.html"] = fixture(f"generic/a-{number}.html")
    return routes


def serve(builder: Callable[[str], dict[str, Route]]) -> Iterator[FixtureServer]:
    """Start a server whose routes are built from its own address."""
    server = FixtureServer()
    server.routes.update(builder(server.base))
    with server:
        yield server


@pytest.fixture(autouse=True)
def no_proxy_for_loopback(monkeypatch: pytest.MonkeyPatch) -> None:
    """Requests to the fixture sites never go through a proxy the environment may name."""
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    monkeypatch.setenv("no_proxy", "127.0.0.1,localhost")


@pytest.fixture
def baobackan_site() -> Iterator[FixtureServer]:
    """A running Báo Bắc Kạn-like site."""
    yield from serve(baobackan_routes)


@pytest.fixture
def danvan_site() -> Iterator[FixtureServer]:
    """A running danvan.vn-like site."""
    yield from serve(danvan_routes)


@pytest.fixture
def generic_site() -> Iterator[FixtureServer]:
    """A running site with sitemaps and feeds."""
    yield from serve(generic_routes)


@pytest.fixture
def server() -> Iterator[FixtureServer]:
    """An empty server; the test adds its own routes."""
    with FixtureServer() as running:
        yield running


@pytest.fixture
def refused_port() -> Iterator[int]:
    """A 127.0.0.1 port that is bound but not listening: connecting to it is refused."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as unused:
        unused.bind(("127.0.0.1", 0))
        yield int(unused.getsockname()[1])
