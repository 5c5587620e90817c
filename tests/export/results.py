"""A small batch result written from literal records, shared by the export tests."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from danvan_nlp.records import (
    DocumentRef,
    Figure,
    Model,
    Official,
    Outcome,
    Position,
    Qualifier,
    Span,
    to_plain,
)


def _official(name: str, position: str) -> Official:
    span = Span(0, len(name), name)
    return Official(name=name, positions=[Position(position, position, span, "test")],
                    mentions=[span], rule="test")


def _figure(value: float, unit: str, outcome: Outcome, evidence: str, start: int) -> Figure:
    span = Span(start, start + len(evidence), evidence)
    return Figure(value=value, unit=unit, qualifier=Qualifier.MORE_THAN, outcome=outcome,
                  span=span, sentence=span, rule="test", evidence=evidence)


def _article(number: int, published: str, province: str, **facts: list[Any]) -> dict[str, Any]:
    return {
        "id": f"{number:016x}", "url": f"https://example.vn/bai-{number}", "path": None,
        "published": published, "source": "example.vn", "site": "example",
        "schema_version": "1.0", "title": f"Bài {number}", "province": province,
        "province_2025": "Thái Nguyên" if province == "Bắc Kạn" else province,
        **{kind: to_plain(facts.get(kind, [])) for kind in
           ("officials", "figures", "documents", "models")},
        "warnings": [],
    }


NA = _official("Phan Thị Na", "Phó Trưởng Ban Dân vận Tỉnh ủy")
KE_HOACH = DocumentRef("15-KH/TU", "Kế hoạch", Span(10, 30, "Kế hoạch số 15-KH/TU"), "test",
                       date="2021-03-10", issuer="Ban Thường vụ Tỉnh ủy")
MODEL = Model("vận động nhân dân hiến đất làm đường", Span(40, 75, "hiến đất làm đường"),
              "Mô hình vận động nhân dân hiến đất làm đường", "test",
              domain="nong_thon_moi_moi_truong", domain_score=0.82)

RESULTS: list[dict[str, Any]] = [
    _article(1, "2024-05-12", "Bắc Kạn", officials=[NA], documents=[KE_HOACH],
             figures=[_figure(2700, "mô hình", Outcome.REGISTERED,
                              "hơn 2.700 mô hình được đăng ký", 120),
                      _figure(1_200_000_000, "đồng", Outcome.MOBILIZED,
                              "hơn 1,2 tỷ đồng", 300)],
             models=[MODEL]),
    {"id": "00000000000000ff", "url": "https://example.vn/hong", "path": None,
     "error": "the text is empty: give the article's text (UTF-8)"},
    _article(2, "2024-08-01", "Bắc Kạn", officials=[NA], documents=[KE_HOACH]),
    _article(3, "2023-11-20", "Bắc Kạn", officials=[NA]),
    _article(4, "2024-02-02", "Cao Bằng",
             officials=[_official("Phan Thị Na", "Phó Trưởng Ban Dân vận Tỉnh ủy")],
             documents=[DocumentRef("15-KH/TU", "Kế hoạch", Span(0, 8, "15-KH/TU"), "test")]),
]


def write_result(path: Path, extra_line: str = "") -> Path:
    """The result file: every record above, then ``extra_line`` (e.g. a torn one)."""
    lines = [json.dumps(result, ensure_ascii=False) + "\n" for result in RESULTS]
    path.write_text("".join(lines) + extra_line, encoding="utf-8")
    return path
