"""``danvan extract``: extract facts from article texts, or from a whole archive."""

from __future__ import annotations

import argparse
import json
import logging
import sys
from typing import Any

from danvan_nlp.cli import render
from danvan_nlp.cli.inputs import InputText, read_input, sample_input, stdin_is_piped
from danvan_nlp.deadline import ARTICLE_SECONDS, interrupt_after
from danvan_nlp.errors import DanvanError, InputError
from danvan_nlp.pipeline import extract
from danvan_nlp.textio import MAX_LINE_BYTES

FORMATS = ("text", "json", "jsonl", "csv")
log = logging.getLogger(__name__)


def register(subparsers: Any) -> None:
    """Add ``extract`` to the ``danvan`` command."""
    parser = subparsers.add_parser(
        "extract",
        help="extract officials, figures, documents and models from articles",
        description=(
            "Extract facts from Vietnamese article texts (UTF-8 files, '-' for stdin). With "
            "no file, standard input when it is piped or redirected, else (on a terminal) the "
            "bundled sample article; --sample always takes the sample. With --input, process "
            "a whole archive (SQLite archive, JSONL of articles or a folder of .txt files) "
            "into --out."
        ),
    )
    parser.add_argument("files", nargs="*", metavar="FILE", help="text files; '-' reads stdin")
    parser.add_argument("--sample", action="store_true",
                        help="extract the bundled sample article")
    parser.add_argument("--format", choices=FORMATS, default=None,
                        help="output format (default: text, a readable summary); json prints "
                             "one object for one input, an array for several")
    parser.add_argument("--article-seconds", type=_seconds, default=ARTICLE_SECONDS,
                        metavar="S", help="stop an article after S seconds and report it "
                        f"as a timeout (default {ARTICLE_SECONDS:g}; 0: no limit)")
    batch = parser.add_argument_group("archive-scale runs")
    batch.add_argument("--input", metavar="SOURCE",
                       help="archive (.sqlite), JSONL (.jsonl/.jsonl.gz) or folder of .txt")
    batch.add_argument("--out", metavar="RESULT", help="result JSONL, one extraction per article")
    batch.add_argument("--workers", type=int, default=None,
                       help="worker processes (default: cores)")
    batch.add_argument("--engine", choices=("local", "dask"), default="local",
                       help="local processes (default) or a dask.distributed cluster")
    batch.add_argument("--scheduler", metavar="ADDRESS",
                       help="dask scheduler, e.g. tcp://host:8786 (default: a local cluster)")
    batch.add_argument("--max-line-mb", type=_line_bytes, default=MAX_LINE_BYTES,
                       dest="max_line_bytes", metavar="MB",
                       help="skip (and report) JSONL input lines over MB megabytes "
                       f"(default {MAX_LINE_BYTES // 1_000_000})")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Handle ``danvan extract``."""
    if args.input or args.out:
        return _run_batch(args)
    inputs = _inputs(args)
    fmt = args.format or "text"
    failures = 0
    results: list[dict[str, Any]] = []
    for index, item in enumerate(inputs):
        failures += _extract_one(item, fmt, args.article_seconds, first=index == 0,
                                 collect=results)
    if fmt == "json":
        _print_json(results, several=len(inputs) > 1)
    if failures:
        print(f"danvan: {failures} of {len(inputs)} inputs failed (see above)", file=sys.stderr)
        return 1
    return 0


def _inputs(args: argparse.Namespace) -> list[InputText | str]:
    """The inputs to read: the files named, else piped stdin, else the sample."""
    if args.sample:
        if args.files:
            raise InputError("give either FILE arguments or --sample, not both")
        return [sample_input()]
    if args.files:
        return list(args.files)
    if stdin_is_piped():
        return ["-"]
    print("danvan: no FILE given and nothing piped in: extracting the bundled sample "
          "article (give files, '-' or pipe a text)", file=sys.stderr)
    return [sample_input()]


def _run_batch(args: argparse.Namespace) -> int:
    if args.format is not None:
        raise InputError(f"--format {args.format} does not apply to --input/--out runs, whose "
                         "result is always JSONL; drop --format (danvan export makes tables)")
    if args.sample:
        raise InputError("--sample prints one article; it does not go with --input/--out")
    if args.files and args.input:
        raise InputError("give either FILE arguments or --input SOURCE, not both")
    if args.files:
        raise InputError("--out goes with --input SOURCE (an archive, a JSONL file or a "
                         "folder); FILE arguments print their results to stdout")
    if not (args.input and args.out):
        raise InputError(
            "--input and --out go together: danvan extract --input SOURCE --out RESULT")
    from danvan_nlp.batch.runner import run_from_args

    return run_from_args(args)


def _extract_one(item: InputText | str, fmt: str, seconds: float, *, first: bool,
                 collect: list[dict[str, Any]]) -> int:
    """Extract and print one input (``json`` results go to ``collect`` instead, to be
    printed together); returns 1 when it failed, after reporting it."""
    path = item if isinstance(item, str) else item.path
    try:
        text_in = read_input(item) if isinstance(item, str) else item
        with interrupt_after(seconds):
            result = extract(text_in.text, time_limit=seconds or None).to_dict()
    except DanvanError as error:
        print(f"danvan: {path}: {error}", file=sys.stderr)
        if fmt == "jsonl":
            print(json.dumps({"path": path, "error": str(error)}, ensure_ascii=False))
        elif fmt == "json":
            collect.append({"path": path, "error": str(error)})
        return 1
    log.info("%s: %d officials, %d figures, %d documents, %d models", path,
             len(result["officials"]), len(result["figures"]), len(result["documents"]),
             len(result["models"]))
    if fmt == "json":
        collect.append({"path": path, **result})
    else:
        _print_result(path, result, fmt, first=first)
    return 0


def _print_json(results: list[dict[str, Any]], *, several: bool) -> None:
    """One JSON document: the object for a single input, an array for several."""
    if not results:
        return
    document: object = results if several else results[0]
    print(json.dumps(document, ensure_ascii=False, indent=2))


def _print_result(path: str, result: dict[str, Any], fmt: str, *, first: bool) -> None:
    result = {"path": path, **result}
    if fmt == "jsonl":
        print(json.dumps(result, ensure_ascii=False))
    elif fmt == "csv":
        sys.stdout.write(render.csv_text(render.csv_rows(path, result), header=first))
    else:
        print(render.summary(path, result) + "\n")


def _seconds(value: str) -> float:
    """``--article-seconds``: a number of seconds, 0 or more."""
    try:
        seconds = float(value)
    except ValueError:
        seconds = -1.0
    if not seconds >= 0 or seconds == float("inf"):
        raise argparse.ArgumentTypeError(f"{value!r} is not a number of seconds (0: no limit)")
    return seconds


def _line_bytes(value: str) -> int:
    """``--max-line-mb``: megabytes, more than 0, as bytes."""
    try:
        megabytes = float(value)
    except ValueError:
        megabytes = 0.0
    if not 0 < megabytes < float("inf"):
        raise argparse.ArgumentTypeError(f"{value!r} is not a size in megabytes (e.g. 8)")
    return int(megabytes * 1_000_000)
