"""The ``danvan`` command: one entry point, one module per group of sub-commands.

Each module named in ``COMMAND_MODULES`` has ``register(subparsers)``, which adds
its sub-commands and sets ``handler`` (a function of the parsed arguments that
returns the exit status). Errors the library raises on purpose become one line on
stderr and a non-zero exit; nothing else is caught, so real bugs stay visible.
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
    "danvan_nlp.cli.rules_cmd",
)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every registered sub-command."""
    parser = argparse.ArgumentParser(
        prog="danvan",
        description="Turn Vietnamese provincial news on mass mobilisation into data.",
    )
    parser.add_argument("--version", action="version", version=f"danvan-nlp {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``danvan``; returns the exit status (also used by the console script)."""
    parser = build_parser()
    args = parser.parse_args(argv)
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
