"""Settings files: defaults for sub-command options, which the command line overrides.

Looked for, first found wins: ``--config FILE`` (before the sub-command), then
``$DANVAN_CONFIG``, then ``danvan.toml`` in the current folder, then the table
``[tool.danvan]`` of ``pyproject.toml`` in the current folder. One TOML table per
sub-command, keys named as its long options without the dashes::

    [scrape]                 # in pyproject.toml: [tool.danvan.scrape]
    delay = 2.0
    timeout = 30
    contact = "team@example.org"
    sites_dir = "my-sites"

Each value goes through the option's own checks, so a setting is refused for the same
reasons as the option would be; unknown tables and keys are refused with the list of
known ones.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import Any

from danvan_nlp.errors import InputError

CONFIG_ENV = "DANVAN_CONFIG"
CONFIG_NAME = "danvan.toml"


def find_settings(explicit: str | None, folder: Path) -> tuple[Path, dict[str, Any]] | None:
    """The settings file to use and its tables of sub-command settings, or None."""
    named = explicit or os.environ.get(CONFIG_ENV)
    if named:
        path = Path(named)
        if not path.is_file():
            raise InputError(f"settings file {named} does not exist or is not a file")
        return path, _tables(path, _read_toml(path))
    if (folder / CONFIG_NAME).is_file():
        path = folder / CONFIG_NAME
        return path, _tables(path, _read_toml(path))
    pyproject = folder / "pyproject.toml"
    if pyproject.is_file():
        tool = _read_toml(pyproject).get("tool", {})
        if isinstance(tool, dict) and isinstance(tool.get("danvan"), dict):
            return pyproject, _tables(pyproject, tool["danvan"])
    return None


def apply_settings(commands: dict[str, argparse.ArgumentParser], path: Path,
                   tables: dict[str, Any], known: set[str]) -> None:
    """Set each sub-command's defaults from its table (checked like options).

    ``commands`` are the sub-commands registered in this run (often only the one being
    run); ``known`` every sub-command's name, so a table for one not loaded now is
    checked by name only."""
    for name, values in tables.items():
        if name not in known:
            raise InputError(f"{path}: [{name}] is not a danvan command; known: "
                             f"{', '.join(sorted(known))}")
        if name not in commands:
            continue
        parser = commands[name]
        parser.set_defaults(**{key: _checked(parser, name, key, value, path)
                               for key, value in values.items()})


def _read_toml(path: Path) -> dict[str, Any]:
    import tomllib  # only when a settings file exists: not on every command's start

    try:
        with path.open("rb") as stream:
            return tomllib.load(stream)
    except tomllib.TOMLDecodeError as error:
        raise InputError(f"{path} is not valid TOML ({error}); fix it or remove it") from error
    except OSError as error:
        raise InputError(f"{path} cannot be read ({error.strerror})") from error


def _tables(path: Path, data: dict[str, Any]) -> dict[str, Any]:
    for name, values in data.items():
        if not isinstance(values, dict):
            raise InputError(f"{path}: '{name}' must be a table of settings ([{name}])")
    return data


def _option_actions(parser: argparse.ArgumentParser) -> dict[str, argparse.Action]:
    return {action.dest: action for action in parser._actions
            if action.option_strings and action.dest not in ("help", "verbose", "quiet")}


def _checked(parser: argparse.ArgumentParser, command: str, key: str, value: object,
             path: Path) -> object:
    """``value`` as the option ``--key`` would give it, or InputError saying why not."""
    actions = _option_actions(parser)
    action = actions.get(key.replace("-", "_"))
    if action is None:
        raise InputError(f"{path}: [{command}] has no setting '{key}'; known: "
                         f"{', '.join(sorted(actions))}")
    if isinstance(action, argparse._StoreTrueAction | argparse._StoreFalseAction):
        if not isinstance(value, bool):
            raise InputError(f"{path}: [{command}] {key} must be true or false")
        return value
    if isinstance(value, bool | dict | list):
        raise InputError(f"{path}: [{command}] {key} must be a single value")
    converted: object = str(value)
    if callable(action.type):
        try:
            converted = action.type(str(value))
        except (argparse.ArgumentTypeError, ValueError) as error:
            raise InputError(f"{path}: [{command}] {key} = {value!r}: {error}") from error
    if action.choices is not None and converted not in action.choices:
        raise InputError(f"{path}: [{command}] {key} must be one of "
                         f"{', '.join(map(str, action.choices))}")
    return converted
