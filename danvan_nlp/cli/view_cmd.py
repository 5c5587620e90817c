"""``danvan show`` (one article, its facts highlighted) and ``danvan report`` (a batch result
as charts and tables): self-contained HTML pages."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

from danvan_nlp.errors import InputError


def register(subparsers: Any) -> None:
    """Add ``show`` and ``report`` to the ``danvan`` command."""
    show = subparsers.add_parser(
        "show", help="an article as an HTML page with its facts highlighted",
        description="Extract one article (a text file, '-' for stdin, or an http(s) URL fetched "
                    "politely) and write it as a self-contained HTML page: the text with "
                    "officials, positions, figures, documents and models highlighted, a "
                    "tooltip per fact and a side panel listing them.")
    show.add_argument("source", metavar="FILE|URL")
    show.add_argument("--out", metavar="HTML", help="the page to write (default: stdout)")
    show.add_argument("--site", metavar="NAME",
                      help="site definition for a URL or a saved .html page (default: by host)")
    show.add_argument("--delay", type=float, default=1.0,
                      help="seconds between requests to one host, for a URL (default 1)")
    show.set_defaults(handler=run_show)
    report = subparsers.add_parser(
        "report", help="a batch result as an HTML report with charts",
        description="Charts and tables of a result written by 'danvan extract --input ... "
                    "--out RESULT': figures by province, year and outcome, model domains by "
                    "province, the most cited documents, the officials seen.")
    report.add_argument("result", metavar="RESULT")
    report.add_argument("--out", metavar="HTML", help="the page to write (default: stdout)")
    report.add_argument("--title", default="danvan-nlp report", help="the report's title")
    report.set_defaults(handler=run_report)


def run_show(args: argparse.Namespace) -> int:
    """Handle ``danvan show``."""
    from danvan_nlp.views import article_html

    _check_out(args.out)
    _write(article_html(_article(args.source, args.site, args.delay)), args.out)
    return 0


def _article(source: str, site: str | None, delay: float) -> Any:
    """The extracted article of a URL (fetched politely), a saved page or a text file."""
    from danvan_nlp.urls import extract_html, extract_url, looks_like_html

    if source.startswith(("http://", "https://")):
        if delay < 0:
            raise InputError("--delay cannot be negative")
        return extract_url(source, site=site, delay=delay)
    from danvan_nlp.cli.inputs import read_input
    from danvan_nlp.pipeline import extract

    given = read_input(source)
    if looks_like_html(given.path, given.text):
        return extract_html(given.text, site=site)
    return extract(given.text)


def run_report(args: argparse.Namespace) -> int:
    """Handle ``danvan report``."""
    from danvan_nlp.batch.resultfile import read_results
    from danvan_nlp.views import report_html

    result = Path(args.result)
    if not result.is_file():
        raise InputError(f"{result}: no such result file; make one with "
                         "'danvan extract --input SOURCE --out RESULT'")
    _check_out(args.out)
    bad: list[str] = []
    page = report_html(read_results(result, bad.append), title=args.title)
    for message in bad[:5]:
        print(f"danvan: {message}", file=sys.stderr)
    _write(page, args.out)
    return 1 if bad else 0


def _check_out(out: str | None) -> None:
    if out is not None and not Path(out).resolve().parent.is_dir():
        raise InputError(f"{out}: its folder does not exist; create it first")


def _write(page: str, out: str | None) -> None:
    """The page to stdout, or written beside ``out`` and moved into place when complete."""
    if out is None:
        sys.stdout.write(page)
        return
    target = Path(out)
    handle, temporary = tempfile.mkstemp(dir=target.resolve().parent, suffix=".part")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(page)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    print(f"danvan: wrote {target}", file=sys.stderr)
