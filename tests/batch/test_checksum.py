"""Every result line carries a SHA-256 of its content; a line damaged after it was written
is redone by the next run and counted unreadable by an export."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from danvan_nlp.batch.resultfile import ResultWriter, done_ids, read_results, sealed_line
from danvan_nlp.batch.runner import run_batch
from danvan_nlp.batch.sources import article_id
from danvan_nlp.cli import main
from tests.batch.helpers import ARTICLES, NOT_VIETNAMESE, write_jsonl


def _result(tmp_path: Path) -> tuple[Path, Path]:
    source = write_jsonl(tmp_path / "a.jsonl", [*ARTICLES, NOT_VIETNAMESE])
    out = tmp_path / "result.jsonl"
    run_batch(source, out, workers=1, progress=False)
    return source, out


def test_each_line_ends_with_the_sha256_of_the_rest(tmp_path: Path) -> None:
    _, out = _result(tmp_path)
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 4
    for line in lines:
        record = json.loads(line)
        assert list(record)[-1] == "sha256"
        check = record.pop("sha256")
        rest = json.dumps(record, ensure_ascii=False).encode("utf-8")
        assert check == hashlib.sha256(rest).hexdigest()


def _damage(out: Path, url: str, old: str, new: str) -> None:
    """Change ``old`` to ``new`` in the line of ``url``: the line stays valid JSON."""
    lines = out.read_text(encoding="utf-8").splitlines(keepends=True)
    index = next(i for i, line in enumerate(lines) if json.loads(line)["url"] == url)
    assert old in lines[index]
    lines[index] = lines[index].replace(old, new, 1)
    json.loads(lines[index])
    out.write_text("".join(lines), encoding="utf-8")


def test_a_line_damaged_in_the_middle_is_not_done(tmp_path: Path) -> None:
    _, out = _result(tmp_path)
    _damage(out, ARTICLES[1]["url"], "Hoàng Thị Lan", "Hoàng Thị Lam")
    reports: list[str] = []
    ids = done_ids(out, reports.append)
    assert article_id(ARTICLES[1]["url"]) not in ids and len(ids) == 3
    assert len(reports) == 1 and "line 2 fails its checksum" in reports[0]


def test_resume_redoes_a_damaged_line_and_export_counts_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source, out = _result(tmp_path)
    _damage(out, ARTICLES[0]["url"], '"value": 25', '"value": 95')
    again = run_batch(source, out, workers=1, progress=False)
    assert (again.done, again.failed, again.skipped) == (1, 0, 3)
    redone = json.loads(out.read_text(encoding="utf-8").splitlines()[-1])
    assert redone["url"] == ARTICLES[0]["url"]
    assert 25 in [figure["value"] for figure in redone["figures"]]
    table = tmp_path / "figures.csv"
    assert main(["export", "figures", str(out), "--out", str(table)]) == 1
    err = capsys.readouterr().err
    assert "line 1 fails its checksum" in err and "1 unreadable result lines" in err
    assert ARTICLES[0]["url"] in table.read_text(encoding="utf-8")


def test_a_damaged_checksum_itself_fails(tmp_path: Path) -> None:
    path = tmp_path / "result.jsonl"
    good = sealed_line({"id": "a1", "title": "Bà con"})
    last_digit = good[-4]
    assert good.endswith(f'{last_digit}"}}\n')
    path.write_text(good[:-4] + ("1" if last_digit == "0" else "0") + good[-3:],
                    encoding="utf-8")
    assert done_ids(path) == set()
    assert list(read_results(path)) == []


def test_lines_written_before_checksums_are_still_read(tmp_path: Path) -> None:
    path = tmp_path / "result.jsonl"
    old = {"id": "c3", "url": "https://example.vn/3", "figures": []}
    path.write_text(json.dumps(old, ensure_ascii=False) + "\n", encoding="utf-8")
    with ResultWriter(path) as writer:
        writer.write([{"id": "d4", "url": "https://example.vn/4", "figures": []}])
    assert done_ids(path) == {"c3", "d4"}
    assert [record["id"] for record in read_results(path)] == ["c3", "d4"]
    assert "sha256" not in next(iter(read_results(path)))


def test_an_unchecked_line_with_a_checksum_field_is_damaged(tmp_path: Path) -> None:
    path = tmp_path / "result.jsonl"
    path.write_text('{"id": "e5", "sha256": "not hex"}\n', encoding="utf-8")
    reports: list[str] = []
    assert done_ids(path, reports.append) == set()
    assert "fails its checksum" in reports[0]
