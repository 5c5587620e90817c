"""Rendering extraction results for the terminal and for CSV."""

from __future__ import annotations

import csv
import io
from typing import Any

CSV_COLUMNS = (
    "path", "kind", "text", "start", "end", "name_or_code", "value", "value_max", "unit",
    "qualifier", "outcome", "awarder", "date", "detail", "rule",
)


def summary(path: str, result: dict[str, Any]) -> str:
    """A readable summary of one article's extraction."""
    lines = [f"== {path}"]
    meta = [f"{key}: {result[key]}" for key in ("published", "source", "province",
                                               "province_2025") if result.get(key)]
    lines.append("   " + "; ".join(meta) if meta else "   (no date, source or province found)")
    lines += _section("Officials", result["officials"], _official_line)
    lines += _section("Figures", result["figures"], _figure_line)
    lines += _section("Documents", result["documents"], _document_line)
    lines += _section("Models", result["models"], _model_line)
    lines += [f"   warning: {w}" for w in result.get("warnings", [])]
    return "\n".join(lines)


def _section(title: str, items: list[dict[str, Any]], line: Any) -> list[str]:
    return [f"-- {title} ({len(items)})"] + [f"   {line(item)}" for item in items]


def _official_line(item: dict[str, Any]) -> str:
    posts = "; ".join(p["surface"] for p in item["positions"])
    roles = f" [{', '.join(item['roles'])}]" if item.get("roles") else ""
    return f"{item['name']}: {posts}{roles}"


def _figure_line(item: dict[str, Any]) -> str:
    value = _number(item["value"])
    if item.get("value_max") is not None:
        value += f"-{_number(item['value_max'])}"
    if item.get("total") is not None:
        value += f"/{_number(item['total'])}"
    extra = f" by {item['awarder']}" if item.get("awarder") else ""
    label = f"[{item['qualifier']}, {item['outcome']}{extra}]"
    return f"{value} {item['unit']} {label}  « {item['span']['text']} »"


def _document_line(item: dict[str, Any]) -> str:
    date = f" of {item['date']}" if item.get("date") else ""
    issuer = f" by {item['issuer']}" if item.get("issuer") else ""
    return f"{item['kind']} {item['code']}{date}{issuer}"


def _model_line(item: dict[str, Any]) -> str:
    domain = item.get("domain") or "?"
    score = f" {item['domain_score']:.2f}" if item.get("domain_score") is not None else ""
    return f"{item['title']} [{domain}{score}]"


def _number(value: float) -> str:
    return f"{value:,.0f}".replace(",", ".") if float(value).is_integer() else f"{value:g}"


def csv_rows(path: str, result: dict[str, Any]) -> list[dict[str, Any]]:
    """One CSV row per extracted fact."""
    rows: list[dict[str, Any]] = []
    for item in result["officials"]:
        for pos in item["positions"]:
            rows.append(_row(path, "official", pos["span"], pos["rule"], name_or_code=item["name"],
                             detail=pos["normalized"]))
    for item in result["figures"]:
        rows.append(_row(path, "figure", item["span"], item["rule"], **{
            k: item.get(k) for k in ("value", "value_max", "unit", "qualifier", "outcome",
                                     "awarder")}))
    for item in result["documents"]:
        rows.append(_row(path, "document", item["span"], item["rule"], name_or_code=item["code"],
                         date=item.get("date"), detail=item["kind"]))
    for item in result["models"]:
        rows.append(_row(path, "model", item["span"], item["rule"], name_or_code=item["title"],
                         detail=item.get("domain")))
    return rows


def _row(path: str, kind: str, span: dict[str, Any], rule: str, **fields: Any) -> dict[str, Any]:
    row = {"path": path, "kind": kind, "text": span["text"], "start": span["start"],
           "end": span["end"], "rule": rule}
    row.update(fields)
    return row


def csv_text(rows: list[dict[str, Any]], header: bool) -> str:
    """Rows as CSV text with the fixed column order; a cell a spreadsheet would run as a
    formula gets a leading ``'`` (as in ``danvan export``)."""
    from danvan_nlp.export.writers import safe_csv_text  # the export package costs 30 ms

    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, extrasaction="ignore")
    if header:
        writer.writeheader()
    writer.writerows({key: safe_csv_text(value) if isinstance(value, str) else value
                      for key, value in row.items()} for row in rows)
    return buffer.getvalue()
