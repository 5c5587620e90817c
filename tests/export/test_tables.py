"""The articles, mentions and officials tables, their ids, --excel, Parquet docs, table()."""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from danvan_nlp import extract
from danvan_nlp.cli import main
from danvan_nlp.errors import InputError
from danvan_nlp.export import TABLES, export_table, table, table_rows
from danvan_nlp.records import Official, Position, Span, to_plain
from tests.export.results import RESULTS, write_result

BOM = "\ufeff".encode()


def _jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def _official(name: str, post: str, status: str | None = None) -> dict[str, Any]:
    span = Span(0, len(name), name)
    plain: dict[str, Any] = to_plain(Official(name, [Position(post, post, span, "test")],
                                              [span, span], "test"))
    if status:
        plain["positions"][0]["status"] = status
    return plain


def _line(number: int, published: str, province: str, *officials: dict[str, Any]) -> str:
    record = {"id": f"a{number}", "url": f"https://example.vn/{number}", "published": published,
              "province": province, "officials": list(officials), "figures": []}
    return json.dumps(record, ensure_ascii=False) + "\n"


@pytest.fixture
def timeline(tmp_path: Path) -> Path:
    """Lò Văn Pó, Bí thư Huyện ủy, seen in three Điện Biên articles (the latest says
    former), and a namesake in Sơn La."""
    post = "Bí thư Huyện ủy Tủa Chùa"
    lines = [_line(1, "2023-03-01", "Điện Biên", _official("Lò Văn Pó", post)),
             _line(2, "2024-09-09", "Điện Biên", _official("Lò Văn Pó", post, "former")),
             _line(3, "2023-11-20", "Điện Biên", _official("Lò Văn Pó", post)),
             _line(4, "2024-01-05", "Sơn La", _official("Lò Văn Pó", "Chủ tịch Hội Nông dân"))]
    path = tmp_path / "result.jsonl"
    path.write_text("".join(lines), encoding="utf-8")
    return path


def test_officials_timeline_has_status_dates_and_latest_url(timeline: Path,
                                                            tmp_path: Path) -> None:
    export_table("officials", timeline, tmp_path / "o.jsonl")
    rows = {row["province"]: row for row in _jsonl(tmp_path / "o.jsonl")}
    dien_bien = rows["Điện Biên"]
    assert (dien_bien["status"], dien_bien["first_seen"], dien_bien["last_seen"]) == (
        "former", "2023-03-01", "2024-09-09")
    assert dien_bien["url"] == "https://example.vn/2"
    assert dien_bien["article_ids"] == ["a1", "a2", "a3"]
    assert dien_bien["urls"] == [f"https://example.vn/{n}" for n in (1, 2, 3)]
    assert rows["Sơn La"]["status"] == "current"
    assert rows["Sơn La"]["person_id"] != dien_bien["person_id"]


def test_mentions_are_one_row_per_person_per_article_and_join_officials(
        timeline: Path, tmp_path: Path) -> None:
    export_table("mentions", timeline, tmp_path / "m.jsonl")
    export_table("officials", timeline, tmp_path / "o.jsonl")
    mentions = _jsonl(tmp_path / "m.jsonl")
    people = {row["person_id"]: row["province"] for row in _jsonl(tmp_path / "o.jsonl")}
    assert [row["article_id"] for row in mentions] == ["a1", "a2", "a3", "a4"]
    assert all(people[row["person_id"]] == row["province"] for row in mentions)
    second = mentions[1]
    assert (second["positions"], second["statuses"], second["mention_count"]) == (
        ["Bí thư Huyện ủy Tủa Chùa"], ["former"], 2)
    assert (second["url"], second["published"]) == ("https://example.vn/2", "2024-09-09")
    assert len({row["mention_id"] for row in mentions}) == 4


def test_articles_table_counts_each_kind_of_fact(tmp_path: Path) -> None:
    export_table("articles", write_result(tmp_path / "r.jsonl"), tmp_path / "a.jsonl")
    first = _jsonl(tmp_path / "a.jsonl")[0]
    assert (first["article_id"], first["url"], first["title"]) == (
        RESULTS[0]["id"], RESULTS[0]["url"], "Bài 1")
    assert (first["official_count"], first["figure_count"], first["document_count"],
            first["model_count"]) == (1, 2, 1, 1)


def test_documents_rows_carry_ids_and_urls(tmp_path: Path) -> None:
    export_table("documents", write_result(tmp_path / "r.jsonl"), tmp_path / "d.jsonl")
    rows = _jsonl(tmp_path / "d.jsonl")
    assert all(row["url"] and row["url"] in row["urls"] for row in rows)
    assert len({row["document_id"] for row in rows}) == len(rows)


@pytest.mark.parametrize("excel", [True, False])
def test_excel_csv_starts_with_a_byte_order_mark(excel: bool, tmp_path: Path) -> None:
    out = tmp_path / "officials.csv"
    export_table("officials", write_result(tmp_path / "r.jsonl"), out, excel=excel)
    raw = out.read_bytes()
    assert raw.startswith(BOM) is excel
    assert "Phan Thị Na" in raw.decode("utf-8-sig")


def test_excel_is_refused_for_other_formats(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="--excel is for CSV"):
        export_table("figures", write_result(tmp_path / "r.jsonl"), tmp_path / "f.jsonl",
                     excel=True)


def test_command_line_excel(tmp_path: Path) -> None:
    result, out = write_result(tmp_path / "r.jsonl"), tmp_path / "facts.csv"
    assert main(["export", "facts", str(result), "--out", str(out), "--excel"]) == 0
    assert out.read_bytes().startswith(BOM)


@pytest.mark.parametrize("name", ["figures", "facts", "officials"])
def test_parquet_fields_carry_their_column_docs(name: str, tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    out = tmp_path / f"{name}.parquet"
    export_table(name, write_result(tmp_path / "r.jsonl"), out)
    schema = pq.read_schema(out)
    for column in TABLES[name]:
        assert schema.field(column.name).metadata[b"doc"].decode("utf-8") == column.doc


def test_figures_table_has_where_and_when(tmp_path: Path) -> None:
    text = ("Thứ Ba, 12/3/2024\nHuyện Chợ Đồn, tỉnh Bắc Kạn lan tỏa phong trào Dân vận khéo\n"
            "Trong 6 tháng đầu năm 2023, huyện Chợ Đồn đã công nhận 123 mô hình mới.\n")
    rows = table_rows("figures", [extract(text, url="https://example.vn/cho-don")])
    assert len(rows) == 1
    row = rows[0]
    assert (row["place"], row["place_level"], row["place_province_2025"]) == (
        "Chợ Đồn", "district", "Thái Nguyên")
    assert (row["period_start"], row["period_end"], row["period_months"]) == (2023, 2023, 6)
    assert (row["period_inferred"], row["published"]) == (False, date(2024, 3, 12))
    assert row["figure_id"] == f"{row['article_id']}:{row['span_start']}-{row['span_end']}"


def test_table_gives_a_dataframe_with_pandas(tmp_path: Path) -> None:
    pandas = pytest.importorskip("pandas")
    frame = table("officials", write_result(tmp_path / "r.jsonl"))
    assert isinstance(frame, pandas.DataFrame)
    assert list(frame.columns) == [column.name for column in TABLES["officials"]]
    assert sorted(frame["province"]) == ["Bắc Kạn", "Cao Bằng"]


def test_table_gives_rows_without_pandas(tmp_path: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    rows = table("figures", write_result(tmp_path / "r.jsonl"))
    assert isinstance(rows, list) and len(rows) == 2
    assert list(rows[0]) == [column.name for column in TABLES["figures"]]
    assert rows[0]["published"] == date(2024, 5, 12)


def test_table_leaves_out_failures_and_repeats() -> None:
    rows = table_rows("articles", [*RESULTS, RESULTS[0]])
    assert [row["article_id"] for row in rows] == [
        result["id"] for result in RESULTS if "error" not in result]


@pytest.mark.parametrize(("name", "result", "message"),
                         [("tables", [], "unknown table"),
                          ("figures", "/nonexistent/result.jsonl", "no such result file")])
def test_table_refuses_unusable_arguments(name: str, result: Any, message: str) -> None:
    with pytest.raises(InputError, match=message):
        table_rows(name, result)
