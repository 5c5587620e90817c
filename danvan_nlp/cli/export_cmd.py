"""``danvan export TABLE RESULT --out FILE``: tracker tables from a batch result."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from danvan_nlp.export.columns import TABLES
from danvan_nlp.export.writers import FORMATS


def register(subparsers: Any) -> None:
    """Add ``export`` to the ``danvan`` command."""
    parser = subparsers.add_parser(
        "export",
        help="export articles, figures, facts, officials, mentions, documents or models "
             "of a batch result as a table",
        description=(
            "Turn the result of 'danvan extract --input SOURCE --out RESULT' into a table "
            "for a tracker: articles, figures, mentions and models one row per article or "
            "fact; facts (one figure reported by several articles), officials (a timeline "
            "per person and post) and documents merged across articles. The format follows "
            "the --out suffix (.csv, .jsonl, .parquet; Parquet needs pyarrow)."
        ),
    )
    parser.add_argument("table", choices=tuple(TABLES), help="which table to export")
    parser.add_argument("result", metavar="RESULT", help="result JSONL of a batch run")
    parser.add_argument("--out", required=True, metavar="FILE",
                        help="the table to write (.csv, .jsonl or .parquet)")
    parser.add_argument("--format", choices=FORMATS, default=None,
                        help="output format (default: from the --out suffix)")
    parser.add_argument("--excel", action="store_true",
                        help="CSV for Excel: UTF-8 with a byte-order mark")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Handle ``danvan export``: 1 when some result lines were unreadable (the table is written)."""
    from danvan_nlp.export.run import export_table

    def report(message: str) -> None:
        print(f"danvan: {message}", file=sys.stderr)

    summary = export_table(args.table, args.result, args.out, args.format, report,
                           excel=args.excel)
    print(summary.line(args.out), file=sys.stderr)
    return 1 if summary.bad_lines else 0
