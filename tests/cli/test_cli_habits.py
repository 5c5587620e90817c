"""The command line as a user types it (through ``subprocess``): stdin, JSON, verbosity,
contradictory options and ``--version``."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from danvan_nlp.article import SCHEMA_VERSION

ARTICLE = ("Thứ Hai, 3/6/2024\nHội nghị dân vận ở Bắc Kạn\nĐồng chí Hà Văn Tâm - Phó Chủ tịch "
           "UBND tỉnh phát biểu. Toàn tỉnh có hơn 2.700 mô hình được đăng ký.\n")
OTHER = ("Thứ Ba, 4/6/2024\nTin Cao Bằng\nĐồng chí Nông Thị Hoa, Trưởng Ban Dân vận Tỉnh ủy "
         "dự hội nghị. Huyện đã công nhận 35 mô hình.\n")


def _danvan(*args: str, stdin: bytes | None = None, devnull: bool = False
            ) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "danvan_nlp", *args]
    if devnull:
        return subprocess.run(command, stdin=subprocess.DEVNULL, capture_output=True,
                              text=True, check=False, timeout=120)
    done = subprocess.run(command, input=stdin if stdin is not None else b"",
                          capture_output=True, check=False, timeout=120)
    return subprocess.CompletedProcess(done.args, done.returncode,
                                       done.stdout.decode("utf-8"), done.stderr.decode("utf-8"))


def test_piped_text_is_read_instead_of_the_sample() -> None:
    done = _danvan("extract", "--format", "jsonl", stdin=ARTICLE.encode("utf-8"))
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["path"] == "-"
    assert [official["name"] for official in result["officials"]] == ["Hà Văn Tâm"]


def test_an_empty_pipe_is_an_error_not_the_sample() -> None:
    done = _danvan("extract", "--format", "jsonl", stdin=b"")
    assert done.returncode != 0
    assert "empty" in done.stderr and "Traceback" not in done.stderr
    assert "Ma Từ Đông Điền" not in done.stdout


def test_no_input_at_all_extracts_the_sample_and_says_so() -> None:
    done = _danvan("extract", devnull=True)
    assert done.returncode == 0, done.stderr
    assert "bundled sample" in done.stderr
    assert "Ma Từ Đông Điền" in done.stdout


def test_sample_flag_never_reads_stdin() -> None:
    done = _danvan("extract", "--sample", "--format", "jsonl", stdin=ARTICLE.encode("utf-8"))
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["path"].startswith("<sample>")


def test_json_of_several_files_is_one_array(tmp_path: Path) -> None:
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text(ARTICLE, encoding="utf-8")
    second.write_text(OTHER, encoding="utf-8")
    done = _danvan("extract", "--format", "json", str(first), str(second))
    assert done.returncode == 0, done.stderr
    results = json.loads(done.stdout)
    assert [item["path"] for item in results] == [str(first), str(second)]
    assert results[1]["officials"][0]["name"] == "Nông Thị Hoa"


def test_json_of_several_files_keeps_a_failure_in_the_array(tmp_path: Path) -> None:
    good, empty = tmp_path / "a.txt", tmp_path / "rong.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    empty.write_text("", encoding="utf-8")
    done = _danvan("extract", "--format", "json", str(empty), str(good))
    assert done.returncode == 1
    results = json.loads(done.stdout)
    assert results[0]["path"] == str(empty) and "empty" in results[0]["error"]
    assert results[1]["officials"]


@pytest.mark.parametrize("fmt", ["json", "csv", "text", "jsonl"])
def test_format_with_input_is_refused(tmp_path: Path, fmt: str) -> None:
    (tmp_path / "texts").mkdir()
    done = _danvan("extract", "--input", str(tmp_path / "texts"), "--out",
                   str(tmp_path / "r.jsonl"), "--format", fmt)
    assert done.returncode == 2
    assert "--format" in done.stderr and "Traceback" not in done.stderr
    assert not (tmp_path / "r.jsonl").exists()


def test_version_names_the_schema_and_the_domain_model() -> None:
    done = _danvan("--version")
    assert done.returncode == 0
    lines = done.stdout.splitlines()
    assert lines[0].startswith("danvan-nlp ")
    assert lines[1] == f"output schema {SCHEMA_VERSION}"
    assert lines[2].startswith("domain model domains-v")


@pytest.mark.parametrize("where", ["before", "after"])
def test_verbose_and_quiet_are_accepted_on_every_command(where: str) -> None:
    for command in (["extract", "--sample"], ["sites"], ["classify", "-"]):
        flags = ["-q"]
        argv = [*flags, *command] if where == "before" else [*command, *flags]
        done = _danvan(*argv, stdin="Tổ tự quản an ninh trật tự".encode())
        assert done.returncode == 0, (argv, done.stderr)
        assert done.stderr == "", (argv, done.stderr)


def test_verbose_says_what_was_found_and_default_stays_silent(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    plain = _danvan("extract", "--format", "jsonl", str(path))
    loud = _danvan("-v", "extract", "--format", "jsonl", str(path))
    assert plain.returncode == loud.returncode == 0
    assert plain.stderr == ""
    assert f"INFO: {path}: 1 officials" in loud.stderr
    assert loud.stdout == plain.stdout


def test_quiet_turns_progress_bars_off_for_batch_runs(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    from danvan_nlp.cli.logs import configure_logging
    from danvan_nlp.progress import progress_disabled

    monkeypatch.delenv("DANVAN_QUIET", raising=False)
    configure_logging(verbose=0, quiet=False)
    assert progress_disabled() is None
    configure_logging(verbose=0, quiet=True)
    assert progress_disabled() is True
    configure_logging(verbose=0, quiet=False)
    assert progress_disabled() is None
