"""Batch runs on the local engine: results, failures, reruns and the command line."""

from __future__ import annotations

from pathlib import Path

import pytest

from danvan_nlp.batch.runner import run_batch
from danvan_nlp.batch.sources import article_id
from danvan_nlp.cli import main
from danvan_nlp.errors import DanvanError, InputError
from danvan_nlp.pipeline import extract
from tests.batch.helpers import (
    ARTICLES,
    NOT_VIETNAMESE,
    broken_extract,
    picky_extract,
    read_lines,
    stuck_extract,
    write_folder,
    write_jsonl,
    write_sqlite,
)


def test_each_article_gets_its_extraction_and_source_fields(tmp_path: Path) -> None:
    out = tmp_path / "result.jsonl"
    summary = run_batch(write_jsonl(tmp_path / "a.jsonl", ARTICLES), out, workers=1,
                        progress=False)
    assert (summary.done, summary.failed, summary.skipped) == (len(ARTICLES), 0, 0)
    for record, line in zip(ARTICLES, read_lines(out), strict=True):
        expected = extract(record["text"], url=record["url"], published=record["published"],
                           source=record["source"]).to_dict()
        assert line["id"] == article_id(record["url"])
        assert (line["url"], line["site"]) == (record["url"], record["site"])
        assert line["figures"] == expected["figures"]
        assert line["officials"] == expected["officials"]


def test_a_failing_article_is_recorded_and_the_run_goes_on(tmp_path: Path) -> None:
    records = [ARTICLES[0], NOT_VIETNAMESE, ARTICLES[1]]
    out = tmp_path / "result.jsonl"
    summary = run_batch(write_jsonl(tmp_path / "a.jsonl", records), out, workers=1,
                        progress=False)
    lines = read_lines(out)
    assert (summary.done, summary.failed) == (2, 1)
    assert [("error" in line) for line in lines] == [False, True, False]
    assert lines[1]["url"] == NOT_VIETNAMESE["url"] and "Vietnamese" in lines[1]["error"]
    assert lines[1]["error_kind"] == "input"


def test_a_bug_in_one_article_is_recorded_as_internal(tmp_path: Path) -> None:
    out = tmp_path / "result.jsonl"
    summary = run_batch(write_jsonl(tmp_path / "a.jsonl", ARTICLES), out, workers=1,
                        chunk_size=1, extract_fn=picky_extract, progress=False)
    kinds = [line.get("error_kind") for line in read_lines(out)]
    assert (summary.done, summary.failed) == (2, 1)
    assert kinds == [None, "internal", None]


def test_an_article_that_never_ends_is_stopped_and_recorded(tmp_path: Path) -> None:
    out = tmp_path / "result.jsonl"
    summary = run_batch(write_jsonl(tmp_path / "a.jsonl", ARTICLES), out, workers=1,
                        extract_fn=stuck_extract, article_seconds=0.3, progress=False)
    lines = read_lines(out)
    assert (summary.done, summary.failed) == (2, 1)
    assert [line.get("error_kind") for line in lines] == [None, "timeout", None]
    assert "0.3 s" in lines[1]["error"]


def test_a_broken_extractor_stops_the_run_before_writing(tmp_path: Path) -> None:
    out = tmp_path / "result.jsonl"
    with pytest.raises(DanvanError, match="lexicon file missing"):
        run_batch(write_jsonl(tmp_path / "a.jsonl", ARTICLES), out, workers=1,
                  extract_fn=broken_extract, progress=False)
    assert out.read_bytes() == b""


@pytest.mark.parametrize("workers", [1, 2])
def test_a_rerun_skips_what_is_done(workers: int, tmp_path: Path) -> None:
    source = write_jsonl(tmp_path / "a.jsonl", [*ARTICLES, NOT_VIETNAMESE])
    out = tmp_path / "result.jsonl"
    run_batch(source, out, workers=workers, progress=False)
    before = out.read_bytes()
    again = run_batch(source, out, workers=workers, progress=False)
    assert (again.done, again.failed, again.skipped) == (0, 0, len(ARTICLES) + 1)
    assert out.read_bytes() == before


def test_two_local_workers_write_the_same_file_as_one(tmp_path: Path) -> None:
    source = write_folder(tmp_path / "bai", ARTICLES * 3)
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    run_batch(source, one, workers=1, progress=False)
    run_batch(source, two, workers=2, chunk_size=2, progress=False)
    assert len(read_lines(one)) == len(ARTICLES) * 3
    assert two.read_bytes() == one.read_bytes()


def test_a_corrupt_input_line_is_counted_and_skipped(tmp_path: Path) -> None:
    source = write_jsonl(tmp_path / "a.jsonl", ARTICLES, extra_lines=('{"text": "Bà con',))
    summary = run_batch(source, tmp_path / "result.jsonl", workers=1, progress=False)
    assert (summary.done, summary.bad_input) == (len(ARTICLES), 1)


@pytest.mark.parametrize(
    ("extra", "status"),
    [
        ([], 0),
        (["--workers", "0"], 2),
        (["--scheduler", "tcp://127.0.0.1:1"], 2),
    ],
)
def test_command_line_exit_status(extra: list[str], status: int, tmp_path: Path) -> None:
    archive = write_sqlite(tmp_path / "archive.sqlite", ARTICLES)
    out = tmp_path / "result.jsonl"
    assert main(["extract", "--input", str(archive), "--out", str(out), *extra]) == status
    if status == 0:
        assert len(read_lines(out)) == len(ARTICLES)
    else:
        assert not out.exists()


def test_command_line_says_when_articles_failed(tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    source = write_jsonl(tmp_path / "a.jsonl", [ARTICLES[0], NOT_VIETNAMESE])
    out = tmp_path / "result.jsonl"
    assert main(["extract", "--input", str(source), "--out", str(out), "--workers", "1"]) == 1
    err = capsys.readouterr().err
    assert "1 extracted" in err and "1 failed" in err


@pytest.mark.parametrize(
    ("first_run", "second_run", "counts"),
    [
        ([0, 0, 1], None, (2, 0, 1)),
        ([0, 1, 0, 1, 0], None, (2, 0, 3)),
        ([0], [0, 0, 1], (1, 1, 1)),
        ([0, 1], [1, 0, 1, 2], (1, 2, 1)),
    ],
)
def test_repeated_ids_in_the_input_are_counted_apart_from_done_ones(
    first_run: list[int], second_run: list[int] | None, counts: tuple[int, int, int],
    tmp_path: Path,
) -> None:
    """``counts`` is (extracted, skipped as already done, repeated) of the last run."""
    out = tmp_path / "result.jsonl"
    summary = run_batch(write_jsonl(tmp_path / "a.jsonl", [ARTICLES[i] for i in first_run]),
                        out, workers=1, progress=False)
    if second_run is not None:
        summary = run_batch(write_jsonl(tmp_path / "b.jsonl", [ARTICLES[i] for i in second_run]),
                            out, workers=1, progress=False)
    assert (summary.done, summary.skipped, summary.repeated) == counts
    ids = [line["id"] for line in read_lines(out)]
    assert len(ids) == len(set(ids))
    assert f"{counts[2]} repeated in the input" in summary.line(out)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("Ghi chú: 25 mô hình\nchưa xong dòng cuối", "not a danvan result"),
        ('{"id": "a1", "figures": []}\nGhi chú viết thêm', "not a result line"),
        ('{"id": "a1", "figures": []}\n[1, 2', "not a result line"),
    ],
)
def test_an_out_file_that_is_not_a_result_is_refused_and_kept(
    content: str, message: str, tmp_path: Path
) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=message):
        run_batch(write_jsonl(tmp_path / "a.jsonl", ARTICLES), notes, workers=1, progress=False)
    assert notes.read_text(encoding="utf-8") == content
