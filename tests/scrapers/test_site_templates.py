"""Site definitions after the 2025 mergers: CMS templates, one fixture page per paper,
sitemap-first discovery (gzip monthly sitemaps filtered by month), print digests skipped,
article data embedded as JSON, and an empty discovery that says why. Every page is served
from 127.0.0.1 and every site is forced with ``--site`` (no definition knows that host)."""

from __future__ import annotations

import gzip
import json
import sqlite3
from dataclasses import replace
from ipaddress import ip_address
from pathlib import Path
from typing import Any

import pytest

from danvan_nlp.cli import main
from danvan_nlp.scrapers.archive import Archive, iter_articles
from danvan_nlp.scrapers.crawl import CrawlBounds, Crawler
from danvan_nlp.scrapers.fetch import FetchConfig, Fetcher
from danvan_nlp.scrapers.gate import RequestGate
from danvan_nlp.scrapers.sites import load_sites
from tests.scrapers.server import XML, FixtureServer, Reply, fixture, page

QUICK = ["--delay", "0", "--timeout", "5", "--retries", "0", "--backoff", "0.01"]
SITES_FIXTURES = Path(__file__).parent / "fixtures" / "sites"
EXPECTED: dict[str, dict[str, Any]] = json.loads(
    (SITES_FIXTURES / "expected.json").read_text(encoding="utf-8"))
JUNK = ("Quảng cáo", "Bài cũ về một chủ đề khác", "0:00", "Nghe đọc bài", "Tin liên quan",
        "In bài", "Thứ Hai, 07/12/2026")
NOT_FOUND = Reply(status=404, body=b"not found")


def scrape(server: FixtureServer, start: str, archive: Path, site: str, *extra: str) -> int:
    return main(["scrape", server.base + start, "--archive", str(archive), "--site", site,
                 *QUICK, *extra])


def stored(archive: Path) -> dict[str, dict[str, Any]]:
    """Path of each usable archived article -> its row (author and lead included)."""
    fields = ("url", "title", "lead", "text", "published", "author", "source")
    with sqlite3.connect(archive) as db:
        rows = db.execute(f"SELECT {', '.join(fields)} FROM articles WHERE error IS NULL "
                          "ORDER BY url").fetchall()
    usable = {item["url"] for item in iter_articles(archive)}
    return {"/" + row[0].split("/", 3)[3]: dict(zip(fields, row, strict=True))
            for row in rows if row[0] in usable}


def gzipped(name: str, base: str) -> Reply:
    """A sitemap fixture sent as a gzip file, as the monthly news sitemaps are."""
    text = (SITES_FIXTURES / "sitemaps" / name).read_text(encoding="utf-8")
    return page(gzip.compress(text.replace("{base}", base).encode("utf-8")),
                "application/x-gzip")


def article_route(name: str) -> Reply:
    return fixture(f"sites/{name}/article.html")


def test_templates_are_inherited_and_overridden() -> None:
    sites = load_sites()
    post = [sites[name] for name in ("baobackan", "baolaocai", "baohatinh")]
    month = [sites[name] for name in ("baothainguyen", "baotuyenquang", "baobariavungtau")]
    assert {site.template for site in post} == {"cms-post"}
    assert {site.template for site in month} == {"cms-yyyymm"}
    assert all(site.selectors["body"][0] == "div.article__body.cms-body" for site in post)
    assert all(site.listing.links[0] == "a.title2" for site in month)
    assert sites["baobackan"].text.lead_prefix is not None  # its own override
    assert sites["baolaocai"].text.lead_prefix is None
    assert sites["baolaocai"].text.stop_lines == ("Tin liên quan", "Bài viết liên quan", "Từ khóa")


def test_baobackan_hosts_after_the_merger() -> None:
    site = load_sites()["baobackan"]
    assert {"baobackan.vn", "baobackan.com.vn"} <= site.hosts
    assert "baobackan.org.vn" not in site.hosts
    assert "baothainguyen.vn" in site.sister_hosts
    assert site.skips_title("Điểm báo in Bắc Kạn ngày 17/3/2025")
    assert not site.skips_title("Na Rì: Chi hội phụ nữ giúp nhau nuôi gà đồi")


def test_unknown_template_is_one_clear_error(tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    definition = {"name": "baomoi", "template": "cms-khong-co", "hosts": ["baomoi.vn"]}
    (tmp_path / "baomoi.json").write_text(json.dumps(definition), encoding="utf-8")
    assert main(["sites", "--sites-dir", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert "names template 'cms-khong-co'" in err and "cms-post" in err
    assert "Traceback" not in err


def test_user_definition_on_a_template(tmp_path: Path) -> None:
    definition = {"name": "baodaklak", "template": "cms-yyyymm", "hosts": ["baodaklak.vn"],
                  "article": {"author": [".tac-gia"]}}
    (tmp_path / "baodaklak.json").write_text(json.dumps(definition), encoding="utf-8")
    site = load_sites(str(tmp_path))["baodaklak"]
    assert site.selectors["author"] == (".tac-gia",)
    assert site.selectors["body"] == ("div.content-detail", ".detail-content")
    assert site.article_id("https://baodaklak.vn/xa-hoi/202501/dan-van-kheo-0c1d2e3/") == "0c1d2e3"


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_paper_fixture_scraped_as_one_article(name: str, tmp_path: Path) -> None:
    expected = EXPECTED[name]
    with FixtureServer({"/robots.txt": NOT_FOUND,
                        expected["path"]: article_route(name)}) as server:
        assert scrape(server, expected["path"], tmp_path / "a.sqlite", name) == 0
    row = stored(tmp_path / "a.sqlite")[expected["path"]]
    assert (row["title"], row["published"], row["author"], row["lead"]) == (
        expected["title"], expected["iso"], expected["author"], expected["lead"])
    paragraphs = row["text"].split("\n\n")
    assert paragraphs == [expected["title"], expected["lead"], *expected["body"]]
    assert not [junk for junk in JUNK if junk in row["text"]]


def test_cms_post_sitemaps_first_gzip_months_filtered_digests_skipped(tmp_path: Path) -> None:
    digest = (SITES_FIXTURES / "baobackan" / "article.html").read_text(encoding="utf-8")
    digest = digest.replace("Na Rì: Chi hội phụ nữ giúp nhau nuôi gà đồi",
                            "Điểm báo in Bắc Kạn sáng 16/3/2025")
    with FixtureServer({"/robots.txt": NOT_FOUND}) as server:
        server.routes.update({
            "/sitemap.xml": fixture("sites/sitemaps/cms-post-index.xml", server.base, XML),
            "/sitemaps/news-2025-3.xml": gzipped("cms-post-news-2025-3.xml", server.base),
            EXPECTED["baobackan"]["path"]: article_route("baobackan"),
            "/ban-tin-sang-post70013.html": page(digest),
        })
        assert scrape(server, "/", tmp_path / "a.sqlite", "baobackan",
                      "--since", "2025-03-01") == 0
        hits = {path: server.hits(path) for path in (
            "/sitemaps/news-2025-2.xml", "/sitemaps/news-2024-12.xml", "/sitemaps/categories.xml",
            "/diem-bao-in-bac-kan-ngay-17-3-2025-post70012.html", "/ban-tin-sang-post70013.html",
            "/sitemaps/news-2025-3.xml")}
    assert list(stored(tmp_path / "a.sqlite")) == [EXPECTED["baobackan"]["path"]]
    assert hits == {"/sitemaps/news-2025-2.xml": 0, "/sitemaps/news-2024-12.xml": 0,
                    "/sitemaps/categories.xml": 0,
                    "/diem-bao-in-bac-kan-ngay-17-3-2025-post70012.html": 0,
                    "/ban-tin-sang-post70013.html": 1, "/sitemaps/news-2025-3.xml": 1}


def test_cms_yyyymm_sitemap_months_outside_until_are_not_fetched(tmp_path: Path,
                                                                 capsys: pytest.CaptureFixture[
                                                                     str]) -> None:
    expected = EXPECTED["baothainguyen"]
    with FixtureServer({"/robots.txt": NOT_FOUND}) as server:
        server.routes.update({
            "/sitemap.xml": fixture("sites/sitemaps/cms-yyyymm-index.xml", server.base, XML),
            "/sitemap/news-2024-10.xml": gzipped("cms-yyyymm-news-2024-10.xml", server.base),
            expected["path"]: article_route("baothainguyen"),
        })
        assert scrape(server, "/", tmp_path / "a.sqlite", "baothainguyen",
                      "--since", "2024-10-01", "--until", "2024-10-31") == 0
        skipped = server.hits("/sitemap/news-2024-09.xml") + server.hits(
            "/sitemap/news-2023-05.xml")
    assert skipped == 0
    assert list(stored(tmp_path / "a.sqlite")) == [expected["path"]]
    assert "sitemaps outside the dates 2" in capsys.readouterr().out


def test_cms_yyyymm_listing_page(tmp_path: Path) -> None:
    expected = EXPECTED["baothainguyen"]
    with FixtureServer({"/robots.txt": NOT_FOUND,
                        "/chinh-tri/": fixture("sites/listings/baothainguyen.html"),
                        expected["path"]: article_route("baothainguyen")}) as server:
        assert scrape(server, "/chinh-tri/", tmp_path / "a.sqlite", "baothainguyen") == 0
    assert stored(tmp_path / "a.sqlite")[expected["path"]]["author"] == "Ngọc Lan"


def test_listing_pages_second_when_the_sitemap_gives_nothing(tmp_path: Path) -> None:
    expected = EXPECTED["nghean-dcs"]
    with FixtureServer({"/robots.txt": NOT_FOUND,
                        "/dan-van-kheo": fixture("sites/listings/nghean-dcs.html"),
                        expected["path"]: article_route("nghean-dcs")}) as server:
        assert scrape(server, "/", tmp_path / "a.sqlite", "nghean-dcs") == 0
        order = [request.path for request in server.requests if request.path != "/robots.txt"]
    assert order == ["/sitemap.xml", "/dan-van-kheo", expected["path"]]


def test_listing_with_no_article_link_says_which_rules_matched_nothing(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    listing = page("<html><body><div class='menu'><a href='/gioi-thieu'>Giới thiệu</a>"
                   "</div></body></html>")
    with FixtureServer({"/robots.txt": NOT_FOUND, "/chinh-tri/": listing}) as server:
        assert scrape(server, "/chinh-tri/", tmp_path / "a.sqlite", "baothainguyen") == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("danvan: found no article to fetch:")
    assert "'a.title2'" in err[0] and "article_url pattern" in err[0]


def test_sitemap_without_article_urls_says_so(tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    sitemap = page("<?xml version='1.0'?><urlset xmlns='http://www.sitemaps.org/schemas/"
                   "sitemap/0.9'><url><loc>http://127.0.0.1/xa-hoi</loc></url></urlset>", XML)
    with FixtureServer({"/robots.txt": NOT_FOUND, "/sitemap.xml": sitemap}) as server:
        assert scrape(server, "/sitemap.xml", tmp_path / "a.sqlite", "baolaocai") == 1
    err = capsys.readouterr().err
    assert "none of the 1 urls in the sitemap matches the article_url pattern" in err


def test_site_alone_starts_from_its_home_host(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["scrape", "--site", "nosuchpaper", "--archive", "x.sqlite"]) == 2
    assert "no site definition named 'nosuchpaper'" in capsys.readouterr().err


def test_sites_command_shows_template_discovery_and_verified(
        capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["sites"]) == 0
    out = capsys.readouterr().out
    block = out.split("baolaocai  ", 1)[1].split("\n\n", 1)[0]
    assert "template   cms-post" in block and "discovery  sitemap /sitemap.xml" in block
    assert "verified   never" in block
    assert "closed     closed archive since 3 Feb 2025" in out


def test_every_paper_has_a_fixture_and_an_empty_verified_date() -> None:
    sites = load_sites()
    papers = {name for name, site in sites.items() if name not in ("generic", "danvan")}
    assert papers == set(EXPECTED)
    assert len(papers) >= 10
    assert all(sites[name].verified == "" and sites[name].check_urls for name in papers)


def test_check_of_an_article_says_how_to_mark_the_definition_verified(
        capsys: pytest.CaptureFixture[str]) -> None:
    expected = EXPECTED["baohatinh"]
    with FixtureServer({"/robots.txt": NOT_FOUND,
                        expected["path"]: article_route("baohatinh")}) as server:
        assert main(["scrape", "--check", server.base + expected["path"], "--site",
                     "baohatinh", *QUICK]) == 0
    out = capsys.readouterr().out
    assert "✓ 1 match: 'Thu Hà'  .article__author .info a" in out
    assert 'set "verified": "' in out and "scrapers/sites/baohatinh.json" in out
    assert "(verified so far: never)" in out


def test_redirect_to_a_sister_host_is_followed_and_read_with_its_rules(tmp_path: Path) -> None:
    """Báo Bắc Kạn's article moved to Báo Thái Nguyên: 127.0.0.1 plays baobackan.vn and
    127.0.0.2 baothainguyen.vn, its sister host (both trusted like a start address)."""
    sites = load_sites()
    target = EXPECTED["baothainguyen"]["path"]
    with FixtureServer({"/robots.txt": NOT_FOUND, target: article_route("baothainguyen")},
                       host="127.0.0.2") as sister, \
            FixtureServer({"/robots.txt": NOT_FOUND}) as server:
        server.routes["/bai-da-chuyen-post71582.html"] = Reply(
            status=301, headers={"Location": sister.base + target})
        backan = replace(sites["baobackan"], hosts=frozenset({"127.0.0.1"}),
                         sister_hosts=frozenset({"127.0.0.2"}))
        thainguyen = replace(sites["baothainguyen"], hosts=frozenset({"127.0.0.2"}))
        gate = RequestGate(frozenset({"127.0.0.1", "127.0.0.2"}),
                           frozenset({ip_address("127.0.0.1"), ip_address("127.0.0.2")}))
        fetcher = Fetcher(FetchConfig(delay=0, retries=0, timeout=5), {"127.0.0.1"}, gate=gate)
        archive = Archive(tmp_path / "a.sqlite")
        try:
            crawler = Crawler(backan, archive, fetcher, CrawlBounds(), report=lambda _: None,
                              sites={"baobackan": backan, "baothainguyen": thainguyen})
            stats = crawler.run(server.base + "/bai-da-chuyen-post71582.html")
        finally:
            archive.close()
        assert sister.hits(target) == 1
    assert stats.new == 1
    row = next(iter(stored(tmp_path / "a.sqlite").values()))
    assert (row["title"], row["author"]) == (EXPECTED["baothainguyen"]["title"], "Ngọc Lan")
