"""``danvan export facts``: one figure reported by several articles becomes one row."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from danvan_nlp.batch import run_batch
from danvan_nlp.export import export_table
from danvan_nlp.export.facts import Report, restates
from tests.batch.helpers import write_jsonl
from tests.operation_counts import calls

# Three articles of one province repeat one fact (2.071 registered models, 2021 - 2023),
# the third rounding it; the third also gives another count that must stay apart.
REPEATS: list[dict[str, Any]] = [
    {"url": "https://example.vn/so-ket-a", "published": "2024-01-15", "source": "baobackan.vn",
     "site": "baobackan", "title": "Bắc Kạn sơ kết phong trào thi đua Dân vận khéo",
     "text": "Bắc Kạn sơ kết phong trào thi đua Dân vận khéo\n\nGiai đoạn 2021 - 2023, toàn "
             "tỉnh Bắc Kạn đã đăng ký 2.071 mô hình \"Dân vận khéo\" trên các lĩnh vực."},
    {"url": "https://example.vn/so-ket-b", "published": "2024-03-02", "source": "baobackan.vn",
     "site": "baobackan", "title": "Lan tỏa các mô hình hay ở Bắc Kạn",
     "text": "Lan tỏa các mô hình hay ở Bắc Kạn\n\nTrong giai đoạn 2021 - 2023, các cấp, "
             "các ngành tỉnh Bắc Kạn đăng ký 2.071 mô hình \"Dân vận khéo\"."},
    {"url": "https://example.vn/so-ket-c", "published": "2024-05-20", "source": "baobackan.vn",
     "site": "baobackan", "title": "Bắc Kạn biểu dương điển hình dân vận khéo",
     "text": "Bắc Kạn biểu dương điển hình dân vận khéo\n\nGiai đoạn 2021 - 2023, tỉnh Bắc "
             "Kạn có hơn 2.000 mô hình \"Dân vận khéo\" được đăng ký. Năm 2024, tỉnh Bắc Kạn "
             "đăng ký thêm 350 mô hình mới."},
]


@pytest.fixture(scope="module")
def result(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("facts")
    out = folder / "result.jsonl"
    run_batch(write_jsonl(folder / "a.jsonl", REPEATS), out, workers=1, progress=False)
    return out


def _rows(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_three_articles_repeating_a_fact_make_one_row(result: Path, tmp_path: Path) -> None:
    export_table("facts", result, tmp_path / "facts.jsonl")
    facts = _rows(tmp_path / "facts.jsonl")
    repeated = [fact for fact in facts if fact["article_count"] > 1]
    assert len(repeated) == 1
    fact = repeated[0]
    assert (fact["place"], fact["place_level"], fact["province_2025"]) == (
        "Bắc Kạn", "province", "Thái Nguyên")
    assert (fact["period_start"], fact["period_end"], fact["unit"], fact["outcome"]) == (
        2021, 2023, "mô hình", "registered")
    assert (fact["value"], fact["value_min"], fact["value_max"]) == (2071.0, 2000.0, 2071.0)
    assert fact["values_agree"] is False and fact["figure_count"] == 3
    assert (fact["first_published"], fact["last_published"]) == ("2024-01-15", "2024-05-20")
    ids = [json.loads(line)["id"] for line in result.read_text(encoding="utf-8").splitlines()]
    assert fact["article_ids"] == ids


def test_another_count_of_the_same_article_stays_its_own_fact(result: Path,
                                                              tmp_path: Path) -> None:
    export_table("facts", result, tmp_path / "facts.jsonl")
    single = [fact for fact in _rows(tmp_path / "facts.jsonl") if fact["article_count"] == 1]
    assert [(fact["value"], fact["period_start"]) for fact in single] == [(350.0, 2024)]


def test_fact_figure_ids_join_the_figures_table(result: Path, tmp_path: Path) -> None:
    export_table("facts", result, tmp_path / "facts.jsonl")
    export_table("figures", result, tmp_path / "figures.jsonl")
    figures = {row["figure_id"]: row for row in _rows(tmp_path / "figures.jsonl")}
    for fact in _rows(tmp_path / "facts.jsonl"):
        joined = [figures[figure_id] for figure_id in fact["figure_ids"]]
        assert {row["value"] for row in joined} <= {fact["value_min"], fact["value_max"]}
        assert {row["article_id"] for row in joined} == set(fact["article_ids"])


def _report(value: float, qualifier: str = "exact") -> Report:
    return Report(value, qualifier, "f", "a", None)


@pytest.mark.parametrize(
    ("first", "second", "same"),
    [
        (_report(2071), _report(2071), True),
        (_report(2000, "more_than"), _report(2071), True),     # "hơn 2.000" restates 2.071
        (_report(2071), _report(2000, "more_than"), True),     # in either order
        (_report(2000, "more_than"), _report(2900), False),    # too far above
        (_report(2000, "more_than"), _report(1990), False),    # "hơn" is above, not below
        (_report(2100, "nearly"), _report(2071), True),        # "gần 2.100"
        (_report(2100, "about"), _report(2071), True),         # "khoảng 2.100"
        (_report(2100, "about"), _report(2300), False),        # off by more than half a tenth
        (_report(2000), _report(2071), False),                 # an exact value is no rounding
        (_report(2071), _report(2075), False),                 # neither is round
        (_report(1.5), _report(1.6), False),                   # fractions are never round
    ],
)
def test_rounded_restatements(first: Report, second: Report, same: bool) -> None:
    assert restates(first, second) is same


def _result(number: int, value: float, qualifier: str = "exact") -> dict[str, Any]:
    figure = {"value": value, "qualifier": qualifier, "unit": "hộ", "outcome": "mobilized",
              "place": "Ba Bể", "place_level": "district", "province_2025": "Thái Nguyên",
              "period_start": 2024, "period_end": 2024, "period_months": None,
              "span": {"start": 0, "end": 5, "text": "x hộ"}}
    return {"id": f"a{number}", "published": "2024-06-01", "figures": [figure]}


def test_facts_come_in_the_order_they_were_first_reported() -> None:
    from danvan_nlp.export.facts import fact_rows

    results = [_result(1, 350), _result(2, 1210), _result(3, 350), _result(4, 1200, "more_than")]
    rows = fact_rows(results)
    assert [(row["value"], row["article_ids"]) for row in rows] == [
        (350.0, ["a1", "a3"]), (1210.0, ["a2", "a4"])]




def _many(count: int) -> list[dict[str, Any]]:
    """One group of ``count`` distinct close values, every tenth one a rounded "hơn"."""
    return [_result(n, 5000 + n * 10, "more_than" if n % 10 == 0 else "exact")
            for n in range(1, count + 1)]


def test_consolidation_work_grows_about_linearly() -> None:
    from danvan_nlp.export.facts import fact_rows

    small, double = _many(400), _many(800)
    assert len(fact_rows(double)) < 800
    assert calls(lambda: fact_rows(double)) <= 2.6 * calls(lambda: fact_rows(small))
