"""``danvan_nlp.export.table(name, result)``: a table in memory, for notebooks and scripts.

>>> from danvan_nlp.export import table                            # doctest: +SKIP
>>> facts = table("facts", "result.jsonl")       # a DataFrame when pandas is installed

``result`` is a batch result file, or result lines (dicts), or extracted
:class:`~danvan_nlp.article.Article` objects. Rows have the table's columns, in order
and typed as in the files (dates as :class:`datetime.date`).
"""

from __future__ import annotations

import hashlib
import importlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from danvan_nlp.article import Article
from danvan_nlp.batch.resultfile import read_results
from danvan_nlp.batch.sources import article_id
from danvan_nlp.errors import InputError
from danvan_nlp.export.columns import TABLES
from danvan_nlp.export.tables import BUILDERS
from danvan_nlp.export.writers import typed_row

ResultLike = str | Path | Iterable[dict[str, Any] | Article]


def table(name: str, result: ResultLike) -> Any:
    """Table ``name`` of ``result``: a pandas DataFrame if pandas imports, else a list of
    dicts. Failed articles and repeated ids are left out, as in ``danvan export``."""
    rows = table_rows(name, result)
    try:
        pandas = importlib.import_module("pandas")
    except ImportError:
        return rows
    return pandas.DataFrame(rows, columns=[column.name for column in TABLES[name]])


def table_rows(name: str, result: ResultLike) -> list[dict[str, Any]]:
    """Table ``name`` of ``result`` as a list of dicts (column order, typed cells)."""
    if name not in TABLES:
        raise InputError(f"unknown table {name!r}; choose one of {', '.join(TABLES)}")
    columns = TABLES[name]
    names = [column.name for column in columns]
    built = BUILDERS[name](_extracted(_lines(result)))
    return [dict(zip(names, typed_row(row, columns), strict=True)) for row in built]


def _lines(result: ResultLike) -> Iterator[dict[str, Any]]:
    if isinstance(result, str | Path):
        path = Path(result)
        if not path.is_file():
            raise InputError(f"{path}: no such result file; make one with "
                             "'danvan extract --input SOURCE --out RESULT'")
        yield from read_results(path)
        return
    for item in result:
        yield as_result_line(item) if isinstance(item, Article) else item


def as_result_line(article: Article) -> dict[str, Any]:
    """An extracted article as a batch result line (its id from its URL, else its text)."""
    key = article.url or "text:" + hashlib.sha1(article.text.encode("utf-8")).hexdigest()
    return {"id": article_id(key), "path": None, "site": None, **article.to_dict()}


def _extracted(lines: Iterator[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    seen: set[str] = set()
    for line in lines:
        if line.get("id") in seen or "error" in line:
            continue
        seen.add(str(line.get("id")))
        yield line
