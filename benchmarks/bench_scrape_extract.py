"""Time HTML-to-article extraction: our site definitions vs trafilatura.bare_extraction.

Run by hand (not part of the tests):

    .venv/bin/python benchmarks/bench_scrape_extract.py [--rounds N]

Pages: the scraper test fixtures (one folder per site definition), as they are and
padded with the menus, link lists and footers a real news page carries (~100 KB), so
the numbers say something about both tiny and realistic pages. Both extractors get
the same decoded HTML string; pages/second is over all pages and rounds.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from pathlib import Path

import trafilatura

from danvan_nlp.scrapers.extract import extract_article
from danvan_nlp.scrapers.sites import SiteDefinition, load_sites

FIXTURES = Path(__file__).resolve().parent.parent / "tests" / "scrapers" / "fixtures"
MENU_LINKS = 400
SIDEBAR_ITEMS = 60


def fixture_pages() -> list[tuple[str, str]]:
    """(site name, html) for every article fixture page."""
    pages = []
    for path in sorted(FIXTURES.glob("*/*.html")):
        if not path.name.startswith("list-"):
            pages.append((path.parent.name, path.read_text(encoding="utf-8")))
    return pages


def padded(html: str) -> str:
    """The page with a real site's weight of navigation and link lists around the article."""
    menu = "".join(f'<li><a href="/chuyen-muc/{n}">Chuyên mục {n}</a></li>'
                   for n in range(MENU_LINKS))
    sidebar = "".join(f'<div class="item"><a href="/tin-{n}-post{n}.html">Tin đọc nhiều số {n}: '
                      f'hội nghị sơ kết phong trào thi đua ở cơ sở</a><p>Tóm tắt tin {n}.</p></div>'
                      for n in range(SIDEBAR_ITEMS))
    head, _, rest = html.partition("<body>")
    return f"{head}<body><nav><ul>{menu}</ul></nav>{rest.replace('</body>', '')}" \
           f"<aside>{sidebar}</aside><footer>{menu}</footer></body></html>"


def rate(label: str, pages: list[tuple[str, str]], rounds: int,
         run: Callable[[str, str], object]) -> float:
    run(*pages[0])  # warm caches (compiled selectors, trafilatura settings)
    started = time.perf_counter()
    for _ in range(rounds):
        for site, html in pages:
            run(site, html)
    elapsed = time.perf_counter() - started
    per_second = len(pages) * rounds / elapsed
    print(f"  {label:<34} {per_second:8.1f} pages/s  ({elapsed / (len(pages) * rounds) * 1e3:.2f} "
          "ms/page)")
    return per_second


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=30)
    rounds = parser.parse_args().rounds
    sites: dict[str, SiteDefinition] = load_sites()
    url = "http://127.0.0.1/bai-viet"

    def ours(site: str, html: str) -> object:
        return extract_article(html, url, sites[site])

    def selectors_only(site: str, html: str) -> object:
        return extract_article(html, url, sites[site], fallbacks=False)

    def theirs(_: str, html: str) -> object:
        return trafilatura.bare_extraction(html, url=url, include_comments=False,
                                           with_metadata=True)

    def theirs_fast(_: str, html: str) -> object:
        return trafilatura.bare_extraction(html, url=url, include_comments=False,
                                           with_metadata=True, fast=True)

    compare(fixture_pages(), rounds, (ours, selectors_only, theirs, theirs_fast))


def compare(base: list[tuple[str, str]], rounds: int,
            runs: tuple[Callable[[str, str], object], ...]) -> None:
    """Print pages/second of every extractor on the fixture pages and on padded copies."""
    ours, selectors_only, theirs, theirs_fast = runs
    for title, pages in (("fixture pages", base),
                         ("padded pages", [(site, padded(html)) for site, html in base])):
        size = sum(len(html.encode()) for _, html in pages) / len(pages) / 1024
        print(f"{title}: {len(pages)} pages, {size:.1f} KB average, {rounds} rounds")
        mine = rate("site definitions (+fallbacks)", pages, rounds, ours)
        known = [(site, html) for site, html in pages if site != "generic"]
        rate("  known sites only", known, rounds, ours)
        rate("  selectors only, fallbacks off", pages, rounds, selectors_only)
        other = rate("trafilatura.bare_extraction", pages, rounds, theirs)
        rate("  same, fast=True", pages, rounds, theirs_fast)
        print(f"  speed-up of ours (+fallbacks) over bare_extraction: {mine / other:.1f}x\n")


if __name__ == "__main__":
    main()
