"""Discovery: listing pages with pagination, RSS and Atom feeds, sitemaps and their index."""

from __future__ import annotations

from pathlib import Path

import pytest

from danvan_nlp.scrapers.discover import discover
from danvan_nlp.scrapers.sites import load_sites

FIXTURES = Path(__file__).parent / "fixtures"
SITES = load_sites()
BASE = "http://127.0.0.1:8000"


def read(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8").replace("{base}", BASE)


@pytest.mark.parametrize(("name", "page", "site", "kind", "articles", "pages"), [
    ("baobackan/list-1.html", "/chinh-tri", "baobackan", "listing",
     [("/cho-moi-dan-van-kheo-o-na-ri-post101.html", "2024-07-20"),
      ("/cho-don-xay-dung-nong-thon-moi-post102.html?utm_source=list", "2024-07-18"),
      ("http://other.invalid/bai-ngoai-post105.html", None)],
     ["/chinh-tri?page=2"]),
    ("baobackan/list-2.html", "/chinh-tri?page=2", "baobackan", "listing",
     [("/ba-be-nguoi-co-uy-tin-post103.html", "2024-06-02"),
      ("/pac-nam-giam-ngheo-post104.html", "2023-12-05")],
     []),
    ("danvan/list-1.html", "/Home/Tin-tuc/Dia-phuong", "danvan", "listing",
     [("/Home/Tin-tuc/Dia-phuong/30001/Bac-Kan-Hoi-nghi-Dan-van-kheo", None),
      ("/Home/Tin-tuc/Dia-phuong/30002/Cao-Bang-bieu-duong-mo-hinh", None)],
     ["/Home/Tin-tuc/Dia-phuong?page=2"]),
    ("generic/sitemap-index.xml", "/sitemap-index.xml", "generic", "sitemap index",
     [], ["/sitemaps/news-2024.xml", "/sitemaps/archive-2019.xml"]),
    ("generic/news-2024.xml", "/sitemaps/news-2024.xml", "generic", "sitemap",
     [("/tin-tuc/thai-nguyen-ra-mat-mo-hinh-dan-van-kheo-5001.html", "2024-07-24"),
      ("/tin-tuc/tuyen-quang-hien-dat-lam-duong-5002.html", "2024-07-22")], []),
    ("generic/feed.rss", "/feed.rss", "generic", "feed",
     [("/tin-tuc/thai-nguyen-ra-mat-mo-hinh-dan-van-kheo-5001.html", "2024-07-24"),
      ("/tin-tuc/tuyen-quang-hien-dat-lam-duong-5002.html", "2024-07-22")], []),
    ("generic/feed.atom", "/feed.atom", "generic", "feed",
     [("/tin-tuc/thai-nguyen-ra-mat-mo-hinh-dan-van-kheo-5001.html", "2024-07-24")], []),
    ("generic/a-5001.html", "/tin-tuc/thai-nguyen-ra-mat-mo-hinh-dan-van-kheo-5001.html",
     "generic", "listing", [("/tin-tuc/mot-tin-khac-9999.html", None)], []),
])
def test_discover(name: str, page: str, site: str, kind: str,
                  articles: list[tuple[str, str | None]], pages: list[str]) -> None:
    found = discover(read(name), BASE + page, SITES[site])
    expected = [(url if url.startswith("http") else BASE + url, day) for url, day in articles]
    assert found.kind == kind
    assert [(link.url, link.date) for link in found.articles] == expected
    assert [link.url for link in found.pages] == [BASE + url for url in pages]


def test_known_site_keeps_only_article_urls_from_a_sitemap() -> None:
    sitemap = f"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <url><loc>{BASE}/chinh-tri</loc></url>
  <url><loc>{BASE}/hoi-nghi-dan-van-post77.html</loc><lastmod>2024-03-08</lastmod></url>
</urlset>"""
    found = discover(sitemap, BASE + "/sitemap.xml", SITES["baobackan"])
    assert [(link.url, link.date) for link in found.articles] == [
        (BASE + "/hoi-nghi-dan-van-post77.html", "2024-03-08")]


@pytest.mark.parametrize("text", ["", "<?xml version='1.0'?><urlset", "<html><body>"])
def test_broken_discovery_pages_yield_nothing(text: str) -> None:
    found = discover(text, BASE + "/", SITES["generic"])
    assert found.articles == [] and found.pages == []
