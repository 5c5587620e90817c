"""The selector layer (BeautifulSoup + soupsieve), embedded JSON articles, discovery
starts and the month window of child sitemaps."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date

import pytest

from danvan_nlp.scrapers.crawl import CrawlBounds, start_phases
from danvan_nlp.scrapers.discover import Link, discover
from danvan_nlp.scrapers.embedded import embedded_fields
from danvan_nlp.scrapers.extract import extract_article
from danvan_nlp.scrapers.htmltext import first_value, html_paragraphs, parse_html, select
from danvan_nlp.scrapers.sites import EmbeddedRules, load_sites, site_after_redirect

SITES = load_sites()
PAGE = """<html><head><meta name="keywords" content="a"></head><body>
<div class="box"><h3>Tin liên quan</h3><a href="/x-post1.html">Một tin</a></div>
<div class="box"><h3>Bài viết</h3><p class="lead main">Đoạn mở đầu về mô hình.</p></div>
<ul><li><a href="/y-post2.html">Hai</a></li></ul>
</body></html>"""


def test_soupsieve_pseudo_classes_work_in_rules() -> None:
    tree = parse_html(PAGE)
    related = select(tree, "div.box:-soup-contains('Tin liên quan')")
    assert [box.h3.get_text() for box in related if box.h3] == ["Tin liên quan"]
    assert len(select(tree, "div:has(> p.lead)")) == 1
    assert first_value(tree, ("p.lead@class",)) == ("lead main", "p.lead@class")
    assert first_value(tree, ("div:has(> p.lead) p",)) == ("Đoạn mở đầu về mô hình.",
                                                          "div:has(> p.lead) p")


@pytest.mark.parametrize("rule", ["div[", "::nonsense", "p:unknown-pseudo", ""])
def test_bad_selector_matches_nothing(rule: str) -> None:
    assert select(parse_html(PAGE), rule) == []


def test_definition_using_soup_contains_drops_a_related_box() -> None:
    site = SITES["baothainguyen"]
    html = ("<html><body><h1 class='title-detail'>Tiêu đề bài</h1><div class='content-detail'>"
            "<p>Đoạn thứ nhất của bài viết nói về phong trào thi đua ở cơ sở, khá dài.</p>"
            "<p>Tin liên quan: một bài khác</p>"
            "<p>Đoạn thứ hai kể về kết quả, với 12 mô hình được công nhận trong năm.</p>"
            "</div></body></html>")
    article = extract_article(html, "http://127.0.0.1/a/202401/b-1234567/", site,
                              fallbacks=False)
    assert article.text is not None and "một bài khác" not in article.text
    assert "12 mô hình" in article.text


def test_html_paragraphs_drops_rules_and_keeps_blocks() -> None:
    fragment = "<p>Một</p><div class='ads'>QC</div>Hai<br>Ba<!-- chú thích -->"
    assert html_paragraphs(fragment, (".ads",)) == ["Một", "Hai", "Ba"]


KEYS: dict[str, tuple[str, ...]] = {
    "title": ("title",), "lead": ("sapo",), "body": ("content",), "date": ("date",),
    "author": ("author",)}


@pytest.mark.parametrize(("data", "expected"), [
    ({"a": [{"title": "Menu"}, {"title": "Bài", "content": "<p>Thân</p>",
                                 "author": [{"name": "An"}], "date": "2025-01-02"}]},
     {"title": "Bài", "body": ["Thân"], "author": "An", "date": "2025-01-02", "lead": None}),
    ({"title": "Chỉ tiêu đề"}, None),
    ([1, 2, {"x": {"title": "T", "content": "C", "sapo": "<b>S</b>"}}],
     {"title": "T", "body": ["C"], "author": None, "date": None, "lead": "S"}),
    ({"title": "T", "content": "Dòng một\nDòng hai", "date": 1741890600000},
     {"title": "T", "body": ["Dòng một", "Dòng hai"], "author": None, "date": "2025-03-14",
      "lead": None}),
])
def test_embedded_article_object(data: object, expected: dict[str, object] | None) -> None:
    html = f"<html><body><script id='d' type='application/json'>{json.dumps(data)}</script>"
    rules = EmbeddedRules(scripts=("script#d",), keys=KEYS)
    assert embedded_fields(parse_html(html), rules) == expected


def test_embedded_bad_json_and_deep_nesting_give_none() -> None:
    rules = EmbeddedRules(scripts=("script",), keys=KEYS)
    deep = "[" * 5000 + "]" * 5000
    html = f"<script>{{not json</script><script>{deep}</script>"
    assert embedded_fields(parse_html(html), rules) is None


@pytest.mark.parametrize(("start", "phases"), [
    ("https://baolaocai.vn/", [["https://baolaocai.vn/sitemap.xml"]]),
    ("https://nghean.dcs.vn", [["https://nghean.dcs.vn/sitemap.xml"],
                               ["https://nghean.dcs.vn/dan-van-kheo"]]),
    ("https://baolaocai.vn/xa-hoi", [["https://baolaocai.vn/xa-hoi"]]),
])
def test_start_phases(start: str, phases: list[list[str]]) -> None:
    site = SITES["nghean-dcs"] if "nghean" in start else SITES["baolaocai"]
    assert start_phases(site, start) == phases


def test_start_phases_of_a_site_without_discovery() -> None:
    assert start_phases(SITES["generic"], "http://127.0.0.1:8/") == [["http://127.0.0.1:8/"]]


@pytest.mark.parametrize(("month", "lastmod", "outside"), [
    ("2024-12", None, False),   # the window's first month
    ("2024-11", None, True),    # the month before --since
    ("2025-02", None, False),   # the window's last month
    ("2025-03", None, True),    # the month after --until
    (None, "2024-11-30", True),  # no month in the name: lastmod before --since
    (None, "2025-06-30", False),  # lastmod after the window says nothing
])
def test_sitemap_month_window(month: str | None, lastmod: str | None, outside: bool) -> None:
    bounds = CrawlBounds(since=date(2024, 12, 31), until=date(2025, 2, 1))
    link = Link(url="https://x.vn/s.xml", date=lastmod, month=month)
    assert bounds.sitemap_outside(link) is outside


def test_sitemap_index_reads_the_month_from_the_name() -> None:
    index = ("<?xml version='1.0'?><sitemapindex xmlns='http://www.sitemaps.org/schemas/"
             "sitemap/0.9'><sitemap><loc>https://baolaocai.vn/sitemaps/news-2024-7.xml</loc>"
             "</sitemap><sitemap><loc>https://baolaocai.vn/sitemaps/news-2024-13.xml</loc>"
             "</sitemap></sitemapindex>")
    found = discover(index, "https://baolaocai.vn/sitemap.xml", SITES["baolaocai"])
    assert [link.month for link in found.pages] == ["2024-07", None]
    no_month = replace(SITES["baolaocai"], discovery=replace(SITES["baolaocai"].discovery,
                                                             sitemap_month=None))
    assert [link.month for link in discover(index, "https://baolaocai.vn/sitemap.xml",
                                            no_month).pages] == [None, None]


@pytest.mark.parametrize(("final_url", "reader"), [
    ("https://baothainguyen.vn/chinh-tri/202507/bai-3ac6d79/", "baothainguyen"),
    ("https://baobackan.com.vn/bai-post71582.html", "baobackan"),
    ("https://baolaocai.vn/bai-post1.html", "baobackan"),  # not a sister: never read as one
])
def test_a_page_redirected_to_a_sister_host_is_read_with_its_rules(final_url: str,
                                                                   reader: str) -> None:
    assert site_after_redirect(SITES["baobackan"], final_url, SITES).name == reader
