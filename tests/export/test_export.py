"""``danvan export``: fixed columns and types in CSV, JSONL and Parquet; merged who's-who."""

from __future__ import annotations

import csv
import json
import re
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from danvan_nlp.cli import main
from danvan_nlp.errors import DanvanError, InputError
from danvan_nlp.export import TABLES, export_table
from tests.export.results import write_result

README = Path(__file__).resolve().parents[2] / "README.md"
ROW_COUNTS = {"articles": 4, "figures": 2, "facts": 2, "officials": 2, "mentions": 4,
              "documents": 2, "models": 1}


def _read(path: Path) -> tuple[list[str], list[dict[str, Any]]]:
    """Column names and rows of an exported file, whatever its format."""
    if path.suffix == ".csv":
        with path.open(encoding="utf-8", newline="") as stream:
            rows = list(csv.DictReader(stream))
        header = path.read_text(encoding="utf-8").splitlines()[0].split(",")
        return header, rows
    if path.suffix == ".jsonl":
        rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
        return list(rows[0]), rows
    import pyarrow.parquet as pq

    table = pq.read_table(path)
    return table.column_names, table.to_pylist()


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "parquet"])
@pytest.mark.parametrize("table", list(TABLES))
def test_every_table_has_its_documented_columns(table: str, fmt: str, tmp_path: Path) -> None:
    out = tmp_path / f"{table}.{fmt}"
    summary = export_table(table, write_result(tmp_path / "result.jsonl"), out)
    header, rows = _read(out)
    assert header == [column.name for column in TABLES[table]]
    assert len(rows) == summary.rows == ROW_COUNTS[table]
    assert (summary.articles, summary.failed_articles) == (4, 1)


def test_parquet_columns_have_explicit_types(tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    out = tmp_path / "officials.parquet"
    export_table("officials", write_result(tmp_path / "result.jsonl"), out)
    schema = pq.read_schema(out)
    assert str(schema.field("first_seen").type) == "date32[day]"
    assert str(schema.field("article_count").type) == "int64"
    assert str(schema.field("article_ids").type) == "list<element: string>"


def test_figures_keep_value_evidence_and_span(tmp_path: Path) -> None:
    out = tmp_path / "figures.jsonl"
    export_table("figures", write_result(tmp_path / "result.jsonl"), out)
    first = _read(out)[1][0]
    assert (first["value"], first["unit"], first["qualifier"], first["outcome"]) == (
        2700.0, "mô hình", "more_than", "registered")
    assert (first["published"], first["province_2025"]) == ("2024-05-12", "Thái Nguyên")
    assert (first["span_start"], first["span_end"]) == (120, 120 + len(first["evidence"]))


def test_officials_merge_across_articles_per_province(tmp_path: Path) -> None:
    out = tmp_path / "officials.parquet"
    export_table("officials", write_result(tmp_path / "result.jsonl"), out)
    by_province = {row["province"]: row for row in _read(out)[1]}
    bac_kan = by_province["Bắc Kạn"]
    assert (bac_kan["name"], bac_kan["position"], bac_kan["organisation"]) == (
        "Phan Thị Na", "Phó Trưởng Ban", "Ban Dân vận Tỉnh ủy")
    assert (bac_kan["first_seen"], bac_kan["last_seen"]) == (date(2023, 11, 20),
                                                             date(2024, 8, 1))
    assert bac_kan["article_count"] == 3 and len(bac_kan["article_ids"]) == 3
    assert by_province["Cao Bằng"]["article_count"] == 1


def test_documents_merge_same_code_date_and_province(tmp_path: Path) -> None:
    out = tmp_path / "documents.csv"
    export_table("documents", write_result(tmp_path / "result.jsonl"), out)
    rows = {(row["province"], row["date"]): row for row in _read(out)[1]}
    merged = rows[("Bắc Kạn", "2021-03-10")]
    assert (merged["code"], merged["kind"], merged["issuer"]) == (
        "15-KH/TU", "Kế hoạch", "Ban Thường vụ Tỉnh ủy")
    assert merged["article_count"] == "2" and len(merged["article_ids"].split(";")) == 2
    assert rows[("Cao Bằng", "")]["issuer"] == ""


def test_an_article_repeated_in_the_result_counts_once(tmp_path: Path) -> None:
    result = write_result(tmp_path / "result.jsonl")
    first_line = result.read_text(encoding="utf-8").splitlines()[0]
    result.write_text(result.read_text(encoding="utf-8") + first_line + "\n", encoding="utf-8")
    summary = export_table("figures", result, tmp_path / "f.jsonl")
    assert (summary.rows, summary.repeated) == (ROW_COUNTS["figures"], 1)


def test_a_torn_result_line_is_reported_and_left_out(tmp_path: Path) -> None:
    result = write_result(tmp_path / "result.jsonl", '{"id": "abc", "figures": [')
    reports: list[str] = []
    summary = export_table("models", result, tmp_path / "m.csv", report=reports.append)
    assert (summary.rows, summary.bad_lines) == (1, 1) and "line 6" in reports[0]


@pytest.mark.parametrize(
    ("out_name", "error"),
    [("figures.xlsx", InputError), ("figures", InputError)],
)
def test_unknown_output_format_says_what_to_do(out_name: str, error: type[Exception],
                                               tmp_path: Path) -> None:
    with pytest.raises(error, match=r"\.csv, \.jsonl"):
        export_table("figures", write_result(tmp_path / "r.jsonl"), tmp_path / out_name)


def test_parquet_without_pyarrow_is_a_clear_error(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    out = tmp_path / "figures.parquet"
    with pytest.raises(DanvanError, match=r"danvan-nlp\[parquet\]"):
        export_table("figures", write_result(tmp_path / "r.jsonl"), out)
    assert not out.exists() and list(tmp_path.iterdir()) == [tmp_path / "r.jsonl"]


@pytest.mark.parametrize(
    ("argv_tail", "status"),
    [(["figures", "RESULT", "--out", "OUT.csv"], 0),
     (["models", "RESULT", "--out", "OUT.txt", "--format", "jsonl"], 0),
     (["figures", "MISSING", "--out", "OUT.csv"], 2)],
)
def test_command_line(argv_tail: list[str], status: int, tmp_path: Path) -> None:
    result = write_result(tmp_path / "result.jsonl")
    names = {"RESULT": str(result), "MISSING": str(tmp_path / "none.jsonl")}
    argv = [names.get(arg, arg.replace("OUT", str(tmp_path / "out"))) for arg in argv_tail]
    assert main(["export", *argv]) == status
    assert (tmp_path / Path(argv[3]).name).exists() is (status == 0)


@pytest.mark.parametrize("table", list(TABLES))
def test_readme_documents_every_column(table: str) -> None:
    readme = README.read_text(encoding="utf-8")
    section = readme.split(f"#### Table `{table}`")[1].split("####")[0]
    documented = re.findall(r"^\| `(\w+)` \| ([\w<>]+) \| (.+) \|$", section,
                            flags=re.MULTILINE)
    assert documented == [(column.name, column.type.value, column.doc)
                          for column in TABLES[table]]
