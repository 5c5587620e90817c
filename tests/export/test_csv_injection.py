"""CSV exports neutralise text a spreadsheet would run as a formula (OWASP: prefix ``'``);
JSONL and Parquet keep the text exactly."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import pytest

from danvan_nlp.cli import main
from danvan_nlp.export.writers import safe_csv_text
from danvan_nlp.records import Figure, Model, Outcome, Qualifier, Span, to_plain

HOSTILE = ["=HYPERLINK(\"http://127.0.0.2/thu\",\"Xem\")", "+84 912 000 111", "-3+4",
           "@A1+1", "\t=1+1", "\r=2*3", "\uff1d1+1"]


def _result(path: Path) -> Path:
    models = [Model(title, Span(0, 5, "Tổ tự"), "Mô hình tổ tự quản", "test",
                    domain="kinh_te", domain_score=0.5) for title in HOSTILE]
    figures = [Figure(value=-5.0, unit="=hộ", qualifier=Qualifier.EXACT, outcome=Outcome.OTHER,
                      span=Span(0, 5, "-5 hộ"), sentence=Span(0, 5, "-5 hộ"), rule="test",
                      evidence="-5 hộ thoát nghèo")]
    line: dict[str, Any] = {
        "id": "00000000000000aa", "url": "https://example.vn/bai", "path": None,
        "published": "2024-05-12", "province": "Bắc Kạn", "province_2025": "Thái Nguyên",
        "models": to_plain(models), "figures": to_plain(figures),
    }
    path.write_text(json.dumps(line, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def _csv_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as stream:
        return list(csv.DictReader(stream))


def test_model_titles_that_start_a_formula_get_a_quote(tmp_path: Path) -> None:
    out = tmp_path / "models.csv"
    assert main(["export", "models", str(_result(tmp_path / "r.jsonl")), "--out", str(out)]) == 0
    titles = [row["title"] for row in _csv_rows(out)]
    assert titles == ["'" + title for title in HOSTILE]
    assert {row["context"] for row in _csv_rows(out)} == {"Mô hình tổ tự quản"}


def test_text_cells_are_neutralised_but_numbers_are_not(tmp_path: Path) -> None:
    out = tmp_path / "figures.csv"
    assert main(["export", "figures", str(_result(tmp_path / "r.jsonl")), "--out", str(out)]) == 0
    (row,) = _csv_rows(out)
    assert row["value"] == "-5.0"
    assert row["unit"] == "'=hộ"
    assert row["evidence"] == "'-5 hộ thoát nghèo"
    assert row["span_text"] == "'-5 hộ"


@pytest.mark.parametrize("fmt", ["jsonl", "parquet"])
def test_other_formats_keep_the_text_as_is(fmt: str, tmp_path: Path) -> None:
    out = tmp_path / f"models.{fmt}"
    assert main(["export", "models", str(_result(tmp_path / "r.jsonl")), "--out", str(out)]) == 0
    if fmt == "jsonl":
        lines = out.read_text(encoding="utf-8").splitlines()
        titles = [json.loads(line)["title"] for line in lines]
    else:
        import pyarrow.parquet as pq

        titles = pq.read_table(out).column("title").to_pylist()
    assert titles == HOSTILE


@pytest.mark.parametrize(
    ("text", "safe"),
    [("Tổ tự quản", "Tổ tự quản"), ("", ""), ("a=b", "a=b"), ("Hội -", "Hội -"),
     ("-", "'-"), ("@", "'@")],
)
def test_safe_csv_text_only_touches_the_first_character(text: str, safe: str) -> None:
    assert safe_csv_text(text) == safe
