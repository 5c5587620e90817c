"""From articles to tables: a batch run, then exports whose spans point into the texts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from danvan_nlp.batch import run_batch
from danvan_nlp.export import TABLES, export_table
from tests.batch.helpers import ARTICLES, write_jsonl


@pytest.fixture(scope="module")
def result(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("e2e")
    out = folder / "result.jsonl"
    run_batch(write_jsonl(folder / "a.jsonl", ARTICLES), out, workers=1, progress=False)
    return out


@pytest.mark.parametrize("table", ["figures", "models"])
def test_exported_spans_point_into_the_article_text(table: str, result: Path,
                                                    tmp_path: Path) -> None:
    out = tmp_path / f"{table}.jsonl"
    export_table(table, result, out)
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    texts = {line["id"]: record["text"] for line, record in zip(
        (json.loads(raw) for raw in result.read_text(encoding="utf-8").splitlines()),
        ARTICLES, strict=True)}
    assert rows, f"no {table} found in the literal articles"
    for row in rows:
        assert list(row) == [column.name for column in TABLES[table]]
        text = texts[row["article_id"]][row["span_start"]:row["span_end"]]
        assert text and (table == "models" or text == row["span_text"])


def test_figures_of_the_literal_articles_are_exported(result: Path, tmp_path: Path) -> None:
    out = tmp_path / "figures.jsonl"
    summary = export_table("figures", result, out)
    units = {json.loads(line)["unit"] for line in out.read_text(encoding="utf-8").splitlines()}
    assert summary.articles == len(ARTICLES) and summary.rows > 0
    assert "mô hình" in units
