"""Inputs that used to hang or end in a traceback: FIFOs, devices, damaged archives and
gzip files, and JSONL lines too long to hold. Each ends in one clear line and a non-zero
exit; inside a batch the bad item is recorded and the rest go on.

The command runs in a child process where a regression would hang (a FIFO), so the test
fails on its ``timeout`` instead of hanging the suite.
"""

from __future__ import annotations

import io
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from danvan_nlp.batch import sources
from danvan_nlp.batch.runner import run_batch
from danvan_nlp.batch.sources import open_source
from danvan_nlp.cli import main
from danvan_nlp.errors import ArchiveError, InputError
from danvan_nlp.textio import capped_lines
from tests.batch.helpers import ARTICLES, many_articles, read_lines, write_folder, write_jsonl

GUARD_SECONDS = 120  # only so a regression fails instead of hanging the suite


def _danvan(*args: str, stdin: int | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "danvan_nlp", *args], capture_output=True,
                          text=True, stdin=stdin, timeout=GUARD_SECONDS, check=False)


def _fifo(path: Path) -> Path:
    os.mkfifo(path)
    return path


def _error_lines(stderr: str) -> list[str]:
    assert "Traceback" not in stderr, stderr
    return [line for line in stderr.splitlines() if line.startswith("danvan: ")]


def test_a_fifo_file_is_refused_at_once(tmp_path: Path) -> None:
    done = _danvan("extract", str(_fifo(tmp_path / "bai.txt")))
    assert done.returncode == 1
    assert "not a regular file" in _error_lines(done.stderr)[0]


@pytest.mark.parametrize("name", ["bai.jsonl", "kho-bai"])
def test_a_fifo_input_is_refused_at_once(name: str, tmp_path: Path) -> None:
    out = tmp_path / "result.jsonl"
    done = _danvan("extract", "--input", str(_fifo(tmp_path / name)), "--out", str(out))
    assert done.returncode == 2
    assert _error_lines(done.stderr) == [
        f"danvan: error: {tmp_path / name} is not a regular file (a FIFO, device or socket); "
        "save the text to a file, or pipe it in with '-'"
    ]
    assert not out.exists()


def test_dev_zero_as_a_file_or_input_is_refused(tmp_path: Path) -> None:
    as_file = _danvan("extract", "/dev/zero")
    assert as_file.returncode == 1 and "not a regular file" in _error_lines(as_file.stderr)[0]
    out = tmp_path / "result.jsonl"
    as_input = _danvan("extract", "--input", "/dev/zero", "--out", str(out))
    assert as_input.returncode == 2 and "/dev/zero is not a regular file" in as_input.stderr
    assert not out.exists()


@pytest.mark.parametrize("command", [["extract", "--input", "SRC"], ["export", "figures", "RES"]])
def test_a_fifo_or_device_as_out_is_refused(command: list[str], tmp_path: Path) -> None:
    names = {"SRC": str(write_jsonl(tmp_path / "a.jsonl", ARTICLES[:1])),
             "RES": str(_empty_result(tmp_path / "r.jsonl"))}
    argv = [names.get(arg, arg) for arg in command]
    for out in (str(_fifo(tmp_path / "ong.jsonl")), os.devnull):
        done = _danvan(*argv, "--out", out)
        assert done.returncode == 2
        assert f"{out} is not a regular file" in _error_lines(done.stderr)[0]
    assert Path(os.devnull).is_char_device()


def _empty_result(path: Path) -> Path:
    path.write_bytes(b"")
    return path


def test_dev_zero_on_stdin_is_read_up_to_the_cap() -> None:
    with open("/dev/zero", "rb") as zeros:
        done = _danvan("extract", "-", stdin=zeros.fileno())
    assert done.returncode == 1
    assert "too large for one article" in _error_lines(done.stderr)[0]


def test_a_fifo_in_a_folder_is_recorded_and_the_rest_go_on(tmp_path: Path) -> None:
    folder = write_folder(tmp_path / "bai", ARTICLES[:2])
    _fifo(folder / "ong.txt")
    out = tmp_path / "result.jsonl"
    summary = run_batch(folder, out, workers=1, progress=False)
    lines = {Path(line["path"]).name: line for line in read_lines(out)}
    assert (summary.done, summary.failed) == (2, 1)
    assert "not a regular file" in lines["ong.txt"]["error"]
    assert lines["ong.txt"]["error_kind"] == "input"


def _archive(path: Path, count: int) -> Path:
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE articles (url TEXT PRIMARY KEY, site TEXT, title TEXT,"
                           " published TEXT, source TEXT, text TEXT, error TEXT)")
        for index, record in enumerate(many_articles(count)):
            connection.execute("INSERT INTO articles (url, text) VALUES (?, ?)",
                               (record["url"], f"{record['text']}\nBài số {index}."))
    connection.close()
    return path


def test_an_archive_with_scribbled_pages_ends_in_one_line_and_exit_5(tmp_path: Path) -> None:
    path = _archive(tmp_path / "kho.sqlite", 60)
    data = bytearray(path.read_bytes())
    page = 4096
    for start in range(2 * page, len(data), page):  # every page after the schema
        data[start:start + page] = b"\x5a" * page
    path.write_bytes(bytes(data))
    out = tmp_path / "result.jsonl"
    done = _danvan("extract", "--input", str(path), "--out", str(out), "--workers", "1")
    assert done.returncode == 5
    (line,) = _error_lines(done.stderr)
    assert "the archive is damaged" in line and ".recover" in line


def test_a_damaged_archived_text_is_one_failed_article(tmp_path: Path) -> None:
    path = _archive(tmp_path / "kho.sqlite", 3)
    data = path.read_bytes()
    marker = "Bài số 1.".encode()
    assert data.count(marker) == 1
    path.write_bytes(data.replace(marker, b"\xff" * len(marker)))
    out = tmp_path / "result.jsonl"
    summary = run_batch(path, out, workers=1, progress=False)
    assert (summary.done, summary.failed) == (2, 1)
    failed = [line for line in read_lines(out) if "error" in line]
    assert "not valid UTF-8" in failed[0]["error"]


def test_an_archive_failing_mid_run_keeps_the_chunks_already_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _archive(tmp_path / "kho.sqlite", 6)
    monkeypatch.setattr(sources.SqliteSource, "PAGE_ROWS", 2)
    real_page = sources.SqliteSource._page
    pages: list[int] = []

    def failing_page(self: sources.SqliteSource, connection: sqlite3.Connection, query: str,
                     after: str) -> list[object]:
        pages.append(1)
        if len(pages) == 3:
            raise ArchiveError("page 3 is damaged")
        return real_page(self, connection, query, after)

    monkeypatch.setattr(sources.SqliteSource, "_page", failing_page)
    out = tmp_path / "result.jsonl"
    with pytest.raises(ArchiveError, match="page 3"):
        run_batch(path, out, workers=1, chunk_size=1, progress=False)
    assert len(read_lines(out)) == 4
    monkeypatch.setattr(sources.SqliteSource, "_page", real_page)
    again = run_batch(path, out, workers=1, progress=False)
    assert (again.skipped, again.done) == (4, 2)


def test_a_truncated_gzip_records_what_was_read_and_exits_1(tmp_path: Path) -> None:
    records = [{**record, "text": f"{record['text']}\nBài số {index}, mã {index * 7919}."}
               for index, record in enumerate(many_articles(24))]
    path = write_jsonl(tmp_path / "bai.jsonl.gz", records)
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    out = tmp_path / "result.jsonl"
    done = _danvan("extract", "--input", str(path), "--out", str(out), "--workers", "1")
    assert done.returncode == 1
    damage = [line for line in _error_lines(done.stderr) if "damaged" in line]
    assert len(damage) == 1 and "ends early or is damaged after line" in damage[0]
    written = read_lines(out)
    assert 0 < len(written) < len(records)
    assert [line["url"] for line in written] == [r["url"] for r in records[: len(written)]]


def test_a_jsonl_line_over_the_cap_is_skipped_and_reported(tmp_path: Path) -> None:
    huge = {**ARTICLES[2], "text": "Bà con góp công. " * 200_000}  # about 3.4 MB
    path = write_jsonl(tmp_path / "bai.jsonl", [ARTICLES[0], huge, ARTICLES[1]])
    reports: list[str] = []
    summary = run_batch(path, tmp_path / "r.jsonl", workers=1, max_line_bytes=1_000_000,
                        progress=False)
    assert (summary.done, summary.bad_input) == (2, 1)
    source = open_source(path, reports.append, max_line_bytes=1_000_000)
    assert [a.url for a in source.articles()] == [ARTICLES[0]["url"], ARTICLES[1]["url"]]
    assert reports == [f"{path}: line 2 is over 1 MB (--max-line-mb); skipped"]


def test_max_line_mb_on_the_command_line(tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    huge = {**ARTICLES[2], "text": "Bà con góp công. " * 200_000}
    path = write_jsonl(tmp_path / "bai.jsonl", [ARTICLES[0], huge])
    out = tmp_path / "r.jsonl"
    assert main(["extract", "--input", str(path), "--out", str(out), "--workers", "1",
                 "--max-line-mb", "1"]) == 1
    assert "line 2 is over 1 MB" in capsys.readouterr().err
    assert len(read_lines(out)) == 1
    wider = tmp_path / "r2.jsonl"
    main(["extract", "--input", str(path), "--out", str(wider), "--workers", "1",
          "--max-line-mb", "8"])
    assert "over 1 MB" not in capsys.readouterr().err
    assert [line["url"] for line in read_lines(wider)] == [ARTICLES[0]["url"], huge["url"]]


class _RecordingStream(io.BytesIO):
    """A stream that remembers the largest piece it handed out."""

    largest = 0

    def readline(self, size: int | None = -1) -> bytes:
        piece = super().readline(size)
        self.largest = max(self.largest, len(piece))
        return piece


def test_a_long_line_is_never_held_whole() -> None:
    cap = 1000
    stream = _RecordingStream(b"ngan\n" + b"x" * 50_000 + b"\n" + b"y" * cap + b"\ncuoi")
    lines = list(capped_lines(stream, cap))
    assert lines == [b"ngan\n", None, b"y" * cap + b"\n", b"cuoi"]
    assert stream.largest <= max(cap + 1, 1 << 20)
    over_by_one = list(capped_lines(io.BytesIO(b"z" * (cap + 1)), cap))
    assert over_by_one == [None]


def test_a_non_utf8_jsonl_line_is_one_bad_item(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "bai.jsonl", ARTICLES[:2])
    lines = path.read_bytes().split(b"\n")
    path.write_bytes(b"\n".join([lines[0], b'{"text": "B\xe0 con"}', *lines[1:]]))
    reports: list[str] = []
    source = open_source(path, reports.append)
    assert [a.url for a in source.articles()] == [ARTICLES[0]["url"], ARTICLES[1]["url"]]
    assert source.bad_items == 1 and "line 2 is not UTF-8" in reports[0]


def test_a_utf8_bom_before_the_first_line_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "bai.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps(ARTICLES[0]).encode() + b"\n")
    assert [a.url for a in open_source(path).articles()] == [ARTICLES[0]["url"]]


@pytest.mark.parametrize(("option", "value"), [("article_seconds", -1.0),
                                               ("article_seconds", float("nan")),
                                               ("max_line_bytes", 0)])
def test_run_batch_refuses_limits_that_make_no_sense(option: str, value: float,
                                                     tmp_path: Path) -> None:
    source = write_jsonl(tmp_path / "a.jsonl", ARTICLES[:1])
    out = tmp_path / "r.jsonl"
    limits: dict[str, Any] = {option: value}
    with pytest.raises(InputError, match=option):
        run_batch(source, out, workers=1, progress=False, **limits)
    assert not out.exists()
