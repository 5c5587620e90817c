"""The article view and the report in a real headless Chromium: no console errors, the
highlights over the facts' spans, no sideways scrolling on a phone, a screenshot that is
not blank."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from danvan_nlp import extract
from danvan_nlp.views import report_html
from tests.views.browser import chromium, load, png_colours, screenshot
from tests.views.helpers import SAMPLE, marked_pieces
from tests.views.test_views import _result_lines, _spans

PHONE = (390, 844)


@pytest.fixture(scope="module")
def article_page(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    chromium()
    article = extract(SAMPLE)
    page = tmp_path_factory.mktemp("show") / "article.html"
    page.write_text(article.to_html(), encoding="utf-8")
    return page, article.to_dict()


def test_article_page_loads_without_console_errors(
        article_page: tuple[Path, dict[str, Any]], tmp_path: Path) -> None:
    page, _ = article_page
    loaded = load(page, tmp_path / "profile")
    assert 'data-ready="yes"' in loaded.dom, "the page's script did not run"
    assert loaded.console == []


def test_highlights_in_the_browser_match_the_spans(
        article_page: tuple[Path, dict[str, Any]], tmp_path: Path) -> None:
    page, data = article_page
    pieces = marked_pieces(load(page, tmp_path / "profile").dom)
    spans = _spans(data)
    assert spans and all(pieces[fact] == text for fact, text in spans.items())


def test_a_script_error_would_be_seen(tmp_path: Path) -> None:
    page = tmp_path / "broken.html"
    page.write_text("<!DOCTYPE html><html><body><script>undefinedThing.call();</script>"
                    "</body></html>", encoding="utf-8")
    assert any("undefinedThing" in line for line in load(page, tmp_path / "p").console)


def test_pages_fit_a_phone_and_screenshots_are_not_blank(
        article_page: tuple[Path, dict[str, Any]], tmp_path: Path) -> None:
    report = tmp_path / "report.html"
    report.write_text(report_html(_result_lines()), encoding="utf-8")
    for page in (article_page[0], report):
        loaded = load(page, tmp_path / "profile", *PHONE)
        assert 'data-overflow="no"' in loaded.dom, page.name
        assert loaded.console == []
        shot = screenshot(page, tmp_path / "profile", tmp_path / f"{page.stem}.png", *PHONE)
        assert png_colours(shot) > 20, f"{page.name}: the screenshot looks blank"


def test_blank_page_screenshot_is_recognised(tmp_path: Path) -> None:
    page = tmp_path / "blank.html"
    page.write_text("<!DOCTYPE html><html><body style='background:#fff'></body></html>",
                    encoding="utf-8")
    shot = screenshot(page, tmp_path / "p", tmp_path / "blank.png", 400, 300)
    assert png_colours(shot) <= 2


def test_report_page_shows_its_charts(tmp_path: Path) -> None:
    page = tmp_path / "report.html"
    page.write_text(report_html(_result_lines()), encoding="utf-8")
    dom = load(page, tmp_path / "profile").dom
    assert dom.count("<svg") == 4 and "Officials seen" in dom and "none found" not in dom
