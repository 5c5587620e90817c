"""No site definition regex can stall a crawl: checked by construction, then run once on
hostile links under a watchdog that fails the test instead of hanging it."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from danvan_nlp.errors import InputError
from danvan_nlp.scrapers.discover import discover
from danvan_nlp.scrapers.regex_safety import unsafe_reason
from danvan_nlp.scrapers.sites import load_sites

SITES_DIR = Path(__file__).resolve().parents[2] / "scrapers" / "sites"
OLD_GENERIC = (r"(?:^.*[-/_](?P<id>\d{4,})(?:\.html?)?/?$)"
               r"|(?:/[^/]*-[^/]*-[^/]*-[^/]+\.html?$)")
WATCHDOG_SECONDS = 120  # generous: the real run takes milliseconds, the old regex hours


def bundled_patterns() -> list[tuple[str, str, int]]:
    """(file:field, pattern, flags) of every regex in every bundled definition."""
    found: list[tuple[str, str, int]] = []
    for path in sorted([*SITES_DIR.glob("*.json"), *SITES_DIR.glob("templates/*.json")]):
        raw = json.loads(path.read_text(encoding="utf-8"))
        if "article_url" in raw:  # else inherited from its template, checked there
            found.append((f"{path.name}:article_url", raw["article_url"], re.IGNORECASE))
        found.extend((f"{path.name}:skip_titles", pattern, re.IGNORECASE)
                     for pattern in raw.get("skip_titles", []))
        if raw.get("discovery", {}).get("sitemap_month"):
            found.append((f"{path.name}:sitemap_month", raw["discovery"]["sitemap_month"], 0))
        text = raw.get("text", {})
        found.extend((f"{path.name}:drop_lines", pattern, 0)
                     for pattern in text.get("drop_lines", []))
        if text.get("lead_prefix"):
            found.append((f"{path.name}:lead_prefix", text["lead_prefix"], 0))
    return found


@pytest.mark.parametrize(("where", "pattern", "flags"), bundled_patterns(),
                         ids=[item[0] for item in bundled_patterns()])
def test_every_bundled_regex_is_linear_by_construction(where: str, pattern: str,
                                                       flags: int) -> None:
    assert unsafe_reason(pattern, flags) is None, where


@pytest.mark.parametrize(("pattern", "problem"), [
    (OLD_GENERIC, "overlapping"),
    (r"/[^/]*-[^/]*-[^/]*\.html$", "overlapping"),
    (r"^(?:\w+-)+\d+$", "nested"),
    (r"^(a+)+$", "nested"),
    (r"^(?:a|ab)*c$", "nested"),
    (r"^\w+\s?\w+x", "overlapping"),
    (r"\d+x", "opens with an unbounded repeat"),
])
def test_backtracking_shapes_are_refused(pattern: str, problem: str) -> None:
    reason = unsafe_reason(pattern, re.IGNORECASE)
    assert reason is not None and problem in reason


@pytest.mark.parametrize("pattern", [
    r"-post(?P<id>\d+)\.html$",
    r"^/Home/(?:[^/]+/){1,2}(?P<id>\d+)/[^/]+/?$",
    r"/(?:[^/-]*-){3}[^/]*\.html?$",
    r"^.*-\d+$",
])
def test_unambiguous_shapes_are_accepted(pattern: str) -> None:
    assert unsafe_reason(pattern) is None


def test_a_user_definition_with_a_backtracking_regex_is_refused(tmp_path: Path) -> None:
    raw = json.loads((SITES_DIR / "generic.json").read_text(encoding="utf-8"))
    raw.update(name="hostile", hosts=["example.vn"], article_url=OLD_GENERIC)
    (tmp_path / "hostile.json").write_text(json.dumps(raw), encoding="utf-8")
    with pytest.raises(InputError, match=r"hostile\.json: article_url .* hostile URL"):
        load_sites(str(tmp_path))


def test_generic_article_shapes_still_match() -> None:
    generic = load_sites()["generic"]
    assert generic.article_id("https://x.vn/tin-tuc/thai-nguyen-ra-mat-5001.html") == "5001"
    assert generic.article_id("https://x.vn/tin/abc_12345.htm") == "12345"
    assert generic.article_id("https://x.vn/bai/123456/") == "123456"
    assert generic.is_article_url("https://x.vn/tin/mot-hai-ba-bon.html")
    assert not generic.is_article_url("https://x.vn/tin/mot-hai-ba.html")
    assert not generic.is_article_url("https://x.vn/chuyen-muc/dan-van")


RUN_ALL = """
import re, sys
from danvan_nlp.scrapers.sites import load_sites
hostile = ["/" + "-" * 10000, "/a" + "-" * 10000 + "x", "/" + "1-" * 5000 + "x",
           "/" * 10000, "/" + "-" * 10000 + ".htm!", "/" + "a-" * 5000 + ".htmx",
           "/" + "_" * 10000 + "1x", "/" + "1" * 10000 + "x", "/" + "-post1" * 2000 + "x",
           "/Home/" + "a/" * 5000 + "x", " " * 10000 + "x", "0:00 " * 2000 + "/"]
runs = 0
for site in load_sites().values():
    patterns = [site.article_url, *site.text.drop_lines]
    patterns += [site.text.lead_prefix] if site.text.lead_prefix else []
    for pattern in patterns:
        for link in hostile:
            pattern.search(link)
            runs += 1
print(runs)
"""


def test_every_regex_survives_hostile_links_under_a_watchdog() -> None:
    try:
        done = subprocess.run([sys.executable, "-c", RUN_ALL], capture_output=True, text=True,
                              timeout=WATCHDOG_SECONDS, check=False)
    except subprocess.TimeoutExpired:
        pytest.fail(f"a site regex was still backtracking after {WATCHDOG_SECONDS} s")
    assert done.returncode == 0, done.stderr
    patterns = sum(1 + len(site.text.drop_lines) + (site.text.lead_prefix is not None)
                   for site in load_sites().values())
    assert int(done.stdout) == patterns * 12


RUN_INTERNAL = """
from danvan_nlp.scrapers.cleanup import _SOURCE_LINE
from danvan_nlp.scrapers.dates import WEEKDAY_LINE, parse_date
from danvan_nlp.scrapers.discover import discover
from danvan_nlp.scrapers.sites import load_sites
generic = load_sites()["generic"]
print(discover("<!---->" * 600 + "<html><body>x</body></html>", "http://x.vn/", generic).kind)
print(discover("<!--" + "--" * 3000, "http://x.vn/", generic).kind)
print(WEEKDAY_LINE.match("Thứ Hai" + " " * 20000 + "x"))
print(WEEKDAY_LINE.match("Thứ Hai, 23/7/2024" + " " * 20000 + "x"))
print(_SOURCE_LINE.match("(" + "a." * 20000 + "!"))
print(parse_date("1 " * 20000))
"""


def test_the_scrapers_own_regexes_survive_hostile_pages_under_a_watchdog() -> None:
    """Comments before a sitemap's root took exponential time (22 comments: 3 s), a long
    run of blanks after a weekday quadratic time (20,000: 23 s)."""
    try:
        done = subprocess.run([sys.executable, "-c", RUN_INTERNAL], capture_output=True,
                              text=True, timeout=WATCHDOG_SECONDS, check=False)
    except subprocess.TimeoutExpired:
        pytest.fail(f"a scraper regex was still backtracking after {WATCHDOG_SECONDS} s")
    assert done.returncode == 0, done.stderr
    assert done.stdout.split("\n")[:6] == ["listing", "listing", "None", "None", "None", "None"]


def test_feeds_after_comments_and_processing_instructions_are_still_feeds() -> None:
    feed = ("<?xml version='1.0'?><!-- một --><!-- hai - ba --><?xml-stylesheet href='a.xsl'?>\n"
            "<rss><channel><item><link>http://x.vn/tin-tuc/mot-hai-ba-bon-5001.html</link>"
            "</item></channel></rss>")
    found = discover(feed, "http://x.vn/rss", load_sites()["generic"])
    assert found.kind == "feed" and len(found.articles) == 1
