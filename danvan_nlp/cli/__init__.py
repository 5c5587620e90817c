"""The ``danvan`` command: one entry point, one module per group of sub-commands.

Each module named in ``COMMAND_MODULES`` has ``register(subparsers)``, which adds
its sub-commands and sets ``handler`` (a function of the parsed arguments that
returns the exit status). Errors the library raises on purpose become one line on
stderr and a non-zero exit; nothing else is caught, so real bugs stay visible.

Only the module of the sub-command being run is imported (``COMMANDS``), so
``danvan extract`` does not pay for the scraper libraries; help and unknown
commands import them all.

Every command takes ``-v/--verbose`` (repeatable) and ``-q/--quiet``, before or
after the sub-command's name; they set the level of the ``danvan_nlp`` loggers,
and ``-q`` also turns progress bars off. Exit statuses are the same everywhere:
0 all done, 1 some items were bad (reported, the rest done), 2 unusable
arguments or input, 3 an unusable domain model, 4 a page that cannot be fetched,
5 an archive or result file that cannot be used, 6 an archive another crawl is
writing, 7 an optional package a feature needs is missing, 130 interrupted.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

from danvan_nlp.cli.logs import configure_logging
from danvan_nlp.cli.settings import apply_settings, find_settings
from danvan_nlp.errors import DanvanError

COMMAND_MODULES = (
    "danvan_nlp.cli.extract_cmd",
    "danvan_nlp.scrapers.cli",
    "danvan_nlp.cli.export_cmd",
    "danvan_nlp.cli.classify_cmd",
    "danvan_nlp.cli.view_cmd",
    "danvan_nlp.cli.rules_cmd",
)
COMMANDS = {  # each sub-command and the module in COMMAND_MODULES that registers it
    "extract": "danvan_nlp.cli.extract_cmd",
    "scrape": "danvan_nlp.scrapers.cli",
    "sites": "danvan_nlp.scrapers.cli",
    "archive": "danvan_nlp.scrapers.cli",
    "export": "danvan_nlp.cli.export_cmd",
    "classify": "danvan_nlp.cli.classify_cmd",
    "train-domains": "danvan_nlp.cli.classify_cmd",
    "evaluate-domains": "danvan_nlp.cli.classify_cmd",
    "show": "danvan_nlp.cli.view_cmd",
    "report": "danvan_nlp.cli.view_cmd",
    "rules-report": "danvan_nlp.cli.rules_cmd",
}
EXIT_STATUSES = ("Exit status: 0 done, 1 some items bad, 2 usage or bad input, 3 unusable "
                 "domain model, 4 page not fetched, 5 unusable archive or result file, "
                 "6 archive busy, 7 missing optional package, 130 interrupted.")


class _VersionAction(argparse.Action):
    """``--version``: the package, the output schema and the domain model's versions."""

    def __init__(self, option_strings: Sequence[str], dest: str = argparse.SUPPRESS,
                 default: str = argparse.SUPPRESS, help: str | None = None) -> None:
        super().__init__(option_strings=option_strings, dest=dest, default=default, nargs=0,
                         help=help)

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace,
                 values: object, option_string: str | None = None) -> None:
        from danvan_nlp.versions import version_lines

        print("\n".join(version_lines()))
        parser.exit()


def _add_verbosity(parser: argparse.ArgumentParser, *, top: bool) -> None:
    """``-v``/``-q`` on ``parser``; on sub-commands they only override when given."""
    default: object = 0 if top else argparse.SUPPRESS
    parser.add_argument("-v", "--verbose", action="count", default=default,
                        help="say more (repeat for debugging detail)")
    parser.add_argument("-q", "--quiet", action="store_true",
                        default=False if top else argparse.SUPPRESS,
                        help="only errors; no progress bars")


def build_parser(argv: Sequence[str] | None = None,
                 config: str | None = None) -> argparse.ArgumentParser:
    """The argument parser: the sub-command ``argv`` names, or every one; defaults come
    from the settings file (:mod:`danvan_nlp.cli.settings`) when there is one."""
    parser = argparse.ArgumentParser(
        prog="danvan",
        description="Turn Vietnamese provincial news on mass mobilisation into data.",
        epilog=EXIT_STATUSES,
    )
    parser.add_argument("--version", action=_VersionAction,
                        help="show the versions of danvan-nlp, its output schema and domain model")
    parser.add_argument("--config", metavar="FILE",
                        help="settings file (default: $DANVAN_CONFIG, ./danvan.toml, or "
                             "[tool.danvan] in ./pyproject.toml)")
    _add_verbosity(parser, top=True)
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in modules_for(argv):
        importlib.import_module(name).register(subparsers)
    for sub in _all_subparsers(subparsers):
        _add_verbosity(sub, top=False)
    found = find_settings(config, Path.cwd())
    if found:
        apply_settings(dict(subparsers.choices), *found, known=set(COMMANDS))
    return parser


def modules_for(argv: Sequence[str] | None) -> tuple[str, ...]:
    """The module registering the sub-command of ``argv``; all of them if none is known."""
    words = list(argv or ())
    if "--config" in words[:-1]:
        del words[words.index("--config"):words.index("--config") + 2]
    command = next((arg for arg in words if not arg.startswith("-")), "")
    module = COMMANDS.get(command)
    return (module,) if module else COMMAND_MODULES


def _config_argument(argv: Sequence[str] | None) -> str | None:
    """``--config FILE`` read ahead of the full parse (its settings shape the parser)."""
    early = argparse.ArgumentParser(add_help=False)
    early.add_argument("--config")
    known, _ = early.parse_known_args(argv)
    config: str | None = known.config
    return config


def _all_subparsers(action: argparse._SubParsersAction) -> list[argparse.ArgumentParser]:  # type: ignore[type-arg]
    """Every sub-command parser, nested ones (``archive export``) included, once each."""
    found: list[argparse.ArgumentParser] = []
    for sub in dict.fromkeys(action.choices.values()):
        found.append(sub)
        for nested in sub._actions:
            if isinstance(nested, argparse._SubParsersAction):
                found.extend(_all_subparsers(nested))
    return found


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``danvan``; returns the exit status (also used by the console script)."""
    arguments = sys.argv[1:] if argv is None else list(argv)
    try:
        parser = build_parser(arguments, _config_argument(arguments))
    except DanvanError as error:
        print(f"danvan: error: {error}", file=sys.stderr)
        return error.exit_code
    args = parser.parse_args(arguments)
    configure_logging(verbose=args.verbose, quiet=args.quiet)
    if not getattr(args, "handler", None):
        parser.print_help()
        return 2
    try:
        status: int = args.handler(args)
    except DanvanError as error:
        logging.getLogger("danvan_nlp").debug("error details", exc_info=True)
        print(f"danvan: error: {error}", file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        print("danvan: interrupted; what was written so far is kept", file=sys.stderr)
        return 130
    except BrokenPipeError:
        sys.stderr.close()
        return 0
    return status


if __name__ == "__main__":
    sys.exit(main())
