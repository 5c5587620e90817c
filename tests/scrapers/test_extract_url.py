"""One step from a URL, or a saved page, to facts: ``danvan extract --url``,
``danvan_nlp.extract_url`` and ``danvan extract page.html``, against 127.0.0.1."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import danvan_nlp
from danvan_nlp.cli import main
from danvan_nlp.errors import FetchError, InputError
from danvan_nlp.urls import looks_like_html
from tests.scrapers.server import FixtureServer, Reply, Route, page

FIXTURES = Path(__file__).parent / "fixtures" / "sites"
EXPECTED: dict[str, dict[str, Any]] = json.loads(
    (FIXTURES / "expected.json").read_text(encoding="utf-8"))
NOT_FOUND = Reply(status=404, body=b"not found")
QUICK = ["--delay", "0", "--timeout", "5"]


def article_html(name: str) -> str:
    return (FIXTURES / name / "article.html").read_text(encoding="utf-8")


@pytest.fixture
def papers() -> Iterator[FixtureServer]:
    """Báo Lào Cai's and tuyengiaodanvan.vn's fixture articles on one 127.0.0.1 server."""
    routes: dict[str, Route] = {"/robots.txt": NOT_FOUND}
    for name in ("baolaocai", "tuyengiaodanvan"):
        routes[EXPECTED[name]["path"]] = page(article_html(name))
    with FixtureServer(routes) as server:
        yield server


def test_extract_url_command_end_to_end(papers: FixtureServer,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    url = papers.base + EXPECTED["baolaocai"]["path"]
    assert main(["extract", "--url", url, "--site", "baolaocai", *QUICK,
                 "--format", "json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert (result["path"], result["url"]) == (url, url)
    assert result["title"] == EXPECTED["baolaocai"]["title"]
    assert result["published"] == "2024-09-12"
    assert result["source"] == "baolaocai.vn"
    assert papers.hits("/robots.txt") == 1


def test_extract_url_in_python_reads_embedded_json(papers: FixtureServer) -> None:
    url = papers.base + EXPECTED["tuyengiaodanvan"]["path"]
    article = danvan_nlp.extract_url(url, site="tuyengiaodanvan", delay=0)
    assert (article.url, article.title, article.published) == (
        url, EXPECTED["tuyengiaodanvan"]["title"], "2025-03-14")
    assert "Quảng cáo" not in article.text and "0:00" not in article.text
    assert "biểu dương những cách làm hay" in article.text


def test_several_urls_one_failing(papers: FixtureServer,
                                  capsys: pytest.CaptureFixture[str]) -> None:
    good = papers.base + EXPECTED["baolaocai"]["path"]
    missing = papers.base + "/khong-co-bai-nay-post1.html"
    code = main(["extract", "--url", missing, "--url", good, "--site", "baolaocai", *QUICK,
                 "--format", "jsonl"])
    captured = capsys.readouterr()
    lines = [json.loads(line) for line in captured.out.splitlines()]
    assert code == 1
    assert lines[0] == {"path": missing, "error": f"{missing}: HTTP 404"}
    assert lines[1]["title"] == EXPECTED["baolaocai"]["title"]
    assert "1 of 2 urls failed" in captured.err and "Traceback" not in captured.err


def test_robots_txt_is_obeyed(capsys: pytest.CaptureFixture[str]) -> None:
    path = EXPECTED["baolaocai"]["path"]
    routes: dict[str, Route] = {"/robots.txt": page("User-agent: *\nDisallow: /\n", "text/plain"),
                                path: page(article_html("baolaocai"))}
    with FixtureServer(routes) as server:
        assert main(["extract", "--url", server.base + path, *QUICK]) == 1
        assert server.hits(path) == 0
    assert "disallowed by robots.txt" in capsys.readouterr().err


def test_redirect_to_another_host_is_refused() -> None:
    with FixtureServer({"/robots.txt": NOT_FOUND}, host="127.0.0.2") as other, \
            FixtureServer({"/robots.txt": NOT_FOUND}) as server:
        server.routes["/bai-post5.html"] = Reply(status=302, headers={
            "Location": other.base + EXPECTED["baolaocai"]["path"]})
        with pytest.raises(FetchError, match=r"redirect to .*127\.0\.0\.2.* refused"):
            danvan_nlp.extract_url(server.base + "/bai-post5.html", site="baolaocai", delay=0)
        assert other.requests == []


def test_unknown_politeness_option_is_an_input_error() -> None:
    with pytest.raises(InputError, match="unknown politeness option speed"):
        danvan_nlp.extract_url("http://127.0.0.1:9/a-post1.html", speed=3)


def test_page_without_article_text_says_what_to_check(
        capsys: pytest.CaptureFixture[str]) -> None:
    routes: dict[str, Route] = {"/robots.txt": NOT_FOUND,
                                "/trang-post2.html": page("<html><body></body></html>")}
    with FixtureServer(routes) as server:
        assert main(["extract", "--url", server.base + "/trang-post2.html", "--site",
                     "baolaocai", *QUICK]) == 1
    err = capsys.readouterr().err
    assert "no article text found" in err and "danvan scrape --check" in err


def test_url_and_files_together_are_refused(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", "a.txt", "--url", "http://127.0.0.1/a-post1.html"]) == 2
    assert "not both" in capsys.readouterr().err


def test_saved_html_page_is_read_as_a_page(tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    html = article_html("baolaocai").replace(
        "<head>", "<head><link rel='canonical' href='https://baolaocai.vn"
                  + EXPECTED["baolaocai"]["path"] + "'>")
    saved = tmp_path / "bai.html"
    saved.write_text(html, encoding="utf-8")
    assert main(["extract", str(saved), "--format", "json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["title"] == EXPECTED["baolaocai"]["title"]
    assert result["published"] == "2024-09-12"
    assert result["url"] == "https://baolaocai.vn" + EXPECTED["baolaocai"]["path"]


def test_markup_in_a_text_file_is_read_as_a_page(tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    saved = tmp_path / "bai.txt"
    saved.write_text(article_html("baothanhhoa"), encoding="utf-8")
    assert main(["extract", str(saved), "--site", "baothanhhoa", "--format", "json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["title"] == EXPECTED["baothanhhoa"]["title"]
    assert result["published"] == "2024-12-04"


@pytest.mark.parametrize(("name", "text", "is_page"), [
    ("bai.html", "Tiêu đề", True),
    ("bai.HTM", "", True),
    ("bai.txt", "\ufeff  <!DOCTYPE html><html>", True),
    ("bai.txt", "<div class='x'>", True),
    ("bai.txt", "Hội nghị <b>không</b> phải trang", False),
    ("-", "< 5 hộ nghèo", False),
])
def test_looks_like_html(name: str, text: str, is_page: bool) -> None:
    assert looks_like_html(name, text) is is_page


def test_show_a_url_as_a_highlighted_page(papers: FixtureServer, tmp_path: Path) -> None:
    url = papers.base + EXPECTED["baolaocai"]["path"]
    out = tmp_path / "bai.html"
    assert main(["show", url, "--site", "baolaocai", "--delay", "0", "--out", str(out)]) == 0
    html = out.read_text(encoding="utf-8")
    assert EXPECTED["baolaocai"]["title"] in html and "2024-09-12" in html
    saved = tmp_path / "saved.html"
    saved.write_text(article_html("baolaocai"), encoding="utf-8")
    assert main(["show", str(saved), "--site", "baolaocai", "--out", str(out)]) == 0
    assert "<div class=\"text\"" in out.read_text(encoding="utf-8")
    assert "&lt;div" not in out.read_text(encoding="utf-8")
