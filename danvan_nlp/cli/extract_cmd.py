"""``danvan extract``: extract facts from article texts, or from a whole archive."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from danvan_nlp.article import Article
from danvan_nlp.cli import render
from danvan_nlp.cli.inputs import InputText, read_input, sample_input
from danvan_nlp.errors import DanvanError, InputError
from danvan_nlp.pipeline import extract

FORMATS = ("text", "json", "jsonl", "csv")


def register(subparsers: Any) -> None:
    """Add ``extract`` to the ``danvan`` command."""
    parser = subparsers.add_parser(
        "extract",
        help="extract officials, figures, documents and models from articles",
        description=(
            "Extract facts from Vietnamese article texts (UTF-8 files, '-' for stdin; "
            "with no file, the bundled sample article). With --input, process a whole "
            "archive (SQLite archive, JSONL of articles or a folder of .txt files) into --out."
        ),
    )
    parser.add_argument("files", nargs="*", metavar="FILE", help="text files; '-' reads stdin")
    parser.add_argument("--format", choices=FORMATS, default="text",
                        help="output format (default: text, a readable summary)")
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
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Handle ``danvan extract``."""
    if args.input or args.out:
        return _run_batch(args)
    if args.url:
        return _run_urls(args)
    names = args.files
    inputs: list[InputText | str] = [sample_input()] if not names else list(names)
    failures = 0
    for index, item in enumerate(inputs):
        failures += _extract_one(item, args.format, first=index == 0,
                                 site_choice=(args.site, args.sites_dir))
    if failures:
        print(f"danvan: {failures} of {len(inputs)} inputs failed (see above)", file=sys.stderr)
        return 1
    return 0


def _run_batch(args: argparse.Namespace) -> int:
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


def _extract_one(item: InputText | str, fmt: str, *, first: bool,
                 site_choice: tuple[str | None, str | None] = (None, None)) -> int:
    """Extract and print one input; returns 1 when it failed, after reporting it."""
    path = item if isinstance(item, str) else item.path
    try:
        text_in = read_input(item) if isinstance(item, str) else item
        result = _article_of(text_in, site_choice).to_dict()
    except DanvanError as error:
        print(f"danvan: {path}: {error}", file=sys.stderr)
        if fmt == "jsonl":
            print(json.dumps({"path": path, "error": str(error)}, ensure_ascii=False))
        return 1
    _print_result(path, result, fmt, first=first)
    return 0


def _print_result(path: str, result: dict[str, Any], fmt: str, *, first: bool) -> None:
    result = {"path": path, **result}
    if fmt == "jsonl":
        print(json.dumps(result, ensure_ascii=False))
    elif fmt == "json":
        print(json.dumps(result, ensure_ascii=False, indent=2))
    elif fmt == "csv":
        sys.stdout.write(render.csv_text(render.csv_rows(path, result), header=first))
    else:
        print(render.summary(path, result) + "\n")


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


def _article_of(text_in: InputText, site_choice: tuple[str | None, str | None]) -> Article:
    """The facts of one input: a saved HTML page is read as a page (with the site named
    and the extra definitions folder of ``site_choice``), anything else as text."""
    from danvan_nlp.urls import extract_html, looks_like_html

    if looks_like_html(text_in.path, text_in.text):
        return extract_html(text_in.text, site=site_choice[0], sites_dir=site_choice[1])
    return extract(text_in.text)


def _run_urls(args: argparse.Namespace) -> int:
    """``--url URL ...``: fetch each page politely, extract and print it."""
    from danvan_nlp.urls import UrlReader, fetch_config

    if args.files:
        raise InputError("give either FILE arguments or --url URL, not both")
    if args.delay < 0 or args.timeout <= 0:
        raise InputError("--delay cannot be negative and --timeout must be above 0")
    config = fetch_config({"delay": args.delay, "timeout": args.timeout,
                           "contact": args.contact})
    reader = UrlReader(config, site=args.site, sites_dir=args.sites_dir)
    failures = 0
    for index, url in enumerate(args.url):
        try:
            result = reader.article(url).to_dict()
        except DanvanError as error:
            failures += _report_failure(url, error, args.format)
            continue
        _print_result(url, result, args.format, first=index == 0)
    if failures:
        print(f"danvan: {failures} of {len(args.url)} urls failed (see above)", file=sys.stderr)
    return 1 if failures else 0


def _report_failure(where: str, error: DanvanError, fmt: str) -> int:
    print(f"danvan: {where}: {error}", file=sys.stderr)
    if fmt == "jsonl":
        print(json.dumps({"path": where, "error": str(error)}, ensure_ascii=False))
    return 1
