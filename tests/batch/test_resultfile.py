"""The append-only result file: torn tails, done ids, one writer at a time."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from danvan_nlp.batch.resultfile import ResultWriter, done_ids, read_results, repair_tail
from danvan_nlp.errors import ArchiveError

GOOD: list[dict[str, Any]] = [
    {"id": "a1", "url": "https://example.vn/1", "figures": [], "title": "Bà con góp công"},
    {"id": "b2", "url": "https://example.vn/2", "error": "the text is empty"},
]


def _write(path: Path, tail: str = "") -> None:
    with ResultWriter(path) as writer:
        writer.write(GOOD)
    with path.open("a", encoding="utf-8") as stream:
        stream.write(tail)


@pytest.mark.parametrize(
    ("tail", "cut"),
    [
        ("", False),
        ('{"id": "c3", "url": "https://example.vn/3", "figu', True),
        ('{"id": "c3"}', True),
        ("{", True),
    ],
)
def test_a_torn_last_line_is_cut_and_whole_lines_stay(tail: str, cut: bool, tmp_path: Path
                                                      ) -> None:
    path = tmp_path / "result.jsonl"
    _write(path, tail)
    assert repair_tail(path) is cut
    assert path.read_text(encoding="utf-8").endswith("}\n")
    assert done_ids(path) == {"a1", "b2"}
    assert list(read_results(path)) == GOOD


@pytest.mark.parametrize(
    "bad_line",
    ['{"url": "https://example.vn/khong-id"}\n', "rác\n", '{"id": "x", "url": \n'],
)
def test_unreadable_lines_inside_are_reported_and_skipped(bad_line: str, tmp_path: Path
                                                          ) -> None:
    path = tmp_path / "result.jsonl"
    _write(path, bad_line)
    reports: list[str] = []
    assert done_ids(path, reports.append) == {"a1", "b2"}
    assert len(reports) == 1 and "line 3" in reports[0]


def test_missing_result_means_nothing_done(tmp_path: Path) -> None:
    path = tmp_path / "chua-co.jsonl"
    assert not repair_tail(path)
    assert done_ids(path) == set()


def test_two_runs_cannot_write_one_result(tmp_path: Path) -> None:
    path = tmp_path / "result.jsonl"
    with ResultWriter(path) as writer, pytest.raises(ArchiveError, match="another run"):
        with ResultWriter(path):
            pass
        writer.write(GOOD)


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full (Linux)")
def test_a_full_disk_is_an_archive_error_with_advice() -> None:
    with pytest.raises(ArchiveError, match="rerun"), ResultWriter(Path("/dev/full")) as writer:
        writer.write(GOOD)
