"""Settings files give sub-commands their defaults; the command line overrides them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from danvan_nlp.cli import build_parser, main
from danvan_nlp.errors import InputError

SCRAPE = ["scrape", "http://127.0.0.1:9/", "--archive", "a.sqlite"]


def test_danvan_toml_sets_defaults_and_options_win(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "danvan.toml").write_text(
        '[scrape]\ndelay = 7\ntimeout = 45.5\ncontact = "nhom@example.org"\nrefresh = true\n',
        encoding="utf-8")
    args = build_parser().parse_args(SCRAPE)
    assert (args.delay, args.timeout, args.contact, args.refresh) == (
        7.0, 45.5, "nhom@example.org", True)
    args = build_parser().parse_args([*SCRAPE, "--delay", "2"])
    assert args.delay == 2.0 and args.timeout == 45.5


def test_pyproject_tool_table_is_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.danvan.scrape]\nmax_bytes = 1000\n', encoding="utf-8")
    assert build_parser().parse_args(SCRAPE).max_bytes == 1000


def test_explicit_config_wins_over_the_folder(tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "danvan.toml").write_text("[scrape]\ndelay = 7\n", encoding="utf-8")
    other = tmp_path / "khac.toml"
    other.write_text("[scrape]\ndelay = 3\n", encoding="utf-8")
    assert build_parser(config=str(other)).parse_args(SCRAPE).delay == 3.0


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("[scrape]\ndelai = 2\n", "has no setting 'delai'"),
        ("[scrape]\ndelay = -1\n", "delay = -1"),
        ("[scrape]\ndelay = [1, 2]\n", "single value"),
        ("[scrape]\nrefresh = 1\n", "true or false"),
        ("[scrapes]\ndelay = 2\n", "not a danvan command"),
        ("delay = 2\n", "must be a table"),
        ("[scrape\n", "not valid TOML"),
    ],
)
def test_bad_settings_are_refused_with_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                content: str, message: str) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "danvan.toml").write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=message):
        build_parser()


def test_bad_settings_file_exits_2_from_the_command(tmp_path: Path) -> None:
    (tmp_path / "danvan.toml").write_text("[scrape]\ndelai = 2\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "danvan_nlp", "sites"], cwd=tmp_path,
                          capture_output=True, text=True, check=False, timeout=120)
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and "delai" in done.stderr


def test_missing_config_file_is_an_error(tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--config", str(tmp_path / "khong.toml"), "sites"]) == 2
    assert "does not exist" in capsys.readouterr().err


def test_the_readme_example_is_a_valid_settings_file(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    block = readme.split("      [scrape]  ", 1)[1].split("\n\n", 1)[0]
    lines = ["[scrape]"] + [line.strip() for line in block.splitlines()[1:]]
    (tmp_path / "danvan.toml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    args = build_parser().parse_args(SCRAPE)
    assert args.delay == 2.0 and args.contact == "team@example.org"
    assert args.sites_dir == "my-sites" and args.max_crawl_delay == 30
