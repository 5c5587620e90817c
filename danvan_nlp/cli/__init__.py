"""The ``danvan`` command: one entry point, one module per group of sub-commands.

Each module named in ``COMMAND_MODULES`` has ``register(subparsers)``, which adds
its sub-commands and sets ``handler`` (a function of the parsed arguments that
returns the exit status). Errors the library raises on purpose become one line on
stderr and a non-zero exit; nothing else is caught, so real bugs stay visible.

Only the module of the sub-command being run is imported (``COMMANDS``), so
``danvan extract`` does not pay for the scraper libraries; help and unknown
commands import them all.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from danvan_nlp import __version__
from danvan_nlp.errors import DanvanError

COMMAND_MODULES = (
    "danvan_nlp.cli.extract_cmd",
    "scrapers.cli",
    "danvan_nlp.cli.export_cmd",
    "danvan_nlp.cli.classify_cmd",
)
COMMANDS = {  # each sub-command and the module in COMMAND_MODULES that registers it
    "extract": "danvan_nlp.cli.extract_cmd",
    "scrape": "scrapers.cli",
    "sites": "scrapers.cli",
    "archive": "scrapers.cli",
    "export": "danvan_nlp.cli.export_cmd",
    "classify": "danvan_nlp.cli.classify_cmd",
    "train-domains": "danvan_nlp.cli.classify_cmd",
    "evaluate-domains": "danvan_nlp.cli.classify_cmd",
}


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The argument parser: the sub-command ``argv`` names, or every one."""
    parser = argparse.ArgumentParser(
        prog="danvan",
        description="Turn Vietnamese provincial news on mass mobilisation into data.",
    )
    parser.add_argument("--version", action="version", version=f"danvan-nlp {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in modules_for(argv):
        importlib.import_module(name).register(subparsers)
    return parser


def modules_for(argv: Sequence[str] | None) -> tuple[str, ...]:
    """The module registering the sub-command of ``argv``; all of them if none is known."""
    command = next((arg for arg in argv or () if not arg.startswith("-")), "")
    module = COMMANDS.get(command)
    return (module,) if module else COMMAND_MODULES


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``danvan``; returns the exit status (also used by the console script)."""
    arguments = sys.argv[1:] if argv is None else list(argv)
    parser = build_parser(arguments)
    args = parser.parse_args(arguments)
    if not getattr(args, "handler", None):
        parser.print_help()
        return 2
    try:
        status: int = args.handler(args)
    except DanvanError as error:
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
