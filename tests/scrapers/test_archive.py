"""The archive contract: columns, WAL, usable rows, failures, export; other files refused."""

from __future__ import annotations

import io
import json
import re
import sqlite3
import zlib
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import pytest

from danvan_nlp.cli import main
from danvan_nlp.errors import ArchiveError
from danvan_nlp.scrapers.archive import SCHEMA, Archive, ArticleRow, export_jsonl, iter_articles

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


def build_database(path: Path, script: str) -> Path:
    """A SQLite file in the default (rollback journal) mode, made by another program."""
    with closing(sqlite3.connect(path)) as db:
        db.executescript(script)
    return path


def foreign_table(tmp: Path) -> Path:
    return build_database(tmp / "so-lieu.sqlite", "CREATE TABLE x (xa TEXT, so INTEGER);"
                                                  "INSERT INTO x VALUES ('Na Rì', 86);")


def foreign_meta(tmp: Path) -> Path:
    return build_database(tmp / "khac.sqlite", "CREATE TABLE meta (ten TEXT, gia_tri TEXT);"
                                               "CREATE TABLE articles (url TEXT);")


def newer_schema(tmp: Path) -> Path:
    return build_database(tmp / "moi.sqlite", SCHEMA + "UPDATE meta SET value='9' "
                                                       "WHERE key='schema_version';")


def not_sqlite(tmp: Path) -> Path:
    path = tmp / "rac.sqlite"
    path.write_bytes("đây không phải SQLite".encode() * 100)
    return path


def file_state(path: Path) -> tuple[bytes, list[str]]:
    """The file's bytes and the SQLite side files next to it."""
    return path.read_bytes(), sorted(side.name for side in path.parent.glob(path.name + "-*"))


OTHER_FILES = [
    (foreign_table, "is a SQLite database but not a danvan archive (tables: x)"),
    (foreign_meta, "not a danvan archive (tables: articles, meta)"),
    (newer_schema, "archive schema version 9, this danvan knows version 1"),
    (not_sqlite, "not a usable danvan archive (file is not a database)"),
]


@pytest.mark.parametrize(("make", "message"), OTHER_FILES)
def test_a_crawl_never_writes_into_someone_elses_database(
        tmp_path: Path, make: Callable[[Path], Path], message: str) -> None:
    path = make(tmp_path)
    before = file_state(path)
    with pytest.raises(ArchiveError, match=re.escape(message)) as caught:
        Archive(path)
    assert "left untouched; give a new file name" in str(caught.value)
    assert file_state(path) == before


@pytest.mark.parametrize(("make", "message"), OTHER_FILES)
def test_export_refuses_other_files_with_advice_for_reading(
        tmp_path: Path, make: Callable[[Path], Path], message: str,
        capsys: pytest.CaptureFixture[str]) -> None:
    path = make(tmp_path)
    before = file_state(path)
    out = tmp_path / "bai.jsonl"
    assert main(["archive", "export", str(path), "--out", str(out)]) == ArchiveError.exit_code
    err = capsys.readouterr().err
    assert message in err and "give an archive made by danvan scrape" in err
    assert "new file name" not in err
    assert file_state(path) == before and not out.exists()


def test_scrape_refuses_a_foreign_database_before_fetching(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = foreign_table(tmp_path)
    before = file_state(path)
    status = main(["scrape", "http://127.0.0.1:9/tin-tuc", "--archive", str(path)])
    err = capsys.readouterr().err
    assert status == ArchiveError.exit_code
    assert "not a danvan archive (tables: x)" in err and "give a new file name" in err
    assert file_state(path) == before


def test_an_empty_existing_file_becomes_an_archive(tmp_path: Path) -> None:
    path = tmp_path / "trong.sqlite"
    path.touch()
    archive = Archive(path)
    archive.save_article(row("https://baobackan.org.vn/a-post103.html"))
    archive.close()
    assert [item["url"] for item in iter_articles(path)] == [
        "https://baobackan.org.vn/a-post103.html"]


def test_reading_never_changes_the_archive_file(tmp_path: Path) -> None:
    path = build_database(tmp_path / "cu.sqlite", SCHEMA + (
        "INSERT INTO articles (url, site, fetched_at, title, text) VALUES "
        "('https://danvan.vn/a/1', 'danvan', '2024-07-23T01:00:00Z', 'Dân vận khéo', "
        "'Xã Yên Cư có 7 mô hình dân vận khéo.');"))
    before = file_state(path)
    out = io.StringIO()
    assert export_jsonl(path, out) == 1
    assert json.loads(out.getvalue())["text"] == "Xã Yên Cư có 7 mô hình dân vận khéo."
    assert file_state(path) == before
    with closing(sqlite3.connect(path)) as db:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
