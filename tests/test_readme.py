"""The README's command table and Python section say what the code does."""

from __future__ import annotations

import argparse
import re
from pathlib import Path

import danvan_nlp
from danvan_nlp.cli import build_parser

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def _section(heading: str) -> str:
    return README.split(heading, 1)[1].split("\n## ", 1)[0]


def _subparsers(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    return {}


def _options(parser: argparse.ArgumentParser) -> set[str]:
    return {flag for action in parser._actions for flag in action.option_strings}


def _table_rows() -> list[str]:
    return [line for line in _section("## Commands").splitlines() if line.startswith("| `danvan")]


def test_every_sub_command_is_in_the_command_table() -> None:
    documented = {re.match(r"\| `danvan ([\w-]+)", row).group(1)  # type: ignore[union-attr]
                  for row in _table_rows()}
    documented |= set(re.findall(r"`danvan ([\w-]+)", " ".join(_table_rows())))
    assert set(_subparsers(build_parser())) <= documented


def test_every_option_in_the_command_table_exists() -> None:
    commands = _subparsers(build_parser())
    for row in _table_rows():
        for usage in re.findall(r"`danvan ([^`]+)`", row.split(" | ")[0]):
            words = usage.split()
            parser = commands[words[0]]
            nested = _subparsers(parser)
            if len(words) > 1 and words[1] in nested:
                parser = nested[words[1]]
            top_level = _options(build_parser())
            for option in re.findall(r"(?<![\w-])(--?[a-z][\w-]*)", usage):
                assert option in _options(parser) | top_level, (usage, option)


def test_python_section_names_only_what_the_package_exports() -> None:
    section = _section("### From Python")
    imported = re.findall(r"from danvan_nlp import ([\w, ]+)", section)
    names = {name.strip() for line in imported for name in line.split(",")}
    assert names and names <= set(danvan_nlp.__all__)


def test_readme_opens_with_the_two_setup_commands() -> None:
    head = README[:1500]
    assert ".venv/bin/pip install . && .venv/bin/danvan extract --sample" in head
    assert ".venv/bin/pip install -e '.[test]' && .venv/bin/python -m pytest" in head
