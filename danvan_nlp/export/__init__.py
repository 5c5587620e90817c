"""Tracker exports: tables of articles, figures, facts, officials, mentions, documents and
models from a batch result.

>>> from danvan_nlp.export import export_table, table               # doctest: +SKIP
>>> export_table("figures", "result.jsonl", "figures.parquet")      # doctest: +SKIP
>>> table("facts", "result.jsonl")              # a DataFrame if pandas, else rows  # doctest: +SKIP

Columns and types are fixed (:mod:`danvan_nlp.export.columns`) and documented in
the README section "Archive-scale runs and exports".
"""

from __future__ import annotations

from danvan_nlp.export.api import table, table_rows
from danvan_nlp.export.columns import TABLES, Column, ColumnType
from danvan_nlp.export.run import ExportSummary, export_table

__all__ = ["TABLES", "Column", "ColumnType", "ExportSummary", "export_table", "table",
           "table_rows"]
