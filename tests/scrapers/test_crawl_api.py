"""A crawl from Python: ``danvan_nlp.scrapers.crawl`` against the fixture site on 127.0.0.1."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from danvan_nlp.errors import InputError
from danvan_nlp.scrapers import crawl
from danvan_nlp.scrapers.archive import iter_articles
from tests.scrapers.server import FixtureServer
from tests.scrapers.test_crawl import BBK_ARTICLES

POLITE: dict[str, Any] = {"delay": 0.0, "timeout": 2.0, "retries": 1, "backoff": 0.01}


def test_crawl_from_python_returns_stats_and_fills_the_archive(
        baobackan_site: FixtureServer, tmp_path: Path) -> None:
    archive = tmp_path / "news.sqlite"
    notices: list[str] = []
    seen: list[int] = []
    stats = crawl(baobackan_site.base + "/chinh-tri", archive, site="baobackan",
                  report=notices.append, on_article=lambda s: seen.append(s.new), **POLITE)
    assert stats.new == len(BBK_ARTICLES) and stats.failed == 0
    assert seen and seen[-1] == stats.new
    paths = {"/" + item["url"].split("/", 3)[3] for item in iter_articles(archive)}
    assert paths == set(BBK_ARTICLES.values())
    again = crawl(baobackan_site.base + "/chinh-tri", archive, site="baobackan", **POLITE)
    assert again.new == 0


def test_crawl_refuses_bad_options(baobackan_site: FixtureServer, tmp_path: Path) -> None:
    archive = tmp_path / "news.sqlite"
    with pytest.raises(InputError, match="unknown politeness option delai"):
        crawl(baobackan_site.base + "/chinh-tri", archive, site="baobackan", delai=1)
    with pytest.raises(InputError, match="swap them"):
        crawl(baobackan_site.base + "/", archive, since=date(2025, 1, 2),
              until=date(2025, 1, 1))
    with pytest.raises(InputError, match="not an http"):
        crawl("ftp://example.org/", archive)
    assert not archive.exists()
