"""The article view and the report page, read as HTML (the browser tests load them too)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from bs4 import BeautifulSoup, Tag

from danvan_nlp import extract
from danvan_nlp.cli import main
from danvan_nlp.views import article_html, report_html
from tests.views.helpers import MODELS_TEXT, SAMPLE, marked_pieces


def _one(soup: BeautifulSoup | Tag, selector: str) -> Tag:
    """The element ``selector`` finds (the test fails when there is none)."""
    found = soup.select_one(selector)
    assert found is not None, selector
    return found


def _spans(data: dict[str, Any]) -> dict[str, str]:
    """Fact id -> span text, numbered as the view numbers them."""
    found: dict[str, str] = {}
    for n, official in enumerate(data["officials"], start=1):
        for index, position in enumerate(official["positions"], start=1):
            found[f"o{n}p{index}"] = position["span"]["text"]
    for key, prefix in (("figures", "f"), ("documents", "d"), ("models", "m")):
        for n, fact in enumerate(data[key], start=1):
            found[f"{prefix}{n}"] = fact["span"]["text"]
    return found


def test_every_fact_is_highlighted_exactly_over_its_span() -> None:
    article = extract(SAMPLE)
    pieces = marked_pieces(article.to_html())
    for fact, span_text in _spans(article.to_dict()).items():
        assert pieces[fact] == span_text, fact
    mentions = {n: "".join(m["text"] for m in o["mentions"])
                for n, o in enumerate(article.to_dict()["officials"], start=1)}
    for number, joined in mentions.items():
        assert pieces[f"o{number}"] == joined


def test_the_text_is_whole_and_escaped() -> None:
    text = SAMPLE + "\n<script>alert('x')</script> & \"quotes\"\n"
    html = article_html(extract(text))
    soup = BeautifulSoup(html, "lxml")
    assert _one(soup, "div.text").get_text() == text
    assert "<script>alert" not in html
    assert len(soup.find_all("script")) == 1 and not soup.find_all(src=True)


def test_tooltips_say_the_fields_and_the_rule() -> None:
    article = extract(SAMPLE)
    soup = BeautifulSoup(article.to_html(), "lxml")
    figure = article.to_dict()["figures"][0]
    tip = str(_one(soup, 'mark[data-fact="f1"]')["title"])
    assert tip.startswith("figure\n")
    assert f"rule: {figure['rule']}" in tip and f"outcome: {figure['outcome']}" in tip


def test_side_panel_lists_each_fact_and_links_to_it() -> None:
    article = extract(SAMPLE)
    soup = BeautifulSoup(article.to_html(), "lxml")
    links = soup.select("aside a[data-goto]")
    total = sum(len(getattr(article, key)) for key in
                ("officials", "figures", "documents", "models"))
    assert len(links) == total
    for link in links:
        assert soup.find(id=str(link["href"])[1:]) is not None, link["href"]


def _result_lines() -> list[dict[str, Any]]:
    lines = []
    for number, (province, published, text) in enumerate(
            [("Bắc Kạn", "2024-07-23", SAMPLE), ("Bắc Kạn", "2023-05-02", SAMPLE),
             ("Cao Bằng", "2024-01-09", MODELS_TEXT)]):
        data = extract(text).to_dict()
        data.update(province=province, published=published)
        lines.append({"id": f"{number:016x}", "url": f"https://e.org/{number}", **data})
    lines.append({"id": "f" * 16, "url": "https://e.org/bad", "error": "empty",
                  "error_kind": "input"})
    return lines


def test_report_counts_figures_by_province_year_and_outcome() -> None:
    lines = _result_lines()
    soup = BeautifulSoup(report_html(lines), "lxml")
    blocks = {_one(s, "h2").get_text(): s for s in soup.select("section.block")}
    totals = {_one(row, "td").get_text(): sum(float(td.get_text()) for td in row.select("td.n"))
              for row in blocks["Figures by province and outcome"].select("tbody tr")}
    assert totals == {"Bắc Kạn": 2.0 * len(lines[0]["figures"]),
                      "Cao Bằng": float(len(lines[2]["figures"]))}
    domains = blocks["Model domains by province"]
    assert [th.get_text() for th in domains.select("thead th")][1:] == sorted(
        m["domain"] for m in lines[2]["models"])
    years = [_one(row, "td").get_text()
             for row in blocks["Figures by year and outcome"].select("tbody tr")]
    assert years == ["2023", "2024"]
    assert blocks["Figures by province and outcome"].find("svg") is not None
    assert "3 articles" in _one(soup, "header").get_text()


def test_report_of_nothing_says_so() -> None:
    soup = BeautifulSoup(report_html([]), "lxml")
    assert "no extracted articles" in _one(soup, "header").get_text()


def test_show_and_report_commands_write_pages(tmp_path: Path) -> None:
    source = tmp_path / "bai.txt"
    source.write_text(SAMPLE, encoding="utf-8")
    assert main(["show", str(source), "--out", str(tmp_path / "a.html")]) == 0
    assert "<mark" in (tmp_path / "a.html").read_text(encoding="utf-8")
    result = tmp_path / "r.jsonl"
    result.write_text("".join(json.dumps(line, ensure_ascii=False) + "\n"
                              for line in _result_lines()), encoding="utf-8")
    assert main(["report", str(result), "--out", str(tmp_path / "r.html")]) == 0
    assert "<svg" in (tmp_path / "r.html").read_text(encoding="utf-8")
    assert main(["report", str(tmp_path / "none.jsonl")]) == 2
    assert main(["show", str(source), "--out", str(tmp_path / "no" / "a.html")]) == 2
