"""Export one table from a batch result file: read, build rows, write."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from danvan_nlp.batch.resultfile import read_results
from danvan_nlp.errors import InputError
from danvan_nlp.export.columns import TABLES
from danvan_nlp.export.tables import BUILDERS
from danvan_nlp.export.writers import format_of, write_table


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
    report: Callable[[str], None] | None = None,
) -> ExportSummary:
    """Write table ``table`` of the batch result ``result`` to ``out`` (csv, jsonl, parquet)."""
    result_path, out_path = _check(table, Path(result)), Path(out)
    fmt = format_of(out_path, fmt)
    summary = ExportSummary(table)

    def bad_line(message: str) -> None:
        summary.bad_lines += 1
        if report is not None:
            report(message)

    extracted = _extracted(read_results(result_path, bad_line), summary)
    summary.rows = write_table(BUILDERS[table](extracted), TABLES[table], out_path, fmt)
    return summary


def _check(table: str, result_path: Path) -> Path:
    if table not in TABLES:
        raise InputError(f"unknown table {table!r}; choose one of {', '.join(TABLES)}")
    if not result_path.is_file():
        raise InputError(f"{result_path}: no such result file; make one with "
                         "'danvan extract --input SOURCE --out RESULT'")
    return result_path


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
