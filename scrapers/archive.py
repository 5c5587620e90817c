"""The article archive: one SQLite file (WAL mode), keyed by canonical URL.

This schema is a contract: the batch runner reads it directly. Table ``articles``::

    url TEXT PRIMARY KEY     canonical URL (see SiteDefinition.canonical_url)
    site TEXT                site definition name ("baobackan", "danvan", "generic"...)
    status INTEGER           HTTP status of the last fetch (NULL when none answered)
    fetched_at TEXT          ISO UTC time of the last fetch
    title, lead, text TEXT   text = title, lead, body paragraphs; blank-line separated; NFC
    published TEXT           ISO date (YYYY-MM-DD) or NULL
    author, source TEXT      source = original publisher (domain or name)
    content_hash TEXT        sha256 of title + text
    raw_html BLOB            the page's bytes as served, zlib-compressed
    error TEXT               NULL when fine, else what went wrong
    etag, last_modified TEXT validators for conditional re-fetches
    article_id TEXT          the site's own article number, final_url TEXT

A usable article is a row with ``error IS NULL AND text IS NOT NULL``. Every row is
committed on its own, so a crawl killed at any moment keeps what it wrote. Table
``pages`` caches listing pages, feeds and sitemaps for conditional requests. Table
``meta`` holds the row ``schema_version``: a database with tables but without it is not
ours and is never written to. Readers open the file read-only (``mode=ro``). A crawl holds
an exclusive ``flock`` on the file while it writes, so a second crawl of the same archive
stops at once (:class:`ArchiveBusyError`) instead of doubling the load on the site; a
damaged file (scribbled pages) gives one :class:`ArchiveError` line, never a traceback.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

from danvan_nlp.errors import ArchiveBusyError, ArchiveError

try:  # POSIX; elsewhere the archive is not locked
    import fcntl
except ImportError:  # pragma: no cover
    fcntl = None  # type: ignore[assignment]

SCHEMA_VERSION = "1"
EXPORT_FIELDS = ("url", "title", "published", "source", "site", "text")
USABLE = "error IS NULL AND text IS NOT NULL"
SCHEMA = """
CREATE TABLE IF NOT EXISTS articles (
    url TEXT PRIMARY KEY, site TEXT NOT NULL, status INTEGER, fetched_at TEXT NOT NULL,
    title TEXT, lead TEXT, text TEXT, published TEXT, author TEXT, source TEXT,
    content_hash TEXT, raw_html BLOB, error TEXT, etag TEXT, last_modified TEXT,
    article_id TEXT, final_url TEXT
);
CREATE INDEX IF NOT EXISTS articles_site_article_id ON articles (site, article_id);
CREATE INDEX IF NOT EXISTS articles_published ON articles (published);
CREATE TABLE IF NOT EXISTS pages (
    url TEXT PRIMARY KEY, kind TEXT, fetched_at TEXT NOT NULL, etag TEXT,
    last_modified TEXT, content_type TEXT, body BLOB
);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
INSERT OR IGNORE INTO meta VALUES ('schema_version', '""" + SCHEMA_VERSION + """');
"""


@dataclass(frozen=True, slots=True)
class StoredArticle:
    """What the archive already knows of a URL."""

    url: str
    usable: bool
    content_hash: str | None
    etag: str | None
    last_modified: str | None


@dataclass(frozen=True, slots=True)
class CachedPage:
    """A listing page, feed or sitemap as last fetched."""

    etag: str | None
    last_modified: str | None
    content_type: str
    body: bytes


@dataclass(frozen=True, slots=True)
class ArticleRow:
    """One successfully fetched and extracted article, ready to store."""

    url: str
    site: str
    status: int
    title: str | None
    lead: str | None
    text: str | None
    published: str | None
    author: str | None
    source: str | None
    raw_html: bytes
    etag: str | None
    last_modified: str | None
    article_id: str | None
    final_url: str


def now_utc() -> str:
    """The current time as an ISO UTC string."""
    return datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def content_hash(title: str | None, text: str | None) -> str:
    """The fingerprint that tells a changed article from an unchanged one."""
    return hashlib.sha256(f"{title or ''}\n{text or ''}".encode()).hexdigest()


WRITE_ADVICE = "the file was left untouched; give a new file name or an archive made by " \
               "danvan scrape"
READ_ADVICE = "give an archive made by danvan scrape"
DAMAGED_ADVICE = "the file is damaged; recover what SQLite can with `sqlite3 FILE .recover` " \
                 "into a new file, or crawl again into a new archive"


def open_for_writing(path: str | Path) -> sqlite3.Connection:
    """Our archive opened (or created) for a crawl, in WAL mode. A file that already holds
    tables but no ``meta.schema_version`` is someone else's database: refused untouched."""
    target = Path(path)
    _check_location(target, create=True)
    connection = _open(target, str(target), WRITE_ADVICE, uri=False)
    with _closed_on_error(connection, target, WRITE_ADVICE):
        _require_ours(connection, target, WRITE_ADVICE, empty_ok=True)
        connection.executescript(f"BEGIN; {SCHEMA} COMMIT;")  # all or nothing
        connection.execute("PRAGMA journal_mode=WAL")
        connection.execute("PRAGMA synchronous=NORMAL")
    return connection


def open_for_reading(path: str | Path) -> sqlite3.Connection:
    """Our archive opened read-only (``mode=ro``): reading never changes the file."""
    target = Path(path)
    _check_location(target, create=False)
    uri = f"{target.resolve().as_uri()}?mode=ro"
    connection = _open(target, uri, READ_ADVICE, uri=True)
    with _closed_on_error(connection, target, READ_ADVICE):
        _require_ours(connection, target, READ_ADVICE, empty_ok=False)
    return connection


@contextmanager
def _closed_on_error(connection: sqlite3.Connection, target: Path,
                     advice: str) -> Iterator[None]:
    """Close the connection when opening fails; SQLite errors become ArchiveError."""
    try:
        yield
    except ArchiveError:
        connection.close()
        raise
    except sqlite3.DatabaseError as error:
        connection.close()
        raise _unusable(target, error, advice) from error


def _open(target: Path, where: str, advice: str, *, uri: bool) -> sqlite3.Connection:
    try:
        return sqlite3.connect(where, uri=uri, timeout=30, isolation_level=None)
    except sqlite3.Error as error:
        raise _unusable(target, error, advice) from error


def _require_ours(connection: sqlite3.Connection, target: Path, advice: str,
                  *, empty_ok: bool) -> None:
    """Raise unless the database is our archive (the ``meta.schema_version`` row, of this
    version, and an ``articles`` table), or is empty and ``empty_ok``."""
    tables = sorted(row[0] for row in connection.execute(
        "SELECT name FROM sqlite_master WHERE type='table'"))
    if not tables and empty_ok:
        return
    version = _schema_version(connection) if "meta" in tables else None
    if version is None or "articles" not in tables:
        raise ArchiveError(f"{target} is a SQLite database but not a danvan archive (tables: "
                           f"{', '.join(tables) or 'none'}); {advice}")
    if version != SCHEMA_VERSION:
        raise ArchiveError(f"{target}: archive schema version {version}, this danvan knows "
                           f"version {SCHEMA_VERSION}; {advice}")


def _schema_version(connection: sqlite3.Connection) -> str | None:
    try:
        row = connection.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
    except sqlite3.OperationalError:  # a table named meta, but not ours
        return None
    return str(row[0]) if row else None


def _unusable(target: Path, error: sqlite3.Error, advice: str) -> ArchiveError:
    return ArchiveError(f"{target}: not a usable danvan archive ({error}); {advice}")


def _lock_for_writing(target: Path) -> int:
    """An open descriptor of the archive holding an exclusive lock (the file is created
    empty when missing: an empty file becomes an archive)."""
    try:
        descriptor = os.open(target, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as error:
        raise ArchiveError(f"cannot open {target} for writing ({error.strerror}); "
                           "check the path and its permissions") from error
    if fcntl is None:  # pragma: no cover
        return descriptor
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError as error:
        os.close(descriptor)
        raise ArchiveBusyError(f"{target}: another crawl is writing this archive; wait for it "
                               "to end, or give another --archive") from error
    return descriptor


def _check_location(target: Path, *, create: bool) -> None:
    if target.is_dir():
        raise ArchiveError(f"{target} is a folder; give a file name such as {target}/news.sqlite")
    if not create and not target.exists():
        raise ArchiveError(f"{target}: no such archive; make one with danvan scrape")
    parent = target.parent if str(target.parent) else Path(".")
    if create and not parent.is_dir():
        raise ArchiveError(f"cannot create {target}: folder {parent} does not exist")


class Archive:
    """Read-write access for a crawl."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        _check_location(self.path, create=True)
        self._lock = _lock_for_writing(self.path)
        try:
            self.db = open_for_writing(self.path)
        except BaseException:
            os.close(self._lock)
            raise

    def close(self) -> None:
        """Close the database (everything is already committed), then release the lock;
        in this order, so closing the lock's descriptor drops none of SQLite's locks."""
        self.db.close()
        os.close(self._lock)

    def lookup(self, url: str) -> StoredArticle | None:
        """What is stored for a canonical URL."""
        row = self._read_one(
            f"SELECT url, {USABLE}, content_hash, etag, last_modified FROM articles WHERE url=?",
            (url,))
        return StoredArticle(row[0], bool(row[1]), row[2], row[3], row[4]) if row else None

    def usable_by_article_id(self, site: str, article_id: str | None) -> bool:
        """True when the site's article number is already archived (under any host)."""
        if not article_id:
            return False
        row = self._read_one(f"SELECT 1 FROM articles WHERE site=? AND article_id=? AND {USABLE}",
                             (site, article_id))
        return row is not None

    def save_article(self, row: ArticleRow) -> str:
        """Store an extracted article; returns 'new', 'updated' or 'unchanged'."""
        fingerprint = content_hash(row.title, row.text)
        before = self.lookup(row.url)
        self._write(
            "INSERT OR REPLACE INTO articles (url, site, status, fetched_at, title, lead, text, "
            "published, author, source, content_hash, raw_html, error, etag, last_modified, "
            "article_id, final_url) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,NULL,?,?,?,?)",
            (row.url, row.site, row.status, now_utc(), row.title, row.lead, row.text,
             row.published, row.author, row.source, fingerprint, zlib.compress(row.raw_html),
             row.etag, row.last_modified, row.article_id, row.final_url))
        if before is None or not before.usable:
            return "new"
        return "unchanged" if before.content_hash == fingerprint else "updated"

    def save_failure(self, url: str, site: str, error: str, status: int | None) -> None:
        """Record a page that failed; a usable copy already stored is kept as it was."""
        before = self.lookup(url)
        if before is not None and before.usable:
            return
        self._write(
            "INSERT OR REPLACE INTO articles (url, site, status, fetched_at, error) "
            "VALUES (?,?,?,?,?)", (url, site, status, now_utc(), error))

    def mark_not_modified(self, url: str) -> None:
        """A conditional re-fetch answered 304: only the fetch time changes."""
        self._write("UPDATE articles SET fetched_at=?, status=304 WHERE url=?", (now_utc(), url))

    def cached_page(self, url: str) -> CachedPage | None:
        """A discovery page fetched before, for a conditional request."""
        row = self._read_one("SELECT etag, last_modified, content_type, body FROM pages "
                             "WHERE url=?", (url,))
        if row is None:
            return None
        try:
            return CachedPage(row[0], row[1], row[2] or "", zlib.decompress(row[3]))
        except (zlib.error, TypeError):
            return None  # a damaged cache entry: the page is simply fetched again

    def save_page(self, url: str, kind: str, page: CachedPage) -> None:
        """Cache a discovery page for the next run's conditional request."""
        self._write("INSERT OR REPLACE INTO pages VALUES (?,?,?,?,?,?,?)",
                    (url, kind, now_utc(), page.etag, page.last_modified, page.content_type,
                     zlib.compress(page.body)))

    def _read_one(self, sql: str, values: tuple[Any, ...]) -> Any:
        try:
            return self.db.execute(sql, values).fetchone()
        except sqlite3.DatabaseError as error:
            raise _unusable(self.path, error, DAMAGED_ADVICE) from error

    def _write(self, sql: str, values: tuple[Any, ...]) -> None:
        try:
            self.db.execute(sql, values)
        except sqlite3.Error as error:
            if type(error) is sqlite3.DatabaseError:  # SQLITE_CORRUPT and the like
                raise _unusable(self.path, error, DAMAGED_ADVICE) from error
            raise ArchiveError(f"{self.path}: cannot write ({error}); "
                               "check free space and permissions") from error


def iter_articles(path: str | Path) -> Iterator[dict[str, Any]]:
    """Usable articles as {url, title, published, source, site, text}, in URL order.
    The archive is opened read-only; a crawl may write to it meanwhile."""
    db = open_for_reading(path)
    try:
        cursor = db.execute(f"SELECT {', '.join(EXPORT_FIELDS)} FROM articles "
                            f"WHERE {USABLE} ORDER BY url")
        for row in cursor:
            yield dict(zip(EXPORT_FIELDS, row, strict=True))
    except sqlite3.DatabaseError as error:
        raise _unusable(Path(path), error, DAMAGED_ADVICE) from error
    finally:
        db.close()


def check_readable(path: str | Path) -> None:
    """Raise :class:`ArchiveError` now, before any output is made, unless ``path`` is an
    archive that can be read."""
    open_for_reading(path).close()


def export_jsonl(path: str | Path, out: IO[str]) -> int:
    """Write usable articles as JSON lines; returns how many were written."""
    count = 0
    for article in iter_articles(path):
        out.write(json.dumps(article, ensure_ascii=False) + "\n")
        count += 1
    return count
