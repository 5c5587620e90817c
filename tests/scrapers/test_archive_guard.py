"""One crawl at a time per archive; a damaged archive is one line, never a traceback."""

from __future__ import annotations

import random
import sqlite3
import threading
from pathlib import Path

import pytest

from danvan_nlp.cli import main
from danvan_nlp.errors import ArchiveBusyError, ArchiveError
from danvan_nlp.scrapers.archive import Archive, ArticleRow, iter_articles
from tests.scrapers.conftest import baobackan_routes
from tests.scrapers.server import FixtureServer, Gate, Reply

QUICK = ["--delay", "0", "--retries", "0", "--timeout", "5", "--site", "baobackan"]
PAGE_SIZE = 4096


def crawl(server: FixtureServer, archive: Path) -> int:
    return main(["scrape", server.base + "/chinh-tri", "--archive", str(archive), *QUICK])


def test_a_second_crawl_on_a_busy_archive_stops_at_once(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    archive = tmp_path / "tin.sqlite"
    gate = Gate(passes=1)  # the first article passes, the second is held mid-crawl
    with FixtureServer() as server:
        server.routes.update(baobackan_routes(server.base))
        for path, route in list(server.routes.items()):
            if path.endswith(".html") and isinstance(route, Reply):
                server.routes[path] = gate.guard(route)
        first: list[int] = []
        runner = threading.Thread(target=lambda: first.append(crawl(server, archive)))
        runner.start()
        try:
            assert gate.held.wait(30), "the first crawl never reached its second article"
            requests_before = len(server.requests)
            second = crawl(server, archive)
            requests_after = len(server.requests)
        finally:
            gate.release()
            runner.join(60)
    err = capsys.readouterr().err
    assert second == ArchiveBusyError.exit_code == 6
    assert "another crawl is writing this archive" in err
    assert requests_after == requests_before  # the second crawl fetched nothing
    assert first == [0] and len(list(iter_articles(archive))) == 4
    with FixtureServer() as server:  # the lock went with the first crawl
        server.routes.update(baobackan_routes(server.base))
        assert crawl(server, archive) == 0


def test_the_lock_is_released_on_close(tmp_path: Path) -> None:
    first = Archive(tmp_path / "tin.sqlite")
    with pytest.raises(ArchiveBusyError, match="another crawl"):
        Archive(tmp_path / "tin.sqlite")
    first.close()
    Archive(tmp_path / "tin.sqlite").close()


def scribbled_archive(tmp_path: Path) -> Path:
    """An archive of 300 rows whose pages after the first are overwritten with noise."""
    path = tmp_path / "hong.sqlite"
    archive = Archive(path)
    for number in range(300):
        url = f"https://baobackan.org.vn/tin-{number}-post{number}.html"
        archive.save_article(ArticleRow(
            url=url, site="baobackan", status=200, title=f"Tin {number}", lead=None,
            text=f"Xã số {number} ra mắt mô hình dân vận khéo. " * 20, published="2024-06-02",
            author=None, source=None, raw_html=b"<p>x</p>" * 50, etag=None,
            last_modified=None, article_id=str(number), final_url=url))
    archive.close()
    data = bytearray(path.read_bytes())
    noise = random.Random(12)
    for start in range(PAGE_SIZE, len(data), PAGE_SIZE):
        data[start:start + PAGE_SIZE] = noise.randbytes(PAGE_SIZE)
    path.write_bytes(bytes(data))
    return path


def test_a_scribbled_archive_is_one_line_with_exit_5_when_exported(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = scribbled_archive(tmp_path)
    status = main(["archive", "export", str(path), "--out", str(tmp_path / "ra.jsonl")])
    err = capsys.readouterr().err
    assert status == ArchiveError.exit_code == 5
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert "hong.sqlite" in err


def test_a_scribbled_archive_is_one_line_with_exit_5_when_crawled(
        baobackan_site: FixtureServer, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    path = scribbled_archive(tmp_path)
    status = crawl(baobackan_site, path)
    err = capsys.readouterr().err
    assert status == 5
    lines = [line for line in err.splitlines() if "hong.sqlite" in line]
    assert "Traceback" not in err and len(lines) == 1
    assert "database disk image is malformed" in lines[0] and "untouched" in lines[0]


def test_damage_is_a_database_error_underneath(tmp_path: Path) -> None:
    path = scribbled_archive(tmp_path)
    with pytest.raises(sqlite3.DatabaseError), sqlite3.connect(path) as db:
        db.execute("SELECT count(*), sum(length(text)) FROM articles").fetchone()


HOSTILE_PAGES = {
    "nul": b"\x00" * 5000,
    "nested": b"<div>" * 50_000 + b"x" + b"</div>" * 50_000,
    "open-comments": b"<!--" * 1000,
    "high-bytes": bytes(range(128, 256)) * 100,
    "half-utf16": b"\xff\xfe" + b"\x00<\x00p" * 1000,
    "open-tables": b"<table><tr><td>" * 20_000,
    "quotes": b"<p a=" + b"'" * 10_000 + b">",
}


@pytest.mark.parametrize("name", sorted(HOSTILE_PAGES))
def test_hostile_article_pages_are_recorded_as_failed_not_raised(
        server: FixtureServer, tmp_path: Path, name: str,
        capsys: pytest.CaptureFixture[str]) -> None:
    server.routes["/robots.txt"] = Reply(status=404)
    server.routes["/trang-la-post9.html"] = Reply(body=HOSTILE_PAGES[name],
                                                  headers={"Content-Type": "text/html"})
    status = main(["scrape", server.base + "/trang-la-post9.html", "--archive",
                   str(tmp_path / "tin.sqlite"), *QUICK])
    captured = capsys.readouterr()
    failures = [line for line in captured.err.splitlines() if line.startswith("failed: ")]
    assert (status, len(failures)) == (1, 1) and "Traceback" not in captured.err
    assert list(iter_articles(tmp_path / "tin.sqlite")) == []
