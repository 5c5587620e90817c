"""Write an export table as CSV, JSONL or Parquet, with its fixed columns and types.

The file is written next to its destination and moved into place at the end,
so a reader never sees half a table. Parquet needs pyarrow (``danvan-nlp[parquet]``).

In CSV only, a text cell that a spreadsheet would read as a formula (it starts
with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return) gets a leading ``'``,
as OWASP recommends against CSV injection; JSONL and Parquet keep the text as is.
"""

from __future__ import annotations

import csv
import json
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date
from itertools import islice
from pathlib import Path
from typing import IO, Any

from danvan_nlp.batch.sources import iso_day
from danvan_nlp.errors import DanvanError, InputError, MissingDependencyError
from danvan_nlp.export.columns import Column, ColumnType

FORMATS = ("csv", "jsonl", "parquet")
PARQUET_BATCH_ROWS = 50_000
LIST_SEPARATOR = ";"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")
Row = dict[str, Any]


def format_of(path: Path, given: str | None = None) -> str:
    """The output format: ``given``, else the file's suffix (they must agree when both say)."""
    suffix = path.suffix.lower().lstrip(".")
    if given and suffix in FORMATS and suffix != given:
        raise InputError(f"{path}: the name says {suffix} but --format says {given}; "
                         f"name the file .{given} or leave out --format")
    fmt = given or suffix
    if fmt not in FORMATS:
        raise InputError(
            f"{path}: cannot tell the output format; end the file name in .csv, .jsonl "
            "or .parquet (or give --format)"
        )
    return fmt


def write_table(
    rows: Iterable[Row], columns: Sequence[Column], path: Path, fmt: str,
    before_replace: Callable[[], None] | None = None, excel: bool = False,
) -> int:
    """Write the rows (typed by ``columns``) to ``path``; returns how many were written.

    ``before_replace`` runs once every row is written, before the file is moved into
    place: raising there leaves ``path`` as it was. ``excel`` writes CSV as UTF-8 with a
    byte-order mark, which Excel needs to show Vietnamese.
    """
    writer = _WRITERS[EXCEL if excel and fmt == "csv" else fmt]
    typed = (typed_row(row, columns) for row in rows)
    partial = path.with_name(f".{path.name}.partial")
    try:
        count = writer(typed, columns, partial)
        if before_replace is not None:
            before_replace()
        os.replace(partial, path)
    except OSError as error:
        raise DanvanError(f"{path}: cannot write the table ({error.strerror}); "
                          "make room or give another --out") from error
    finally:
        partial.unlink(missing_ok=True)
    return count


def typed_row(row: Row, columns: Sequence[Column]) -> list[Any]:
    """The row's cells in column order, each of its column's type (or ``None``)."""
    return [_cell(row.get(column.name), column.type) for column in columns]


def _cell(value: Any, kind: ColumnType) -> Any:
    if value is None or (value == "" and kind is not ColumnType.STRING):
        return None
    try:
        return _CONVERT[kind](value)
    except (TypeError, ValueError):
        return None


def _day(value: Any) -> date | None:
    day = iso_day(value) if not isinstance(value, date) else value.isoformat()
    return date.fromisoformat(day) if day else None


def _strings(value: Any) -> list[str]:
    return [str(item) for item in value] if isinstance(value, list | tuple) else [str(value)]


_CONVERT: dict[ColumnType, Callable[[Any], Any]] = {
    ColumnType.STRING: str,
    ColumnType.INT: int,
    ColumnType.FLOAT: float,
    ColumnType.BOOL: bool,
    ColumnType.DATE: _day,
    ColumnType.STRINGS: _strings,
}


def _plain(cell: Any, *, for_csv: bool) -> Any:
    if isinstance(cell, date):
        return cell.isoformat()
    if isinstance(cell, bool) and for_csv:
        return "true" if cell else "false"
    if isinstance(cell, list) and for_csv:
        return safe_csv_text(LIST_SEPARATOR.join(cell))
    if isinstance(cell, str) and for_csv:
        return safe_csv_text(cell)
    return "" if cell is None and for_csv else cell


def safe_csv_text(text: str) -> str:
    """``text`` with a leading ``'`` when a spreadsheet would run it as a formula."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _write_csv(rows: Iterator[list[Any]], columns: Sequence[Column], path: Path,
               encoding: str = "utf-8") -> int:
    count = 0
    with path.open("w", encoding=encoding, newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow([column.name for column in columns])
        for row in rows:
            writer.writerow([_plain(cell, for_csv=True) for cell in row])
            count += 1
    return count


def _write_excel_csv(rows: Iterator[list[Any]], columns: Sequence[Column], path: Path) -> int:
    """CSV for Excel: UTF-8 with a byte-order mark."""
    return _write_csv(rows, columns, path, encoding="utf-8-sig")


def _write_jsonl(rows: Iterator[list[Any]], columns: Sequence[Column], path: Path) -> int:
    names = [column.name for column in columns]
    count = 0
    with path.open("w", encoding="utf-8", newline="\n") as stream:
        for row in rows:
            cells = (_plain(cell, for_csv=False) for cell in row)
            record = dict(zip(names, cells, strict=True))
            _write_line(stream, record)
            count += 1
    return count


def _write_line(stream: IO[str], record: dict[str, Any]) -> None:
    stream.write(json.dumps(record, ensure_ascii=False) + "\n")


def _write_parquet(rows: Iterator[list[Any]], columns: Sequence[Column], path: Path) -> int:
    pa, pq = _import_pyarrow()
    schema = pa.schema([pa.field(column.name, _arrow_type(pa, column.type),
                                 metadata={"doc": column.doc}) for column in columns])
    count = 0
    with pq.ParquetWriter(path, schema) as writer:
        while batch := list(islice(rows, PARQUET_BATCH_ROWS)):
            cells_by_column = zip(*batch, strict=True)
            arrays = [pa.array(cells, type=field.type)
                      for cells, field in zip(cells_by_column, schema, strict=True)]
            writer.write_table(pa.Table.from_arrays(arrays, schema=schema))
            count += len(batch)
        if count == 0:
            writer.write_table(schema.empty_table())
    return count


def _arrow_type(pa: Any, kind: ColumnType) -> Any:
    return {
        ColumnType.STRING: pa.string(), ColumnType.INT: pa.int64(),
        ColumnType.FLOAT: pa.float64(), ColumnType.DATE: pa.date32(), ColumnType.BOOL: pa.bool_(),
        ColumnType.STRINGS: pa.list_(pa.string()),
    }[kind]


def _import_pyarrow() -> tuple[Any, Any]:
    try:
        import pyarrow
        import pyarrow.parquet
    except ImportError as error:
        raise MissingDependencyError(
            "Parquet output needs pyarrow: pip install 'danvan-nlp[parquet]' "
            "(or write .csv or .jsonl instead)"
        ) from error
    return pyarrow, pyarrow.parquet


EXCEL = "csv-excel"
_WRITERS: dict[str, Callable[[Iterator[list[Any]], Sequence[Column], Path], int]] = {
    "csv": _write_csv,
    EXCEL: _write_excel_csv,
    "jsonl": _write_jsonl,
    "parquet": _write_parquet,
}
