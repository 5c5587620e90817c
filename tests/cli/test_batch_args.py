"""``danvan extract --input/--out``: unusable arguments end in exit 2, a clear line, no change."""

from __future__ import annotations

from pathlib import Path

import pytest

from danvan_nlp.cli import main
from tests.batch.helpers import ARTICLES, write_jsonl

NOTES = "Ghi chú họp chi bộ\nThôn Nà Ngằn: 25 hộ hiến đất, 1,2 tỷ đồng".encode()


def _argv(template: list[str], root: Path) -> list[str]:
    """The arguments with SRC (a JSONL of articles), DIR, NOTES and ROOT made real."""
    names = {"SRC": str(root / "a.jsonl"), "DIR": str(root / "bai"),
             "NOTES": str(root / "notes.txt"), "TXT": str(root / "bai" / "bai.txt")}
    return [names.get(arg, arg.replace("ROOT", str(root))) for arg in template]


@pytest.mark.parametrize(
    ("template", "message"),
    [
        (["--input", "SRC", "--out", "NOTES"], "not a danvan result"),
        (["--input", "DIR", "--out", "NOTES"], "not a danvan result"),
        (["--input", "SRC", "--out", "ROOT/khong-co/r.jsonl"], "no such folder"),
        (["--input", "SRC", "--out", "NOTES/r.jsonl"], "no such folder"),
        (["--out", "ROOT/r.jsonl"], "--input and --out go together"),
        (["TXT", "--out", "ROOT/r.jsonl"], "--out goes with --input"),
        (["TXT", "--input", "SRC", "--out", "ROOT/r.jsonl"], "not both"),
        (["--input", "DIR", "--out", "DIR"], "is a folder"),
        (["--input", "SRC", "--out", "SRC"], "is the --input file"),
    ],
)
def test_unusable_arguments_exit_2_and_change_nothing(
    template: list[str], message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str],
) -> None:
    write_jsonl(tmp_path / "a.jsonl", ARTICLES)
    (tmp_path / "bai").mkdir()
    (tmp_path / "bai" / "bai.txt").write_text(ARTICLES[0]["text"], encoding="utf-8")
    (tmp_path / "notes.txt").write_bytes(NOTES)
    before = sorted((path, path.read_bytes() if path.is_file() else b"")
                    for path in tmp_path.rglob("*"))
    assert main(["extract", *_argv(template, tmp_path)]) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err
    assert sorted((path, path.read_bytes() if path.is_file() else b"")
                  for path in tmp_path.rglob("*")) == before
