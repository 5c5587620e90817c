"""``danvan extract``: formats, inputs, and bad input reported without a traceback."""

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from danvan_nlp.cli import main

ARTICLE = ("Thứ Hai, 3/6/2024\nBắc Kạn: hội nghị dân vận\nĐồng chí Hà Văn Tâm - Phó Chủ tịch "
           "UBND tỉnh phát biểu. Thực hiện Kế hoạch số 12-KH/TU, toàn tỉnh có hơn 2.700 mô hình "
           "được đăng ký.\n")


@pytest.fixture
def article_file(tmp_path: Path) -> Path:
    path = tmp_path / "bai-viet.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def test_no_file_runs_the_bundled_sample(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract"]) == 0
    out = capsys.readouterr().out
    assert "Ma Từ Đông Điền" in out and "06-ĐA/TU" in out and "Thái Nguyên" in out


def test_jsonl_carries_the_path(article_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", "--format", "jsonl", str(article_file)]) == 0
    (line,) = capsys.readouterr().out.splitlines()
    result = json.loads(line)
    assert result["path"] == str(article_file)
    assert result["officials"][0]["name"] == "Hà Văn Tâm"


def test_json_is_indented(article_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", "--format", "json", str(article_file)]) == 0
    assert json.loads(capsys.readouterr().out)["documents"][0]["code"] == "12-KH/TU"


def test_csv_has_one_row_per_fact(article_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", "--format", "csv", str(article_file), str(article_file)]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    kinds = {row["kind"] for row in rows}
    assert {"official", "document"} <= kinds
    assert len({row["path"] for row in rows}) == 1  # one header, both inputs are the same path


def test_stdin(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(ARTICLE.encode("utf-8"))))
    assert main(["extract", "--format", "jsonl", "-"]) == 0
    assert json.loads(capsys.readouterr().out)["path"] == "-"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty"),
        (b"B\xe0 con \xff\xfe\x00 not utf-8 \xc3\x28", "not valid UTF-8 (byte 1)"),
        ("Hôm nay trời đẹp. ".encode("utf-16"), "UTF-16: re-save"),
        ("Hôm nay trời đẹp. ".encode("utf-16-le"), "not valid UTF-8"),
        (b"\xfe\xff" + "Hôm nay trời đẹp. ".encode("utf-16-be"), "UTF-16: re-save"),
        (b"\x00\x01\x02\x03" * 200, "binary"),
        (("This is an English text about the weather. " * 20).encode(), "Vietnamese"),
    ],
)
def test_bad_files_are_reported_and_good_ones_processed(
    tmp_path: Path, article_file: Path, capsys: pytest.CaptureFixture[str],
    content: bytes, message: str,
) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    status = main(["extract", "--format", "jsonl", str(bad), str(article_file)])
    captured = capsys.readouterr()
    assert status == 1
    assert message in captured.err and "Traceback" not in captured.err
    lines = [json.loads(line) for line in captured.out.splitlines()]
    assert "error" in lines[0] and lines[1]["officials"]


def test_missing_file_and_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", str(tmp_path / "missing.txt"), str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert "no such file" in err and "is a folder" in err


def test_batch_flags_need_each_other(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", "--input", "x.jsonl"]) != 0
    assert "--out" in capsys.readouterr().err


def test_console_script_has_help_everywhere() -> None:
    for args in (["--help"], ["extract", "--help"]):
        done = subprocess.run([sys.executable, "-m", "danvan_nlp", *args], capture_output=True,
                              text=True, check=False)
        assert done.returncode == 0 and "usage: danvan" in done.stdout


def test_large_file_gets_a_message_not_a_traceback(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_text(ARTICLE * 60_000, encoding="utf-8")  # about 10 MB
    done = subprocess.run([sys.executable, "-m", "danvan_nlp", "extract", str(big)],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 1
    assert "split" in done.stderr and "Traceback" not in done.stderr


def test_csv_cells_that_would_start_a_formula_are_neutralised() -> None:
    from danvan_nlp.cli.render import csv_text

    rows = [{"path": "a.txt", "kind": "model", "text": "=HYPERLINK(\"x\")", "value": -3}]
    out = next(csv.reader(io.StringIO(csv_text(rows, header=False))))
    assert "'=HYPERLINK(\"x\")" in out and "-3" in out
