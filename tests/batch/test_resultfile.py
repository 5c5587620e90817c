"""The append-only result file: torn tails, done ids, one writer at a time."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from danvan_nlp.batch.resultfile import (
    ResultWriter,
    check_out_path,
    check_result_file,
    done_ids,
    read_results,
    repair_tail,
)
from danvan_nlp.errors import ArchiveError, InputError

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


NOT_RESULTS = [
    "Ghi chú họp chi bộ\nThôn Nà Ngằn: 25 hộ hiến đất\n".encode(),
    "Ghi chú không có dòng mới".encode(),
    b'{"url": "https://example.vn/khong-id", "text": "B\xc3\xa0 con"}\n{"id": "a1"}\n',
    b'["id", "a1"]\n',
    b"\n" + b'{"id": "a1"}\n',
    bytes(range(256)) * 4,
]


@pytest.mark.parametrize("content", NOT_RESULTS)
def test_a_file_that_is_not_a_result_is_refused_untouched(content: bytes, tmp_path: Path
                                                          ) -> None:
    path = tmp_path / "notes.txt"
    path.write_bytes(content)
    with pytest.raises(InputError, match="not a danvan result"):
        check_result_file(path)
    assert path.read_bytes() == content


@pytest.mark.parametrize(
    "tail",
    ["Bà con góp công", '{"url": "https://example.vn/3"', "[1, 2", ' {"id": "c3"'],
)
def test_a_tail_that_is_not_a_torn_result_line_is_not_cut(tail: str, tmp_path: Path) -> None:
    path = tmp_path / "result.jsonl"
    _write(path, tail)
    before = path.read_bytes()
    check_result_file(path)  # the first line is a result: the file as a whole may be one
    with pytest.raises(InputError, match="not a result line"):
        repair_tail(path)
    assert path.read_bytes() == before


@pytest.mark.parametrize(
    "content",
    [b"", b'{"id": "a1", "figures": []}\n', b'{"id": "a1", "figu', b'{"i'],
)
def test_results_and_torn_first_lines_are_accepted(content: bytes, tmp_path: Path) -> None:
    path = tmp_path / "result.jsonl"
    path.write_bytes(content)
    check_result_file(path)
    assert path.read_bytes() == content


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda root: root / "khong-co" / "r.jsonl", "no such folder"),
        (lambda root: root / "tep.txt" / "r.jsonl", "no such folder"),
        (lambda root: root, "is a folder"),
    ],
)
def test_an_out_path_that_cannot_be_made_is_refused(make: Any, message: str, tmp_path: Path
                                                    ) -> None:
    (tmp_path / "tep.txt").write_text("ghi chú", encoding="utf-8")
    with pytest.raises(InputError, match=message):
        check_out_path(make(tmp_path))
    assert not (tmp_path / "khong-co").exists()


def test_a_result_that_cannot_be_opened_is_an_input_error(tmp_path: Path) -> None:
    path = tmp_path / "khong-co" / "r.jsonl"
    with pytest.raises(InputError, match="cannot open the result") as caught, ResultWriter(path):
        pass
    assert caught.value.exit_code == 2 and not path.parent.exists()
