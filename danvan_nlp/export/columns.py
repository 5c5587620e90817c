"""The export tables' columns: fixed order, explicit types, documented in the README.

Types: ``string``, ``int64``, ``float64``, ``date`` (an ISO day; a ``date32`` in
Parquet) and ``list<string>`` (a JSON array in JSONL, ``;``-joined in CSV).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class ColumnType(str, Enum):
    """The type of an export column."""

    STRING = "string"
    INT = "int64"
    FLOAT = "float64"
    DATE = "date"
    STRINGS = "list<string>"


@dataclass(frozen=True, slots=True)
class Column:
    """One column: its name and type."""

    name: str
    type: ColumnType


def _columns(*specs: tuple[str, ColumnType]) -> tuple[Column, ...]:
    return tuple(Column(name, kind) for name, kind in specs)


S, N, F, D, L = (ColumnType.STRING, ColumnType.INT, ColumnType.FLOAT, ColumnType.DATE,
                 ColumnType.STRINGS)

FIGURES = _columns(
    ("article_id", S), ("url", S), ("published", D), ("province", S), ("province_2025", S),
    ("value", F), ("value_max", F), ("total", F), ("unit", S), ("qualifier", S),
    ("outcome", S), ("awarder", S), ("period", S), ("evidence", S),
    ("span_start", N), ("span_end", N), ("span_text", S),
)

OFFICIALS = _columns(
    ("name", S), ("position", S), ("organisation", S), ("position_full", S),
    ("province", S), ("first_seen", D), ("last_seen", D), ("article_count", N),
    ("article_ids", L),
)

DOCUMENTS = _columns(
    ("code", S), ("kind", S), ("date", D), ("issuer", S), ("province", S),
    ("first_seen", D), ("last_seen", D), ("article_count", N), ("article_ids", L),
)

MODELS = _columns(
    ("article_id", S), ("url", S), ("published", D), ("province", S), ("province_2025", S),
    ("title", S), ("domain", S), ("domain_score", F), ("context", S),
    ("span_start", N), ("span_end", N),
)

TABLES: dict[str, tuple[Column, ...]] = {
    "figures": FIGURES,
    "officials": OFFICIALS,
    "documents": DOCUMENTS,
    "models": MODELS,
}
