"""Whole crawls through ``danvan scrape`` against the fixture sites on 127.0.0.1."""

from __future__ import annotations

import gzip
import json
import sqlite3
from pathlib import Path

import pytest

from danvan_nlp.cli import main
from danvan_nlp.errors import FetchError
from danvan_nlp.scrapers.archive import iter_articles
from tests.scrapers.conftest import baobackan_routes, generic_routes
from tests.scrapers.server import FixtureServer, Reply, Request, fixture, page

QUICK = ["--delay", "0", "--timeout", "2", "--retries", "1", "--backoff", "0.01",
         "--max-bytes", "300000"]
BBK_ARTICLES = {
    "101": "/cho-moi-dan-van-kheo-o-na-ri-post101.html",
    "102": "/cho-don-xay-dung-nong-thon-moi-post102.html",
    "103": "/ba-be-nguoi-co-uy-tin-post103.html",
    "104": "/pac-nam-giam-ngheo-post104.html",
}


def scrape(server: FixtureServer, start: str, archive: Path, *extra: str,
           site: str = "baobackan") -> int:
    """``danvan scrape`` with tiny delays; the fixture host is 127.0.0.1, so name the site."""
    return main(["scrape", server.base + start, "--archive", str(archive), "--site", site,
                 *QUICK, *extra])


def archived(archive: Path) -> dict[str, tuple[str | None, str | None]]:
    """url path -> (error, published) of every row."""
    with sqlite3.connect(archive) as db:
        rows = db.execute("SELECT url, error, published FROM articles").fetchall()
    return {url.split(":", 2)[2].split("/", 1)[1]: (error, day) for url, error, day in rows}


def usable_paths(archive: Path) -> set[str]:
    return {"/" + item["url"].split("/", 3)[3] for item in iter_articles(archive)}


def article_hits(server: FixtureServer) -> int:
    return sum(1 for request in server.requests if request.path.endswith(".html")
               or "/Home/Tin-tuc/Dia-phuong/" in request.path)


@pytest.mark.parametrize(("fixture_name", "start", "site", "paths", "sources"), [
    ("baobackan_site", "/chinh-tri", "baobackan", set(BBK_ARTICLES.values()),
     {"baobackan.vn"}),
    ("danvan_site", "/Home/Tin-tuc/Dia-phuong", "danvan",
     {"/Home/Tin-tuc/Dia-phuong/30001/Bac-Kan-Hoi-nghi-Dan-van-kheo",
      "/Home/Tin-tuc/Dia-phuong/30002/Cao-Bang-bieu-duong-mo-hinh",
      "/Home/Tin-tuc/Dia-phuong/30003/Lang-Son-dan-van-chinh-quyen"},
     {"baobackan.org.vn", "Báo Cao Bằng", "baolangson.vn"}),
    ("generic_site", "/sitemap-index.xml", "generic",
     {"/tin-tuc/thai-nguyen-ra-mat-mo-hinh-dan-van-kheo-5001.html",
      "/tin-tuc/tuyen-quang-hien-dat-lam-duong-5002.html",
      "/tin-tuc/bai-cu-nam-2019-4001.html"}, {"127.0.0.1"}),
    ("generic_site", "/feed.rss", "generic",
     {"/tin-tuc/thai-nguyen-ra-mat-mo-hinh-dan-van-kheo-5001.html",
      "/tin-tuc/tuyen-quang-hien-dat-lam-duong-5002.html"}, {"127.0.0.1"}),
])
def test_crawl_each_kind_of_site(request: pytest.FixtureRequest, tmp_path: Path,
                                 capsys: pytest.CaptureFixture[str], fixture_name: str,
                                 start: str, site: str, paths: set[str], sources: set[str]) -> None:
    server: FixtureServer = request.getfixturevalue(fixture_name)
    archive = tmp_path / "tin.sqlite"
    assert scrape(server, start, archive, site=site) == 0
    items = list(iter_articles(archive))
    assert usable_paths(archive) == paths
    assert {item["source"] for item in items} == sources
    assert all(item["site"] == site and item["text"] and item["published"] for item in items)
    assert f"new {len(paths)}" in capsys.readouterr().out
    assert not any("other.invalid" in item["url"] for item in items)


def test_rerun_fetches_only_what_is_new(baobackan_site: FixtureServer, tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    archive = tmp_path / "tin.sqlite"
    scrape(baobackan_site, "/chinh-tri", archive)
    first_hits = article_hits(baobackan_site)
    scrape(baobackan_site, "/chinh-tri", archive)
    assert article_hits(baobackan_site) == first_hits == 4
    out = capsys.readouterr().out.splitlines()[-1]
    assert "fetched 0, new 0, unchanged 4" in out


@pytest.mark.parametrize(("fault", "message", "first_run_hits"), [
    (Reply(status=500, body=b"loi may chu"), "HTTP 500", 2),          # one retry
    (Reply(status=404), "HTTP 404", 1),
    (page(b"%PDF-1.4", "application/pdf"), "not an HTML page", 1),
    (page("<p>" + "rất dài " * 400_000 + "</p>"), "cap", 1),
    (Reply(body=b"<html><body><p>Bai", short_by=900, headers={"Content-Type": "text/html"}),
     "truncated", 2),                                                   # one retry
    (page("<html><body><nav>Trang chủ</nav></body></html>"), "no article text", 1),
])
def test_failed_page_is_recorded_then_retried(tmp_path: Path, fault: Reply, message: str,
                                              first_run_hits: int) -> None:
    server = FixtureServer()
    server.routes.update(baobackan_routes(server.base))
    path = BBK_ARTICLES["102"]
    good = server.routes[path]
    server.routes[path] = fault
    archive = tmp_path / "tin.sqlite"
    with server:
        scrape(server, "/chinh-tri", archive)
        error = archived(archive)[path[1:]][0]
        server.routes[path] = good
        scrape(server, "/chinh-tri", archive)
    assert error is not None and message in error
    assert archived(archive)[path[1:]][0] is None
    assert server.hits(path) == first_run_hits + 1


def test_robots_disallowed_article_is_not_fetched(tmp_path: Path) -> None:
    server = FixtureServer()
    server.routes.update(baobackan_routes(server.base))
    server.routes["/robots.txt"] = page("User-agent: *\nDisallow: /ba-be\n", "text/plain")
    with server:
        scrape(server, "/chinh-tri", tmp_path / "tin.sqlite")
    assert server.hits(BBK_ARTICLES["103"]) == 0
    error = archived(tmp_path / "tin.sqlite")[BBK_ARTICLES["103"][1:]][0]
    assert error is not None and "robots.txt" in error


def test_unchanged_listing_answers_304_and_its_links_are_still_known(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    listing = fixture("baobackan/list-2.html")
    listing.headers["Last-Modified"] = "Sun, 02 Jun 2024 01:00:00 GMT"

    def listing_route(request: Request) -> Reply:
        if request.headers.get("if-modified-since") == listing.headers["Last-Modified"]:
            return Reply(status=304)
        return listing

    server = FixtureServer()
    server.routes.update(baobackan_routes(server.base))
    server.routes["/chinh-tri?page=2"] = listing_route
    with server:
        for _ in range(2):
            scrape(server, "/chinh-tri?page=2", tmp_path / "tin.sqlite")
    assert [r.headers.get("if-modified-since") for r in server.requests
            if r.path == "/chinh-tri?page=2"] == [None, "Sun, 02 Jun 2024 01:00:00 GMT"]
    assert "discovered 2, fetched 0, new 0, unchanged 2" in capsys.readouterr().out


def test_gzipped_sitemap(server: FixtureServer, tmp_path: Path) -> None:
    server.routes.update(generic_routes(server.base))
    sitemap = fixture("generic/news-2024.xml", server.base).body
    server.routes["/sitemap.xml.gz"] = page(gzip.compress(sitemap), "application/x-gzip")
    scrape(server, "/sitemap.xml.gz", tmp_path / "tin.sqlite", site="generic")
    assert len(usable_paths(tmp_path / "tin.sqlite")) == 2


@pytest.mark.parametrize(("bounds", "expected"), [
    (["--since", "2024-07-01"], {"101", "102"}),
    (["--until", "2024-06-30"], {"103", "104"}),
    (["--since", "2024-01-01", "--until", "2024-06-30"], {"103"}),
    (["--max-articles", "1"], {"101"}),
    (["--max-pages", "1"], {"101", "102"}),
])
def test_bounds_of_a_run(baobackan_site: FixtureServer, tmp_path: Path, bounds: list[str],
                         expected: set[str]) -> None:
    archive = tmp_path / "tin.sqlite"
    assert scrape(baobackan_site, "/chinh-tri", archive, *bounds) == 0
    assert usable_paths(archive) == {BBK_ARTICLES[number] for number in expected}


def test_since_skips_old_sitemaps(generic_site: FixtureServer, tmp_path: Path) -> None:
    scrape(generic_site, "/sitemap-index.xml", tmp_path / "tin.sqlite", "--since", "2024-01-01",
           site="generic")
    assert generic_site.hits("/sitemaps/archive-2019.xml") == 0
    assert generic_site.hits("/tin-tuc/bai-cu-nam-2019-4001.html") == 0


def test_refresh_revalidates_with_conditional_requests(tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    page = fixture("baobackan/bbk-101.html")
    page.headers["ETag"] = '"bbk-101-v1"'

    def revalidating(request: Request) -> Reply:
        return Reply(status=304) if request.headers.get("if-none-match") == '"bbk-101-v1"' else page

    server = FixtureServer()
    server.routes.update(baobackan_routes(server.base))
    server.routes[BBK_ARTICLES["101"]] = revalidating
    with server:
        scrape(server, "/chinh-tri", tmp_path / "tin.sqlite", "--max-pages", "1")
        scrape(server, "/chinh-tri", tmp_path / "tin.sqlite", "--max-pages", "1", "--refresh")
    sent = [r.headers.get("if-none-match") for r in server.requests
            if r.path == BBK_ARTICLES["101"]]
    assert sent == [None, '"bbk-101-v1"']
    assert "unchanged 2" in capsys.readouterr().out.splitlines()[-1]


def test_archive_export_command(baobackan_site: FixtureServer, tmp_path: Path) -> None:
    archive, out = tmp_path / "tin.sqlite", tmp_path / "tin.jsonl"
    scrape(baobackan_site, "/chinh-tri", archive)
    assert main(["archive", "export", str(archive), "--format", "jsonl", "--out", str(out)]) == 0
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(lines) == 4
    assert all(set(line) == {"url", "title", "published", "source", "site", "text"}
               for line in lines)
    assert any(line["title"] == "Ba Bể phát huy vai trò người có uy tín" for line in lines)


@pytest.mark.parametrize(("path", "shown"), [
    (BBK_ARTICLES["101"], ["✓", "div.article__body.cms-body", "Chợ Mới: Dân vận khéo ở Na Rì",
                           "fallbacks alone", "2024-07-20"]),
    ("/chinh-tri", ["discovery: listing, 3 article links, 1 further pages",
                    "cho-moi-dan-van-kheo-o-na-ri-post101.html", "other start points",
                    "feed     http://127.0.0.1", "/rss/chinh-tri.rss",
                    "sitemap  https://baobackan.org.vn/sitemap.xml"]),
])
def test_check_reports_selectors_and_fallbacks(baobackan_site: FixtureServer, path: str,
                                               shown: list[str],
                                               capsys: pytest.CaptureFixture[str]) -> None:
    status = main(["scrape", "--check", baobackan_site.base + path, "--site", "baobackan",
                   *QUICK])
    out = capsys.readouterr().out
    assert status == 0
    assert [part for part in shown if part not in out] == []


def test_check_of_an_unreachable_host_says_robots_txt_could_not_be_fetched(
        refused_port: int, capsys: pytest.CaptureFixture[str]) -> None:
    status = main(["scrape", "--check", f"http://127.0.0.1:{refused_port}/x", *QUICK])
    err = capsys.readouterr().err
    assert status == FetchError.exit_code
    assert "robots.txt could not be fetched (connection refused): treated as disallow-all " \
           "(RFC 9309); not fetched" in err
    assert "disallowed by robots.txt" not in err


def test_sites_lists_the_definitions(tmp_path: Path,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    mine = {"name": "baolangson", "title": "Báo Lạng Sơn", "hosts": ["baolangson.vn"],
            "article_url": r"-(?P<id>\d+)\.html$", "article": {"body": [".detail"]}}
    (tmp_path / "baolangson.json").write_text(json.dumps(mine), encoding="utf-8")
    assert main(["sites", "--sites-dir", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    expected = ("baobackan", "danvan", "generic", "baobackan.com.vn", "Báo Lạng Sơn")
    assert [name for name in expected if name not in out] == []


@pytest.mark.parametrize(("argv", "message"), [
    (["scrape", "--archive", "x.sqlite"], "give a START_URL"),
    (["scrape", "trang-chu", "--archive", "x.sqlite"], "not an http(s) URL"),
    (["scrape", "ftp://danvan.vn/", "--archive", "x.sqlite"], "not an http(s) URL"),
    (["scrape", "http://127.0.0.1:9/"], "give --archive PATH"),
    (["scrape", "http://127.0.0.1:9/", "--archive", "/khong/co/thu-muc/x.sqlite"],
     "does not exist"),
    (["scrape", "http://127.0.0.1:9/", "--archive", "x.sqlite", "--site", "vnexpress"],
     "no site definition named"),
    (["archive", "export", "khong-co.sqlite"], "no such archive"),
    (["scrape", "http://127.0.0.1:9/", "--archive", "x.sqlite", "--since", "2024-07-01",
      "--until", "2024-01-01"], "is after --until"),
])
def test_bad_input_is_one_clear_line(argv: list[str], message: str, tmp_path: Path,
                                     monkeypatch: pytest.MonkeyPatch,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(argv) != 0
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err


@pytest.mark.parametrize("value", ["23/07/2024", "hôm qua"])
def test_bad_dates_are_refused_by_the_parser(value: str,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["scrape", "http://127.0.0.1:9/", "--archive", "x.sqlite", "--since", value])
    assert stopped.value.code == 2
    assert "is not a date like 2024-07-23" in capsys.readouterr().err


def test_start_at_one_article(baobackan_site: FixtureServer, tmp_path: Path) -> None:
    assert scrape(baobackan_site, BBK_ARTICLES["103"], tmp_path / "tin.sqlite") == 0
    assert usable_paths(tmp_path / "tin.sqlite") == {BBK_ARTICLES["103"]}
    assert baobackan_site.hits("/chinh-tri") == 0


@pytest.mark.parametrize(("robots", "start", "message"), [
    (page("User-agent: *\nDisallow: /\n", "text/plain"), "/chinh-tri", "robots.txt"),
    (Reply(status=404), "/khong-co-trang-nay", "HTTP 404"),
])
def test_unreadable_start_page_fails_the_run(server: FixtureServer, tmp_path: Path,
                                             robots: Reply, start: str, message: str,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    server.routes["/robots.txt"] = robots
    assert scrape(server, start, tmp_path / "tin.sqlite") == 1
    captured = capsys.readouterr()
    assert message in captured.err and "discovery pages 1 (1 failed)" in captured.out


@pytest.mark.parametrize(("group", "options"), [
    ("what to fetch", ["--since", "--until", "--max-pages", "--max-articles", "--refresh"]),
    ("politeness", ["--delay", "--timeout", "--retries", "--backoff", "--max-bytes", "--contact",
                    "--deadline", "--max-crawl-delay"]),
])
def test_scrape_help_lists_its_option_groups(group: str, options: list[str],
                                             capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["scrape", "--help"])
    help_text = capsys.readouterr().out
    section = help_text.split(f"{group}:", 1)[1]
    assert [option for option in options if option not in section.split("\n\n")[0]] == []
