"""``danvan extract``: extract facts from article texts, or from a whole archive."""

from __future__ import annotations

import argparse
import json
import logging
import sys
from typing import Any

from danvan_nlp.article import Article
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
    _register_web(parser.add_argument_group("web pages (saved .html files are read as pages)"))
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
    if args.url:
        return _run_urls(args)
    inputs = _inputs(args)
    fmt = args.format or "text"
    failures = 0
    results: list[dict[str, Any]] = []
    for index, item in enumerate(inputs):
        failures += _extract_one(item, fmt, args.article_seconds, first=index == 0,
                                 collect=results, site_choice=(args.site, args.sites_dir))
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
    if args.sample or args.url:
        raise InputError("--sample and --url print articles; they do not go with --input/--out")
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
                 collect: list[dict[str, Any]],
                 site_choice: tuple[str | None, str | None] = (None, None)) -> int:
    """Extract and print one input (``json`` results go to ``collect`` instead, to be
    printed together); returns 1 when it failed, after reporting it."""
    path = item if isinstance(item, str) else item.path
    try:
        text_in = read_input(item) if isinstance(item, str) else item
        with interrupt_after(seconds):
            result = _article_of(text_in, site_choice, seconds).to_dict()
    except DanvanError as error:
        return _report_failure(path, error, fmt, collect)
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


def _register_web(web: Any) -> None:
    web.add_argument("--url", action="append", metavar="URL",
                     help="fetch this article page politely and extract it (repeatable)")
    web.add_argument("--site", metavar="NAME",
                     help="site definition for --url pages and saved .html files "
                          "(default: chosen by host; see danvan sites)")
    web.add_argument("--sites-dir", metavar="DIR", help="extra site definitions (*.json)")
    web.add_argument("--delay", type=float, default=1.0,
                     help="seconds between requests to one host (default 1)")
    web.add_argument("--timeout", type=float, default=20.0,
                     help="seconds one network read may wait (default 20)")
    web.add_argument("--contact", default="",
                     help="e-mail or URL put in the User-Agent ($DANVAN_SCRAPER_CONTACT)")


def _article_of(text_in: InputText, site_choice: tuple[str | None, str | None],
                seconds: float) -> Article:
    """The facts of one input: a saved HTML page is read as a page (with the site named
    and the extra definitions folder of ``site_choice``), anything else as text."""
    from danvan_nlp.urls import extract_html, looks_like_html

    if looks_like_html(text_in.path, text_in.text):
        return extract_html(text_in.text, site=site_choice[0], sites_dir=site_choice[1])
    return extract(text_in.text, time_limit=seconds or None)


def _run_urls(args: argparse.Namespace) -> int:
    """``--url URL ...``: fetch each page politely, extract and print it."""
    from danvan_nlp.urls import UrlReader, fetch_config

    if args.files or args.sample:
        raise InputError("give either FILE arguments (or --sample) or --url URL, not both")
    if args.delay < 0 or args.timeout <= 0:
        raise InputError("--delay cannot be negative and --timeout must be above 0")
    config = fetch_config({"delay": args.delay, "timeout": args.timeout,
                           "contact": args.contact})
    reader = UrlReader(config, site=args.site, sites_dir=args.sites_dir)
    fmt = args.format or "text"
    failures = 0
    results: list[dict[str, Any]] = []
    for index, url in enumerate(args.url):
        try:
            result = reader.article(url).to_dict()
        except DanvanError as error:
            failures += _report_failure(url, error, fmt, results)
            continue
        if fmt == "json":
            results.append({"path": url, **result})
        else:
            _print_result(url, result, fmt, first=index == 0)
    if fmt == "json":
        _print_json(results, several=len(args.url) > 1)
    if failures:
        print(f"danvan: {failures} of {len(args.url)} urls failed (see above)", file=sys.stderr)
    return 1 if failures else 0


def _report_failure(where: str, error: DanvanError, fmt: str,
                    collect: list[dict[str, Any]]) -> int:
    print(f"danvan: {where}: {error}", file=sys.stderr)
    if fmt == "jsonl":
        print(json.dumps({"path": where, "error": str(error)}, ensure_ascii=False))
    elif fmt == "json":
        collect.append({"path": where, "error": str(error)})
    return 1
