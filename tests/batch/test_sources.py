"""Reading articles from the three batch sources."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from danvan_nlp.batch.sources import SqliteSource, article_id, iso_day, open_source
from danvan_nlp.errors import ArchiveError, InputError
from tests.batch.helpers import ARTICLES, write_folder, write_jsonl, write_sqlite

Writer = Callable[[Path], Path]
WRITERS: dict[str, Writer] = {
    "jsonl": lambda tmp: write_jsonl(tmp / "a.jsonl", ARTICLES),
    "jsonl.gz": lambda tmp: write_jsonl(tmp / "a.jsonl.gz", ARTICLES),
    "sqlite": lambda tmp: write_sqlite(tmp / "archive.sqlite", ARTICLES),
    "folder": lambda tmp: write_folder(tmp / "bai", ARTICLES),
}


@pytest.mark.parametrize("kind", list(WRITERS))
def test_every_usable_article_is_read_with_a_stable_id(kind: str, tmp_path: Path) -> None:
    source = open_source(WRITERS[kind](tmp_path))
    first = list(source.articles())
    assert sorted(article.text or "" for article in first) == sorted(a["text"] for a in ARTICLES)
    assert [article.id for article in open_source(source.location).articles()] == [
        article.id for article in first
    ]
    assert len({article.id for article in first}) == len(ARTICLES)
    assert source.count() == len(ARTICLES)


@pytest.mark.parametrize("kind", ["jsonl", "jsonl.gz", "sqlite"])
def test_archive_fields_come_along(kind: str, tmp_path: Path) -> None:
    by_url = {a.url: a for a in open_source(WRITERS[kind](tmp_path)).articles()}
    for record in ARTICLES:
        article = by_url[record["url"]]
        assert article.id == article_id(record["url"])
        assert (article.title, article.published, article.source, article.site) == (
            record["title"], record["published"], record["source"], record["site"])


@pytest.mark.parametrize(
    ("bad_line", "says"),
    [
        ('{"url": "https://example.vn/x", "text": "Bà con', "not JSON"),
        ('["một", "danh sách"]', "no 'text'"),
        ('{"url": "https://example.vn/y", "text": 42}', "no 'text'"),
        ('{"url": 42, "text": "Bà con góp công"}', "'url' not a JSON string"),
        ('{"url": "https://example.vn/z", "published": 20240512, "text": "Bà con"}',
         "'published' not a JSON string"),
        ('{"url": "https://example.vn/t", "title": ["Dân vận"], "site": {"a": 1}, '
         '"text": "Bà con"}', "'title', 'site' not a JSON string"),
    ],
)
def test_a_corrupt_jsonl_line_is_reported_and_skipped(
    bad_line: str, says: str, tmp_path: Path
) -> None:
    path = write_jsonl(tmp_path / "a.jsonl", ARTICLES[:1], extra_lines=(bad_line,))
    path.write_text(path.read_text(encoding="utf-8") + "\n" + _jsonl_line(ARTICLES[1]),
                    encoding="utf-8")
    reports: list[str] = []
    source = open_source(path, reports.append)
    urls = [article.url for article in source.articles()]
    assert urls == [ARTICLES[0]["url"], ARTICLES[1]["url"]]
    assert source.bad_items == 1
    assert len(reports) == 1 and "line 2" in reports[0] and says in reports[0]


def _jsonl_line(record: dict[str, Any]) -> str:
    import json

    return json.dumps(record, ensure_ascii=False) + "\n"


def test_a_truncated_gzip_is_reported_not_raised(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "a.jsonl.gz", ARTICLES * 50)
    path.write_bytes(path.read_bytes()[:-40])
    reports: list[str] = []
    source = open_source(path, reports.append)
    assert len(list(source.articles())) < len(ARTICLES) * 50
    assert source.bad_items == 1 and "damaged" in reports[0]


@pytest.mark.parametrize(
    ("encoding", "says"),
    [("cp1258", "not valid UTF-8"), ("utf-16", "UTF-16"), ("utf-16-be", "not valid UTF-8")],
)
def test_a_folder_file_that_is_not_utf8_carries_its_problem(
    encoding: str, says: str, tmp_path: Path
) -> None:
    folder = write_folder(tmp_path / "bai", ARTICLES[:1])
    data = "Bà con góp công".encode(encoding)
    (folder / "hong.txt").write_bytes(data)
    problems = {Path(a.path or "").name: a.problem for a in open_source(folder).articles()}
    assert problems["bai-000.txt"] is None
    assert says in (problems["hong.txt"] or "")


@pytest.mark.parametrize(
    ("make", "error"),
    [
        (lambda tmp: tmp / "khong-co.jsonl", InputError),
        (lambda tmp: _written(tmp / "ghi-chu.csv", b"url,text\n"), InputError),
        (lambda tmp: _empty_sqlite(tmp / "rong.sqlite"), ArchiveError),
        (lambda tmp: _written(tmp / "hong.sqlite", b"SQLite format 3\x00" + b"\x07" * 80),
         ArchiveError),
    ],
)
def test_unusable_inputs_say_what_to_do(
    make: Callable[[Path], Path], error: type[Exception], tmp_path: Path
) -> None:
    with pytest.raises(error):
        list(open_source(make(tmp_path)).articles())


def _written(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def _empty_sqlite(path: Path) -> Path:
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE pages (url TEXT)")
    return path


@pytest.mark.parametrize(
    ("value", "day"),
    [("2024-07-23", "2024-07-23"), ("2024-07-23T08:00:00+07:00", "2024-07-23"),
     ("23/07/2024", None), (None, None), (20240723, None)],
)
def test_iso_day(value: object, day: str | None) -> None:
    assert iso_day(value) == day


def test_the_scraper_can_write_while_the_archive_is_read(tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    archive = write_sqlite(tmp_path / "archive.sqlite", ARTICLES)
    monkeypatch.setattr(SqliteSource, "PAGE_ROWS", 2)
    articles = open_source(archive).articles()
    first = next(articles)
    with sqlite3.connect(archive, timeout=0) as scraper:  # fails at once if a lock is held
        scraper.execute("INSERT INTO articles (url, text) VALUES "
                        "('https://example.vn/zz-bai-moi', 'Bà con hiến đất làm đường')")
    rest = [article.url for article in articles]
    expected = sorted(a["url"] for a in ARTICLES)
    assert [first.url, *rest] == [*expected, "https://example.vn/zz-bai-moi"]
