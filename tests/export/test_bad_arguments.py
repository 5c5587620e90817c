"""``danvan export`` with unusable arguments or result files: exit status, messages, no file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from danvan_nlp.cli import main
from danvan_nlp.errors import InputError
from danvan_nlp.export import export_table
from tests.export.results import RESULTS, write_result

ARTICLE_LINE = json.dumps({"url": "https://example.vn/a", "text": "Bà con góp công"},
                          ensure_ascii=False)


def _argv(template: list[str], root: Path) -> list[str]:
    names = {"RESULT": str(root / "result.jsonl"), "NOTES": str(root / "notes.txt")}
    return [names.get(arg, arg.replace("ROOT", str(root))) for arg in template]


@pytest.mark.parametrize(
    ("template", "message"),
    [
        (["figures", "RESULT", "--out", "ROOT/khong-co/f.csv"], "no such folder"),
        (["figures", "RESULT", "--out", "NOTES/f.csv"], "no such folder"),
        (["figures", "RESULT", "--out", "ROOT"], "is a folder; --out"),
        (["figures", "ROOT", "--out", "ROOT/f.csv"], "is a folder; RESULT"),
        (["figures", "ROOT/none.jsonl", "--out", "ROOT/f.csv"], "no such result file"),
        (["figures", "RESULT", "--out", "RESULT"], "--out is the RESULT file"),
        (["figures", "RESULT", "--out", "ROOT/f.csv", "--format", "parquet"],
         "the name says csv but --format says parquet"),
        (["models", "RESULT", "--out", "ROOT/m.parquet", "--format", "jsonl"],
         "the name says parquet but --format says jsonl"),
    ],
)
def test_unusable_arguments_exit_2_and_write_nothing(
    template: list[str], message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str],
) -> None:
    result = write_result(tmp_path / "result.jsonl")
    (tmp_path / "notes.txt").write_text("ghi chú", encoding="utf-8")
    before = result.read_bytes()
    assert main(["export", *_argv(template, tmp_path)]) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err
    assert sorted(path.name for path in tmp_path.iterdir()) == ["notes.txt", "result.jsonl"]
    assert result.read_bytes() == before


@pytest.mark.parametrize(
    ("out_name", "fmt", "written"),
    [("f.csv", "csv", "f.csv"), ("f.txt", "jsonl", "f.txt"), ("f.CSV", None, "f.CSV"),
     ("f", "parquet", "f")],
)
def test_a_format_the_name_agrees_with_is_written(out_name: str, fmt: str | None,
                                                  written: str, tmp_path: Path) -> None:
    summary = export_table("figures", write_result(tmp_path / "r.jsonl"), tmp_path / out_name,
                           fmt)
    assert summary.rows == 2 and (tmp_path / written).stat().st_size > 0


NO_RESULT = {
    "random bytes": bytes((index * 7919) % 256 for index in range(20_000)),
    "articles, not results": ("\n".join([ARTICLE_LINE] * 30) + "\n").encode(),
    "a list a line": b'["id", "a"]\n' * 12,
}


@pytest.mark.parametrize("content", list(NO_RESULT.values()), ids=list(NO_RESULT))
def test_a_file_with_no_result_line_exits_2_writes_nothing_and_lists_few(
    content: bytes, tmp_path: Path, capsys: pytest.CaptureFixture[str],
) -> None:
    garbage = tmp_path / "garbage.bin"
    garbage.write_bytes(content)
    assert main(["export", "figures", str(garbage), "--out", str(tmp_path / "f.csv")]) == 2
    err = capsys.readouterr().err.splitlines()
    assert len(err) <= 6 and "none of its" in err[-1]
    assert [path.name for path in tmp_path.iterdir()] == ["garbage.bin"]


@pytest.mark.parametrize(
    ("bad_lines", "listed", "status"),
    [(0, 0, 0), (1, 1, 1), (5, 5, 1), (12, 5, 1)],
)
def test_some_unreadable_lines_exit_1_with_the_table_written(
    bad_lines: int, listed: int, status: int, tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    result = write_result(tmp_path / "r.jsonl", "rác không phải JSON\n" * bad_lines)
    out = tmp_path / "f.csv"
    assert main(["export", "figures", str(result), "--out", str(out)]) == status
    err = capsys.readouterr().err
    assert err.count("not a complete result line") == listed
    assert (f"and {bad_lines - listed} more" in err) is (bad_lines > listed)
    assert f"{bad_lines} unreadable result lines" in err
    assert len(out.read_text(encoding="utf-8").splitlines()) == 3


def test_an_empty_result_gives_an_empty_table(tmp_path: Path) -> None:
    empty = tmp_path / "r.jsonl"
    empty.write_bytes(b"")
    summary = export_table("figures", empty, tmp_path / "f.jsonl")
    assert (summary.rows, summary.bad_lines) == (0, 0)
    assert (tmp_path / "f.jsonl").read_bytes() == b""


def test_the_library_raises_input_error_when_no_line_is_a_result(tmp_path: Path) -> None:
    garbage = tmp_path / "g.jsonl"
    garbage.write_text(ARTICLE_LINE + "\n", encoding="utf-8")
    with pytest.raises(InputError, match="none of its 1 lines"):
        export_table("models", garbage, tmp_path / "m.csv")
    assert len(RESULTS) > 0 and not (tmp_path / "m.csv").exists()
