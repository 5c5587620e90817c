"""The archive contract: columns, WAL, usable rows, failures, export."""

from __future__ import annotations

import io
import json
import sqlite3
import zlib
from pathlib import Path

import pytest

from danvan_nlp.errors import ArchiveError
from scrapers.archive import Archive, ArticleRow, export_jsonl, iter_articles

CONTRACT_COLUMNS = {
    "url": "TEXT", "site": "TEXT", "status": "INTEGER", "fetched_at": "TEXT", "title": "TEXT",
    "lead": "TEXT", "text": "TEXT", "published": "TEXT", "author": "TEXT", "source": "TEXT",
    "content_hash": "TEXT", "raw_html": "BLOB", "error": "TEXT", "etag": "TEXT",
    "last_modified": "TEXT",
}
HTML = "<html><body><p>Huyện Ba Bể có 86 người có uy tín.</p></body></html>".encode()


def row(url: str, text: str | None = "Huyện Ba Bể có 86 người có uy tín.") -> ArticleRow:
    return ArticleRow(url=url, site="baobackan", status=200, title="Ba Bể", lead=None, text=text,
                      published="2024-06-02", author="Thu Trang", source="baobackan.org.vn",
                      raw_html=HTML, etag='"a1"', last_modified=None, article_id="103",
                      final_url=url)


@pytest.fixture
def archive(tmp_path: Path) -> Archive:
    return Archive(tmp_path / "tin.sqlite")


def test_schema_has_the_contract_columns_and_wal(archive: Archive) -> None:
    info = archive.db.execute("PRAGMA table_info(articles)").fetchall()
    columns = {name: kind for _, name, kind, *_ in info}
    assert {name: columns.get(name) for name in CONTRACT_COLUMNS} == CONTRACT_COLUMNS
    assert [name for _, name, _, _, _, primary in info if primary] == ["url"]
    assert archive.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_save_outcomes_and_raw_html(archive: Archive) -> None:
    assert archive.save_article(row("https://baobackan.org.vn/a-post103.html")) == "new"
    assert archive.save_article(row("https://baobackan.org.vn/a-post103.html")) == "unchanged"
    assert archive.save_article(row("https://baobackan.org.vn/a-post103.html", "Mới.")) == "updated"
    raw = archive.db.execute("SELECT raw_html FROM articles").fetchone()[0]
    assert zlib.decompress(raw) == HTML
    assert archive.usable_by_article_id("baobackan", "103")


def test_failure_is_recorded_but_never_replaces_a_good_copy(archive: Archive) -> None:
    archive.save_failure("https://baobackan.org.vn/loi-post9.html", "baobackan", "HTTP 500", 500)
    archive.save_article(row("https://baobackan.org.vn/a-post103.html"))
    archive.save_failure("https://baobackan.org.vn/a-post103.html", "baobackan", "HTTP 503", 503)
    rows = dict(archive.db.execute("SELECT url, error FROM articles").fetchall())
    assert rows == {"https://baobackan.org.vn/loi-post9.html": "HTTP 500",
                    "https://baobackan.org.vn/a-post103.html": None}
    assert [item["url"] for item in iter_articles(archive.path)] == [
        "https://baobackan.org.vn/a-post103.html"]


def test_iter_articles_and_export_give_the_agreed_fields(archive: Archive) -> None:
    archive.save_article(row("https://baobackan.org.vn/a-post103.html"))
    archive.save_article(row("https://baobackan.org.vn/rong-post104.html", text=None))
    out = io.StringIO()
    assert export_jsonl(archive.path, out) == 1
    line = json.loads(out.getvalue())
    assert line == {"url": "https://baobackan.org.vn/a-post103.html", "title": "Ba Bể",
                    "published": "2024-06-02", "source": "baobackan.org.vn",
                    "site": "baobackan", "text": "Huyện Ba Bể có 86 người có uy tín."}
    assert "người có uy tín" in out.getvalue()  # UTF-8, not \\u escapes


@pytest.mark.parametrize(("make", "message"), [
    (lambda tmp: tmp, "is a folder"),
    (lambda tmp: tmp / "khong-co" / "tin.sqlite", "does not exist"),
    (lambda tmp: (tmp / "rac.sqlite").write_bytes(b"day khong phai sqlite" * 100) and
     tmp / "rac.sqlite", "not a usable danvan archive"),
])
def test_bad_archive_paths(tmp_path: Path, make: object, message: str) -> None:
    with pytest.raises(ArchiveError, match=message):
        Archive(make(tmp_path))  # type: ignore[operator]


def test_reading_a_missing_archive_says_how_to_make_one(tmp_path: Path) -> None:
    with pytest.raises(ArchiveError, match="danvan scrape"):
        list(iter_articles(tmp_path / "chua-co.sqlite"))


def test_rows_are_committed_one_by_one(archive: Archive) -> None:
    archive.save_article(row("https://baobackan.org.vn/a-post103.html"))
    other = sqlite3.connect(archive.path)
    assert other.execute("SELECT count(*) FROM articles").fetchone()[0] == 1
