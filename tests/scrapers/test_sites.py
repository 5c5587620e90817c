"""Site definitions: loading, choosing by host, canonical URLs and article numbers."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from danvan_nlp.errors import InputError
from danvan_nlp.scrapers.sites import load_sites, site_for, without_tracking

SITES = load_sites()


@pytest.mark.parametrize(("url", "expected"), [
    ("https://baobackan.vn/dan-van-kheo-post12345.html",
     "https://baobackan.vn/dan-van-kheo-post12345.html"),
    ("http://www.baobackan.com.vn/dan-van-kheo-post12345.html#binh-luan",
     "https://baobackan.vn/dan-van-kheo-post12345.html"),
    ("https://BaoBacKan.vn/dan-van-kheo-post12345.html?utm_source=zalo&zarsrc=30",
     "https://baobackan.vn/dan-van-kheo-post12345.html"),
    ("https://www.danvan.vn/Home/Tin-tuc/Dia-phuong/30001/Bac-Kan",
     "https://danvan.vn/Home/Tin-tuc/Dia-phuong/30001/Bac-Kan"),
    ("http://127.0.0.1:8080/chinh-tri/bai-viet-post7.html?utm_medium=rss",
     "http://127.0.0.1:8080/chinh-tri/bai-viet-post7.html"),
    ("https://baotuyenquang.com.vn/news.aspx?id=88&utm_campaign=x",
     "https://baotuyenquang.com.vn/news.aspx?id=88"),
])
def test_canonical_url(url: str, expected: str) -> None:
    assert site_for(url, SITES).canonical_url(url) == expected


@pytest.mark.parametrize(("url", "site", "article_id"), [
    ("https://baobackan.vn/hoi-nghi-post6543.html", "baobackan", "6543"),
    ("https://baobackan.org.vn/hoi-nghi-post6543.html", "generic", None),
    ("https://baolaocai.vn/dan-van-kheo-o-bat-xat-post401234.html", "baolaocai", "401234"),
    ("https://baohatinh.vn/ky-son-dan-van-post288001.html", "baohatinh", "288001"),
    ("https://baotuyenquang.com.vn/xa-hoi/202409/dan-van-kheo-a3f1b2c/", "baotuyenquang",
     "a3f1b2c"),
    ("https://baobariavungtau.com.vn/chinh-tri/202406/mo-hinh-hay-1012345/", "baobariavungtau",
     "1012345"),
    ("https://baothanhhoa.vn/nga-son-dan-van-kheo-221133.htm", "baothanhhoa", "221133"),
    ("https://baothanhhoa.vn/print/nga-son-dan-van-kheo-221133.htm", "baothanhhoa", None),
    ("https://baobackan.com.vn/hoi-nghi-post6543.html", "baobackan", "6543"),
    ("https://baobackan.vn/chinh-tri", "baobackan", None),
    ("https://danvan.vn/Home/Tin-tuc/Dia-phuong/30001/Bac-Kan-Hoi-nghi", "danvan", "30001"),
    ("https://danvan.vn/Home/Nghien-cuu/31002/Dan-van-kheo", "danvan", "31002"),
    ("https://danvan.vn/Home/Tin-tuc/Dia-phuong", "danvan", None),
    ("https://baothainguyen.vn/chinh-tri/202410/mo-hinh-dan-van-kheo-3ac6d79/",
     "baothainguyen", "3ac6d79"),
    ("https://baothainguyen.vn/xa-hoi/201806/mo-hinh-dan-van-kheo-245678/", "baothainguyen",
     "245678"),
    ("https://baothainguyen.vn/chuyen-muc/thoi-su/", "baothainguyen", None),
])
def test_site_and_article_id(url: str, site: str, article_id: str | None) -> None:
    chosen = site_for(url, SITES)
    assert chosen.name == site
    assert chosen.article_id(url) == article_id


@pytest.mark.parametrize(("url", "expected"), [
    ("https://a.vn/x.html?utm_source=fb&fbclid=abc#top", "https://a.vn/x.html"),
    ("https://a.vn/tin.aspx?id=5&gclid=zz", "https://a.vn/tin.aspx?id=5"),
])
def test_without_tracking(url: str, expected: str) -> None:
    assert without_tracking(url) == expected


def test_named_site_wins_and_unknown_name_is_reported() -> None:
    assert site_for("http://127.0.0.1/", SITES, "danvan").name == "danvan"
    with pytest.raises(InputError, match="no site definition named 'baonhandan'"):
        site_for("http://127.0.0.1/", SITES, "baonhandan")


@pytest.mark.parametrize(("content", "message"), [
    ("{not json", "not valid JSON"),
    ('{"title": "không có tên"}', "needs a JSON object with a 'name'"),
    ('{"name": "x", "article_url": "(", "article": {}}', "malformed"),
    ('{"name": "x"}', "malformed"),
])
def test_bad_user_definition_is_an_input_error(tmp_path: Path, content: str,
                                               message: str) -> None:
    (tmp_path / "site.json").write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=message):
        load_sites(str(tmp_path))


def test_user_definition_adds_a_site(tmp_path: Path) -> None:
    definition = {"name": "baolangson", "hosts": ["baolangson.vn"],
                  "article_url": r"-(?P<id>\d+)\.html$", "article": {"body": [".detail"]}}
    (tmp_path / "baolangson.json").write_text(json.dumps(definition), encoding="utf-8")
    sites = load_sites(str(tmp_path))
    chosen = site_for("https://baolangson.vn/dan-van-123.html", sites)
    assert (chosen.name, chosen.selectors["body"]) == ("baolangson", (".detail",))
    assert {"baobackan", "danvan", "generic"} <= set(sites)
