"""Export one table from a batch result file: read, build rows, write."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from danvan_nlp.batch.resultfile import check_out_path, read_results
from danvan_nlp.errors import InputError
from danvan_nlp.export.columns import TABLES
from danvan_nlp.export.tables import BUILDERS
from danvan_nlp.export.writers import format_of, write_table

MAX_REPORTS = 5


@dataclass(slots=True)
class ExportSummary:
    """What an export read and wrote."""

    table: str
    rows: int = 0
    articles: int = 0
    failed_articles: int = 0
    bad_lines: int = 0
    repeated: int = 0

    def line(self, out: Path | str) -> str:
        """The one-line summary printed after an export."""
        return (
            f"danvan: wrote {self.rows} {self.table} rows from {self.articles} articles to "
            f"{out} (left out: {self.failed_articles} failed articles, {self.bad_lines} "
            f"unreadable result lines, {self.repeated} repeated article ids)"
        )


def export_table(
    table: str, result: str | Path, out: str | Path, fmt: str | None = None,
    report: Callable[[str], None] | None = None, excel: bool = False,
) -> ExportSummary:
    """Write table ``table`` of the batch result ``result`` to ``out`` (csv, jsonl, parquet);
    ``excel`` writes CSV with a byte-order mark (UTF-8), which Excel needs.

    Unreadable result lines are counted (the first few are reported); when no line
    at all is a result, nothing is written and :class:`InputError` says so.
    """
    result_path, out_path = Path(result), Path(out)
    fmt = _check(table, result_path, out_path, fmt)
    if excel and fmt != "csv":
        raise InputError(f"{out_path}: --excel is for CSV; name the file .csv or leave out "
                         "--excel")
    summary = ExportSummary(table)
    bad_line = _BadLines(summary, report)
    extracted = _extracted(read_results(result_path, bad_line), summary)
    summary.rows = write_table(BUILDERS[table](extracted), TABLES[table], out_path, fmt,
                               before_replace=lambda: _refuse_if_no_result(summary, result_path),
                               excel=excel)
    bad_line.close()
    return summary


class _BadLines:
    """Counts unreadable result lines; reports the first few, then how many more there were."""

    def __init__(self, summary: ExportSummary, report: Callable[[str], None] | None) -> None:
        self._summary = summary
        self._report = report or (lambda message: None)

    def __call__(self, message: str) -> None:
        self._summary.bad_lines += 1
        if self._summary.bad_lines <= MAX_REPORTS:
            self._report(message)

    def close(self) -> None:
        """Report how many unreadable lines were not listed."""
        unlisted = self._summary.bad_lines - MAX_REPORTS
        if unlisted > 0:
            self._report(f"... and {unlisted} more unreadable result lines (not listed)")


def _refuse_if_no_result(summary: ExportSummary, result_path: Path) -> None:
    if summary.bad_lines and not (summary.articles or summary.failed_articles):
        raise InputError(
            f"{result_path}: none of its {summary.bad_lines} lines is a result line; nothing "
            "written: give the file 'danvan extract --input SOURCE --out RESULT' wrote"
        )


def _check(table: str, result_path: Path, out_path: Path, fmt: str | None) -> str:
    """The output format, once the table, RESULT and --out are known to be usable."""
    _check_result(table, result_path)
    check_out_path(out_path)
    if out_path.exists() and out_path.samefile(result_path):
        raise InputError(f"{out_path}: --out is the RESULT file; give a new file for the table")
    return format_of(out_path, fmt)


def _check_result(table: str, result_path: Path) -> None:
    if table not in TABLES:
        raise InputError(f"unknown table {table!r}; choose one of {', '.join(TABLES)}")
    if result_path.is_dir():
        raise InputError(f"{result_path} is a folder; RESULT is the .jsonl file that "
                         "'danvan extract --input SOURCE --out RESULT' wrote")
    if not result_path.is_file():
        raise InputError(f"{result_path}: no such result file; make one with "
                         "'danvan extract --input SOURCE --out RESULT'")


def _extracted(
    results: Iterator[dict[str, Any]], summary: ExportSummary
) -> Iterator[dict[str, Any]]:
    """The result lines of extracted articles, each id once (failures are counted only)."""
    seen: set[str] = set()
    for result in results:
        if result["id"] in seen:
            summary.repeated += 1
            continue
        seen.add(result["id"])
        if "error" in result:
            summary.failed_articles += 1
            continue
        summary.articles += 1
        yield result
