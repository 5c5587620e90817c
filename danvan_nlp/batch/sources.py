"""Where a batch reads its articles: the scraper's SQLite archive, a JSONL file, or a folder.

Every article gets a stable id, :func:`article_id` of its URL (or, without one,
of its path inside the folder or of its text), so a rerun recognises what it
already did. Sources stream: nothing holds the whole archive in memory.
"""

from __future__ import annotations

import codecs
import gzip
import hashlib
import json
import re
import sqlite3
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from danvan_nlp.errors import ArchiveError, InputError
from danvan_nlp.textio import (
    MAX_LINE_BYTES,
    capped_lines,
    check_regular,
    decode_text,
    read_regular_file,
)

SQLITE_MAGIC = b"SQLite format 3\x00"
REPAIR = ("rescue what is readable with 'sqlite3 ARCHIVE .recover | sqlite3 COPY' "
          "and give the copy")
JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz")
MAX_FILE_BYTES = 20_000_000
ARCHIVE_COLUMNS = ("url", "site", "title", "published", "source", "text", "error")
METADATA_FIELDS = ("url", "title", "published", "source", "site")
_ISO_DAY = re.compile(
    r"""
    ^(\d{4}-\d{2}-\d{2})   # the day part of an ISO date or date-time
    """,
    re.VERBOSE,
)

Reporter = Callable[[str], None]


@dataclass(frozen=True, slots=True)
class SourceArticle:
    """One article to extract; ``problem`` says why its text could not be read."""

    id: str
    text: str | None
    url: str | None = None
    path: str | None = None
    title: str | None = None
    published: str | None = None
    source: str | None = None
    site: str | None = None
    problem: str | None = None


def article_id(key: str) -> str:
    """A stable 16-hex-digit id of an article's URL (or path, or text)."""
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def iso_day(value: Any) -> str | None:
    """The ``YYYY-MM-DD`` part of an ISO date or date-time, else ``None``."""
    if not isinstance(value, str):
        return None
    match = _ISO_DAY.match(value.strip())
    return match.group(1) if match else None


def _text_or_none(value: Any) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


class Source:
    """Base of the three sources: ``articles()`` streams, ``count()`` sizes the progress bar."""

    kind = "source"

    def __init__(self, location: Path, report: Reporter | None = None) -> None:
        self.location = location
        self.bad_items = 0
        self._report = report or (lambda message: None)

    def count(self) -> int | None:
        """How many articles ``articles()`` will yield at most (``None`` if unknown)."""
        return None

    def articles(self) -> Iterator[SourceArticle]:
        """The articles, in a stable order."""
        raise NotImplementedError

    def bad(self, message: str) -> None:
        """Report an input item that is skipped."""
        self.bad_items += 1
        self._report(f"{self.location}: {message}; skipped")


class SqliteSource(Source):
    """The scraper's archive: usable rows of table ``articles``, opened read-only."""

    kind = "sqlite"
    PAGE_ROWS = 200
    _WHERE = "FROM articles WHERE error IS NULL AND text IS NOT NULL"

    def count(self) -> int:
        """Usable rows; reading every page of the table, it finds a damaged archive early."""
        connection = self._connect()
        try:
            row = connection.execute(f"SELECT COUNT(*) {self._WHERE}").fetchone()
        except sqlite3.Error as error:
            raise ArchiveError(f"{self.location}: the archive is damaged ({error}); {REPAIR}"
                               ) from error
        finally:
            connection.close()
        return int(row[0])

    def articles(self) -> Iterator[SourceArticle]:
        """Rows in URL order, a page at a time, so no read lock is held while extracting."""
        query = (f"SELECT url, site, title, published, source, CAST(text AS BLOB) {self._WHERE} "
                 f"AND url > ? ORDER BY url LIMIT {self.PAGE_ROWS}")
        connection, after = self._connect(), ""
        try:
            while rows := self._page(connection, query, after):
                yield from (_archive_article(*row) for row in rows)
                after = rows[-1][0]
        finally:
            connection.close()

    def _page(self, connection: sqlite3.Connection, query: str, after: str) -> list[Any]:
        try:
            return connection.execute(query, (after,)).fetchall()
        except sqlite3.Error as error:
            raise ArchiveError(f"{self.location}: cannot read the archive after {after!r} "
                               f"({error}); what was extracted so far is kept; {REPAIR}"
                               ) from error

    def _connect(self) -> sqlite3.Connection:
        uri = f"{self.location.resolve().as_uri()}?mode=ro"
        try:
            connection = sqlite3.connect(uri, uri=True)
            columns = {row[1] for row in connection.execute("PRAGMA table_info(articles)")}
        except sqlite3.Error as error:
            raise ArchiveError(f"{self.location}: cannot read the archive ({error})") from error
        missing = [name for name in ARCHIVE_COLUMNS if name not in columns]
        if missing:
            connection.close()
            raise ArchiveError(
                f"{self.location}: not a danvan archive (table 'articles' lacks "
                f"{', '.join(missing)}); give the file 'danvan archive' writes"
            )
        return connection


def _archive_article(
    url: str, site: Any, title: Any, published: Any, source: Any, data: bytes
) -> SourceArticle:
    """The article of a row; its text comes as bytes, so a damaged text is one bad item."""
    text, problem = _decoded(data)
    return SourceArticle(
        id=article_id(url), text=text, url=url, title=_text_or_none(title),
        published=iso_day(published), source=_text_or_none(source), site=_text_or_none(site),
        problem=problem,
    )


def _decoded(data: bytes) -> tuple[str | None, str | None]:
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as error:
        return None, (f"the archived text is not valid UTF-8 (byte {error.start}): the row "
                      "is damaged; fetch the page again")


class JsonlSource(Source):
    """One JSON object a line (``danvan archive export``), optionally gzip-compressed.

    Lines are read as bytes with a cap (``max_line_bytes``): a longer line is skipped
    a block at a time and reported, never held in memory whole.
    """

    kind = "jsonl"

    def __init__(self, location: Path, report: Reporter | None = None,
                 max_line_bytes: int = MAX_LINE_BYTES) -> None:
        super().__init__(location, report)
        self.max_line_bytes = max_line_bytes

    def count(self) -> int:
        """Non-blank lines (a damaged file counts up to the damage, reported by ``articles``)."""
        lines = 0
        with self._open() as stream:
            try:
                lines = sum(1 for line in capped_lines(stream, self.max_line_bytes)
                            if line is None or line.strip())
            except _DAMAGE:
                return lines
        return lines

    def articles(self) -> Iterator[SourceArticle]:
        number = 0
        with self._open() as stream:
            try:
                for number, line in enumerate(capped_lines(stream, self.max_line_bytes), 1):
                    article = self._read_line(number, line)
                    if article is not None:
                        yield article
            except _DAMAGE as error:
                self.bad(f"ends early or is damaged after line {number} ({error}); "
                         "the rest of the file")

    def _open(self) -> IO[bytes]:
        opener: Any = gzip.open if self.location.name.endswith(".gz") else open
        try:
            stream: IO[bytes] = opener(self.location, "rb")
        except OSError as error:
            raise InputError(f"{self.location}: cannot be read ({error})") from error
        return stream

    def _read_line(self, number: int, line: bytes | None) -> SourceArticle | None:
        if line is None:
            self.bad(f"line {number} is over {self.max_line_bytes / 1e6:g} MB (--max-line-mb)")
            return None
        if number == 1:
            line = line.removeprefix(codecs.BOM_UTF8)
        if not line.strip():
            return None
        try:
            return self._parse(number, line.decode("utf-8"))
        except UnicodeDecodeError as error:
            self.bad(f"line {number} is not UTF-8 (byte {error.start})")
            return None

    def _parse(self, number: int, line: str) -> SourceArticle | None:
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            self.bad(f"line {number} is not JSON ({error.msg})")
            return None
        problem = _record_problem(record)
        if problem is not None:
            self.bad(f"line {number} {problem}")
            return None
        url = _text_or_none(record.get("url"))
        key = url or "text:" + hashlib.sha1(record["text"].encode("utf-8")).hexdigest()
        return SourceArticle(
            id=article_id(key), text=record["text"], url=url,
            title=_text_or_none(record.get("title")), published=iso_day(record.get("published")),
            source=_text_or_none(record.get("source")), site=_text_or_none(record.get("site")),
        )


_DAMAGE = (EOFError, OSError, zlib.error)


def _record_problem(record: Any) -> str | None:
    """Why a parsed JSONL line is not an article (``None`` when it is one)."""
    if not isinstance(record, dict) or not isinstance(record.get("text"), str):
        return "has no 'text' string"
    wrong = [name for name in METADATA_FIELDS if not isinstance(record.get(name), str | None)]
    if wrong:
        return f"has {', '.join(repr(name) for name in wrong)} not a JSON string or null"
    return None


class FolderSource(Source):
    """Every ``*.txt`` under a folder (recursively); the id comes from the relative path."""

    kind = "folder"

    def count(self) -> int:
        return len(self._files())

    def articles(self) -> Iterator[SourceArticle]:
        for file in self._files():
            relative = file.relative_to(self.location).as_posix()
            text, problem = _read_text(file)
            yield SourceArticle(id=article_id("path:" + relative), text=text,
                                path=str(file), problem=problem)

    def _files(self) -> list[Path]:
        """Every ``*.txt`` but folders (a FIFO or device is listed: its line says so)."""
        return sorted(path for path in self.location.rglob("*.txt") if not path.is_dir())


def _read_text(file: Path) -> tuple[str | None, str | None]:
    """The decoded text of a file, or ``None`` and what went wrong."""
    try:
        if file.stat().st_size > MAX_FILE_BYTES:
            return None, f"larger than {MAX_FILE_BYTES // 1_000_000} MB; split it into articles"
        return decode_text(read_regular_file(file, MAX_FILE_BYTES)), None
    except OSError as error:
        return None, f"cannot be read ({error.strerror})"
    except InputError as error:
        return None, str(error)


def open_source(
    location: str | Path, report: Reporter | None = None, max_line_bytes: int = MAX_LINE_BYTES
) -> Source:
    """The source for a path: a folder, a ``.jsonl[.gz]`` file or a SQLite archive.

    Anything else, a FIFO or a device included, is refused at once with :class:`InputError`.
    """
    path = Path(location)
    if not path.exists():
        raise InputError(f"{path}: no such file or folder; check the --input path")
    if path.is_dir():
        return FolderSource(path, report)
    check_regular(path)
    if path.name.lower().endswith(JSONL_SUFFIXES):
        return JsonlSource(path, report, max_line_bytes)
    with path.open("rb") as stream:
        if stream.read(len(SQLITE_MAGIC)) == SQLITE_MAGIC:
            return SqliteSource(path, report)
    raise InputError(
        f"{path}: cannot tell what this is; give a SQLite archive, a .jsonl or "
        ".jsonl.gz file of articles, or a folder of .txt files"
    )
